//! program add|list|show|edit|remove.
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use super::agency::opt_or_none;
use super::output::{self, Cell, Record};
use super::{Context, Format};
use crate::domain::{date::parse_date, Program, ProgramKind};
use crate::error::Result;
use crate::store::ProgramEdit;

#[derive(Debug, Subcommand)]
pub enum ProgramCmd {
    /// Add a program.
    Add(AddArgs),
    /// List programs.
    List(ListArgs),
    /// Show one program.
    Show(ShowArgs),
    /// Change a program (only the fields given).
    Edit(EditArgs),
    /// Remove a program that has no tasks.
    Remove(CodeArg),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Short code (case-sensitive), e.g. PH-2019.
    pub code: String,
    #[arg(long)]
    pub title: String,
    /// First day (YYYY-MM-DD or dd/mm/yyyy).
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// Last day (YYYY-MM-DD or dd/mm/yyyy).
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// coordination|building|action.
    #[arg(long, default_value = "coordination")]
    pub kind: String,
    /// A signatory agency (repeat for each).
    #[arg(long = "party", value_name = "CODE")]
    pub parties: Vec<String>,
    /// Legal basis, e.g. "Nghị quyết 18-NQ/TW".
    #[arg(long, value_name = "TEXT")]
    pub basis: Option<String>,
    /// Months between preliminary reviews (sơ kết).
    #[arg(long, value_name = "N", default_value_t = 6)]
    pub review_months: u32,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    pub code: String,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct CodeArg {
    pub code: String,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    pub code: String,
    #[arg(long)]
    pub title: Option<String>,
    /// coordination|building|action.
    #[arg(long)]
    pub kind: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Replace the signatory agencies (repeat for each).
    #[arg(long = "party", value_name = "CODE")]
    pub parties: Vec<String>,
    /// Remove every signatory agency.
    #[arg(long, conflicts_with = "parties")]
    pub no_parties: bool,
    /// New legal basis ("" for none).
    #[arg(long, value_name = "TEXT")]
    pub basis: Option<String>,
    #[arg(long, value_name = "N")]
    pub review_months: Option<u32>,
    /// The program's own review dates, comma-separated (e.g. 30/06/2021,31/12/2021; its
    /// last day is always the final review); `default` goes back to the end of each
    /// period of --review-months (30/06 and 31/12 for 6).
    #[arg(long, value_name = "DATES")]
    pub reviews: Option<String>,
}

/// Parses `--reviews`: dates separated by commas, or `default`.
fn parse_reviews(s: &str) -> Result<Option<Vec<NaiveDate>>> {
    if s.trim().eq_ignore_ascii_case("default") {
        return Ok(None);
    }
    let dates = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| parse_date("review date (--reviews)", p))
        .collect::<Result<Vec<_>>>()?;
    if dates.is_empty() {
        return Err(crate::error::Error::Usage(
            crate::lang::facts::Cli::NoReviewDates.into(),
        ));
    }
    Ok(Some(dates))
}

fn opt_date(field: &str, v: &Option<String>) -> Result<Option<NaiveDate>> {
    v.as_deref().map(|s| parse_date(field, s)).transpose()
}

/// The columns of a program record.
pub const KEYS: &[&str] = &[
    "code",
    "title",
    "kind",
    "from",
    "to",
    "parties",
    "basis",
    "review_months",
];

/// A program as an output record.
pub fn record(p: &Program) -> Record {
    Record::new()
        .text("code", &p.code)
        .text("title", &p.title)
        .code("kind", p.kind.code())
        .field("from", Cell::Date(Some(p.starts_on)))
        .field("to", Cell::Date(Some(p.ends_on)))
        .field("parties", Cell::List(p.parties.clone()))
        .field("basis", Cell::OptText(p.basis.clone()))
        .field("review_months", Cell::Int(p.review_months.into()))
}

/// Runs a `program` subcommand.
pub fn run(ctx: &Context, cmd: &ProgramCmd) -> Result<()> {
    match cmd {
        ProgramCmd::Add(a) => {
            let program = Program {
                code: a.code.clone(),
                title: a.title.clone(),
                kind: a.kind.parse::<ProgramKind>()?,
                starts_on: parse_date("start date (--from)", &a.from)?,
                ends_on: parse_date("end date (--to)", &a.to)?,
                parties: a.parties.clone(),
                basis: a.basis.clone(),
                review_months: a.review_months,
            };
            let mut store = ctx.open()?;
            let added = store.add_program(program)?;
            output::confirm(&format!(
                "{} {} ({}).",
                ctx.say("Added program", "Đã thêm chương trình"),
                added.code,
                added.title
            ))
        }
        ProgramCmd::List(a) => {
            let store = ctx.open()?;
            let records: Vec<Record> = store.programs()?.iter().map(record).collect();
            output::list(a.format, ctx.lang, KEYS, &records)
        }
        ProgramCmd::Show(a) => {
            let store = ctx.open()?;
            output::show(a.format, ctx.lang, &record(&store.program(&a.code)?))
        }
        ProgramCmd::Edit(a) => {
            let edit = ProgramEdit {
                title: a.title.clone(),
                kind: a
                    .kind
                    .as_deref()
                    .map(str::parse::<ProgramKind>)
                    .transpose()?,
                starts_on: opt_date("start date (--from)", &a.from)?,
                ends_on: opt_date("end date (--to)", &a.to)?,
                parties: if a.no_parties {
                    Some(Vec::new())
                } else if a.parties.is_empty() {
                    None
                } else {
                    Some(a.parties.clone())
                },
                basis: opt_or_none(&a.basis),
                review_months: a.review_months,
            };
            let reviews = a.reviews.as_deref().map(parse_reviews).transpose()?;
            let mut store = ctx.open()?;
            // Only new review dates: the record itself is not touched.
            if reviews.is_none() || edit != ProgramEdit::default() {
                store.edit_program(&a.code, edit)?;
            }
            if let Some(r) = &reviews {
                store.set_program_reviews(&a.code, r.as_deref())?;
            }
            output::confirm(&format!(
                "{} {}.",
                ctx.say("Changed program", "Đã sửa chương trình"),
                a.code
            ))
        }
        ProgramCmd::Remove(a) => {
            let mut store = ctx.open()?;
            store.remove_program(&a.code)?;
            output::confirm(&format!(
                "{} {}.",
                ctx.say("Removed program", "Đã xóa chương trình"),
                a.code
            ))
        }
    }
}
