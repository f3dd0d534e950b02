//! Progress over time (issue 16): the dashboard's numbers — mean progress and the four
//! deadline buckets, in total, by category and by lead agency — at each of a list of
//! dates, read from the versions in **one pass**.
//!
//! A version is in force on D when `valid_from <= D < valid_to` (as `asof.rs`), so each
//! version row adds its contribution to every point in `[valid_from, valid_to)`, counted
//! by the same bucket function as [`Store::summary`] ([`super::stats::contribute`]): the series
//! of a scope equals the summary as of each of its points. Points on or after `today`
//! read the live table, as the summary does.
//!
//! The cost of a version does not grow with the points it spans: within its span an
//! open task's bucket changes at most twice (when the due-soon window reaches the
//! deadline, and the day after it), so the span is cut there into at most three runs,
//! each counted once by `contribute` and kept as a difference (added at the run's first
//! point, taken away after its last) by category and by lead agency; a running sum then
//! gives every point. Memory: (categories + lead agencies) × points counts. At 1,000,000
//! tasks (51 points) this took what the report's series adds from about 5 s of CPU (each
//! version counted at every point of its span) to under 1 s (`docs/performance.md`).
//! [`Store::series_by_category`] leaves the lead agencies out (the report's series).

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::stats::{
    contribute, scope_where, text_col, BucketDates, Counts, Scope, Summary, TaskState,
};
use super::Store;
use crate::domain::DUE_SOON_DAYS;
use crate::error::Result;

/// The most points a month-end series has (the last ones are kept): ten years.
pub const MAX_POINTS: usize = 120;

/// The last day of the month of `d`.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|n| n.pred_opt())
        .unwrap_or(d)
}

/// Month ends from the month of `first` up to `as_of` (exclusive), then `as_of` itself:
/// at most [`MAX_POINTS`], the latest kept.
pub fn month_points(first: NaiveDate, as_of: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut d = month_end(first.min(as_of));
    while d < as_of {
        out.push(d);
        match d.succ_opt() {
            Some(n) => d = month_end(n),
            None => break,
        }
    }
    out.push(as_of);
    if out.len() > MAX_POINTS {
        out.drain(..out.len() - MAX_POINTS);
    }
    out
}

/// `reviews` on or before `as_of`, then `as_of` itself (sorted, once each).
pub fn review_points(reviews: &[NaiveDate], as_of: NaiveDate) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = reviews.iter().copied().filter(|d| *d < as_of).collect();
    out.push(as_of);
    out.sort();
    out.dedup();
    out
}

/// `c` added to `to` (`sign` 1) or taken from it (`sign` -1).
fn add_signed(to: &mut Counts, c: &Counts, sign: i64) {
    to.tasks += sign * c.tasks;
    to.done_on_time += sign * c.done_on_time;
    to.done_late += sign * c.done_late;
    to.in_time += sign * c.in_time;
    to.overdue += sign * c.overdue;
    to.progress_sum += sign * c.progress_sum;
}

/// Counts kept as differences between consecutive points, per id (a category or a lead
/// agency): what a run of points `[s, e)` gains is added at `s` and taken away at `e`,
/// so each version costs the same whatever the number of points it spans.
struct Diffs {
    index: HashMap<i64, usize>,
    ids: Vec<i64>,
    diffs: Vec<Vec<Counts>>,
    points: usize,
}

impl Diffs {
    fn new(points: usize) -> Self {
        Diffs {
            index: HashMap::new(),
            ids: Vec::new(),
            diffs: Vec::new(),
            points,
        }
    }

    /// The slot of `id`, made on first sight.
    fn slot(&mut self, id: i64) -> usize {
        *self.index.entry(id).or_insert_with(|| {
            self.ids.push(id);
            self.diffs.push(vec![Counts::default(); self.points + 1]);
            self.ids.len() - 1
        })
    }

    /// `c` at each point of `[s, e)` for the id in slot `i`.
    fn add(&mut self, i: usize, s: usize, e: usize, c: &Counts) {
        add_signed(&mut self.diffs[i][s], c, 1);
        add_signed(&mut self.diffs[i][e], c, -1);
    }

    /// The counts at each point in turn, by id: those with a task at that point.
    fn running(&self) -> impl Iterator<Item = HashMap<i64, Counts>> + '_ {
        let mut now = vec![Counts::default(); self.ids.len()];
        (0..self.points).map(move |p| {
            let mut out = HashMap::new();
            for (i, id) in self.ids.iter().enumerate() {
                add_signed(&mut now[i], &self.diffs[i][p], 1);
                if now[i].tasks != 0 {
                    out.insert(*id, now[i]);
                }
            }
            out
        })
    }
}

