//! The file under the database: where it lives (network filesystems are refused), and the
//! mode a new file is created with.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::lang::facts::{Db, Untrusted};

/// Filesystem magic numbers (from `statfs(2)`) on which SQLite's locking is unreliable:
/// network, cluster and virtual-machine shared-folder filesystems. The numbers are those
/// of Linux's `include/uapi/linux/magic.h` and coreutils' `stat.c` (`S_MAGIC_*`).
const NETWORK_FILESYSTEMS: &[(i64, &str)] = &[
    (0x6969, "NFS"),
    (0x517B, "SMB"),
    (0xFF53_4D42, "CIFS"),
    (0xFE53_4D42, "SMB2"),
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
    (0xAAD7_AAEA, "PanFS"),
    (0x786F_4256, "vboxsf"),
    (0xBACB_ACBC, "VMware hgfs"),
];

/// The name of a network filesystem type, if `magic` is one.
pub fn network_fs_name(magic: i64) -> Option<&'static str> {
    NETWORK_FILESYSTEMS
        .iter()
        .find(|(m, _)| *m == magic)
        .map(|(_, n)| *n)
}

/// The sentence for a path that holds no database, with how to make one.
pub fn refuse_missing(db: &std::path::Path) -> Result<()> {
    if db.exists() {
        return Ok(());
    }
    Err(Error::NotFound(
        Db::NoDatabase {
            path: db.display().to_string(),
        }
        .into(),
    ))
}

/// The directory that holds (or will hold) `path`.
pub fn containing_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Refuses a database on a network filesystem, where SQLite's locks do not hold.
pub fn refuse_network_fs(path: &Path) -> Result<()> {
    let dir = containing_dir(path);
    let probe = if path.exists() { path } else { dir.as_path() };
    #[cfg(target_os = "linux")]
    {
        if let Ok(st) = nix::sys::statfs::statfs(probe) {
            #[allow(clippy::unnecessary_cast)]
            let magic = st.filesystem_type().0 as i64;
            if let Some(name) = network_fs_name(magic) {
                return Err(Error::Other(
                    Db::NetworkFs {
                        path: path.display().to_string(),
                        fs: name.to_string(),
                    }
                    .into(),
                ));
            }
        }
    }
    let _ = probe;
    Ok(())
}

/// Under the setgid install (effective group ≠ real group), the only databases phoihop
/// opens are plain files in a directory that root owns with the install's group and that
/// others cannot write: neither `--db` nor `$PHOIHOP_DB` can point the install's group at
/// another file. Only root creates a new database there (`sudo phoihop init`), so a user
/// cannot make phoihop create files in that directory. Returns the path to open: under
/// setgid the directory resolved (no symbolic link left to swap after the check), else
/// `path` as given.
pub fn trusted_location(path: &Path) -> Result<PathBuf> {
    use std::os::unix::fs::MetadataExt;
    if !crate::safe_file::is_setgid() {
        return Ok(path.to_path_buf());
    }
    let group = nix::unistd::getegid();
    let group_name = match nix::unistd::Group::from_gid(group) {
        Ok(Some(g)) => g.name,
        _ => format!("gid {}", group.as_raw()),
    };
    let refuse = |why: Untrusted| {
        Err(Error::PermissionDenied(
            Db::Untrusted {
                group: group_name.clone(),
                why,
            }
            .into(),
        ))
    };
    let shown = |p: &Path| p.display().to_string();
    let name = match path.file_name() {
        Some(n) => n.to_owned(),
        None => return refuse(Untrusted::NotDbName { path: shown(path) }),
    };
    let n = name.to_string_lossy();
    if n.ends_with("-wal") || n.ends_with("-shm") || n.ends_with("-journal") {
        return refuse(Untrusted::NotDbName { path: shown(path) });
    }
    let Ok(dir) = std::fs::canonicalize(containing_dir(path)) else {
        return refuse(Untrusted::DirNotFound { path: shown(path) });
    };
    let path = dir.join(&name);
    let Ok(d) = std::fs::metadata(&dir) else {
        return refuse(Untrusted::DirUnreadable { dir: shown(&dir) });
    };
    if d.uid() != 0 || d.gid() != group.as_raw() || d.mode() & 0o002 != 0 || !d.is_dir() {
        return refuse(Untrusted::DirNotRoots {
            dir: shown(&dir),
            uid: d.uid(),
            gid: d.gid(),
            mode: format!("{:04o}", d.mode() & 0o7777),
        });
    }
    match std::fs::symlink_metadata(&path) {
        Ok(m) if !m.file_type().is_file() => refuse(Untrusted::NotPlain { path: shown(&path) }),
        Ok(_) => Ok(path),
        Err(_) if nix::unistd::getuid().is_root() => Ok(path),
        Err(_) => Err(Error::NotFound(
            Db::SetgidMissing {
                path: path.display().to_string(),
            }
            .into(),
        )),
    }
}

