//! Large CSV imports are streamed (checked in parallel, written chunk by chunk, indexes
//! dropped and rebuilt inside the one transaction). An error far into the file, after
//! thousands of rows were already written and the indexes dropped, still leaves the
//! database file byte for byte as it was; a good file ends with every index rebuilt.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

const ROWS: usize = 25_000;

fn phoihop(db: &Path) -> Command {
    let mut c = Command::cargo_bin("phoihop").unwrap();
    c.env("PHOIHOP_DB", db).env("LANG", "C");
    c
}

fn run_ok(db: &Path, args: &[&str]) {
    let out = phoihop(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn base_db(dir: &Path) -> PathBuf {
    let db = dir.join("base.db");
    run_ok(&db, &["init"]);
    run_ok(
        &db,
        &["agency", "add", "BTC", "--name", "Ban Tổ chức Tỉnh ủy"],
    );
    run_ok(
        &db,
        &["agency", "add", "BTG", "--name", "Ban Tuyên giáo Tỉnh ủy"],
    );
    run_ok(
        &db,
        &[
            "program",
            "add",
            "XD",
            "--title",
            "Chương trình xây dựng hệ thống chính trị",
            "--from",
            "2019-01-01",
            "--to",
            "2020-12-31",
        ],
    );
    db
}

/// A tasks file of `ROWS` rows; row `bad` (0-based), if any, has progress 101.
fn tasks_csv(path: &Path, bad: Option<usize>) {
    let mut s =
        String::from("program,category,title,lead,with,cadence,deadline,status,progress,basis\n");
    for i in 0..ROWS {
        let progress = if Some(i) == bad { 101 } else { i % 100 };
        s.push_str(&format!(
            "XD,ideology,Đôn đốc thực hiện nhiệm vụ số {i},BTG,BTC,roadmap,2020-06-30,in_progress,{progress},\n"
        ));
    }
    std::fs::write(path, s).unwrap();
}

#[test]
fn an_error_deep_in_a_large_file_leaves_the_database_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let db = base_db(tmp.path());
    let bad = tmp.path().join("tasks.csv");
    tasks_csv(&bad, Some(23_999));
    let before = std::fs::read(&db).unwrap();
    for dry in [false, true] {
        let mut cmd = phoihop(&db);
        cmd.arg("import").arg(&bad);
        if dry {
            cmd.arg("--dry-run");
        }
        let out = cmd.output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(6), "{err}");
        assert!(
            err.contains("tasks.csv line 24001, field progress"),
            "dry run {dry}: {err}"
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "dry run {dry}: the database file changed"
        );
    }
}

#[test]
fn a_large_file_imports_whole_with_its_indexes() {
    let tmp = tempfile::tempdir().unwrap();
    let db = base_db(tmp.path());
    let good = tmp.path().join("tasks.csv");
    tasks_csv(&good, None);
    run_ok(&db, &["import", good.to_str().unwrap()]);

    let conn = rusqlite::Connection::open(&db).unwrap();
    let one = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(one("SELECT count(*) FROM task"), ROWS as i64);
    assert_eq!(one("SELECT count(*) FROM task_history"), ROWS as i64);
    assert_eq!(one("SELECT count(*) FROM task_with"), ROWS as i64);
    assert_eq!(
        one(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN \
             ('task_by_program', 'task_by_lead', 'task_by_deadline', \
              'task_with_by_agency', 'task_version_by_task')"
        ),
        5
    );
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let (title, fold): (String, String) = conn
        .query_row(
            "SELECT title, title_fold FROM task ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(title, format!("Đôn đốc thực hiện nhiệm vụ số {}", ROWS - 1));
    assert_eq!(fold, format!("don doc thuc hien nhiem vu so {}", ROWS - 1));
    drop(conn);

    // The same file again: its first task is already there, nothing is added.
    let before = std::fs::read(&db).unwrap();
    let out = phoihop(&db)
        .args(["import", good.to_str().unwrap()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{err}");
    assert!(err.contains("tasks.csv line 2, field title"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
