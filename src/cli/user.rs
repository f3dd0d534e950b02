//! user grant|revoke|list.
use clap::{Args, Subcommand};

use super::output::{self, Cell, Record};
use super::{Context, Format};
use crate::domain::{Grant, Role};
use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Grant (or change) a login's role.
    Grant(GrantArgs),
    /// Revoke a login's role.
    Revoke(RevokeArgs),
    /// List the granted roles.
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct GrantArgs {
    /// The OS login.
    pub login: String,
    /// admin|operator|supervisor.
    #[arg(long)]
    pub role: String,
    /// The agency an operator works for (operators only).
    #[arg(long, value_name = "CODE")]
    pub agency: Option<String>,
}

#[derive(Debug, Args)]
pub struct RevokeArgs {
    pub login: String,
    /// Allow revoking the last grant, which returns the database to single-user mode
    /// (every login that can open the file is admin).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// A grant as an output record.
pub fn record(g: &Grant) -> Record {
    Record::new()
        .text("login", &g.login)
        .code("role", g.role.code())
        .field("agency", Cell::OptText(g.agency.clone()))
}

/// Runs a `user` subcommand.
pub fn run(ctx: &Context, cmd: &UserCmd) -> Result<()> {
    match cmd {
        UserCmd::Grant(a) => {
            let role: Role = a.role.parse()?;
            let mut store = ctx.open()?;
            let g = store.grant(&a.login, role, a.agency.as_deref())?;
            let agency = g
                .agency
                .as_ref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            output::confirm(&format!(
                "{} {} {} {}{agency}.",
                ctx.say("Granted", "Đã cấp cho"),
                g.login,
                ctx.say("the role", "vai trò"),
                g.role
            ))
        }
        UserCmd::Revoke(a) => {
            let mut store = ctx.open()?;
            store.revoke(&a.login, a.force)?;
            output::confirm(&format!(
                "{} {}.",
                ctx.say("Revoked the role of", "Đã thu hồi vai trò của"),
                a.login
            ))?;
            if store.grants()?.is_empty() {
                output::confirm(ctx.say(
                    "No role is granted any more: the database is in single-user mode, and every login that can open it is admin.",
                    "Không còn vai trò nào được cấp: cơ sở dữ liệu ở chế độ một người dùng, mọi tài khoản mở được tệp đều là quản trị.",
                ))?;
            }
            Ok(())
        }
        UserCmd::List(a) => {
            let store = ctx.open()?;
            let records: Vec<Record> = store.grants()?.iter().map(record).collect();
            output::list(a.format, ctx.lang, &["login", "role", "agency"], &records)
        }
    }
}
