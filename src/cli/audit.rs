//! audit list|verify: the audit log and its hash chain.
use clap::{Args, Subcommand};

use super::output::{self, Cell, Record};
use super::{Context, Format};
use crate::error::{Error, Result};
use crate::store::AuditRow;

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// The newest audit rows, newest first.
    List(ListArgs),
    /// Check the audit log: its hash chain, its append-only triggers and that no row is
    /// missing; prints the chain head to keep off the server.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// How many rows.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// A chain head printed by an earlier `check` or `audit verify`: the log must still
    /// hold it (nothing removed from its end, nothing re-computed).
    #[arg(long, value_name = "HASH")]
    pub head: Option<String>,
}

/// An audit row as an output record. The hash is shortened in tables.
fn record(r: &AuditRow, format: Format) -> Record {
    let hash = match (&r.hash, format) {
        (Some(h), Format::Table) => Some(h.chars().take(12).collect()),
        (h, _) => h.clone(),
    };
    let rec = Record::new()
        .field("id", Cell::Int(r.id))
        .text("at", &r.at)
        .text("actor", &r.actor)
        .text("action", &r.action)
        .text("entity", &r.entity)
        .text("key", &r.entity_key);
    // Tables leave out the JSON of before and after, too wide for a terminal.
    let rec = if format == Format::Table {
        rec
    } else {
        rec.field("before", Cell::OptText(r.before.clone()))
            .field("after", Cell::OptText(r.after.clone()))
    };
    rec.field("hash", Cell::OptText(hash))
}

/// Runs an `audit` subcommand.
pub fn run(ctx: &Context, cmd: &AuditCmd) -> Result<()> {
    match cmd {
        AuditCmd::List(a) => {
            let store = ctx.open()?;
            let rows = store.audit_log(a.limit)?;
            let records: Vec<Record> = rows.iter().map(|r| record(r, a.format)).collect();
            let keys: &[&'static str] = if a.format == Format::Table {
                &["id", "at", "actor", "action", "entity", "key", "hash"]
            } else {
                &[
                    "id", "at", "actor", "action", "entity", "key", "before", "after", "hash",
                ]
            };
            output::list(a.format, ctx.lang, keys, &records)
        }
        AuditCmd::Verify(a) => {
            let store = ctx.open()?;
            let report = store.verify_audit(a.head.as_deref())?;
            if let Some(problem) = report.problem {
                return Err(Error::Other(problem.into()));
            }
            output::confirm(&format!(
                "{} {} {}.",
                ctx.say("The audit log is intact:", "Nhật ký kiểm tra nguyên vẹn:"),
                report.rows,
                ctx.say("rows", "dòng")
            ))?;
            head_line(ctx, &report)
        }
    }
}

/// Prints the chain head (or says the log is not chained yet).
pub fn head_line(ctx: &Context, report: &crate::store::ChainReport) -> Result<()> {
    match &report.head {
        Some((id, hash)) => output::confirm(&format!(
            "{} {hash} ({} {id}); {}",
            ctx.say("Audit chain head:", "Mã cuối chuỗi nhật ký:"),
            ctx.say("row", "dòng"),
            ctx.say(
                "keep it off the server and check it later with `phoihop audit verify --head HASH`.",
                "lưu ở nơi khác ngoài máy chủ, sau này kiểm tra bằng `phoihop audit verify --head HASH`.",
            )
        )),
        None if !report.chained => output::confirm(ctx.say(
            "The audit log has no hash chain yet (schema before version 5).",
            "Nhật ký kiểm tra chưa có chuỗi băm (lược đồ trước phiên bản 5).",
        )),
        None => Ok(()),
    }
}
