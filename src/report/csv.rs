//! The report as one CSV table: a row per section entry (`total`, `category`,
//! `lead_agency`, `coordinating_agency`, `overdue_task`) with the same columns, so a
//! spreadsheet can filter by section, each with the report's dates (`from`, `as_of`).
//! The CSV never changes with `--lang`: codes, and both names of a category (`name_vi`,
//! `name_en`; an agency or task has one name, in `name_vi`). Formula-like cells are
//! neutralized ([`crate::io::cells`]); `excel` starts the file with a UTF-8 BOM.

use super::{days_late, num, Report};
use crate::error::{Error, Result};
use crate::io::cells;
use crate::lang::facts::{Files, Written};
use crate::store::Counts;

/// The columns of the report CSV.
pub const COLUMNS: [&str; 16] = [
    "section",
    "from",
    "as_of",
    "code",
    "name_vi",
    "name_en",
    "tasks",
    "done_on_time",
    "done_late",
    "in_time",
    "overdue",
    "progress",
    "lead",
    "deadline",
    "days_late",
    "urges",
];

fn counts(
    r: &Report,
    mark: &str,
    section: &str,
    code: &str,
    names: [&str; 2],
    c: &Counts,
) -> Vec<String> {
    vec![
        section.into(),
        r.from.map(|d| d.to_string()).unwrap_or_default(),
        r.as_of.to_string(),
        code.into(),
        names[0].into(),
        names[1].into(),
        c.tasks.to_string(),
        c.done_on_time.to_string(),
        c.done_late.to_string(),
        c.in_time.to_string(),
        c.overdue.to_string(),
        num(c.progress, mark),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// Renders the report as CSV; the same in every language. `excel` writes for a
/// Vietnamese-locale Excel: a UTF-8 BOM, `;` between fields, CR LF line endings and
/// decimal commas (`98,1`), so that Excel there reads the columns and the numbers.
pub fn render(r: &Report, excel: bool) -> Result<Vec<u8>> {
    let mark = if excel { "vi" } else { "en" };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut total = counts(
        r,
        mark,
        "total",
        r.program.as_ref().map_or("", |p| p.code.as_str()),
        [r.program.as_ref().map_or("", |p| p.title.as_str()), ""],
        &r.totals,
    );
    total[15] = r.urges.to_string();
    rows.push(total);
    for c in &r.categories {
        rows.push(counts(
            r,
            mark,
            "category",
            &c.category.code,
            [&c.category.name_vi, &c.category.name_en],
            &c.counts,
        ));
    }
    for a in &r.agencies {
        rows.push(counts(
            r,
            mark,
            "lead_agency",
            &a.code,
            [&a.name, ""],
            &a.counts,
        ));
    }
    for a in &r.coordinating {
        rows.push(counts(
            r,
            mark,
            "coordinating_agency",
            &a.code,
            [&a.name, ""],
            &a.counts,
        ));
    }
    for t in &r.overdue {
        rows.push(vec![
            "overdue_task".into(),
            r.from.map(|d| d.to_string()).unwrap_or_default(),
            r.as_of.to_string(),
            t.id.to_string(),
            t.title.clone(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            t.progress.get().to_string(),
            t.lead.clone(),
            t.deadline.map(|d| d.to_string()).unwrap_or_default(),
            days_late(t, r.as_of).to_string(),
            t.urges.to_string(),
        ]);
    }
    let mut out = Vec::new();
    if excel {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    {
        let mut w = if excel {
            crate::io::export::excel_writer(&mut out)
        } else {
            csv::Writer::from_writer(&mut out)
        };
        let err = |e: csv::Error| {
            Error::Other(
                Files::Encode {
                    what: Written::CsvReport,
                    detail: e.to_string(),
                }
                .into(),
            )
        };
        w.write_record(COLUMNS).map_err(err)?;
        for row in rows {
            w.write_record(row.iter().map(|c| cells::write(c).into_owned()))
                .map_err(err)?;
        }
        w.flush().map_err(|e| {
            Error::Other(
                Files::Encode {
                    what: Written::CsvReport,
                    detail: e.to_string(),
                }
                .into(),
            )
        })?;
    }
    Ok(out)
}
