//! CSV import: one file holds one kind of record, told apart by its header (tasks,
//! agencies or programs; see `docs/formats.md`). Every field is checked before anything
//! is written; errors name the file, line and field.

use chrono::NaiveDate;

use super::fields::{self, AgencyFields, ProgramFields, TaskFields};
use crate::domain::text;
use crate::error::{Error, Result};
use crate::store::import::{ImportBatch, ImportTask, Origin, Sourced};

/// The kinds of CSV file and their columns: (required, optional).
pub const TASK_COLUMNS: (&[&str], &[&str]) = (
    &[
        "program", "category", "title", "lead", "with", "cadence", "deadline", "status",
        "progress", "basis",
    ],
    &["created_on", "completed_on", "description"],
);
pub const AGENCY_COLUMNS: (&[&str], &[&str]) = (
    &["code", "name", "kind"],
    &["parent", "head", "members", "staff"],
);
pub const PROGRAM_COLUMNS: (&[&str], &[&str]) = (
    &["code", "title", "kind", "starts_on", "ends_on"],
    &["parties", "basis", "review_months"],
);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Tasks,
    Agencies,
    Programs,
}

/// Undoes the formula neutralization of our own CSV exports: a leading apostrophe
/// before `=`, `+`, `-`, `@` is dropped.
fn unneutralize(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => s,
    }
}

fn columns_list(c: (&[&str], &[&str])) -> String {
    c.0.iter().chain(c.1).copied().collect::<Vec<_>>().join(",")
}

/// Reads a CSV file's bytes into a batch. `progress` is called now and then with the
/// number of rows read.
pub fn read(
    file: &str,
    bytes: &[u8],
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportBatch> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let origin = |line: u64| Origin {
        file: file.to_string(),
        line,
    };
    let mut rec = csv::ByteRecord::new();
    let csv_err = |e: csv::Error| -> Error {
        let line = e.position().map_or(0, |p| p.line());
        let m = format!("{file} line {line}, field (CSV syntax): {e}.");
        Error::Invalid(crate::domain::text::escape(&m).into_owned())
    };
    if !rdr.read_byte_record(&mut rec).map_err(csv_err)? {
        return Err(Error::Invalid(format!(
            "{file} line 1, field header: The file is empty; it needs a header row."
        )));
    }
    let o = origin(rec.position().map_or(1, |p| p.line()));
    let mut header: Vec<String> = Vec::new();
    for (i, raw) in rec.iter().enumerate() {
        let name = std::str::from_utf8(raw).map_err(|_| {
            o.invalid(
                &format!("column {}", i + 1),
                "The header is not valid UTF-8 text.",
            )
        })?;
        header.push(name.trim().to_string());
    }
    let kind = if header
        .iter()
        .any(|h| h == "lead" || (h == "title" && header.iter().any(|h| h == "program")))
    {
        Kind::Tasks
    } else if header.iter().any(|h| h == "starts_on" || h == "ends_on") {
        Kind::Programs
    } else if header.iter().any(|h| h == "name") {
        Kind::Agencies
    } else {
        return Err(o.invalid(
            "header",
            format!(
                "The header `{}` is not that of a tasks file ({}), an agencies file ({}) or a programs file ({}).",
                text::escape(&header.join(",")),
                columns_list(TASK_COLUMNS),
                columns_list(AGENCY_COLUMNS),
                columns_list(PROGRAM_COLUMNS)
            ),
        ));
    };
    let cols = match kind {
        Kind::Tasks => TASK_COLUMNS,
        Kind::Agencies => AGENCY_COLUMNS,
        Kind::Programs => PROGRAM_COLUMNS,
    };
    let what = match kind {
        Kind::Tasks => "tasks",
        Kind::Agencies => "agencies",
        Kind::Programs => "programs",
    };
    for (i, h) in header.iter().enumerate() {
        if !cols.0.contains(&h.as_str()) && !cols.1.contains(&h.as_str()) {
            return Err(o.invalid(
                h,
                format!(
                    "`{}` is not a column of a {what} file; its columns are {}.",
                    text::escape(h),
                    columns_list(cols)
                ),
            ));
        }
        if header[..i].contains(h) {
            return Err(o.invalid(h, format!("The column `{h}` appears twice.")));
        }
    }
    for c in cols.0 {
        if !header.iter().any(|h| h == c) {
            return Err(o.invalid(
                c,
                format!("The required column `{c}` is missing from the header."),
            ));
        }
    }
    let index: Vec<Option<usize>> = cols
        .0
        .iter()
        .chain(cols.1)
        .map(|c| header.iter().position(|h| h == c))
        .collect();
    let mut batch = ImportBatch {
        label: file.to_string(),
        ..Default::default()
    };
    let mut n = 0u64;
    loop {
        if !rdr.read_byte_record(&mut rec).map_err(csv_err)? {
            break;
        }
        let o = origin(rec.position().map_or(0, |p| p.line()));
        if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
            continue;
        }
        if rec.len() != header.len() {
            let field = if rec.len() < header.len() {
                header[rec.len()].clone()
            } else {
                format!("column {}", header.len() + 1)
            };
            return Err(o.invalid(
                &field,
                format!(
                    "The row has {} fields but the header has {}.",
                    rec.len(),
                    header.len()
                ),
            ));
        }
        let mut cells: Vec<&str> = Vec::with_capacity(header.len());
        for (i, raw) in rec.iter().enumerate() {
            let s = std::str::from_utf8(raw).map_err(|e| {
                o.invalid(
                    &header[i],
                    format!(
                        "The text is not valid UTF-8 (bad byte at position {}).",
                        e.valid_up_to() + 1
                    ),
                )
            })?;
            cells.push(unneutralize(s));
        }
        let get = |k: usize| index[k].map_or("", |i| cells[i]);
        match kind {
            Kind::Tasks => {
                let f = TaskFields {
                    program: get(0),
                    category: get(1),
                    title: get(2),
                    lead: get(3),
                    with: get(4),
                    cadence: get(5),
                    deadline: get(6),
                    status: get(7),
                    progress: get(8),
                    basis: get(9),
                    created_on: get(10),
                    completed_on: get(11),
                    description: get(12),
                };
                let task = fields::task(&o, &f, today)?;
                batch.tasks.push(Sourced {
                    origin: o,
                    value: ImportTask {
                        task,
                        history: Vec::new(),
                        urges: Vec::new(),
                    },
                });
            }
            Kind::Agencies => {
                let f = AgencyFields {
                    code: get(0),
                    name: get(1),
                    kind: get(2),
                    parent: get(3),
                    head: get(4),
                    members: get(5),
                    staff: get(6),
                };
                let value = fields::agency(&o, &f)?;
                batch.agencies.push(Sourced { origin: o, value });
            }
            Kind::Programs => {
                let f = ProgramFields {
                    code: get(0),
                    title: get(1),
                    kind: get(2),
                    starts_on: get(3),
                    ends_on: get(4),
                    parties: get(5),
                    basis: get(6),
                    review_months: get(7),
                };
                let value = fields::program(&o, &f)?;
                batch.programs.push(Sourced { origin: o, value });
            }
        }
        n += 1;
        if n % 50_000 == 0 {
            progress(n);
        }
    }
    Ok(batch)
}
