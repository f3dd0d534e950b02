//! Review reports (*sơ kết / tổng kết*): for one program (or all) and a period, the
//! counts in the four deadline buckets and mean progress, by category, by lead and by
//! coordinating agency; the overdue list with lead agency and days late; urges counted;
//! progress made during the period. Rendered as Markdown (Vietnamese phrased like the
//! seed reports, or English), CSV, JSON, an Excel workbook, or a terminal table.
//!
//! Everything is computed as of dates passed in: `today` only decides whether the live
//! table or the progress history is read.

pub mod csv;
pub mod digest;
pub mod docx;
pub(crate) mod docx_parts;
pub mod json;
pub mod markdown;
pub mod mdtext;
pub mod numbers;
pub mod prose;
pub(crate) mod prose_parts;
pub mod series;
pub mod table;
pub mod xlsx;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::domain::{date::add_months, text, Program};
use crate::error::{Error, Result};
use crate::lang::facts::Cli;
use crate::store::report::{Ahead, ProgressMade, TaskAsOf};
use crate::store::{AgencyCounts, CategoryCounts, Counts, Scope, Store};

/// What a report covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// One program, or all.
    pub program: Option<String>,
    /// The first day of the period (`None`: from the beginning).
    pub from: Option<NaiveDate>,
    /// The last day of the period: the date the report is as of.
    pub to: NaiveDate,
}

/// A program as the report shows it, with its review schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgramInfo {
    pub code: String,
    pub title: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub basis: Option<String>,
    /// Preliminary reviews (*sơ kết*) then the final one (*tổng kết*, the last date):
    /// those set for the program, else the end of each half year and its last day.
    pub reviews: Vec<NaiveDate>,
    /// The first review after the as-of date (a review on that date is the report's
    /// own, not the next one).
    pub next_review: Option<NaiveDate>,
}

/// Everything a report shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub program: Option<ProgramInfo>,
    pub from: Option<NaiveDate>,
    pub as_of: NaiveDate,
    pub totals: Counts,
    pub categories: Vec<CategoryCounts>,
    /// By lead agency (*chủ trì*).
    pub agencies: Vec<AgencyCounts>,
    /// By coordinating agency (*phối hợp*).
    pub coordinating: Vec<AgencyCounts>,
    /// Overdue on the as-of date, most overdue first.
    pub overdue: Vec<TaskAsOf>,
    /// Urges sent during the period.
    pub urges: i64,
    pub progress: ProgressMade,
    pub due_soon: i64,
    /// What lies ahead up to the next review (section IV).
    pub ahead: Ahead,
    /// The lead agencies ranked (the annex, issue 16).
    pub ranking: Vec<crate::store::ranking::RankRow>,
    /// Progress over time (issue 16): `None` unless the report is built whole
    /// ([`Parts::Whole`]).
    pub series: Option<Vec<series::Point>>,
}

/// How many of the tasks falling due before the next review a report lists by name.
pub const AHEAD_LISTED: usize = 50;

/// The end of the half year containing `d` (30/06 or 31/12); the next one when `d` is
/// that end already.
pub fn half_year_end_after(d: NaiveDate) -> NaiveDate {
    let y = d.year();
    let june = NaiveDate::from_ymd_opt(y, 6, 30).unwrap_or(d);
    let dec = NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(d);
    if d < june {
        june
    } else if d < dec {
        dec
    } else {
        NaiveDate::from_ymd_opt(y + 1, 6, 30).unwrap_or(d)
    }
}

