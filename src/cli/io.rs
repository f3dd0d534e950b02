//! `phoihop import` and `phoihop export`.
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, Result};
use crate::io::{self, FileFormat};
use crate::store::import::ImportOutcome;

/// File formats of import and export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IoFormat {
    Csv,
    Json,
}

impl From<IoFormat> for FileFormat {
    fn from(f: IoFormat) -> FileFormat {
        match f {
            IoFormat::Csv => FileFormat::Csv,
            IoFormat::Json => FileFormat::Json,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import (or a directory written by `export --format csv --out DIR`).
    pub file: PathBuf,
    /// The file's format (default: from its extension; .json is JSON, else CSV).
    #[arg(long, value_enum)]
    pub format: Option<IoFormat>,
    /// Check everything and report what would change, without changing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// The file's encoding (default utf-8; a file in another encoding is refused with
    /// the iconv line that converts it).
    #[arg(long, value_enum, default_value = "utf-8")]
    pub encoding: FileEncoding,
}

/// Encodings `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FileEncoding {
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    #[value(name = "windows-1258", alias = "cp1258")]
    Windows1258,
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
}

impl From<FileEncoding> for io::Encoding {
    fn from(e: FileEncoding) -> io::Encoding {
        match e {
            FileEncoding::Utf8 => io::Encoding::Utf8,
            FileEncoding::Windows1258 => io::Encoding::Windows1258,
            FileEncoding::Utf16 => io::Encoding::Utf16,
        }
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// json: everything (histories, urges, roles); csv: agencies, programs and tasks.
    #[arg(long, value_enum, default_value = "json")]
    pub format: IoFormat,
    /// Write here instead of standard output. With csv, a directory receives
    /// agencies.csv, programs.csv and tasks.csv; a file receives the tasks.
    #[arg(long, value_name = "FILE|DIR")]
    pub out: Option<PathBuf>,
    /// CSV for a Vietnamese-locale Excel: a UTF-8 byte order mark, `;` between fields,
    /// CR LF line endings (import reads it back).
    #[arg(long)]
    pub excel: bool,
}

fn describe(o: &ImportOutcome, vi: bool) -> String {
    let parts: Vec<String> = [
        (o.agencies_added, "cơ quan", "agencies"),
        (o.programs_added, "chương trình", "programs"),
        (o.categories_added, "lĩnh vực", "categories"),
        (o.tasks_added, "nhiệm vụ", "tasks"),
        (o.history_added, "mục lịch sử tiến độ", "history entries"),
        (o.urges_added, "lượt đôn đốc", "urges"),
        (o.roles_added, "quyền", "roles"),
    ]
    .iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, v, e)| format!("{n} {}", if vi { v } else { e }))
    .collect();
    let unchanged =
        o.agencies_unchanged + o.programs_unchanged + o.categories_unchanged + o.roles_unchanged;
    let what = if parts.is_empty() {
        if vi {
            "không có gì mới".to_string()
        } else {
            "nothing new".to_string()
        }
    } else {
        parts.join(", ")
    };
    match (o.dry_run, vi) {
        (true, true) => format!("Kiểm tra xong, không có lỗi; nếu nhập sẽ thêm: {what} ({unchanged} bản ghi đã có, giữ nguyên). Chưa thay đổi gì."),
        (false, true) => format!("Đã nhập: {what} ({unchanged} bản ghi đã có, giữ nguyên)."),
        (true, false) => format!("Checked, no errors; an import would add: {what} ({unchanged} records already present, unchanged). Nothing was changed."),
        (false, false) => format!("Imported: {what} ({unchanged} records already present, unchanged)."),
    }
}

/// Runs `phoihop import`.
pub fn import(ctx: &super::Context, args: &ImportArgs) -> Result<()> {
    use super::progress::{count_lines, Progress, Unit};
    // A CSV file's rows are estimated by its lines (read with the user's own group); a
    // JSON file or a directory shows a counter with its rate.
    let csv = args.file.is_file()
        && (matches!(args.format, Some(IoFormat::Csv))
            || args.format.is_none()
                && args
                    .file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("csv")));
    let total = if csv {
        crate::safe_file::as_real_group(|| Ok(count_lines(&args.file)))
            .ok()
            .flatten()
            .map(|n| n.saturating_sub(1))
    } else {
        None
    };
    let bar = Progress::new(ctx.say("Importing", "Đang nhập"), total, Unit::Rows);
    let mut progress = |n: u64| bar.set(n);
    let mut store = ctx.open_or_create()?;
    // The file the user names is read with the user's own group under a setgid install
    // (the database's files are already open).
    let result = crate::safe_file::as_real_group(|| {
        io::import(
            &mut store,
            &args.file,
            args.format.map(Into::into),
            args.encoding.into(),
            args.dry_run,
            ctx.today,
            &mut progress,
        )
    });
    bar.finish();
    let outcome = result?;
    println!("{}", describe(&outcome, ctx.lang == "vi"));
    Ok(())
}

/// Runs `phoihop export`.
pub fn export(ctx: &super::Context, args: &ExportArgs) -> Result<()> {
    if let Some(out) = &args.out {
        crate::safe_file::refuse_database(out, &ctx.db)?;
    }
    let store = ctx.open()?;
    let open = |p: &std::path::Path| -> Result<std::io::BufWriter<std::fs::File>> {
        crate::safe_file::create_output(p, crate::safe_file::OUTPUT_MODE)
            .map(std::io::BufWriter::new)
    };
    use super::progress::{Counting, Progress, Unit};
    let what = ctx.say("Exporting", "Đang xuất");
    // CSV: a row per task, counted as its lines are written; JSON: the bytes written.
    let rows = || -> Progress {
        let total = store
            .count_tasks(&Default::default())
            .ok()
            .map(|n| n.max(0) as u64);
        Progress::new(what, total, Unit::Rows)
    };
    let bytes = || Progress::new(what, None, Unit::Bytes);
    match (args.format, &args.out) {
        (IoFormat::Json, Some(p)) => {
            let bar = bytes();
            io::export::json(&store, &mut Counting::new(open(p)?, &bar, Unit::Bytes)).map(|_| ())
        }
        (IoFormat::Json, None) => {
            let bar = bytes();
            let so = std::io::BufWriter::new(std::io::stdout().lock());
            ignore_pipe(
                io::export::json(&store, &mut Counting::new(so, &bar, Unit::Bytes)).map(|_| ()),
            )
        }
        (IoFormat::Csv, Some(p))
            if p.is_dir() || p.as_os_str().to_string_lossy().ends_with('/') =>
        {
            // Written with the user's own group under a setgid install.
            crate::safe_file::as_real_group(|| io::export::csv_dir(&store, p).map(|_| ()))
        }
        (IoFormat::Csv, Some(p)) => {
            let bar = rows();
            io::export::tasks_csv(
                &store,
                Counting::new(open(p)?, &bar, Unit::Rows),
                args.excel,
            )
            .map(|_| ())
        }
        (IoFormat::Csv, None) => {
            let bar = rows();
            let so = std::io::BufWriter::new(std::io::stdout().lock());
            ignore_pipe(
                io::export::tasks_csv(&store, Counting::new(so, &bar, Unit::Rows), args.excel)
                    .map(|_| ()),
            )
        }
    }
}

fn ignore_pipe(r: Result<()>) -> Result<()> {
    match r {
        Err(Error::Other(m)) if m.render(crate::lang::Lang::En).contains("Broken pipe") => Ok(()),
        other => other,
    }
}
