//! Import and export (CSV, JSON). Formats are documented in `docs/formats.md`.
//!
//! Import reads and checks the whole file first (every field of every row, with file,
//! line and field in every error), then hands the batch to [`Store::import`], which
//! checks references and roles and writes everything in one transaction, or nothing.

pub mod csv_in;
pub mod export;
pub mod fields;
pub mod json_in;

use std::path::Path;

use chrono::NaiveDate;

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
                let b = read_file(&p, Some(FileFormat::Csv), today, progress)?;
                batch.agencies.extend(b.agencies);
                batch.programs.extend(b.programs);
                batch.tasks.extend(b.tasks);
            }
        }
        if !found {
            return Err(Error::NotFound(format!(
                "The directory {} holds none of {}.",
                path.display(),
                DIR_FILES.join(", ")
            )));
        }
        return Ok(batch);
    }
    read_file(path, format, today, progress)
}

fn read_file(
    path: &Path,
    format: Option<FileFormat>,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportBatch> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => {
            Error::NotFound(format!("The file {} does not exist.", path.display()))
        }
        _ => Error::from(e),
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match format.unwrap_or_else(|| FileFormat::guess(path)) {
        FileFormat::Csv => csv_in::read(&name, &bytes, today, progress),
        FileFormat::Json => json_in::read(&name, &bytes, today, progress),
    }
}

/// Imports a file (or a CSV export directory) into the store, all or nothing.
pub fn import(
    store: &mut Store,
    path: &Path,
    format: Option<FileFormat>,
    dry_run: bool,
    today: NaiveDate,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportOutcome> {
    let batch = read_path(path, format, today, progress)?;
    store.import(&batch, dry_run)
}
