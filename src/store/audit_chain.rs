//! The tamper-evident audit log: every audit row carries `hash` = SHA-256 of the previous
//! row's hash and the row's own fields, so a row changed, inserted or deleted behind
//! phoihop's back breaks the chain from that row on. `verify` checks the chain, that the
//! append-only triggers are there as phoihop made them, and that no id is missing; it
//! names the first bad row in one sentence. The hash of the newest row (the chain head)
//! can be kept off the server: a later `audit verify --head HASH` proves that the log
//! then is still the beginning of the log now (no row removed from the end, nothing
//! re-computed).
//!
//! The schema change is [`MIGRATION_SQL`] followed by [`backfill`], both in the migration's
//! transaction (schema version 5, `MIGRATIONS[4]` in `schema.rs`, which calls `backfill`
//! after it). A database not yet migrated has no `hash` column: [`chained_insert`] writes
//! rows as before and `verify` checks only the triggers and the ids. The append-only
//! triggers `verify` expects are [`TRIGGERS`]: a migration that changes them must change
//! them here too.
//!
//! A chain without a secret key can be re-computed by whoever can write the file; what
//! stops that is the setgid install (nobody but root writes the file) and the head kept
//! elsewhere, not the hash alone.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::Store;
use crate::error::{Error, Result};
use crate::lang::facts::{Audit, Cli, Row};

/// Schema version 5: the `hash` column of the audit log. Run [`backfill`] right after it,
/// in the same transaction (`schema.rs` does).
pub(crate) const MIGRATION_SQL: &str = r#"
ALTER TABLE audit ADD COLUMN hash TEXT;
"#;

/// The append-only triggers as phoihop creates them (schema versions 1 and 2), compared
/// with `sqlite_schema` whitespace-insensitively.
pub(crate) const TRIGGERS: &[(&str, &str)] = &[
    (
        "audit_no_update",
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit\nBEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    (
        "audit_no_delete",
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\nBEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
    (
        "audit_no_replace",
        "CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit\nWHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)\nBEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    ),
];

/// True in the build `scripts/stress.sh chain-cost` compares against (the cargo feature
/// `bench-unchained-audit`): rows are written without their hash and the chain is not
/// verified, as on a database before schema version 5. Never true in a real build.
const UNCHAINED: bool = cfg!(feature = "bench-unchained-audit");

/// The hash before the first row: 64 zeros.
const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of one audit row that the hash covers (all of them but the hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub entity_key: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The stored hash (`None` before the migration, or for a row written by another
    /// program).
    pub hash: Option<String>,
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    /// Audit rows read.
    pub rows: i64,
    /// True when the database has the hash column (schema version 5 or later).
    pub chained: bool,
    /// The newest row's id and hash: the chain head.
    pub head: Option<(i64, String)>,
    /// The first problem, naming the row; `None` = intact. In JSON, its English sentence.
    #[serde(serialize_with = "crate::lang::facts::serialize_rendered_opt")]
    pub problem: Option<Audit>,
}

/// The hash of a row: SHA-256 over the previous hash (hex) and the row's fields, each
/// field length-prefixed (NULL distinct from empty), as lowercase hex.
pub(crate) fn row_hash(prev: &str, r: &AuditRow) -> String {
    hash_fields(
        prev,
        r.id,
        [&r.at, &r.actor, &r.action, &r.entity, &r.entity_key],
        r.before.as_deref(),
        r.after.as_deref(),
    )
}

/// [`row_hash`] over borrowed fields: id, then at, actor, action, entity, key, then
/// before and after.
fn hash_fields(
    prev: &str,
    id: i64,
    head: [&str; 5],
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    h.update(b"phoihop-audit-v1\0");
    h.update(prev.as_bytes());
    let id = id.to_string();
    let fields: [Option<&str>; 8] = [
        Some(&id),
        Some(head[0]),
        Some(head[1]),
        Some(head[2]),
        Some(head[3]),
        Some(head[4]),
        before,
        after,
    ];
    for f in fields {
        match f {
            None => h.update([0u8]),
            Some(s) => {
                h.update([1u8]);
                h.update((s.len() as u64).to_be_bytes());
                h.update(s.as_bytes());
            }
        }
    }
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = h.finalize();
    let mut out = String::with_capacity(64);
    for b in digest {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 15)]));
    }
    out
}

