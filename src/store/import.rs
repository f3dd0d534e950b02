//! Bulk import, all or nothing: categories, agencies, programs, tasks (with their history
//! and urges) and roles, checked against the database and the caller's role, then written
//! in ONE `BEGIN IMMEDIATE` transaction with prepared, cached statements.
//!
//! The records arrive already cleaned and checked field by field (`crate::io`); here the
//! references are resolved (codes in the database or earlier in the same import), the
//! roles are enforced (admins for agencies, programs, categories, roles and restored
//! histories; operators only for tasks their agency leads or coordinates; supervisors
//! nothing), and duplicates are refused. Every error names the file, the line and the
//! field. Nothing is written until every record has been checked; any error rolls the
//! transaction back, leaving the database file as it was.

use std::collections::HashMap;
use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use super::access::Who;
use super::{audit, Store};
use crate::domain::fold::fold;
use crate::domain::{Agency, Category, Grant, NewTask, Program, Progress, Status};
use crate::error::{Error, Result};
use crate::lang::facts::Fact;

mod check;
mod logged;
mod write;

use check::{check_grants, check_task, plan, plan_head, Existing};
use logged::Logged;
use write::{apply_grants, apply_head, Bulk, Checked, TaskWriter, BULK_TASKS};

/// Where a record came from: file and line, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: u64,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}", self.file, self.line)
    }
}

impl Origin {
    /// An invalid-data error about `field` of this record.
    pub fn invalid(&self, field: &str, msg: impl Into<Fact>) -> Error {
        self.at(Some(field), msg.into())
    }

    /// `fact`, said about this place (and `field`) of the file.
    pub fn at(&self, field: Option<&str>, fact: Fact) -> Error {
        use crate::domain::text::escape;
        // Escaped: the message may quote the file's own bytes (a header, a key).
        let inner = match fact {
            Fact::Text(m) => Fact::Text(escape(&m).into_owned()),
            f => f,
        };
        Error::Invalid(Fact::At {
            file: escape(&self.file).into_owned(),
            line: self.line,
            field: field.map(|f| escape(f).into_owned()),
            inner: Box::new(inner),
        })
    }
}

/// A record and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Sourced<T> {
    pub origin: Origin,
    pub value: T,
}

/// A history entry to restore. Missing `at`/`actor` become now and the importing login.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportHistory {
    pub on: NaiveDate,
    pub at: Option<String>,
    pub actor: Option<String>,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// An urge to restore. A missing agency is the task's lead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportUrge {
    pub on: NaiveDate,
    pub at: Option<String>,
    pub actor: Option<String>,
    pub agency: Option<String>,
    pub message: String,
}

/// A task to add, with its history (empty: one is made from its state) and urges.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportTask {
    pub task: NewTask,
    pub history: Vec<ImportHistory>,
    pub urges: Vec<ImportUrge>,
}

/// Everything one import adds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportBatch {
    pub categories: Vec<Sourced<Category>>,
    pub agencies: Vec<Sourced<Agency>>,
    pub programs: Vec<Sourced<Program>>,
    pub tasks: Vec<Sourced<ImportTask>>,
    pub grants: Vec<Sourced<Grant>>,
    /// Names the import in the audit log (the file names).
    pub label: String,
}

/// What an import changed (or, with `dry_run`, would change).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportOutcome {
    pub dry_run: bool,
    pub categories_added: u64,
    pub categories_unchanged: u64,
    pub agencies_added: u64,
    pub agencies_unchanged: u64,
    pub programs_added: u64,
    pub programs_unchanged: u64,
    pub tasks_added: u64,
    pub history_added: u64,
    pub urges_added: u64,
    pub roles_added: u64,
    pub roles_unchanged: u64,
}

/// FNV-1a: codes are short and trusted to the process, so a cheap hash pays on the
/// three or more lookups per imported task.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Codes of agencies, programs or categories, resolved.
type CodeMap = HashMap<String, Ref, std::hash::BuildHasherDefault<Fnv>>;

/// A code resolved to a row already in the database or to a record of this import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ref {
    Db(i64),
    New(usize),
}

