//! Progress over time (issue 16): the dashboard's numbers — mean progress and the four
//! deadline buckets, in total, by category and by lead agency — at each of a list of
//! dates, read from the versions in **one pass**.
//!
//! A version is in force on D when `valid_from <= D < valid_to` (as `asof.rs`), so each
//! version row adds its contribution to every point in `[valid_from, valid_to)`, counted
//! by the same bucket function as [`Store::summary`] ([`super::stats::contribute`]): the series
//! of a scope equals the summary as of each of its points. Points on or after `today`
//! read the live table, as the summary does.

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::stats::{
    contribute, scope_where, text_col, BucketDates, Counts, Scope, Summary, TaskState,
};
use super::Store;
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

type Keyed = std::collections::HashMap<(i64, i64, i64), Counts>;

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
        let mut points = points.to_vec();
        points.sort();
        points.dedup();
        let past_n = points.partition_point(|p| *p < today);
        let past: Vec<String> = points[..past_n].iter().map(|p| p.to_string()).collect();
        let dates: Vec<BucketDates> = points[..past_n]
            .iter()
            .map(|p| BucketDates::new(*p))
            .collect();
        let mut keyed: Vec<(Keyed, i64)> = vec![(Keyed::default(), 0); past_n];
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
                        t.progress, t.program_id, t.valid_from, t.valid_to \
                 FROM task_version t INDEXED BY task_version_at WHERE {}",
                conds.join(" AND ")
            );
            let mut st = self.conn().prepare_cached(&sql)?;
            let mut rows = st.query(params_from_iter(vals))?;
            while let Some(r) = rows.next()? {
                let from = text_col(r, 7)?.unwrap_or_default();
                let to = text_col(r, 8)?.unwrap_or_default();
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
                let key = (r.get(6)?, r.get(0)?, r.get(1)?);
                for i in a..b {
                    let (by_key, due) = &mut keyed[i];
                    let c = by_key.entry(key).or_default();
                    contribute(c, due, &state, &dates[i], 1);
                }
            }
        }
        let mut out = Vec::with_capacity(points.len());
        for ((by_key, due), at) in keyed.into_iter().zip(&points) {
            out.push(self.summary_from(&by_key, due, *at)?);
        }
        for at in &points[past_n..] {
            out.push(self.summary(scope, *at, today)?);
        }
        Ok(out)
    }
}
