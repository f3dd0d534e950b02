//! `phoihop rollup DIR|FILE…`: the national roll-up over the provinces' replicas (read
//! only; see docs/rollup.md).
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::error::{Error, Result};
use crate::rollup::{self, Check};

/// The default `--max-age`: a province silent for two days is looked at.
pub const DEFAULT_MAX_AGE: &str = "2d";

/// Output formats of `rollup`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum RollupFormat {
    /// Markdown, in the interface language.
    #[default]
    Md,
    Json,
    Csv,
    /// An Excel workbook (needs --out).
    Xlsx,
    /// A Word document in the official layout (needs --out).
    Docx,
}

/// How each replica is checked before it is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CheckArg {
    /// SQLite's quick_check and the audit log's hash chain.
    #[default]
    Quick,
    /// Everything `phoihop check` verifies.
    Full,
    /// No check.
    None,
}

#[derive(Debug, Args)]
pub struct RollupArgs {
    /// The replicas: files, or directories whose *.db files are read.
    #[arg(required = true, value_name = "DIR|FILE")]
    pub paths: Vec<PathBuf>,
    /// One program (by code, the same in every province); all programs when left out.
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
    /// A period: 2019, 2019H1, 2019H2, 2019Q1…2019Q4 or 2015-2020 (as of its last day).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// First day of the period.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of the period (default: --as-of, else today).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// A province whose newest write is older than this is listed as stale, not summed:
    /// 30s, 90m, 36h or 7d; `none` never marks one stale.
    #[arg(long, default_value = DEFAULT_MAX_AGE, value_name = "AGE")]
    pub max_age: String,
    /// How each replica is checked before it is summed.
    #[arg(long, value_enum, default_value = "quick")]
    pub check: CheckArg,
    #[arg(long, value_enum, default_value = "md")]
    pub format: RollupFormat,
    /// CSV for a Vietnamese-locale Excel (as for `report`).
    #[arg(long)]
    pub excel: bool,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The name of the body issuing a Word roll-up, e.g. "Văn phòng Chính phủ" (default:
    /// dots for the clerk).
    #[arg(long, value_name = "NAME")]
    pub issuer: Option<String>,
    /// The issuer's code, the end of the Word roll-up's number (`BC-VPCP`, `-BC/VPTW`).
    #[arg(long, value_name = "CODE")]
    pub issuer_code: Option<String>,
    /// The Word roll-up in the Party's layout (Hướng dẫn 36-HD/VPTW) instead of the
    /// state's (Nghị định 30/2020/NĐ-CP).
    #[arg(long)]
    pub party: bool,
    /// The place of a Word roll-up's date line, e.g. "Hà Nội" (default: dots for the clerk).
    #[arg(long, value_name = "TEXT", env = "PHOIHOP_PLACE")]
    pub place: Option<String>,
}

/// Parses an age: digits then s, m, h or d; `none` for no limit.
pub fn parse_age(s: &str) -> Result<Option<i64>> {
    let t = s.trim();
    if t.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let bad = || {
        Error::Usage(
            crate::lang::facts::Cli::BadAge {
                text: crate::domain::text::escape(t).into_owned(),
            }
            .into(),
        )
    };
    let (num, unit) = t.split_at(t.len().saturating_sub(1));
    let n: i64 = num.parse().map_err(|_| bad())?;
    let mult = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3_600,
        "d" => 86_400,
        _ => return Err(bad()),
    };
    if n < 0 || num.starts_with('+') {
        return Err(bad());
    }
    n.checked_mul(mult).map(Some).ok_or_else(bad)
}

/// The roll-up's request from the arguments and the global --as-of (the same period
/// rules as `report`).
pub fn request(ctx: &super::Context, args: &RollupArgs) -> Result<rollup::Request> {
    let r = super::report::request(
        ctx,
        &super::report::ReportArgs {
            program: args.program.clone(),
            period: args.period.clone(),
            from: args.from.clone(),
            to: args.to.clone(),
            format: super::report::ReportFormat::Json,
            excel: false,
            out: None,
            issuer: None,
            place: None,
        },
    )?;
    Ok(rollup::Request {
        program: r.program,
        from: r.from,
        to: r.to,
        max_age: parse_age(&args.max_age)?,
        check: match args.check {
            CheckArg::Quick => Check::Quick,
            CheckArg::Full => Check::Full,
            CheckArg::None => Check::None,
        },
    })
}