/// A task's resolved program, category, lead, coordinating agencies and urged agencies.
type TaskRefs = (Ref, Ref, Ref, Vec<Ref>, Vec<Ref>);

#[derive(Debug, Default)]
struct Plan {
    new_categories: Vec<usize>,
    new_agencies: Vec<usize>,
    agencies: CodeMap,
    new_programs: Vec<usize>,
    programs: CodeMap,
    categories: CodeMap,
    /// Per task: program, category, lead, coordinating agencies, urge agencies.
    tasks: Vec<TaskRefs>,
    new_grants: Vec<usize>,
    outcome: ImportOutcome,
    /// The local date the import is made: a non-admin may not date a task before it.
    today: NaiveDate,
}

/// A task of a streamed import, checked field by field, with its folded title (computed
/// where the rows are checked, in parallel).
#[derive(Debug, Clone, PartialEq)]
pub struct ReadyTask {
    pub task: Sourced<ImportTask>,
    pub title_fold: String,
}

/// The tasks of a streamed import, in file order, in chunks. An `Err` ends the stream: it
/// is the first error of the file after the rows already given.
pub type TaskChunks<'a> = &'a mut dyn Iterator<Item = Result<Vec<ReadyTask>>>;

impl Store {
    /// Imports `batch` all or nothing. With `dry_run` every check is made and the
    /// outcome reported, but nothing is written (this also works on a read-only open).
    pub fn import(&mut self, batch: &ImportBatch, dry_run: bool) -> Result<ImportOutcome> {
        if dry_run {
            let who = self.whoami()?;
            return self.snapshot(|s| {
                let mut p = plan(s.conn(), &who, batch)?;
                p.outcome.dry_run = true;
                Ok(p.outcome)
            });
        }
        let bulk = batch.tasks.len() as u64 >= BULK_TASKS;
        self.bulk_write(bulk, |tx, who| {
            let mut p = plan(tx, who, batch)?;
            let ids = apply_head(tx, batch, &p)?;
            let mut log = Logged::new(tx, &who.login)?;
            log.head(batch, &p)?;
            let mut b = Bulk::default();
            b.tasks_written(tx, batch.tasks.len() as u64)?;
            {
                let folds: Vec<String> = batch
                    .tasks
                    .iter()
                    .map(|t| fold(&t.value.task.title))
                    .collect();
                let checked: Vec<Checked<'_>> = batch
                    .tasks
                    .iter()
                    .zip(&folds)
                    .zip(std::mem::take(&mut p.tasks))
                    .map(|((t, f), refs)| (&t.value, f.as_str(), refs))
                    .collect();
                let mut w = TaskWriter::new(tx, who)?;
                let first_id = w.next_id();
                w.write_all(&ids, &checked)?;
                w.finish()?;
                log.tasks(first_id, batch.tasks.iter())?;
            }
            b.finish(tx)?;
            apply_grants(tx, batch, &p, &ids)?;
            log.grants(batch, &p)?;
            log.finish()?;
            audit(
                tx,
                who,
                "import",
                "import",
                &batch.label,
                None::<&()>,
                Some(&p.outcome),
            )?;
            Ok(p.outcome)
        })
    }

