//! Tasks: filtered, sorted, windowed reads; writes that check versions and roles and
//! append history and audit rows; urges.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use super::agencies::agency_id;
use super::programs::{category_id, parse_date_col, program_id};
use super::task_writes::{lead_id, with_ids};
use super::Store;
use crate::domain::{
    text, Bucket, Cadence, HistoryEntry, Progress, Status, Task, Urge, DUE_SOON_DAYS,
};
use crate::error::{Error, Result};
use crate::search::fold;

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

impl TaskSort {
    fn sql(self) -> &'static str {
        match self {
            TaskSort::Id => "t.id",
            TaskSort::Title => "t.title_fold",
            TaskSort::Program => "p.code",
            TaskSort::Category => "c.position",
            TaskSort::Lead => "a.code",
            TaskSort::Deadline => "t.deadline IS NULL, t.deadline",
            TaskSort::Status => "t.status",
            TaskSort::Progress => "t.progress",
            TaskSort::Version => "t.version",
        }
    }
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

const SELECT: &str = "SELECT t.id, p.code, c.code, t.title, t.description, a.code, \
    (SELECT group_concat(wa.code, ';' ORDER BY wa.code) FROM task_with w JOIN agency wa ON wa.id = w.agency_id WHERE w.task_id = t.id), \
    t.cadence, t.deadline, t.status, t.progress, t.completed_on, t.basis, t.created_on, t.version \
    FROM task t JOIN program p ON p.id = t.program_id JOIN category c ON c.id = t.category_id JOIN agency a ON a.id = t.lead_id";

fn date_opt(s: Option<String>) -> Option<NaiveDate> {
    s.map(|s| parse_date_col(&s))
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Task> {
    let with: Option<String> = r.get(6)?;
    let cadence: String = r.get(7)?;
    let status: String = r.get(9)?;
    let progress: i64 = r.get(10)?;
    let created: String = r.get(13)?;
    Ok(Task {
        id: r.get(0)?,
        program: r.get(1)?,
        category: r.get(2)?,
        title: r.get(3)?,
        description: r.get(4)?,
        lead: r.get(5)?,
        with: with
            .map(|w| w.split(';').map(str::to_string).collect())
            .unwrap_or_default(),
        cadence: cadence.parse().unwrap_or(Cadence::Recurring),
        deadline: date_opt(r.get(8)?),
        status: status.parse().unwrap_or(Status::NotStarted),
        progress: Progress::new(progress).unwrap_or_default(),
        completed_on: date_opt(r.get(11)?),
        basis: r.get(12)?,
        created_on: parse_date_col(&created),
        version: r.get(14)?,
    })
}

/// One task by id.
pub(crate) fn get(conn: &Connection, id: i64) -> Result<Task> {
    conn.prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
        .ok_or_else(|| Error::NotFound(format!("No task has the id {id}.")))
}

/// Builds the WHERE clause and its parameters for a filter. Unknown codes match nothing.
pub(super) fn where_clause(conn: &Connection, f: &TaskFilter) -> Result<(String, Vec<Value>)> {
    let mut conds: Vec<String> = Vec::new();
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
        conds.push(format!(
            "(t.lead_id = {n} OR t.id IN (SELECT w.task_id FROM task_with w WHERE w.agency_id = {n}))"
        ));
    }
    if let Some(s) = f.status {
        let n = bind(Value::Text(s.code().into()), &mut vals);
        conds.push(format!("t.status = {n}"));
    }
    let needs_date = f.bucket.is_some() || f.overdue || f.due_soon;
    if needs_date {
        let as_of = f.as_of.ok_or_else(|| {
            Error::Usage("A bucket, overdue or due-soon filter needs an as-of date.".into())
        })?;
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
        let list: Vec<String> = ids.iter().map(|i| i.to_string()).collect();
        conds.push(format!("t.id IN ({})", list.join(",")));
    }
    let sql = if conds.is_empty() {
        String::new()
    } else {
        format!(" WHERE {}", conds.join(" AND "))
    };
    Ok((sql, vals))
}

