//! Aggregates for the dashboard and reports: counts in the four deadline buckets and mean
//! progress, per category and per lead agency, as of any date.
//!
//! As of today (or later) the counts come straight from the `task` table through covering
//! indexes in one GROUP BY; as of a past date each task's state is rebuilt from its
//! progress history (the last entry on or before that date).

use chrono::NaiveDate;
use rusqlite::params_from_iter;
use rusqlite::types::Value;
use serde::Serialize;

use super::agencies::agency_id;
use super::programs::{category_id, program_id};
use super::tasks::{TaskFilter, TaskSort};
use super::Store;
use crate::domain::{Category, Task, DUE_SOON_DAYS};
use crate::error::Result;

/// What the aggregates cover. Empty fields do not narrow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scope {
    pub program: Option<String>,
    /// Tasks this agency leads or coordinates.
    pub agency: Option<String>,
    pub category: Option<String>,
}

/// Counts in the four buckets and the progress sum.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Counts {
    pub tasks: i64,
    pub done_on_time: i64,
    pub done_late: i64,
    pub in_time: i64,
    pub overdue: i64,
    /// Mean progress in percent (0 when there are no tasks).
    pub progress: f64,
    #[serde(skip)]
    pub progress_sum: i64,
}

impl Counts {
    pub(super) fn add(&mut self, o: &Counts) {
        self.tasks += o.tasks;
        self.done_on_time += o.done_on_time;
        self.done_late += o.done_late;
        self.in_time += o.in_time;
        self.overdue += o.overdue;
        self.progress_sum += o.progress_sum;
    }

    fn finish(&mut self) {
        self.progress = if self.tasks > 0 {
            (self.progress_sum as f64 / self.tasks as f64 * 10.0).round() / 10.0
        } else {
            0.0
        };
    }

    /// Tasks done, on time or late.
    pub fn done(&self) -> i64 {
        self.done_on_time + self.done_late
    }
}

/// Counts for one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryCounts {
    pub category: Category,
    pub counts: Counts,
}

/// Counts for one lead agency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencyCounts {
    pub code: String,
    pub name: String,
    pub counts: Counts,
}

/// Everything the dashboard's numbers need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub as_of: NaiveDate,
    pub totals: Counts,
    /// Every category, in display order, including those with no tasks.
    pub categories: Vec<CategoryCounts>,
    /// Agencies that lead at least one task in scope, by code.
    pub agencies: Vec<AgencyCounts>,
    /// Open tasks due within [`DUE_SOON_DAYS`] days.
    pub due_soon: i64,
}

pub(super) fn scope_where(
    store: &Store,
    scope: &Scope,
    past: bool,
    vals: &mut Vec<Value>,
) -> Result<Vec<String>> {
    let mut conds = Vec::new();
    let push = |v: Option<i64>, vals: &mut Vec<Value>| -> String {
        vals.push(Value::Integer(v.unwrap_or(-1)));
        format!("?{}", vals.len())
    };
    if let Some(p) = &scope.program {
        let n = push(program_id(store.conn(), p)?, vals);
        conds.push(format!("t.program_id = {n}"));
    }
    if let Some(c) = &scope.category {
        let n = push(category_id(store.conn(), c)?, vals);
        conds.push(format!("t.category_id = {n}"));
    }
    if let Some(a) = &scope.agency {
        let n = push(agency_id(store.conn(), a)?, vals);
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
    Ok(conds)
}

/// The as-of date and the end of the due-soon window, as stored text (ISO dates compare
/// as text).
pub(super) struct BucketDates {
    as_of: String,
    soon: String,
}

impl BucketDates {
    pub(super) fn new(as_of: NaiveDate) -> Self {
        BucketDates {
            as_of: as_of.to_string(),
            soon: (as_of + chrono::Duration::days(DUE_SOON_DAYS)).to_string(),
        }
    }
}

/// The columns of one task's state that its contribution to the counts depends on.
pub(super) struct TaskState<'a> {
    pub status: &'a str,
    pub deadline: Option<&'a str>,
    pub completed: Option<&'a str>,
    pub progress: i64,
}

