//! `phoihop restore BACKUP`: puts a backup's data into the live database file.
//!
//! Never a `cp` over the file and never a new inode: the data goes in through SQLite's
//! backup API on the live connection, in one step that holds the write lock from the
//! first page to the last, so other sessions either wait (writers, up to their busy
//! timeout) or see the database change between two reads (readers, like an open TUI).
//!
//! In order:
//! 1. the caller must be admin;
//! 2. the backup is opened read-only (with the user's own group under a setgid install,
//!    never through a link) and refused unless it is a whole phoihop database of a schema
//!    this binary knows;
//! 3. it is copied to a staging file next to the database, migrated there if it is older,
//!    given the live file's page size, and given the audit row of the restore, chained to
//!    the restored log's head (the restored file's audit log replaces the live one);
//! 4. under the write lock, the live state is copied to
//!    `NAME.before-restore-YYYY-MM-DDTHH-MM-SS` (0660) and the staging file is copied
//!    into the live file;
//! 5. the staging file is removed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{access, audit_chain, schema, Store};
use crate::error::{Error, Result};
use crate::lang::facts::{Act, Db, Files};

/// What a restore did.
#[derive(Debug, Clone, Serialize)]
pub struct Restored {
    /// Tasks in the restored data.
    pub tasks: i64,
    /// Schema version of the backup before any migration.
    pub from_version: i64,
    /// Where the replaced state was kept.
    pub kept: PathBuf,
}

/// The tables every phoihop database has.
const PHOIHOP_TABLES: &[&str] = &["meta", "agency", "program", "task", "role_grant", "audit"];

/// Opens the user's backup file read-only and refuses it unless it is a whole phoihop
/// database this binary can read. Returns the connection and its schema version.
fn open_backup(src: &Path) -> Result<(Connection, i64)> {
    let name = src.display();
    let meta = std::fs::symlink_metadata(src).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::NotFound(
                Files::BackupMissing {
                    name: name.to_string(),
                }
                .into(),
            )
        } else {
            Error::Other(
                Files::BackupUnreadable {
                    name: name.to_string(),
                    detail: e.to_string(),
                }
                .into(),
            )
        }
    })?;
    if !meta.file_type().is_file() {
        return Err(Error::Invalid(
            Files::BackupNotPlain {
                name: name.to_string(),
            }
            .into(),
        ));
    }
    let not_phoihop = || {
        Error::Invalid(
            Files::NotPhoihop {
                name: name.to_string(),
            }
            .into(),
        )
    };
    let conn = Connection::open_with_flags(
        src,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| not_phoihop())?;
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|_| not_phoihop())?;
    if v > schema::LATEST {
        return Err(Error::Other(
            Files::BackupNewer {
                name: name.to_string(),
                version: v,
                latest: schema::LATEST,
            }
            .into(),
        ));
    }
    if v <= 0 {
        return Err(not_phoihop());
    }
    for t in PHOIHOP_TABLES {
        let there: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                [t],
                |r| r.get(0),
            )
            .map_err(|_| not_phoihop())?;
        if there == 0 {
            return Err(not_phoihop());
        }
    }
    let ok: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|_| not_phoihop())?;
    if ok != "ok" {
        return Err(Error::Invalid(
            Files::BackupDamaged {
                name: name.to_string(),
                check: ok,
            }
            .into(),
        ));
    }
    Ok((conn, v))
}

/// `NAME.before-restore-YYYY-MM-DDTHH-MM-SS` next to the database (a counter is added if
/// that exists).
fn kept_name(db: &Path) -> PathBuf {
    let stamp = chrono::Utc::now().format("%Y-%m-%dT%H-%M-%S");
    let base = format!("{}.before-restore-{stamp}", db.display());
    let mut p = PathBuf::from(&base);
    let mut n = 1;
    while p.exists() {
        n += 1;
        p = PathBuf::from(format!("{base}-{n}"));
    }
    p
}

