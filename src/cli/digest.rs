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
    /// Changes on or after this day are new (YYYY-MM-DD or dd/mm/yyyy; default: the day of
    /// the last digest of this database and agency by this login, else yesterday).
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
    let key = format!(
        "{}|{}",
        ctx.db.display(),
        args.agency.as_deref().unwrap_or("")
    );
    let memory = memory_path();
    let mut last = memory.as_deref().map(read_memory).unwrap_or_default();
    let since = match &args.since {
        Some(s) => {
            crate::domain::date::parse_date("--since", s).map_err(|e| Error::Usage(e.into()))?
        }
        None => last
            .get(&key)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|d| *d <= today)
            .unwrap_or(today - chrono::Duration::days(1)),
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
    // Its lists seek the task B-tree all over the file (the stale tasks by id, every
    // list by deadline): the report's page cache and map (docs/performance.md).
    store.tune_for_report()?;
    let d = store.digest(&DigestRequest {
        agency: args.agency.clone(),
        today,
        since,
        stale_days: args.stale_days,
    })?;
    // Remembered for the next digest (the latest day only: a clock set back does not
    // move it); failing to remember never fails the digest.
    if let Some(path) = &memory {
        if last
            .get(&key)
            .is_none_or(|d| d.as_str() < today.to_string().as_str())
        {
            last.insert(key, today.to_string());
            let _ = write_memory(path, &last);
        }
    }
    match args.format {
        DigestFormat::Text => super::output::emit(&digest::text(&d, ctx.lang)),
        DigestFormat::Md => super::output::emit(&digest::markdown(&d, ctx.lang)),
        DigestFormat::Json => super::output::emit_with(|w| {
            digest::write_json(&d, &mut *w)?;
            w.write_all(b"\n")
        }),
    }
}

/// Where the day of each last digest is kept: the login's own state directory
/// (`$XDG_STATE_HOME/phoihop/digest.json`, normally `~/.local/state/…`), one entry for
/// each database and agency.
fn memory_path() -> Option<std::path::PathBuf> {
    dirs::state_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local").join("state")))
        .map(|d| d.join("phoihop").join("digest.json"))
}

fn read_memory(path: &std::path::Path) -> std::collections::BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default()
}

/// Written as the login, with its own group, never through a link.
fn write_memory(
    path: &std::path::Path,
    last: &std::collections::BTreeMap<String, String>,
) -> Result<()> {
    use std::io::Write;
    if let Some(dir) = path.parent() {
        crate::safe_file::as_real_group(|| Ok(std::fs::create_dir_all(dir)?))?;
    }
    let mut f = crate::safe_file::create_output(path, 0o600)?;
    let text = serde_json::to_string_pretty(last).unwrap_or_default();
    f.write_all(text.as_bytes())?;
    Ok(())
}
