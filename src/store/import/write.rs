//! Writing a checked import: new categories, agencies, programs and roles, and the tasks
//! with their coordinating agencies, history and urges through cached statements; the
//! indexes dropped and rebuilt around a bulk import.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};

use super::{ImportBatch, ImportTask, Plan, Ref, TaskRefs};
use crate::domain::fold::fold;
use crate::domain::{NewTask, Progress, Role, Status};
use crate::error::Result;
use crate::store::access::Who;
use crate::store::now_stamp;

/// One history entry made from a task's state: date, status, progress, completion date.
type Made = (NaiveDate, Status, Progress, Option<NaiveDate>);

/// The history a task without one is stored with, made from its state: one entry on its
/// creation date with its state, or, for a task done after the day it was created, "not
/// started" on that day and "done" on its completion date.
fn made_history(t: &NewTask) -> impl Iterator<Item = Made> {
    let (first, then) = match (t.status, t.completed_on) {
        (Status::Done, Some(c)) if c > t.created_on => (
            (t.created_on, Status::NotStarted, Progress::ZERO, None),
            Some((c, Status::Done, Progress::FULL, Some(c))),
        ),
        _ => ((t.created_on, t.status, t.progress, t.completed_on), None),
    };
    std::iter::once(first).chain(then)
}

/// The history entries an imported task is stored with: those given, else those made.
pub(super) fn history_len(t: &ImportTask) -> usize {
    if t.history.is_empty() {
        made_history(&t.task).count()
    } else {
        t.history.len()
    }
}

/// Indexes dropped during a large import and rebuilt after it (one sort instead of a
/// million random inserts): only the open tasks by deadline. Every other index grows by
/// appending, as tasks arrive with growing ids: by program and id, by lead and id, the
/// coordination by agency and task, the history by task; they stay live, so an import into
/// a large database does not rebuild them over all its rows.
fn bulk_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut st = conn.prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
         AND name = 'task_by_deadline'",
    )?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Tasks from which dropping and rebuilding the indexes pays.
pub(super) const BULK_TASKS: u64 = 20_000;

/// The indexes of a bulk import: dropped once `BULK_TASKS` tasks are written (inside the
/// transaction), rebuilt at the end.
#[derive(Default)]
pub(super) struct Bulk {
    dropped: Option<Vec<(String, String)>>,
}

impl Bulk {
    pub(super) fn tasks_written(&mut self, conn: &Connection, n: u64) -> Result<()> {
        if n < BULK_TASKS || self.dropped.is_some() {
            return Ok(());
        }
        // A 16 MB page cache: the live indexes append at one page per program, per lead
        // agency and per coordinating agency, and those pages stay cheap to append to
        // while cached (about 120 pages for the 60 agencies of the benchmark's file; a
        // thousand agencies would want 2,000 pages, 32 MB at 16 KiB).
        conn.pragma_update(None, "cache_size", -16_384)?;
        let ix = bulk_indexes(conn)?;
        for (name, _) in &ix {
            conn.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
        }
        self.dropped = Some(ix);
        Ok(())
    }

    pub(super) fn finish(&mut self, conn: &Connection) -> Result<()> {
        if let Some(ix) = self.dropped.take() {
            for (_, sql) in &ix {
                conn.execute_batch(sql)?;
            }
            conn.pragma_update(None, "cache_size", -2000)?;
        }
        Ok(())
    }
}

/// Ids of the rows an import added, by their index in the batch.
#[derive(Default)]
pub(super) struct Ids {
    categories: HashMap<usize, i64>,
    agencies: HashMap<usize, i64>,
    programs: HashMap<usize, i64>,
}

impl Ids {
    fn agency(&self, r: Ref) -> i64 {
        match r {
            Ref::Db(id) => id,
            Ref::New(i) => self.agencies.get(&i).copied().unwrap_or_default(),
        }
    }
    fn program(&self, r: Ref) -> i64 {
        match r {
            Ref::Db(id) => id,
            Ref::New(i) => self.programs.get(&i).copied().unwrap_or_default(),
        }
    }
    fn category(&self, r: Ref) -> i64 {
        match r {
            Ref::Db(id) => id,
            Ref::New(i) => self.categories.get(&i).copied().unwrap_or_default(),
        }
    }
}

