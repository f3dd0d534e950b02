//! Access: the role matrix over every write command of the CLI, the append-only audit
//! table, the mode of new database files and the refusal of network filesystems.
//!
//! Roles are granted to the login that runs the tests (`os_login()`): there is no way to
//! act as someone else, and these tests do not add one.

mod cli_support;
mod rel_support;

use std::path::Path;

use cli_support::Db;
use phoihop::store::fs::network_fs_name;
use phoihop::store::os_login;
use rel_support::{assert_one_sentence, copy_db, run, scalar};

/// Who runs the commands of one column of the matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Actor {
    Admin,
    /// Operator of agency A.
    OperatorA,
    Supervisor,
    /// No grant of its own, while another login has one.
    Ungranted,
    /// Admin, but the database opened with `--read-only`.
    ReadOnly,
}

/// A login other than the one running the tests, holding a grant in every template.
const OTHER: &str = "nguoi-khac";

/// Builds the template database for `actor`: agencies A, B and Z (Z unreferenced),
/// program P (parties A, B), empty program E, tasks 1 (led by A) and 2 (led by B), and
/// the grants that make the running login `actor`.
fn template(actor: Actor) -> Db {
    let db = Db::new();
    let t = db.seed(&[
        (
            "ideology",
            "Quán triệt Nghị quyết của A",
            "A",
            Some("2030-06-30"),
        ),
        (
            "organization",
            "Kiện toàn tổ chức của B",
            "B",
            Some("2030-06-30"),
        ),
    ]);
    assert_eq!(t, vec![1, 2]);
    // Task 3: led by B, coordinated by A.
    db.ok(&[
        "task",
        "add",
        "--program",
        "P",
        "--category",
        "front",
        "--title",
        "Phối hợp giám sát",
        "--lead",
        "B",
        "--with",
        "A",
        "--deadline",
        "2030-06-30",
    ]);
    db.ok(&["agency", "add", "Z", "--name", "Ban Kinh tế Tỉnh ủy"]);
    db.ok(&[
        "program",
        "add",
        "E",
        "--title",
        "Chương trình trống",
        "--from",
        "2020-01-01",
        "--to",
        "2020-12-31",
    ]);
    let me = os_login();
    match actor {
        Actor::Ungranted => {
            db.ok(&["user", "grant", OTHER, "--role", "admin"]);
        }
        _ => {
            db.ok(&["user", "grant", &me, "--role", "admin"]);
            db.ok(&["user", "grant", OTHER, "--role", "supervisor"]);
            if matches!(actor, Actor::OperatorA | Actor::Supervisor) {
                // The last admin cannot step down: another admin first.
                db.ok(&["user", "grant", "quan-tri", "--role", "admin"]);
            }
            match actor {
                Actor::OperatorA => {
                    db.ok(&["user", "grant", &me, "--role", "operator", "--agency", "A"]);
                }
                Actor::Supervisor => {
                    db.ok(&["user", "grant", &me, "--role", "supervisor"]);
                }
                _ => {}
            }
        }
    }
    db
}

/// One write command and what each actor gets: true = allowed (exit 0), false =
/// refused (exit 5).
struct Case {
    args: &'static [&'static str],
    admin: bool,
    operator_a: bool,
}

