//! Bulk writes: clearing the data of a database (for `demo --force`) and loading a large
//! generated data set (for `gen`), each in one transaction with one audit row.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::Serialize;

use super::{audit, now_stamp, Store};
use crate::domain::fold::fold;
use crate::domain::{Agency, Cadence, Program, Progress, Status};
use crate::error::{Error, Result};
use crate::lang::facts::{Act, Cli, Db};

/// How many rows a [`Store::clear_data`] removed, or a [`Store::bulk_load`] wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct BulkCounts {
    pub agencies: u64,
    pub programs: u64,
    pub tasks: u64,
    pub history: u64,
    pub urges: u64,
}

/// One generated task. Agencies, programs and categories are given by their index in the
/// slices passed to [`Store::bulk_load`] (categories: in [`Store::categories`] order).
#[derive(Debug, Clone, PartialEq)]
pub struct BulkTask {
    pub program: usize,
    pub category: usize,
    pub title: String,
    pub lead: usize,
    /// Coordinating agencies (indexes, distinct, not the lead).
    pub with: Vec<usize>,
    pub cadence: Cadence,
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub basis: Option<&'static str>,
    pub created_on: NaiveDate,
    /// The note of the update that brought the task to its state.
    pub note: Option<&'static str>,
    /// When an open task (in progress or suspended) reached its state; done tasks reach
    /// it on their completion date, tasks not started never leave their creation.
    pub updated_on: Option<NaiveDate>,
}

impl BulkTask {
    /// The date the task reached its present state, when that is not its creation.
    fn state_since(&self) -> Option<NaiveDate> {
        match self.status {
            Status::NotStarted => None,
            Status::Done => self.completed_on,
            _ => self.updated_on,
        }
    }
}

