//! Files the *user* names on the command line (`report --out`, `export --out`, `backup
//! DEST`): opened without following a symlink, never anything but a regular file, given
//! their mode by `fchmod` whatever the umask, and — when phoihop runs setgid — opened
//! with the user's own (real) group, so that the install's group never reaches them.
//!
//! Also the process-wide hardening of a setgid run: non-dumpable (no core file, no
//! `ptrace` by the user), SQLite's temporary data kept in memory.

use std::fs::File;
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::path::Path;

use nix::unistd::{getegid, getgid, setegid, Gid};

use crate::error::{Error, Result};
use crate::lang::facts::Files;

/// The mode of a report or an export written by phoihop.
pub const OUTPUT_MODE: u32 = 0o640;
/// The mode of a database file written by phoihop (a backup).
pub const DATABASE_MODE: u32 = 0o660;

/// True when the process runs with an effective group other than its real group: the
/// setgid install (binary `root:phoihop`, mode `2755`).
pub fn is_setgid() -> bool {
    getegid() != getgid()
}

/// Makes the process non-dumpable (`PR_SET_DUMPABLE` 0): no core file that could hold
/// pages of the database, and no `ptrace` by the user who started it. The kernel also
/// resets this flag whenever the effective group changes, so it is set again after each
/// switch of [`as_real_group`].
pub fn make_non_dumpable() {
    // SAFETY: prctl(PR_SET_DUMPABLE, 0) takes plain integers and touches no memory.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// Hardening at start-up: a setgid process is made non-dumpable. Outside setgid nothing
/// changes.
pub fn harden_if_setgid() {
    if is_setgid() {
        make_non_dumpable();
    }
}

/// Runs `f` with the effective group set to the real group when the process is setgid
/// (and back afterwards); outside setgid `f` just runs. Files created or opened inside
/// are reached with the user's own rights only.
pub fn as_real_group<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    if !is_setgid() {
        return f();
    }
    let saved: Gid = getegid();
    setegid(getgid()).map_err(|e| {
        Error::Other(
            Files::OwnGroup {
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    make_non_dumpable();
    let out = f();
    let back = setegid(saved);
    make_non_dumpable();
    if let Err(e) = back {
        // Without the install's group the database cannot be reached; stop here rather
        // than go on half-privileged.
        return Err(Error::Other(
            Files::BackGroup {
                detail: e.to_string(),
            }
            .into(),
        ));
    }
    out
}

/// The `O_NOFOLLOW` refusal (`ELOOP`) as a sentence; other errors as they are.
fn open_error(path: &Path, e: std::io::Error) -> Error {
    if e.raw_os_error() == Some(libc::ELOOP) {
        return Error::PermissionDenied(
            Files::Symlink {
                path: path.display().to_string(),
            }
            .into(),
        );
    }
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        return Error::PermissionDenied(
            Files::MayNotWrite {
                path: path.display().to_string(),
            }
            .into(),
        );
    }
    Error::Other(
        Files::CannotWrite {
            path: path.display().to_string(),
            detail: e.to_string(),
        }
        .into(),
    )
}

/// Opens (creating if needed, emptying if it exists) a user-named output file: refuses a
/// symbolic link in the last component (`O_NOFOLLOW`), refuses anything but a regular
/// file (a FIFO, a device) or a file with more than one hard link, and gives a file this
/// login owns `mode` by `fchmod` whatever the umask. Under setgid the open runs with the
/// real group ([`as_real_group`]).
pub fn create_output(path: &Path, mode: u32) -> Result<File> {
    as_real_group(|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(false)
            .mode(mode)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(path)
            .map_err(|e| open_error(path, e))?;
        prepare(path, &file, mode)?;
        file.set_len(0).map_err(|e| open_error(path, e))?;
        Ok(file)
    })
}

/// Creates a new user-named file that must not exist yet (`O_EXCL`, which never follows a
/// link either), with `mode` by `fchmod` whatever the umask. Under setgid the open runs
/// with the real group.
pub fn create_new(path: &Path, mode: u32) -> Result<File> {
    as_real_group(|| {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(path)
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    Error::Usage(
                        Files::Exists {
                            path: path.display().to_string(),
                        }
                        .into(),
                    )
                } else {
                    open_error(path, e)
                }
            })?;
        prepare(path, &file, mode)?;
        Ok(file)
    })
}