/// True when the audit table has the `hash` column.
pub(crate) fn has_hash_column(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM pragma_table_info('audit') WHERE name = 'hash'",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Appends an audit row (called by `store::audit`, inside the write's `BEGIN IMMEDIATE`
/// transaction, which makes reading the last row and appending the next one atomic): with
/// the next id and its chained hash when the database has the hash column, as before
/// otherwise.
#[allow(clippy::too_many_arguments)]
pub(crate) fn chained_insert(
    tx: &Connection,
    at: &str,
    actor: &str,
    action: &str,
    entity: &str,
    key: &str,
    before: Option<String>,
    after: Option<String>,
) -> Result<()> {
    if UNCHAINED {
        tx.prepare_cached(
            "INSERT INTO audit (at, actor, action, entity, entity_key, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![at, actor, action, entity, key, before, after])?;
        return Ok(());
    }
    // The statement fails to prepare on a schema without the column; that is checked
    // only then, so a chained database pays for one cached statement.
    let last = match tx.prepare_cached("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1") {
        Ok(mut st) => st
            .query_row([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
            })
            .optional()?,
        Err(e) => {
            if has_hash_column(tx)? {
                return Err(e.into());
            }
            tx.execute(
                "INSERT INTO audit (at, actor, action, entity, entity_key, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![at, actor, action, entity, key, before, after],
            )?;
            return Ok(());
        }
    };
    let (id, prev) = match last {
        Some((id, h)) => (id + 1, h.unwrap_or_else(|| GENESIS.to_string())),
        None => (1, GENESIS.to_string()),
    };
    let row = AuditRow {
        id,
        at: at.to_string(),
        actor: actor.to_string(),
        action: action.to_string(),
        entity: entity.to_string(),
        entity_key: key.to_string(),
        before,
        after,
        hash: None,
    };
    let hash = row_hash(&prev, &row);
    tx.prepare_cached(
        "INSERT INTO audit (id, at, actor, action, entity, entity_key, before, after, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        row.id,
        row.at,
        row.actor,
        row.action,
        row.entity,
        row.entity_key,
        row.before,
        row.after,
        hash
    ])?;
    Ok(())
}

/// Rows one statement of [`ChainAppender`] inserts (9 parameters each).
const APPEND_BATCH: usize = 64;

/// One queued row of a [`ChainAppender`], its hash already chained.
struct Queued {
    id: i64,
    action: &'static str,
    entity: &'static str,
    key: String,
    after: String,
    hash: String,
}

/// Appends many audit rows of one write (an import's one row per record) in its
/// transaction: each row chained to the one before like [`chained_insert`], written
/// [`APPEND_BATCH`] to a statement. All rows share the write's time and actor and have
/// no `before`. Call [`ChainAppender::finish`] before any other audit row of the write.
pub(crate) struct ChainAppender<'c> {
    conn: &'c Connection,
    at: String,
    actor: String,
    /// `None` on a database without the hash column: rows go through `chained_insert`.
    chain: Option<(i64, String)>,
    queued: Vec<Queued>,
}

const APPEND_SQL: &str =
    "INSERT INTO audit (id, at, actor, action, entity, entity_key, before, after, hash) VALUES ";

