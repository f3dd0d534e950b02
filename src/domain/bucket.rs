//! Deadline buckets, "due soon" and the review schedule, all as of a date passed in.

use chrono::NaiveDate;

use super::codes::{Bucket, Status};
use super::date::add_months;

/// A task due within this many days (and not done) is "due soon".
pub const DUE_SOON_DAYS: i64 = 14;

/// The bucket of a task as of `as_of`. A done task is on time when it was completed on or
/// before its deadline (or has none); an open task is in time until its deadline has
/// passed; a task without a deadline (recurring) is in time until done.
pub fn bucket(
    status: Status,
    deadline: Option<NaiveDate>,
    completed_on: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Bucket {
    if status == Status::Done {
        match (deadline, completed_on) {
            (Some(d), Some(c)) if c > d => Bucket::DoneLate,
            _ => Bucket::DoneOnTime,
        }
    } else {
        match deadline {
            Some(d) if d < as_of => Bucket::Overdue,
            _ => Bucket::InTime,
        }
    }
}

/// True when an open task's deadline falls within [`DUE_SOON_DAYS`] days from `as_of`.
pub fn due_soon(status: Status, deadline: Option<NaiveDate>, as_of: NaiveDate) -> bool {
    match deadline {
        Some(d) if status != Status::Done => {
            let days = (d - as_of).num_days();
            (0..=DUE_SOON_DAYS).contains(&days)
        }
        _ => false,
    }
}

/// Days past the deadline as of `as_of` (0 when not late).
pub fn days_late(deadline: Option<NaiveDate>, as_of: NaiveDate) -> i64 {
    deadline.map_or(0, |d| (as_of - d).num_days().max(0))
}

/// A program's default review dates: a preliminary review (*sơ kết*) at the end of each
/// period of `months` months counted from 1 January of its first year (30/06 and 31/12
/// for 6, 31/12 for 12, the quarter ends for 3), strictly between its first and last
/// day, then the final review (*tổng kết*) on its last day. A program can have dates of
/// its own instead (`program edit --reviews`, store/order.rs).
pub fn review_dates(starts_on: NaiveDate, ends_on: NaiveDate, months: u32) -> Vec<NaiveDate> {
    use chrono::Datelike;
    let mut out = Vec::new();
    if months > 0 {
        let first = NaiveDate::from_ymd_opt(starts_on.year(), 1, 1).unwrap_or(starts_on);
        let mut k = 1;
        while out.len() < 1000 {
            let Some(end) = add_months(first, months * k).pred_opt() else {
                break;
            };
            if end >= ends_on {
                break;
            }
            if end > starts_on {
                out.push(end);
            }
            k += 1;
        }
    }
    out.push(ends_on);
    out
}

/// The first review date on or after `as_of`, if any.
pub fn next_review(
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    months: u32,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    review_dates(starts_on, ends_on, months)
        .into_iter()
        .find(|d| *d >= as_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn buckets() {
        let dl = Some(d(2018, 6, 30));
        let asof = d(2018, 12, 31);
        assert_eq!(
            bucket(Status::Done, dl, Some(d(2018, 6, 30)), asof),
            Bucket::DoneOnTime
        );
        assert_eq!(
            bucket(Status::Done, dl, Some(d(2018, 7, 1)), asof),
            Bucket::DoneLate
        );
        assert_eq!(
            bucket(Status::InProgress, dl, None, d(2018, 6, 30)),
            Bucket::InTime
        );
        assert_eq!(
            bucket(Status::InProgress, dl, None, d(2018, 7, 1)),
            Bucket::Overdue
        );
        assert_eq!(bucket(Status::Suspended, dl, None, asof), Bucket::Overdue);
        assert_eq!(bucket(Status::InProgress, None, None, asof), Bucket::InTime);
        assert_eq!(
            bucket(Status::Done, None, Some(asof), asof),
            Bucket::DoneOnTime
        );
    }

    #[test]
    fn soon_and_late() {
        let asof = d(2026, 11, 22);
        assert!(due_soon(Status::InProgress, Some(d(2026, 12, 6)), asof));
        assert!(!due_soon(Status::InProgress, Some(d(2026, 12, 7)), asof));
        assert!(!due_soon(Status::Done, Some(d(2026, 11, 30)), asof));
        assert!(!due_soon(Status::InProgress, Some(d(2026, 11, 21)), asof));
        assert_eq!(days_late(Some(d(2026, 11, 20)), asof), 2);
        assert_eq!(days_late(Some(d(2026, 11, 30)), asof), 0);
    }

    #[test]
    fn reviews() {
        let r = review_dates(d(2015, 11, 1), d(2020, 11, 6), 6);
        assert_eq!(r.first(), Some(&d(2015, 12, 31)));
        assert_eq!(r[1], d(2016, 6, 30));
        assert_eq!(r.last(), Some(&d(2020, 11, 6)));
        assert_eq!(r.len(), 11);
        assert_eq!(
            next_review(d(2019, 1, 1), d(2019, 12, 31), 6, d(2019, 7, 2)),
            Some(d(2019, 12, 31))
        );
        assert_eq!(
            next_review(d(2019, 1, 1), d(2019, 12, 31), 6, d(2020, 1, 1)),
            None
        );
    }
}
