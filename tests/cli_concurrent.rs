//! Many people at once on one file: 8 processes of the real binary, each running 30
//! `task update`s in a row on 3 overlapping tasks. Every update must be in the history,
//! every process must exit 0, and no "database is locked" may reach a user.

mod cli_support;

use std::collections::HashSet;
use std::process::Command;

use cli_support::Db;

const WRITERS: usize = 8;
const UPDATES: usize = 30;

#[test]
fn eight_writers_lose_no_update() {
    let db = Db::new();
    let tasks = db.seed(&[
        ("ideology", "Một", "A", Some("2030-06-30")),
        ("organization", "Hai", "B", Some("2030-06-30")),
        ("front", "Ba", "A", None),
    ]);
    let exe = assert_cmd::cargo::cargo_bin("phoihop");
    let handles: Vec<_> = (0..WRITERS)
        .map(|w| {
            let exe = exe.clone();
            let path = db.path.clone();
            let tasks = tasks.clone();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for i in 0..UPDATES {
                    // Writers start on different tasks and walk over all three.
                    let task = tasks[(w + i) % tasks.len()];
                    let out = Command::new(&exe)
                        .env_remove("PHOIHOP_DB")
                        .env("LANG", "C")
                        .arg("--db")
                        .arg(&path)
                        .args(["task", "update", &task.to_string()])
                        .args(["--progress", &((w * UPDATES + i) % 100).to_string()])
                        .args(["--note", &format!("w{w}-u{i}")])
                        .output()
                        .expect("run phoihop");
                    let err = String::from_utf8_lossy(&out.stderr).into_owned();
                    if !out.status.success() || !err.is_empty() {
                        failures.push(format!("w{w}-u{i}: {:?} {err}", out.status.code()));
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().expect("writer thread"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed updates, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    assert!(!failures.iter().any(|f| f.contains("locked")));

    let mut notes = HashSet::new();
    let mut total_versions = 0;
    for t in &tasks {
        let shown = db.json(&["task", "show", &t.to_string()]);
        let history = shown["history"].as_array().expect("history");
        for h in history {
            if let Some(n) = h["note"].as_str() {
                assert!(notes.insert(n.to_string()), "note {n} twice");
            }
        }
        // One history row per write, plus the row of the task's creation.
        assert_eq!(
            shown["version"].as_i64().unwrap() as usize,
            history.len(),
            "task {t}"
        );
        total_versions += history.len() - 1;
    }
    assert_eq!(notes.len(), WRITERS * UPDATES);
    assert_eq!(total_versions, WRITERS * UPDATES);
    for w in 0..WRITERS {
        for i in 0..UPDATES {
            assert!(notes.contains(&format!("w{w}-u{i}")), "lost w{w}-u{i}");
        }
    }
    db.ok(&["check"]);
}
