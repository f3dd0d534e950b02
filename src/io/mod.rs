//! Import and export (CSV, JSON). Formats are documented in `docs/formats.md`.
//!
//! Import checks every field of every row (file, line and field in every error). Agencies,
//! programs and JSON files are read whole and handed to [`Store::import`]; a tasks CSV is
//! streamed to [`Store::import_stream`] (checked in parallel, written chunk by chunk).
//! Either way references and roles are checked in the store and everything is written in
//! one transaction, or nothing.

pub mod cells;
pub mod csv_in;
pub mod encoding;
pub mod export;
pub mod fields;
pub mod json_in;

use std::path::Path;

use chrono::NaiveDate;

pub use encoding::Encoding;

use crate::error::{Error, Result};
use crate::store::import::{ImportBatch, ImportOutcome};
use crate::store::Store;

/// File formats of import and export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Csv,
    Json,
}

impl FileFormat {
    /// The format a file name suggests: `.json` is JSON, anything else CSV.
    pub fn guess(path: &Path) -> FileFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => FileFormat::Json,
            _ => FileFormat::Csv,
        }
    }
}

/// The CSV files of a directory export, in the order an import reads them.
pub const DIR_FILES: [&str; 3] = ["agencies.csv", "programs.csv", "tasks.csv"];

/// Reads one file, or a directory written by `export --format csv --out DIR`, into a
/// batch. `progress` is called now and then with the number of records read.
pub fn read_path(
    path: &Path,
    format: Option<FileFormat>,
    enc: Encoding,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportBatch> {
    if path.is_dir() {
        let mut batch = ImportBatch {
            label: path.display().to_string(),
            ..Default::default()
        };
        let mut found = false;
        for name in DIR_FILES {
            let p = path.join(name);
            if p.exists() {
                found = true;
                let b = read_file(&p, Some(FileFormat::Csv), enc, today, progress)?;
                batch.agencies.extend(b.agencies);
                batch.programs.extend(b.programs);
                batch.tasks.extend(b.tasks);
            }
        }
        if !found {
            return Err(Error::NotFound(
                crate::lang::facts::Files::DirHoldsNone {
                    dir: path.display().to_string(),
                    files: DIR_FILES.join(", "),
                }
                .into(),
            ));
        }
        return Ok(batch);
    }
    read_file(path, format, enc, today, progress)
}

fn read_file(
    path: &Path,
    format: Option<FileFormat>,
    enc: Encoding,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportBatch> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(
            crate::lang::facts::Files::FileMissing {
                path: path.display().to_string(),
            }
            .into(),
        ),
        _ => Error::from(e),
    })?;
    let name = file_name(path);
    let bytes = if enc == Encoding::Utf8 {
        encoding::check_utf8(&path.display().to_string(), &bytes)?;
        bytes
    } else {
        encoding::decode(&name, &bytes, enc)?.into_owned()
    };
    match format.unwrap_or_else(|| FileFormat::guess(path)) {
        FileFormat::Csv => csv_in::read(&name, &bytes, today, progress),
        FileFormat::Json => json_in::read(&name, &bytes, today, progress),
    }
}

/// Imports a file (or a CSV export directory) into the store, all or nothing. A tasks
/// A file that is not UTF-8 is refused with a diagnosis of its encoding unless `enc`
/// names it (see [`encoding`]). A tasks CSV file (alone, or the `tasks.csv` of a directory) is streamed: checked in parallel
/// and written chunk by chunk in the one transaction, never held whole in memory.
pub fn import(
    store: &mut Store,
    path: &Path,
    format: Option<FileFormat>,
    enc: Encoding,
    dry_run: bool,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportOutcome> {
    let (mut head, tasks) = if path.is_dir() {
        let mut head = ImportBatch {
            label: path.display().to_string(),
            ..Default::default()
        };
        let mut found = false;
        for name in &DIR_FILES[..2] {
            let p = path.join(name);
            if p.exists() {
                found = true;
                let b = read_file(&p, Some(FileFormat::Csv), enc, today, progress)?;
                head.agencies.extend(b.agencies);
                head.programs.extend(b.programs);
                head.tasks.extend(b.tasks);
            }
        }
        let tasks = path.join(DIR_FILES[2]);
        if !tasks.exists() {
            if !found {
                return Err(Error::NotFound(
                    crate::lang::facts::Files::DirHoldsNone {
                        dir: path.display().to_string(),
                        files: DIR_FILES.join(", "),
                    }
                    .into(),
                ));
            }
            return store.import(&head, dry_run);
        }
        (head, tasks)
    } else {
        if format.unwrap_or_else(|| FileFormat::guess(path)) == FileFormat::Json {
            let batch = read_file(path, format, enc, today, progress)?;
            return store.import(&batch, dry_run);
        }
        let head = ImportBatch {
            label: file_name(path),
            ..Default::default()
        };
        (head, path.to_path_buf())
    };
    match csv_in::open(&tasks, &file_name(&tasks), enc, today, progress)? {
        csv_in::CsvSource::Tasks(mut stream) if head.tasks.is_empty() => {
            store.import_stream(&head, &mut stream, dry_run, progress)
        }
        csv_in::CsvSource::Tasks(stream) => {
            // Tasks in the agencies or programs file too: read everything, then import.
            for chunk in stream {
                head.tasks.extend(chunk?.into_iter().map(|t| t.task));
            }
            store.import(&head, dry_run)
        }
        csv_in::CsvSource::Records(b) => {
            head.agencies.extend(b.agencies);
            head.programs.extend(b.programs);
            head.tasks.extend(b.tasks);
            store.import(&head, dry_run)
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
