//! Migrations: a database of every earlier schema version (tests/fixtures/rel/schema-vN.db,
//! made by tests/fixtures/rel/make-fixture.sh with the binary of that version) opens,
//! migrates to the current version and keeps every row.
//!
//! Adding migration N+1: before changing src/store/schema.rs, run the script with the
//! current binary to make schema-vN.db (if it is not there yet), commit it and add it to
//! FIXTURES; then write the migration and extend `migrated_rows_keep_their_values` with
//! what the new version must add or change.

mod rel_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use phoihop::store::schema::LATEST;
use rel_support::{assert_one_sentence, copy_db, integrity, run};
use rusqlite::types::Value;

/// (schema version, file under tests/fixtures/rel/).
const FIXTURES: &[(i64, &str)] = &[
    (1, "schema-v1.db"),
    (2, "schema-v2.db"),
    (3, "schema-v3.db"),
    (4, "schema-v4.db"),
    (5, "schema-v5.db"),
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rel")
        .join(name)
}

/// Every row of every user table, keyed by table, each row as column → value (columns
/// sorted), rows sorted.
type Dump = BTreeMap<String, Vec<BTreeMap<String, Value>>>;

fn dump(path: &Path) -> Dump {
    let c = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    let tables: Vec<String> = c
        // Views too: a table a migration turned into a view (task_history, schema 4)
        // must still give every old row.
        .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Dump::new();
    for t in tables {
        let mut st = c.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let cols: Vec<String> = st.column_names().map(|s| s.to_string()).collect();
        let mut rows: Vec<BTreeMap<String, Value>> = st
            .query_map([], |r| {
                let mut m = BTreeMap::new();
                for (i, c) in cols.iter().enumerate() {
                    m.insert(c.clone(), r.get::<_, Value>(i)?);
                }
                Ok(m)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        out.insert(t, rows);
    }
    out
}

fn user_version(path: &Path) -> i64 {
    rel_support::scalar(path, "PRAGMA user_version")
}

#[test]
fn fixtures_are_what_they_say() {
    for (v, name) in FIXTURES {
        let p = fixture(name);
        assert_eq!(user_version(&p), *v, "{name}");
        assert!(*v <= LATEST);
        let d = dump(&p);
        for t in [
            "agency",
            "program",
            "task",
            "task_history",
            "urge",
            "role_grant",
            "audit",
        ] {
            assert!(
                !d[t].is_empty(),
                "{name}: table {t} is empty; the fixture must touch every table"
            );
        }
    }
    // Every version before the current one has its fixture.
    for v in 1..LATEST {
        assert!(
            FIXTURES.iter().any(|(f, _)| *f == v),
            "no fixture of schema version {v}: see the comment at the top of this file"
        );
    }
}

#[test]
fn every_fixture_opens_migrates_and_keeps_every_row() {
    for (v, name) in FIXTURES {
        let (_dir, path) = copy_db(&fixture(name));
        let before = dump(&path);
        // An old schema cannot be migrated by a read-only open: refused, file untouched.
        if *v < LATEST {
            let bytes = std::fs::read(&path).unwrap();
            let (code, _, err) = run(&path, &["--read-only", "task", "list"]);
            assert_eq!(code, 1, "{err}");
            assert_one_sentence(&err);
            assert!(err.contains("migrated"), "{err}");
            assert_eq!(std::fs::read(&path).unwrap(), bytes);
        }
        let (code, out, err) = run(&path, &["init"]);
        assert_eq!(code, 0, "{name}: {err}");
        assert!(out.contains(&format!("schema version {LATEST}")), "{out}");
        assert_eq!(user_version(&path), LATEST);
        assert_eq!(integrity(&path), "ok");

        let after = dump(&path);
        for (table, rows) in &before {
            let now = after
                .get(table)
                .unwrap_or_else(|| panic!("{name}: table {table} is gone"));
            assert_eq!(rows.len(), now.len(), "{name}: rows of {table}");
            // Each old row, in the columns it had, is still there with the same values.
            for (old, new) in rows.iter().zip(now) {
                for (col, val) in old {
                    assert_eq!(new.get(col), Some(val), "{name}: {table}.{col}");
                }
            }
        }
        // The CLI reads it, and the domain's rules hold.
        let (code, out, err) = run(&path, &["check"]);
        assert_eq!(code, 0, "{name}: {out} {err}");
        let (code, out, _) = run(&path, &["task", "list", "--format", "json"]);
        assert_eq!(code, 0);
        let tasks: serde_json::Value = serde_json::from_str(&out).unwrap();
        // Tasks removed before the migration (schema 4 keeps them, dated) are not listed.
        let present = before["task"]
            .iter()
            .filter(|t| matches!(t.get("removed_on"), None | Some(Value::Null)))
            .count();
        assert_eq!(tasks.as_array().unwrap().len(), present);
        let (code, out, _) = run(&path, &["task", "show", "1", "--format", "json"]);
        assert_eq!(code, 0);
        let t: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(t["title"], "Quán triệt, triển khai Nghị quyết 18-NQ/TW");
        assert_eq!(t["status"], "done");
        assert_eq!(t["history"].as_array().unwrap().len(), 3);

        // Migrating again is a no-op: the file does not change.
        let bytes = std::fs::read(&path).unwrap();
        let (code, _, err) = run(&path, &["init"]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "{name}: a second init changed the file"
        );
        // Since version 2 the audit log also refuses an insert that reuses an id.
        let c = rusqlite::Connection::open(&path).unwrap();
        let e = c
            .execute(
                "INSERT OR REPLACE INTO audit (id, at, actor, action, entity, entity_key) SELECT id, at, 'x', action, entity, entity_key FROM audit",
                [],
            )
            .unwrap_err();
        assert!(e.to_string().contains("append-only"), "{e}");
        // Since version 3 one covering index in (program, id) order replaces the three
        // sorted by program, category and lead; a narrow one by lead remains.
        let sql = |name: &str| -> String {
            c.query_row(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?1",
                [name],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert!(sql("task_by_program").contains("(program_id, id, category_id"));
        assert!(sql("task_by_lead").contains("ON task(lead_id"));
        // Since version 4 every change is a dated version, tasks are never deleted (a
        // removal is dated, so the live indexes leave removed tasks out) and ids come
        // from AUTOINCREMENT.
        assert!(sql("task_by_program").ends_with("WHERE removed_on IS NULL"));
        assert!(sql("task_version_at")
            .starts_with("CREATE INDEX task_version_at ON task_version(valid_to, valid_from"));
        let table: String = c
            .query_row(
                "SELECT sql FROM sqlite_master WHERE name = 'task'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(table.contains("AUTOINCREMENT"), "{table}");
        let versions: i64 = c
            .query_row("SELECT count(*) FROM task_version", [], |r| r.get(0))
            .unwrap();
        let history: i64 = c
            .query_row("SELECT count(*) FROM task_history", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            versions, history,
            "{name}: every history row became a version"
        );
        let gone: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'task_by_category'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(gone, 0, "{name}");
        // Since version 6 every agency has its place among its siblings, taken from the
        // order they were added in, and agencies list in protocol order (the tree).
        let unplaced: i64 = c
            .query_row(
                "SELECT count(*) FROM agency WHERE position IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(unplaced, 0, "{name}");
        drop(c);
        let (code, out, err) = run(&path, &["agency", "list", "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let list: serde_json::Value = serde_json::from_str(&out).unwrap();
        let codes: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["TU", "BTC", "BDV", "UBND", "MTTQ"], "{name}");
        // And writes work on the migrated file.
        let (code, _, err) = run(&path, &["task", "update", "2", "--progress", "70"]);
        assert_eq!(code, 0, "{err}");
    }
}

#[test]
fn agencies_take_the_place_they_are_given() {
    let (_dir, path) = copy_db(&fixture(FIXTURES.last().unwrap().1));
    let codes = || -> Vec<String> {
        let (code, out, err) = run(&path, &["agency", "list", "--format", "json"]);
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|a| a["code"].as_str().unwrap().to_string())
            .collect()
    };
    // A new agency goes last among its siblings, or where --position puts it.
    let (code, _, err) = run(
        &path,
        &[
            "agency",
            "add",
            "BTG",
            "--name",
            "Ban Tuyên giáo Tỉnh ủy",
            "--parent",
            "TU",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(
        &path,
        &[
            "agency",
            "add",
            "VP",
            "--name",
            "Văn phòng Tỉnh ủy",
            "--parent",
            "TU",
            "--position",
            "1",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(codes(), ["TU", "VP", "BTC", "BDV", "BTG", "UBND", "MTTQ"]);
    // Edit moves it; a position past the end puts it last; top-level agencies too.
    let (code, _, err) = run(&path, &["agency", "edit", "BTG", "--position", "2"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&path, &["agency", "edit", "VP", "--position", "99"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&path, &["agency", "edit", "MTTQ", "--position", "2"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(codes(), ["TU", "BTG", "BTC", "BDV", "VP", "MTTQ", "UBND"]);
    // Moved under another parent, it goes last there.
    let (code, _, err) = run(&path, &["agency", "edit", "BTC", "--parent", "UBND"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(codes(), ["TU", "BTG", "BDV", "VP", "MTTQ", "UBND", "BTC"]);
    // No place 0: one sentence, nothing changed.
    let bytes = std::fs::read(&path).unwrap();
    for args in [
        &["agency", "edit", "BTG", "--position", "0"][..],
        &[
            "agency",
            "add",
            "X",
            "--name",
            "Cơ quan X",
            "--position",
            "-1",
        ],
    ] {
        let (code, out, err) = run(&path, args);
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty());
        assert_one_sentence(&err);
        assert!(err.contains("position"), "{err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn two_processes_migrating_at_once_both_succeed() {
    for (_, name) in FIXTURES {
        let (_dir, path) = copy_db(&fixture(name));
        let rows = dump(&path);
        let children: Vec<_> = (0..4)
            .map(|_| {
                rel_support::cmd(&path)
                    .args(["task", "list", "--format", "json"])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for c in children {
            let (code, _, err) = rel_support::parts(&c.wait_with_output().unwrap());
            assert_eq!(code, 0, "{name}: {err}");
        }
        assert_eq!(user_version(&path), LATEST);
        // Every old row, in the columns it had (migration 4 adds `removed_on`).
        let now = dump(&path);
        assert_eq!(now["task"].len(), rows["task"].len(), "{name}");
        for (old, new) in rows["task"].iter().zip(&now["task"]) {
            for (col, val) in old {
                assert_eq!(new.get(col), Some(val), "{name}: task.{col}");
            }
        }
    }
}

#[test]
fn a_newer_schema_is_refused_and_left_alone() {
    let (_dir, path) = copy_db(&fixture(FIXTURES[0].1));
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", LATEST + 1).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    for args in [
        &["init"][..],
        &["task", "list"],
        &["--read-only", "task", "list"],
        &["task", "update", "2", "--progress", "1"],
        &["check"],
        &["backup", "/nonexistent-dir/x.db"],
    ] {
        let (code, out, err) = run(&path, args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(out.is_empty());
        assert_one_sentence(&err);
        assert!(err.contains("newer"), "{args:?}: {err}");
        assert!(err.contains("upgrade phoihop"), "{err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

/// Issue #21: any schema version this binary cannot take — negative, zero on a file with
/// tables, or newer — is one sentence and exit 1, whatever the command, and the file is
/// left as it was (before the fix, version −1 was "internal error (index out of bounds …)").
#[test]
fn unexpected_schema_versions_are_one_sentence_and_exit_1() {
    for (version, says) in [
        (-1, "which no phoihop ever writes"),
        (0, "another program"),
        (99, "newer than this phoihop knows"),
    ] {
        let (_dir, path) = copy_db(&fixture(FIXTURES[FIXTURES.len() - 1].1));
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.pragma_update(None, "user_version", version).unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        for args in [
            &["task", "list"][..],
            &["--read-only", "task", "list"],
            &["report"],
            &["check"],
        ] {
            let (code, out, err) = run(&path, args);
            assert_eq!(code, 1, "version {version}, {args:?}: {err}");
            assert!(out.is_empty(), "{out}");
            assert_one_sentence(&err);
            assert!(err.contains(says), "version {version}, {args:?}: {err}");
            assert!(!err.contains("internal error"), "{err}");
            assert!(
                version == 0 || err.contains(&version.to_string()),
                "the sentence names the version: {err}"
            );
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "version {version}");
    }
}
