//! Reads for `export`: every task with its full progress history and urges, streamed in
//! id order so a large database is never held in memory at once.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::programs::parse_date_col;
use super::row::{col, date, Stored};
use super::Store;
use crate::domain::{Cadence, Progress, Status};
use crate::error::Result;

/// One history entry as exported: the state it records and who wrote it, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRecord {
    pub on: NaiveDate,
    pub at: String,
    pub actor: String,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// One urge as exported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UrgeRecord {
    pub on: NaiveDate,
    pub at: String,
    pub actor: String,
    /// The agency urged (the task's lead at the time).
    pub agency: String,
    pub message: String,
}

/// A task as exported: every stored field, its history and its urges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRecord {
    pub id: i64,
    pub program: String,
    pub category: String,
    pub title: String,
    pub description: Option<String>,
    pub lead: String,
    pub with: Vec<String>,
    pub cadence: Cadence,
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub basis: Option<String>,
    pub created_on: NaiveDate,
    pub history: Vec<HistoryRecord>,
    pub urges: Vec<UrgeRecord>,
}

/// The page cache (KiB) and memory map (bytes) for a long read of a file of `size` bytes.
///
/// Measured on `export --format csv` of 1,000,000 tasks (a 1 GB file, one pass in rowid
/// order): a 64 MB cache or a map of the whole file read no faster than SQLite's 2 MB
/// default (each page is read once), and raised the peak RSS from 10 MB to 74 MB and
/// 800 MB (mapped pages count as resident). So a one-pass read keeps 2 MB and no map,
/// whatever the size; the function is where a multi-pass read would size them.
fn long_read_sizes(_size: u64) -> (u64, u64) {
    (2048, 0)
}

impl Store {
    /// How many tasks there are.
    pub fn task_total(&self) -> Result<i64> {
        Ok(self
            .conn()
            .query_row("SELECT count(*) FROM task", [], |r| r.get(0))?)
    }

    /// Sizes SQLite's page cache and memory map for a command that reads most of the
    /// file once or more (report, export, a list of every task), from the file's size:
    /// see docs/performance.md for what was measured. Other commands keep the defaults
    /// (2 MB cache, no map), which suit a window of rows.
    pub fn tune_for_long_read(&self) -> Result<()> {
        let size = std::fs::metadata(self.path()).map(|m| m.len()).unwrap_or(0);
        let (cache_kib, mmap) = long_read_sizes(size);
        self.conn().execute_batch(&format!(
            "PRAGMA cache_size = -{cache_kib}; PRAGMA mmap_size = {mmap};"
        ))?;
        Ok(())
    }

    /// Sizes the page cache for a read that seeks the task and agency B-trees again and
    /// again (a report over the whole file, the roll-up, the rows of a ranked search in
    /// rank order): the file's size, at most 64 MiB. With SQLite's
    /// 2 MB default the roll-up of 34 files of 30,000 tasks spent a quarter of its time
    /// re-reading pages from the kernel (docs/performance.md, the national roll-up).
    pub fn tune_for_report(&self) -> Result<()> {
        let size = std::fs::metadata(self.path()).map(|m| m.len()).unwrap_or(0);
        let kib = (size / 1024).clamp(2048, 64 * 1024);
        // And a map of the file (up to 2 GiB): the report's passes then read pages
        // without a system call each (docs/performance.md, the report at 1,000,000).
        let map = size.min(2 << 30);
        self.conn().execute_batch(&format!(
            "PRAGMA cache_size = -{kib}; PRAGMA mmap_size = {map};"
        ))?;
        Ok(())
    }

    /// Runs `f` inside one read transaction, so that everything it reads is one
    /// consistent snapshot even while others write.
    pub fn snapshot<T>(&self, f: impl FnOnce(&Store) -> Result<T>) -> Result<T> {
        // Already inside a transaction: that one is the snapshot.
        if !self.conn().is_autocommit() {
            return f(self);
        }
        self.conn().execute_batch("BEGIN DEFERRED")?;
        let out = f(self);
        let end = self.conn().execute_batch("COMMIT");
        let v = out?;
        end?;
        Ok(v)
    }

    /// Runs `here` on this store and `there` on a second read-only connection to the same
    /// file, on a thread of its own, both in one snapshot: the two read transactions are
    /// begun one after the other and kept only when they see the same newest version and
    /// audit ids (every write adds to both logs, as the live refresh relies on). Two
    /// cores for one long read. When no second connection can be opened, this store is
    /// already inside a transaction, or writes keep landing between the two beginnings,
    /// both run here, one after the other, in one snapshot.
    pub fn snapshot_split<A, B>(
        &self,
        here: impl FnOnce(&Store) -> Result<A>,
        there: impl FnOnce(&Store) -> Result<B> + Send,
    ) -> Result<(A, B)>
    where
        B: Send,
    {
        self.snapshot_split_then(here, there, |_, a, b| Ok((a, b)))
    }

