//! The store: the only module that speaks SQL and the only one that enforces roles.
//!
//! Opening sets WAL, `busy_timeout`, `synchronous=FULL` and foreign keys, refuses network
//! filesystems and newer schemas, and migrates. Every write runs in a `BEGIN IMMEDIATE`
//! transaction that checks the caller's role, checks and bumps versions, and appends a
//! history row and an audit row.

mod access;
mod activity;
mod agencies;
mod asof;
mod audit_chain;
pub mod bulk;
mod codes;
pub mod digest;
pub mod export;
pub mod fs;
mod id_map;
pub mod import;
mod live;
mod live_table;
mod maintenance;
pub mod mine;
pub mod order;
mod programs;
pub mod ranking;
pub mod replica;
pub mod report;
mod restore;
pub mod row;
pub mod schema;
mod search;
pub mod series;
mod stats;
mod task_undo;
mod task_writes;
mod tasks;
mod users;
#[cfg(test)]
mod users_check_tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::lang::facts::{Act, Db};

pub use access::{os_login, Who};
pub use activity::{Change, FieldChange, InboxItem};
pub use agencies::{AgencyEdit, Merged};
pub use audit_chain::{AuditRow, ChainReport};
pub use live::{Delta, Mark, Tally, MAX_DELTA};
pub use live_table::TableDelta;
pub use maintenance::Finding;
pub use programs::ProgramEdit;
pub use restore::{RestoreStep, Restored};
pub use stats::{AgencyCounts, CategoryCounts, Counts, Scope, Summary};
pub use tasks::{TaskFilter, TaskSort};

/// How long a writer waits for another writer's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The page size of a new database file, in bytes.
pub const PAGE_SIZE: i64 = 16_384;

/// An open phoihop database.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    login: String,
    /// Inside [`Store::all_or_nothing`]: writes are savepoints of its transaction.
    in_batch: bool,
    /// The codes the task rows name, while nothing has been written ([`codes`]).
    codes: codes::Cache,
}

impl Store {
    /// Opens (creating and migrating if needed) the database at `path`. With `read_only`
    /// the file is opened with SQLite's read-only flag and must already exist.
    pub fn open(path: &Path, read_only: bool) -> Result<Store> {
        Self::open_as(path, read_only, os_login())
    }

