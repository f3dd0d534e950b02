//! The report as JSON. The first keys are the contract of `docs/cli.md`:
//! `{program, as_of, totals, categories, agencies}` with `{tasks, done_on_time, done_late,
//! in_time, overdue, progress}` counts (`agencies` = tasks each agency leads, `progress` =
//! mean percentage). The keys after them add the period, the coordinating agencies, the
//! overdue list, urges, progress made, the review schedule (`next`: the first review after
//! the as-of date), what lies ahead up to it (`ahead`), the lead agencies ranked
//! (`ranking`, see `store/ranking.rs`) and, in a whole report, progress over time
//! (`series`: `points`, each `{date, review, totals, categories: [{code, …counts}]}`,
//! see `report/series.rs`).
//!
//! The JSON never changes with `--lang`: categories carry their code and both names
//! (`name_vi`, `name_en`); agencies and tasks their code and their one stored name.

use chrono::NaiveDate;
use serde::Serialize;

use super::{days_late, Report};
use crate::error::{Error, Result};
use crate::lang::facts::{Files, Written};
use crate::store::report::ProgressMade;
use crate::store::Counts;

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    name: &'a str,
    #[serde(flatten)]
    counts: &'a Counts,
}

#[derive(Serialize)]
struct CategoryRow<'a> {
    code: &'a str,
    name_vi: &'a str,
    name_en: &'a str,
    #[serde(flatten)]
    counts: &'a Counts,
}

#[derive(Serialize)]
struct Overdue<'a> {
    id: i64,
    title: &'a str,
    category: &'a str,
    lead: &'a str,
    lead_name: &'a str,
    deadline: Option<NaiveDate>,
    days_late: i64,
    progress: u8,
    urges: i64,
}

#[derive(Serialize)]
struct Reviews<'a> {
    dates: &'a [NaiveDate],
    next: Option<NaiveDate>,
}

#[derive(Serialize)]
struct Doc<'a> {
    program: Option<&'a str>,
    as_of: NaiveDate,
    totals: &'a Counts,
    categories: Vec<CategoryRow<'a>>,
    agencies: Vec<Row<'a>>,
    from: Option<NaiveDate>,
    program_title: Option<&'a str>,
    coordinating: Vec<Row<'a>>,
    overdue_tasks: Vec<Overdue<'a>>,
    urges: i64,
    progress_made: &'a ProgressMade,
    due_soon: i64,
    reviews: Option<Reviews<'a>>,
    ahead: &'a crate::store::report::Ahead,
    ranking: &'a [crate::store::ranking::RankRow],
    #[serde(skip_serializing_if = "Option::is_none")]
    series: Option<Series<'a>>,
}

/// Progress over time: the points in date order.
#[derive(Serialize)]
struct Series<'a> {
    points: Vec<Point<'a>>,
}

#[derive(Serialize)]
struct Point<'a> {
    date: NaiveDate,
    review: bool,
    totals: &'a Counts,
    categories: Vec<PointCategory<'a>>,
}

#[derive(Serialize)]
struct PointCategory<'a> {
    code: &'a str,
    #[serde(flatten)]
    counts: &'a Counts,
}

fn agency_rows(v: &[crate::store::AgencyCounts]) -> Vec<Row<'_>> {
    v.iter()
        .map(|a| Row {
            code: &a.code,
            name: &a.name,
            counts: &a.counts,
        })
        .collect()
}

fn category_rows(r: &Report) -> Vec<CategoryRow<'_>> {
    r.categories
        .iter()
        .map(|c| CategoryRow {
            code: &c.category.code,
            name_vi: &c.category.name_vi,
            name_en: &c.category.name_en,
            counts: &c.counts,
        })
        .collect()
}

fn overdue_rows(r: &Report) -> Vec<Overdue<'_>> {
    r.overdue
        .iter()
        .map(|t| Overdue {
            id: t.id,
            title: &t.title,
            category: &t.category,
            lead: &t.lead,
            lead_name: &t.lead_name,
            deadline: t.deadline,
            days_late: days_late(t, r.as_of),
            progress: t.progress.get(),
            urges: t.urges,
        })
        .collect()
}

fn encode_error(e: serde_json::Error) -> Error {
    Error::Other(
        Files::Encode {
            what: Written::Json,
            detail: e.to_string(),
        }
        .into(),
    )
}

/// The keys of the report that a province's row in the roll-up carries
/// (`rollup::render::PROVINCE_KEYS`), each as [`render`] writes it, made straight into
/// a value (the roll-up used to render the whole report and parse it back).
pub fn province_keys(r: &Report) -> Result<serde_json::Map<String, serde_json::Value>> {
    #[derive(Serialize)]
    struct Keys<'a> {
        totals: &'a Counts,
        categories: Vec<CategoryRow<'a>>,
        urges: i64,
        due_soon: i64,
        progress_made: &'a ProgressMade,
        overdue_tasks: Vec<Overdue<'a>>,
    }
    let keys = Keys {
        totals: &r.totals,
        categories: category_rows(r),
        urges: r.urges,
        due_soon: r.due_soon,
        progress_made: &r.progress,
        overdue_tasks: overdue_rows(r),
    };
    match serde_json::to_value(keys).map_err(encode_error)? {
        serde_json::Value::Object(m) => Ok(m),
        _ => Ok(serde_json::Map::new()),
    }
}

/// Renders the report as pretty JSON, ending with a newline; the same in every language.
pub fn render(r: &Report) -> Result<String> {
    let doc = Doc {
        program: r.program.as_ref().map(|p| p.code.as_str()),
        as_of: r.as_of,
        totals: &r.totals,
        categories: category_rows(r),
        agencies: agency_rows(&r.agencies),
        from: r.from,
        program_title: r.program.as_ref().map(|p| p.title.as_str()),
        coordinating: agency_rows(&r.coordinating),
        overdue_tasks: overdue_rows(r),
        urges: r.urges,
        progress_made: &r.progress,
        due_soon: r.due_soon,
        reviews: r.program.as_ref().map(|p| Reviews {
            dates: &p.reviews,
            next: p.next_review,
        }),
        ahead: &r.ahead,
        ranking: &r.ranking,
        series: r.series.as_ref().map(|points| Series {
            points: points
                .iter()
                .map(|p| Point {
                    date: p.date,
                    review: p.review,
                    totals: &p.totals,
                    categories: p
                        .categories
                        .iter()
                        .map(|c| PointCategory {
                            code: &c.category.code,
                            counts: &c.counts,
                        })
                        .collect(),
                })
                .collect(),
        }),
    };
    let mut s = serde_json::to_string_pretty(&doc).map_err(encode_error)?;
    s.push('\n');
    Ok(s)
}
