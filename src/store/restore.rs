//! `phoihop restore BACKUP`: puts a backup's data into the live database file.
//!
//! Never a `cp` over the file and never a new inode: the data goes in by SQL, in one
//! write transaction on the live connection that holds the write lock from the copy of
//! the replaced state to the commit, so other sessions either wait (writers, up to their
//! busy timeout) or see the database change between two reads (readers, like an open
//! TUI), and no write falls between the kept copy and the restore.
//!
//! In order:
//! 1. the caller must be admin;
//! 2. the backup is opened read-only (with the user's own group under a setgid install,
//!    never through a link) and refused unless it is a whole phoihop database of a schema
//!    this binary knows;
//! 3. it is copied to a staging file next to the database, migrated there if it is older,
//!    and given the audit row of the restore, chained to the restored log's head (the
//!    restored file's audit log replaces the live one);
//! 4. the live connection takes the write lock (`BEGIN IMMEDIATE`); the live state is
//!    copied, through a second connection, to `NAME.before-restore-YYYY-MM-DDTHH-MM-SS`
//!    (0660); every table's rows are replaced by the staging file's (the append-only
//!    triggers lifted and put back inside the transaction); the transaction commits;
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

/// Where a restore is, for a progress bar: each step with what is done of its total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RestoreStep {
    /// The backup's pages copied to the staging file.
    Copy { done: u64, total: u64 },
    /// The backup, then the staging copy, checked (no count).
    Check,
    /// The live database's pages kept beside it.
    Keep { done: u64, total: u64 },
    /// The live rows replaced, one table at a time (rows of the tables done).
    Replace { done: u64, total: u64 },
}

/// Pages copied per step of the backup API between two progress reports.
const PAGES_PER_STEP: std::ffi::c_int = 1024;

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