/// Refuses an output path that is the database `db` itself or one of its `-wal`, `-shm`
/// or `-journal` files (by device and inode, so another name or a hard link counts too):
/// a report written there would destroy the live data. Only `stat` is used — opening and
/// closing the database file would drop SQLite's locks on it.
pub fn refuse_database(path: &Path, db: &Path) -> Result<()> {
    as_real_group(|| {
        let Ok(out) = std::fs::metadata(path) else {
            return Ok(());
        };
        let mut candidates = vec![db.to_path_buf()];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut s = db.as_os_str().to_os_string();
            s.push(suffix);
            candidates.push(s.into());
        }
        for c in candidates {
            if let Ok(m) = std::fs::metadata(&c) {
                if m.dev() == out.dev() && m.ino() == out.ino() {
                    return Err(Error::PermissionDenied(
                        Files::IsDatabase {
                            path: path.display().to_string(),
                            db: c.display().to_string(),
                        }
                        .into(),
                    ));
                }
            }
        }
        Ok(())
    })
}

/// Checks what was opened and sets its mode.
fn prepare(path: &Path, file: &File, mode: u32) -> Result<()> {
    let meta = file.metadata().map_err(|e| open_error(path, e))?;
    if !meta.file_type().is_file() {
        return Err(Error::Usage(
            Files::NotRegular {
                path: path.display().to_string(),
            }
            .into(),
        ));
    }
    if meta.nlink() > 1 {
        return Err(Error::PermissionDenied(
            Files::HardLinks {
                path: path.display().to_string(),
            }
            .into(),
        ));
    }
    // Only the owner may change a mode; a file of another login keeps the mode it has.
    if meta.uid() == nix::unistd::geteuid().as_raw() && meta.mode() & 0o7777 != mode {
        nix::sys::stat::fchmod(file, nix::sys::stat::Mode::from_bits_truncate(mode)).map_err(
            |e| {
                Error::Other(
                    Files::SetMode {
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    }
                    .into(),
                )
            },
        )?;
    }
    // The file was opened non-blocking only so that a FIFO could not hang the open.
    nix::fcntl::fcntl(
        file,
        nix::fcntl::FcntlArg::F_SETFL(nix::fcntl::OFlag::empty()),
    )
    .map_err(|e| {
        Error::Other(
            Files::CannotWrite {
                path: path.display().to_string(),
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn mode_of(p: &Path) -> u32 {
        std::fs::symlink_metadata(p)
            .expect("metadata")
            .permissions()
            .mode()
            & 0o7777
    }

    /// Sets the umask for `f` (one test changes it, so all cases run in one test).
    fn with_umask<T>(mask: u32, f: impl FnOnce() -> T) -> T {
        use nix::sys::stat::{umask, Mode};
        let old = umask(Mode::from_bits_truncate(mask));
        let out = f();
        umask(old);
        out
    }

    #[test]
    fn outputs_get_their_mode_whatever_the_umask_and_never_follow_a_link() {
        // The test runs as a plain process: not setgid, so the real-group path is the
        // identity and the file is opened as usual.
        assert!(!is_setgid());
        let dir = tempfile::tempdir().expect("dir");
        for mask in [0o000, 0o002, 0o022, 0o077] {
            let out = dir.path().join(format!("bao-cao-{mask:o}.md"));
            let mut f = with_umask(mask, || create_output(&out, OUTPUT_MODE)).expect("create");
            f.write_all(b"x").expect("write");
            assert_eq!(mode_of(&out), 0o640, "umask {mask:o}");
            let db = dir.path().join(format!("copy-{mask:o}.db"));
            with_umask(mask, || create_new(&db, DATABASE_MODE)).expect("create new");
            assert_eq!(mode_of(&db), 0o660, "umask {mask:o}");
        }

        // An existing file is emptied and rewritten, and its mode set.
        let out = dir.path().join("again.md");
        std::fs::write(&out, b"old contents").expect("write");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o666)).expect("chmod");
        let mut f = create_output(&out, OUTPUT_MODE).expect("reopen");
        f.write_all(b"new").expect("write");
        drop(f);
        assert_eq!(std::fs::read(&out).expect("read"), b"new");
        assert_eq!(mode_of(&out), 0o640);

        // A planted symbolic link is refused, and its target is untouched.
        let target = dir.path().join("live.db");
        std::fs::write(&target, b"precious").expect("write");
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let e = create_output(&link, OUTPUT_MODE).expect_err("link refused");
        assert_eq!(e.exit_code(), 5, "{e}");
        assert!(e.to_string().contains("symbolic link"), "{e}");
        let e = create_new(&link, DATABASE_MODE).expect_err("link refused");
        assert!(e.to_string().contains("already exists"), "{e}");
        // A dangling link too: create_new must not create its target.
        let dangling = dir.path().join("dangling.db");
        std::os::unix::fs::symlink(dir.path().join("nowhere.db"), &dangling).expect("symlink");
        assert!(create_new(&dangling, DATABASE_MODE).is_err());
        assert!(create_output(&dangling, OUTPUT_MODE).is_err());
        assert!(!dir.path().join("nowhere.db").exists());
        assert_eq!(std::fs::read(&target).expect("read"), b"precious");

        // A hard link to another file is refused, the other file untouched.
        let hard = dir.path().join("hard.md");
        std::fs::hard_link(&target, &hard).expect("hard link");
        assert!(create_output(&hard, OUTPUT_MODE).is_err());
        assert_eq!(std::fs::read(&target).expect("read"), b"precious");

        // A FIFO is refused without hanging, and so is a directory.
        let fifo = dir.path().join("fifo");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::from_bits_truncate(0o600))
            .expect("mkfifo");
        // No reader: O_NONBLOCK|O_WRONLY on a FIFO fails with ENXIO, else the type check.
        assert!(create_output(&fifo, OUTPUT_MODE).is_err());
        assert!(create_output(dir.path(), OUTPUT_MODE).is_err());
    }

    #[test]
    fn the_database_and_its_files_are_never_an_output() {
        let dir = tempfile::tempdir().expect("dir");
        let db = dir.path().join("phoihop.db");
        std::fs::write(&db, b"db").expect("write");
        let wal = dir.path().join("phoihop.db-wal");
        std::fs::write(&wal, b"wal").expect("write");
        let other_name = dir.path().join("also.db");
        std::fs::hard_link(&db, &other_name).expect("link");
        for p in [&db, &wal, &other_name] {
            let e = refuse_database(p, &db).expect_err("refused");
            assert_eq!(e.exit_code(), 5);
        }
        let fine = dir.path().join("bao-cao.md");
        refuse_database(&fine, &db).expect("a new file");
        std::fs::write(&fine, b"x").expect("write");
        refuse_database(&fine, &db).expect("another file");
        assert_eq!(std::fs::read(&db).expect("read"), b"db");
    }

    #[test]
    fn the_real_group_wrapper_is_the_identity_outside_setgid() {
        let before = getegid();
        let v = as_real_group(|| Ok(getegid())).expect("run");
        assert_eq!(v, before);
        assert_eq!(getegid(), before);
        let e = as_real_group(|| -> Result<()> { Err(Error::Usage("inner".into())) })
            .expect_err("inner error passed on");
        assert_eq!(e.to_string(), "inner");
        harden_if_setgid();
    }
}
