//! init, demo, backup, restore, check, gen.
use clap::Args;
use std::path::PathBuf;

use super::output::{self, Cell, Record};
use super::Context;
use crate::error::{Error, Result};
use crate::lang::facts::Cli;
use crate::store::schema;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Replace the data of a database that is not empty.
    #[arg(long)]
    pub force: bool,
}
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist).
    pub dest: PathBuf,
}
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup file to restore (a phoihop database, e.g. written by `phoihop backup`).
    pub backup: PathBuf,
}
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: super::Format,
    /// Check the setgid install instead (binary, group, directory, files, config,
    /// backup timer); each problem is named with its fix.
    #[arg(long)]
    pub deployment: bool,
    /// With --deployment: the system config file to check (default /etc/phoihop/config.toml).
    #[arg(long, value_name = "FILE", requires = "deployment")]
    pub config: Option<PathBuf>,
}
#[derive(Debug, Args)]
pub struct GenArgs {
    /// Number of tasks.
    #[arg(long)]
    pub tasks: u64,
    /// Number of agencies.
    #[arg(long, default_value_t = 60)]
    pub agencies: u32,
    /// Random seed (same seed, same data).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// `phoihop init`: creates or migrates the database.
pub fn init(ctx: &Context) -> Result<()> {
    let store = ctx.open_or_create()?;
    let v = schema::version(store.conn())?;
    output::confirm(&format!(
        "{} {} ({} {v}).",
        ctx.say("Database ready:", "Cơ sở dữ liệu đã sẵn sàng:"),
        ctx.db.display(),
        ctx.say("schema version", "phiên bản lược đồ"),
    ))
}

/// `phoihop demo [--force]`: loads the demo data set.
pub fn demo(ctx: &Context, args: &DemoArgs) -> Result<()> {
    let mut store = ctx.open_or_create()?;
    if crate::demo::load_once(&mut store, ctx.today, args.force)?
        == crate::demo::Loaded::AlreadyThere
    {
        return output::confirm(ctx.say(
            "The database already holds the demo data set; nothing was changed (`phoihop demo --force` loads it anew).",
            "Cơ sở dữ liệu đã có dữ liệu mẫu; không thay đổi gì (`phoihop demo --force` để nạp lại từ đầu).",
        ));
    }
    let tasks = store.count_tasks(&Default::default())?;
    let agencies = store.agencies()?.len();
    let programs = store.programs()?.len();
    output::confirm(&format!(
        "{} {agencies} {}, {programs} {}, {tasks} {}.",
        ctx.say("Demo data loaded:", "Đã nạp dữ liệu mẫu:"),
        ctx.say("agencies", "cơ quan"),
        ctx.say("programs", "chương trình"),
        ctx.say("tasks", "nhiệm vụ"),
    ))
}

/// `phoihop backup DEST`: an online, consistent copy.
pub fn backup(ctx: &Context, args: &BackupArgs) -> Result<()> {
    let store = ctx.open()?;
    super::progress::with_pages(ctx.say("Backing up", "Đang sao lưu"), || {
        store.backup_reporting(&args.dest, Some(super::progress::page_step))
    })?;
    output::confirm(&format!(
        "{} {}.",
        ctx.say("Backup written to", "Đã sao lưu vào"),
        args.dest.display()
    ))
}

/// `phoihop restore BACKUP`: the backup's data into the live file (admin only).
pub fn restore(ctx: &Context, args: &RestoreArgs) -> Result<()> {
    use super::progress::{Progress, Unit};
    use crate::store::RestoreStep;
    let mut store = ctx.open()?;
    // A bar for each step in turn, each with its own count.
    let mut bar: Option<(std::mem::Discriminant<RestoreStep>, Progress)> = None;
    let mut step = |s: RestoreStep| {
        let kind = std::mem::discriminant(&s);
        if bar.as_ref().is_none_or(|(k, _)| *k != kind) {
            if let Some((_, old)) = bar.take() {
                old.finish();
            }
            let p = match s {
                RestoreStep::Copy { total, .. } => Progress::new(
                    ctx.say(
                        "Restoring: copying the backup",
                        "Đang khôi phục: chép bản sao lưu",
                    ),
                    Some(total),
                    Unit::Pages,
                ),
                RestoreStep::Check => Progress::spinner(ctx.say(
                    "Restoring: checking the copy",
                    "Đang khôi phục: kiểm tra bản sao",
                )),
                RestoreStep::Keep { total, .. } => Progress::new(
                    ctx.say(
                        "Restoring: keeping the current data",
                        "Đang khôi phục: lưu giữ dữ liệu hiện có",
                    ),
                    Some(total),
                    Unit::Pages,
                ),
                RestoreStep::Replace { total, .. } => Progress::new(
                    ctx.say(
                        "Restoring: replacing the rows",
                        "Đang khôi phục: thay các dòng dữ liệu",
                    ),
                    Some(total),
                    Unit::Rows,
                ),
            };
            bar = Some((kind, p));
        }
        if let Some((_, p)) = &bar {
            match s {
                RestoreStep::Copy { done, total }
                | RestoreStep::Keep { done, total }
                | RestoreStep::Replace { done, total } => {
                    p.set_total(total);
                    p.set(done);
                }
                RestoreStep::Check => {}
            }
        }
    };
    let restored = store.restore_reporting(&args.backup, &mut step);
    drop(bar);
    let r = restored?;
    output::confirm(&format!(
        "{} {} ({} {}); {} {}.",
        ctx.say("Restored from", "Đã khôi phục từ"),
        args.backup.display(),
        r.tasks,
        ctx.say("tasks", "nhiệm vụ"),
        ctx.say("the replaced data is kept in", "dữ liệu cũ được giữ tại"),
        r.kept.display()
    ))
}

/// `phoihop check`: prints the findings; exit 1 when there are any.
pub fn check(ctx: &Context, args: &CheckArgs) -> Result<()> {
    if args.deployment {
        return super::check_deploy::run(ctx, args.config.as_deref());
    }
    let store = ctx.open()?;
    let findings = store.check()?;
    let records: Vec<Record> = findings
        .iter()
        .map(|f| {
            // A table speaks the interface language; JSON and CSV stay in English.
            let lang = if args.format == super::Format::Table {
                crate::lang::current()
            } else {
                crate::lang::Lang::En
            };
            Record::new().field("what", Cell::Text(f.what.render(lang)))
        })
        .collect();
    if findings.is_empty() && args.format == super::Format::Table {
        output::confirm(ctx.say(
            "The database is healthy: no problem found.",
            "Cơ sở dữ liệu tốt: không phát hiện vấn đề.",
        ))?;
        super::audit::head_line(ctx, &store.verify_audit(None)?)?;
    } else {
        output::list(args.format, ctx.lang, &["what"], &records)?;
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(Error::Other(Cli::CheckFound { n: findings.len() }.into()))
    }
}

/// `phoihop gen`: a synthetic database for benchmarks.
pub fn gen(ctx: &Context, args: &GenArgs) -> Result<()> {
    if args.tasks == 0 {
        return Err(Error::Usage(Cli::GenTasksMin.into()));
    }
    let mut store = ctx.open_or_create()?;
    let opts = crate::demo::GenOptions {
        tasks: args.tasks,
        agencies: args.agencies,
        seed: args.seed,
    };
    let bar = super::progress::Progress::new(
        ctx.say("Generating tasks", "Đang sinh nhiệm vụ"),
        Some(args.tasks),
        super::progress::Unit::Rows,
    );
    let made = crate::demo::generate_reporting(&mut store, &opts, ctx.today, &mut |n| bar.set(n));
    bar.finish();
    made?;
    output::confirm(&format!(
        "{} {} {}, {} {} (seed {}).",
        ctx.say("Generated", "Đã sinh"),
        args.tasks,
        ctx.say("tasks", "nhiệm vụ"),
        args.agencies,
        ctx.say("agencies", "cơ quan"),
        args.seed
    ))
}