fn copy_all(from: &Connection, to: &mut Connection, step: &mut dyn FnMut(u64, u64)) -> Result<()> {
    use rusqlite::backup::StepResult;
    // A read transaction on the source for the whole copy: the steps below see one state
    // of it, as a single step of all pages would (the destination's write lock is held
    // from the first step to the last either way).
    from.execute_batch("BEGIN DEFERRED; SELECT count(*) FROM sqlite_schema;")?;
    let copied = (|| -> Result<()> {
        let b = rusqlite::backup::Backup::new(from, to)?;
        loop {
            let r = b.step(PAGES_PER_STEP)?;
            let p = b.progress();
            let total = p.pagecount.max(0) as u64;
            step(total.saturating_sub(p.remaining.max(0) as u64), total);
            match r {
                StepResult::Done => return Ok(()),
                StepResult::More => {}
                _ => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    })();
    let _ = from.execute_batch("COMMIT");
    copied
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

/// Copies the live database at `live` to the new file `kept` (0660): called while this
/// process holds the write lock, through a second connection (the backup API cannot read
/// from a connection inside a write transaction), so the copy is the state the restore
/// replaces, to the last committed write.
fn keep(live: &Path, kept: &Path, step: &mut dyn FnMut(u64, u64)) -> Result<()> {
    create_beside(kept)?;
    let src = Connection::open_with_flags(
        live,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    src.busy_timeout(Duration::from_secs(30))?;
    let mut out = Connection::open_with_flags(
        kept,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NOFOLLOW
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    copy_all(&src, &mut out, step)?;
    out.query_row("PRAGMA journal_mode=DELETE", [], |_| Ok(()))?;
    Ok(())
}

/// `"name"` for SQL.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Replaces every row of the live database (`main`) by the rows of the attached staging
/// copy (`restore_src`, migrated to the same schema), inside the caller's write
/// transaction. The append-only triggers are lifted for the replacement and put back as
/// they were before the transaction ends, so no other session ever sees the log without
/// them.
fn replace_all(tx: &Connection, step: &mut dyn FnMut(u64, u64)) -> Result<()> {
    let names = |schema: &str, kind: &str| -> Result<Vec<(String, String)>> {
        let mut st = tx.prepare(&format!(
            "SELECT name, coalesce(sql, '') FROM {schema}.sqlite_schema WHERE type = ?1 AND name NOT LIKE 'sqlite_%' ORDER BY name"
        ))?;
        let rows = st.query_map([kind], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let columns = |schema: &str, table: &str| -> Result<Vec<String>> {
        let mut st = tx.prepare("SELECT name FROM pragma_table_info(?1, ?2) ORDER BY name")?;
        let rows = st.query_map([table, schema], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let tables = names("main", "table")?;
    let differs = || {
        Error::Other(
            "The restored copy's tables differ from the live database's after migration; nothing was changed."
                .into(),
        )
    };
    let src_tables: Vec<String> = names("restore_src", "table")?
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    if src_tables != tables.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>() {
        return Err(differs());
    }
    let triggers = names("main", "trigger")?;
    for (name, _) in &triggers {
        tx.execute_batch(&format!("DROP TRIGGER main.{}", quoted(name)))?;
    }
    // The rows to put in, table by table: a progress bar's total.
    let mut sizes = Vec::with_capacity(tables.len());
    for (table, _) in &tables {
        let n: i64 = tx.query_row(
            &format!("SELECT count(*) FROM restore_src.{}", quoted(table)),
            [],
            |r| r.get(0),
        )?;
        sizes.push(n.max(0) as u64);
    }
    let total: u64 = sizes.iter().sum();
    let mut done = 0u64;
    step(done, total);
    for ((table, _), rows) in tables.iter().zip(&sizes) {
        let cols = columns("main", table)?;
        if cols != columns("restore_src", table)? {
            return Err(differs());
        }
        let list = cols
            .iter()
            .map(|c| quoted(c))
            .collect::<Vec<_>>()
            .join(", ");
        let t = quoted(table);
        tx.execute_batch(&format!(
            "DELETE FROM main.{t}; INSERT INTO main.{t} ({list}) SELECT {list} FROM restore_src.{t};"
        ))?;
        done += rows;
        step(done, total);
    }
    let has_seq = |schema: &str| -> Result<bool> {
        Ok(tx.query_row(
            &format!("SELECT count(*) FROM {schema}.sqlite_schema WHERE name = 'sqlite_sequence'"),
            [],
            |r| r.get::<_, i64>(0),
        )? > 0)
    };
    if has_seq("main")? {
        tx.execute_batch("DELETE FROM main.sqlite_sequence")?;
        if has_seq("restore_src")? {
            tx.execute_batch(
                "INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM restore_src.sqlite_sequence",
            )?;
        }
    }
    for (_, sql) in &triggers {
        tx.execute_batch(sql)?;
    }
    let mut fk = tx.prepare("PRAGMA main.foreign_key_check")?;
    let mut rows = fk.query([])?;
    let mut dangling = 0;
    while rows.next()?.is_some() {
        dangling += 1;
    }
    if dangling > 0 {
        return Err(Error::Other(
            format!(
            "The restored copy has {dangling} rows referring to missing rows; nothing was changed."
        )
            .into(),
        ));
    }
    Ok(())
}

/// Run by a test between keeping the live state and replacing it (the lock is held).
#[cfg(test)]
pub(crate) static TEST_HOOK: std::sync::Mutex<Option<Box<dyn FnOnce() + Send>>> =
    std::sync::Mutex::new(None);

#[cfg(test)]
fn run_test_hook() {
    let hook = TEST_HOOK.lock().map(|mut h| h.take()).unwrap_or(None);
    if let Some(f) = hook {
        f();
    }
}

impl Store {
    /// Restores the backup at `src` into this (live) database. Admin only.
    pub fn restore(&mut self, src: &Path) -> Result<Restored> {
        self.restore_reporting(src, &mut |_| {})
    }

    /// [`Store::restore`], telling `step` where it is (a progress bar).
    pub fn restore_reporting(
        &mut self,
        src: &Path,
        step: &mut dyn FnMut(RestoreStep),
    ) -> Result<Restored> {
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
        step(RestoreStep::Check);
        let from_version = crate::safe_file::as_real_group(|| {
            let (src_conn, v) = open_backup(src)?;
            copy_all(&src_conn, &mut stage, &mut |done, total| {
                step(RestoreStep::Copy { done, total })
            })?;
            Ok(v)
        })?;
        step(RestoreStep::Check);
        stage.query_row("PRAGMA journal_mode=MEMORY", [], |_| Ok(()))?;
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

        drop(stage);

        // 4. Under the write lock: keep the live state, then put the staging copy's rows
        // in, in one transaction.
        self.conn.pragma_update(None, "foreign_keys", "OFF")?;
        let attached = self
            .conn
            .execute(
                "ATTACH DATABASE ?1 AS restore_src",
                [staging.to_string_lossy()],
            )
            .map_err(Error::from);
        let result = attached.and_then(|_| {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            if let Err(e) = keep(&self.path, &kept, &mut |done, total| {
                step(RestoreStep::Keep { done, total })
            }) {
                let _ = std::fs::remove_file(&kept);
                return Err(e);
            }
            #[cfg(test)]
            run_test_hook();
            let replaced = replace_all(&tx, &mut |done, total| {
                step(RestoreStep::Replace { done, total })
            });
            let committed = replaced.and_then(|_| Ok(tx.commit()?));
            if committed.is_err() {
                let _ = std::fs::remove_file(&kept);
            }
            committed
        });
        let _ = self.conn.execute_batch("DETACH DATABASE restore_src");
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        result?;
        super::fs::fix_sidecar_modes(&self.path)?;
        Ok(Restored {
            tasks,
            from_version,
            kept,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::domain::{Agency, AgencyKind};
    use crate::store::test_support::temp_store;

    fn agency(code: &str, name: &str) -> Agency {
        Agency {
            code: code.into(),
            name: name.into(),
            kind: AgencyKind::Party,
            parent: None,
            head: None,
            members: None,
            staff: None,
        }
    }

    fn codes(path: &Path) -> Vec<String> {
        let c = Connection::open(path).unwrap();
        let mut st = c.prepare("SELECT code FROM agency ORDER BY code").unwrap();
        let v = st
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(|r| r.unwrap())
            .collect();
        v
    }

    /// Another session's write that arrives once the replaced state is being kept waits
    /// for the restore (the lock is held from the kept copy to the commit) and lands on
    /// the restored data: it is neither lost nor missing from both states. Before, the
    /// kept copy was taken before the lock, and such a write was in neither.
    #[test]
    fn a_write_during_a_restore_waits_and_is_not_lost() {
        let (dir, mut s) = temp_store("me");
        s.add_agency(agency("A", "Ban Tổ chức")).unwrap();
        let backup = dir.path().join("sao-luu.db");
        s.backup(&backup).unwrap();
        s.add_agency(agency("B", "Ban Dân vận")).unwrap();

        let path = s.path().to_path_buf();
        let (sent, got) = std::sync::mpsc::channel();
        *TEST_HOOK.lock().unwrap() = Some(Box::new(move || {
            let writer = std::thread::spawn(move || {
                let mut other = Store::open_as(&path, false, "me".into()).unwrap();
                other.add_agency(agency("LATE", "Ban đến muộn")).map(|_| ())
            });
            // Time for the write to go through, if nothing held it back.
            std::thread::sleep(Duration::from_millis(500));
            sent.send(writer).unwrap();
        }));
        let restored = s.restore(&backup).unwrap();
        got.recv()
            .unwrap()
            .join()
            .unwrap()
            .expect("the concurrent write waited and succeeded");
        // The kept state is the live one the restore replaced, to its last write.
        assert_eq!(codes(&restored.kept), ["A", "B"]);
        // The restored data, with the write that waited on top.
        assert_eq!(codes(s.path()), ["A", "LATE"]);
        assert!(s.check().unwrap().is_empty(), "{:?}", s.check());
        let ok: String = s
            .conn()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
}
