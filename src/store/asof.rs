//! The one read path for tasks "as of D": filtered, sorted and windowed, from the live
//! table (as of today: `None`) or from the versions that were in force at the end of a
//! past date (`Some(D)`). Every list, detail, search index, dashboard list, report and
//! export reads task rows through here, so their numbers cannot disagree.
//!
//! A version is in force on D when `valid_from <= D < valid_to`; a task created after D
//! has no version then, and a task removed on or before D has a removed one (left out).
//! Each read is one statement: the window's ids and its rows come from the same query.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

use super::codes::{ById, Codes};
use super::row::{bad_value, col, date, Stored};
use super::tasks::{where_clause_in, TaskFilter, TaskSort};
use super::Store;
use crate::domain::Task;
use crate::error::{Error, Result};

/// The versions in force at the end of the date bound to `?{n}`, shaped like the `task`
/// table (the task's id as `id`), removed tasks left out. `version` is the task's version
/// then (how many versions it had by that one), so a past read never changes.
pub(super) fn past_source(n: usize) -> String {
    format!(
        "(SELECT v.task_id AS id, v.id AS version_id, v.program_id, v.category_id, v.title, \
                 v.title_fold, v.description, v.lead_id, v.with_ids, v.cadence, v.deadline, \
                 v.status, v.progress, v.completed_on, v.basis, tc.created_on, \
                 (SELECT count(*) FROM task_version x WHERE x.task_id = v.task_id AND x.id <= v.id) AS version \
          FROM task_version v JOIN task tc ON tc.id = v.task_id \
          WHERE v.removed = 0 AND v.valid_from <= ?{n} AND v.valid_to > ?{n})"
    )
}

/// The coordinating agencies' ids of row `t`: a version's JSON array (`[3,17]`), or
/// the live table's `3,17`.
fn with_ids(past: bool) -> &'static str {
    if past {
        "t.with_ids"
    } else {
        "(SELECT group_concat(w.agency_id) FROM task_with w WHERE w.task_id = t.id)"
    }
}

/// How many columns [`columns`] selects (a statement may add its own after them).
pub(super) const COLUMNS: usize = 15;

/// The columns [`task_row`] maps, over row `t` alone: the program, category and
/// agencies as ids, which the mapper names from [`Codes`] (no join a row).
pub(super) fn columns(past: bool) -> String {
    format!(
        "t.id, t.program_id, t.category_id, t.title, t.description, t.lead_id, {}, t.cadence, \
         t.deadline, t.status, t.progress, t.completed_on, t.basis, t.created_on, t.version",
        with_ids(past)
    )
}

/// A stored date, or an error that names the task.
pub(crate) fn date_col(id: i64, what: Stored, s: &str) -> rusqlite::Result<NaiveDate> {
    crate::domain::date::parse_stored(s).ok_or_else(|| bad_value(what, id, s))
}

/// The code of the id in column `idx` of task `id`'s row, from `table`; an id that
/// names nothing is an error that names the task.
fn code_col(
    r: &Row<'_>,
    idx: usize,
    id: i64,
    what: Stored,
    table: &ById,
) -> rusqlite::Result<String> {
    let of: i64 = col(r, idx, id, what)?;
    table
        .get(of)
        .map(str::to_string)
        .ok_or_else(|| bad_value(what, id, &of.to_string()))
}

/// The coordinating agencies' codes of task `id` from [`with_ids`]'s text, in code order.
fn with_col(r: &Row<'_>, idx: usize, id: i64, codes: &Codes) -> rusqlite::Result<Vec<String>> {
    let Some(ids) = r.get_ref(idx)?.as_str_or_null()? else {
        return Ok(Vec::new());
    };
    let mut out = ids
        .trim_matches(|c| c == '[' || c == ']')
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse::<i64>()
                .ok()
                .and_then(|a| codes.agencies.get(a))
                .map(str::to_string)
                .ok_or_else(|| bad_value(Stored::With, id, s))
        })
        .collect::<rusqlite::Result<Vec<String>>>()?;
    // In code order: sorted here, not by an `ORDER BY` inside the aggregate (a sorter
    // for every row read).
    out.sort_unstable();
    Ok(out)
}