/// Every write command of the CLI, on A's and on B's records where it matters.
const CASES: &[Case] = &[
    Case {
        args: &["agency", "add", "C", "--name", "Ban Nội chính Tỉnh ủy"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["agency", "edit", "A", "--head", "Trần Thị Bình"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["agency", "remove", "Z"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &[
            "program",
            "add",
            "Q",
            "--title",
            "Chương trình hành động năm 2021",
            "--from",
            "2021-01-01",
            "--to",
            "2021-12-31",
        ],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &[
            "program",
            "edit",
            "P",
            "--title",
            "Chương trình phối hợp (sửa)",
        ],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["program", "remove", "E"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &[
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "ideology",
            "--title",
            "Nhiệm vụ mới của A",
            "--lead",
            "A",
        ],
        admin: true,
        operator_a: true,
    },
    Case {
        args: &[
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "ideology",
            "--title",
            "Nhiệm vụ mới của B",
            "--lead",
            "B",
        ],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &[
            "task",
            "update",
            "1",
            "--progress",
            "40",
            "--note",
            "Đã triển khai",
        ],
        admin: true,
        operator_a: true,
    },
    Case {
        args: &[
            "task",
            "update",
            "2",
            "--progress",
            "40",
            "--note",
            "Đã triển khai",
        ],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["task", "edit", "1", "--title", "Quán triệt (sửa)"],
        admin: true,
        operator_a: true,
    },
    Case {
        args: &["task", "edit", "2", "--title", "Kiện toàn (sửa)"],
        admin: true,
        operator_a: false,
    },
    // The lead agency (chủ trì) answers for the task: progress, status, fields, deadline.
    // A coordinating agency (phối hợp) adds a dated note, and nothing else.
    Case {
        args: &[
            "task",
            "update",
            "3",
            "--note",
            "Đã phối hợp tổ chức hội nghị",
        ],
        admin: true,
        operator_a: true,
    },
    Case {
        args: &["task", "update", "3", "--progress", "50"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["task", "update", "3", "--status", "suspended"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["task", "edit", "3", "--title", "Phối hợp (sửa)"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &[
            "task",
            "edit",
            "1",
            "--deadline",
            "2031-06-30",
            "--reason",
            "Chờ hướng dẫn",
        ],
        admin: true,
        operator_a: true,
    },
    // Only an admin removes a task, or hands it to another lead agency.
    Case {
        args: &["task", "remove", "1"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["task", "edit", "1", "--lead", "B"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["task", "remove", "2"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["task", "urge", "1", "--message", "Đề nghị báo cáo tiến độ"],
        admin: true,
        operator_a: true,
    },
    Case {
        args: &["task", "urge", "2", "--message", "Đề nghị báo cáo tiến độ"],
        admin: true,
        operator_a: true,
    },
    Case {
        args: &["user", "grant", "nguoi-moi", "--role", "supervisor"],
        admin: true,
        operator_a: false,
    },
    Case {
        args: &["user", "revoke", OTHER],
        admin: true,
        operator_a: false,
    },
];

fn allowed(actor: Actor, case: &Case) -> bool {
    let urge = case.args[..2] == ["task", "urge"];
    match actor {
        Actor::Admin => case.admin,
        Actor::OperatorA => case.operator_a,
        // Supervisors, and logins without a grant once some grant exists, may only urge.
        Actor::Supervisor | Actor::Ungranted => urge,
        Actor::ReadOnly => false,
    }
}

fn audit_rows(path: &Path) -> i64 {
    scalar(path, "SELECT count(*) FROM audit")
}

fn check_actor(actor: Actor) {
    let template = template(actor);
    let before = template.bytes();
    let audit_before = audit_rows(&template.path);
    let mut report = Vec::new();
    for case in CASES {
        let (_dir, path) = copy_db(&template.path);
        let mut args: Vec<&str> = Vec::new();
        if actor == Actor::ReadOnly {
            args.push("--read-only");
        }
        args.extend(case.args);
        let (code, out, err) = run(&path, &args);
        let want = allowed(actor, case);
        if want {
            if code != 0 || !err.is_empty() {
                report.push(format!("{args:?}: want 0, got {code}: {err}"));
                continue;
            }
            assert!(!out.trim().is_empty(), "{args:?}: no confirmation");
            // An allowed write leaves its trace in the audit log.
            assert_eq!(audit_rows(&path), audit_before + 1, "{actor:?} {args:?}");
            assert_ne!(std::fs::read(&path).unwrap(), before, "{args:?}");
        } else {
            if code != 5 {
                report.push(format!("{args:?}: want 5, got {code}: {out} {err}"));
                continue;
            }
            assert_one_sentence(&err);
            assert!(out.is_empty(), "{args:?} printed {out}");
            // A refused write leaves the file byte for byte as it was, and no -wal.
            let after = std::fs::read(&path).unwrap();
            assert!(
                after == before,
                "{actor:?} {args:?}: a refused write changed the file"
            );
            if actor != Actor::ReadOnly {
                assert!(
                    err.contains(&os_login()),
                    "{actor:?} {args:?}: the refusal does not name the login: {err}"
                );
            }
        }
    }
    assert!(report.is_empty(), "{actor:?}:\n{}", report.join("\n"));
}

#[test]
fn matrix_admin() {
    check_actor(Actor::Admin);
}

#[test]
fn matrix_operator_of_a() {
    check_actor(Actor::OperatorA);
}

#[test]
fn matrix_supervisor() {
    check_actor(Actor::Supervisor);
}

#[test]
fn matrix_login_without_grant() {
    check_actor(Actor::Ungranted);
}

#[test]
fn matrix_read_only() {
    check_actor(Actor::ReadOnly);
}

#[test]
fn audit_refuses_update_and_delete_through_plain_sqlite() {
    let db = Db::new();
    let id = db.seed(&[("ideology", "T", "A", None)])[0].to_string();
    db.ok(&[
        "task",
        "update",
        &id,
        "--progress",
        "10",
        "--note",
        "ghi chú",
    ]);
    let c = db.sqlite();
    let n: i64 = c
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert!(n >= 5, "{n} audit rows");
    let actors: Vec<String> = c
        .prepare("SELECT DISTINCT actor FROM audit")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(actors, vec![os_login()]);
    for sql in [
        "UPDATE audit SET actor = 'ai-do'",
        "UPDATE audit SET after = NULL WHERE action = 'update'",
        "DELETE FROM audit",
        "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
        "INSERT OR REPLACE INTO audit (id, at, actor, action, entity, entity_key) SELECT id, at, 'x', action, entity, entity_key FROM audit",
    ] {
        let e = c.execute(sql, []).unwrap_err().to_string();
        assert!(e.contains("append-only"), "{sql}: {e}");
    }
    // Nor inside a transaction that then commits.
    c.execute_batch("BEGIN").unwrap();
    assert!(c.execute("DELETE FROM audit", []).is_err());
    c.execute_batch("COMMIT").unwrap();
    let after: i64 = c
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, n);
    // Appending still works (the log is append-only, not read-only).
    c.execute(
        "INSERT INTO audit (at, actor, action, entity, entity_key) VALUES ('t', 'x', 'y', 'z', 'k')",
        [],
    )
    .unwrap();
}

/// Sets the process umask for the duration of `f` (the test binary's threads share it,
/// so the tests that need it run inside one test function).
fn with_umask<T>(mask: u32, f: impl FnOnce() -> T) -> T {
    use nix::sys::stat::{umask, Mode};
    let old = umask(Mode::from_bits_truncate(mask));
    let out = f();
    umask(old);
    out
}

#[test]
fn new_files_are_0660_or_stricter_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    for mask in [0o000, 0o002, 0o022, 0o077] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("phoihop.db");
        // The child inherits the umask; the library is also called in-process.
        let (code, _, err) = with_umask(mask, || run(&path, &["init"]));
        assert_eq!(code, 0, "{err}");
        // Exactly 0660 (fchmod), not 0640 under umask 022: the group must be able to write.
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
        assert_eq!(mode, 0o660, "umask {mask:o}: mode {mode:o}");
        // While a writer holds it open, the -wal and -shm files are 0660 too.
        let s = with_umask(mask, || phoihop::store::Store::open(&path, false)).unwrap();
        drop(s.data_version());
        for side in ["phoihop.db-wal", "phoihop.db-shm"] {
            let m = std::fs::metadata(path.with_file_name(side))
                .unwrap_or_else(|e| panic!("umask {mask:o}: {side}: {e}"))
                .permissions()
                .mode()
                & 0o7777;
            assert_eq!(m, 0o660, "umask {mask:o}: {side} mode {m:o}");
        }
        drop(s);
        let lib = dir.path().join("lib.db");
        with_umask(mask, || phoihop::store::Store::open(&lib, false)).unwrap();
        let m = std::fs::metadata(&lib).unwrap().permissions().mode() & 0o7777;
        assert_eq!(m, 0o660, "umask {mask:o}: library-created mode {m:o}");
        // A -wal left narrower (0640, by an older version) is widened by its owner.
        let s = phoihop::store::Store::open(&path, false).unwrap();
        let wal = path.with_file_name("phoihop.db-wal");
        std::fs::set_permissions(&wal, std::fs::Permissions::from_mode(0o640)).unwrap();
        drop(phoihop::store::Store::open(&path, false).unwrap());
        let m = std::fs::metadata(&wal).unwrap().permissions().mode() & 0o7777;
        assert_eq!(m, 0o660, "umask {mask:o}: re-opened -wal mode {m:o}");
        drop(s);
    }
    // A backup is a database file too.
    let db = Db::new();
    let dest = db.dir.path().join("backup.db");
    with_umask(0, || db.ok(&["backup", dest.to_str().unwrap()]));
    let m = std::fs::metadata(&dest).unwrap().permissions().mode() & 0o7777;
    assert_eq!(m, 0o660, "backup mode {m:o}");
    // Reports and exports are 0640 whatever the umask.
    for (i, args) in [
        vec!["report", "--format", "md", "--out"],
        vec!["export", "--format", "json", "--out"],
        vec!["export", "--format", "csv", "--out"],
    ]
    .into_iter()
    .enumerate()
    {
        let out = db.dir.path().join(format!("out-{i}"));
        let mut a = args.clone();
        let o = out.to_str().unwrap().to_string();
        a.push(&o);
        with_umask(0, || db.ok(&a));
        let m = std::fs::metadata(&out).unwrap().permissions().mode() & 0o7777;
        assert_eq!(m, 0o640, "{args:?}: mode {m:o}");
    }
}

#[test]
fn output_files_never_follow_a_planted_symlink() {
    // A link planted at an --out path or a backup destination, pointing at the live
    // database: every command refuses it and the database is untouched.
    let db = Db::new();
    let live = db.dir.path().join("victim.db");
    std::fs::write(&live, b"the live database").unwrap();
    let link = db.dir.path().join("bao-cao.md");
    std::os::unix::fs::symlink(&live, &link).unwrap();
    let l = link.to_str().unwrap();
    for args in [
        vec!["report", "--format", "md", "--out", l],
        vec!["report", "--format", "xlsx", "--out", l],
        vec!["export", "--format", "json", "--out", l],
        vec!["export", "--format", "csv", "--out", l],
    ] {
        let (code, _, err) = run(&db.path, &args);
        assert_eq!(code, 5, "{args:?}: {err}");
        assert!(err.contains("symbolic link"), "{args:?}: {err}");
    }
    let (code, _, err) = run(&db.path, &["backup", l]);
    assert_ne!(code, 0, "backup through a link: {err}");
    // The database itself named as the output: refused, the file intact.
    let before = std::fs::read(&db.path).unwrap();
    let p = db.path.to_str().unwrap();
    for args in [
        vec!["report", "--format", "md", "--out", p],
        vec!["export", "--format", "json", "--out", p],
    ] {
        let (code, _, err) = run(&db.path, &args);
        assert_eq!(code, 5, "{args:?}: {err}");
        assert!(err.contains("is the database"), "{err}");
    }
    assert_eq!(std::fs::read(&db.path).unwrap(), before);
    assert_eq!(rel_support::integrity(&db.path), "ok");
    // A dangling link is not followed either: its target is never created.
    let dangling = db.dir.path().join("dangling.db");
    let nowhere = db.dir.path().join("nowhere.db");
    std::os::unix::fs::symlink(&nowhere, &dangling).unwrap();
    let (code, _, err) = run(&db.path, &["backup", dangling.to_str().unwrap()]);
    assert_ne!(code, 0, "backup through a dangling link: {err}");
    assert!(!nowhere.exists());
    assert_eq!(std::fs::read(&live).unwrap(), b"the live database");
}

#[test]
fn network_filesystem_magic_numbers() {
    // Every magic number the check refuses, from statfs(2) and linux/magic.h.
    for (magic, name) in [
        (0x6969, "NFS"),
        (0x517B, "SMB"),
        (0xFF53_4D42_i64, "CIFS"),
        (0xFE53_4D42_i64, "SMB2"),
        (0x6573_5546, "FUSE"),
        (0x0102_1997, "9P"),
        (0x00C3_6400, "Ceph"),
        (0x5346_414F, "AFS"),
        (0x6B41_4653, "kAFS"),
        (0x0BD0_0BD0, "Lustre"),
        (0x0116_1970, "GFS2"),
        (0x7461_636F, "OCFS2"),
        (0x7375_7245, "Coda"),
        (0x4750_4653, "GPFS"),
        (0x1983_0326, "BeeGFS"),
        (0xAAD7_AAEA_i64, "PanFS"),
        (0x786F_4256, "vboxsf"),
        (0xBACB_ACBC_i64, "VMware hgfs"),
    ] {
        assert_eq!(network_fs_name(magic), Some(name), "{magic:#x}");
    }
    // Local filesystems are accepted.
    for local in [
        0xEF53,      // ext2/3/4
        0x0102_1994, // tmpfs
        0x5846_5342, // xfs
        0x9123_683E, // btrfs
        0x2FC1_2FC1, // zfs
        0x794C_7630, // overlayfs
        0xF2F5_2010, // f2fs
        0x4D44,      // vfat
        0x1373,      // devfs (once listed as GFS2 by mistake)
        0,
        -1,
    ] {
        assert_eq!(network_fs_name(local), None, "{local:#x}");
    }
    // The filesystem this test runs on is local, and opening works.
    let db = Db::new();
    db.ok(&["check"]);
}

/// A minimal FUSE filesystem served from this test over /dev/fuse: an empty root
/// directory that answers INIT, GETATTR, LOOKUP (nothing there) and STATFS. Enough for
/// the kernel to mount it and for `statfs(2)` to report FUSE's magic number.
fn serve_empty_fuse(mut dev: std::fs::File, give_up: std::time::Instant) {
    use std::io::{Read, Write};
    let mut buf = vec![0u8; 256 * 1024];
    let u32_at = |b: &[u8], i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap());
    loop {
        let n = match dev.read(&mut buf) {
            Ok(n) if n >= 40 => n,
            // Not mounted yet (EPERM): wait for the mount, for a while.
            Err(e) if e.raw_os_error() == Some(1) && std::time::Instant::now() < give_up => {
                std::thread::sleep(std::time::Duration::from_millis(5));
                continue;
            }
            _ => return, // unmounted (ENODEV), or never mounted
        };
        let req = &buf[..n];
        let opcode = u32_at(req, 4);
        let unique = u64::from_le_bytes(req[8..16].try_into().unwrap());
        let mut body: Vec<u8> = Vec::new();
        let mut error: i32 = 0;
        match opcode {
            // FORGET, BATCH_FORGET: no reply.
            2 | 42 => continue,
            // INIT: protocol 7.31, no optional features.
            26 => {
                for v in [7u32, 31, 0, 0] {
                    body.extend(v.to_le_bytes());
                }
                body.extend(16u16.to_le_bytes()); // max_background
                body.extend(12u16.to_le_bytes()); // congestion_threshold
                body.extend((128u32 * 1024).to_le_bytes()); // max_write
                body.extend(1u32.to_le_bytes()); // time_gran
                body.extend(32u16.to_le_bytes()); // max_pages
                body.extend(0u16.to_le_bytes()); // map_alignment
                body.extend([0u8; 32]); // flags2, unused
            }
            // GETATTR: the root, an empty directory.
            3 => {
                body.extend(1u64.to_le_bytes()); // attr_valid
                body.extend([0u8; 8]); // attr_valid_nsec, dummy
                body.extend(1u64.to_le_bytes()); // ino
                body.extend([0u8; 8 * 5 + 4 * 3]); // size, blocks, times
                for v in [0o40755u32, 2, 0, 0, 0, 4096, 0] {
                    body.extend(v.to_le_bytes()); // mode, nlink, uid, gid, rdev, blksize, flags
                }
            }
            // LOOKUP: nothing in it.
            1 => error = -2,
            // STATFS
            17 => {
                for v in [1000u64, 1000, 1000, 100, 100] {
                    body.extend(v.to_le_bytes());
                }
                for v in [4096u32, 255, 4096, 0] {
                    body.extend(v.to_le_bytes());
                }
                body.extend([0u8; 24]);
            }
            _ => error = -38, // ENOSYS
        }
        let mut reply = Vec::with_capacity(16 + body.len());
        reply.extend(((16 + body.len()) as u32).to_le_bytes());
        reply.extend(error.to_le_bytes());
        reply.extend(unique.to_le_bytes());
        reply.extend(body);
        if dev.write_all(&reply).is_err() {
            return;
        }
    }
}

#[test]
fn network_filesystem_refused_on_a_real_fuse_mount() {
    let Ok(dev) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/fuse")
    else {
        eprintln!("no /dev/fuse here; the refusal is covered by the magic numbers only");
        return;
    };
    if !rel_support::can_unshare_mount() {
        eprintln!("no mount namespace here; the refusal is covered by the magic numbers only");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mnt = dir.path().join("fuse");
    std::fs::create_dir(&mnt).unwrap();
    let _server = {
        let dev = dev.try_clone().unwrap();
        let give_up = std::time::Instant::now() + std::time::Duration::from_secs(20);
        std::thread::spawn(move || serve_empty_fuse(dev, give_up))
    };
    let m = rel_support::sh_quote(mnt.to_str().unwrap());
    let exe = rel_support::sh_quote(assert_cmd::cargo::cargo_bin("phoihop").to_str().unwrap());
    // fd 0 of the shell is this test's /dev/fuse: the mount is served by the thread above
    // and lives only as long as the private mount namespace.
    let script = format!(
        "mount -i -t fuse -o fd=0,rootmode=40000,user_id=0,group_id=0 phoihop-test {m} || exit 99
         stat -f -c %t {m} >&2
         {exe} --db {m}/phoihop.db init </dev/null"
    );
    // (Bounded: should the server thread fail, the kernel would wait for it forever.)
    let out = std::process::Command::new("timeout")
        .args(["-s", "KILL", "60", "unshare", "-m", "sh", "-c", &script])
        .stdin(dev)
        .env_remove("PHOIHOP_DB")
        .env("LANG", "C")
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    if code == 99 {
        eprintln!(
            "the kernel refused the FUSE mount here ({err}); covered by the magic numbers only"
        );
        return;
    }
    let mut lines = err.lines();
    assert_eq!(lines.next(), Some("65735546"), "not a FUSE mount: {err}");
    let msg = lines.collect::<Vec<_>>().join("\n");
    assert_eq!(code, 1, "{err}");
    cli_support::assert_one_sentence(&msg);
    assert!(msg.contains("FUSE filesystem"), "{msg}");
    assert!(msg.contains("local disk"), "{msg}");
    assert!(std::fs::read_dir(&mnt).unwrap().next().is_none());
}

#[test]
fn an_unwritable_wal_or_shm_is_named_with_its_owner() {
    // Needs root, to spawn the binary as another account (CI runs as root).
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: needs root to run as another account");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    // A copy of the binary that the other account can reach.
    let bin = dir.path().join("phoihop");
    std::fs::copy(assert_cmd::cargo::cargo_bin("phoihop"), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("phoihop.db");
    let (code, _, err) = run(&path, &["init"]);
    assert_eq!(code, 0, "{err}");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    for side in ["phoihop.db-wal", "phoihop.db-shm"] {
        let planted = dir.path().join(side);
        std::fs::write(&planted, b"").unwrap();
        std::fs::set_permissions(&planted, std::fs::Permissions::from_mode(0o644)).unwrap();
        let out = std::process::Command::new(&bin)
            .env_remove("PHOIHOP_DB")
            .env("LANG", "C")
            .arg("--db")
            .arg(&path)
            .args(["task", "list"])
            .uid(65534)
            .gid(65534)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(5), "{side}: {err}");
        assert!(err.contains(side), "{side}: {err}");
        assert!(err.contains("owned by root"), "{side}: {err}");
        assert_one_sentence(&err);
        // A read-only open that fails on it names it too.
        if side.ends_with("-shm") {
            let out = std::process::Command::new(&bin)
                .env_remove("PHOIHOP_DB")
                .env("LANG", "C")
                .args(["--read-only", "--db"])
                .arg(&path)
                .args(["task", "list"])
                .uid(65534)
                .gid(65534)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            if !out.status.success() {
                assert!(err.contains(side), "read-only, {side}: {err}");
            }
        }
        std::fs::remove_file(&planted).unwrap();
    }
}

/// An operator may not back-date the record through import: a task created or completed
/// before today would count in past reviews. The file is refused whole (exit 5) and the
/// database is unchanged; an admin may.
#[test]
fn operators_cannot_import_dated_records() {
    let db = template(Actor::OperatorA);
    let csv = db.dir.path().join("cu.csv");
    std::fs::write(
        &csv,
        "program,category,title,lead,with,cadence,deadline,status,progress,basis,created_on,completed_on\n\
         P,ideology,Nhiệm vụ ghi lùi ngày,A,,roadmap,2016-06-30,done,100,,2016-01-05,2016-06-01\n",
    )
    .unwrap();
    let before = std::fs::read(&db.path).unwrap();
    let (code, out, err) = db.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(code, 5, "{out} {err}");
    assert_one_sentence(&err);
    assert!(
        err.contains("created_on") && err.contains("05/01/2016"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db.path).unwrap(),
        before,
        "a refused import changed the file"
    );
    // Dated today: the operator may import it.
    let today = chrono::Local::now().date_naive().to_string();
    std::fs::write(
        &csv,
        format!(
            "program,category,title,lead,with,cadence,deadline,status,progress,basis,created_on\n\
             P,ideology,Nhiệm vụ mới,A,,roadmap,2030-06-30,not_started,0,,{today}\n"
        ),
    )
    .unwrap();
    let (code, _, err) = db.run(&["import", csv.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}
