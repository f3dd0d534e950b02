//! The setgid install end to end, with real OS accounts (docs/deployment.md): a copy of the
//! built binary set `root:GROUP 2755`, a database directory `root:GROUP 2770`, and three
//! accounts that are not members of GROUP — an operator, a supervisor and a login without
//! a grant — each spawned with its own uid and gid.
//!
//! Needs root (CI runs as root) and `useradd`/`groupadd`; skipped otherwise. Every test
//! creates its own group and accounts and removes them when it ends, pass or fail; files
//! stay inside its temp directory.

mod rel_support;

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A group and accounts made for one test, removed on drop.
struct Accounts {
    group: String,
    users: Vec<String>,
}

impl Drop for Accounts {
    fn drop(&mut self) {
        for u in &self.users {
            let _ = Command::new("userdel").arg(u).output();
        }
        let _ = Command::new("groupdel").arg(&self.group).output();
    }
}

fn id_of(kind: &str, name: &str) -> u32 {
    let out = Command::new("id").arg(kind).arg(name).output().expect("id");
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or_else(|_| panic!("id {kind} {name}"))
}

/// The install: binary, database directory, database with the demo data and grants.
struct Install {
    dir: tempfile::TempDir,
    accounts: Accounts,
    bin: PathBuf,
    db: PathBuf,
    /// A directory each account owns (its "home").
    homes: PathBuf,
}

impl Install {
    fn operator(&self) -> &str {
        &self.accounts.users[0]
    }
    fn supervisor(&self) -> &str {
        &self.accounts.users[1]
    }
    fn stranger(&self) -> &str {
        &self.accounts.users[2]
    }

    /// The account's own directory.
    fn home(&self, user: &str) -> PathBuf {
        self.homes.join(user)
    }

    /// Runs `prog args` as `user` (its own uid and gid, no supplementary groups).
    fn run_as(&self, user: &str, prog: &Path, args: &[&str]) -> (i32, String, String) {
        let mut c = Command::new(prog);
        c.args(args)
            .env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("LANG", "C")
            .env("HOME", self.home(user))
            .current_dir(self.home(user))
            .uid(id_of("-u", user))
            .gid(id_of("-g", user));
        rel_support::parts(&c.output().expect("spawn as user"))
    }

    /// Runs phoihop on the database as `user`.
    fn phoihop(&self, user: &str, args: &[&str]) -> (i32, String, String) {
        let mut a = vec!["--db", self.db.to_str().expect("utf-8")];
        a.extend_from_slice(args);
        self.run_as(user, &self.bin, &a)
    }

    /// Runs phoihop as root (the admin who set the install up).
    fn root(&self, args: &[&str]) -> (i32, String, String) {
        let mut c = Command::new(&self.bin);
        c.env_remove("PHOIHOP_DB")
            .env("LANG", "C")
            .arg("--db")
            .arg(&self.db)
            .args(args);
        rel_support::parts(&c.output().expect("run phoihop"))
    }

    fn db_dir(&self) -> PathBuf {
        self.dir.path().join("db")
    }

    /// The names in the database directory (as root).
    fn db_dir_listing(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.db_dir())
            .expect("read db dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
            .collect();
        v.sort();
        v
    }
}

