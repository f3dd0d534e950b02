//! Writing a checked import: new categories, agencies, programs and roles, and the tasks
//! with their coordinating agencies, history and urges through cached statements; the
//! indexes dropped and rebuilt around a bulk import.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, Connection};

use super::{ImportBatch, ImportHistory, ImportTask, Plan, Ref, TaskRefs};
use crate::domain::{Progress, Role, Status};
use crate::error::Result;
use crate::search::fold;
use crate::store::access::Who;
use crate::store::now_stamp;

/// The history a task is stored with: the one given, or one made from its state.
fn history_of(t: &ImportTask) -> Vec<ImportHistory> {
    if !t.history.is_empty() {
        return t.history.clone();
    }
    let task = &t.task;
    let entry = |on, status, progress, completed_on| ImportHistory {
        on,
        at: None,
        actor: None,
        status,
        progress,
        completed_on,
        note: None,
    };
    match (task.status, task.completed_on) {
        (Status::Done, Some(c)) if c > task.created_on => vec![
            entry(task.created_on, Status::NotStarted, Progress::ZERO, None),
            entry(c, Status::Done, Progress::FULL, Some(c)),
        ],
        _ => vec![entry(
            task.created_on,
            task.status,
            task.progress,
            task.completed_on,
        )],
    }
}

pub(super) fn history_len(t: &ImportTask) -> usize {
    if !t.history.is_empty() {
        t.history.len()
    } else {
        history_of(t).len()
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
        // agency and per coordinating agency (about 2,000 pages for 1,000 agencies), and
        // those pages must stay in the cache for the appends to stay cheap.
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

/// The prepared statements that write tasks, their coordinating agencies, history and urges.
pub(super) struct TaskWriter<'c> {
    conn: &'c Connection,
    task: rusqlite::CachedStatement<'c>,
    with: rusqlite::CachedStatement<'c>,
    hist: rusqlite::CachedStatement<'c>,
    urge: rusqlite::CachedStatement<'c>,
    now: String,
    login: String,
    with_ids: Vec<i64>,
}

impl<'c> TaskWriter<'c> {
    pub(super) fn new(conn: &'c Connection, who: &Who) -> Result<TaskWriter<'c>> {
        Ok(TaskWriter {
            conn,
            task: conn.prepare_cached(
                "INSERT INTO task (program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, completed_on, basis, created_on) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?,
            with: conn.prepare_cached("INSERT INTO task_with (task_id, agency_id) VALUES (?1, ?2)")?,
            hist: conn.prepare_cached(
                "INSERT INTO task_history (task_id, at, on_date, actor, status, progress, completed_on, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?,
            urge: conn.prepare_cached(
                "INSERT INTO urge (task_id, agency_id, at, on_date, actor, message) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?,
            now: now_stamp(),
            login: who.login.clone(),
            with_ids: Vec::new(),
        })
    }

    /// Writes one checked task; `title_fold` is its folded title.
    pub(super) fn write(
        &mut self,
        ids: &Ids,
        it: &ImportTask,
        title_fold: &str,
        refs: &TaskRefs,
    ) -> Result<()> {
        let task = &it.task;
        let (pr, cat, lead, with, urge_agencies) = refs;
        let st = &mut self.task;
        st.raw_bind_parameter(1, ids.program(*pr))?;
        st.raw_bind_parameter(2, ids.category(*cat))?;
        st.raw_bind_parameter(3, task.title.as_str())?;
        st.raw_bind_parameter(4, title_fold)?;
        st.raw_bind_parameter(5, task.description.as_deref())?;
        st.raw_bind_parameter(6, ids.agency(*lead))?;
        st.raw_bind_parameter(7, task.cadence.code())?;
        bind_date(st, 8, task.deadline)?;
        st.raw_bind_parameter(9, task.status.code())?;
        st.raw_bind_parameter(10, task.progress.get())?;
        bind_date(st, 11, task.completed_on)?;
        st.raw_bind_parameter(12, task.basis.as_deref())?;
        bind_date(st, 13, Some(task.created_on))?;
        st.raw_execute()?;
        let id = self.conn.last_insert_rowid();
        // In key order, so the coordination table grows by appending.
        self.with_ids.clear();
        self.with_ids.extend(with.iter().map(|w| ids.agency(*w)));
        self.with_ids.sort_unstable();
        for w in &self.with_ids {
            self.with.execute(params![id, w])?;
        }
        let mut hist = |h: &ImportHistory| -> Result<()> {
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
            Ok(())
        };
        if it.history.is_empty() {
            for h in history_of(it) {
                hist(&h)?;
            }
        } else {
            for h in &it.history {
                hist(h)?;
            }
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
            return Err(batch.grants[i].origin.invalid(
                "agency",
                "An operator is bound to an agency; give its code.",
            ));
        }
        conn.execute(
            "INSERT INTO role_grant (login, role, agency_id) VALUES (?1, ?2, ?3)",
            params![g.login, g.role.code(), agency_id],
        )?;
    }
    Ok(())
}
