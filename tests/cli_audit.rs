//! `phoihop audit list|verify` and `phoihop check` on an audit log changed behind
//! phoihop's back with a plain SQLite connection: a deleted row, dropped triggers and (once
//! the database has the hash chain, schema version 5) a forged row each fail, naming the
//! row or the trigger in one sentence.

mod cli_support;

use cli_support::Db;

/// A database with a few audit rows (agency adds and role grants).
fn logged() -> Db {
    let db = Db::new();
    db.seed(&[]);
    let me = phoihop::store::os_login();
    db.ok(&["user", "grant", &me, "--role", "admin"]);
    db.ok(&["user", "grant", "lanhdao", "--role", "supervisor"]);
    db.ok(&["user", "grant", "minh", "--role", "supervisor"]);
    db
}

fn rows(db: &Db) -> i64 {
    db.sqlite()
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

/// True when the file has the hash column.
fn chained(db: &Db) -> bool {
    db.sqlite()
        .query_row(
            "SELECT count(*) FROM pragma_table_info('audit') WHERE name = 'hash'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
        == 1
}

const NO_UPDATE: &str = "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\nBEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";
const NO_DELETE: &str = "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\nBEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";

#[test]
fn list_and_verify_a_healthy_log() {
    let db = logged();
    let n = rows(&db);
    let list = db.json(&["audit", "list", "--limit", "2"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], n);
    assert_eq!(list[0]["action"], "grant");
    assert_eq!(list[0]["key"], "minh");
    assert!(db.ok(&["audit", "list"]).contains("minh"));
    let out = db.ok(&["audit", "verify"]);
    assert!(out.contains("intact"), "{out}");
    assert!(out.contains(&format!("{n} rows")), "{out}");
    let check = db.ok(&["check"]);
    assert!(check.contains("healthy"), "{check}");
    if chained(&db) {
        // The printed head verifies later; a made-up one does not.
        let head: String = db
            .sqlite()
            .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(check.contains(&head), "{check}");
        db.ok(&["audit", "verify", "--head", &head]);
        let err = db.fails(1, &["audit", "verify", "--head", &"0".repeat(64)]);
        assert!(err.contains("removed from the end"), "{err}");
    } else {
        assert!(out.contains("no hash chain yet"), "{out}");
    }
}

#[test]
fn a_deleted_row_fails_check_and_verify_naming_it() {
    let db = logged();
    db.sqlite()
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = 2; {NO_DELETE}"
        ))
        .unwrap();
    let err = db.fails(1, &["check"]);
    assert!(err.contains("problem"), "{err}");
    let (code, out, _) = db.run(&["check", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(out.contains("Audit row 2 is missing"), "{out}");
    let err = db.fails(1, &["audit", "verify"]);
    assert!(err.contains("Audit row 2 is missing"), "{err}");
}

#[test]
fn dropped_triggers_fail_check_naming_them() {
    for name in ["audit_no_update", "audit_no_delete", "audit_no_replace"] {
        let db = logged();
        db.sqlite()
            .execute_batch(&format!("DROP TRIGGER {name};"))
            .unwrap();
        let (code, out, _) = db.run(&["check", "--format", "json"]);
        assert_eq!(code, 1, "{name}: {out}");
        assert!(out.contains(&format!("trigger {name} is missing")), "{out}");
        let err = db.fails(1, &["audit", "verify"]);
        assert!(err.contains(name), "{err}");
    }
}

#[test]
fn a_forged_row_fails_check_naming_it() {
    let db = logged();
    if !chained(&db) {
        // Schema before version 5: the hash chain arrives with the migration.
        eprintln!("skipped: this schema has no audit hash chain yet");
        return;
    }
    // As the supervisor did: rewrite `actor` and put the trigger back.
    db.sqlite()
        .execute_batch(&format!(
            "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'ke-gian' WHERE id = 3; {NO_UPDATE}"
        ))
        .unwrap();
    let (code, out, _) = db.run(&["check", "--format", "json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Audit row 3 ("), "{out}");
    let err = db.fails(1, &["audit", "verify"]);
    assert!(
        err.contains("Audit row 3 (") && err.contains("ke-gian"),
        "{err}"
    );
}

/// The audit rows an import wrote for one kind of record: (key, after as JSON), in order.
fn imported(db: &Db, entity: &str) -> Vec<(String, serde_json::Value)> {
    let c = db.sqlite();
    let mut st = c
        .prepare(
            "SELECT entity_key, after FROM audit WHERE action = 'import' AND entity = ?1 ORDER BY id",
        )
        .unwrap();
    let rows = st
        .query_map([entity], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })
        .unwrap();
    rows.map(|r| {
        let (k, a) = r.unwrap();
        (k, serde_json::from_str(&a).unwrap())
    })
    .collect()
}

/// An import writes one audit row per record it adds (agency, program, each task with
/// the dates it was given and the line it came from), each in the hash chain, then the
/// row with the counts; a dry run writes none. Both ways in: a CSV directory (the
/// streamed import, more tasks than one batch of audit rows) and a JSON export (read
/// whole, with histories).
#[test]
fn an_import_writes_one_chained_row_per_record() {
    let db = Db::new();
    db.seed(&[("ideology", "Có sẵn", "A", None)]);
    let dir = db.dir.path().join("nhap");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("agencies.csv"),
        "code,name,kind\nC,Ban Nội chính Tỉnh ủy,party\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("programs.csv"),
        "code,title,kind,starts_on,ends_on\nQ,Chương trình hành động năm 2026,action,2026-01-01,2026-12-31\n",
    )
    .unwrap();
    let n = 150;
    let mut csv = String::from(
        "program,category,title,lead,with,cadence,deadline,status,progress,basis,created_on,completed_on\n",
    );
    // The back-dated task first (an admin may date tasks), then many more.
    csv.push_str(
        "P,front,Nhiệm vụ ghi lùi ngày,A,B,roadmap,2020-06-30,done,100,,2020-01-05,2020-06-01\n",
    );
    for i in 1..n {
        csv.push_str(&format!(
            "Q,ideology,Nhiệm vụ nhập số {i},C,A,roadmap,2026-12-31,in_progress,{},,,\n",
            i % 99 + 1
        ));
    }
    std::fs::write(dir.join("tasks.csv"), csv).unwrap();
    let before = rows(&db);
    db.ok(&["import", "--dry-run", dir.to_str().unwrap()]);
    assert_eq!(rows(&db), before, "a dry run wrote audit rows");
    db.ok(&["import", dir.to_str().unwrap()]);
    // One row per record, and the summary.
    let agencies = imported(&db, "agency");
    assert_eq!(agencies.len(), 1);
    assert_eq!(agencies[0].0, "C");
    assert_eq!(agencies[0].1["name"], "Ban Nội chính Tỉnh ủy");
    assert_eq!(agencies[0].1["source"], "agencies.csv line 2");
    let programs = imported(&db, "program");
    assert_eq!(programs.len(), 1);
    assert_eq!(programs[0].0, "Q");
    let tasks = imported(&db, "task");
    assert_eq!(tasks.len(), n);
    let ids: Vec<String> = {
        let c = db.sqlite();
        let mut st = c
            .prepare("SELECT id FROM task WHERE title LIKE 'Nhiệm vụ %' ORDER BY id")
            .unwrap();
        let v = st
            .query_map([], |r| r.get::<_, i64>(0))
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        v
    };
    assert_eq!(
        tasks.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>(),
        ids
    );
    let dated = &tasks[0].1;
    assert_eq!(dated["title"], "Nhiệm vụ ghi lùi ngày");
    assert_eq!(dated["created_on"], "2020-01-05");
    assert_eq!(dated["completed_on"], "2020-06-01");
    assert_eq!(dated["status"], "done");
    assert_eq!(dated["lead"], "A");
    assert_eq!(dated["with"], serde_json::json!(["B"]));
    assert_eq!(dated["source"], "tasks.csv line 2");
    assert_eq!(
        tasks[n - 1].1["source"],
        format!("tasks.csv line {}", n + 1)
    );
    assert_eq!(tasks[n - 1].1["program"], "Q");
    // The summary row closes the import.
    let (last_action, last_entity, last_after): (String, String, String) = db
        .sqlite()
        .query_row(
            "SELECT action, entity, after FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (last_action.as_str(), last_entity.as_str()),
        ("import", "import")
    );
    assert!(
        last_after.contains(&format!("\"tasks_added\":{n}")),
        "{last_after}"
    );
    assert_eq!(rows(&db), before + 1 + 1 + n as i64 + 1);
    // Every row is in the chain.
    let out = db.ok(&["audit", "verify"]);
    assert!(out.contains("intact"), "{out}");
    assert!(db.ok(&["check"]).contains("healthy"));

    // The JSON export of it, imported whole into a new database: one row per task too,
    // with its history.
    let json = db.dir.path().join("xuat.json");
    db.ok(&[
        "export",
        "--format",
        "json",
        "--out",
        json.to_str().unwrap(),
    ]);
    let other = Db::new();
    other.ok(&["import", json.to_str().unwrap()]);
    let tasks = imported(&other, "task");
    assert_eq!(tasks.len(), n + 1);
    assert!(
        tasks.iter().all(|(_, a)| a["history"].is_array()),
        "{:?}",
        tasks[0]
    );
    assert_eq!(imported(&other, "agency").len(), 3);
    assert_eq!(imported(&other, "program").len(), 2);
    assert!(other.ok(&["audit", "verify"]).contains("intact"));
}