/// What one task adds to its counts (`sign` 1) or takes away (`sign` -1): the one rule
/// of the buckets, as `bucket_sql` and `domain::bucket`, used by the full load and by
/// the live delta (`live.rs`) alike, so the two cannot disagree. Returns true when the
/// task is on the attention list (overdue or due soon).
pub(super) fn contribute(
    c: &mut Counts,
    due_soon: &mut i64,
    t: &TaskState<'_>,
    dates: &BucketDates,
    sign: i64,
) -> bool {
    c.tasks += sign;
    c.progress_sum += sign * t.progress;
    if t.status == "done" {
        match (t.deadline, t.completed) {
            (Some(d), Some(done)) if done > d => c.done_late += sign,
            _ => c.done_on_time += sign,
        }
        false
    } else {
        match t.deadline {
            Some(d) if d < dates.as_of.as_str() => {
                c.overdue += sign;
                true
            }
            Some(d) => {
                c.in_time += sign;
                if d <= dates.soon.as_str() {
                    *due_soon += sign;
                    return true;
                }
                false
            }
            None => {
                c.in_time += sign;
                false
            }
        }
    }
}

/// A text column read in place (no copy), or `None` for NULL.
pub(super) fn text_col<'r>(
    r: &'r rusqlite::Row<'_>,
    i: usize,
) -> rusqlite::Result<Option<&'r str>> {
    r.get_ref(i)?.as_str_or_null().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, e.into())
    })
}

impl Store {
    /// Counts for each program (by code) in `scope` as of `as_of`: one pass over the
    /// same rows as [`Store::summary`], for the Programs view (not one summary each).
    pub fn program_counts(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<std::collections::HashMap<String, Counts>> {
        let (by_key, _) = self.fold_counts(scope, as_of, today)?;
        let mut by_program: std::collections::HashMap<i64, Counts> = Default::default();
        for ((program, _, _), c) in &by_key {
            by_program.entry(*program).or_default().add(c);
        }
        let mut out = std::collections::HashMap::new();
        let mut st = self.conn().prepare_cached("SELECT id, code FROM program")?;
        let mut rows = st.query([])?;
        while let Some(r) = rows.next()? {
            let mut c = by_program.get(&r.get(0)?).copied().unwrap_or_default();
            c.finish();
            out.insert(r.get(1)?, c);
        }
        Ok(out)
    }

    /// The dashboard's and reports' numbers for `scope` as of `as_of`. `today` decides
    /// whether the current table or the versions are read.
    pub fn summary(&self, scope: &Scope, as_of: NaiveDate, today: NaiveDate) -> Result<Summary> {
        let (by_key, due_soon) = self.fold_counts(scope, as_of, today)?;
        self.summary_from(&by_key, due_soon, as_of)
    }

    /// One pass over the tasks in `scope` as of `as_of`: counts by (program, category,
    /// lead), and the open tasks due soon.
    #[allow(clippy::type_complexity)]
    pub(super) fn fold_counts(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<(std::collections::HashMap<(i64, i64, i64), Counts>, i64)> {
        let past = as_of < today;
        // ?1 is the as-of date, used only to rebuild a past state.
        let mut vals: Vec<Value> = Vec::new();
        if past {
            vals.push(Value::Text(as_of.to_string()));
        }
        let mut conds = scope_where(self, scope, past, &mut vals)?;
        // The source rows: the live table, or the versions in force at the end of the
        // as-of date (one row per task that existed then and was not removed).
        let source = if !past {
            conds.push("t.removed_on IS NULL".into());
            // The covering index, named: left to itself the planner takes the narrower
            // task_by_lead and reads every row from the table (25× slower at 1,000,000).
            "task t INDEXED BY task_by_program".to_string()
        } else {
            conds.push("t.removed = 0 AND t.valid_from <= ?1 AND t.valid_to > ?1".into());
            "task_version t INDEXED BY task_version_at".to_string()
        };
        let w = if conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conds.join(" AND "))
        };
        // The rows are folded here rather than grouped by SQL: the covering index is in
        // (program, id) order, and a GROUP BY would sort every row first.
        let sql = format!(
            "SELECT t.category_id, t.lead_id, t.status, t.deadline, t.completed_on, t.progress, \
                    t.program_id FROM {source}{w}"
        );
        let dates = BucketDates::new(as_of);
        let mut st = self.conn().prepare_cached(&sql)?;
        let mut rows = st.query(params_from_iter(vals))?;
        let mut by_key: std::collections::HashMap<(i64, i64, i64), Counts> = Default::default();
        let mut due_soon = 0;
        while let Some(r) = rows.next()? {
            let c = by_key.entry((r.get(6)?, r.get(0)?, r.get(1)?)).or_default();
            let state = TaskState {
                status: text_col(r, 2)?.unwrap_or_default(),
                deadline: text_col(r, 3)?,
                completed: text_col(r, 4)?,
                progress: r.get(5)?,
            };
            contribute(c, &mut due_soon, &state, &dates, 1);
        }
        Ok((by_key, due_soon))
    }

