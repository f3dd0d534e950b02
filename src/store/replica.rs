//! Replicas: a province's database as the centre holds it (restored by Litestream), opened
//! so that nothing can write it, and what the roll-up needs to judge it before reading it
//! (its schema version and the time of its newest write). Also the rule phoihop follows
//! for its own WAL checkpoints when Litestream replicates the file.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{fs, schema, Store};
use crate::error::{Error, Result};
use crate::lang::facts::Db;

/// How a replica was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpenMode {
    /// `immutable=1`: no -wal or -shm beside the file, so SQLite neither locks it nor
    /// creates anything next to it (a restored replica, which nothing writes).
    Immutable,
    /// `mode=ro`: a -wal is there (a live database, or `litestream restore -f` following
    /// one), so SQLite reads it with its usual locks, still unable to write.
    ReadOnly,
}

/// The percent-encoded `file:` URI of a path (SQLite's URI rules: `?`, `#` and `%` must
/// be escaped in the path part).
fn file_uri(path: &Path, query: &str) -> Result<String> {
    let abs = std::path::absolute(path).map_err(|e| {
        Error::Other(
            crate::lang::facts::Cli::CannotResolve {
                path: path.display().to_string(),
                detail: e.to_string(),
            }
            .into(),
        )
    })?;
    let s = abs.to_str().ok_or_else(|| {
        Error::Usage(
            Db::ReplicaPathNotUtf8 {
                path: abs.display().to_string(),
            }
            .into(),
        )
    })?;
    let mut out = String::from("file:");
    for c in s.chars() {
        match c {
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            '%' => out.push_str("%25"),
            c => out.push(c),
        }
    }
    out.push('?');
    out.push_str(query);
    Ok(out)
}

impl Store {
    /// Opens a province's replica so that nothing can be written to it or beside it:
    /// `immutable=1` when no -wal/-shm is present, `mode=ro` otherwise. The schema version
    /// is NOT checked here (the roll-up lists a mismatch instead of failing); a newer or an
    /// older schema is refused by the reads only if they fail.
    pub fn open_replica(path: &Path) -> Result<(Store, OpenMode)> {
        let trusted = fs::trusted_location(path)?;
        let path = trusted.as_path();
        fs::refuse_network_fs(path)?;
        let meta = std::fs::metadata(path).map_err(|_| {
            Error::NotFound(
                Db::NoReplica {
                    path: path.display().to_string(),
                }
                .into(),
            )
        })?;
        if !meta.is_file() {
            return Err(Error::Usage(
                Db::NotDatabaseFile {
                    path: path.display().to_string(),
                }
                .into(),
            ));
        }
        let has_sidecar = fs::sidecars(path).iter().any(|p| p.exists());
        let (mode, query) = if has_sidecar {
            (OpenMode::ReadOnly, "mode=ro")
        } else {
            (OpenMode::Immutable, "mode=ro&immutable=1")
        };
        let conn = Connection::open_with_flags(
            file_uri(path, query)?,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| fs::explain_open_error(path, e))?;
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        // Temporary tables and sorts in memory: nothing is written anywhere.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        if let Err(e) = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
            return Err(fs::explain_open_error(path, e));
        }
        schema::refuse_foreign(&conn)?;
        Ok((
            Store {
                conn,
                path: path.to_path_buf(),
                read_only: true,
                login: super::os_login(),
                in_batch: false,
                codes: Default::default(),
            },
            mode,
        ))
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        schema::version(self.conn())
    }

    /// The time of the newest row of the audit log: every write appends one, so this is
    /// the time of the last write the file holds (`None` for a database never written).
    pub fn last_write(&self) -> Result<Option<DateTime<Utc>>> {
        let at: Option<String> = self
            .conn()
            .query_row("SELECT at FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(at
            .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
            .map(|d| d.with_timezone(&Utc)))
    }

    /// SQLite's `quick_check` and the audit log's hash chain: the problems found, one
    /// sentence each (empty when both pass).
    pub fn quick_check(&self) -> Result<Vec<String>> {
        let mut st = self.conn().prepare("PRAGMA quick_check")?;
        let rows: Vec<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out: Vec<String> = if rows == ["ok"] { Vec::new() } else { rows };
        if let Some(problem) = self.verify_audit(None)?.problem {
            out.push(problem.to_string());
        }
        Ok(out)
    }

    /// Whether phoihop's own `wal_checkpoint(TRUNCATE)` after a bulk write is to be
    /// skipped because Litestream replicates this file (see [`litestream_replicates`]).
    pub(crate) fn leave_checkpoints_to_litestream(&self) -> bool {
        litestream_replicates(self.path())
    }
}

/// The directory Litestream keeps beside a database it replicates: `.NAME-litestream` in
/// the same directory (its local state, made when replication starts).
pub fn litestream_dir(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    db.with_file_name(format!(".{name}-litestream"))
}

/// True when Litestream replicates `db` (its directory is there) or the setting
/// `PHOIHOP_LITESTREAM=1` says so. Then phoihop leaves every checkpoint that resets the
/// WAL to Litestream, as Litestream asks of the applications beside it; SQLite's own
/// passive auto-checkpoints (which never reset the WAL under a reader) stay on.
/// `PHOIHOP_LITESTREAM=0` forces phoihop's own checkpoints back on.
pub fn litestream_replicates(db: &Path) -> bool {
    match std::env::var("PHOIHOP_LITESTREAM").ok().as_deref() {
        Some("1") => true,
        Some("0") => false,
        _ => litestream_dir(db).is_dir(),
    }
}