impl Store {
    /// The first day any task in `scope` was in force (its earliest version), if any.
    pub fn series_start(&self, scope: &Scope) -> Result<Option<NaiveDate>> {
        let mut vals = Vec::new();
        let mut conds = scope_where(self, scope, true, &mut vals)?;
        conds.push("t.removed = 0".into());
        let sql = format!(
            "SELECT min(t.valid_from) FROM task_version t WHERE {}",
            conds.join(" AND ")
        );
        let s: Option<String> = self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))?;
        Ok(s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
    }

    /// The month-end points of `scope` up to `as_of` ([`month_points`] from its first
    /// version; only `as_of` when it has none).
    pub fn series_month_points(&self, scope: &Scope, as_of: NaiveDate) -> Result<Vec<NaiveDate>> {
        Ok(match self.series_start(scope)? {
            Some(first) => month_points(first, as_of),
            None => vec![as_of],
        })
    }

    /// The summary of `scope` as of each of `points` (sorted and once each here), in
    /// date order: one pass over the versions for the points before `today`, the live
    /// table for the others.
    pub fn series(
        &self,
        scope: &Scope,
        points: &[NaiveDate],
        today: NaiveDate,
    ) -> Result<Vec<Summary>> {
        self.series_with(scope, points, today, true)
    }

    /// [`Store::series`] without the counts by lead agency (each summary's `agencies`
    /// is empty): the totals and categories only, as the report's series shows them,
    /// without counting by lead or naming the agencies at every point.
    pub fn series_by_category(
        &self,
        scope: &Scope,
        points: &[NaiveDate],
        today: NaiveDate,
    ) -> Result<Vec<Summary>> {
        self.series_with(scope, points, today, false)
    }

    fn series_with(
        &self,
        scope: &Scope,
        points: &[NaiveDate],
        today: NaiveDate,
        leads: bool,
    ) -> Result<Vec<Summary>> {
        let mut points = points.to_vec();
        points.sort();
        points.dedup();
        let past_n = points.partition_point(|p| *p < today);
        let past: Vec<String> = points[..past_n].iter().map(|p| p.to_string()).collect();
        let dates: Vec<BucketDates> = points[..past_n]
            .iter()
            .map(|p| BucketDates::new(*p))
            .collect();
        // The end of each point's due-soon window, as stored text.
        let soon: Vec<String> = points[..past_n]
            .iter()
            .map(|p| (*p + chrono::Duration::days(DUE_SOON_DAYS)).to_string())
            .collect();
        let mut by_cat = Diffs::new(past_n);
        let mut by_lead = Diffs::new(past_n);
        let mut due = vec![0i64; past_n + 1];
        if let (Some(first), Some(last)) = (past.first(), past.last()) {
            let mut vals = Vec::new();
            let mut conds = scope_where(self, scope, true, &mut vals)?;
            vals.push(Value::Text(last.clone()));
            let l = vals.len();
            vals.push(Value::Text(first.clone()));
            let f = vals.len();
            conds.push(format!(
                "t.removed = 0 AND t.valid_from <= ?{l} AND t.valid_to > ?{f}"
            ));
            let sql = format!(
                "SELECT t.category_id, t.lead_id, t.status, t.deadline, t.completed_on, \
                        t.progress, t.valid_from, t.valid_to \
                 FROM task_version t INDEXED BY task_version_at WHERE {}",
                conds.join(" AND ")
            );
            let mut st = self.conn().prepare_cached(&sql)?;
            let mut rows = st.query(params_from_iter(vals))?;
            while let Some(r) = rows.next()? {
                let from = text_col(r, 6)?.unwrap_or_default();
                let to = text_col(r, 7)?.unwrap_or_default();
                // The points D with from <= D < to.
                let a = past.partition_point(|p| p.as_str() < from);
                let b = past.partition_point(|p| p.as_str() < to);
                if a >= b {
                    continue;
                }
                let state = TaskState {
                    status: text_col(r, 2)?.unwrap_or_default(),
                    deadline: text_col(r, 3)?,
                    completed: text_col(r, 4)?,
                    progress: r.get(5)?,
                };
                // Within [a, b) an open task's bucket changes at most twice: when the
                // due-soon window reaches its deadline, and the day after the deadline.
                // Between those cuts its contribution is the same at every point, so it
                // is counted once per run, by the summary's own rule.
                let mut cuts = [a, b, b, b];
                if state.status != "done" {
                    if let Some(d) = state.deadline {
                        cuts[2] = soon.partition_point(|s| s.as_str() < d).clamp(a, b);
                        cuts[3] = past.partition_point(|p| p.as_str() <= d).clamp(a, b);
                    }
                }
                cuts.sort_unstable();
                let cat = by_cat.slot(r.get(0)?);
                let lead = if leads {
                    Some(by_lead.slot(r.get(1)?))
                } else {
                    None
                };
                for w in cuts.windows(2) {
                    let (s, e) = (w[0], w[1]);
                    if s >= e {
                        continue;
                    }
                    let mut c = Counts::default();
                    let mut d = 0;
                    contribute(&mut c, &mut d, &state, &dates[s], 1);
                    by_cat.add(cat, s, e, &c);
                    if let Some(lead) = lead {
                        by_lead.add(lead, s, e, &c);
                    }
                    due[s] += d;
                    due[e] -= d;
                }
            }
        }
        let mut out = Vec::with_capacity(points.len());
        let mut due_now = 0;
        for (i, (cats, leads)) in by_cat.running().zip(by_lead.running()).enumerate() {
            due_now += due[i];
            out.push(self.summary_from_parts(&cats, &leads, due_now, points[i])?);
        }
        for at in &points[past_n..] {
            let mut sum = self.summary(scope, *at, today)?;
            if !leads {
                sum.agencies.clear();
            }
            out.push(sum);
        }
        Ok(out)
    }
}