/// Creates a new file in the database's directory (the install's group, not the user's),
/// 0660 whatever the umask, never through a link.
fn create_beside(path: &Path) -> Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(super::fs::DB_MODE)
        .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| {
            Error::Other(
                Files::CreateCopy {
                    path: path.display().to_string(),
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
    f.set_permissions(std::fs::Permissions::from_mode(super::fs::DB_MODE))?;
    Ok(())
}

fn copy_all(from: &Connection, to: &mut Connection) -> Result<()> {
    use rusqlite::backup::StepResult;
    let b = rusqlite::backup::Backup::new(from, to)?;
    // One step of all pages (-1): the destination's write lock is held from start to end.
    loop {
        match b.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// Removes a file on drop (the staging copy, whatever happens).
struct RemoveOnDrop(PathBuf);
impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        let mut j = self.0.clone().into_os_string();
        j.push("-journal");
        let _ = std::fs::remove_file(j);
    }
}

impl Store {
    /// Restores the backup at `src` into this (live) database. Admin only.
    pub fn restore(&mut self, src: &Path) -> Result<Restored> {
        if self.read_only {
            return Err(Error::PermissionDenied(Db::ReadOnlyFlag.into()));
        }
        let who = access::who(&self.conn, &self.login)?;
        who.require_admin(Act::RestoreDatabase)?;
        crate::safe_file::refuse_database(src, &self.path)?;
        let file_name = src
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| src.display().to_string());

        // 3. The staging copy, next to the database.
        let staging = PathBuf::from(format!(
            "{}.restore-staging-{}",
            self.path.display(),
            std::process::id()
        ));
        let _ = std::fs::remove_file(&staging);
        create_beside(&staging)?;
        let _cleanup = RemoveOnDrop(staging.clone());
        let mut stage = Connection::open_with_flags(
            &staging,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_NOFOLLOW
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // No journal file: the staging copy is thrown away on any failure, and under a
        // setgid install the copy below runs with the user's group, which may not create
        // files in the database's directory.
        stage.query_row("PRAGMA journal_mode=MEMORY", [], |_| Ok(()))?;
        let from_version = crate::safe_file::as_real_group(|| {
            let (src_conn, v) = open_backup(src)?;
            copy_all(&src_conn, &mut stage)?;
            Ok(v)
        })?;
        stage.query_row("PRAGMA journal_mode=MEMORY", [], |_| Ok(()))?;
        let live_page: i64 = self.conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        let stage_page: i64 = stage.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        if live_page != stage_page {
            // A WAL database keeps its page size: the copy takes the live file's.
            stage.pragma_update(None, "page_size", live_page)?;
            stage.execute_batch("VACUUM")?;
        }
        schema::migrate(&mut stage)?;
        let tasks: i64 = stage.query_row("SELECT count(*) FROM task", [], |r| r.get(0))?;
        let kept = kept_name(&self.path);
        let kept_file = kept
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        {
            let tx = stage.transaction()?;
            let before = serde_json::json!({ "kept_as": kept_file });
            let after = serde_json::json!({
                "file": file_name,
                "tasks": tasks,
                "schema_version": from_version,
            });
            audit_chain::chained_insert(
                &tx,
                &super::now_stamp(),
                &who.login,
                "restore",
                "database",
                &file_name,
                Some(before.to_string()),
                Some(after.to_string()),
            )?;
            tx.commit()?;
        }
        // The staging file must be whole before it replaces anything.
        let ok: String = stage.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if ok != "ok" {
            return Err(Error::Other(Files::RestoredDamaged { check: ok }.into()));
        }

        // 4. Keep the live state (one consistent snapshot), then copy the staging file in.
        // (A source connection inside its own write transaction makes the backup API
        // report busy for ever, so the kept copy is taken without holding the lock.)
        create_beside(&kept)?;
        let kept_result = (|| -> Result<()> {
            let mut out = Connection::open_with_flags(
                &kept,
                OpenFlags::SQLITE_OPEN_READ_WRITE
                    | OpenFlags::SQLITE_OPEN_NOFOLLOW
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            copy_all(&self.conn, &mut out)?;
            out.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))?;
            Ok(())
        })();
        if let Err(e) = kept_result {
            let _ = std::fs::remove_file(&kept);
            return Err(e);
        }
        copy_all(&stage, &mut self.conn)?;
        super::fs::fix_sidecar_modes(&self.path)?;
        Ok(Restored {
            tasks,
            from_version,
            kept,
        })
    }
}