/// Turns an error of SQLite's first access to the file into one sentence: a directory
/// given as the database, a directory that is missing or not writable (SQLite must
/// create the `-wal` and `-shm` files beside the database, even to read), a file this
/// login may not read and write. Other errors are mapped as usual.
pub fn explain_open_error(path: &Path, e: rusqlite::Error) -> Error {
    if path.is_dir() {
        return Error::Other(
            Db::IsDirectory {
                path: path.display().to_string(),
            }
            .into(),
        );
    }
    // A -wal or -shm file this login cannot use (even a read-only open needs the -shm):
    // name it and its owner.
    if let Err(named) = check_sidecars(path) {
        return named;
    }
    let cannot_open = matches!(
        &e,
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ffi::ErrorCode::CannotOpen
    );
    if !cannot_open {
        return e.into();
    }
    let dir = containing_dir(path);
    let writable = |p: &Path| nix::unistd::eaccess(p, nix::unistd::AccessFlags::W_OK).is_ok();
    let rw = nix::unistd::AccessFlags::R_OK | nix::unistd::AccessFlags::W_OK;
    if !dir.is_dir() {
        Error::NotFound(
            Db::NoDirectory {
                dir: dir.display().to_string(),
            }
            .into(),
        )
    } else if !writable(&dir) {
        Error::PermissionDenied(
            Db::DirNotWritable {
                dir: dir.display().to_string(),
            }
            .into(),
        )
    } else if path.exists() && nix::unistd::eaccess(path, rw).is_err() {
        Error::PermissionDenied(
            Db::FileNotReadWrite {
                path: path.display().to_string(),
            }
            .into(),
        )
    } else {
        e.into()
    }
}

/// The mode of every database file phoihop creates, and of its `-wal` and `-shm` files:
/// owner and group read and write, others nothing.
pub const DB_MODE: u32 = 0o660;

/// The `-wal` and `-shm` files SQLite keeps beside the database in WAL mode.
pub fn sidecars(path: &Path) -> [PathBuf; 2] {
    let with = |suffix: &str| {
        let mut s = path.as_os_str().to_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    [with("-wal"), with("-shm")]
}

/// The login that owns a file's uid, or the number when it has no name.
fn owner_name(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(u)) => u.name,
        _ => format!("uid {uid}"),
    }
}

/// Before a read-write open: an existing `-wal` or `-shm` file must be a plain file this
/// login can write, or every write (and, for the `-shm`, every read) fails with SQLite's
/// unhelpful "readonly database". Refuses with a sentence that names the file and its
/// owner. A symbolic link in their place is refused too.
pub fn check_sidecars(path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    for side in sidecars(path) {
        let Ok(meta) = std::fs::symlink_metadata(&side) else {
            continue;
        };
        if meta.file_type().is_symlink() || !meta.file_type().is_file() {
            return Err(Error::PermissionDenied(
                Db::SideNotPlain {
                    path: side.display().to_string(),
                    owner: owner_name(meta.uid()),
                }
                .into(),
            ));
        }
        let rw = nix::unistd::AccessFlags::R_OK | nix::unistd::AccessFlags::W_OK;
        match nix::unistd::eaccess(&side, rw) {
            // Another process's last close removed it between the two looks: nothing to check.
            Ok(()) | Err(nix::errno::Errno::ENOENT) => {}
            Err(_) => {
                return Err(Error::PermissionDenied(
                    Db::SideNotReadWrite {
                        path: side.display().to_string(),
                        owner: owner_name(meta.uid()),
                        mode: format!("{:04o}", meta.mode() & 0o7777),
                    }
                    .into(),
                ))
            }
        }
    }
    Ok(())
}