    pub(super) fn summary_from(
        &self,
        by_key: &std::collections::HashMap<(i64, i64, i64), Counts>,
        due_soon: i64,
        as_of: NaiveDate,
    ) -> Result<Summary> {
        let mut by_cat: std::collections::HashMap<i64, Counts> = Default::default();
        let mut by_lead: std::collections::HashMap<i64, Counts> = Default::default();
        let mut totals = Counts::default();
        for ((_, cat, lead), c) in by_key {
            by_cat.entry(*cat).or_default().add(c);
            by_lead.entry(*lead).or_default().add(c);
            totals.add(c);
        }
        totals.finish();
        let mut categories = Vec::new();
        {
            let mut st = self.conn().prepare_cached(
                "SELECT id, code, name_vi, name_en, position FROM category ORDER BY position, code",
            )?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let mut counts = by_cat.get(&r.get(0)?).copied().unwrap_or_default();
                counts.finish();
                categories.push(CategoryCounts {
                    category: Category {
                        code: r.get(1)?,
                        name_vi: r.get(2)?,
                        name_en: r.get(3)?,
                        position: r.get(4)?,
                    },
                    counts,
                });
            }
        }
        let mut agencies = Vec::new();
        {
            let mut st = self.conn().prepare_cached(&format!(
                "SELECT a.id, a.code, {} FROM agency a {} ORDER BY {}",
                super::agencies::NAME_AS_OF,
                super::order::ORDER_JOIN,
                super::order::ORDER_BY
            ))?;
            let mut rows = st.query([as_of.to_string()])?;
            while let Some(r) = rows.next()? {
                if let Some(c) = by_lead.get(&r.get(0)?) {
                    let mut counts = *c;
                    counts.finish();
                    agencies.push(AgencyCounts {
                        code: r.get(1)?,
                        name: r.get(2)?,
                        counts,
                    });
                }
            }
        }
        Ok(Summary {
            as_of,
            totals,
            categories,
            agencies,
            due_soon,
        })
    }

    /// Open tasks that are overdue or due soon as of `as_of`, most urgent first
    /// (overdue by deadline, then due soon), at most `limit`.
    pub fn attention(&self, scope: &Scope, as_of: NaiveDate, limit: usize) -> Result<Vec<Task>> {
        let base = TaskFilter {
            program: scope.program.clone(),
            agency: scope.agency.clone(),
            category: scope.category.clone(),
            as_of: Some(as_of),
            ..Default::default()
        };
        let mut out = self.tasks(
            &TaskFilter {
                overdue: true,
                ..base.clone()
            },
            TaskSort::Deadline,
            false,
            0,
            limit,
        )?;
        if out.len() < limit {
            out.extend(self.tasks(
                &TaskFilter {
                    due_soon: true,
                    ..base
                },
                TaskSort::Deadline,
                false,
                0,
                limit - out.len(),
            )?);
        }
        Ok(out)
    }
}