/// The ids of one window of tasks: `source` (a table, or a subquery that yields task rows)
/// aliased `t`, filtered by `filter` (a WHERE clause and its values), sorted by
/// `order_columns` (comma-separated SQL) then id, rows `range`. Only ids and sort keys are
/// sorted; the caller reads the rows of the window.
pub(super) fn window_ids(
    conn: &Connection,
    source: &str,
    order_columns: &str,
    (sort, descending): (TaskSort, bool),
    (w, vals): (String, Vec<Value>),
    range: std::ops::Range<usize>,
) -> Result<Vec<i64>> {
    let dir = if descending { "DESC" } else { "ASC" };
    let order = order_columns
        .split(", ")
        .map(|c| format!("{c} {dir}"))
        .collect::<Vec<_>>()
        .join(", ");
    let join = match sort {
        TaskSort::Program => " JOIN program p ON p.id = t.program_id",
        TaskSort::Category => " JOIN category c ON c.id = t.category_id",
        TaskSort::Lead => " JOIN agency a ON a.id = t.lead_id",
        _ => "",
    };
    let sql = format!(
        "SELECT t.id FROM {source} t{join}{w} ORDER BY {order}, t.id {dir} LIMIT {} OFFSET {}",
        range.len().min(i64::MAX as usize),
        range.start
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params_from_iter(vals), |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// One task by id.
    pub fn task(&self, id: i64) -> Result<Task> {
        get(self.conn(), id)
    }

    /// Tasks matching `filter`, sorted, `limit` rows from `offset` (a window, not the table).
    ///
    /// Two steps, so that a window of a large table stays cheap: the ids of the window are
    /// found first (sorting only ids and the sort key), then only those rows are read whole.
    pub fn tasks(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Task>> {
        // Overdue and due-soon tasks all have a deadline: ordering by it alone lets the
        // deadline index give the order (no sort of every open overdue task).
        let order = match sort {
            TaskSort::Deadline if filter.overdue || filter.due_soon => "t.deadline",
            _ => sort.sql(),
        };
        let ids = window_ids(
            self.conn(),
            "task",
            order,
            (sort, descending),
            where_clause(self.conn(), filter)?,
            offset..offset.saturating_add(limit),
        )?;
        let mut out = Vec::with_capacity(ids.len());
        let mut st = self
            .conn()
            .prepare_cached(&format!("{SELECT} WHERE t.id = ?1"))?;
        for id in ids {
            if let Some(t) = st.query_row([id], from_row).optional()? {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// The 0-based position of task `id` among the tasks matching `filter` in this sort
    /// order (the order [`Store::tasks`] reads), or `None` when it does not match. Used to
    /// keep a table's cursor on the same task when the data changes.
    pub fn task_position(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        id: i64,
    ) -> Result<Option<usize>> {
        let (w, mut vals) = where_clause(self.conn(), filter)?;
        let dir = if descending { "DESC" } else { "ASC" };
        let order = sort
            .sql()
            .split(", ")
            .map(|c| format!("{c} {dir}"))
            .collect::<Vec<_>>()
            .join(", ");
        let join = match sort {
            TaskSort::Program => " JOIN program p ON p.id = t.program_id",
            TaskSort::Category => " JOIN category c ON c.id = t.category_id",
            TaskSort::Lead => " JOIN agency a ON a.id = t.lead_id",
            _ => "",
        };
        vals.push(Value::Integer(id));
        let n = vals.len();
        let sql = format!(
            "SELECT rn FROM (SELECT t.id AS id, row_number() OVER (ORDER BY {order}, t.id {dir}) - 1 AS rn FROM task t{join}{w}) WHERE id = ?{n}"
        );
        let rn: Option<i64> = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))
            .optional()?;
        Ok(rn.and_then(|r| usize::try_from(r).ok()))
    }

    /// How many tasks match `filter`.
    pub fn count_tasks(&self, filter: &TaskFilter) -> Result<i64> {
        let (w, vals) = where_clause(self.conn(), filter)?;
        let sql = format!("SELECT count(*) FROM task t{w}");
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))?)
    }

    /// The progress history of a task, oldest first.
    pub fn task_history(&self, id: i64) -> Result<Vec<HistoryEntry>> {
        get(self.conn(), id)?;
        let mut st = self.conn().prepare_cached(
            "SELECT id, at, on_date, actor, status, progress, note FROM task_history WHERE task_id = ?1 ORDER BY on_date, id",
        )?;
        let rows = st.query_map([id], |r| {
            let on: String = r.get(2)?;
            let status: String = r.get(4)?;
            let p: i64 = r.get(5)?;
            Ok(HistoryEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                on: parse_date_col(&on),
                actor: r.get(3)?,
                status: status.parse().unwrap_or(Status::NotStarted),
                progress: Progress::new(p).unwrap_or_default(),
                note: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The urges sent about a task, oldest first.
    pub fn task_urges(&self, id: i64) -> Result<Vec<Urge>> {
        get(self.conn(), id)?;
        self.urges_where("u.task_id = ?1 ORDER BY u.id", id)
    }

    /// The newest urges sent to an agency (as lead), newest first.
    pub fn agency_urges(&self, code: &str, limit: usize) -> Result<Vec<Urge>> {
        let id = agency_id(self.conn(), code)?.ok_or_else(|| {
            Error::NotFound(format!("No agency has the code `{}`.", text::escape(code)))
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
                on: parse_date_col(&on),
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
