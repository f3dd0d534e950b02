//! Tasks: filtered, sorted, windowed reads; writes that check versions and roles and
//! append history and audit rows; urges.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::agencies::agency_id;
use super::programs::{category_id, parse_date_col, program_id};
use super::Store;
use crate::domain::fold::fold;
use crate::domain::{text, Bucket, HistoryEntry, Progress, Status, Task, Urge, DUE_SOON_DAYS};
use crate::error::{Error, Result};
use crate::lang::facts::Record;

/// Which tasks to read. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskFilter {
    pub program: Option<String>,
    pub category: Option<String>,
    /// Tasks this agency leads or coordinates.
    pub agency: Option<String>,
    /// Tasks this agency leads.
    pub lead: Option<String>,
    pub status: Option<Status>,
    pub bucket: Option<Bucket>,
    pub overdue: bool,
    pub due_soon: bool,
    /// Only tasks whose deadline is on or after this day.
    pub deadline_from: Option<NaiveDate>,
    /// Every whitespace-separated term must occur in the folded title (diacritics and
    /// case ignored). Fuzzy ranking is done by `search`.
    pub contains: Option<String>,
    /// Only these task ids.
    pub ids: Option<Vec<i64>>,
    /// The date buckets and "due soon" are computed for (required when bucket,
    /// overdue or due_soon is set).
    pub as_of: Option<NaiveDate>,
}

/// Columns tasks can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TaskSort {
    #[default]
    Id,
    Title,
    Program,
    Category,
    Lead,
    Deadline,
    Status,
    Progress,
    Version,
}

/// SQL for the bucket of task alias `t` as of the date bound to `?{asof}`. Must agree
/// with [`crate::domain::bucket`] (a test checks it does).
pub(crate) fn bucket_sql(asof: &str) -> String {
    format!(
        "CASE WHEN t.status = 'done' THEN \
           CASE WHEN t.deadline IS NOT NULL AND t.completed_on IS NOT NULL AND t.completed_on > t.deadline \
                THEN 'done_late' ELSE 'done_on_time' END \
         WHEN t.deadline IS NOT NULL AND t.deadline < {asof} THEN 'overdue' ELSE 'in_time' END"
    )
}

