//! Reads the review reports need beyond [`Store::summary`]: every task's state as of a
//! date (rebuilt from the progress history for a past date), counts per coordinating
//! agency, progress made and urges sent during a period.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Row};
use serde::Serialize;

use super::codes::Codes;
use super::programs::program_id;
use super::row::{col, Stored};
use super::stats::{AgencyCounts, Counts};
use super::tasks::bucket_sql;
use super::Store;
use crate::domain::{Bucket, Cadence, Progress, Status};
use crate::error::{Error, Result};
use crate::lang::facts::Record;

/// One task as it stood on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskAsOf {
    pub id: i64,
    pub program: String,
    pub category: String,
    pub title: String,
    pub lead: String,
    pub lead_name: String,
    /// Coordinating agencies, by code.
    pub with: Vec<String>,
    pub cadence: Cadence,
    pub deadline: Option<NaiveDate>,
    pub status: Status,
    pub progress: Progress,
    pub completed_on: Option<NaiveDate>,
    pub bucket: Bucket,
    /// Urges sent about the task on or before the date.
    pub urges: i64,
}

/// What lies ahead (section IV of a report): see [`Store::ahead`].
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ahead {
    /// The horizon: the next review (or the end of the half year).
    pub until: NaiveDate,
    /// Open tasks falling due from the as-of date up to `until`, soonest first
    /// (at most the limit asked for).
    pub due: Vec<TaskAsOf>,
    /// How many open tasks fall due from the as-of date up to `until`.
    pub due_count: i64,
    /// Open tasks due after `until`.
    pub due_later: i64,
    /// Open tasks without a deadline (recurring work).
    pub no_deadline: i64,
}

/// Progress made between two dates, over the tasks that exist at the end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ProgressMade {
    /// Mean progress (percent) the day before the period starts (0 for tasks not yet created).
    pub start: f64,
    /// Mean progress (percent) at the end of the period.
    pub end: f64,
    /// `end - start`, in percentage points.
    pub gained: f64,
    /// Tasks completed during the period.
    pub completed: i64,
    /// Progress updates recorded during the period (a task's creation is not counted).
    pub updates: i64,
    /// Tasks created during the period.
    pub created: i64,
}

