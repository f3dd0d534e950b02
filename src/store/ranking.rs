//! Lead agencies ranked by how they completed the work they lead (issue 16, item 2; the
//! *thi đua* tables provinces publish). Read as of a date through the one as-of path: the
//! summary's counts by lead agency, the late tasks streamed for their days late, and the
//! urges each agency received up to the date.
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

use super::{Counts, Scope, Store, TaskFilter, TaskSort};
use crate::domain::Bucket;
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
        let past = (as_of < today).then_some(as_of);
        // Days late of each late task, summed by lead agency.
        let mut late: std::collections::HashMap<String, (i64, i64)> = Default::default();
        for bucket in [Bucket::DoneLate, Bucket::Overdue] {
            let filter = TaskFilter {
                program: scope.program.clone(),
                agency: scope.agency.clone(),
                category: scope.category.clone(),
                bucket: Some(bucket),
                as_of: Some(as_of),
                ..Default::default()
            };
            self.each_task_at(
                &filter,
                TaskSort::Id,
                false,
                0,
                usize::MAX >> 1,
                past,
                |t| {
                    let end = match bucket {
                        Bucket::DoneLate => t.completed_on.unwrap_or(as_of),
                        _ => as_of,
                    };
                    let days = t.deadline.map_or(0, |d| (end - d).num_days().max(0));
                    let e = late.entry(t.lead.clone()).or_default();
                    e.0 += days;
                    e.1 += 1;
                    Ok(())
                },
            )?;
        }
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
