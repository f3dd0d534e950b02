//! Bad files: truncated and garbage database files, another program's SQLite file, a
//! directory given as the database, a garbage `-wal` beside a good file, a read-only
//! directory, a file size limit and a full disk. Each ends in one clear sentence on
//! stderr with its documented exit code, no panic, and nothing lost.
//!
//! The read-only directory and the full disk need a private mount namespace (`unshare
//! -m`, root) or, for the read-only directory, a login that is not root; a test that can
//! have neither says so on stderr and checks what it can.

mod rel_support;

use std::path::{Path, PathBuf};

use rel_support::{assert_one_sentence, copy_db, integrity, run, sh_quote};

/// A healthy current-version database (the v1 fixture, migrated) in a temp directory.
fn good_db() -> (tempfile::TempDir, PathBuf) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rel/schema-v1.db");
    let (dir, path) = copy_db(&fixture);
    let (code, _, err) = run(&path, &["init"]);
    assert_eq!(code, 0, "{err}");
    (dir, path)
}

fn task_count(path: &Path) -> usize {
    let (code, out, err) = run(path, &["task", "list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

/// Every kind of command on a bad file: exit `code`, one sentence, the file unchanged.
fn refused_everywhere(path: &Path, code: i32, what: &str) {
    let bytes = std::fs::read(path).unwrap();
    let dest = path.with_file_name("backup-of-bad.db");
    let dest_s = dest.to_str().unwrap().to_string();
    for args in [
        &["task", "list"][..],
        &["task", "show", "1"],
        &["task", "update", "2", "--progress", "5"],
        &["agency", "add", "X", "--name", "Ban X"],
        &["check"],
        &["init"],
        &["--read-only", "task", "list"],
        &["backup", &dest_s],
    ] {
        let (got, out, err) = run(path, args);
        assert_eq!(got, code, "{what}: {args:?}: {out} {err}");
        assert!(out.is_empty(), "{what}: {args:?} printed {out}");
        assert_one_sentence(&err);
        assert!(
            std::fs::read(path).unwrap() == bytes,
            "{what}: {args:?} changed the file"
        );
    }
    assert!(!dest.exists(), "{what}: a backup of a bad file was written");
}

#[test]
fn truncated_database_files() {
    let (_dir, good) = good_db();
    let len = std::fs::metadata(&good).unwrap().len();
    assert!(len > 40_000, "the fixture grew small: {len}");
    // (A cut inside the unused end of the last page can go unnoticed, and loses
    // nothing; these cuts remove pages.)
    for size in [50, 100, 4096, 20_000, len / 2, len - 4096] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("truncated.db");
        std::fs::copy(&good, &path).unwrap();
        let f = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(size).unwrap();
        drop(f);
        refused_everywhere(&path, 1, &format!("truncated to {size}"));
        let (_, _, err) = run(&path, &["task", "list"]);
        assert!(err.contains("damaged"), "{err}");
    }
    // An empty file is a new database, not a damaged one.
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let (code, _, err) = run(&empty, &["init"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(task_count(&empty), 0);
}

#[test]
fn garbage_database_files() {
    let mut noise = Vec::with_capacity(16_384);
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    while noise.len() < 16_384 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        noise.extend_from_slice(&x.to_le_bytes());
    }
    let mut sqlite_magic = b"SQLite format 3\0".to_vec();
    sqlite_magic.extend_from_slice(&noise[..8192]);
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend_from_slice(&noise[..1000]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("random bytes", noise.clone()),
        (
            "text",
            "Báo cáo sơ kết 6 tháng đầu năm\n".repeat(200).into_bytes(),
        ),
        ("SQLite magic then noise", sqlite_magic),
        ("PNG", png),
        ("JSON", br#"[{"id": 1, "title": "x"}]"#.to_vec()),
    ];
    for (what, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("garbage.db");
        std::fs::write(&path, &bytes).unwrap();
        refused_everywhere(&path, 1, what);
        let (_, _, err) = run(&path, &["task", "list"]);
        assert!(err.contains("not a phoihop database"), "{what}: {err}");
    }
}

#[test]
fn another_programs_sqlite_file_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('quan trọng');")
            .unwrap();
    }
    refused_everywhere(&path, 1, "foreign SQLite file");
    let (_, _, err) = run(&path, &["init"]);
    assert!(err.contains("another program"), "{err}");
    let c = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = c
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        tables, 1,
        "phoihop wrote its schema into another program's file"
    );
}

#[test]
fn a_directory_or_a_missing_place() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("not-a-file.db");
    std::fs::create_dir(&sub).unwrap();
    for args in [
        &["task", "list"][..],
        &["init"],
        &["--read-only", "task", "list"],
    ] {
        let (code, _, err) = run(&sub, args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert_one_sentence(&err);
        assert!(err.contains("is a directory"), "{err}");
    }
    let missing = dir.path().join("nowhere").join("x.db");
    let (code, _, err) = run(&missing, &["--read-only", "task", "list"]);
    assert_eq!(code, 3, "{err}");
    assert_one_sentence(&err);
    assert!(!missing.exists());
}

#[test]
fn garbage_wal_beside_a_good_database_loses_nothing() {
    let (_dir, path) = good_db();
    let (_, before, _) = run(&path, &["task", "list", "--format", "json"]);
    let mut wal = b"\x37\x7f\x06\x82".to_vec(); // a WAL magic number, then noise
    wal.extend((0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(path.with_file_name("phoihop.db-wal"), &wal).unwrap();
    let (code, after, err) = run(&path, &["task", "list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(after, before);
    assert_eq!(integrity(&path), "ok");
    let (code, _, err) = run(&path, &["task", "update", "2", "--progress", "80"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&path, &["check"]);
    assert_eq!(code, 0, "{err}");
}

fn is_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// Runs a shell script in a private mount namespace; (exit code, stdout, stderr).
fn in_namespace(script: &str) -> (i32, String, String) {
    rel_support::parts(
        &std::process::Command::new("unshare")
            .args(["-m", "sh", "-c", script])
            .env_remove("PHOIHOP_DB")
            .env("LANG", "C")
            .output()
            .expect("unshare"),
    )
}

fn exe() -> String {
    sh_quote(assert_cmd::cargo::cargo_bin("phoihop").to_str().unwrap())
}

#[test]
fn read_only_directory() {
    let (dir, path) = good_db();
    let bytes = std::fs::read(&path).unwrap();
    let d = dir.path();
    let db = sh_quote(path.to_str().unwrap());
    let new_db = sh_quote(d.join("new.db").to_str().unwrap());
    // (exit code, stderr) of each command, run with the directory read-only.
    let results: Vec<(i32, String)> = if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o555)).unwrap();
        let r = [
            run(&path, &["task", "list"]),
            run(&path, &["task", "update", "2", "--progress", "5"]),
            run(&path, &["--read-only", "task", "list"]),
            run(&d.join("new.db"), &["init"]),
        ]
        .into_iter()
        .map(|(c, _, e)| (c, e))
        .collect();
        std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o755)).unwrap();
        r
    } else if rel_support::can_unshare_mount() {
        let dq = sh_quote(d.to_str().unwrap());
        // Outside the directory made read-only, and not in the working directory.
        let err_dir = tempfile::tempdir().unwrap();
        let err_file = sh_quote(err_dir.path().join("err").to_str().unwrap());
        let exe = exe();
        let script = format!(
            "mount --bind {dq} {dq} && mount -o remount,bind,ro {dq} || exit 99
             for args in 'task list' 'task update 2 --progress 5' '--read-only task list'; do
               {exe} --db {db} $args >/dev/null 2>{e}; echo \"$? $(cat {e})\"; done
             {exe} --db {new_db} init >/dev/null 2>{e}; echo \"$? $(cat {e})\"",
            e = err_file
        );
        let (code, out, err) = in_namespace(&script);
        assert_eq!(code, 0, "{err}");
        out.lines()
            .map(|l| {
                let (c, e) = l.split_once(' ').unwrap();
                (c.parse().unwrap(), format!("{e}\n"))
            })
            .collect()
    } else {
        eprintln!("read_only_directory: root without mount namespaces; skipped");
        return;
    };
    assert_eq!(results.len(), 4, "{results:?}");
    for (i, (code, err)) in results.iter().enumerate() {
        assert_one_sentence(err);
        if i < 3 {
            assert_eq!(*code, 5, "command {i}: {err}");
            assert!(err.contains("not writable"), "{err}");
        } else {
            assert_eq!(*code, 1, "init in a read-only directory: {err}");
            assert!(err.contains("Cannot create the database file"), "{err}");
        }
    }
    assert!(std::fs::read(&path).unwrap() == bytes, "the file changed");
    assert!(!d.join("new.db").exists());
    assert_eq!(task_count(&path), 5);
}

/// Adds tasks with a long description until a write fails; returns how many were
/// confirmed and the failure's (exit code, stderr).
fn fill_until_failure(run_one: impl Fn(usize) -> (i32, String, String)) -> (usize, i32, String) {
    for i in 0..200 {
        let (code, out, err) = run_one(i);
        if code != 0 {
            assert!(out.is_empty(), "{out}");
            return (i, code, err);
        }
        assert!(out.starts_with("Added task"), "{out}");
    }
    panic!("the limit was never reached");
}

fn add_args(i: usize) -> Vec<String> {
    [
        "task",
        "add",
        "--program",
        "PH-2019",
        "--category",
        "front",
        "--lead",
        "MTTQ",
        "--title",
        &format!("Nhiệm vụ lấp đầy đĩa {i}"),
        "--description",
        &"Nội dung báo cáo chi tiết. ".repeat(60),
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// After a failed write: the file is sound, every confirmed write is there, and with the
/// limit gone writing works again.
fn nothing_lost(path: &Path, before: usize, confirmed: usize) {
    assert_eq!(integrity(path), "ok");
    assert_eq!(task_count(path), before + confirmed);
    let (code, out, err) = run(path, &["check"]);
    assert_eq!(code, 0, "{out} {err}");
    let args = add_args(999);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, _, err) = run(path, &a);
    assert_eq!(code, 0, "{err}");
    assert_eq!(task_count(path), before + confirmed + 1);
}

#[test]
fn file_size_limit() {
    let (_dir, path) = good_db();
    let before = task_count(&path);
    let limit = std::fs::metadata(&path).unwrap().len() + 24 * 1024;
    let (confirmed, code, err) = fill_until_failure(|i| {
        // SIGXFSZ ignored, as a shell's `ulimit -f` user would see it: write() fails
        // with EFBIG instead of the process being killed.
        let args = add_args(i)
            .iter()
            .map(|a| sh_quote(a))
            .collect::<Vec<_>>()
            .join(" ");
        rel_support::parts(
            &std::process::Command::new("sh")
                .arg("-c")
                .arg(format!(
                    "trap '' XFSZ; exec prlimit --fsize={limit} {} --db {} {args}",
                    exe(),
                    sh_quote(path.to_str().unwrap())
                ))
                .env("LANG", "C")
                .output()
                .unwrap(),
        )
    });
    if code == 127 || err.contains("prlimit: not found") {
        eprintln!("file_size_limit: no prlimit here; skipped");
        return;
    }
    assert_eq!(code, 1, "{err}");
    assert_one_sentence(&err);
    assert!(
        err.contains("could not be read or written") || err.contains("disk is full"),
        "{err}"
    );
    eprintln!(
        "file_size_limit: {confirmed} confirmed, then: {}",
        err.trim()
    );
    assert!(confirmed > 0, "the limit left no room at all");
    nothing_lost(&path, before, confirmed);
}

#[test]
fn full_disk_on_a_tiny_tmpfs() {
    if !rel_support::can_unshare_mount() {
        eprintln!("full_disk_on_a_tiny_tmpfs: no mount namespace here; skipped (file_size_limit covers the write failure)");
        return;
    }
    let (dir, path) = good_db();
    let before = task_count(&path);
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).unwrap();
    let (m, o, p) = (
        sh_quote(mnt.to_str().unwrap()),
        sh_quote(out_dir.to_str().unwrap()),
        sh_quote(path.to_str().unwrap()),
    );
    let desc = sh_quote(&add_args(0)[11]);
    let size = std::fs::metadata(&path).unwrap().len() / 1024 + 200;
    let script = format!(
        "mount -t tmpfs -o size={size}k tmpfs {m} || exit 99
         cp {p} {m}/p.db || exit 98
         i=0
         while [ $i -lt 200 ]; do
           {exe} --db {m}/p.db task add --program PH-2019 --category front --lead MTTQ \\
             --title \"Nhiệm vụ lấp đầy đĩa $i\" --description {desc} >/dev/null 2>{o}/err \\
             || {{ echo $? > {o}/code; echo $i > {o}/confirmed; break; }}
           i=$((i + 1))
         done
         cp {m}/p.db* {o}/",
        exe = exe()
    );
    let (code, _, err) = in_namespace(&script);
    assert_eq!(code, 0, "{err}");
    let read = |f: &str| std::fs::read_to_string(out_dir.join(f)).unwrap_or_default();
    let confirmed: usize = read("confirmed")
        .trim()
        .parse()
        .expect("the disk never filled");
    assert_eq!(read("code").trim(), "1");
    let err = read("err");
    assert_one_sentence(&err);
    assert!(
        err.contains("disk is full") || err.contains("could not be read or written"),
        "{err}"
    );
    eprintln!("full disk: {confirmed} confirmed, then: {}", err.trim());
    assert!(confirmed > 0);
    nothing_lost(&out_dir.join("p.db"), before, confirmed);
}