/// Runs `phoihop rollup`.
pub fn run(ctx: &super::Context, args: &RollupArgs) -> Result<()> {
    let req = request(ctx, args)?;
    if args.format == RollupFormat::Xlsx && args.out.is_none() {
        return Err(Error::Usage(crate::lang::facts::Cli::RollupNeedsOut.into()));
    }
    if args.format == RollupFormat::Docx && args.out.is_none() {
        return Err(Error::Usage(
            crate::lang::facts::Cli::WordRollupNeedsOut.into(),
        ));
    }
    if (args.issuer.is_some() || args.issuer_code.is_some() || args.party)
        && args.format != RollupFormat::Docx
    {
        return Err(Error::Usage(
            "--issuer, --issuer-code and --party apply to --format docx only.".into(),
        ));
    }
    if args.excel && args.format != RollupFormat::Csv {
        return Err(Error::Usage(crate::lang::facts::Cli::ExcelCsvOnly.into()));
    }
    let files = rollup::replica_files(&args.paths)?;
    if let Some(out) = &args.out {
        for f in &files {
            crate::safe_file::refuse_database(out, f)?;
        }
    }
    let bar = super::progress::Progress::new(
        ctx.say(
            "Reading the provinces' replicas",
            "Đang đọc dữ liệu các tỉnh, thành phố",
        ),
        Some(files.len() as u64),
        super::progress::Unit::Files,
    );
    let built = rollup::build_reporting(&files, &req, ctx.today, &|| bar.inc());
    bar.finish();
    let r = built?;
    let bytes = match args.format {
        RollupFormat::Md => rollup::render::markdown(&r, ctx.lang).into_bytes(),
        RollupFormat::Json => rollup::render::json(&r)?.into_bytes(),
        RollupFormat::Csv => rollup::render::csv(&r, args.excel)?,
        RollupFormat::Xlsx => rollup::xlsx::render(&r, ctx.lang)?,
        RollupFormat::Docx => {
            let head = rollup::docx::letterhead(
                args.issuer.as_deref(),
                args.issuer_code.as_deref(),
                args.party,
                args.place.as_deref(),
            );
            rollup::docx::render(&r, &head, ctx.lang)?
        }
    };
    super::report::write_out(args.out.as_deref(), &bytes)?;
    let left = r.provinces.len() - r.summed().count();
    if left > 0 {
        eprintln!(
            "phoihop: {}",
            if ctx.lang == "vi" {
                format!(
                    "{left} trên {} tỉnh, thành phố không được tổng hợp (xem lý do trong báo cáo).",
                    r.provinces.len()
                )
            } else {
                format!(
                    "{left} of {} provinces are not summed (the report says why).",
                    r.provinces.len()
                )
            }
        );
    }
    Ok(())
}

/// `phoihop --rollup DIR`: the roll-up screen, as of --as-of (else today), with the
/// default age and check.
pub fn run_tui(ctx: &super::Context, cli: &super::Cli, dir: &std::path::Path) -> Result<()> {
    let files = rollup::replica_files(&[dir.to_path_buf()])?;
    let req = rollup::Request {
        program: cli.program.clone(),
        from: None,
        to: ctx.as_of_or_today(),
        max_age: parse_age(DEFAULT_MAX_AGE)?,
        check: Check::Quick,
    };
    crate::tui::run_rollup(
        crate::tui::Options {
            wall: None,
            db: ctx.db.clone(),
            read_only: true,
            lang: ctx.lang,
            as_of: ctx.as_of,
            program: cli.program.clone(),
            theme: cli.theme.unwrap_or_default(),
            // The roll-up screen reads no clicks.
            mouse: false,
        },
        files,
        req,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(parse_age("30s").unwrap(), Some(30));
        assert_eq!(parse_age("90m").unwrap(), Some(5400));
        assert_eq!(parse_age("2d").unwrap(), Some(172_800));
        assert_eq!(parse_age("none").unwrap(), None);
        for bad in ["", "d", "-3h", "+3h", "3w", "1.5h", "99999999999999999d"] {
            assert_eq!(parse_age(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }
}
