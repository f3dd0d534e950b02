//! The Trends view (issue 16, item 1): mean progress and the four deadline buckets over
//! time, in total, by category or by lead agency, at month ends or at the review dates,
//! as of the session's date — and the month series behind the dashboard's sparklines.
//!
//! The series is [`Store::series`] (one pass over the versions). It is read off the key
//! loop on the job runner's series lane (a read lane of its own, so that the dashboard's
//! delta refresh never waits behind it) when there is one (in place otherwise, as `update()`
//! tests run): the screen says it is loading until it comes. Each read carries the key it
//! was made for (scope, as-of date, today, points); a result is applied only when it is
//! the one the state waits for and its key is still the one in force, so a stale answer
//! (other filters, another date) is dropped and read again. A change elsewhere marks the
//! series stale; the one a visible screen needs is read again, the old one shown until
//! the new one comes.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::cursor::Cursor;
use super::AppState;
use crate::error::Result;
use crate::store::series::review_points;
use crate::store::{Counts, Scope, Store, Summary};
use crate::tui::action::View;
use crate::tui::jobs::Lane;

/// The rows of the Trends view (`c` turns them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TrendRows {
    /// The whole scope: the mean progress and each bucket.
    #[default]
    Total,
    Categories,
    Agencies,
}

impl TrendRows {
    /// The next in turn.
    pub fn next(self) -> TrendRows {
        match self {
            TrendRows::Total => TrendRows::Categories,
            TrendRows::Categories => TrendRows::Agencies,
            TrendRows::Agencies => TrendRows::Total,
        }
    }
}

/// Where the points fall (`t` toggles).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TrendPoints {
    /// Each month end up to the as-of date, then the as-of date.
    #[default]
    Monthly,
    /// The review dates (sơ kết, tổng kết) up to the as-of date, then the as-of date.
    Reviews,
}

impl TrendPoints {
    fn index(self) -> usize {
        match self {
            TrendPoints::Monthly => 0,
            TrendPoints::Reviews => 1,
        }
    }

    pub fn other(self) -> TrendPoints {
        match self {
            TrendPoints::Monthly => TrendPoints::Reviews,
            TrendPoints::Reviews => TrendPoints::Monthly,
        }
    }
}

/// What a series was read for: the scope, the as-of date, today and the points.
pub type TrendKey = (Scope, NaiveDate, NaiveDate, TrendPoints);

/// A series as read: the summary at each point, in date order.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendData {
    pub key: TrendKey,
    pub points: Vec<NaiveDate>,
    pub series: Vec<Summary>,
    /// The review dates of the programs in scope within the span of the points (marked
    /// on the chart).
    pub reviews: Vec<NaiveDate>,
}

/// One row of the view: its name and its counts at each point (`None` where it had no
/// task: an agency that led nothing then).
#[derive(Debug, Clone, PartialEq)]
pub struct TrendRow {
    /// A category code, an agency code, or empty for the total.
    pub code: String,
    pub name: String,
    pub values: Vec<Option<Counts>>,
}

impl TrendRow {
    /// The mean progress at each point (`None` without tasks).
    pub fn progress(&self) -> Vec<Option<f64>> {
        self.values
            .iter()
            .map(|c| c.filter(|c| c.tasks > 0).map(|c| c.progress))
            .collect()
    }

    /// The counts at the last point.
    pub fn latest(&self) -> Option<Counts> {
        self.values.last().copied().flatten()
    }
}

/// The review dates of the programs in `scope` (of all programs when it names none),
/// sorted, once each.
pub fn scope_reviews(store: &Store, scope: &Scope) -> Result<Vec<NaiveDate>> {
    let mut out = Vec::new();
    for p in store.programs()? {
        if scope.program.as_ref().is_some_and(|c| *c != p.code) {
            continue;
        }
        out.extend(store.review_schedule(&p)?);
    }
    out.sort();
    out.dedup();
    Ok(out)
}

impl TrendData {
    /// Reads the series for `key`: the review dates, then the series in one snapshot
    /// (two connections at once, [`Store::series_months`] and [`Store::series`]). A
    /// review set between the two is marked when the change's refresh reads it again.
    pub fn load(store: &Store, key: TrendKey) -> Result<TrendData> {
        let (scope, as_of, _today, by) = &key;
        let reviews = store.snapshot(|store| scope_reviews(store, scope))?;
        let (points, series) = match by {
            TrendPoints::Monthly => store.series_months(scope, *as_of)?,
            TrendPoints::Reviews => {
                let points = review_points(&reviews, *as_of);
                let series = store.series(scope, &points)?;
                (points, series)
            }
        };
        let first = points.first().copied().unwrap_or(*as_of);
        let reviews = reviews
            .into_iter()
            .filter(|d| *d >= first && *d <= *as_of)
            .collect();
        Ok(TrendData {
            key,
            points,
            series,
            reviews,
        })
    }