/// Writes the new categories, agencies and programs of a checked batch.
pub(super) fn apply_head(conn: &Connection, batch: &ImportBatch, p: &Plan) -> Result<Ids> {
    let mut ids = Ids::default();
    for &i in &p.new_categories {
        let c = &batch.categories[i].value;
        conn.execute(
            "INSERT INTO category (code, name_vi, name_en, position) VALUES (?1, ?2, ?3, ?4)",
            params![c.code, c.name_vi, c.name_en, c.position],
        )?;
        ids.categories.insert(i, conn.last_insert_rowid());
    }
    for &i in &p.new_agencies {
        let a = &batch.agencies[i].value;
        conn.prepare_cached(
            "INSERT INTO agency (code, name, name_fold, kind, head, members, staff) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?
        .execute(params![a.code, a.name, fold(&a.name), a.kind.code(), a.head, a.members, a.staff])?;
        ids.agencies.insert(i, conn.last_insert_rowid());
    }
    for &i in &p.new_agencies {
        let a = &batch.agencies[i].value;
        if let Some(parent) = &a.parent {
            if let Some(&r) = p.agencies.get(parent) {
                conn.execute(
                    "UPDATE agency SET parent_id = ?1 WHERE code = ?2",
                    params![ids.agency(r), a.code],
                )?;
            }
        }
    }
    for &i in &p.new_programs {
        let pr = &batch.programs[i].value;
        conn.execute(
            "INSERT INTO program (code, title, kind, starts_on, ends_on, basis, review_months) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![pr.code, pr.title, pr.kind.code(), pr.starts_on.to_string(), pr.ends_on.to_string(), pr.basis, pr.review_months],
        )?;
        let id = conn.last_insert_rowid();
        ids.programs.insert(i, id);
        for party in &pr.parties {
            if let Some(&r) = p.agencies.get(party) {
                conn.execute(
                    "INSERT INTO program_party (program_id, agency_id) VALUES (?1, ?2)",
                    params![id, ids.agency(r)],
                )?;
            }
        }
    }
    Ok(ids)
}

/// A date as stored (`YYYY-MM-DD`), without going through `fmt`.
struct Ymd([u8; 10]);

impl Ymd {
    fn new(d: NaiveDate) -> Option<Ymd> {
        let (y, m, day) = (d.year(), d.month(), d.day());
        if !(0..=9999).contains(&y) {
            return None;
        }
        let y = y as u32;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        Some(Ymd([
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(day / 10),
            digit(day),
        ]))
    }
}

/// Binds a date as stored text (or NULL).
fn bind_date(st: &mut rusqlite::Statement<'_>, i: usize, d: Option<NaiveDate>) -> Result<()> {
    match d {
        None => st.raw_bind_parameter(i, rusqlite::types::Null)?,
        Some(d) => match Ymd::new(d) {
            // Only ASCII digits and dashes.
            Some(b) => st.raw_bind_parameter(i, std::str::from_utf8(&b.0).unwrap_or_default())?,
            None => st.raw_bind_parameter(i, d.to_string())?,
        },
    }
    Ok(())
}

/// Tasks (and coordination rows) written by one statement: a multi-row INSERT saves the
/// per-statement work (cursors opened and closed, the tree descended from its root) on
/// all but one row in `BATCH`.
///
/// A statement that writes several rows and may abort halfway needs a statement journal
/// (every page it touches copied first, 16 KiB each), which costs more than batching
/// saves. Nothing aborts these: the rows are `OR FAIL` (a failing row stops the statement
/// and the caller rolls the whole transaction back), the ids are left to SQLite (an
/// explicit integer key is a possible type error), and a bulk import runs with the
/// foreign keys off (every reference is resolved by the import itself; see `bulk_write`).
const BATCH: usize = 32;

/// The columns of a task row, in the order of the INSERT statements.
const TASK_COLS: usize = 13;

/// `INSERT INTO table (cols) VALUES (?,…),(?,…)…` for `rows` rows of `n` columns.
fn insert_sql(table_cols: &str, n: usize, rows: usize) -> String {
    let one = format!("({})", vec!["?"; n].join(","));
    format!(
        "INSERT OR FAIL INTO {table_cols} VALUES {}",
        vec![one; rows].join(",")
    )
}

const TASK_TABLE: &str = "task (program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, completed_on, basis, created_on)";

/// One task checked and ready to be written: the task, its folded title and its
/// resolved references.
pub(super) type Checked<'a> = (&'a ImportTask, &'a str, TaskRefs);

/// The prepared statements that write tasks, their coordinating agencies, history and urges.
/// The ids SQLite gives the tasks are known in advance (one more than the largest, in
/// order; checked after every statement), so that a group of them and their
/// coordination rows can each go in one statement.
pub(super) struct TaskWriter<'c> {
    conn: &'c Connection,
    task1: rusqlite::CachedStatement<'c>,
    task_n: rusqlite::CachedStatement<'c>,
    with1: rusqlite::CachedStatement<'c>,
    with_n: rusqlite::CachedStatement<'c>,
    hist: rusqlite::CachedStatement<'c>,
    urge: rusqlite::CachedStatement<'c>,
    now: String,
    login: String,
    hist1: rusqlite::CachedStatement<'c>,
    hist_n: rusqlite::CachedStatement<'c>,
    next_id: i64,
    with_rows: Vec<(i64, i64)>,
    /// History rows made from the tasks' states (see [`made_history`]), queued with
    /// their task ids to be written `BATCH` at a time.
    made: Vec<(i64, Made)>,
}

