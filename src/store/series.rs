//! Progress over time (issue 16): the dashboard's numbers — mean progress and the four
//! deadline buckets, in total, by category and by lead agency — at each of a list of
//! dates, read from the versions in **one pass**.
//!
//! A version is in force on D when `valid_from <= D < valid_to` (as `asof.rs`), so each
//! version row adds its contribution to every point in `[valid_from, valid_to)`, counted
//! by the same bucket function as [`Store::summary`] ([`super::stats::contribute`]): the series
//! of a scope equals the summary as of each of its points. Points on or after today are
//! counted from the versions in force now (`valid_to` is the open end), which are the
//! live table's rows, as the live refresh relies on: the summary reads the same counts
//! from the live table.
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
//!
//! Outside a transaction the pass is two passes at once, in one snapshot
//! ([`Store::snapshot_split_then`]): the closed versions here and the versions in force on
//! a second connection, each a range of `task_version_at` (which leads with `valid_to`).
//! [`Store::series_months`] finds its first month in the same passes rather than by a
//! `min(valid_from)` over every version (no index leads with `valid_from`).

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::id_map::IdMap;
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

/// A stored date (`YYYY-MM-DD`) as a number in the same order ([`date_key`]), to compare
/// without comparing text; anything else is an error that quotes it.
fn day_key(s: &str) -> rusqlite::Result<i32> {
    crate::domain::date::parse_stored(s)
        .map(date_key)
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("the stored date `{s}` is not a date").into(),
            )
        })
}

/// The [`day_key`] of a date.
fn date_key(d: NaiveDate) -> i32 {
    d.year() * 512 + d.month() as i32 * 32 + d.day() as i32
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
    /// The slot of each id.
    slots: IdMap<usize>,
    ids: Vec<i64>,
    diffs: Vec<Vec<Counts>>,
    points: usize,
}

impl Diffs {
    fn new(points: usize) -> Self {
        Diffs {
            slots: IdMap::default(),
            ids: Vec::new(),
            diffs: Vec::new(),
            points,
        }
    }

    /// The slot of `id`, made on first sight (found by table for small ids: once per
    /// version read).
    fn slot(&mut self, id: i64) -> usize {
        if let Some(&i) = self.slots.get(id) {
            return i;
        }
        let i = self.ids.len();
        self.ids.push(id);
        self.diffs.push(vec![Counts::default(); self.points + 1]);
        self.slots.insert(id, i);
        i
    }

    /// `c` at each point of `[s, e)` for the id in slot `i`.
    fn add(&mut self, i: usize, s: usize, e: usize, c: &Counts) {
        add_signed(&mut self.diffs[i][s], c, 1);
        add_signed(&mut self.diffs[i][e], c, -1);
    }

    /// Adds `other`'s differences (over the same points) to these.
    fn merge(&mut self, other: Diffs) {
        for (id, diffs) in other.ids.into_iter().zip(other.diffs) {
            let i = self.slot(id);
            for (to, c) in self.diffs[i].iter_mut().zip(&diffs) {
                add_signed(to, c, 1);
            }
        }
    }

    /// The counts at each point from `from` on, by id: those with a task at that point.
    fn running(&self, from: usize) -> impl Iterator<Item = HashMap<i64, Counts>> + '_ {
        let mut now = vec![Counts::default(); self.ids.len()];
        (0..self.points).filter_map(move |p| {
            for (i, n) in now.iter_mut().enumerate() {
                add_signed(n, &self.diffs[i][p], 1);
            }
            (p >= from).then(|| {
                self.ids
                    .iter()
                    .zip(&now)
                    .filter(|(_, c)| c.tasks != 0)
                    .map(|(id, c)| (*id, *c))
                    .collect()
            })
        })
    }
}

/// The versions one pass reads: those already closed, or those in force now (`valid_to`
/// is the open end). Each is a range of `task_version_at`.
#[derive(Clone, Copy)]
enum Part {
    Closed,
    Current,
}

/// One pass's counts over the points, as differences, and the earliest `valid_from` of
/// the versions it counted.
struct Fold {
    by_cat: Diffs,
    by_lead: Diffs,
    due: Vec<i64>,
    /// The [`day_key`] of the earliest `valid_from`.
    first: Option<i32>,
}

