//! `phoihop report`: a review report for a program and a period.
use std::io::Write;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, Result};
use crate::lang::facts::{Cli, Files, Written};
use crate::report::{self, Request};

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    /// Aligned text for a terminal.
    #[default]
    Table,
    /// Markdown, phrased like the review reports (Vietnamese or English).
    Md,
    Csv,
    Json,
    /// An Excel workbook (needs --out).
    Xlsx,
    /// A Word document in the official layout of the issuing body (needs --out).
    Docx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The program (by code); all programs when left out.
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
    /// A period: 2019, 2019H1, 2019H2, 2019Q1…2019Q4 or 2015-2020 (the report is as of its last day).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// First day of the period (YYYY-MM-DD or dd/mm/yyyy).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period (default: --as-of, else today).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// CSV for a Vietnamese-locale Excel: a UTF-8 byte order mark, `;` between fields,
    /// CR LF line endings, decimal commas.
    #[arg(long)]
    pub excel: bool,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The agency issuing a Word report (its code; default: the program's first signatory
    /// in protocol order). A Party body gets the Party's layout, any other the state's.
    #[arg(long, value_name = "CODE")]
    pub issuer: Option<String>,
    /// The place of a Word report's date line, e.g. "Quảng Ninh" (default: dots for the clerk).
    #[arg(long, value_name = "TEXT", env = "PHOIHOP_PLACE")]
    pub place: Option<String>,
}

fn parse(field: &str, s: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    s.as_deref()
        .map(|s| crate::domain::date::parse_date(field, s).map_err(|e| Error::Usage(e.into())))
        .transpose()
}

/// Works out the request from the arguments and the global --as-of.
pub fn request(ctx: &super::Context, args: &ReportArgs) -> Result<Request> {
    let (from, to) = if let Some(p) = &args.period {
        if ctx.as_of.is_some() {
            return Err(Error::Usage(Cli::PeriodAndAsOf.into()));
        }
        let (f, t) = report::parse_period(p)?;
        // A period that has not ended yet is reported as of today: tasks due later in
        // it are not late yet.
        (Some(f), t.min(ctx.today.max(f)))
    } else {
        let to = parse("--to date", &args.to)?;
        if to.is_some() && ctx.as_of.is_some() {
            return Err(Error::Usage(Cli::ToAndAsOf.into()));
        }
        (
            parse("--from date", &args.from)?,
            to.or(ctx.as_of).unwrap_or(ctx.today),
        )
    };
    Ok(Request {
        program: args.program.clone(),
        from,
        to,
    })
}

/// Runs `phoihop report`.
pub fn run(ctx: &super::Context, args: &ReportArgs) -> Result<()> {
    let req = request(ctx, args)?;
    if args.format == ReportFormat::Xlsx && args.out.is_none() {
        return Err(Error::Usage(Cli::ExcelNeedsOut.into()));
    }
    if args.format == ReportFormat::Docx && args.out.is_none() {
        return Err(Error::Usage(Cli::WordNeedsOut.into()));
    }
    if args.issuer.is_some() && args.format != ReportFormat::Docx {
        return Err(Error::Usage(Cli::IssuerDocxOnly.into()));
    }
    if args.excel && args.format != ReportFormat::Csv {
        return Err(Error::Usage(Cli::ExcelCsvOnly.into()));
    }
    if let Some(out) = &args.out {
        crate::safe_file::refuse_database(out, &ctx.db)?;
    }
    let store = ctx.open()?;
    // The report reads the task B-trees several times (the sums, the lists, the
    // ranking): a page cache the size of the file keeps them (docs/performance.md).
    store.tune_for_report()?;
    use super::progress::{Progress, Unit};
    // The long formats show what they are doing on a terminal: the sums (no count), the
    // rows of a workbook, the writing of a document.
    let long = matches!(
        args.format,
        ReportFormat::Md | ReportFormat::Docx | ReportFormat::Xlsx
    );
    let spin = |en: &str, vi: &str| long.then(|| Progress::spinner(ctx.say(en, vi)));
    let computing = spin("Computing the report", "Đang tính số liệu báo cáo");
    // One snapshot: every part of the report from the same commit.
    // The series over time is shown by the JSON and the workbook only.
    let parts = match args.format {
        ReportFormat::Json | ReportFormat::Xlsx => report::Parts::Whole,
        _ => report::Parts::Document,
    };
    let built = store.snapshot(|s| report::build_parts(s, &req, ctx.today, parts));
    drop(computing);
    let r = built?;
    let lang = ctx.lang;
    let bytes = match args.format {
        ReportFormat::Table => report::table::render(&r, lang).into_bytes(),
        ReportFormat::Md => {
            let _writing = spin("Writing the report", "Đang viết báo cáo");
            report::markdown::render(&r, lang).into_bytes()
        }
        ReportFormat::Json => report::json::render(&r)?.into_bytes(),
        ReportFormat::Csv => report::csv::render(&r, args.excel)?,
        ReportFormat::Xlsx => {
            let reading = spin("Reading the tasks", "Đang đọc các nhiệm vụ");
            let tasks = store.tasks_as_of(req.program.as_deref(), req.to, ctx.today, false);
            drop(reading);
            let tasks = tasks?;
            let mut bar: Option<Progress> = None;
            let mut step = |s: report::xlsx::Step| match s {
                report::xlsx::Step::Rows { done, total } => {
                    let b = bar.get_or_insert_with(|| {
                        Progress::new(
                            ctx.say(
                                "Writing the workbook's rows",
                                "Đang ghi các dòng của bảng tính",
                            ),
                            Some(total),
                            Unit::Rows,
                        )
                    });
                    b.set(done);
                }
                report::xlsx::Step::Packing => {
                    bar = Some(Progress::spinner(
                        ctx.say("Compressing the workbook", "Đang nén tệp bảng tính"),
                    ));
                }
            };
            let written = report::xlsx::render_reporting(&r, &tasks, lang, &mut step);
            drop(bar);
            written?
        }
        ReportFormat::Docx => {
            let head = report::docx::letterhead(
                &store,
                &r,
                args.issuer.as_deref(),
                args.place.as_deref(),
            )?;
            let _writing = spin("Writing the document", "Đang soạn văn bản");
            report::docx::render(&r, &head, lang)?
        }
    };
    write_out(args.out.as_deref(), &bytes)
}

/// Writes bytes to a file, or to standard output (a closed pipe is not an error).
pub fn write_out(out: Option<&std::path::Path>, bytes: &[u8]) -> Result<()> {
    match out {
        Some(p) => crate::safe_file::create_output(p, crate::safe_file::OUTPUT_MODE)?
            .write_all(bytes)
            .map_err(|e| {
                Error::Other(
                    Files::CannotWrite {
                        path: p.display().to_string(),
                        detail: e.to_string(),
                    }
                    .into(),
                )
            }),
        None => {
            let mut so = std::io::stdout().lock();
            match so.write_all(bytes).and_then(|_| so.flush()) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::Other(
                    Files::Encode {
                        what: Written::Report,
                        detail: e.to_string(),
                    }
                    .into(),
                )),
                Ok(()) => Ok(()),
            }
        }
    }
}