/// Sets up the install, or `None` (skipped) where the test cannot run.
fn install(tag: &str) -> Option<Install> {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: needs root to create accounts");
        return None;
    }
    if Command::new("useradd").arg("--help").output().is_err() {
        eprintln!("skipped: no useradd");
        return None;
    }
    let n = std::process::id() % 100_000;
    let group = format!("phg{tag}{n}");
    let ok = |c: &mut Command| {
        let out = c.output().expect("spawn");
        assert!(
            out.status.success(),
            "{c:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    ok(Command::new("groupadd").arg(&group));
    let mut accounts = Accounts {
        group: group.clone(),
        users: Vec::new(),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let homes = dir.path().join("home");
    std::fs::create_dir(&homes).expect("homes");
    std::fs::set_permissions(&homes, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    for role in ["op", "sup", "non"] {
        let user = format!("ph{role}{tag}{n}");
        // Not a member of the install's group: nobody is.
        ok(Command::new("useradd")
            .args(["-M", "-N", "-s", "/bin/sh", "-d"])
            .arg(homes.join(&user))
            .arg(&user));
        accounts.users.push(user.clone());
        let home = homes.join(&user);
        std::fs::create_dir(&home).expect("home");
        nix::unistd::chown(
            &home,
            Some(nix::unistd::Uid::from_raw(id_of("-u", &user))),
            Some(nix::unistd::Gid::from_raw(id_of("-g", &user))),
        )
        .expect("chown home");
    }
    let gid = nix::unistd::Gid::from_raw(
        nix::unistd::Group::from_name(&group)
            .expect("group")
            .expect("group exists")
            .gid
            .as_raw(),
    );
    // The binary: root:GROUP 2755.
    let bin_dir = dir.path().join("bin");
    std::fs::create_dir(&bin_dir).expect("bin dir");
    std::fs::set_permissions(&bin_dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let bin = bin_dir.join("phoihop");
    std::fs::copy(assert_cmd::cargo::cargo_bin("phoihop"), &bin).expect("copy binary");
    nix::unistd::chown(&bin, Some(nix::unistd::Uid::from_raw(0)), Some(gid)).expect("chown");
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o2755)).expect("chmod");
    // The database directory: root:GROUP 2770.
    let db_dir = dir.path().join("db");
    std::fs::create_dir(&db_dir).expect("db dir");
    nix::unistd::chown(&db_dir, Some(nix::unistd::Uid::from_raw(0)), Some(gid)).expect("chown");
    std::fs::set_permissions(&db_dir, std::fs::Permissions::from_mode(0o2770)).expect("chmod");
    let db = db_dir.join("phoihop.db");
    let inst = Install {
        dir,
        accounts,
        bin,
        db,
        homes,
    };
    // Root sets it up: the demo data, an admin, an operator of BTGDVTU, a supervisor.
    for args in [
        vec!["demo"],
        vec!["user", "grant", "root", "--role", "admin"],
        vec![
            "user",
            "grant",
            inst.operator(),
            "--role",
            "operator",
            "--agency",
            "BTGDVTU",
        ],
        vec!["user", "grant", inst.supervisor(), "--role", "supervisor"],
    ] {
        let (code, _, err) = inst.root(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
    }
    Some(inst)
}

/// A task led by BTGDVTU that is not done.
fn open_task_of_btgtu(inst: &Install) -> String {
    let (code, out, err) = inst.root(&["task", "list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let tasks: serde_json::Value = serde_json::from_str(&out).expect("json");
    tasks
        .as_array()
        .expect("array")
        .iter()
        .find(|t| t["lead"] == "BTGDVTU" && t["status"] != "done")
        .map(|t| t["id"].to_string())
        .expect("an open BTGDVTU task")
}

#[test]
fn the_setgid_install_is_the_only_door() {
    let Some(inst) = install("a") else { return };
    let users = [
        inst.operator().to_string(),
        inst.supervisor().to_string(),
        inst.stranger().to_string(),
    ];
    let db = inst.db.to_str().expect("utf-8").to_string();
    // No account reaches the file with another program.
    for user in &users {
        let (code, _, _) = inst.run_as(
            user,
            Path::new("/bin/sh"),
            &["-c", &format!("cat {db} > /dev/null")],
        );
        assert_ne!(code, 0, "{user} read the database file with cat");
        let (code, _, _) = inst.run_as(
            user,
            Path::new("/bin/sh"),
            &["-c", &format!("echo x >> {db}")],
        );
        assert_ne!(code, 0, "{user} wrote the database file");
        if Path::new("/usr/bin/sqlite3").exists() {
            let (code, out, _) = inst.run_as(
                user,
                Path::new("/usr/bin/sqlite3"),
                &[&db, "select count(*) from task"],
            );
            assert!(code != 0 && out.is_empty(), "{user}: sqlite3 read {out}");
        }
    }
    // phoihop works for each within their role.
    let task = open_task_of_btgtu(&inst);
    let (code, out, err) = inst.phoihop(
        inst.operator(),
        &["task", "update", &task, "--progress", "40"],
    );
    assert_eq!(code, 0, "operator update: {out} {err}");
    let (code, _, err) = inst.phoihop(
        inst.supervisor(),
        &["task", "update", &task, "--progress", "60"],
    );
    assert_eq!(code, 5, "supervisor update: {err}");
    let (code, _, err) = inst.phoihop(
        inst.supervisor(),
        &[
            "task",
            "urge",
            &task,
            "--message",
            "Đề nghị báo cáo tiến độ",
        ],
    );
    assert_eq!(code, 0, "supervisor urge: {err}");
    for user in &users {
        let (code, out, err) = inst.phoihop(user, &["task", "list", "--format", "json"]);
        assert_eq!(code, 0, "{user} list: {err}");
        assert!(out.contains("BTGDVTU"));
    }
    // The audit log names each by their real login.
    let (_, out, _) = inst.root(&["audit", "list", "--format", "json", "--limit", "2"]);
    assert!(
        out.contains(inst.operator()) && out.contains(inst.supervisor()),
        "{out}"
    );
    let (code, out, err) = inst.root(&["check"]);
    assert_eq!(code, 0, "{out} {err}");
}

#[test]
fn user_named_files_are_the_users_own_and_never_in_the_database_directory() {
    let Some(inst) = install("b") else { return };
    let op = inst.operator().to_string();
    let home = inst.home(&op);
    let before = std::fs::read(&inst.db).expect("read db");
    let listing = inst.db_dir_listing();
    // A report in the user's own directory: the user's file, the user's group, 0640.
    let report = home.join("bao-cao.md");
    let (code, _, err) = inst.phoihop(
        &op,
        &[
            "report",
            "--format",
            "md",
            "--out",
            report.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    let meta = std::fs::metadata(&report).expect("report");
    use std::os::unix::fs::MetadataExt;
    assert_eq!(meta.uid(), id_of("-u", &op));
    assert_eq!(
        meta.gid(),
        id_of("-g", &op),
        "the report has the user's own group"
    );
    assert_eq!(meta.mode() & 0o7777, 0o640);
    // A backup too, 0660.
    let backup = home.join("sao-luu.db");
    let (code, _, err) = inst.phoihop(&op, &["backup", backup.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{err}");
    let meta = std::fs::metadata(&backup).expect("backup");
    assert_eq!(meta.gid(), id_of("-g", &op));
    assert_eq!(meta.mode() & 0o7777, 0o660);
    // A planted symlink at an --out path, pointing at the live database: refused.
    let link = home.join("link.md");
    std::os::unix::fs::symlink(&inst.db, &link).expect("symlink");
    let (code, _, err) = inst.phoihop(
        &op,
        &[
            "report",
            "--format",
            "md",
            "--out",
            link.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(code, 5, "{err}");
    // Nothing written into the database directory: --out, export, backup, a new
    // database, the -wal file named as a database, the environment pointing elsewhere.
    let dir = inst.db_dir();
    let inside = |name: &str| dir.join(name).to_str().expect("utf-8").to_string();
    for args in [
        vec![
            "report".to_string(),
            "--format".into(),
            "md".into(),
            "--out".into(),
            inside("r.md"),
        ],
        vec![
            "export".into(),
            "--format".into(),
            "json".into(),
            "--out".into(),
            inside("e.json"),
        ],
        vec!["backup".into(), inside("b.db")],
        vec![
            "export".into(),
            "--format".into(),
            "csv".into(),
            "--out".into(),
            format!("{}/", inside("csv")),
        ],
        // Nor read from it: an import of the database file itself.
        vec!["import".into(), inside("phoihop.db")],
    ] {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = inst.phoihop(&op, &a);
        assert_ne!(code, 0, "{args:?}: {err}");
    }
    for db in [inside("new.db"), inside("phoihop.db-wal")] {
        let (code, _, err) = inst.run_as(&op, &inst.bin, &["--db", &db, "init"]);
        assert_ne!(code, 0, "{db}: {err}");
    }
    let elsewhere = home.join("mine.db");
    let (code, _, err) = inst.run_as(
        &op,
        &inst.bin,
        &["--db", elsewhere.to_str().expect("utf-8"), "init"],
    );
    assert_eq!(code, 5, "a database outside the install's directory: {err}");
    assert!(err.contains("setgid"), "{err}");
    assert!(!elsewhere.exists());
    assert_eq!(
        inst.db_dir_listing(),
        listing,
        "the database directory changed"
    );
    assert_eq!(
        std::fs::read(&inst.db).expect("read db"),
        before,
        "the database changed"
    );
}

#[test]
fn without_the_setgid_bit_the_same_accounts_are_denied() {
    let Some(inst) = install("c") else { return };
    std::fs::set_permissions(&inst.bin, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    for user in [inst.operator(), inst.supervisor(), inst.stranger()] {
        let (code, _, err) = inst.phoihop(user, &["task", "list"]);
        assert_ne!(code, 0, "{user} read the database without the setgid bit");
        assert!(!err.is_empty());
    }
}