/// Parses a period: `2019` (the year), `2019H1` / `2019H2` (half years), `2019Q3`
/// (a quarter), or `2015-2020` (whole years). Returns (first day, last day).
pub fn parse_period(s: &str) -> Result<(NaiveDate, NaiveDate)> {
    let t = s.trim();
    let bad = || {
        Error::Usage(
            Cli::BadPeriod {
                text: text::escape(t).into_owned(),
            }
            .into(),
        )
    };
    let year = |y: &str| -> Result<i32> {
        match y.parse::<i32>() {
            Ok(n) if (1900..=2200).contains(&n) && y.len() == 4 => Ok(n),
            _ => Err(bad()),
        }
    };
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or_else(bad);
    let span = |y: i32, first_month: u32, months: u32| -> Result<(NaiveDate, NaiveDate)> {
        let start = ymd(y, first_month, 1)?;
        let end = add_months(start, months).pred_opt().ok_or_else(bad)?;
        Ok((start, end))
    };
    if let Some((a, b)) = t.split_once('-') {
        let (a, b) = (year(a)?, year(b)?);
        if b < a {
            return Err(bad());
        }
        return Ok((ymd(a, 1, 1)?, ymd(b, 12, 31)?));
    }
    let upper = t.to_ascii_uppercase();
    if let Some((y, h)) = upper.split_once('H') {
        return match h {
            "1" => span(year(y)?, 1, 6),
            "2" => span(year(y)?, 7, 6),
            _ => Err(bad()),
        };
    }
    if let Some((y, q)) = upper.split_once('Q') {
        return match q.parse::<u32>() {
            Ok(n @ 1..=4) => span(year(y)?, 3 * n - 2, 3),
            _ => Err(bad()),
        };
    }
    let y = year(t)?;
    Ok((ymd(y, 1, 1)?, ymd(y, 12, 31)?))
}

fn program_info(p: &Program, reviews: Vec<NaiveDate>, as_of: NaiveDate) -> ProgramInfo {
    let next_review = reviews.iter().copied().find(|d| *d > as_of);
    ProgramInfo {
        code: p.code.clone(),
        title: p.title.clone(),
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        basis: p.basis.clone(),
        reviews,
        next_review,
    }
}

/// What a report reads: everything, or only what a roll-up prints of each province.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parts {
    /// Everything, with the series over time (the JSON and the workbook show it).
    Whole,
    /// Everything but the series (table, Markdown, CSV and Word do not show it, so they
    /// do not pay for its pass over the versions).
    Document,
    /// The totals, categories, urges, due-soon count, progress made and overdue list;
    /// the by-agency tables, the ranking and what lies ahead are left empty (the
    /// roll-up never shows them, and they are most of a report's reading).
    Rollup,
}

/// Builds a report from the store.
pub fn build(store: &Store, req: &Request, today: NaiveDate) -> Result<Report> {
    build_parts(store, req, today, Parts::Whole)
}

/// Builds the `parts` of a report from the store.
pub fn build_parts(store: &Store, req: &Request, today: NaiveDate, parts: Parts) -> Result<Report> {
    if let Some(f) = req.from {
        if f > req.to {
            return Err(Error::Usage(
                Cli::PeriodOrder {
                    from: f,
                    to: req.to,
                }
                .into(),
            ));
        }
    }
    store.snapshot(|s| {
        let program = match &req.program {
            Some(code) => {
                let p = s.program(code)?;
                let reviews = s.review_schedule(&p)?;
                Some(program_info(&p, reviews, req.to))
            }
            None => None,
        };
        // Section IV looks ahead to the next review (within the program), else to the
        // end of the half year.
        let until = program
            .as_ref()
            .filter(|p| req.to < p.ends_on)
            .and_then(|p| p.reviews.iter().copied().find(|d| *d > req.to))
            .unwrap_or_else(|| half_year_end_after(req.to));
        let p = req.program.as_deref();
        let scope = Scope {
            program: req.program.clone(),
            ..Default::default()
        };
        let summary = s.summary(&scope, req.to, today)?;
        let whole = parts != Parts::Rollup;
        let ranking = if whole {
            s.agency_ranking_from(&scope, summary.clone(), req.to, today)?
        } else {
            Vec::new()
        };
        let series = if parts == Parts::Whole {
            let reviews = program
                .as_ref()
                .map(|p| p.reviews.as_slice())
                .unwrap_or(&[]);
            Some(series::build(s, &scope, reviews, &summary)?)
        } else {
            None
        };
        Ok(Report {
            program,
            from: req.from,
            as_of: req.to,
            totals: summary.totals,
            categories: summary.categories,
            agencies: if whole { summary.agencies } else { Vec::new() },
            coordinating: if whole {
                s.coordinating_counts(p, req.to, today)?
            } else {
                Vec::new()
            },
            overdue: s.tasks_as_of(p, req.to, today, true)?,
            urges: s.urges_between(p, req.from, req.to)?,
            progress: s.progress_made(p, req.from, req.to, today)?,
            due_soon: summary.due_soon,
            ahead: if whole {
                s.ahead(p, req.to, until, today, AHEAD_LISTED)?
            } else {
                Ahead {
                    until,
                    ..Default::default()
                }
            },
            ranking,
            series,
        })
    })
}