/// The one row mapper for [`columns`], naming the program, category and agencies from
/// `codes`.
pub(super) fn task_row(r: &Row<'_>, codes: &Codes) -> rusqlite::Result<Task> {
    let id: i64 = r.get(0)?;
    Ok(Task {
        id,
        program: code_col(r, 1, id, Stored::Program, &codes.programs)?,
        category: code_col(r, 2, id, Stored::Category, &codes.categories)?,
        title: r.get(3)?,
        description: r.get(4)?,
        lead: code_col(r, 5, id, Stored::Lead, &codes.agencies)?,
        with: with_col(r, 6, id, codes)?,
        cadence: col(r, 7, id, Stored::Cadence)?,
        deadline: date(r, 8, id, Stored::Deadline)?,
        status: col(r, 9, id, Stored::Status)?,
        progress: col(r, 10, id, Stored::Progress)?,
        completed_on: date(r, 11, id, Stored::Completed)?,
        basis: r.get(12)?,
        created_on: date(r, 13, id, Stored::Created)?,
        version: r.get(14)?,
    })
}

/// One task by id, as of `past` (live when `None`). A removed task, or one not yet
/// created then, is not found.
pub(super) fn task_at(
    conn: &Connection,
    codes: &Codes,
    id: i64,
    past: Option<NaiveDate>,
) -> Result<Option<Task>> {
    let (source, vals) = match past {
        None => ("task".to_string(), vec![Value::Integer(id)]),
        Some(d) => (
            past_source(2),
            vec![Value::Integer(id), Value::Text(d.to_string())],
        ),
    };
    let live = if past.is_none() {
        " AND t.removed_on IS NULL"
    } else {
        ""
    };
    let sql = format!(
        "SELECT {} FROM {source} t WHERE t.id = ?1{live}",
        columns(past.is_some())
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(vals), |r| task_row(r, codes))
        .optional()?)
}

/// The ORDER BY columns of a sort, over row `t` (and `p`, `c`, `a` when joined).
fn sort_sql(sort: TaskSort) -> &'static str {
    match sort {
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

/// The join a sort needs.
fn sort_join(sort: TaskSort) -> &'static str {
    match sort {
        TaskSort::Program => " JOIN program p ON p.id = t.program_id",
        TaskSort::Category => " JOIN category c ON c.id = t.category_id",
        TaskSort::Lead => " JOIN agency a ON a.id = t.lead_id",
        _ => "",
    }
}

