//! `phoihop restore BACKUP` through the real binary: the backup's data goes into the live
//! file (same inode) while another process writes and a TUI-like reader holds the file
//! open; the replaced state is kept; refusals change nothing.

mod cli_support;
mod pty_support;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use cli_support::{run_in, Db};
use phoihop::store::{os_login, Store};
use pty_support::Session;

fn tasks_in(path: &Path) -> i64 {
    let c = rusqlite::Connection::open(path).expect("open");
    c.query_row("SELECT count(*) FROM task", [], |r| r.get(0))
        .expect("count")
}

fn integrity(path: &Path) -> String {
    let c = rusqlite::Connection::open(path).expect("open");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// The files next to the database named `NAME.before-restore-…`.
fn kept_files(db: &Db) -> Vec<PathBuf> {
    let name = db.path.file_name().unwrap().to_string_lossy().into_owned();
    let mut v: Vec<PathBuf> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{name}.before-restore-"))
        })
        .collect();
    v.sort();
    v
}

/// A database with 3 tasks, its backup, then 2 more tasks in the live file.
fn live_and_backup() -> (Db, PathBuf, Vec<i64>) {
    let db = Db::new();
    let ids = db.seed(&[
        ("ideology", "Nhiệm vụ một", "A", Some("2020-06-30")),
        ("organization", "Nhiệm vụ hai", "B", Some("2020-06-30")),
        ("front", "Nhiệm vụ ba", "A", None),
    ]);
    let backup = db.dir.path().join("sao-luu.db");
    db.ok(&["backup", backup.to_str().unwrap()]);
    db.add_task("ideology", "Thêm sau sao lưu 1", "A", None);
    db.add_task("ideology", "Thêm sau sao lưu 2", "B", None);
    assert_eq!(tasks_in(&db.path), 5);
    (db, backup, ids)
}

#[test]
fn restore_while_a_writer_writes_and_a_reader_holds_the_file_open() {
    let (db, backup, ids) = live_and_backup();
    let inode = std::fs::metadata(&db.path).unwrap().ino();
    let stop = Arc::new(AtomicBool::new(false));

    // A TUI-like reader: a second Store on the file, reading in a loop.
    let reader = {
        let (path, stop) = (db.path.clone(), stop.clone());
        std::thread::spawn(move || {
            let store = Store::open(&path, false).expect("reader open");
            let mut seen = std::collections::BTreeSet::new();
            while !stop.load(Ordering::Relaxed) {
                let n = store
                    .count_tasks(&Default::default())
                    .expect("reader count");
                seen.insert(n);
                std::thread::sleep(Duration::from_millis(2));
            }
            seen
        })
    };
    // Another process writing: progress updates of a task that is in both states.
    let writer = {
        let (path, stop, id) = (db.path.clone(), stop.clone(), ids[0].to_string());
        std::thread::spawn(move || {
            let mut n = 0;
            let mut codes = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let p = (n % 98 + 1).to_string();
                let (code, _, err) = run_in(&path, &["task", "update", &id, "--progress", &p]);
                codes.push((code, err));
            }
            codes
        })
    };
    std::thread::sleep(Duration::from_millis(300));
    let out = db.ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("Restored from"), "{out}");
    assert!(out.contains("3 tasks"), "{out}");
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    let seen = reader.join().expect("reader");
    let codes = writer.join().expect("writer");
    assert!(!codes.is_empty());
    for (code, err) in &codes {
        assert_eq!(*code, 0, "a concurrent write failed: {err}");
    }
    // The reader saw the live state and then the restored one, and never an error.
    assert!(seen.contains(&3), "{seen:?}");

    // The restored state, in the same file.
    assert_eq!(std::fs::metadata(&db.path).unwrap().ino(), inode);
    assert_eq!(tasks_in(&db.path), 3);
    assert_eq!(integrity(&db.path), "ok");
    let check = db.ok(&["check"]);
    assert!(check.contains("healthy"), "{check}");
    db.ok(&["audit", "verify"]);

    // The audit row of the restore, with the file's name and its task count.
    let c = db.sqlite();
    let after: String = c
        .query_row(
            "SELECT after FROM audit WHERE action = 'restore' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("restore audit row");
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["file"], "sao-luu.db");
    assert_eq!(after["tasks"], 3);

    // The replaced state is kept next to the database, 0660, whole.
    let kept = kept_files(&db);
    assert_eq!(kept.len(), 1, "{kept:?}");
    let mode = std::fs::metadata(&kept[0]).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o660, "{:o}", mode);
    assert!(tasks_in(&kept[0]) >= 5);
    assert_eq!(integrity(&kept[0]), "ok");
    // No staging file is left behind.
    let left: Vec<_> = std::fs::read_dir(db.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("restore-staging"))
        .collect();
    assert!(left.is_empty());
}