/// What kind of review the as-of date is for a program: the final review (*tổng kết*)
/// on its last day, a preliminary one (*sơ kết*) on a review date, else (before, between
/// and after the reviews) a report on progress (*báo cáo tình hình thực hiện*).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewKind {
    Final,
    Preliminary,
    Progress,
}

impl Report {
    /// The first review after the as-of date (a sơ kết on its own date looks ahead to
    /// the next one).
    pub fn review_after(&self) -> Option<NaiveDate> {
        let p = self.program.as_ref()?;
        p.reviews.iter().copied().find(|d| *d > self.as_of)
    }

    /// The kind of review this report is.
    pub fn kind(&self) -> ReviewKind {
        match &self.program {
            Some(p) if self.as_of == p.ends_on => ReviewKind::Final,
            Some(p) if p.reviews.contains(&self.as_of) => ReviewKind::Preliminary,
            _ => ReviewKind::Progress,
        }
    }
}

/// A number with one decimal, with a decimal comma in Vietnamese: `95,3`; whole
/// numbers without decimals: `100`.
pub fn num(x: f64, lang: &str) -> String {
    let s = if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    };
    if lang == "vi" {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A date as the language writes it: `06/11/2020` in Vietnamese, `2020-11-06` in English.
pub fn day(d: NaiveDate, lang: &str) -> String {
    if lang == "vi" {
        crate::domain::date::dmy(d)
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// Days an overdue task is late on `as_of`.
pub fn days_late(t: &TaskAsOf, as_of: NaiveDate) -> i64 {
    crate::domain::days_late(t.deadline, as_of)
}

/// The bucket's label in the language.
pub fn bucket_label(b: crate::domain::Bucket, lang: &str) -> &'static str {
    use crate::domain::Bucket::*;
    match (b, lang == "vi") {
        (DoneOnTime, true) => "Hoàn thành đúng hạn",
        (DoneLate, true) => "Hoàn thành chậm",
        (InTime, true) => "Chưa hoàn thành, còn hạn",
        (Overdue, true) => "Chưa hoàn thành, quá hạn",
        (DoneOnTime, false) => "Done on time",
        (DoneLate, false) => "Done late",
        (InTime, false) => "Open, in time",
        (Overdue, false) => "Overdue",
    }
}

/// The status's label in the language.
pub fn status_label(s: crate::domain::Status, lang: &str) -> &'static str {
    use crate::domain::Status::*;
    match (s, lang == "vi") {
        (NotStarted, true) => "Chưa triển khai",
        (InProgress, true) => "Đang thực hiện",
        (Done, true) => "Hoàn thành",
        (Suspended, true) => "Tạm dừng",
        (NotStarted, false) => "Not started",
        (InProgress, false) => "In progress",
        (Done, false) => "Done",
        (Suspended, false) => "Suspended",
    }
}

/// The first day of the half year containing `d` (handy for "this review period").
pub fn half_year_start(d: NaiveDate) -> NaiveDate {
    let m = if d.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(d.year(), m, 1).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods() {
        assert_eq!(
            parse_period("2019").unwrap(),
            (d(2019, 1, 1), d(2019, 12, 31))
        );
        assert_eq!(
            parse_period("2019H1").unwrap(),
            (d(2019, 1, 1), d(2019, 6, 30))
        );
        assert_eq!(
            parse_period("2019h2").unwrap(),
            (d(2019, 7, 1), d(2019, 12, 31))
        );
        assert_eq!(
            parse_period("2020Q1").unwrap(),
            (d(2020, 1, 1), d(2020, 3, 31))
        );
        assert_eq!(
            parse_period("2015-2020").unwrap(),
            (d(2015, 1, 1), d(2020, 12, 31))
        );
        for bad in ["2019H3", "20", "2020-2015", "abc", "2019Q5", ""] {
            assert_eq!(parse_period(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(num(95.25, "vi"), "95,2");
        assert_eq!(num(95.3, "en"), "95.3");
        assert_eq!(num(100.0, "vi"), "100");
    }
}