/// After opening in WAL mode, when the database file is 0660: a `-wal` or `-shm` file this
/// login owns gets mode 0660 too (SQLite gives them the database file's mode, so one
/// created while the database was narrower may be, and then the group is locked out).
/// A database of another mode is the owner's choice and left alone. Best effort.
///
/// By path (`fchmodat`, not following a link), never through a file descriptor of our
/// own: closing any descriptor of a file drops every POSIX lock this process holds on it,
/// SQLite's locks on the `-shm` among them, and another process would then take the
/// shared memory for unused and re-initialise it under us.
pub fn fix_sidecar_modes(path: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let me = nix::unistd::geteuid().as_raw();
    match std::fs::metadata(path) {
        Ok(m) if m.mode() & 0o777 == DB_MODE => {}
        _ => return Ok(()),
    }
    for side in sidecars(path) {
        let Ok(meta) = std::fs::symlink_metadata(&side) else {
            continue;
        };
        if !meta.file_type().is_file() || meta.uid() != me || meta.mode() & 0o777 == DB_MODE {
            continue;
        }
        let _ = nix::sys::stat::fchmodat(
            nix::fcntl::AT_FDCWD,
            &side,
            nix::sys::stat::Mode::from_bits_truncate(DB_MODE),
            nix::sys::stat::FchmodatFlags::NoFollowSymlink,
        );
    }
    Ok(())
}

/// Creates an empty database file with mode 0660 (group may read and write; others
/// nothing) by `fchmod`, whatever the umask, so that SQLite never creates it with the
/// process umask's default. SQLite gives the `-wal` and `-shm` files the database file's
/// mode. An existing file is left as it is.
pub fn create_private(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let dir = containing_dir(path);
    if !dir.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| {
            Error::Other(
                Db::CreateDir {
                    dir: dir.display().to_string(),
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
    }
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(DB_MODE)
        .open(path)
    {
        Ok(f) => nix::sys::stat::fchmod(&f, nix::sys::stat::Mode::from_bits_truncate(DB_MODE))
            .map_err(|e| {
                Error::Other(
                    Db::SetMode {
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    }
                    .into(),
                )
            }),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(Error::Other(
            Db::CreateFile {
                path: path.display().to_string(),
                detail: e.to_string(),
            }
            .into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_network_filesystem_magic_is_refused() {
        let expected: &[(i64, &str)] = &[
            (0x6969, "NFS"),
            (0x517B, "SMB"),
            (0xFF53_4D42, "CIFS"),
            (0xFE53_4D42, "SMB2"),
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
            (0xAAD7_AAEA, "PanFS"),
            (0x786F_4256, "vboxsf"),
            (0xBACB_ACBC, "VMware hgfs"),
        ];
        for (magic, name) in expected {
            assert_eq!(network_fs_name(*magic), Some(*name), "{magic:#x}");
        }
        assert_eq!(expected.len(), NETWORK_FILESYSTEMS.len());
    }

    #[test]
    fn devfs_is_not_gfs2() {
        // 0x1373 is devfs, once (wrongly) listed as GFS2.
        assert_eq!(network_fs_name(0x1373), None);
        assert_eq!(network_fs_name(0x0116_1970), Some("GFS2"));
    }

    #[test]
    fn local_filesystems_are_not_refused() {
        for magic in [
            0xEF53_i64,  // ext2/3/4
            0x0102_1994, // tmpfs
            0x5846_5342, // xfs
            0x9123_683E, // btrfs
            0x794C_7630, // overlayfs
            0x2FC1_2FC1, // zfs
            0xF2F5_2010, // f2fs
            0x858458F6,  // ramfs
        ] {
            assert_eq!(network_fs_name(magic), None, "{magic:#x}");
        }
    }

    #[test]
    fn knows_network_filesystems() {
        assert_eq!(network_fs_name(0x6969), Some("NFS"));
        assert_eq!(network_fs_name(0xFF53_4D42), Some("CIFS"));
        assert_eq!(network_fs_name(0xFE53_4D42), Some("SMB2"));
        assert_eq!(network_fs_name(0x6573_5546), Some("FUSE"));
        assert_eq!(network_fs_name(0xEF53), None); // ext4
        assert_eq!(network_fs_name(0x0102_1994), None); // tmpfs
        assert_eq!(network_fs_name(0x5846_5342), None); // xfs
    }
}
