//! Field-by-field checks shared by the CSV and JSON readers: each takes the raw text of
//! one field and returns the clean value or an error that names the file, line and field.

use chrono::NaiveDate;

use crate::domain::{
    date::parse_date, text, validate::clean_with, Agency, AgencyKind, Cadence, NewTask, Program,
    ProgramKind, Progress, Status,
};
use crate::error::Result;
use crate::lang::facts::{Import, Value};
use crate::store::import::Origin;

/// Turns a domain error into one that names the record's origin and field.
pub fn at<T>(origin: &Origin, field: &str, r: Result<T>) -> Result<T> {
    r.map_err(|e| origin.invalid(field, e))
}

/// A required one-line text field.
pub fn line(o: &Origin, field: &str, raw: &str) -> Result<String> {
    at(o, field, text::clean_line(field, raw))
}

/// An optional one-line text field (empty = none).
pub fn opt_line(o: &Origin, field: &str, raw: &str) -> Result<Option<String>> {
    at(o, field, text::clean_optional(field, raw))
}

/// An optional multi-line text field (empty = none).
pub fn opt_text(o: &Origin, field: &str, raw: &str) -> Result<Option<String>> {
    at(o, field, text::clean_text(field, raw)).map(|s| Some(s).filter(|s| !s.is_empty()))
}

/// A required code.
pub fn code(o: &Origin, field: &str, raw: &str) -> Result<String> {
    at(o, field, text::clean_code(field, raw))
}

/// An optional code (empty = none).
pub fn opt_code(o: &Origin, field: &str, raw: &str) -> Result<Option<String>> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        code(o, field, raw).map(Some)
    }
}

/// Codes separated by `;` (empty = none).
pub fn codes(o: &Origin, field: &str, raw: &str) -> Result<Vec<String>> {
    raw.split(';')
        .filter(|s| !s.trim().is_empty())
        .map(|s| code(o, field, s))
        .collect()
}

/// A required date (`YYYY-MM-DD` or `dd/mm/yyyy`).
pub fn date(o: &Origin, field: &str, raw: &str) -> Result<NaiveDate> {
    if let Some(d) = iso_fast(raw) {
        return Ok(d);
    }
    at(o, field, parse_date(field, raw))
}

/// The common case of a date, `YYYY-MM-DD` with a year from 1900 to 2200, without
/// chrono's format parser; anything else (and every error) goes to `parse_date`.
fn iso_fast(raw: &str) -> Option<NaiveDate> {
    let b = raw.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let y = num(0..4)?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, num(5..7)?, num(8..10)?)
}

/// An optional date (empty = none).
pub fn opt_date(o: &Origin, field: &str, raw: &str) -> Result<Option<NaiveDate>> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        date(o, field, raw).map(Some)
    }
}

/// An optional whole number (empty = none).
pub fn opt_int(o: &Origin, field: &str, raw: &str) -> Result<Option<i64>> {
    let t = raw.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>().map(Some).map_err(|_| {
        o.invalid(
            field,
            Import::NotWholeNumber {
                text: text::escape(t).into_owned(),
            },
        )
    })
}

/// A value of a closed vocabulary (empty = `default`).
pub fn vocab<T: std::str::FromStr<Err = crate::Error>>(
    o: &Origin,
    field: &str,
    raw: &str,
    default: Option<T>,
) -> Result<T> {
    let t = raw.trim();
    match (t.is_empty(), default) {
        (true, Some(d)) => Ok(d),
        (true, None) => Err(o.invalid(
            field,
            Value::Empty {
                field: field.to_string(),
            },
        )),
        _ => at(o, field, t.parse::<T>()),
    }
}

/// The raw fields of a task row, by column name.
#[derive(Debug, Default)]
pub struct TaskFields<'a> {
    pub program: &'a str,
    pub category: &'a str,
    pub title: &'a str,
    pub lead: &'a str,
    pub with: &'a str,
    pub cadence: &'a str,
    pub deadline: &'a str,
    pub status: &'a str,
    pub progress: &'a str,
    pub basis: &'a str,
    pub created_on: &'a str,
    pub completed_on: &'a str,
    pub description: &'a str,
}

