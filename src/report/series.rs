//! Progress over time in the report (issue 16): the report's scope at each month end from
//! its first version up to the as-of date, and at each of the program's review dates up
//! to it, with the as-of date itself last — the totals and the figures by category, read
//! by [`Store::series_by_category`] in one pass over the versions and counted by the same
//! rule as the report's own totals (`stats::contribute`); the last point is the report's
//! own summary.
//!
//! Only a whole report carries it (`Parts::Whole`): the roll-up and the formats that do
//! not show it do not pay for the pass.

use chrono::NaiveDate;

use crate::error::Result;
use crate::store::series::review_points;
use crate::store::{CategoryCounts, Counts, Scope, Store, Summary};

/// One date of the series.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub date: NaiveDate,
    /// A review date of the program (*sơ kết* or *tổng kết*).
    pub review: bool,
    pub totals: Counts,
    /// Every category, in display order (as the report's `categories`).
    pub categories: Vec<CategoryCounts>,
}

/// The points of the series of `scope` as of `as_of`: the month ends from its first
/// version ([`Store::series_month_points`]), the `reviews` on or before `as_of`, and
/// `as_of`; sorted, once each.
pub fn points(
    store: &Store,
    scope: &Scope,
    reviews: &[NaiveDate],
    as_of: NaiveDate,
) -> Result<Vec<NaiveDate>> {
    let mut out = store.series_month_points(scope, as_of)?;
    out.extend(review_points(reviews, as_of));
    out.sort();
    out.dedup();
    Ok(out)
}

/// The series of `scope` as of `as_of`, with `reviews` marked. `at_as_of` is the summary
/// the report already read for `as_of`: the last point is it, not read again.
pub fn build(
    store: &Store,
    scope: &Scope,
    reviews: &[NaiveDate],
    at_as_of: &Summary,
) -> Result<Vec<Point>> {
    let as_of = at_as_of.as_of;
    let mut dates = points(store, scope, reviews, as_of)?;
    dates.retain(|d| *d < as_of);
    let mut sums = store.series_by_category(scope, &dates)?;
    sums.push(at_as_of.clone());
    Ok(sums
        .into_iter()
        .map(|s| Point {
            date: s.as_of,
            review: reviews.contains(&s.as_of),
            totals: s.totals,
            categories: s.categories,
        })
        .collect())
}