impl Fold {
    /// Adds `other`'s counts (over the same points) to these.
    fn merge(&mut self, other: Fold) {
        self.by_cat.merge(other.by_cat);
        self.by_lead.merge(other.by_lead);
        for (a, b) in self.due.iter_mut().zip(other.due) {
            *a += b;
        }
        self.first = match (self.first.take(), other.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}

/// Which leading points a series keeps.
#[derive(Clone, Copy)]
enum Keep {
    /// All the points asked for.
    All,
    /// Month ends: those from the month of the scope's first version on (the last, the
    /// as-of date, always), as [`month_points`] from that version.
    FromFirstMonth,
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

    /// The month series of `scope` as of `as_of`: the points of
    /// [`Store::series_month_points`] and the summary at each, in one snapshot. The
    /// passes count the last [`MAX_POINTS`] month ends and note the first version they
    /// see; the points before its month are then left out unless a version ended before
    /// the first of them (one indexed look).
    pub fn series_months(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
    ) -> Result<(Vec<NaiveDate>, Vec<Summary>)> {
        let far = as_of
            .checked_sub_months(Months::new(MAX_POINTS as u32 + 1))
            .unwrap_or(NaiveDate::MIN);
        self.series_read(scope, &month_points(far, as_of), true, Keep::FromFirstMonth)
    }

    /// The summary of `scope` as of each of `points` (sorted and once each here), in
    /// date order, from one pass over the versions.
    pub fn series(&self, scope: &Scope, points: &[NaiveDate]) -> Result<Vec<Summary>> {
        self.series_with(scope, points, true)
    }

    /// [`Store::series`] without the counts by lead agency (each summary's `agencies`
    /// is empty): the totals and categories only, as the report's series shows them,
    /// without counting by lead or naming the agencies at every point.
    pub fn series_by_category(&self, scope: &Scope, points: &[NaiveDate]) -> Result<Vec<Summary>> {
        self.series_with(scope, points, false)
    }

    fn series_with(
        &self,
        scope: &Scope,
        points: &[NaiveDate],
        leads: bool,
    ) -> Result<Vec<Summary>> {
        let mut points = points.to_vec();
        points.sort();
        points.dedup();
        Ok(self.series_read(scope, &points, leads, Keep::All)?.1)
    }

    /// The passes over the closed and the current versions (two connections at once
    /// outside a transaction) and the summaries at the points kept, in one snapshot.
    fn series_read(
        &self,
        scope: &Scope,
        points: &[NaiveDate],
        leads: bool,
        keep: Keep,
    ) -> Result<(Vec<NaiveDate>, Vec<Summary>)> {
        let Some(first_point) = points.first().copied() else {
            return Ok((Vec::new(), Vec::new()));
        };
        self.snapshot_split_then(
            |s| {
                let fold = s.fold_versions(scope, points, leads, Part::Closed)?;
                let all = match keep {
                    Keep::All => true,
                    Keep::FromFirstMonth => s.ended_by(scope, first_point)?,
                };
                Ok((fold, all))
            },
            |other| other.fold_versions(scope, points, leads, Part::Current),
            |s, (mut fold, all), current| {
                fold.merge(current);
                let last = points.len() - 1;
                let from = match (&fold.first, all) {
                    (_, true) => 0,
                    // The month ends before the first version's month are left out (a
                    // key over 32 is its year and month).
                    (Some(first), false) => points
                        .partition_point(|p| date_key(*p) / 32 < first / 32)
                        .min(last),
                    (None, false) => last,
                };
                // The due-soon count at each point kept, from its running sum.
                let dues = fold.due[..points.len()].iter().scan(0, |now, d| {
                    *now += d;
                    Some(*now)
                });
                let mut sums = Vec::with_capacity(points.len() - from);
                for (((cats, leads), due_soon), at) in fold
                    .by_cat
                    .running(from)
                    .zip(fold.by_lead.running(from))
                    .zip(dues.skip(from))
                    .zip(&points[from..])
                {
                    sums.push(s.summary_from_parts(&cats, &leads, due_soon, *at)?);
                }
                Ok((points[from..].to_vec(), sums))
            },
        )
    }

    /// Whether a version in `scope` (not removed) ended on or before `d`.
    fn ended_by(&self, scope: &Scope, d: NaiveDate) -> Result<bool> {
        let mut vals = Vec::new();
        let mut conds = scope_where(self, scope, true, &mut vals)?;
        vals.push(Value::Text(d.to_string()));
        conds.push(format!("t.removed = 0 AND t.valid_to <= ?{}", vals.len()));
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM task_version t INDEXED BY task_version_at WHERE {})",
            conds.join(" AND ")
        );
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))?)
    }

    /// One pass over the `part` of the versions of `scope` in force at one of `points`
    /// (sorted, once each), each counted at the points it is in force at.
    fn fold_versions(
        &self,
        scope: &Scope,
        points: &[NaiveDate],
        leads: bool,
        part: Part,
    ) -> Result<Fold> {
        let n = points.len();
        let past: Vec<i32> = points.iter().map(|p| date_key(*p)).collect();
        let dates: Vec<BucketDates> = points.iter().map(|p| BucketDates::new(*p)).collect();
        // The end of each point's due-soon window.
        let soon: Vec<i32> = points
            .iter()
            .map(|p| date_key(*p + chrono::Duration::days(DUE_SOON_DAYS)))
            .collect();
        let mut fold = Fold {
            by_cat: Diffs::new(n),
            by_lead: Diffs::new(n),
            due: vec![0i64; n + 1],
            first: None,
        };
        let (Some(first), Some(last)) = (points.first(), points.last()) else {
            return Ok(fold);
        };
        let mut vals = Vec::new();
        let mut conds = scope_where(self, scope, true, &mut vals)?;
        vals.push(Value::Text(last.to_string()));
        let l = vals.len();
        vals.push(Value::Text(first.to_string()));
        let f = vals.len();
        conds.push(format!(
            "t.removed = 0 AND t.valid_from <= ?{l} AND t.valid_to > ?{f}"
        ));
        conds.push(
            match part {
                Part::Closed => "t.valid_to < '9999-12-31'",
                Part::Current => "t.valid_to = '9999-12-31'",
            }
            .into(),
        );
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
            let (from, to) = (day_key(from)?, day_key(to)?);
            fold.first = Some(fold.first.map_or(from, |f| f.min(from)));
            let a = past.partition_point(|p| *p < from);
            let b = past.partition_point(|p| *p < to);
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
                    let d = day_key(d)?;
                    cuts[2] = soon.partition_point(|s| *s < d).clamp(a, b);
                    cuts[3] = past.partition_point(|p| *p <= d).clamp(a, b);
                }
            }
            cuts.sort_unstable();
            let cat = fold.by_cat.slot(r.get(0)?);
            let lead = if leads {
                Some(fold.by_lead.slot(r.get(1)?))
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
                fold.by_cat.add(cat, s, e, &c);
                if let Some(lead) = lead {
                    fold.by_lead.add(lead, s, e, &c);
                }
                fold.due[s] += d;
                fold.due[e] -= d;
            }
        }
        Ok(fold)
    }
}

#[cfg(test)]
mod tests {
    use super::{date_key, day_key};
    use chrono::NaiveDate;

    #[test]
    fn day_keys_order_as_the_stored_text_and_refuse_what_is_not_a_date() {
        let days = [
            "0001-01-01",
            "1999-12-31",
            "2020-02-29",
            "2020-03-01",
            "2020-11-06",
            "2020-12-31",
            "2021-01-01",
            "9999-12-31",
        ];
        for (a, b) in days.iter().zip(&days[1..]) {
            assert!(day_key(a).unwrap() < day_key(b).unwrap(), "{a} < {b}");
        }
        for d in days {
            let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
            assert_eq!(day_key(d).unwrap(), date_key(date), "{d}");
        }
        for bad in [
            "",
            "2020-13-01",
            "2020-02-30",
            "2020/01/01",
            "2020-01-0x",
            "20200101",
            "2020-01-011",
        ] {
            let e = day_key(bad).unwrap_err().to_string();
            assert!(e.contains(&format!("`{bad}`")), "{bad}: {e}");
        }
    }
}
