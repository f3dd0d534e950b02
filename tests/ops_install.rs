//! The install (docs/deployment.md): `check --deployment` on a real throwaway setgid
//! install and on each single fault in it, with real accounts and groups (uniquely
//! named, removed when the test ends); the Debian package; the SSH session end to end.
//!
//! Needs root (CI runs as root); skipped otherwise with a sentence.

mod rel_support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Accounts and a group made for one test, removed on drop.
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

fn ok(c: &mut Command) -> String {
    let out = c.output().expect("spawn");
    assert!(
        out.status.success(),
        "{c:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn gid_of(group: &str) -> nix::unistd::Gid {
    nix::unistd::Group::from_name(group)
        .expect("group")
        .expect("group exists")
        .gid
}

fn chown(p: &Path, uid: u32, gid: nix::unistd::Gid) {
    nix::unistd::chown(p, Some(nix::unistd::Uid::from_raw(uid)), Some(gid)).expect("chown");
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// A correct setgid install in a temp dir: the binary root:GROUP 2755, the database
/// directory root:GROUP 2770 with a database made by root, a root-owned config.
struct Install {
    dir: tempfile::TempDir,
    accounts: Accounts,
    bin: PathBuf,
    db: PathBuf,
    config: PathBuf,
}

fn install(tag: &str) -> Option<Install> {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: needs root to create a group and accounts");
        return None;
    }
    if Command::new("groupadd").arg("--help").output().is_err() {
        eprintln!("skipped: no groupadd");
        return None;
    }
    let n = std::process::id() % 100_000;
    let group = format!("phd{tag}{n}");
    ok(Command::new("groupadd").arg(&group));
    let accounts = Accounts {
        group: group.clone(),
        users: Vec::new(),
    };
    let gid = gid_of(&group);
    let dir = tempfile::tempdir().expect("temp dir");
    chmod(dir.path(), 0o755);
    let bin_dir = dir.path().join("bin");
    std::fs::create_dir(&bin_dir).unwrap();
    chmod(&bin_dir, 0o755);
    let bin = bin_dir.join("phoihop");
    std::fs::copy(env!("CARGO_BIN_EXE_phoihop"), &bin).expect("copy binary");
    chown(&bin, 0, gid);
    chmod(&bin, 0o2755);
    let db_dir = dir.path().join("db");
    std::fs::create_dir(&db_dir).unwrap();
    chown(&db_dir, 0, gid);
    chmod(&db_dir, 0o2770);
    let db = db_dir.join("phoihop.db");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, format!("database = \"{}\"\n", db.display())).unwrap();
    chmod(&config, 0o644);
    let inst = Install {
        dir,
        accounts,
        bin,
        db,
        config,
    };
    let (code, _, err) = inst.phoihop(&["demo"]);
    assert_eq!(code, 0, "{err}");
    Some(inst)
}

impl Install {
    fn phoihop(&self, args: &[&str]) -> (i32, String, String) {
        let mut c = Command::new(&self.bin);
        c.env_remove("PHOIHOP_DB")
            .env("LANG", "C")
            .env("PHOIHOP_LOG_DIR", self.dir.path().join("log"))
            .arg("--db")
            .arg(&self.db)
            .args(args);
        rel_support::parts(&c.output().expect("run phoihop"))
    }

    /// `check --deployment`: (exit code, the problems' lines).
    fn check(&self) -> (i32, Vec<String>, String) {
        let (code, out, err) = self.phoihop(&[
            "check",
            "--deployment",
            "--config",
            self.config.to_str().unwrap(),
        ]);
        let problems = out
            .lines()
            .filter(|l| l.starts_with("problem: "))
            .map(str::to_string)
            .collect();
        (code, problems, format!("{out}{err}"))
    }

    /// The problems apart from the backup timer (not installed in a temp dir).
    fn problems(&self) -> (i32, Vec<String>, String) {
        let (code, p, all) = self.check();
        let p: Vec<String> = p
            .into_iter()
            .filter(|l| !l.contains("backup timer"))
            .collect();
        (code, p, all)
    }
}

