//! CSV import: one file holds one kind of record, told apart by its header (tasks,
//! agencies or programs; see `docs/formats.md`). Every field is checked; errors name the
//! file, line and field. A tasks file is streamed: read and checked in chunks on a
//! background thread (each chunk's rows in parallel) while the store writes the chunk
//! before, all in one transaction.

use std::io::BufRead;
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;
use unicode_normalization::char::is_combining_mark;

use super::fields::{self, AgencyFields, ProgramFields, TaskFields};
use crate::domain::fold::fold_char;
use crate::domain::{text, Agency, Program};
use crate::error::{Error, Result};
use crate::lang::facts::Import;
use crate::store::import::{ImportBatch, ImportTask, Origin, ReadyTask, Sourced};

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

fn columns_list(c: (&[&str], &[&str])) -> String {
    c.0.iter().chain(c.1).copied().collect::<Vec<_>>().join(",")
}

/// A parsed header: the kind of file, the column names and where each known column is.
struct Header {
    kind: Kind,
    names: Vec<String>,
    /// For each column of `columns(kind)` (required, then optional): its position.
    index: Vec<Option<usize>>,
    /// Added to the csv reader's line of a data record: 1 when lines end with CR LF (as
    /// Excel writes them), where the reader counts the LF of the line before as part of
    /// the record and so reports one line too few.
    line_fix: u64,
}

/// Whether the first line of a file ends with CR LF.
fn crlf(sample: &[u8]) -> bool {
    match sample.iter().position(|&b| b == b'\n') {
        Some(i) => i > 0 && sample[i - 1] == b'\r',
        None => false,
    }
}

/// A CSV syntax error, escaped: the message may quote bytes of the file.
fn csv_error(file: &str, e: csv::Error) -> Error {
    let line = e.position().map_or(0, |p| p.line());
    use crate::domain::text::escape;
    Error::Invalid(
        Import::Syntax {
            file: escape(file).into_owned(),
            line,
            json: false,
            detail: escape(&e.to_string()).into_owned(),
        }
        .into(),
    )
}

fn origin(file: &str, line: u64) -> Origin {
    Origin {
        file: file.to_string(),
        line,
    }
}

/// Reads and checks the header row.
fn header<R: std::io::Read>(file: &str, rdr: &mut csv::Reader<R>, crlf: bool) -> Result<Header> {
    let mut rec = csv::ByteRecord::new();
    if !rdr
        .read_byte_record(&mut rec)
        .map_err(|e| csv_error(file, e))?
    {
        return Err(origin(file, 1).invalid("header", Import::EmptyFile));
    }
    let o = origin(file, rec.position().map_or(1, |p| p.line()));
    let mut header: Vec<String> = Vec::new();
    for (i, raw) in rec.iter().enumerate() {
        let name = std::str::from_utf8(raw)
            .map_err(|_| o.invalid(&format!("column {}", i + 1), Import::HeaderNotUtf8))?;
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
            Import::UnknownHeader {
                header: text::escape(&header.join(",")).into_owned(),
                tasks: columns_list(TASK_COLUMNS),
                agencies: columns_list(AGENCY_COLUMNS),
                programs: columns_list(PROGRAM_COLUMNS),
            },
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
                Import::NotAColumn {
                    name: text::escape(h).into_owned(),
                    kind: what.to_string(),
                    columns: columns_list(cols),
                },
            ));
        }
        if header[..i].contains(h) {
            return Err(o.invalid(
                h,
                Import::ColumnTwice {
                    name: text::escape(h).into_owned(),
                },
            ));
        }
    }
    for c in cols.0 {
        if !header.iter().any(|h| h == c) {
            return Err(o.invalid(
                c,
                Import::ColumnMissing {
                    name: c.to_string(),
                },
            ));
        }
    }
    let index: Vec<Option<usize>> = cols
        .0
        .iter()
        .chain(cols.1)
        .map(|c| header.iter().position(|h| h == c))
        .collect();
    Ok(Header {
        kind,
        names: header,
        index,
        line_fix: u64::from(crlf),
    })
}