pub(super) fn with_ids(conn: &Connection, task: i64) -> Result<Vec<i64>> {
    let mut st = conn.prepare_cached("SELECT agency_id FROM task_with WHERE task_id = ?1")?;
    let ids = st
        .query_map([task], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub(super) fn lead_id(conn: &Connection, task: i64) -> Result<i64> {
    conn.query_row("SELECT lead_id FROM task WHERE id = ?1", [task], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or_else(|| Error::NotFound(Record::NoTask { id: task }.into()))
}

/// One task by id, as it stands now (a removed task is not found, and says so).
pub(crate) fn get(conn: &Connection, id: i64) -> Result<Task> {
    let codes = super::codes::Codes::read(conn)?;
    match super::asof::task_at(conn, &codes, id, None)? {
        Some(t) => Ok(t),
        None => Err(not_found(conn, id, None)?),
    }
}

/// The error for a task that cannot be read as of `past`: unknown, removed, or not yet
/// created then.
pub(crate) fn not_found(conn: &Connection, id: i64, past: Option<NaiveDate>) -> Result<Error> {
    let row: Option<(String, Option<String>)> = conn
        .prepare_cached("SELECT created_on, removed_on FROM task WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    Ok(Error::NotFound(
        match (row, past) {
            (None, _) => Record::NoTask { id },
            (Some((created, _)), Some(d)) if created.as_str() > d.to_string().as_str() => {
                Record::TaskNotYet { id, on: d, created }
            }
            (Some((_, Some(removed))), _) => Record::TaskRemoved { id, on: removed },
            (Some(_), _) => Record::NoTask { id },
        }
        .into(),
    ))
}

/// Builds the WHERE clause and its parameters for a filter. Unknown codes match nothing.
pub(super) fn where_clause(conn: &Connection, f: &TaskFilter) -> Result<(String, Vec<Value>)> {
    where_clause_in(conn, f, false)
}

/// Like [`where_clause`], for the live table (`past` false: removed tasks left out) or
/// for a past source of versions (`past` true: coordinating agencies read from the
/// version's `with_ids`; the source already leaves removed tasks out).
pub(super) fn where_clause_in(
    conn: &Connection,
    f: &TaskFilter,
    past: bool,
) -> Result<(String, Vec<Value>)> {
    let mut conds: Vec<String> = Vec::new();
    if !past {
        conds.push("t.removed_on IS NULL".into());
    }
    let mut vals: Vec<Value> = Vec::new();
    let bind = |v: Value, vals: &mut Vec<Value>| -> String {
        vals.push(v);
        format!("?{}", vals.len())
    };
    let id_or_none = |v: Option<i64>| Value::Integer(v.unwrap_or(-1));
    if let Some(p) = &f.program {
        let n = bind(id_or_none(program_id(conn, p)?), &mut vals);
        // With an agency too, that agency's (narrow) index is the selective one: the unary
        // `+` keeps the planner from walking the whole program instead.
        let plus = if f.lead.is_some() || f.agency.is_some() {
            "+"
        } else {
            ""
        };
        conds.push(format!("{plus}t.program_id = {n}"));
    }
    if let Some(c) = &f.category {
        let n = bind(id_or_none(category_id(conn, c)?), &mut vals);
        conds.push(format!("t.category_id = {n}"));
    }
    if let Some(a) = &f.lead {
        let n = bind(id_or_none(agency_id(conn, a)?), &mut vals);
        conds.push(format!("t.lead_id = {n}"));
    }
    if let Some(a) = &f.agency {
        let n = bind(id_or_none(agency_id(conn, a)?), &mut vals);
        conds.push(if past {
            format!(
                "(t.lead_id = {n} OR EXISTS (SELECT 1 FROM json_each(t.with_ids) j WHERE j.value = {n}))"
            )
        } else {
            format!(
                "(t.lead_id = {n} OR t.id IN (SELECT w.task_id FROM task_with w WHERE w.agency_id = {n}))"
            )
        });
    }
    if let Some(s) = f.status {
        let n = bind(Value::Text(s.code().into()), &mut vals);
        conds.push(format!("t.status = {n}"));
    }
    let needs_date = f.bucket.is_some() || f.overdue || f.due_soon;
    if needs_date {
        let as_of = f
            .as_of
            .ok_or_else(|| Error::Usage(Record::FilterNeedsDate.into()))?;
        let d = bind(Value::Text(as_of.to_string()), &mut vals);
        if let Some(b) = f.bucket {
            let n = bind(Value::Text(b.code().into()), &mut vals);
            conds.push(format!("({}) = {n}", bucket_sql(&d)));
        }
        if f.overdue {
            conds.push(format!(
                "t.status <> 'done' AND t.deadline IS NOT NULL AND t.deadline < {d}"
            ));
        }
        if f.due_soon {
            let until = as_of + chrono::Duration::days(DUE_SOON_DAYS);
            let u = bind(Value::Text(until.to_string()), &mut vals);
            conds.push(format!(
                "t.status <> 'done' AND t.deadline >= {d} AND t.deadline <= {u}"
            ));
        }
    }
    if let Some(from) = f.deadline_from {
        let n = bind(Value::Text(from.to_string()), &mut vals);
        conds.push(format!("t.deadline >= {n}"));
    }
    if let Some(q) = &f.contains {
        for term in fold(q).split_whitespace() {
            let escaped = term
                .replace('\\', "\\\\")
                .replace('%', "\\%")
                .replace('_', "\\_");
            let n = bind(Value::Text(format!("%{escaped}%")), &mut vals);
            conds.push(format!("t.title_fold LIKE {n} ESCAPE '\\'"));
        }
    }
    if let Some(ids) = &f.ids {
        // Bound as one JSON array, never spliced into the SQL text.
        let list = serde_json::to_string(ids).map_err(|e| Error::Other(e.to_string().into()))?;
        let n = bind(Value::Text(list), &mut vals);
        conds.push(format!("t.id IN (SELECT value FROM json_each({n}))"));
    }
    let sql = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    Ok((sql, vals))
}

impl Store {
    /// Tasks matching `filter` now, sorted, `limit` rows from `offset` (a window, not
    /// the table): [`Store::tasks_at`] as of today.
    pub fn tasks(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Task>> {
        self.tasks_at(filter, sort, descending, offset, limit, None)
    }

    /// The 0-based position of task `id` among the tasks matching `filter` now.
    pub fn task_position(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        id: i64,
    ) -> Result<Option<usize>> {
        self.task_position_at(filter, sort, descending, id, None)
    }

    /// How many tasks match `filter` now.
    pub fn count_tasks(&self, filter: &TaskFilter) -> Result<i64> {
        self.count_tasks_at(filter, None)
    }

    /// A not-found error unless a task with this id was ever created (removed or not).
    fn require_known_task(&self, id: i64) -> Result<()> {
        let known: bool = self.conn().query_row(
            "SELECT EXISTS (SELECT 1 FROM task WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if known {
            Ok(())
        } else {
            Err(Error::NotFound(Record::NoTask { id }.into()))
        }
    }

    /// The versions of a task, oldest first: every change with its date, who made it
    /// and its note. With `upto`, only those in effect by the end of that date.
    pub fn task_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        self.task_history_upto(id, None)
    }

    /// [`Store::task_history`] up to the end of `upto` (all when `None`).
    pub fn task_history_upto(&self, id: i64, upto: Option<NaiveDate>) -> Result<Vec<HistoryEntry>> {
        self.require_known_task(id)?;
        let mut st = self.conn().prepare_cached(
            "SELECT id, at, valid_from, actor, status, progress, note, change FROM task_version \
             WHERE task_id = ?1 AND (?2 IS NULL OR valid_from <= ?2) ORDER BY valid_from, id",
        )?;
        let rows = st.query_map(rusqlite::params![id, upto.map(|d| d.to_string())], |r| {
            let on: String = r.get(2)?;
            let status: String = r.get(4)?;
            let p: i64 = r.get(5)?;
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                on: super::asof::date_col(id, super::row::Stored::VersionDate, &on)?,
                actor: r.get(3)?,
                status: status
                    .parse()
                    .map_err(|_| super::row::bad_value(super::row::Stored::Status, id, &status))?,
                progress: Progress::new(p).map_err(|_| {
                    super::row::bad_value(super::row::Stored::Progress, id, &p.to_string())
                })?,
                note: r.get(6)?,
                change: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The urges sent about a task, oldest first.
    pub fn task_urges(&self, id: i64) -> Result<Vec<Urge>> {
        self.require_known_task(id)?;
        self.urges_where("u.task_id = ?1 ORDER BY u.id", id)
    }

    /// The newest urges sent to an agency (as lead), newest first.
    pub fn agency_urges(&self, code: &str, limit: usize) -> Result<Vec<Urge>> {
        let id = agency_id(self.conn(), code)?.ok_or_else(|| {
            Error::NotFound(
                Record::NoAgency {
                    code: text::escape(code).into_owned(),
                }
                .into(),
            )
        })?;
        self.urges_where(
            &format!("u.agency_id = ?1 ORDER BY u.id DESC LIMIT {limit}"),
            id,
        )
    }

    fn urges_where(&self, cond: &str, key: i64) -> Result<Vec<Urge>> {
        let mut st = self.conn().prepare_cached(&format!(
            "SELECT u.id, u.task_id, u.at, u.on_date, u.actor, u.message FROM urge u WHERE {cond}"
        ))?;
        let rows = st.query_map([key], |r| {
            let on: String = r.get(3)?;
            Ok(Urge {
                id: r.get(0)?,
                task_id: r.get(1)?,
                at: r.get(2)?,
                on: parse_date_col(&on)?,
                actor: r.get(4)?,
                message: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Whether the acting login may change this task (to explain, not to enforce).
    pub fn may_write_task(&self, id: i64) -> Result<bool> {
        if self.is_read_only() {
            return Ok(false);
        }
        let who = self.whoami()?;
        let lead = lead_id(self.conn(), id)?;
        let with = with_ids(self.conn(), id)?;
        Ok(who.may_write_task(lead, &with))
    }
}