impl<'c> ChainAppender<'c> {
    pub(crate) fn new(conn: &'c Connection, actor: &str) -> Result<ChainAppender<'c>> {
        let chain = if has_hash_column(conn)? && !UNCHAINED {
            let last = conn
                .query_row(
                    "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                    [],
                    |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?)),
                )
                .optional()?;
            Some(match last {
                Some((id, h)) => (id + 1, h.unwrap_or_else(|| GENESIS.to_string())),
                None => (1, GENESIS.to_string()),
            })
        } else {
            None
        };
        Ok(ChainAppender {
            conn,
            at: super::now_stamp(),
            actor: actor.to_string(),
            chain,
            queued: Vec::with_capacity(APPEND_BATCH),
        })
    }

    /// Queues one row (`after` is JSON), written at the latest by [`ChainAppender::finish`].
    pub(crate) fn push(
        &mut self,
        action: &'static str,
        entity: &'static str,
        key: String,
        after: String,
    ) -> Result<()> {
        let Some((next, prev)) = &mut self.chain else {
            return chained_insert(
                self.conn,
                &self.at,
                &self.actor,
                action,
                entity,
                &key,
                None,
                Some(after),
            );
        };
        let hash = hash_fields(
            prev,
            *next,
            [&self.at, &self.actor, action, entity, &key],
            None,
            Some(&after),
        );
        self.queued.push(Queued {
            id: *next,
            action,
            entity,
            key,
            after,
            hash: hash.clone(),
        });
        *next += 1;
        *prev = hash;
        if self.queued.len() == APPEND_BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        let rows = std::mem::take(&mut self.queued);
        let mut groups = rows.chunks_exact(APPEND_BATCH);
        for group in &mut groups {
            self.write(group)?;
        }
        for row in groups.remainder() {
            self.write(std::slice::from_ref(row))?;
        }
        self.queued = rows;
        self.queued.clear();
        Ok(())
    }

    fn write(&self, rows: &[Queued]) -> Result<()> {
        let one = "(?,?,?,?,?,?,NULL,?,?)";
        let sql = format!("{APPEND_SQL}{}", vec![one; rows.len()].join(","));
        let mut st = self.conn.prepare_cached(&sql)?;
        for (i, r) in rows.iter().enumerate() {
            let at = i * 8;
            st.raw_bind_parameter(at + 1, r.id)?;
            st.raw_bind_parameter(at + 2, self.at.as_str())?;
            st.raw_bind_parameter(at + 3, self.actor.as_str())?;
            st.raw_bind_parameter(at + 4, r.action)?;
            st.raw_bind_parameter(at + 5, r.entity)?;
            st.raw_bind_parameter(at + 6, r.key.as_str())?;
            st.raw_bind_parameter(at + 7, r.after.as_str())?;
            st.raw_bind_parameter(at + 8, r.hash.as_str())?;
        }
        st.raw_execute()?;
        Ok(())
    }

    /// Writes the rows still queued.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.flush()
    }
}

fn read_row(r: &rusqlite::Row<'_>, with_hash: bool) -> rusqlite::Result<AuditRow> {
    Ok(AuditRow {
        id: r.get(0)?,
        at: r.get(1)?,
        actor: r.get(2)?,
        action: r.get(3)?,
        entity: r.get(4)?,
        entity_key: r.get(5)?,
        before: r.get(6)?,
        after: r.get(7)?,
        hash: if with_hash { r.get(8)? } else { None },
    })
}

fn select(with_hash: bool) -> &'static str {
    if with_hash {
        "SELECT id, at, actor, action, entity, entity_key, before, after, hash FROM audit"
    } else {
        "SELECT id, at, actor, action, entity, entity_key, before, after FROM audit"
    }
}

/// Fills the hash of every existing row, in id order (the migration to version 5, right
/// after [`MIGRATION_SQL`], in its transaction). The append-only update trigger is lifted
/// for the fill and put back exactly as it was.
pub(crate) fn backfill(tx: &Transaction<'_>) -> Result<()> {
    tx.execute_batch("DROP TRIGGER IF EXISTS audit_no_update")?;
    {
        let mut read = tx.prepare(&format!("{} ORDER BY id", select(false)))?;
        let mut write = tx.prepare("UPDATE audit SET hash = ?1 WHERE id = ?2")?;
        let mut rows = read.query([])?;
        let mut prev = GENESIS.to_string();
        while let Some(r) = rows.next()? {
            let row = read_row(r, false)?;
            let h = row_hash(&prev, &row);
            write.execute(params![h, row.id])?;
            prev = h;
        }
    }
    tx.execute_batch(&format!("{};", TRIGGERS[0].1))?;
    Ok(())
}

/// Whitespace-insensitive form of SQL text, to compare trigger definitions.
fn squash(sql: &str) -> String {
    sql.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks the triggers: each of phoihop's is there as created, and no other trigger is
/// defined on the audit table.
fn check_triggers(conn: &Connection) -> Result<Option<Audit>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit' ORDER BY name",
    )?;
    let found: Vec<(String, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, sql) in TRIGGERS {
        match found.iter().find(|(n, _)| n == name) {
            None => {
                return Ok(Some(Audit::TriggerMissing {
                    name: name.to_string(),
                }))
            }
            Some((_, got)) if got.as_deref().map(squash) != Some(squash(sql)) => {
                return Ok(Some(Audit::TriggerChanged {
                    name: name.to_string(),
                }))
            }
            Some(_) => {}
        }
    }
    if let Some((name, _)) = found
        .iter()
        .find(|(n, _)| !TRIGGERS.iter().any(|(t, _)| t == n))
    {
        return Ok(Some(Audit::TriggerForeign {
            name: crate::domain::text::escape(name).into_owned(),
        }));
    }
    Ok(None)
}