    /// Imports `head` (categories, agencies, programs, roles; its `tasks` must be empty)
    /// and then the tasks of `tasks` as they arrive, all in one transaction: each task is
    /// checked (codes, duplicates, roles) and written before the next chunk is read, so
    /// the whole file is never held in memory. Any error rolls everything back and the
    /// database file is left as it was. With `dry_run` everything is checked and nothing
    /// is written. `progress` is called after each chunk with the tasks done so far.
    pub fn import_stream(
        &mut self,
        head: &ImportBatch,
        tasks: TaskChunks<'_>,
        dry_run: bool,
        progress: &mut dyn FnMut(u64),
    ) -> Result<ImportOutcome> {
        if !head.tasks.is_empty() {
            return Err(Error::Other(
                "A streamed import takes its tasks from the stream only.".into(),
            ));
        }
        if dry_run {
            let who = self.whoami()?;
            return self.snapshot(|s| {
                let conn = s.conn();
                let mut p = plan_head(conn, &who, head)?;
                let mut existing = Existing::default();
                let mut n = 0u64;
                for chunk in tasks {
                    for t in &chunk? {
                        check_task(conn, &who, &mut p, &mut existing, &t.task)?;
                    }
                    n = p.outcome.tasks_added;
                    progress(n);
                }
                let _ = n;
                check_grants(conn, &who, head, &mut p)?;
                p.outcome.dry_run = true;
                Ok(p.outcome)
            });
        }
        self.bulk_write(true, |tx, who| {
            let mut p = plan_head(tx, who, head)?;
            let ids = apply_head(tx, head, &p)?;
            let mut log = Logged::new(tx, &who.login)?;
            log.head(head, &p)?;
            let mut existing = Existing::default();
            let mut b = Bulk::default();
            {
                // Written chunks are freed on another thread, off the writer's path.
                let (done, freed) = std::sync::mpsc::channel::<Vec<ReadyTask>>();
                std::thread::spawn(move || freed.into_iter().for_each(drop));
                let mut w = TaskWriter::new(tx, who)?;
                for chunk in tasks {
                    let chunk = chunk?;
                    let mut checked = Vec::with_capacity(chunk.len());
                    for t in &chunk {
                        let refs = check_task(tx, who, &mut p, &mut existing, &t.task)?;
                        checked.push((&t.task.value, t.title_fold.as_str(), refs));
                    }
                    let first_id = w.next_id();
                    w.write_all(&ids, &checked)?;
                    drop(checked);
                    log.tasks(first_id, chunk.iter().map(|t| &t.task))?;
                    let _ = done.send(chunk);
                    b.tasks_written(tx, p.outcome.tasks_added)?;
                    progress(p.outcome.tasks_added);
                }
                w.finish()?;
            }
            b.finish(tx)?;
            check_grants(tx, who, head, &mut p)?;
            apply_grants(tx, head, &p, &ids)?;
            log.grants(head, &p)?;
            log.finish()?;
            audit(
                tx,
                who,
                "import",
                "import",
                &head.label,
                None::<&()>,
                Some(&p.outcome),
            )?;
            Ok(p.outcome)
        })
    }

    /// Runs `f` in one write transaction; with `bulk`, with `synchronous=OFF` for the
    /// transaction only and then made durable: `synchronous` back to FULL, the WAL
    /// checkpointed (which syncs it and the database file) and, if a reader kept the
    /// checkpoint from finishing, the WAL file synced by hand.
    fn bulk_write<T>(
        &mut self,
        bulk: bool,
        f: impl FnOnce(&rusqlite::Connection, &Who) -> Result<T>,
    ) -> Result<T> {
        if !bulk || self.is_read_only() {
            return self.write(f);
        }
        self.conn().pragma_update(None, "synchronous", "OFF")?;
        // Temporary storage (the deadline index's sort) in memory; read when the
        // transaction begins, so set before it.
        self.conn().pragma_update(None, "temp_store", "MEMORY")?;
        // Foreign keys unchecked row by row: every reference of an import is resolved by
        // the import itself (codes looked up in the database or in the same file), and an
        // immediate foreign key would give each multi-row insert a statement journal.
        // Only settable outside a transaction; restored right after it.
        self.conn().pragma_update(None, "foreign_keys", "OFF")?;
        let result = self.write(f);
        let restored = self
            .conn()
            .pragma_update(None, "synchronous", "FULL")
            .and(self.conn().pragma_update(None, "temp_store", "DEFAULT"))
            .and(self.conn().pragma_update(None, "foreign_keys", "ON"));
        let out = result?;
        restored?;
        // Litestream replicating the file owns the checkpoints (store/replica.rs).
        if self.leave_checkpoints_to_litestream() {
            return Ok(out);
        }
        let (busy, _, _): (i64, i64, i64) =
            self.conn()
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
        if busy != 0 {
            let mut wal = self.path().as_os_str().to_owned();
            wal.push("-wal");
            std::fs::File::open(&wal).and_then(|f| f.sync_all())?;
        }
        Ok(out)
    }
}