#[test]
fn an_older_backup_is_migrated() {
    let db = Db::new();
    let old = db.dir.path().join("cu.db");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rel/schema-v1.db"),
        &old,
    )
    .unwrap();
    let n = tasks_in(&old);
    let out = db.ok(&["restore", old.to_str().unwrap()]);
    assert!(out.contains(&format!("{n} tasks")), "{out}");
    let c = db.sqlite();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, phoihop::store::schema::LATEST);
    assert!(db.ok(&["check"]).contains("healthy"));
}

#[test]
fn refusals_change_nothing() {
    let (db, backup, _) = live_and_backup();
    let text = db.dir.path().join("ghi-chu.txt");
    std::fs::write(&text, "không phải cơ sở dữ liệu\n".repeat(100)).unwrap();
    let err = db.fails(6, &["restore", text.to_str().unwrap()]);
    assert!(err.contains("not a phoihop database"), "{err}");

    let foreign = db.dir.path().join("khac.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let err = db.fails(6, &["restore", foreign.to_str().unwrap()]);
    assert!(err.contains("not a phoihop database"), "{err}");

    let newer = db.dir.path().join("moi.db");
    std::fs::copy(&backup, &newer).unwrap();
    rusqlite::Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", phoihop::store::schema::LATEST + 1)
        .unwrap();
    let err = db.fails(1, &["restore", newer.to_str().unwrap()]);
    assert!(err.contains("newer"), "{err}");

    let err = db.fails(3, &["restore", "khong-co.db"]);
    assert!(err.contains("does not exist"), "{err}");
    // The live database itself.
    db.fails(5, &["restore", db.path.to_str().unwrap()]);

    assert_eq!(tasks_in(&db.path), 5);
    assert!(kept_files(&db).is_empty());
}

#[test]
fn an_operator_may_not_restore() {
    let (db, backup, _) = live_and_backup();
    db.ok(&[
        "user",
        "grant",
        &os_login(),
        "--role",
        "operator",
        "--agency",
        "A",
    ]);
    let err = db.fails(5, &["restore", backup.to_str().unwrap()]);
    assert!(err.contains("operator"), "{err}");
    assert_eq!(tasks_in(&db.path), 5);
    assert!(kept_files(&db).is_empty());
}

/// `restore` while a real TUI (the binary in a pseudo-terminal) shows the tasks and
/// another process writes: the TUI picks the restored data up by itself (live refresh),
/// keeps running and quits normally; every write either waited for the restore or came
/// before it (none failed); the file is whole and `check` finds nothing.
#[test]
fn restore_while_a_tui_is_open_and_another_process_writes() {
    let (db, backup, ids) = live_and_backup();
    let mut tui = Session::start(&db.path, 120, 40, &["--lang", "en"]);
    tui.wait_text("Tasks by work category");
    tui.send("3");
    tui.wait_text("Thêm sau sao lưu 2");
    assert!(tui.text().contains("Nhiệm vụ ba"));

    let stop = Arc::new(AtomicBool::new(false));
    let writer = {
        let (path, stop, id) = (db.path.clone(), stop.clone(), ids[1].to_string());
        std::thread::spawn(move || {
            let mut results = Vec::new();
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                let p = (n % 98 + 1).to_string();
                results.push(run_in(&path, &["task", "update", &id, "--progress", &p]));
            }
            results
        })
    };
    std::thread::sleep(Duration::from_millis(200));
    let out = db.ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("3 tasks"), "{out}");
    // The TUI shows the restored tasks without a key pressed.
    let screen = tui.wait_for("the restored tasks on the TUI", |t| {
        !t.contains("Thêm sau sao lưu") && t.contains("Nhiệm vụ ba")
    });
    assert!(screen.contains("Nhiệm vụ hai"), "{screen}");
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    let results = writer.join().expect("writer");
    assert!(!results.is_empty());
    for (code, _, err) in &results {
        assert_eq!(*code, 0, "a concurrent write failed: {err}");
    }
    // The TUI is still running, and still reads the file.
    assert!(tui.child.try_wait().unwrap().is_none(), "the TUI ended");
    tui.send("1");
    tui.wait_text("Tasks by work category");
    tui.send("q");
    assert_eq!(tui.wait_code(Duration::from_secs(10)), 0);
    assert!(!tui.text().contains("panicked"));

    // What every session sees: the restored tasks (the writes that waited on top).
    assert_eq!(tasks_in(&db.path), 3);
    assert_eq!(integrity(&db.path), "ok");
    assert!(db.ok(&["check"]).contains("healthy"));
    let listed = db.json(&["task", "list"]);
    assert_eq!(cli_support::ids(&listed), ids);
}