    /// The summary at the last point (the as-of date).
    pub fn latest(&self) -> Option<&Summary> {
        self.series.last()
    }

    /// The rows for `rows`, names in `lang` (`vi` or `en`): the total; each category in
    /// display order; the lead agencies as the dashboard lists them (most tasks at the
    /// last point first, then by code), then those that led tasks only before it.
    pub fn rows(&self, rows: TrendRows, lang: &str, total: &str) -> Vec<TrendRow> {
        match rows {
            TrendRows::Total => vec![TrendRow {
                code: String::new(),
                name: total.to_string(),
                values: self.series.iter().map(|s| Some(s.totals)).collect(),
            }],
            TrendRows::Categories => {
                let Some(last) = self.latest() else {
                    return Vec::new();
                };
                last.categories
                    .iter()
                    .map(|c| TrendRow {
                        code: c.category.code.clone(),
                        name: c.category.name(lang).to_string(),
                        values: self
                            .series
                            .iter()
                            .map(|s| {
                                s.categories
                                    .iter()
                                    .find(|x| x.category.code == c.category.code)
                                    .map(|x| x.counts)
                            })
                            .collect(),
                    })
                    .collect()
            }
            TrendRows::Agencies => {
                // (tasks at the last point, code) → name, over every point.
                // (Borrowed until the rows are made: a row move's cost at 1,000 agencies.)
                let mut seen: HashMap<&str, (i64, &str)> = HashMap::new();
                for (i, s) in self.series.iter().enumerate() {
                    let last = i + 1 == self.series.len();
                    for a in &s.agencies {
                        let e = seen.entry(a.code.as_str()).or_insert((0, a.name.as_str()));
                        if last {
                            *e = (a.counts.tasks, a.name.as_str());
                        }
                    }
                }
                let mut order: Vec<(&str, i64, &str)> = seen
                    .into_iter()
                    .map(|(code, (n, name))| (code, n, name))
                    .collect();
                order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let at: Vec<HashMap<&str, Counts>> = self
                    .series
                    .iter()
                    .map(|s| {
                        s.agencies
                            .iter()
                            .map(|a| (a.code.as_str(), a.counts))
                            .collect()
                    })
                    .collect();
                order
                    .into_iter()
                    .map(|(code, _, name)| TrendRow {
                        values: at.iter().map(|m| m.get(code).copied()).collect(),
                        code: code.to_string(),
                        name: name.to_string(),
                    })
                    .collect()
            }
        }
    }
}

/// The Trends view's state and the series it (and the dashboard) read.
#[derive(Debug, Clone, Default)]
pub struct Trends {
    pub rows: TrendRows,
    pub points: TrendPoints,
    /// The selected row.
    pub cursor: Cursor,
    /// The series read, by points (month ends, review dates).
    data: [Option<TrendData>; 2],
    /// A change came since each was read.
    stale: [bool; 2],
    /// The read in flight for each (its job id and key), and whether to read once more
    /// when it comes (a change came while it ran).
    job: [Option<(u64, TrendKey)>; 2],
    again: [bool; 2],
    /// The rows shown, made in `update()` from the series in force (not on every frame:
    /// a thousand agencies over 120 points), with what they were made from.
    shown: Option<(TrendKey, TrendRows, Vec<TrendRow>)>,
}

impl Trends {
    /// After a change elsewhere: each series is read again when a screen needs it.
    pub fn mark_stale(&mut self) {
        self.stale = [true; 2];
    }

    /// True when a read for these points is in flight.
    pub fn loading(&self, by: TrendPoints) -> bool {
        self.job[by.index()].is_some()
    }
}

impl AppState {
    /// The key a series for `by` is read with now.
    pub fn trend_key(&self, by: TrendPoints) -> TrendKey {
        (self.scope.clone(), self.as_of, self.today, by)
    }

    /// The series for `by` when it was read for the scope and dates in force (possibly
    /// before the latest change: it stays shown until the new one comes).
    pub fn trend_data(&self, by: TrendPoints) -> Option<&TrendData> {
        self.trends.data[by.index()]
            .as_ref()
            .filter(|d| d.key == self.trend_key(by))
    }

