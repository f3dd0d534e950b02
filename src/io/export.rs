//! Export: JSON (everything: categories, agencies, programs, tasks with their histories
//! and urges, roles — one record per line) or CSV (the import columns; to a directory,
//! agencies.csv, programs.csv and tasks.csv). Read in one snapshot, so an export taken
//! while others write is consistent. CSV cells that a spreadsheet would read as a
//! formula are neutralized.

use std::io::Write;

use serde::Serialize;

use super::csv_in::{AGENCY_COLUMNS, PROGRAM_COLUMNS, TASK_COLUMNS};
use crate::error::{Error, Result};
use crate::lang::facts::{Files, Written};
use crate::store::Store;

fn io_err(e: std::io::Error) -> Error {
    Error::Other(
        Files::Encode {
            what: Written::Export,
            detail: e.to_string(),
        }
        .into(),
    )
}

fn line<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| {
        Error::Other(
            Files::Encode {
                what: Written::Json,
                detail: e.to_string(),
            }
            .into(),
        )
    })
}

fn array<W: Write, T: Serialize>(w: &mut W, key: &str, items: &[T], last: bool) -> Result<()> {
    writeln!(w, "\"{key}\": [").map_err(io_err)?;
    for (i, it) in items.iter().enumerate() {
        let sep = if i + 1 < items.len() { "," } else { "" };
        writeln!(w, "{}{sep}", line(it)?).map_err(io_err)?;
    }
    writeln!(w, "]{}", if last { "" } else { "," }).map_err(io_err)
}

/// Writes everything as JSON (the format `import` reads back).
pub fn json<W: Write>(store: &Store, w: &mut W) -> Result<u64> {
    store.tune_for_long_read()?;
    store.snapshot(|s| {
        writeln!(w, "{{\n\"format\": \"phoihop\",\n\"version\": 1,").map_err(io_err)?;
        array(w, "categories", &s.categories()?, false)?;
        array(w, "agencies", &s.agencies()?, false)?;
        array(w, "programs", &s.programs()?, false)?;
        writeln!(w, "\"tasks\": [").map_err(io_err)?;
        let total = s.task_total()?;
        let mut n = 0i64;
        s.for_each_task_record(|t| {
            n += 1;
            let sep = if n < total { "," } else { "" };
            writeln!(w, "{}{sep}", line(&t)?).map_err(io_err)
        })?;
        writeln!(w, "],").map_err(io_err)?;
        array(w, "roles", &s.grants()?, true)?;
        writeln!(w, "}}").map_err(io_err)?;
        w.flush().map_err(io_err)?;
        Ok(n as u64)
    })
}

fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().from_writer(w)
}

/// A CSV writer for a Vietnamese-locale Excel: `;` between fields (the list separator
/// of that locale, whose decimal mark is the comma) and CR LF line endings.
pub(crate) fn excel_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer(w)
}

fn header(cols: (&[&'static str], &[&'static str])) -> Vec<&'static str> {
    cols.0.iter().chain(cols.1).copied().collect()
}

fn cell(s: &str) -> String {
    super::cells::write(s).into_owned()
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(cell).unwrap_or_default()
}

fn csv_err(e: csv::Error) -> Error {
    Error::Other(
        Files::Encode {
            what: Written::CsvExport,
            detail: e.to_string(),
        }
        .into(),
    )
}

/// Writes the tasks as CSV in the import columns (plus `created_on`, `completed_on`,
/// `description`), formula cells neutralized (see [`super::cells`]). `excel` writes for
/// a Vietnamese-locale Excel: a UTF-8 BOM, `;` between fields, CR LF line endings
/// (import reads that back as well).
pub fn tasks_csv<W: Write>(store: &Store, w: W, excel: bool) -> Result<u64> {
    store.tune_for_long_read()?;
    store.snapshot(|s| tasks_csv_in(s, w, excel))
}

fn tasks_csv_in<W: Write>(store: &Store, w: W, excel: bool) -> Result<u64> {
    let mut w = w;
    if excel {
        w.write_all(b"\xEF\xBB\xBF").map_err(io_err)?;
    }
    let mut c = if excel {
        excel_writer(w)
    } else {
        csv_writer(w)
    };
    c.write_record(header(TASK_COLUMNS)).map_err(csv_err)?;
    let mut n = 0;
    // The one read path, every live task in id order: one statement, no query per row.
    let all = crate::store::TaskFilter::default();
    let sort = crate::store::TaskSort::Id;
    store.each_task_at(&all, sort, false, 0, usize::MAX, None, |t| {
        n += 1;
        let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        c.write_record([
            cell(&t.program),
            cell(&t.category),
            cell(&t.title),
            cell(&t.lead),
            cell(&t.with.join(";")),
            t.cadence.code().to_string(),
            d(t.deadline),
            t.status.code().to_string(),
            t.progress.get().to_string(),
            opt(&t.basis),
            t.created_on.to_string(),
            d(t.completed_on),
            opt(&t.description),
        ])
        .map_err(csv_err)
    })?;
    c.flush().map_err(io_err)?;
    Ok(n)
}

/// Writes the agencies as CSV.
pub fn agencies_csv<W: Write>(store: &Store, w: W) -> Result<u64> {
    let mut c = csv_writer(w);
    c.write_record(header(AGENCY_COLUMNS)).map_err(csv_err)?;
    let all = store.agencies()?;
    for a in &all {
        c.write_record([
            cell(&a.code),
            cell(&a.name),
            a.kind.code().to_string(),
            opt(&a.parent),
            opt(&a.head),
            a.members.map(|n| n.to_string()).unwrap_or_default(),
            a.staff.map(|n| n.to_string()).unwrap_or_default(),
        ])
        .map_err(csv_err)?;
    }
    c.flush().map_err(io_err)?;
    Ok(all.len() as u64)
}

/// Writes the programs as CSV.
pub fn programs_csv<W: Write>(store: &Store, w: W) -> Result<u64> {
    let mut c = csv_writer(w);
    c.write_record(header(PROGRAM_COLUMNS)).map_err(csv_err)?;
    let all = store.programs()?;
    for p in &all {
        c.write_record([
            cell(&p.code),
            cell(&p.title),
            p.kind.code().to_string(),
            p.starts_on.to_string(),
            p.ends_on.to_string(),
            cell(&p.parties.join(";")),
            opt(&p.basis),
            p.review_months.to_string(),
        ])
        .map_err(csv_err)?;
    }
    c.flush().map_err(io_err)?;
    Ok(all.len() as u64)
}

/// Writes agencies.csv, programs.csv and tasks.csv into `dir` (created if needed), from
/// one snapshot.
pub fn csv_dir(store: &Store, dir: &std::path::Path) -> Result<u64> {
    std::fs::create_dir_all(dir)?;
    store.tune_for_long_read()?;
    let open = |name: &str| -> Result<std::io::BufWriter<std::fs::File>> {
        Ok(std::io::BufWriter::new(std::fs::File::create(
            dir.join(name),
        )?))
    };
    store.snapshot(|s| {
        agencies_csv(s, open("agencies.csv")?)?;
        programs_csv(s, open("programs.csv")?)?;
        tasks_csv_in(s, open("tasks.csv")?, false)
    })
}