/// One checked row.
enum Row {
    Task(ReadyTask),
    Agency(Sourced<Agency>),
    Program(Sourced<Program>),
}

/// Checks one data row: `None` for a blank line.
fn row(file: &str, h: &Header, rec: &csv::ByteRecord, today: NaiveDate) -> Result<Option<Row>> {
    let o = origin(file, rec.position().map_or(0, |p| p.line()) + h.line_fix);
    if rec.len() == 1 && rec.get(0).is_some_and(|f| f.is_empty()) {
        return Ok(None);
    }
    let header = &h.names;
    if rec.len() != header.len() {
        let field = if rec.len() < header.len() {
            header[rec.len()].clone()
        } else {
            format!("column {}", header.len() + 1)
        };
        return Err(o.invalid(
            &field,
            Import::FieldCount {
                n: rec.len(),
                header: header.len(),
            },
        ));
    }
    let mut cells: [&str; 16] = [""; 16];
    for (i, raw) in rec.iter().enumerate() {
        let s = std::str::from_utf8(raw).map_err(|e| {
            o.invalid(
                &header[i],
                Import::TextNotUtf8 {
                    at: e.valid_up_to() + 1,
                },
            )
        })?;
        // At most 13 distinct columns (checked in the header).
        if let Some(c) = cells.get_mut(i) {
            *c = super::cells::read(s);
        }
    }
    let get = |k: usize| h.index[k].map_or("", |i| cells.get(i).copied().unwrap_or(""));
    Ok(Some(match h.kind {
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
            // The title is clean NFC text: folding needs no second normalization.
            let title_fold = task
                .title
                .chars()
                .filter(|c| !is_combining_mark(*c))
                .map(fold_char)
                .collect();
            Row::Task(ReadyTask {
                task: Sourced {
                    origin: o,
                    value: ImportTask {
                        task,
                        history: Vec::new(),
                        urges: Vec::new(),
                    },
                },
                title_fold,
            })
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
            Row::Agency(Sourced { origin: o, value })
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
            Row::Program(Sourced { origin: o, value })
        }
    }))
}

/// The field separator of a file, from its first line: `;` when that line has a
/// semicolon and no comma (as `export --excel` writes for a Vietnamese-locale Excel),
/// else `,`.
fn delimiter(sample: &[u8]) -> u8 {
    let first = sample.split(|&b| b == b'\n').next().unwrap_or(&[]);
    if first.contains(&b';') && !first.contains(&b',') {
        b';'
    } else {
        b','
    }
}

fn reader<R: std::io::Read>(r: R, delimiter: u8) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(r)
}