    fn open_as(path: &Path, read_only: bool, login: String) -> Result<Store> {
        let trusted = fs::trusted_location(path)?;
        let path = trusted.as_path();
        fs::refuse_network_fs(path)?;
        let conn = if read_only {
            if !path.exists() {
                return Err(Error::NotFound(
                    Db::Missing {
                        path: path.display().to_string(),
                    }
                    .into(),
                ));
            }
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| fs::explain_open_error(path, e))?
        } else {
            fs::create_private(path)?;
            fs::check_sidecars(path)?;
            Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
            .map_err(|e| fs::explain_open_error(path, e))?
        };
        conn.busy_timeout(BUSY_TIMEOUT)?;
        if crate::safe_file::is_setgid() {
            // Under the setgid install no temporary file may land where the user can
            // read it: SQLite keeps temporary tables and indexes in memory.
            conn.pragma_update(None, "temp_store", "MEMORY")?;
        }
        // The first read of the file: a directory that SQLite cannot use fails here.
        if let Err(e) = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
            return Err(fs::explain_open_error(path, e));
        }
        // A file that is not SQLite at all fails here, with a clear message.
        schema::check_not_newer(&conn)?;
        schema::refuse_foreign(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only,
            login,
            in_batch: false,
            codes: Default::default(),
        };
        if read_only {
            if schema::version(&store.conn)? < schema::LATEST {
                return Err(Error::Other(
                    Db::NeedsMigration {
                        path: path.display().to_string(),
                    }
                    .into(),
                ));
            }
        } else {
            // A new file gets 16 KiB pages (SQLite's default is 4 KiB): a million-task
            // import writes a quarter fewer pages and splits fewer, and the dashboard's
            // index scans visit a quarter as many pages. Only an empty file takes it; an
            // existing database keeps its page size.
            let pages: i64 = store
                .conn
                .query_row("PRAGMA page_count", [], |r| r.get(0))?;
            if pages == 0 {
                store.conn.pragma_update(None, "page_size", PAGE_SIZE)?;
            }
            let mode: String = store
                .conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Other(
                    Db::NoWal {
                        path: path.display().to_string(),
                        mode,
                    }
                    .into(),
                ));
            }
            store.conn.pragma_update(None, "synchronous", "FULL")?;
            fs::fix_sidecar_modes(path)?;
            schema::migrate(&mut store.conn)?;
        }
        Ok(store)
    }

    /// The OS login this store acts as.
    pub fn login(&self) -> &str {
        &self.login
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when opened with `--read-only`.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// How long this connection waits for another writer's lock before a write gives up
    /// (30 s from [`Store::open`]). The TUI's writes wait a few seconds, then offer a retry;
    /// its key loop, which only reads, waits less.
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<()> {
        self.conn.busy_timeout(wait)?;
        Ok(())
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction, with the caller's access resolved.
    /// Refuses at once when the store is read-only.
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Connection, &Who) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(Error::PermissionDenied(Db::ReadOnlyFlag.into()));
        }
        if self.in_batch {
            // Inside [`Store::all_or_nothing`]: a savepoint, so a refused write leaves the
            // rest of the batch as it was, and nothing is committed until the batch is.
            self.conn.execute_batch("SAVEPOINT write")?;
            let out = access::who(&self.conn, &self.login).and_then(|who| f(&self.conn, &who));
            let end = match &out {
                Ok(_) => self.conn.execute_batch("RELEASE write"),
                Err(_) => self.conn.execute_batch("ROLLBACK TO write; RELEASE write"),
            };
            let out = out?;
            end?;
            return Ok(out);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let who = access::who(&tx, &self.login)?;
        let out = f(&tx, &who)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` as one transaction: every write it makes is committed together, or none
    /// is (an error, a kill or a full disk leaves the database as it was). Used by
    /// `demo`, which clears and loads hundreds of records.
    pub fn all_or_nothing<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        if self.read_only {
            return Err(Error::PermissionDenied(Db::ReadOnlyFlag.into()));
        }
        if self.in_batch {
            return f(self);
        }
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        self.in_batch = true;
        let out = f(self);
        self.in_batch = false;
        match out {
            Ok(v) => match self.conn.execute_batch("COMMIT") {
                Ok(()) => Ok(v),
                Err(e) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(e.into())
                }
            },
            Err(e) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    }

    /// A note kept in the database's `meta` table.
    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// Sets a note in `meta` (admin only; one transaction, or part of a batch).
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx, who| {
            who.require_admin(Act::ChangeSettings)?;
            tx.execute(
                "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// The connection, for reads inside this module.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
}

/// The current time, UTC, as stored in `at` columns.
pub(crate) fn now_stamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Appends an audit row, chained to the previous one by its hash (`audit_chain`).
/// `before`/`after` are stored as JSON.
pub(crate) fn audit<B: Serialize, A: Serialize>(
    tx: &Connection,
    who: &Who,
    action: &str,
    entity: &str,
    key: &str,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let json = |v: Option<String>| v;
    let b = json(before.and_then(|b| serde_json::to_string(b).ok()));
    let a = json(after.and_then(|a| serde_json::to_string(a).ok()));
    audit_chain::chained_insert(tx, &now_stamp(), &who.login, action, entity, key, b, a)
}

/// Maps a UNIQUE constraint failure to a clear invalid-data error.
pub(crate) fn unique_violation(
    e: rusqlite::Error,
    what: impl FnOnce() -> crate::lang::facts::Fact,
) -> Error {
    if let rusqlite::Error::SqliteFailure(f, _) = &e {
        if f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
            || f.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY
        {
            return Error::Invalid(what());
        }
    }
    e.into()
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// A store on a new temp file, acting as `login`.
    pub fn temp_store(login: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open_as(&dir.path().join("t.db"), false, login.to_string())
            .expect("open temp store");
        (dir, store)
    }

    /// Reopens the same file as another login.
    pub fn reopen_as(store: &Store, login: &str) -> Store {
        Store::open_as(store.path(), false, login.to_string()).expect("reopen")
    }
}

#[cfg(test)]
mod tests;