/// Checks a task row field by field; `today` is the creation date when none is given.
pub fn task(o: &Origin, f: &TaskFields<'_>, today: NaiveDate) -> Result<NewTask> {
    let program = code(o, "program", f.program)?;
    let category = code(o, "category", f.category)?;
    let title = line(o, "title", f.title)?;
    let lead = code(o, "lead", f.lead)?;
    let with = at(o, "with", clean_with(&lead, codes(o, "with", f.with)?))?;
    let deadline = opt_date(o, "deadline", f.deadline)?;
    let default_cadence = if deadline.is_some() {
        Cadence::Roadmap
    } else {
        Cadence::Recurring
    };
    let cadence = vocab(o, "cadence", f.cadence, Some(default_cadence))?;
    at(
        o,
        "deadline",
        crate::domain::validate::check_cadence(cadence, deadline),
    )?;
    let progress_given = !f.progress.trim().is_empty();
    let progress = if progress_given {
        at(o, "progress", Progress::parse(f.progress))?
    } else {
        Progress::ZERO
    };
    let default_status = if progress == Progress::FULL {
        Status::Done
    } else if progress.get() > 0 {
        Status::InProgress
    } else {
        Status::NotStarted
    };
    let status: Status = vocab(o, "status", f.status, Some(default_status))?;
    if status == Status::Done && progress_given && progress != Progress::FULL {
        return Err(o.invalid(
            "progress",
            Value::DoneAt100 {
                progress: progress.get(),
            },
        ));
    }
    let created_on = opt_date(o, "created_on", f.created_on)?.unwrap_or(today);
    let completed_on = opt_date(o, "completed_on", f.completed_on)?;
    match completed_on {
        Some(_) if status != Status::Done => {
            return Err(o.invalid("completed_on", Import::CompletedNotDone))
        }
        Some(c) if c < created_on => {
            return Err(o.invalid(
                "completed_on",
                Import::CompletedBeforeCreated {
                    completed: c,
                    created: created_on,
                },
            ))
        }
        _ => {}
    }
    let t = NewTask {
        program,
        category,
        title,
        description: opt_text(o, "description", f.description)?,
        lead,
        with,
        cadence,
        deadline,
        basis: opt_line(o, "basis", f.basis)?,
        status,
        progress,
        created_on,
        completed_on,
    };
    at(o, "row", t.validated())
}

/// The raw fields of an agency row.
#[derive(Debug, Default)]
pub struct AgencyFields<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub parent: &'a str,
    pub head: &'a str,
    pub members: &'a str,
    pub staff: &'a str,
}

/// Checks an agency row field by field.
pub fn agency(o: &Origin, f: &AgencyFields<'_>) -> Result<Agency> {
    let a = Agency {
        code: code(o, "code", f.code)?,
        name: line(o, "name", f.name)?,
        kind: vocab(o, "kind", f.kind, Some(AgencyKind::Party))?,
        parent: opt_code(o, "parent", f.parent)?,
        head: opt_line(o, "head", f.head)?,
        members: opt_int(o, "members", f.members)?,
        staff: opt_int(o, "staff", f.staff)?,
    };
    if a.parent.as_deref() == Some(a.code.as_str()) {
        return Err(o.invalid("parent", Import::OwnParent));
    }
    for (field, v) in [("members", a.members), ("staff", a.staff)] {
        if let Some(n) = v.filter(|n| !(0..=10_000_000).contains(n)) {
            return Err(o.invalid(field, Import::OutOfRange { n }));
        }
    }
    at(o, "row", a.validated())
}

/// The raw fields of a program row.
#[derive(Debug, Default)]
pub struct ProgramFields<'a> {
    pub code: &'a str,
    pub title: &'a str,
    pub kind: &'a str,
    pub starts_on: &'a str,
    pub ends_on: &'a str,
    pub parties: &'a str,
    pub basis: &'a str,
    pub review_months: &'a str,
}

/// Checks a program row field by field.
pub fn program(o: &Origin, f: &ProgramFields<'_>) -> Result<Program> {
    let starts_on = date(o, "starts_on", f.starts_on)?;
    let ends_on = date(o, "ends_on", f.ends_on)?;
    if ends_on < starts_on {
        return Err(o.invalid(
            "ends_on",
            Value::EndsBeforeStarts {
                ends: ends_on,
                starts: starts_on,
            },
        ));
    }
    let review_months = match opt_int(o, "review_months", f.review_months)? {
        None => 6,
        Some(n) if (0..=120).contains(&n) => n as u32,
        Some(n) => return Err(o.invalid("review_months", Value::ReviewRange { months: n })),
    };
    let p = Program {
        code: code(o, "code", f.code)?,
        title: line(o, "title", f.title)?,
        kind: vocab(o, "kind", f.kind, Some(ProgramKind::Coordination))?,
        starts_on,
        ends_on,
        parties: codes(o, "parties", f.parties)?,
        basis: opt_line(o, "basis", f.basis)?,
        review_months,
    };
    at(o, "row", p.validated())
}