fn count(tx: &Connection, table: &str) -> Result<u64> {
    // `table` is one of the fixed names below, never user input.
    let n: i64 = tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

fn counts(tx: &Connection) -> Result<BulkCounts> {
    Ok(BulkCounts {
        agencies: count(tx, "agency")?,
        programs: count(tx, "program")?,
        tasks: count(tx, "task")?,
        history: count(tx, "task_history")?,
        urges: count(tx, "urge")?,
    })
}

fn date(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

impl Store {
    /// True when the database holds any agency, program or task.
    pub fn holds_data(&self) -> Result<bool> {
        Ok(self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM agency) OR EXISTS (SELECT 1 FROM program) OR EXISTS (SELECT 1 FROM task)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Removes every task (with history, coordinating agencies and urges), program and
    /// agency, and the operator grants bound to those agencies (admin only). Categories,
    /// admin and supervisor grants and the audit log stay. One transaction, one audit row
    /// that records what was removed.
    pub fn clear_data(&mut self) -> Result<BulkCounts> {
        self.write(|tx, who| {
            who.require_admin(Act::ClearData)?;
            let before = counts(tx)?;
            let operators: i64 = tx.query_row(
                "SELECT count(*) FROM role_grant WHERE agency_id IS NOT NULL",
                [],
                |r| r.get(0),
            )?;
            tx.execute_batch(
                "DELETE FROM urge;
                 DELETE FROM task_version;
                 DELETE FROM task_with;
                 DELETE FROM task;
                 DELETE FROM program_party;
                 DELETE FROM program;
                 DELETE FROM role_grant WHERE agency_id IS NOT NULL;
                 UPDATE agency SET parent_id = NULL;
                 DELETE FROM agency;
                 DELETE FROM meta WHERE key = 'dataset';",
            )?;
            #[derive(Serialize)]
            struct Removed {
                #[serde(flatten)]
                counts: BulkCounts,
                operator_grants: i64,
            }
            audit(
                tx,
                who,
                "clear",
                "database",
                "*",
                Some(&Removed {
                    counts: before,
                    operator_grants: operators,
                }),
                None::<&()>,
            )?;
            Ok(before)
        })
    }

    /// Loads generated data into an empty database (admin only): agencies (parents before
    /// children), programs, then every task with its coordinating agencies and one history
    /// entry. One transaction and one audit row (`summary` is recorded as its `after`).
    ///
    /// The task indexes are dropped during the load and rebuilt at the end (a sorted build
    /// is much faster than a million random inserts), and `synchronous` is OFF for the load
    /// and restored to FULL afterwards; the WAL is checkpointed at the end.
    pub fn bulk_load<S: Serialize>(
        &mut self,
        agencies: &[Agency],
        programs: &[Program],
        tasks: impl Iterator<Item = BulkTask>,
        summary: &S,
    ) -> Result<BulkCounts> {
        let agencies: Vec<Agency> = agencies
            .iter()
            .cloned()
            .map(Agency::validated)
            .collect::<Result<_>>()?;
        let programs: Vec<Program> = programs
            .iter()
            .cloned()
            .map(Program::validated)
            .collect::<Result<_>>()?;
        if self.is_read_only() {
            return Err(Error::PermissionDenied(Db::ReadOnlyFlag.into()));
        }
        self.conn().pragma_update(None, "synchronous", "OFF")?;
        let result = self.write(|tx, who| {
            who.require_admin(Act::LoadGenerated)?;
            let existing = counts(tx)?;
            if existing.agencies + existing.programs + existing.tasks > 0 {
                return Err(Error::Usage(Cli::GenNotEmpty.into()));
            }
            load(tx, &who.login, &agencies, &programs, tasks)?;
            let after = counts(tx)?;
            #[derive(Serialize)]
            struct Loaded<'a, S> {
                #[serde(flatten)]
                counts: BulkCounts,
                options: &'a S,
            }
            audit(
                tx,
                who,
                "gen",
                "database",
                "*",
                None::<&()>,
                Some(&Loaded {
                    counts: after,
                    options: summary,
                }),
            )?;
            Ok(after)
        });
        let restored = self.conn().pragma_update(None, "synchronous", "FULL");
        let out = result?;
        restored?;
        // Fold the large WAL back into the database file and truncate it, unless
        // Litestream replicates the file: then it owns the checkpoints (store/replica.rs).
        if !self.leave_checkpoints_to_litestream() {
            self.conn()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(out)
    }
}

fn load(
    tx: &Connection,
    actor: &str,
    agencies: &[Agency],
    programs: &[Program],
    tasks: impl Iterator<Item = BulkTask>,
) -> Result<()> {
    // Agencies, parents first (a parent must come earlier in the slice).
    let mut agency_ids: Vec<i64> = Vec::with_capacity(agencies.len());
    let mut by_code: HashMap<&str, i64> = HashMap::new();
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO agency (code, name, name_fold, kind, parent_id, head, members, staff) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for a in agencies {
            let parent = match &a.parent {
                Some(p) => Some(*by_code.get(p.as_str()).ok_or_else(|| {
                    Error::invalid(crate::lang::facts::Record::ParentAfter {
                        parent: p.clone(),
                        code: a.code.clone(),
                    })
                })?),
                None => None,
            };
            st.execute(params![
                a.code,
                a.name,
                fold(&a.name),
                a.kind.code(),
                parent,
                a.head,
                a.members,
                a.staff
            ])
            .map_err(|e| {
                super::unique_violation(e, || {
                    crate::lang::facts::Record::CodeTaken {
                        program: false,
                        code: a.code.clone(),
                    }
                    .into()
                })
            })?;
            let id = tx.last_insert_rowid();
            agency_ids.push(id);
            by_code.insert(a.code.as_str(), id);
        }
    }
    // Programs and their signatories.
    let mut program_ids: Vec<i64> = Vec::with_capacity(programs.len());
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO program (code, title, kind, starts_on, ends_on, basis, review_months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut party =
            tx.prepare_cached("INSERT INTO program_party (program_id, agency_id) VALUES (?1, ?2)")?;
        for p in programs {
            st.execute(params![
                p.code,
                p.title,
                p.kind.code(),
                date(Some(p.starts_on)),
                date(Some(p.ends_on)),
                p.basis,
                p.review_months
            ])
            .map_err(|e| {
                super::unique_violation(e, || {
                    crate::lang::facts::Record::CodeTaken {
                        program: true,
                        code: p.code.clone(),
                    }
                    .into()
                })
            })?;
            let id = tx.last_insert_rowid();
            program_ids.push(id);
            for code in &p.parties {
                let a = by_code.get(code.as_str()).ok_or_else(|| {
                    Error::invalid(crate::lang::facts::Record::UnknownAgency {
                        field: "signatory agency".into(),
                        code: code.clone(),
                    })
                })?;
                party.execute([id, *a])?;
            }
        }
    }
    let category_ids: Vec<i64> = {
        let mut st = tx.prepare("SELECT id FROM category ORDER BY position, code")?;
        let ids = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids
    };
    // Drop the secondary indexes of the task tables; rebuilt below from their own SQL.
    let indexes: Vec<(String, String)> = {
        let mut st = tx.prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
             AND tbl_name IN ('task', 'task_with', 'task_version') ORDER BY name",
        )?;
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        rows
    };
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    let at = now_stamp();
    {
        let mut ins_task = tx.prepare_cached(
            "INSERT INTO task (id, program_id, category_id, title, title_fold, lead_id, cadence, deadline, status, progress, completed_on, basis, created_on) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        let mut ins_with =
            tx.prepare_cached("INSERT INTO task_with (task_id, agency_id) VALUES (?1, ?2)")?;
        let mut ins_version = tx.prepare_cached(
            "INSERT INTO task_version (task_id, valid_from, valid_to, at, actor, change, note, program_id, \
                category_id, title, title_fold, lead_id, with_ids, cadence, deadline, status, progress, \
                completed_on, basis) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?;
        // Ids go on from the highest ever given, so none is given twice.
        let base: i64 = tx.query_row(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'task'), 0), \
                        coalesce((SELECT max(id) FROM task), 0))",
            [],
            |r| r.get(0),
        )?;
        let pick = |ids: &[i64], i: usize, what: &str| -> Result<i64> {
            ids.get(i).copied().ok_or_else(|| {
                Error::invalid(format!("A generated task refers to a missing {what}."))
            })
        };
        for (n, t) in tasks.enumerate() {
            let id = base + n as i64 + 1;
            let lead = pick(&agency_ids, t.lead, "agency")?;
            let program = pick(&program_ids, t.program, "program")?;
            let category = pick(&category_ids, t.category, "category")?;
            let completed = date(t.completed_on);
            let created = date(Some(t.created_on));
            let title_fold = fold(&t.title);
            ins_task.execute(params![
                id,
                program,
                category,
                t.title,
                title_fold,
                lead,
                t.cadence.code(),
                date(t.deadline),
                t.status.code(),
                t.progress.get(),
                completed,
                t.basis,
                created
            ])?;
            let mut with: Vec<i64> = Vec::with_capacity(t.with.len());
            for w in &t.with {
                let w = pick(&agency_ids, *w, "agency")?;
                if w != lead && !with.contains(&w) {
                    ins_with.execute([id, w])?;
                    with.push(w);
                }
            }
            with.sort_unstable();
            let with_ids =
                serde_json::to_string(&with).map_err(|e| Error::Other(e.to_string().into()))?;
            // A history true in time: created not started, then its state from the day it
            // was reached (the completion date when done).
            let reached = t.state_since();
            let mut version = |from: Option<String>,
                               to: Option<String>,
                               change: &str,
                               state: (Status, i64, Option<String>),
                               note: Option<&str>|
             -> Result<()> {
                ins_version.execute(params![
                    id,
                    from,
                    to.unwrap_or_else(|| "9999-12-31".into()),
                    at,
                    actor,
                    change,
                    note,
                    program,
                    category,
                    t.title,
                    title_fold,
                    lead,
                    with_ids,
                    t.cadence.code(),
                    date(t.deadline),
                    state.0.code(),
                    state.1,
                    state.2,
                    t.basis
                ])?;
                Ok(())
            };
            let last = (t.status, i64::from(t.progress.get()), completed.clone());
            match reached {
                Some(d) if d > t.created_on => {
                    version(
                        created.clone(),
                        date(Some(d)),
                        "create",
                        (Status::NotStarted, 0, None),
                        None,
                    )?;
                    version(date(Some(d)), None, "progress", last, t.note)?;
                }
                _ => version(created.clone(), None, "create", last, t.note)?,
            }
        }
    }
    for (_, sql) in &indexes {
        tx.execute_batch(sql)?;
    }
    Ok(())
}