/// The columns of a made history row.
const HIST_COLS: usize = 8;

impl<'c> TaskWriter<'c> {
    pub(super) fn new(conn: &'c Connection, who: &Who) -> Result<TaskWriter<'c>> {
        let with_table = "task_with (task_id, agency_id)";
        // History rows are gathered in a temporary table and become versions in one
        // statement at the end ([`TaskWriter::finish`]), once every task's rows are known.
        conn.execute_batch(
            "CREATE TEMP TABLE IF NOT EXISTS import_history (task_id INTEGER NOT NULL, at TEXT NOT NULL, \
               on_date TEXT NOT NULL, actor TEXT NOT NULL, status TEXT NOT NULL, progress INTEGER NOT NULL, \
               completed_on TEXT, note TEXT); DELETE FROM temp.import_history;",
        )?;
        let hist_table =
            "temp.import_history (task_id, at, on_date, actor, status, progress, completed_on, note)";
        let max: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM task", [], |r| r.get(0))?;
        Ok(TaskWriter {
            conn,
            task1: conn.prepare_cached(&insert_sql(TASK_TABLE, TASK_COLS, 1))?,
            task_n: conn.prepare_cached(&insert_sql(TASK_TABLE, TASK_COLS, BATCH))?,
            with1: conn.prepare_cached(&insert_sql(with_table, 2, 1))?,
            with_n: conn.prepare_cached(&insert_sql(with_table, 2, BATCH))?,
            hist: conn.prepare_cached(
                "INSERT INTO temp.import_history (task_id, at, on_date, actor, status, progress, completed_on, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            urge: conn.prepare_cached(
                "INSERT INTO urge (task_id, agency_id, at, on_date, actor, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            now: now_stamp(),
            login: who.login.clone(),
            hist1: conn.prepare_cached(&insert_sql(hist_table, HIST_COLS, 1))?,
            hist_n: conn.prepare_cached(&insert_sql(hist_table, HIST_COLS, BATCH))?,
            next_id: max + 1,
            with_rows: Vec::new(),
            made: Vec::new(),
        })
    }

    /// The id the next task written gets.
    pub(super) fn next_id(&self) -> i64 {
        self.next_id
    }

    /// Writes what is still queued (the last made history rows), then turns the
    /// gathered history into the tasks' versions: each row in force from its date to the
    /// next row's, with the task's other fields as imported.
    pub(super) fn finish(&mut self) -> Result<()> {
        let rows = std::mem::take(&mut self.made);
        for r in &rows {
            bind_made(&mut self.hist1, 0, r, &self.now, &self.login)?;
            self.hist1.raw_execute()?;
        }
        self.conn.execute_batch(
            "INSERT INTO task_version (task_id, valid_from, valid_to, at, actor, change, note, program_id, \
                category_id, title, title_fold, description, lead_id, with_ids, cadence, deadline, status, \
                progress, completed_on, basis) \
             SELECT h.task_id, h.on_date, \
                coalesce(lead(h.on_date) OVER (PARTITION BY h.task_id ORDER BY h.on_date, h.rowid), '9999-12-31'), \
                h.at, h.actor, \
                CASE WHEN row_number() OVER (PARTITION BY h.task_id ORDER BY h.on_date, h.rowid) = 1 \
                     THEN 'create' ELSE 'progress' END, \
                h.note, t.program_id, t.category_id, t.title, t.title_fold, t.description, t.lead_id, \
                (SELECT json_group_array(x.agency_id) FROM \
                   (SELECT agency_id FROM task_with WHERE task_id = t.id ORDER BY agency_id) x), \
                t.cadence, t.deadline, h.status, h.progress, h.completed_on, t.basis \
             FROM temp.import_history h JOIN task t ON t.id = h.task_id \
             ORDER BY h.task_id, h.on_date, h.rowid; \
             DELETE FROM temp.import_history;",
        )?;
        Ok(())
    }

    /// Writes the queued made history rows in full groups of [`BATCH`].
    fn flush_made(&mut self) -> Result<()> {
        let full = self.made.len() / BATCH * BATCH;
        for group in self.made[..full].chunks_exact(BATCH) {
            for (i, r) in group.iter().enumerate() {
                bind_made(&mut self.hist_n, i * HIST_COLS, r, &self.now, &self.login)?;
            }
            self.hist_n.raw_execute()?;
        }
        self.made.drain(..full);
        Ok(())
    }

    /// Writes checked tasks, in order: groups of [`BATCH`] by one statement, the rest one
    /// by one; then their coordinating agencies, restored histories and urges.
    pub(super) fn write_all(&mut self, ids: &Ids, tasks: &[Checked<'_>]) -> Result<()> {
        let first_id = self.next_id;
        let mut groups = tasks.chunks_exact(BATCH);
        for group in &mut groups {
            for (row, t) in group.iter().enumerate() {
                bind_task(&mut self.task_n, row * TASK_COLS, ids, t)?;
            }
            self.task_n.raw_execute()?;
            self.took_ids(group.len())?;
        }
        for t in groups.remainder() {
            bind_task(&mut self.task1, 0, ids, t)?;
            self.task1.raw_execute()?;
            self.took_ids(1)?;
        }
        for (i, (it, _, refs)) in tasks.iter().enumerate() {
            self.write_rest(first_id + i as i64, ids, it, refs)?;
        }
        self.flush_with()?;
        self.flush_made()
    }

    /// Counts `n` tasks just inserted and checks SQLite gave them the ids expected.
    fn took_ids(&mut self, n: usize) -> Result<()> {
        self.next_id += n as i64;
        let last = self.conn.last_insert_rowid();
        if last != self.next_id - 1 {
            return Err(crate::error::Error::Other(
                format!(
                    "The import expected task id {} and SQLite gave {last}; nothing was imported.",
                    self.next_id - 1
                )
                .into(),
            ));
        }
        Ok(())
    }

    /// Coordination rows of the tasks written so far, in key order (task, agency), so
    /// that the table grows by appending.
    fn flush_with(&mut self) -> Result<()> {
        let rows = std::mem::take(&mut self.with_rows);
        let mut groups = rows.chunks_exact(BATCH);
        for group in &mut groups {
            for (i, (t, a)) in group.iter().enumerate() {
                self.with_n.raw_bind_parameter(2 * i + 1, t)?;
                self.with_n.raw_bind_parameter(2 * i + 2, a)?;
            }
            self.with_n.raw_execute()?;
        }
        for (t, a) in groups.remainder() {
            self.with1.execute(params![t, a])?;
        }
        self.with_rows = rows;
        self.with_rows.clear();
        Ok(())
    }

    /// What follows a written task: its coordinating agencies (queued), its history
    /// (given, or made later from its state) and its urges.
    fn write_rest(&mut self, id: i64, ids: &Ids, it: &ImportTask, refs: &TaskRefs) -> Result<()> {
        let (_, _, _, with, urge_agencies) = refs;
        let from = self.with_rows.len();
        self.with_rows
            .extend(with.iter().map(|w| (id, ids.agency(*w))));
        self.with_rows[from..].sort_unstable();
        if it.history.is_empty() {
            self.made.extend(made_history(&it.task).map(|m| (id, m)));
        }
        for h in &it.history {
            let st = &mut self.hist;
            st.raw_bind_parameter(1, id)?;
            st.raw_bind_parameter(2, h.at.as_deref().unwrap_or(&self.now))?;
            bind_date(st, 3, Some(h.on))?;
            st.raw_bind_parameter(4, h.actor.as_deref().unwrap_or(&self.login))?;
            st.raw_bind_parameter(5, h.status.code())?;
            st.raw_bind_parameter(6, h.progress.get())?;
            bind_date(st, 7, h.completed_on)?;
            st.raw_bind_parameter(8, h.note.as_deref())?;
            st.raw_execute()?;
        }
        for (u, a) in it.urges.iter().zip(urge_agencies) {
            self.urge.execute(params![
                id,
                ids.agency(*a),
                u.at.as_deref().unwrap_or(&self.now),
                u.on.to_string(),
                u.actor.as_deref().unwrap_or(&self.login),
                u.message
            ])?;
        }
        Ok(())
    }
}

/// Binds one made history row at parameter offset `at` (0-based).
fn bind_made(
    st: &mut rusqlite::Statement<'_>,
    at: usize,
    (task, (on, status, progress, completed)): &(i64, Made),
    now: &str,
    login: &str,
) -> Result<()> {
    st.raw_bind_parameter(at + 1, task)?;
    st.raw_bind_parameter(at + 2, now)?;
    bind_date(st, at + 3, Some(*on))?;
    st.raw_bind_parameter(at + 4, login)?;
    st.raw_bind_parameter(at + 5, status.code())?;
    st.raw_bind_parameter(at + 6, progress.get())?;
    bind_date(st, at + 7, *completed)?;
    st.raw_bind_parameter(at + 8, rusqlite::types::Null)?;
    Ok(())
}

/// Binds one task row at parameter offset `at` (0-based; parameters count from 1).
fn bind_task(
    st: &mut rusqlite::Statement<'_>,
    at: usize,
    ids: &Ids,
    (it, title_fold, refs): &Checked<'_>,
) -> Result<()> {
    let task = &it.task;
    let (pr, cat, lead, _, _) = refs;
    st.raw_bind_parameter(at + 1, ids.program(*pr))?;
    st.raw_bind_parameter(at + 2, ids.category(*cat))?;
    st.raw_bind_parameter(at + 3, task.title.as_str())?;
    st.raw_bind_parameter(at + 4, *title_fold)?;
    st.raw_bind_parameter(at + 5, task.description.as_deref())?;
    st.raw_bind_parameter(at + 6, ids.agency(*lead))?;
    st.raw_bind_parameter(at + 7, task.cadence.code())?;
    bind_date(st, at + 8, task.deadline)?;
    st.raw_bind_parameter(at + 9, task.status.code())?;
    st.raw_bind_parameter(at + 10, task.progress.get())?;
    bind_date(st, at + 11, task.completed_on)?;
    st.raw_bind_parameter(at + 12, task.basis.as_deref())?;
    bind_date(st, at + 13, Some(task.created_on))?;
    Ok(())
}

/// Writes the new roles of a checked batch.
pub(super) fn apply_grants(
    conn: &Connection,
    batch: &ImportBatch,
    p: &Plan,
    ids: &Ids,
) -> Result<()> {
    for &i in &p.new_grants {
        let g = &batch.grants[i].value;
        let agency_id = g
            .agency
            .as_ref()
            .and_then(|a| p.agencies.get(a))
            .map(|r| ids.agency(*r));
        if g.role == Role::Operator && agency_id.is_none() {
            return Err(batch.grants[i]
                .origin
                .invalid("agency", crate::lang::facts::Import::OperatorNeedsAgency));
        }
        conn.execute(
            "INSERT INTO role_grant (login, role, agency_id) VALUES (?1, ?2, ?3)",
            params![g.login, g.role.code(), agency_id],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