#[test]
fn check_deployment_passes_a_correct_install_and_names_each_fault() {
    let Some(mut inst) = install("ck") else {
        return;
    };
    let (_, problems, all) = inst.problems();
    assert!(
        problems.is_empty(),
        "a correct install has problems:\n{all}"
    );
    assert!(all.contains("ok: binary"), "{all}");
    assert!(all.contains("ok: directory"), "{all}");
    assert!(all.contains("nobody is a member"), "{all}");
    assert!(
        all.contains("backup timer"),
        "the timer is checked or said unchecked: {all}"
    );

    // A person in the group.
    let n = std::process::id() % 100_000;
    let user = format!("phdh{n}");
    ok(Command::new("useradd")
        .args(["-M", "-N", "-s", "/bin/sh", "-u"])
        .arg(format!("{}", 40_000 + n % 20_000))
        .args(["-G", &inst.accounts.group])
        .arg(&user));
    inst.accounts.users.push(user.clone());
    let (code, problems, all) = inst.problems();
    assert_eq!(code, 1, "{all}");
    assert_eq!(problems.len(), 1, "{all}");
    assert!(problems[0].contains(&user), "{all}");
    assert!(
        all.contains(&format!("gpasswd -d {user}")),
        "the fix: {all}"
    );
    ok(Command::new("gpasswd").args(["-d", &user, &inst.accounts.group]));

    // The directory 2775.
    let db_dir = inst.db.parent().unwrap().to_path_buf();
    chmod(&db_dir, 0o2775);
    let (code, problems, all) = inst.problems();
    assert_eq!(code, 1, "{all}");
    assert_eq!(problems.len(), 1, "{all}");
    assert!(problems[0].contains("mode 2775, not 2770"), "{all}");
    assert!(all.contains("chmod 2770"), "{all}");
    chmod(&db_dir, 0o2770);

    // The database 0640.
    chmod(&inst.db, 0o640);
    let (code, problems, all) = inst.problems();
    assert_eq!(code, 1, "{all}");
    assert_eq!(problems.len(), 1, "{all}");
    assert!(problems[0].contains("mode 0640, not 0660"), "{all}");
    assert!(all.contains("chmod 0660"), "{all}");
    chmod(&inst.db, 0o660);

    // The binary without its setgid bit.
    chmod(&inst.bin, 0o755);
    let (code, problems, all) = inst.problems();
    assert_eq!(code, 1, "{all}");
    assert!(
        problems.iter().any(|p| p.contains("mode 0755, not 2755")),
        "{all}"
    );
    chmod(&inst.bin, 0o2755);

    // A config file someone else may write.
    chmod(&inst.config, 0o666);
    let (code, problems, all) = inst.problems();
    assert_eq!(code, 1, "{all}");
    assert_eq!(problems.len(), 1, "{all}");
    assert!(problems[0].contains("only root may change it"), "{all}");
    chmod(&inst.config, 0o644);

    let (_, problems, all) = inst.problems();
    assert!(problems.is_empty(), "repaired: {all}");
}

mod pty_support;

/// The first free TCP port from `start` on 127.0.0.1.
fn free_port(start: u16) -> u16 {
    (start..start + 500)
        .find(|p| std::net::TcpListener::bind(("127.0.0.1", *p)).is_ok())
        .expect("a free port")
}

/// A private sshd on 127.0.0.1, stopped (by its pid) on drop.
struct Sshd {
    child: std::process::Child,
    made_run_dir: bool,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.made_run_dir {
            let _ = std::fs::remove_dir("/run/sshd");
        }
    }
}

/// The login's processes running the install's binary (as `ps` sees them).
fn server_side(uid: u32, bin: &Path) -> Vec<String> {
    let out = Command::new("ps")
        .args(["-o", "pid=,args=", "-U"])
        .arg(uid.to_string())
        .output()
        .expect("ps");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        // The binary itself, not the `sh -c` that sshd runs the ForceCommand through.
        .filter(|l| l.split_whitespace().nth(1) == bin.to_str())
        .map(str::to_string)
        .collect()
}

