//! Lead agencies ranked by how they completed the work they lead (issue 16, item 2; the
//! *thi đua* tables provinces publish). Read as of a date through the one as-of path: the
//! summary's counts by lead agency (the report passes the summary it already read), the
//! days late of the late tasks summed by lead in one pass over the covering index, and
//! the urges each agency received up to the date.
//!
//! The rate is the share of the tasks whose deadline has come (done on time, done late,
//! overdue) that were done on time; tasks still in time do not count for or against it.
//! Order: agencies with at least [`MIN_DUE`] such tasks first, by rate (higher first),
//! then fewer overdue, then fewer mean days late, then more tasks, then protocol order;
//! agencies with fewer come after them in the same order (`few`), as their rate says
//! little; agencies leading nothing in scope are left out.

use chrono::NaiveDate;
use rusqlite::params;
use serde::Serialize;

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::{Counts, Scope, Store, Summary};
use crate::error::Result;

/// Fewer tasks due than this and an agency is ranked after the others.
pub const MIN_DUE: i64 = 3;

/// One lead agency's line of the ranking.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RankRow {
    /// 1, 2, 3 … in ranking order.
    pub rank: usize,
    pub code: String,
    pub name: String,
    #[serde(flatten)]
    pub counts: Counts,
    /// Tasks whose deadline has come: done on time, done late, overdue.
    pub due: i64,
    /// Percent of `due` done on time, one decimal; `None` when nothing is due.
    pub on_time_rate: Option<f64>,
    /// Urges the agency received up to the date.
    pub urges: i64,
    /// Mean days late of its late and overdue tasks, one decimal; `None` when none.
    pub mean_days_late: Option<f64>,
    /// Fewer than [`MIN_DUE`] tasks due: ranked after the others.
    pub few: bool,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

impl Store {
    /// The ranking of the lead agencies in `scope` as of `as_of`.
    pub fn agency_ranking(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<RankRow>> {
        let summary = self.summary(scope, as_of, today)?;
        self.agency_ranking_from(scope, summary, as_of, today)
    }

    /// The ranking from the `summary` of the same scope and date, read in the same
    /// snapshot (as the report does: one pass over the tasks, not two).
    pub fn agency_ranking_from(
        &self,
        scope: &Scope,
        summary: Summary,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<Vec<RankRow>> {
        let late = self.days_late(scope, as_of, today)?;
        let urges = self.urges_by_agency(scope.program.as_deref(), as_of)?;
        let mut rows: Vec<(usize, RankRow)> = summary
            .agencies
            .into_iter()
            .enumerate()
            .map(|(order, a)| {
                let c = a.counts;
                let due = c.done_on_time + c.done_late + c.overdue;
                let (days, n) = late.get(&a.code).copied().unwrap_or_default();
                let row = RankRow {
                    rank: 0,
                    on_time_rate: (due > 0)
                        .then(|| round1(100.0 * c.done_on_time as f64 / due as f64)),
                    mean_days_late: (n > 0).then(|| round1(days as f64 / n as f64)),
                    urges: urges.get(&a.code).copied().unwrap_or(0),
                    few: due < MIN_DUE,
                    due,
                    code: a.code,
                    name: a.name,
                    counts: c,
                };
                (order, row)
            })
            .collect();
        rows.sort_by(|(oa, a), (ob, b)| {
            a.few
                .cmp(&b.few)
                .then(
                    b.on_time_rate
                        .unwrap_or(-1.0)
                        .total_cmp(&a.on_time_rate.unwrap_or(-1.0)),
                )
                .then(a.counts.overdue.cmp(&b.counts.overdue))
                .then(
                    a.mean_days_late
                        .unwrap_or(0.0)
                        .total_cmp(&b.mean_days_late.unwrap_or(0.0)),
                )
                .then(b.counts.tasks.cmp(&a.counts.tasks))
                .then(oa.cmp(ob))
        });
        Ok(rows
            .into_iter()
            .enumerate()
            .map(|(i, (_, mut r))| {
                r.rank = i + 1;
                r
            })
            .collect())
    }

    /// Urges received up to `as_of` by each agency (code → count), about tasks of
    /// `program` (or all).
    /// Days late of the late tasks in `scope` as of `as_of`, summed by lead agency code,
    /// with their number: a task done late counts from its deadline to its completion,
    /// an overdue one to `as_of` (as `domain::bucket` tells them).
    fn days_late(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<std::collections::HashMap<String, (i64, i64)>> {
        let past = as_of < today;
        let mut vals = vec![Value::Text(as_of.to_string())];
        let mut conds = super::stats::scope_where(self, scope, past, &mut vals)?;
        let source = if past {
            conds.push("t.removed = 0 AND t.valid_from <= ?1 AND t.valid_to > ?1".into());
            "task_version t INDEXED BY task_version_at"
        } else {
            conds.push("t.removed_on IS NULL".into());
            "task t INDEXED BY task_by_program"
        };
        conds.push(
            "t.deadline IS NOT NULL AND ((t.status = 'done' AND t.completed_on > t.deadline) \
             OR (t.status <> 'done' AND t.deadline < ?1))"
                .into(),
        );
        let sql = format!(
            "SELECT a.code, x.days, x.n FROM ( \
               SELECT t.lead_id AS lead, count(*) AS n, \
                 sum(CAST(julianday(CASE WHEN t.status = 'done' THEN t.completed_on ELSE ?1 END) \
                          - julianday(t.deadline) AS INTEGER)) AS days \
               FROM {source} WHERE {} GROUP BY t.lead_id) x \
             JOIN agency a ON a.id = x.lead",
            conds.join(" AND ")
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(vals), |r| {
            Ok((
                r.get(0)?,
                (r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn urges_by_agency(
        &self,
        program: Option<&str>,
        as_of: NaiveDate,
    ) -> Result<std::collections::HashMap<String, i64>> {
        let pid = self.report_program(program)?;
        let mut st = self.conn().prepare_cached(
            "SELECT a.code, count(*) FROM urge u JOIN agency a ON a.id = u.agency_id \
             JOIN task t ON t.id = u.task_id \
             WHERE u.on_date <= ?1 AND (?2 IS NULL OR t.program_id = ?2) GROUP BY a.code",
        )?;
        let rows = st.query_map(params![as_of.to_string(), pid], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
