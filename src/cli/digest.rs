//! `phoihop digest`: what needs attention since a date, for cron and mail.

use clap::{Args, ValueEnum};

use crate::error::{Error, Result};
use crate::report::digest;
use crate::store::digest::DigestRequest;

/// Output formats of `digest`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DigestFormat {
    /// Plain text (for a mail body).
    #[default]
    Text,
    Md,
    Json,
}

#[derive(Debug, Args)]
pub struct DigestArgs {
    /// One lead agency (by code); every agency when left out.
    #[arg(long, value_name = "CODE")]
    pub agency: Option<String>,
    /// Changes on or after this day are new (YYYY-MM-DD or dd/mm/yyyy; default: yesterday,
    /// for a daily cron job).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// List open tasks whose last progress update is this many days old or more.
    #[arg(long, value_name = "DAYS", default_value_t = 30,
          value_parser = clap::value_parser!(i64).range(1..=3650))]
    pub stale_days: i64,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: DigestFormat,
}

pub fn run(ctx: &super::Context, args: &DigestArgs) -> Result<()> {
    if ctx.as_of.is_some_and(|d| d != ctx.today) {
        return Err(Error::Usage(
            ctx.say(
                "digest reads today's record; leave out --as-of (set the clock to try another day).",
                "digest đọc số liệu của ngày hôm nay; bỏ --as-of (muốn thử ngày khác thì đặt lại đồng hồ).",
            )
            .to_string()
            .into(),
        ));
    }
    let today = ctx.today;
    let since = match &args.since {
        Some(s) => {
            crate::domain::date::parse_date("--since", s).map_err(|e| Error::Usage(e.into()))?
        }
        None => today - chrono::Duration::days(1),
    };
    if since > today {
        return Err(Error::Usage(
            format!(
                "{} {}",
                ctx.say("--since is after today:", "--since sau ngày hôm nay:"),
                crate::report::day(since, ctx.lang)
            )
            .into(),
        ));
    }
    let store = ctx.open()?;
    let d = store.digest(&DigestRequest {
        agency: args.agency.clone(),
        today,
        since,
        stale_days: args.stale_days,
    })?;
    let out = match args.format {
        DigestFormat::Text => digest::text(&d, ctx.lang),
        DigestFormat::Md => digest::markdown(&d, ctx.lang),
        DigestFormat::Json => format!("{:#}\n", digest::json(&d)),
    };
    super::output::emit(&out)
}
