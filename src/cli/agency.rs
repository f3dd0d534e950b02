//! agency add|list|show|edit|remove.
use clap::{Args, Subcommand};

use super::output::{self, Cell, Record};
use super::{Context, Format};
use crate::domain::{Agency, AgencyKind};
use crate::error::Result;
use crate::store::AgencyEdit;

#[derive(Debug, Subcommand)]
pub enum AgencyCmd {
    /// Add an agency.
    Add(AddArgs),
    /// List agencies.
    List(ListArgs),
    /// Show one agency.
    Show(ShowArgs),
    /// Change an agency (only the fields given).
    Edit(EditArgs),
    /// Remove an agency that nothing refers to, now or in the past.
    Remove(CodeArg),
    /// Merge an agency into another from a date: its tasks pass to the other agency
    /// from that date; earlier dates keep showing the old agency.
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The agency that ends (its code).
    pub code: String,
    /// The agency that takes its work over.
    #[arg(long, value_name = "CODE")]
    pub into: String,
    /// The date the merger takes effect (default: today).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// Short code (case-sensitive), e.g. BTC.
    pub code: String,
    /// Full name, e.g. "Ban Tổ chức Tỉnh ủy".
    #[arg(long)]
    pub name: String,
    /// party|government|front.
    #[arg(long, default_value = "party")]
    pub kind: String,
    /// Code of the agency above this one.
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    /// Name of the head.
    #[arg(long, value_name = "NAME")]
    pub head: Option<String>,
    /// Number of party members.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub members: Option<i64>,
    /// Number of staff.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub staff: Option<i64>,
    /// Its place among the agencies under the same parent, in protocol order (1 = first;
    /// default: last).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub position: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only agencies whose name or code matches (fuzzy, diacritics and case ignored), best first.
    #[arg(long, value_name = "Q")]
    pub search: Option<String>,
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
    pub name: Option<String>,
    /// party|government|front.
    #[arg(long)]
    pub kind: Option<String>,
    /// New parent agency code ("" for none).
    #[arg(long, value_name = "CODE")]
    pub parent: Option<String>,
    /// New head ("" for none).
    #[arg(long, value_name = "NAME")]
    pub head: Option<String>,
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub members: Option<i64>,
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub staff: Option<i64>,
    /// Its place among the agencies under the same parent, in protocol order (1 = first).
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub position: Option<i64>,
}

/// Refuses a position that is no place in the order, before anything is written.
fn check_position(p: Option<i64>) -> Result<()> {
    match p {
        Some(n) if n < 1 => Err(crate::error::Error::invalid(
            crate::lang::facts::Cli::BadPosition { n },
        )),
        _ => Ok(()),
    }
}

/// "" (or only spaces) means "none" for an optional field being edited.
pub(crate) fn opt_or_none(v: &Option<String>) -> Option<Option<String>> {
    v.as_ref().map(|s| {
        if s.trim().is_empty() {
            None
        } else {
            Some(s.clone())
        }
    })
}

/// The columns of an agency record.
pub const KEYS: &[&str] = &["code", "name", "kind", "parent", "head", "members", "staff"];

/// An agency as an output record.
pub fn record(a: &Agency) -> Record {
    Record::new()
        .text("code", &a.code)
        .text("name", &a.name)
        .code("kind", a.kind.code())
        .field("parent", Cell::OptText(a.parent.clone()))
        .field("head", Cell::OptText(a.head.clone()))
        .field("members", Cell::OptInt(a.members))
        .field("staff", Cell::OptInt(a.staff))
}

/// Runs an `agency` subcommand.
pub fn run(ctx: &Context, cmd: &AgencyCmd) -> Result<()> {
    match cmd {
        AgencyCmd::Add(a) => {
            check_position(a.position)?;
            let mut store = ctx.open()?;
            let added = store.add_agency(Agency {
                code: a.code.clone(),
                name: a.name.clone(),
                kind: a.kind.parse::<AgencyKind>()?,
                parent: a.parent.clone().filter(|p| !p.trim().is_empty()),
                head: a.head.clone(),
                members: a.members,
                staff: a.staff,
            })?;
            if let Some(n) = a.position {
                store.set_agency_position(&added.code, n)?;
            }
            output::confirm(&format!(
                "{} {} ({}).",
                ctx.say("Added agency", "Đã thêm cơ quan"),
                added.code,
                added.name
            ))
        }
        AgencyCmd::List(a) => {
            let store = ctx.open()?;
            let list = match &a.search {
                Some(q) => super::search::search_agencies(&store, q)?
                    .into_iter()
                    .map(|(agency, _)| agency)
                    .collect(),
                None => store.agencies()?,
            };
            let records: Vec<Record> = list.iter().map(record).collect();
            output::list(a.format, ctx.lang, KEYS, &records)
        }
        AgencyCmd::Show(a) => {
            let store = ctx.open()?;
            output::show(a.format, ctx.lang, &record(&store.agency(&a.code)?))
        }
        AgencyCmd::Edit(a) => {
            check_position(a.position)?;
            let mut store = ctx.open()?;
            let edit = AgencyEdit {
                name: a.name.clone(),
                kind: a
                    .kind
                    .as_deref()
                    .map(str::parse::<AgencyKind>)
                    .transpose()?,
                parent: opt_or_none(&a.parent),
                head: opt_or_none(&a.head),
                members: a.members.map(Some),
                staff: a.staff.map(Some),
                on: Some(ctx.today),
            };
            // Only a new position: the record itself is not touched.
            let only_position = a.position.is_some()
                && edit
                    == AgencyEdit {
                        on: Some(ctx.today),
                        ..Default::default()
                    };
            if !only_position {
                store.edit_agency(&a.code, edit)?;
            }
            if let Some(n) = a.position {
                store.set_agency_position(&a.code, n)?;
            }
            output::confirm(&format!(
                "{} {}.",
                ctx.say("Changed agency", "Đã sửa cơ quan"),
                a.code
            ))
        }
        AgencyCmd::Merge(a) => {
            let on = match &a.on {
                Some(s) => crate::domain::date::parse_date("--on date", s)?,
                None => ctx.today,
            };
            let mut store = ctx.open()?;
            let m = store.merge_agency(&a.code, &a.into, on)?;
            output::confirm(&format!(
                "{} {} → {} ({} {}): {} {}, {} {}.",
                ctx.say("Merged agency", "Đã hợp nhất cơ quan"),
                a.code,
                a.into,
                ctx.say("from", "từ ngày"),
                on.format("%d/%m/%Y"),
                m.led,
                ctx.say("tasks led", "nhiệm vụ chủ trì"),
                m.coordinated,
                ctx.say("tasks coordinated", "nhiệm vụ phối hợp")
            ))
        }
        AgencyCmd::Remove(a) => {
            let mut store = ctx.open()?;
            store.remove_agency(&a.code)?;
            output::confirm(&format!(
                "{} {}.",
                ctx.say("Removed agency", "Đã xóa cơ quan"),
                a.code
            ))
        }
    }
}
