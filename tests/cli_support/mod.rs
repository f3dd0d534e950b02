//! Shared helpers of the CLI tests: a temp database and the real binary run against it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A temp directory holding one database file.
pub struct Db {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

/// The real binary, with a clean environment as far as phoihop cares (English, no
/// PHOIHOP_DB).
pub fn bin() -> Command {
    let mut c = Command::cargo_bin("phoihop").expect("phoihop binary");
    c.env_remove("PHOIHOP_DB").env("LANG", "C");
    c
}

/// Runs the binary and returns (exit code, stdout, stderr).
pub fn run_in(db: &Path, args: &[&str]) -> (i32, String, String) {
    let out = bin()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run phoihop");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

impl Db {
    /// A new database, created with `phoihop init`.
    pub fn new() -> Db {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("phoihop.db");
        let db = Db { dir, path };
        db.ok(&["init"]);
        db
    }

    /// Runs with this database; returns (code, stdout, stderr).
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        run_in(&self.path, args)
    }

    /// Runs and asserts exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "phoihop {args:?} failed: {err}");
        assert!(err.is_empty(), "phoihop {args:?} wrote to stderr: {err}");
        out
    }

    /// Runs and asserts the exit code; checks stderr is one line, no panic; returns it.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        let (got, out, err) = self.run(args);
        assert_eq!(got, code, "phoihop {args:?}: stdout {out} stderr {err}");
        assert_one_sentence(&err);
        err
    }

    /// Runs with `--format json` appended and parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.extend(["--format", "json"]);
        let out = self.ok(&a);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    }

    /// The database file's bytes (meaningful between processes: the WAL is
    /// checkpointed when the last connection closes).
    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.path).expect("read db")
    }

    /// A plain SQLite connection to the file.
    pub fn sqlite(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.path).expect("open sqlite")
    }

    /// Two agencies (A, B), program P and the given tasks: (category, title, lead,
    /// deadline). Returns the new task ids.
    pub fn seed(&self, tasks: &[(&str, &str, &str, Option<&str>)]) -> Vec<i64> {
        self.ok(&["agency", "add", "A", "--name", "Ban Tổ chức Tỉnh ủy"]);
        self.ok(&["agency", "add", "B", "--name", "Ban Dân vận Tỉnh ủy"]);
        self.ok(&[
            "program",
            "add",
            "P",
            "--title",
            "Chương trình phối hợp năm 2019",
            "--from",
            "2019-01-01",
            "--to",
            "2030-12-31",
            "--party",
            "A",
            "--party",
            "B",
        ]);
        tasks
            .iter()
            .map(|(cat, title, lead, deadline)| self.add_task(cat, title, lead, *deadline))
            .collect()
    }

    /// Adds a task and returns its id (parsed from the confirmation line).
    pub fn add_task(&self, cat: &str, title: &str, lead: &str, deadline: Option<&str>) -> i64 {
        let mut args = vec![
            "task",
            "add",
            "--program",
            "P",
            "--category",
            cat,
            "--title",
            title,
            "--lead",
            lead,
        ];
        if let Some(d) = deadline {
            args.extend(["--deadline", d]);
        }
        task_id_of(&self.ok(&args))
    }
}

/// The id in "Added task 12 (version 1)."
pub fn task_id_of(confirmation: &str) -> i64 {
    confirmation
        .trim()
        .strip_prefix("Added task ")
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no task id in {confirmation:?}"))
}

/// Stderr of a failure: one line starting `phoihop: `, no panic, no backtrace.
pub fn assert_one_sentence(err: &str) {
    assert!(err.starts_with("phoihop: "), "stderr: {err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err:?}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}

/// The ids in a `task list --format json` answer.
pub fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|t| t["id"].as_i64().expect("id"))
        .collect()
}