/// `ORDER BY` text: the sort's columns, then the id, all in one direction.
fn order_by(columns: &str, descending: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    columns
        .split(", ")
        .chain(std::iter::once("t.id"))
        .map(|c| format!("{c} {dir}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The FROM source, the WHERE clause and their parameters for `filter` as of `past`.
pub(super) fn from_where(
    store: &Store,
    filter: &TaskFilter,
    past: Option<NaiveDate>,
) -> Result<(String, String, Vec<Value>)> {
    // Buckets and "due soon" of a past table are those of that date.
    let filter = match past {
        Some(d) => TaskFilter {
            as_of: Some(d),
            ..filter.clone()
        },
        None => filter.clone(),
    };
    let (w, mut vals) = where_clause_in(store.conn(), &filter, past.is_some())?;
    let source = match past {
        Some(d) => {
            vals.push(Value::Text(d.to_string()));
            past_source(vals.len())
        }
        None => "task".to_string(),
    };
    Ok((source, w, vals))
}

/// The one statement of a window: the ids of `limit` rows from `offset` in the sort
/// order (only ids and sort keys are sorted), then their whole rows in that order.
fn window_sql(
    store: &Store,
    filter: &TaskFilter,
    sort: TaskSort,
    descending: bool,
    offset: usize,
    limit: usize,
    past: Option<NaiveDate>,
) -> Result<(String, Vec<Value>)> {
    // Overdue and due-soon tasks all have a deadline: ordering by it alone lets the
    // deadline index give the order (no sort of every open overdue task).
    let order = match sort {
        TaskSort::Deadline if filter.overdue || filter.due_soon => "t.deadline",
        _ => sort_sql(sort),
    };
    let (source, w, vals) = from_where(store, filter, past)?;
    if sort == TaskSort::Id && offset == 0 {
        // From the start in id order (every `task list`, every export): the rows come
        // straight off the table in rowid order, no window to number and sort again.
        let sql = format!(
            "SELECT {cols} FROM {source} t{w} ORDER BY {order} LIMIT {limit}",
            cols = columns(past.is_some()),
            order = order_by(order, descending),
            limit = limit.min(i64::MAX as usize),
        );
        return Ok((sql, vals));
    }
    let sql = format!(
        "SELECT {cols} FROM (SELECT wid, row_number() OVER () AS rn FROM \
           (SELECT t.id AS wid FROM {source} t{join}{w} ORDER BY {order} LIMIT {limit} OFFSET {offset})) win \
         CROSS JOIN {source} t ON t.id = win.wid ORDER BY win.rn",
        cols = columns(past.is_some()),
        join = sort_join(sort),
        order = order_by(order, descending),
        limit = limit.min(i64::MAX as usize),
    );
    Ok((sql, vals))
}

impl Store {
    /// One task by id as it stands now; a removed task is not found (and says so).
    pub fn task(&self, id: i64) -> Result<Task> {
        self.task_as_of(id, None)
    }

    /// One task by id as it stood at the end of `past` (now when `None`).
    pub fn task_as_of(&self, id: i64, past: Option<NaiveDate>) -> Result<Task> {
        if let Some(t) = task_at(self.conn(), &*self.codes()?, id, past)? {
            return Ok(t);
        }
        Err(super::tasks::not_found(self.conn(), id, past)?)
    }

    /// How many tasks matching `filter` existed on `past` (now when `None`), judged by
    /// their state then.
    pub fn count_tasks_at(&self, filter: &TaskFilter, past: Option<NaiveDate>) -> Result<i64> {
        let (source, w, vals) = from_where(self, filter, past)?;
        let sql = format!("SELECT count(*) FROM {source} t{w}");
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))?)
    }

    /// Tasks matching `filter` as they stood on `past` (now when `None`), sorted,
    /// `limit` rows from `offset`: one statement, which sorts only ids and sort keys and
    /// reads whole rows for the window alone.
    pub fn tasks_at(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        offset: usize,
        limit: usize,
        past: Option<NaiveDate>,
    ) -> Result<Vec<Task>> {
        let mut out = Vec::new();
        self.each_task_at(filter, sort, descending, offset, limit, past, |t| {
            out.push(t);
            Ok(())
        })?;
        Ok(out)
    }

    /// The rows of [`Store::tasks_at`], handed to `f` one at a time as SQLite reads them
    /// (the same statement: nothing is collected), so a list of every task is written in
    /// constant memory. `f` returning an error stops the read.
    #[allow(clippy::too_many_arguments)]
    pub fn each_task_at(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        offset: usize,
        limit: usize,
        past: Option<NaiveDate>,
        mut f: impl FnMut(Task) -> Result<()>,
    ) -> Result<()> {
        let (sql, vals) = window_sql(self, filter, sort, descending, offset, limit, past)?;
        let codes = self.codes()?;
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(params_from_iter(vals))?;
        while let Some(r) = rows.next()? {
            f(task_row(r, &codes)?)?;
        }
        Ok(())
    }

    /// The tasks with these ids, in the order given (unknown ids left out), each as it
    /// stood on `past` when given (a task not yet created or removed then is left out).
    /// One statement; the ids are bound as one parameter, in ascending order so that the
    /// table is read forwards (a search's ranked ids, read in rank order, sought all over
    /// the file: twice the time at 56,000 of 100,000), and the rows are put back in the
    /// order given.
    pub fn tasks_by_ids_at(&self, ids: &[i64], past: Option<NaiveDate>) -> Result<Vec<Task>> {
        let mut order: Vec<(i64, usize)> = ids.iter().copied().zip(0..).collect();
        order.sort_unstable();
        let sorted: Vec<i64> = order.iter().map(|&(id, _)| id).collect();
        let list =
            serde_json::to_string(&sorted).map_err(|e| Error::Other(e.to_string().into()))?;
        let mut vals = vec![Value::Text(list)];
        let source = match past {
            Some(d) => {
                vals.push(Value::Text(d.to_string()));
                past_source(2)
            }
            None => "task".into(),
        };
        let live = if past.is_none() {
            " WHERE t.removed_on IS NULL"
        } else {
            ""
        };
        let cols = columns(past.is_some());
        let sql = format!(
            "SELECT {cols}, win.key FROM json_each(?1) win CROSS JOIN {source} t ON t.id = win.value{live}"
        );
        let codes = self.codes()?;
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut slots: Vec<Option<Task>> =
            std::iter::repeat_with(|| None).take(ids.len()).collect();
        let mut rows = st.query(params_from_iter(vals))?;
        while let Some(r) = rows.next()? {
            let at: i64 = r.get(COLUMNS)?;
            let slot = usize::try_from(at).ok().and_then(|at| order.get(at));
            if let Some(slot) = slot.and_then(|&(_, i)| slots.get_mut(i)) {
                *slot = Some(task_row(r, &codes)?);
            }
        }
        Ok(slots.into_iter().flatten().collect())
    }

    /// The 0-based position of task `id` among the tasks matching `filter` as of `past`
    /// in this sort order (the order [`Store::tasks_at`] reads), or `None` when it does
    /// not match. Keeps a table's cursor on the same task when the data changes.
    pub fn task_position_at(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        id: i64,
        past: Option<NaiveDate>,
    ) -> Result<Option<usize>> {
        let (source, w, mut vals) = from_where(self, filter, past)?;
        vals.push(Value::Integer(id));
        let n = vals.len();
        let sql = format!(
            "SELECT rn FROM (SELECT t.id AS id, row_number() OVER (ORDER BY {}) - 1 AS rn \
             FROM {source} t{}{w}) WHERE id = ?{n}",
            order_by(sort_sql(sort), descending),
            sort_join(sort)
        );
        let rn: Option<i64> = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))
            .optional()?;
        Ok(rn.and_then(|r| usize::try_from(r).ok()))
    }

    /// Calls `f(id, title_fold)` for every task matching `filter` as it stood on `past`
    /// (now when `None`), in id order.
    pub fn each_task_folded_title_at(
        &self,
        filter: &TaskFilter,
        past: Option<NaiveDate>,
        f: impl FnMut(i64, &str) -> Result<()>,
    ) -> Result<()> {
        self.each_task_folded_title_in(filter, past, i64::MIN..=i64::MAX, f)
    }

    /// [`Store::each_task_folded_title_at`] for the tasks whose ids are in `ids` alone
    /// (a part of the titles, for another connection to read the rest at once).
    pub fn each_task_folded_title_in(
        &self,
        filter: &TaskFilter,
        past: Option<NaiveDate>,
        ids: std::ops::RangeInclusive<i64>,
        mut f: impl FnMut(i64, &str) -> Result<()>,
    ) -> Result<()> {
        let (source, w, mut vals) = from_where(self, filter, past)?;
        vals.push(Value::Integer(*ids.start()));
        vals.push(Value::Integer(*ids.end()));
        let (lo, hi) = (vals.len() - 1, vals.len());
        let and = if w.is_empty() { " WHERE" } else { " AND" };
        let sql = format!(
            "SELECT t.id, t.title_fold FROM {source} t{w}{and} t.id BETWEEN ?{lo} AND ?{hi} \
             ORDER BY t.id"
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(params_from_iter(vals))?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let s = r.get_ref(1)?.as_str().map_err(|_| {
                Error::Other(crate::lang::facts::Db::TitleNotText { id: Some(id) }.into())
            })?;
            f(id, s)?;
        }
        Ok(())
    }

    /// The lowest and the highest task id ever given (removed tasks' too), `None` when
    /// there has been no task: where to split the tasks between two readers.
    pub fn task_id_span(&self) -> Result<Option<(i64, i64)>> {
        let span: (Option<i64>, Option<i64>) = self
            .conn()
            .prepare_cached("SELECT min(id), max(id) FROM task")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(span.0.zip(span.1))
    }
}