#[test]
fn an_operator_over_real_ssh_with_forcecommand() {
    use std::time::{Duration, Instant};
    let sshd_bin = Path::new("/usr/sbin/sshd");
    if !sshd_bin.exists() || Command::new("ssh").arg("-V").output().is_err() {
        eprintln!("skipped: no sshd or ssh client here (.ci/run installs openssh-server)");
        return;
    }
    let Some(mut inst) = install("ss") else {
        return;
    };
    // The operators' group (ForceCommand applies to it) and one operator in it; neither
    // is the install's group.
    let n = std::process::id() % 100_000;
    let ops_group = format!("phso{n}");
    ok(Command::new("groupadd").arg(&ops_group));
    let _ops = Accounts {
        group: ops_group.clone(),
        users: Vec::new(),
    };
    let user = format!("phsu{n}");
    let home = inst.dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    ok(Command::new("useradd")
        .args(["-M", "-N", "-s", "/bin/sh", "-G", &ops_group, "-d"])
        .arg(&home)
        .arg(&user));
    inst.accounts.users.push(user.clone());
    // Not locked (sshd refuses a "!" password), still no password.
    ok(Command::new("usermod").args(["-p", "*", &user]));
    let uid: u32 = ok(Command::new("id").args(["-u", &user]))
        .trim()
        .parse()
        .unwrap();
    let gid: u32 = ok(Command::new("id").args(["-g", &user]))
        .trim()
        .parse()
        .unwrap();
    nix::unistd::chown(
        &home,
        Some(nix::unistd::Uid::from_raw(uid)),
        Some(nix::unistd::Gid::from_raw(gid)),
    )
    .unwrap();
    let (code, _, err) = inst.phoihop(&["user", "grant", "root", "--role", "admin"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = inst.phoihop(&[
        "user", "grant", &user, "--role", "operator", "--agency", "BTGDVTU",
    ]);
    assert_eq!(code, 0, "{err}");
    // Keys made here.
    let keys = inst.dir.path().join("ssh");
    std::fs::create_dir(&keys).unwrap();
    chmod(&keys, 0o755);
    for k in ["host", "user"] {
        ok(Command::new("ssh-keygen")
            .args(["-q", "-t", "ed25519", "-N", "", "-f"])
            .arg(keys.join(k)));
    }
    let auth = keys.join("authorized_keys");
    std::fs::copy(keys.join("user.pub"), &auth).unwrap();
    chmod(&auth, 0o644);
    let port = free_port(42_000 + (n % 1000) as u16);
    let config = keys.join("sshd_config");
    std::fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nPidFile {pid}\nAuthorizedKeysFile {auth}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\n\
             PermitRootLogin no\nAllowUsers {user}\nX11Forwarding no\nAllowTcpForwarding no\n\
             ClientAliveInterval 1\nClientAliveCountMax 1\n\
             Match Group {ops_group}\n    ForceCommand {bin} --db {db} --lang en\n",
            host = keys.join("host").display(),
            pid = keys.join("sshd.pid").display(),
            auth = auth.display(),
            bin = inst.bin.display(),
            db = inst.db.display(),
        ),
    )
    .unwrap();
    let made_run_dir = !Path::new("/run/sshd").exists();
    if made_run_dir {
        std::fs::create_dir_all("/run/sshd").unwrap();
        chmod(Path::new("/run/sshd"), 0o755);
    }
    let t = Command::new(sshd_bin)
        .args(["-t", "-f"])
        .arg(&config)
        .output()
        .unwrap();
    if !t.status.success() {
        if made_run_dir {
            let _ = std::fs::remove_dir("/run/sshd");
        }
        eprintln!(
            "skipped: sshd cannot run here: {}",
            String::from_utf8_lossy(&t.stderr).trim()
        );
        return;
    }
    let _sshd = Sshd {
        child: Command::new(sshd_bin)
            .args(["-D", "-e", "-f"])
            .arg(&config)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
        made_run_dir,
    };
    let ready = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            ready.elapsed() < Duration::from_secs(10),
            "sshd did not listen"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let client = || {
        let mut c = portable_pty::CommandBuilder::new("ssh");
        c.args(["-tt", "-q", "-p", &port.to_string(), "-i"]);
        c.arg(keys.join("user"));
        c.args([
            "-o",
            "BatchMode=yes",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
        ]);
        c.arg(format!("{user}@127.0.0.1"));
        // Whatever the client asks to run, the server runs phoihop.
        c.arg("/bin/sh");
        c.env("LANG", "C.UTF-8");
        pty_support::Session::start_cmd(c, 120, 40)
    };
    let mut a = client();
    let mut b = client();
    // The operator lands on their agency's work; Esc is the province's dashboard.
    for s in [&mut a, &mut b] {
        s.wait_text("My agency's work");
        s.send("\x1b");
        s.wait_text("Tasks by work category");
        s.send("3");
        s.wait_text("Sorted by");
    }
    assert_eq!(
        server_side(uid, &inst.bin).len(),
        2,
        "two server-side phoihop"
    );
    // A progress update on A's first task of their agency.
    let store_task = {
        let c = rusqlite::Connection::open_with_flags(
            &inst.db,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap();
        let v: i64 = c
            .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
            .unwrap();
        v
    };
    // The filter panel opens and closes (Esc alone, not an Alt- prefix of the next key).
    a.send("f");
    a.wait_text("Filters ");
    a.send("\x1b");
    a.wait_for("the filter panel closed", |t| !t.contains("Filters "));
    a.send("p");
    let form = a.wait_for("the progress form or a refusal", |t| {
        t.contains("Update progress") || t.contains("may only")
    });
    assert!(form.contains("Update progress"), "{form}");
    a.send("\x15");
    a.send("41");
    a.send("\t\tOver SSH");
    let sent = Instant::now();
    a.send("\x13");
    let saved = a.wait_text("Updated task #");
    let id: i64 = saved
        .split("Updated task #")
        .nth(1)
        .and_then(|r| r.split('.').next())
        .and_then(|n| n.parse().ok())
        .expect("task id");
    // B sees it within a second.
    b.wait_for("the change on B", |t| {
        t.lines().any(|l| {
            let r = l.trim_start_matches(['│', ' ', '▶']);
            r.split_whitespace().next() == Some(&id.to_string()) && l.contains("41%")
        })
    });
    let seen = sent.elapsed();
    assert!(
        seen <= Duration::from_millis(1000) + Duration::from_millis(300),
        "B saw it after {seen:?}"
    );
    eprintln!("over ssh: saved on A, shown on B after {seen:?}");
    // Kill A's client: its server side ends within a second.
    let killed = Instant::now();
    a.child.kill().unwrap();
    loop {
        if server_side(uid, &inst.bin).len() == 1 {
            break;
        }
        assert!(
            killed.elapsed() < Duration::from_millis(1000) + Duration::from_millis(500),
            "the server-side phoihop outlived its client: {:?}",
            server_side(uid, &inst.bin)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    eprintln!(
        "client killed: server side gone after {:?}",
        killed.elapsed()
    );
    b.send("q");
    b.wait_exit(Duration::from_secs(5));
    let gone = Instant::now();
    while !server_side(uid, &inst.bin).is_empty() {
        assert!(
            gone.elapsed() < Duration::from_secs(3),
            "B's server side stayed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The database is intact, with the update.
    assert_eq!(rel_support::integrity(&inst.db), "ok");
    let c =
        rusqlite::Connection::open_with_flags(&inst.db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let progress: i64 = c
        .query_row("SELECT progress FROM task WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(progress, 41);
    let audit: i64 = c
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(audit, store_task + 1);
    let actor: String = c
        .query_row(
            "SELECT actor FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(actor, user);
}

/// `cargo deb` if it is installed (scripts/deb.sh installs it).
fn cargo_deb() -> bool {
    Command::new("cargo")
        .args(["deb", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn the_debian_package_builds_lists_its_layout_and_installs_into_a_throwaway_root() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: needs root");
        return;
    }
    if !cargo_deb() {
        eprintln!("skipped: cargo-deb is not installed (scripts/deb.sh installs it; .ci/run does)");
        return;
    }
    let out = tempfile::tempdir().unwrap();
    // The binary this test run built (the debug profile): no second, release build.
    let manifest = env!("CARGO_MANIFEST_DIR");
    let built = Command::new("cargo")
        .current_dir(manifest)
        .args([
            "deb",
            "--no-build",
            "--strip",
            "--profile",
            "dev",
            "--output",
        ])
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "cargo deb: {}",
        String::from_utf8_lossy(&built.stderr)
    );
    let deb = std::fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "deb"))
        .expect("a .deb");
    // The contents: the binary 2755, the units, the conffile, the man page, completions.
    let contents = ok(Command::new("dpkg-deb").arg("--contents").arg(&deb));
    let line_of = |path: &str| {
        contents
            .lines()
            .find(|l| l.ends_with(path))
            .unwrap_or_else(|| panic!("{path} not in the package:\n{contents}"))
            .to_string()
    };
    // Shipped 2755 owned by 0/0 (an archive holds ids, and the group phoihop has none
    // until preinst makes it); the dpkg-statoverride gives it the group (the install
    // below checks root:phoihop 2755).
    let bin = line_of("./usr/bin/phoihop");
    assert!(
        bin.starts_with("-rwxr-sr-x 0/0 "),
        "the binary is not listed 2755 root:root: {bin}"
    );
    for unit in [
        "phoihop-backup.service",
        "phoihop-backup.timer",
        "phoihop-digest.service",
        "phoihop-digest.timer",
    ] {
        line_of(&format!("/systemd/system/{unit}"));
    }
    for f in [
        "./etc/phoihop/config.toml",
        "./usr/lib/phoihop/phoihop-backup",
        "./usr/share/man/man1/phoihop.1.gz",
        "./usr/share/bash-completion/completions/phoihop",
        "./usr/share/zsh/vendor-completions/_phoihop",
        "./usr/share/fish/vendor_completions.d/phoihop.fish",
    ] {
        line_of(f);
    }
    let control = ok(Command::new("dpkg-deb").arg("--info").arg(&deb));
    assert!(
        control.contains("conffiles")
            && control.contains("postinst")
            && control.contains("preinst"),
        "{control}"
    );
    // lintian, where it is installed: no errors.
    if let Ok(l) = Command::new("lintian")
        .args(["--no-tag-display-limit"])
        .arg(&deb)
        .output()
    {
        let said = String::from_utf8_lossy(&l.stdout);
        let errors: Vec<&str> = said.lines().filter(|l| l.starts_with("E:")).collect();
        eprintln!("lintian:\n{said}");
        assert!(errors.is_empty(), "lintian errors:\n{}", errors.join("\n"));
    } else {
        eprintln!("no lintian here: not run");
    }
    // An install into a throwaway root: the machine's root seen through an overlay whose
    // writes go to a tmpfs, in a private mount namespace, so nothing outside it changes.
    if !rel_support::can_unshare_mount() {
        eprintln!("skipped the install: no private mount namespace here");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let script = format!(
        r#"set -e
T={t}
mkdir -p $T/t $T/root
mount -t tmpfs tmpfs $T/t
mkdir -p $T/t/up $T/t/work
mount -t overlay overlay -o lowerdir=/,upperdir=$T/t/up,workdir=$T/t/work $T/root || exit 99
mount --bind /dev $T/root/dev
mount -t proc proc $T/root/proc
R=$T/root
if chroot $R dpkg -s phoihop >/dev/null 2>&1; then exit 98; fi
dpkg --root=$R --force-depends -i {deb} > $T/t/install.log 2>&1 || {{ cat $T/t/install.log; exit 1; }}
echo "--- postinst"
cat $T/t/install.log
echo "--- layout"
chroot $R stat -c '%a %U:%G %n' /usr/bin/phoihop /var/lib/phoihop /var/lib/phoihop/phoihop.db /var/log/phoihop /var/backups/phoihop /etc/phoihop/config.toml
chroot $R getent group phoihop | cut -d: -f1,4
chroot $R sh -c 'systemctl is-enabled phoihop-backup.timer phoihop-digest.timer 2>&1 || true'
chroot $R dpkg-query -W -f='${{Conffiles}}\n' phoihop
chroot $R phoihop --version
echo "--- remove"
dpkg --root=$R -r phoihop > $T/t/remove.log 2>&1 || {{ cat $T/t/remove.log; exit 1; }}
chroot $R stat -c '%a %U:%G %n' /var/lib/phoihop/phoihop.db /var/log/phoihop
test ! -e $R/usr/bin/phoihop && echo "binary removed"
"#,
        t = t.path().display(),
        deb = deb.display()
    );
    let o = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", &script])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    if o.status.code() == Some(99) {
        eprintln!("skipped the install: no overlay mount here ({err})");
        return;
    }
    assert_ne!(
        o.status.code(),
        Some(98),
        "phoihop is installed on this machine: not a throwaway root"
    );
    assert!(
        o.status.success(),
        "install into a throwaway root:\n{said}\n{err}"
    );
    eprintln!("{said}");
    let layout = said.split("--- layout").nth(1).unwrap();
    for want in [
        "2755 root:phoihop /usr/bin/phoihop",
        "2770 root:phoihop /var/lib/phoihop",
        "660 root:phoihop /var/lib/phoihop/phoihop.db",
        "2770 root:phoihop /var/log/phoihop",
        "700 root:root /var/backups/phoihop",
        "644 root:root /etc/phoihop/config.toml",
        "/etc/phoihop/config.toml",
    ] {
        assert!(layout.contains(want), "{want} not in:\n{layout}");
    }
    // Nobody in the group.
    assert!(layout.lines().any(|l| l == "phoihop:"), "{layout}");
    // Removing leaves the data.
    let removed = said.split("--- remove").nth(1).unwrap();
    assert!(
        removed.contains("660 root:phoihop /var/lib/phoihop/phoihop.db"),
        "{removed}"
    );
    assert!(removed.contains("binary removed"), "{removed}");
}