/// The FROM source giving each task's state as of the date bound to `?{n}`: the live
/// table when `live`, else the versions in force at the end of that date (the one read
/// path's source). Columns: the task's own, `with_ids` too when past.
fn source(live: bool, n: usize) -> String {
    if live {
        "(SELECT * FROM task WHERE removed_on IS NULL)".to_string()
    } else {
        super::asof::past_source(n)
    }
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A report's row: the one row mapper's task ([`super::asof::task_row`]), then the lead
/// agency's name as of the date, the bucket and the urges, in the columns after it.
fn task_as_of_row(r: &Row<'_>, codes: &Codes) -> rusqlite::Result<TaskAsOf> {
    let t = super::asof::task_row(r, codes)?;
    let n = super::asof::COLUMNS;
    Ok(TaskAsOf {
        id: t.id,
        program: t.program,
        category: t.category,
        title: t.title,
        lead: t.lead,
        lead_name: r.get(n)?,
        with: t.with,
        cadence: t.cadence,
        deadline: t.deadline,
        status: t.status,
        progress: t.progress,
        completed_on: t.completed_on,
        bucket: col(r, n + 1, t.id, Stored::Bucket)?,
        urges: r.get(n + 2)?,
    })
}

/// The columns [`task_as_of_row`] maps, over row `t` joined to its lead agency `a`, as
/// of the date bound to `?1`.
fn as_of_columns(live: bool) -> String {
    format!(
        "{}, {}, {}, (SELECT count(*) FROM urge u WHERE u.task_id = t.id AND u.on_date <= ?1)",
        super::asof::columns(!live),
        super::agencies::NAME_AS_OF,
        bucket_sql("?1"),
    )
}

impl Store {
    /// The id of a program code, or a not-found error; `None` stays `None` (all programs).
    pub(crate) fn report_program(&self, program: Option<&str>) -> Result<Option<i64>> {
        match program {
            None => Ok(None),
            Some(code) => program_id(self.conn(), code)?.map(Some).ok_or_else(|| {
                Error::NotFound(
                    Record::NoProgram {
                        code: crate::domain::text::escape(code).into_owned(),
                    }
                    .into(),
                )
            }),
        }
    }

    /// Every task of `program` (or of all programs) as it stood on `as_of`, with its
    /// bucket. `overdue_only` keeps the overdue ones, most overdue first; otherwise
    /// tasks come by category order, then id. `today` decides whether the live table
    /// (as of today or later) or the history is read.
    pub fn tasks_as_of(
        &self,
        program: Option<&str>,
        as_of: NaiveDate,
        today: NaiveDate,
        overdue_only: bool,
    ) -> Result<Vec<TaskAsOf>> {
        let pid = self.report_program(program)?;
        let mut vals = vec![Value::Text(as_of.to_string())];
        let mut conds = Vec::new();
        if let Some(id) = pid {
            vals.push(Value::Integer(id));
            conds.push(format!("t.program_id = ?{}", vals.len()));
        }
        if overdue_only {
            conds.push(format!("({}) = 'overdue'", bucket_sql("?1")));
        }
        let w = if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        };
        let order = if overdue_only {
            "t.deadline, t.id"
        } else {
            "c.position, c.code, t.id"
        };
        let live = as_of >= today;
        let sql = format!(
            "SELECT {} FROM {} t JOIN category c ON c.id = t.category_id \
               JOIN agency a ON a.id = t.lead_id{w} ORDER BY {order}",
            as_of_columns(live),
            source(live, 1),
        );
        let codes = self.codes()?;
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(vals), |r| task_as_of_row(r, &codes))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// What lies ahead on `as_of` (section IV): the open tasks falling due from `as_of`
    /// (not late yet) up to `until` (the next review), soonest first, at most `limit` of them listed
    /// and all counted; the open tasks due after `until`; the open ones without a deadline.
    pub fn ahead(
        &self,
        program: Option<&str>,
        as_of: NaiveDate,
        until: NaiveDate,
        today: NaiveDate,
        limit: usize,
    ) -> Result<Ahead> {
        let pid = self.report_program(program)?;
        let live = as_of >= today;
        let vals = vec![
            Value::Text(as_of.to_string()),
            Value::Text(until.to_string()),
            pid.map_or(Value::Null, Value::Integer),
        ];
        let open = format!(
            "FROM {} t WHERE t.status <> 'done' AND (?3 IS NULL OR t.program_id = ?3)",
            source(live, 1)
        );
        let (before, later, none): (i64, i64, i64) = self
            .conn()
            .prepare_cached(&format!(
                "SELECT coalesce(sum(t.deadline >= ?1 AND t.deadline <= ?2), 0), \
                        coalesce(sum(t.deadline > ?2), 0), coalesce(sum(t.deadline IS NULL), 0) {open}"
            ))?
            .query_row(params_from_iter(vals.clone()), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let sql = format!(
            "SELECT {} FROM {} t JOIN agency a ON a.id = t.lead_id \
             WHERE t.status <> 'done' AND t.deadline >= ?1 AND t.deadline <= ?2 \
               AND (?3 IS NULL OR t.program_id = ?3) \
             ORDER BY t.deadline, t.id LIMIT {limit}",
            as_of_columns(live),
            source(live, 1),
        );
        let codes = self.codes()?;
        let mut st = self.conn().prepare_cached(&sql)?;
        let due = st
            .query_map(params_from_iter(vals), |r| task_as_of_row(r, &codes))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Ahead {
            until,
            due,
            due_count: before,
            due_later: later,
            no_deadline: none,
        })
    }

    /// Counts per coordinating agency (*đơn vị phối hợp*): the tasks each agency
    /// coordinates, as of `as_of`, by agency code. Agencies coordinating nothing are left out.
    pub fn coordinating_counts(
        &self,
        program: Option<&str>,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<AgencyCounts>> {
        let pid = self.report_program(program)?;
        let mut vals = vec![Value::Text(as_of.to_string())];
        let mut w = String::new();
        if let Some(id) = pid {
            vals.push(Value::Integer(id));
            w = format!(" WHERE t.program_id = ?{}", vals.len());
        }
        let b = bucket_sql("?1");
        let live = as_of >= today;
        // The coordinating agencies: the live table's, or the version's own list.
        let coord = if live {
            "JOIN task_with tw ON tw.task_id = x.id JOIN agency a ON a.id = tw.agency_id"
        } else {
            "JOIN json_each(x.with_ids) tw JOIN agency a ON a.id = tw.value"
        };
        let with_col = if live { "" } else { ", t.with_ids" };
        let sql = format!(
            "SELECT a.code, {name}, count(*), sum(x.b = 'done_on_time'), sum(x.b = 'done_late'), \
                    sum(x.b = 'in_time'), sum(x.b = 'overdue'), sum(x.progress) \
             FROM (SELECT t.id, t.progress, {b} AS b{with_col} FROM {} t{w}) x \
             {coord} \
             {order_join} GROUP BY a.id ORDER BY {order_by}",
            source(live, 1),
            order_join = super::order::ORDER_JOIN,
            order_by = super::order::ORDER_BY,
            name = super::agencies::NAME_AS_OF
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(vals), |r| {
            let tasks: i64 = r.get(2)?;
            let sum: i64 = r.get(7)?;
            Ok(AgencyCounts {
                code: r.get(0)?,
                name: r.get(1)?,
                counts: Counts {
                    tasks,
                    done_on_time: r.get(3)?,
                    done_late: r.get(4)?,
                    in_time: r.get(5)?,
                    overdue: r.get(6)?,
                    progress: if tasks > 0 {
                        round1(sum as f64 / tasks as f64)
                    } else {
                        0.0
                    },
                    progress_sum: sum,
                },
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Progress made from `from` (inclusive; `None` = since the beginning) to `to`
    /// (inclusive), over the tasks that exist on `to`.
    pub fn progress_made(
        &self,
        program: Option<&str>,
        from: Option<NaiveDate>,
        to: NaiveDate,
        today: NaiveDate,
    ) -> Result<ProgressMade> {
        let pid = self.report_program(program)?;
        let start = from.and_then(|f| f.pred_opt());
        let mut vals = vec![
            Value::Text(to.to_string()),
            match start {
                Some(s) => Value::Text(s.to_string()),
                None => Value::Null,
            },
        ];
        let mut w = String::new();
        if let Some(id) = pid {
            vals.push(Value::Integer(id));
            w = format!(" AND e.program_id = ?{}", vals.len());
        }
        // Without a start there is nothing before the period and every task was made in
        // it: one pass over the covering index (`task_by_program`) instead of the rows.
        if start.is_none() {
            let mut v = vec![Value::Text(to.to_string())];
            let mut w1 = String::new();
            if let Some(id) = pid {
                v.push(Value::Integer(id));
                w1 = " AND e.program_id = ?2".to_string();
            }
            let sql = format!(
                "SELECT count(*), coalesce(sum(e.progress), 0), \
                   coalesce(sum(e.status = 'done' AND e.completed_on <= ?1), 0) \
                 FROM {} e WHERE 1{w1}",
                source(to >= today, 1)
            );
            let (tasks, end_sum, completed): (i64, i64, i64) = self
                .conn()
                .prepare_cached(&sql)?
                .query_row(params_from_iter(v), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })?;
            return self.progress_made_of(
                to,
                today,
                vals,
                w,
                (tasks, end_sum, 0, completed, tasks),
            );
        }
        // The start state: the last history entry on or before the day before `from`.
        let sql = format!(
            "SELECT count(*), coalesce(sum(e.progress), 0), \
               coalesce(sum(CASE WHEN ?2 IS NULL THEN 0 ELSE coalesce((SELECT v.progress FROM task_version v \
                  WHERE v.task_id = e.id AND v.removed = 0 AND v.valid_from <= ?2 AND v.valid_to > ?2), 0) END), 0), \
               coalesce(sum(e.status = 'done' AND e.completed_on <= ?1 AND (?2 IS NULL OR e.completed_on > ?2)), 0), \
               coalesce(sum(?2 IS NULL OR e.created_on > ?2), 0) \
             FROM {} e WHERE 1{w}",
            source(to >= today, 1)
        );
        let (tasks, end_sum, start_sum, completed, created): (i64, i64, i64, i64, i64) = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals.clone()), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?;
        self.progress_made_of(
            to,
            today,
            vals,
            w,
            (tasks, end_sum, start_sum, completed, created),
        )
    }

    /// [`Store::progress_made`] from its counts (tasks, the sums of progress at the end and
    /// at the start, completed, created): adds the progress updates of the period.
    fn progress_made_of(
        &self,
        to: NaiveDate,
        today: NaiveDate,
        vals: Vec<Value>,
        w: String,
        (tasks, end_sum, start_sum, completed, created): (i64, i64, i64, i64, i64),
    ) -> Result<ProgressMade> {
        // Progress updates: versions of kind `progress` dated in the period, of tasks
        // that exist at its end (the program as the version had it).
        let upd_sql = format!(
            "SELECT count(*) FROM task_version t JOIN {} e ON e.id = t.task_id \
             WHERE t.change = 'progress' AND t.valid_from <= ?1 AND (?2 IS NULL OR t.valid_from > ?2){}",
            source(to >= today, 1),
            w.replace("e.program_id", "t.program_id")
        );
        let updates: i64 = self
            .conn()
            .prepare_cached(&upd_sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))?;
        let mean = |s: i64| {
            if tasks > 0 {
                round1(s as f64 / tasks as f64)
            } else {
                0.0
            }
        };
        let (s, e) = (mean(start_sum), mean(end_sum));
        Ok(ProgressMade {
            start: s,
            end: e,
            gained: round1(e - s),
            completed,
            updates,
            created,
        })
    }

    /// Urges (*đôn đốc*) sent from `from` (inclusive; `None` = since the beginning) to
    /// `to` (inclusive) about tasks of `program` (or all).
    pub fn urges_between(
        &self,
        program: Option<&str>,
        from: Option<NaiveDate>,
        to: NaiveDate,
    ) -> Result<i64> {
        let pid = self.report_program(program)?;
        let vals = vec![
            Value::Text(to.to_string()),
            from.map_or(Value::Null, |f| Value::Text(f.to_string())),
            pid.map_or(Value::Null, Value::Integer),
        ];
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT count(*) FROM urge u JOIN task t ON t.id = u.task_id \
                 WHERE u.on_date <= ?1 AND (?2 IS NULL OR u.on_date >= ?2) AND (?3 IS NULL OR t.program_id = ?3)",
            )?
            .query_row(params_from_iter(vals), |r| r.get(0))?)
    }
}