/// Names an audit row for a sentence: `Audit row 17 (2026-12-01T08:00:00.000Z, vanphong, edit task 3)`.
fn describe(r: &AuditRow) -> Box<Row> {
    let e = |s: &str| crate::domain::text::escape(s).into_owned();
    Box::new(Row {
        id: r.id,
        at: e(&r.at),
        actor: e(&r.actor),
        action: e(&r.action),
        entity: e(&r.entity),
        key: e(&r.entity_key),
    })
}

/// Checks the audit log: the triggers, that ids run 1, 2, 3 … without a gap, and (when
/// the database has the hash column) every row's hash. Stops at the first problem.
pub(crate) fn verify(conn: &Connection) -> Result<ChainReport> {
    let chained = has_hash_column(conn)? && !UNCHAINED;
    let mut report = ChainReport {
        rows: 0,
        chained,
        head: None,
        problem: check_triggers(conn)?,
    };
    let mut st = conn.prepare(&format!("{} ORDER BY id", select(chained)))?;
    let mut rows = st.query([])?;
    let mut prev = GENESIS.to_string();
    let mut expected_id = 1;
    while let Some(r) = rows.next()? {
        let row = read_row(r, chained)?;
        report.rows += 1;
        if report.problem.is_some() {
            continue;
        }
        if row.id != expected_id {
            report.problem = Some(if expected_id == 1 && row.id == 2 {
                Audit::FirstRowMissing
            } else if expected_id + 1 == row.id {
                Audit::RowMissing {
                    id: expected_id,
                    next: row.id,
                }
            } else if row.id > expected_id {
                Audit::RowsMissing {
                    from: expected_id,
                    next: row.id,
                }
            } else {
                Audit::OutOfOrder {
                    row: describe(&row),
                }
            });
            continue;
        }
        expected_id += 1;
        if chained {
            let want = row_hash(&prev, &row);
            match &row.hash {
                None => {
                    report.problem = Some(Audit::NoHash {
                        row: describe(&row),
                    });
                    continue;
                }
                Some(h) if *h != want => {
                    report.problem = Some(Audit::HashMismatch {
                        row: describe(&row),
                    });
                    continue;
                }
                Some(_) => {}
            }
            prev = want;
            report.head = Some((row.id, prev.clone()));
        } else {
            report.head = None;
        }
    }
    Ok(report)
}

/// The row whose hash is `head`, if the log holds it.
pub(crate) fn find_hash(conn: &Connection, head: &str) -> Result<Option<i64>> {
    if !has_hash_column(conn)? {
        return Ok(None);
    }
    Ok(conn
        .query_row(
            "SELECT id FROM audit WHERE hash = ?1",
            [head.trim().to_ascii_lowercase()],
            |r| r.get(0),
        )
        .optional()?)
}

impl Store {
    /// Verifies the audit log ([`ChainReport`]). With `head` (a chain hash kept from an
    /// earlier `check` or `audit verify`), also checks that the log still holds it.
    pub fn verify_audit(&self, head: Option<&str>) -> Result<ChainReport> {
        let mut report = verify(self.conn())?;
        if let (Some(h), None) = (head, &report.problem) {
            if !report.chained {
                return Err(Error::Usage(Cli::NoChainForHead.into()));
            }
            if find_hash(self.conn(), h)?.is_none() {
                report.problem = Some(Audit::HeadMissing {
                    hash: crate::domain::text::escape(h.trim()).into_owned(),
                });
            }
        }
        Ok(report)
    }

    /// The newest `limit` audit rows, newest first.
    pub fn audit_log(&self, limit: usize) -> Result<Vec<AuditRow>> {
        let chained = has_hash_column(self.conn())?;
        let mut st = self
            .conn()
            .prepare(&format!("{} ORDER BY id DESC LIMIT ?1", select(chained)))?;
        let rows = st.query_map([limit as i64], |r| read_row(r, chained))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
pub(crate) mod tests;