/// Reads the remaining rows of `rdr` into a batch, one by one.
fn read_rows<R: std::io::Read>(
    file: &str,
    h: &Header,
    mut rdr: csv::Reader<R>,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportBatch> {
    let mut batch = ImportBatch {
        label: file.to_string(),
        ..Default::default()
    };
    let mut rec = csv::ByteRecord::new();
    let mut n = 0u64;
    while rdr
        .read_byte_record(&mut rec)
        .map_err(|e| csv_error(file, e))?
    {
        match row(file, h, &rec, today)? {
            None => continue,
            Some(Row::Task(t)) => batch.tasks.push(t.task),
            Some(Row::Agency(a)) => batch.agencies.push(a),
            Some(Row::Program(p)) => batch.programs.push(p),
        }
        n += 1;
        if n % 50_000 == 0 {
            progress(n);
        }
    }
    Ok(batch)
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
    let mut rdr = reader(bytes, delimiter(bytes));
    let h = header(file, &mut rdr, crlf(bytes))?;
    read_rows(file, &h, rdr, today, progress)
}

/// Rows per chunk of a streamed tasks file: checked in parallel, written in order.
const CHUNK: usize = 4096;

/// The tasks of a CSV file, read and checked on a background thread (the rows of each
/// chunk in parallel) while the caller writes the previous chunk. Chunks come in file
/// order; the first error of the file (by line) ends the stream, after the rows before it.
pub struct TaskStream {
    rx: Option<std::sync::mpsc::Receiver<Result<Vec<ReadyTask>>>>,
    worker: Option<std::thread::JoinHandle<()>>,
}

impl Iterator for TaskStream {
    type Item = Result<Vec<ReadyTask>>;
    fn next(&mut self) -> Option<Self::Item> {
        self.rx.as_ref()?.recv().ok()
    }
}

impl Drop for TaskStream {
    fn drop(&mut self) {
        // Closing the channel stops the reader at its next chunk.
        self.rx = None;
        if let Some(w) = self.worker.take() {
            let _ = w.join();
        }
    }
}

fn stream_tasks<R: std::io::Read + Send + 'static>(
    file: String,
    h: Header,
    mut rdr: csv::Reader<R>,
    today: NaiveDate,
) -> TaskStream {
    let (tx, rx) = std::sync::mpsc::sync_channel(2);
    let worker = std::thread::spawn(move || loop {
        let mut raw: Vec<csv::ByteRecord> = Vec::with_capacity(CHUNK);
        let mut end: Option<Error> = None;
        let mut eof = false;
        while raw.len() < CHUNK {
            let mut rec = csv::ByteRecord::new();
            match rdr.read_byte_record(&mut rec) {
                Ok(true) => raw.push(rec),
                Ok(false) => {
                    eof = true;
                    break;
                }
                Err(e) => {
                    end = Some(csv_error(&file, e));
                    break;
                }
            }
        }
        let checked: Vec<Result<Option<Row>>> = raw
            .par_iter()
            .with_min_len(64)
            .map(|rec| row(&file, &h, rec, today))
            .collect();
        drop(raw);
        let mut ok = Vec::with_capacity(checked.len());
        for r in checked {
            match r {
                Ok(Some(Row::Task(t))) => ok.push(t),
                Ok(_) => {}
                Err(e) => {
                    end = Some(e);
                    break;
                }
            }
        }
        if tx.send(Ok(ok)).is_err() {
            return;
        }
        if let Some(e) = end {
            let _ = tx.send(Err(e));
            return;
        }
        if eof {
            return;
        }
    });
    TaskStream {
        rx: Some(rx),
        worker: Some(worker),
    }
}

/// A CSV file opened for import: a tasks file is streamed, the others are read whole.
pub enum CsvSource {
    Tasks(TaskStream),
    Records(ImportBatch),
}

/// Opens a CSV file, reads its header and, for a tasks file, starts checking its rows in
/// the background; agencies and programs files are read whole.
pub fn open(
    path: &Path,
    file: &str,
    enc: super::encoding::Encoding,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<CsvSource> {
    use super::encoding::{self, Encoding};
    let not_found = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(
            crate::lang::facts::Files::FileMissing {
                path: path.display().to_string(),
            }
            .into(),
        ),
        _ => Error::from(e),
    };
    let (ends_crlf, delim): (bool, u8);
    let input: Box<dyn std::io::Read + Send> = if enc == Encoding::Utf8 {
        let f = std::fs::File::open(path).map_err(not_found)?;
        let mut buf = std::io::BufReader::with_capacity(1 << 20, f);
        // The first mebibyte tells a file in another encoding.
        encoding::check_utf8(&path.display().to_string(), buf.fill_buf()?)?;
        if buf.fill_buf()?.starts_with(b"\xEF\xBB\xBF") {
            buf.consume(3);
        }
        ends_crlf = crlf(buf.fill_buf()?);
        delim = delimiter(buf.fill_buf()?);
        Box::new(buf)
    } else {
        let bytes = std::fs::read(path).map_err(not_found)?;
        let utf8 = encoding::decode(file, &bytes, enc)?.into_owned();
        drop(bytes);
        ends_crlf = crlf(&utf8);
        delim = delimiter(utf8.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&utf8));
        Box::new(std::io::Cursor::new(utf8))
    };
    let mut rdr = reader(input, delim);
    let h = header(file, &mut rdr, ends_crlf)?;
    if h.kind == Kind::Tasks {
        return Ok(CsvSource::Tasks(stream_tasks(
            file.to_string(),
            h,
            rdr,
            today,
        )));
    }
    read_rows(file, &h, rdr, today, progress).map(CsvSource::Records)
}
