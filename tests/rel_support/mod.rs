//! Shared helpers of the reliability and security suite (tests/rel_*.rs): the real binary
//! on temp-file databases, plus what the CLI helpers do not have (copies of a template
//! database, child processes with limits, scale knobs for scripts/stress.sh).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The real binary, with a clean environment as far as phoihop cares.
pub fn cmd(db: &Path) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("phoihop"));
    c.env_remove("PHOIHOP_DB")
        .env("LANG", "C")
        .arg("--db")
        .arg(db);
    c
}

/// (exit code, stdout, stderr) of a finished child.
pub fn parts(out: &Output) -> (i32, String, String) {
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs the binary on `db` with `args`.
pub fn run(db: &Path, args: &[&str]) -> (i32, String, String) {
    parts(&cmd(db).args(args).output().expect("run phoihop"))
}

/// A number from the environment (set by scripts/stress.sh for the long runs), else
/// `default`.
pub fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Copies a closed database file (its WAL checkpointed away) to a new temp directory.
pub fn copy_db(template: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("phoihop.db");
    std::fs::copy(template, &path).expect("copy db");
    (dir, path)
}

/// `PRAGMA integrity_check` through a plain connection: "ok" on a healthy file.
pub fn integrity(path: &Path) -> String {
    let c = rusqlite::Connection::open(path).expect("open sqlite");
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check")
}

/// One scalar of a query through a plain connection.
pub fn scalar(path: &Path, sql: &str) -> i64 {
    let c = rusqlite::Connection::open(path).expect("open sqlite");
    c.query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// Stderr of a failure: one line starting `phoihop: `, no panic, no backtrace.
pub fn assert_one_sentence(err: &str) {
    assert!(err.starts_with("phoihop: "), "stderr: {err:?}");
    assert_eq!(err.trim_end().lines().count(), 1, "stderr: {err:?}");
    for bad in ["panicked", "backtrace", "internal error", "RUST_BACKTRACE"] {
        assert!(!err.contains(bad), "{err}");
    }
}

/// True when this process may mount filesystems in a private mount namespace
/// (`unshare -m`, normally root) — used to build tiny tmpfs and read-only mounts.
pub fn can_unshare_mount() -> bool {
    Command::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// Shell-quotes one word.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