    /// [`Store::snapshot_split`], then `then` on this store with both results, still in
    /// the same snapshot (to read what the two halves' results need, such as names).
    pub fn snapshot_split_then<A, B, C>(
        &self,
        here: impl FnOnce(&Store) -> Result<A>,
        there: impl FnOnce(&Store) -> Result<B> + Send,
        then: impl FnOnce(&Store, A, B) -> Result<C>,
    ) -> Result<C>
    where
        B: Send,
    {
        if !self.conn().is_autocommit() {
            let (a, b) = (here(self)?, there(self)?);
            return then(self, a, b);
        }
        let Some(other) = self.second_reader() else {
            return self.snapshot(|s| {
                let (a, b) = (here(s)?, there(s)?);
                then(s, a, b)
            });
        };
        for _ in 0..3 {
            self.conn().execute_batch("BEGIN DEFERRED")?;
            other.conn().execute_batch("BEGIN DEFERRED")?;
            let same = self.live_mark()? == other.live_mark()?;
            if !same {
                other.conn().execute_batch("COMMIT")?;
                self.conn().execute_batch("COMMIT")?;
                continue;
            }
            let (a, b) = std::thread::scope(|scope| {
                let far = scope.spawn(move || {
                    let b = there(&other);
                    let end = other.conn().execute_batch("COMMIT");
                    (b, end)
                });
                let a = here(self);
                // A panic there goes on here, as if it had run here.
                let b = far.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                (a, b)
            });
            let (b, other_end) = b;
            let out = match (a, b) {
                (Ok(a), Ok(b)) => then(self, a, b),
                (Err(e), _) | (_, Err(e)) => Err(e),
            };
            let end = self.conn().execute_batch("COMMIT");
            let out = out?;
            end?;
            other_end?;
            return Ok(out);
        }
        self.snapshot(|s| {
            let (a, b) = (here(s)?, there(s)?);
            then(s, a, b)
        })
    }

    /// A read-only connection to the same file as the same login, with this store's page
    /// cache and map; `None` when it cannot be opened (an in-memory file, a refusal).
    fn second_reader(&self) -> Option<Store> {
        let other = Store::open_as(self.path(), true, self.login.clone()).ok()?;
        let cache: i64 = self
            .conn()
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .ok()?;
        let map: i64 = self
            .conn()
            .query_row("PRAGMA mmap_size", [], |r| r.get(0))
            .ok()?;
        other
            .conn()
            .execute_batch(&format!(
                "PRAGMA cache_size = {cache}; PRAGMA mmap_size = {map};"
            ))
            .ok()?;
        Some(other)
    }

    /// Calls `f` with every task, in id order, with its history (oldest first) and urges.
    /// Use inside [`Store::snapshot`] for a consistent export. Three statements read side
    /// by side in task order (the tasks, their history by `task_version_by_task`, their
    /// urges by `urge_by_task`), not two statements a task.
    pub fn for_each_task_record(&self, mut f: impl FnMut(TaskRecord) -> Result<()>) -> Result<()> {
        let conn = self.conn();
        // Every task, removed ones too, through the one row mapper.
        let mut st = conn.prepare(&format!(
            "SELECT {} FROM task t ORDER BY t.id",
            super::asof::columns(false)
        ))?;
        let codes = self.codes()?;
        let mut hist = conn.prepare(
            // The progress history only: an edit, a new deadline or lead, a move or an
            // agency merge is no progress entry, and an import would count it as one.
            "SELECT task_id, on_date, at, actor, status, progress, completed_on, note FROM task_history \
             WHERE change IN ('create', 'progress') ORDER BY task_id, on_date, id",
        )?;
        let mut urges = conn.prepare(
            "SELECT u.task_id, u.on_date, u.at, u.actor, a.code, u.message FROM urge u \
             JOIN agency a ON a.id = u.agency_id ORDER BY u.task_id, u.id",
        )?;
        let mut hist = hist.query([])?;
        let mut next_hist = || -> Result<Option<(i64, HistoryRecord)>> {
            let Some(h) = hist.next()? else {
                return Ok(None);
            };
            let id: i64 = h.get(0)?;
            Ok(Some((
                id,
                HistoryRecord {
                    on: date(h, 1, id, Stored::VersionDate)?,
                    at: h.get(2)?,
                    actor: h.get(3)?,
                    status: col(h, 4, id, Stored::Status)?,
                    progress: col(h, 5, id, Stored::Progress)?,
                    completed_on: date(h, 6, id, Stored::Completed)?,
                    note: h.get(7)?,
                },
            )))
        };
        let mut urges = urges.query([])?;
        let mut next_urge = || -> Result<Option<(i64, UrgeRecord)>> {
            let Some(u) = urges.next()? else {
                return Ok(None);
            };
            let id: i64 = u.get(0)?;
            let on: String = u.get(1)?;
            Ok(Some((
                id,
                UrgeRecord {
                    on: parse_date_col(&on)?,
                    at: u.get(2)?,
                    actor: u.get(3)?,
                    agency: u.get(4)?,
                    message: u.get(5)?,
                },
            )))
        };
        let (mut h, mut u) = (next_hist()?, next_urge()?);
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let t = super::asof::task_row(r, &codes)?;
            let id = t.id;
            let history = rows_of(id, &mut h, &mut next_hist)?;
            let urges = rows_of(id, &mut u, &mut next_urge)?;
            f(TaskRecord {
                id,
                program: t.program,
                category: t.category,
                title: t.title,
                description: t.description,
                lead: t.lead,
                with: t.with,
                cadence: t.cadence,
                deadline: t.deadline,
                status: t.status,
                progress: t.progress,
                completed_on: t.completed_on,
                basis: t.basis,
                created_on: t.created_on,
                history,
                urges,
            })?;
        }
        Ok(())
    }
}

/// The rows of task `id` from a read in task order: `next` holds the row read ahead
/// (a row of an earlier id, which no task has, is passed over).
fn rows_of<T>(
    id: i64,
    next: &mut Option<(i64, T)>,
    read: &mut impl FnMut() -> Result<Option<(i64, T)>>,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    while let Some((of, row)) = next.take() {
        if of > id {
            *next = Some((of, row));
            break;
        }
        if of == id {
            out.push(row);
        }
        *next = read()?;
    }
    Ok(out)
}