    /// The rows the Trends view shows now (none until its series has come).
    pub fn trend_rows(&self) -> &[TrendRow] {
        match &self.trends.shown {
            Some((key, rows, shown))
                if *rows == self.trends.rows
                    && *key == self.trend_key(self.trends.points)
                    && self.trend_data(self.trends.points).is_some() =>
            {
                shown
            }
            _ => &[],
        }
    }

    /// Makes the rows shown again from the series in force.
    fn make_trend_rows(&mut self) {
        let by = self.trends.points;
        let lang = self.lang;
        self.trends.shown = self.trend_data(by).map(|d| {
            let rows = d.rows(
                self.trends.rows,
                lang.code(),
                lang.t(crate::tui::i18n::Msg::TrendTotal),
            );
            (d.key.clone(), self.trends.rows, rows)
        });
        let n = self.trend_rows().len();
        let page = self.page();
        self.trends.cursor.follow(n, page);
    }

    /// `c` and `t` on the Trends view; `None` for other actions.
    pub(super) fn trends_key(&mut self, action: &crate::tui::action::Action) -> Option<bool> {
        use crate::tui::action::Action;
        if !matches!(action, Action::TrendRows | Action::TrendPoints) {
            return None;
        }
        if !(self.stack.is_empty() && self.view == View::Trends) || self.help {
            return Some(false);
        }
        match action {
            Action::TrendRows => self.trends.rows = self.trends.rows.next(),
            _ => self.trends.points = self.trends.points.other(),
        }
        self.trends.cursor = Cursor::default();
        self.make_trend_rows();
        Some(true)
    }

    /// The series the screen about to be drawn needs, if any: the Trends view's, or the
    /// month series of the dashboard's sparklines (from 80×24 on).
    fn trends_needed(&self) -> Option<TrendPoints> {
        if !self.stack.is_empty() {
            return None;
        }
        match self.view {
            View::Trends => Some(self.trends.points),
            View::Dashboard if self.size.0 >= 80 && self.size.1 >= 24 => Some(TrendPoints::Monthly),
            _ => None,
        }
    }

    /// Reads the series the screen needs when it is missing or stale: on the read lane
    /// when there is a runner, else in place. True when the state changed.
    pub(crate) fn want_trends(&mut self) -> Result<bool> {
        let Some(by) = self.trends_needed() else {
            return Ok(false);
        };
        let i = by.index();
        let key = self.trend_key(by);
        let fresh = self.trend_data(by).is_some() && !self.trends.stale[i];
        if fresh {
            return Ok(false);
        }
        if let Some((_, k)) = &self.trends.job[i] {
            // One read at a time for each; the next when this one comes.
            if *k != key || self.trends.stale[i] {
                self.trends.again[i] = true;
            }
            return Ok(false);
        }
        self.trends.stale[i] = false;
        let Some(runner) = self.jobs.runner.as_mut() else {
            self.trends.data[i] = Some(TrendData::load(&self.store, key)?);
            self.make_trend_rows();
            return Ok(true);
        };
        let k = key.clone();
        let submitted = runner.submit(Lane::Series, move |s: &mut Store| TrendData::load(s, k));
        match submitted {
            Ok(id) => {
                self.trends.job[i] = Some((id, key));
                // The Trends view says it is (re)computing; the dashboard looks the same.
                Ok(self.view == View::Trends)
            }
            Err(_) => {
                self.trends.data[i] = Some(TrendData::load(&self.store, key)?);
                self.make_trend_rows();
                Ok(true)
            }
        }
    }

    /// A series read on the read lane: `None` when job `id` is not one the state waits
    /// for a series from; else whether it changed the screen. A result made for another
    /// key than the one in force is dropped and read again.
    pub(super) fn trend_done(&mut self, done: &crate::tui::jobs::Done) -> Option<Result<bool>> {
        let i = (0..2).find(|i| matches!(&self.trends.job[*i], Some((id, _)) if *id == done.id))?;
        self.trends.job[i] = None;
        let again = std::mem::take(&mut self.trends.again[i]);
        let out = done.take::<Result<TrendData>>();
        let by = if i == 0 {
            TrendPoints::Monthly
        } else {
            TrendPoints::Reviews
        };
        let mut changed = false;
        match out {
            Some(Ok(Ok(d))) if d.key == self.trend_key(by) => {
                self.trends.data[i] = Some(d);
                self.make_trend_rows();
                changed = true;
            }
            Some(Ok(Ok(_))) | None => {}
            Some(Ok(Err(e))) | Some(Err(e)) => return Some(Err(e)),
        }
        if again {
            self.trends.stale[i] = true;
        }
        Some(self.want_trends().map(|c| c || changed))
    }
}
