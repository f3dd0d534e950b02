//! The command line: clap definitions and one file per command group. Thin: parses,
//! calls the store or a use case, formats output, maps errors to exit codes.

pub mod admin;
pub mod agency;
pub mod audit;
pub mod check_deploy;
pub mod completions;
pub mod config;
pub mod digest;
pub mod io;
pub mod man;
pub mod output;
pub mod program;
pub mod progress;
pub mod replicate;
pub mod report;
pub mod rollup;
pub mod search;
pub mod task;
pub mod user;

use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use chrono::NaiveDate;

use crate::error::Result;
use crate::store::Store;

/// phoihop — track the work programs of provincial Party and government bodies.
#[derive(Debug, Parser)]
#[command(name = "phoihop", version, about, long_about = None)]
pub struct Cli {
    /// The database file (else $PHOIHOP_DB, else the config files' `database`, else
    /// ~/.local/share/phoihop/phoihop.db).
    #[arg(long, global = true, env = "PHOIHOP_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Open the database with SQLite's read-only flag: nothing can be changed.
    #[arg(long, global = true)]
    pub read_only: bool,
    /// Interface language (else $PHOIHOP_LANG, the config files, then $LANG: Vietnamese
    /// when it starts with `vi`).
    #[arg(long, global = true, value_enum, env = "PHOIHOP_LANG")]
    pub lang: Option<Lang>,
    /// Show the data as it stood on this date (YYYY-MM-DD or dd/mm/yyyy).
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Narrow the TUI to one program (by code).
    #[arg(long, value_name = "CODE")]
    pub program: Option<String>,
    /// Open the national roll-up over the replicas in DIR (read-only) instead of one
    /// database.
    #[arg(long, value_name = "DIR")]
    pub rollup: Option<PathBuf>,
    /// Colour theme of the TUI (else $PHOIHOP_THEME, the config files, auto; NO_COLOR is
    /// honoured in auto).
    #[arg(long, value_enum, env = "PHOIHOP_THEME")]
    pub theme: Option<crate::tui::ThemeChoice>,
    /// No progress bars (they are drawn on a terminal only, never on a pipe).
    #[arg(long, global = true)]
    pub quiet: bool,
    /// No mouse in the TUI (the config files' `mouse = false` does the same).
    #[arg(long)]
    pub no_mouse: bool,
    /// Plain line mode instead of the TUI, for screen readers and logs: labelled lines,
    /// commands read as lines (also when TERM=dumb).
    #[arg(long)]
    pub plain: bool,
    /// Wallboard for a screen on the wall: the dashboard, the ranking and the overdue list
    /// in turn, SECONDS each (else the config files' `wallboard_interval`, else 30; 5 to
    /// 3600); keys: q, space (pause), ←/→.
    #[arg(long, value_name = "SECONDS", num_args = 0..=1,
          value_parser = clap::value_parser!(u64).range(5..=3600))]
    pub wall: Option<Option<u64>>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    Vi,
    En,
}

/// Output formats of list, show and report commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database.
    Init,
    /// Load the demo data set built from the seed reports.
    Demo(admin::DemoArgs),
    /// Agencies (cơ quan, đơn vị).
    #[command(subcommand)]
    Agency(agency::AgencyCmd),
    /// Programs (chương trình).
    #[command(subcommand)]
    Program(program::ProgramCmd),
    /// Tasks (nhiệm vụ).
    #[command(subcommand)]
    Task(task::TaskCmd),
    /// Review report (sơ kết / tổng kết).
    Report(report::ReportArgs),
    /// What needs attention since a date: newly overdue, due soon, urges, no update (for cron and mail).
    Digest(digest::DigestArgs),
    /// Import tasks, agencies and programs from CSV or JSON (all or nothing).
    Import(io::ImportArgs),
    /// Export everything as CSV or JSON.
    Export(io::ExportArgs),
    /// Roles: grant, revoke, list.
    #[command(subcommand)]
    User(user::UserCmd),
    /// Write an online, consistent copy of the database.
    Backup(admin::BackupArgs),
    /// Put a backup's data into the database (admin; the replaced state is kept).
    Restore(admin::RestoreArgs),
    /// Check the database's integrity and consistency.
    Check(admin::CheckArgs),
    /// The audit log: list it, verify its hash chain.
    #[command(subcommand)]
    Audit(audit::AuditCmd),
    /// Generate a synthetic database for benchmarks.
    Gen(admin::GenArgs),
    /// Print a Litestream configuration that replicates this database to the centre.
    ReplicateConfig(replicate::ReplicateConfigArgs),
    /// The national roll-up over the provinces' replicas (read-only).
    Rollup(rollup::RollupArgs),
    /// The settings in force and where each came from (flags, environment, config files).
    Config,
    /// Print the man page (roff) on stdout.
    Man,
    /// Print a shell's completion script on stdout.
    Completions(completions::CompletionsArgs),
    /// Codes for the completion scripts (agencies or programs), one a line.
    #[command(name = "__complete", hide = true)]
    Complete(completions::CompleteArgs),
}

/// What every command needs besides its own arguments: the resolved global options.
#[derive(Debug, Clone)]
pub struct Context {
    /// The resolved database path (--db, $PHOIHOP_DB, or the XDG data dir).
    pub db: PathBuf,
    pub read_only: bool,
    /// "vi" or "en".
    pub lang: &'static str,
    /// The --as-of date, if given.
    pub as_of: Option<NaiveDate>,
    /// Today's date, read once at the edge and passed in.
    pub today: NaiveDate,
}

impl Context {
    /// Opens an existing database (migrating it unless read-only). A path where there is
    /// no database is refused, never silently made into an empty one: a mistyped
    /// `PHOIHOP_DB` would show an empty province.
    pub fn open(&self) -> Result<Store> {
        crate::store::fs::refuse_missing(&self.db)?;
        Store::open(&self.db, self.read_only)
    }

    /// Opens an existing database read-only (no migration): for completions.
    pub fn open_read(&self) -> Result<Store> {
        crate::store::fs::refuse_missing(&self.db)?;
        Store::open(&self.db, true)
    }

    /// Opens the database, creating it when there is none (`init`, `demo`, `import`, `gen`).
    pub fn open_or_create(&self) -> Result<Store> {
        Store::open(&self.db, self.read_only)
    }
}

/// The default database path: `$XDG_DATA_HOME/phoihop/phoihop.db` (normally
/// `~/.local/share/phoihop/phoihop.db`).
pub fn default_db_path() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("phoihop").join("phoihop.db"))
        .ok_or_else(|| crate::Error::Usage(crate::lang::facts::Cli::NoDataDir.into()))
}

/// The interface language: `--lang`, else Vietnamese when `$LANG` starts with `vi`, else
/// English.
pub fn resolve_lang(flag: Option<Lang>, env_lang: Option<&str>) -> &'static str {
    match flag {
        Some(Lang::Vi) => "vi",
        Some(Lang::En) => "en",
        None if env_lang.is_some_and(|l| l.starts_with("vi")) => "vi",
        None => "en",
    }
}

impl Context {
    /// Resolves the global options from the settings. `today` is read by the caller, once.
    pub fn from_settings(
        cli: &Cli,
        settings: &crate::config::Settings,
        today: NaiveDate,
    ) -> Result<Context> {
        let db = settings.database.value.clone();
        if settings.database.source == crate::config::Source::Default {
            if let Some(dir) = db.parent() {
                // The user's own directory, made with the user's own group under setgid.
                crate::safe_file::as_real_group(|| Ok(std::fs::create_dir_all(dir)?))?;
            }
        }
        let as_of = match &cli.as_of {
            Some(s) => Some(crate::domain::date::parse_date("--as-of date", s)?),
            None => None,
        };
        Ok(Context {
            db,
            read_only: cli.read_only,
            lang: settings.language.value,
            as_of,
            today,
        })
    }

    /// The date views are computed for: `--as-of`, else today.
    pub fn as_of_or_today(&self) -> NaiveDate {
        self.as_of.unwrap_or(self.today)
    }

    /// The past date the record is read as of (the versions in force at its end), or
    /// `None` to read it as it stands now (today or a later --as-of).
    pub fn past(&self) -> Option<NaiveDate> {
        self.as_of.filter(|d| *d < self.today)
    }

    /// Picks the English or the Vietnamese form of a message.
    pub fn say<'a>(&self, en: &'a str, vi: &'a str) -> &'a str {
        if self.lang == "vi" {
            vi
        } else {
            en
        }
    }
}

/// Runs the parsed command line; `None` command opens the TUI. `matches` tells a flag
/// from its environment variable.
pub fn run(cli: Cli, matches: &clap::ArgMatches) -> Result<()> {
    // These need no settings and no database.
    match &cli.command {
        Some(Command::Man) => return man::run(),
        Some(Command::Completions(a)) => return completions::run(a),
        _ => {}
    }
    progress::set_quiet(cli.quiet);
    let today = chrono::Local::now().date_naive();
    let settings = config::settings(&cli, matches)?;
    let ctx = Context::from_settings(&cli, &settings, today)?;
    // The config files may name the language too.
    crate::lang::set_current(crate::lang::Lang::from_code(ctx.lang));
    let Some(command) = cli.command else {
        if let Some(dir) = &cli.rollup {
            return rollup::run_tui(&ctx, &cli, dir);
        }
        if cli.plain || std::env::var("TERM").is_ok_and(|t| t == "dumb") {
            use std::io::IsTerminal;
            let store = ctx.open()?;
            let stdin = std::io::stdin();
            let prompt = stdin.is_terminal();
            return crate::plain::run(
                &store,
                crate::plain::Start {
                    lang: crate::lang::Lang::from_code(ctx.lang),
                    today: ctx.today,
                    as_of: ctx.as_of,
                    program: settings.program.value.clone(),
                },
                stdin.lock(),
                std::io::stdout().lock(),
                prompt,
            );
        }
        let remaps: Vec<_> = settings.remaps.iter().map(|(r, _)| r.clone()).collect();
        crate::tui::keymap::remap::install(&remaps).map_err(|refusal| {
            crate::Error::Usage(
                crate::lang::facts::Config::Keys {
                    files: Vec::new(),
                    refusal,
                }
                .into(),
            )
        })?;
        return crate::tui::run(crate::tui::Options {
            db: ctx.db.clone(),
            read_only: ctx.read_only,
            lang: ctx.lang,
            as_of: ctx.as_of,
            program: settings.program.value.clone(),
            theme: settings.theme.value,
            mouse: settings.mouse.value && cli.wall.is_none(),
            wall: cli.wall.map(|_| settings.wallboard_interval.value),
        });
    };
    match &command {
        Command::Init => admin::init(&ctx),
        Command::Demo(a) => admin::demo(&ctx, a),
        Command::Agency(c) => agency::run(&ctx, c),
        Command::Program(c) => program::run(&ctx, c),
        Command::Task(c) => task::run(&ctx, c),
        Command::Report(a) => report::run(&ctx, a),
        Command::Digest(a) => digest::run(&ctx, a),
        Command::Import(a) => io::import(&ctx, a),
        Command::Export(a) => io::export(&ctx, a),
        Command::User(c) => user::run(&ctx, c),
        Command::Backup(a) => admin::backup(&ctx, a),
        Command::Restore(a) => admin::restore(&ctx, a),
        Command::Check(a) => admin::check(&ctx, a),
        Command::Audit(c) => audit::run(&ctx, c),
        Command::Gen(a) => admin::gen(&ctx, a),
        Command::ReplicateConfig(a) => replicate::run(&ctx, a),
        Command::Rollup(a) => rollup::run(&ctx, a),
        Command::Config => config::show(&settings, ctx.lang),
        Command::Complete(a) => completions::complete(&ctx, a),
        Command::Man | Command::Completions(_) => Ok(()),
    }
}

/// A clap error as one sentence: its first line, without the `error: ` prefix, and a
/// pointer to `--help`.
fn usage_sentence(e: &clap::Error) -> String {
    let text = e.render().to_string();
    // The first paragraph; a line ending in `:` is followed by indented items.
    let para: Vec<&str> = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    let first = match para.split_first() {
        Some((head, items)) if head.ends_with(':') && !items.is_empty() => {
            format!("{head} {}", items.join(", "))
        }
        Some((head, _)) => head.to_string(),
        None => "invalid arguments".to_string(),
    };
    let first = first.strip_prefix("error: ").unwrap_or(&first);
    let first = crate::domain::text::escape(first);
    let first = first.trim_end_matches('.');
    format!("{first}; see `phoihop --help` (or `phoihop COMMAND --help`).")
}

/// The `--lang` of a command line the parser refused (the last one given, when valid).
fn lang_in_args(args: impl Iterator<Item = String>) -> Option<Lang> {
    let args: Vec<String> = args.collect();
    let mut flag = None;
    for (i, a) in args.iter().enumerate() {
        let v = if a == "--lang" {
            args.get(i + 1).map(String::as_str)
        } else {
            a.strip_prefix("--lang=")
        };
        match v {
            Some("vi") => flag = Some(Lang::Vi),
            Some("en") => flag = Some(Lang::En),
            _ => {}
        }
    }
    flag
}

/// A parser error as the facts it carries, for the catalog to say in the user's language.
fn usage_fact(e: &clap::Error) -> crate::lang::facts::Usage {
    use crate::lang::facts::{Refused, Usage};
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        _ => None,
    };
    let many = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    };
    let esc = |s: String| crate::domain::text::escape(&s).into_owned();
    let arg = || esc(one(ContextKind::InvalidArg).unwrap_or_default());
    let what = match e.kind() {
        // A word that is no option: one argument too many.
        ErrorKind::UnknownArgument if !arg().starts_with('-') => {
            Refused::Unexpected { value: arg() }
        }
        ErrorKind::UnknownArgument => Refused::UnknownOption {
            arg: arg(),
            suggested: one(ContextKind::SuggestedArg).map(esc),
        },
        ErrorKind::InvalidSubcommand => Refused::UnknownCommand {
            name: esc(one(ContextKind::InvalidSubcommand).unwrap_or_default()),
            suggested: one(ContextKind::SuggestedSubcommand).map(esc),
        },
        ErrorKind::InvalidValue => Refused::Choice {
            arg: arg(),
            value: esc(one(ContextKind::InvalidValue).unwrap_or_default()),
            valid: many(ContextKind::ValidValue).into_iter().map(esc).collect(),
        },
        ErrorKind::ValueValidation => Refused::BadValue {
            arg: arg(),
            value: esc(one(ContextKind::InvalidValue).unwrap_or_default()),
            why: bad_value_why(e),
        },
        ErrorKind::MissingRequiredArgument => Refused::Missing {
            args: many(ContextKind::InvalidArg).into_iter().map(esc).collect(),
        },
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            Refused::MissingCommand
        }
        ErrorKind::ArgumentConflict => Refused::Conflict {
            arg: arg(),
            prior: one(ContextKind::PriorArg).map(esc),
        },
        ErrorKind::TooManyValues => Refused::Unexpected {
            value: esc(one(ContextKind::InvalidValue).unwrap_or_default()),
        },
        _ => Refused::Other,
    };
    Usage {
        what,
        en: usage_sentence(e),
    }
}

/// Why the value parser refused a value: Rust's integer errors by kind (their sentences
/// are English), else the parser's own sentence.
fn bad_value_why(e: &clap::Error) -> crate::lang::facts::BadValueWhy {
    use crate::lang::facts::BadValueWhy;
    use std::num::IntErrorKind;
    let Some(source) = std::error::Error::source(e) else {
        return BadValueWhy::Said(String::new());
    };
    if let Some(p) = source.downcast_ref::<std::num::ParseIntError>() {
        return match p.kind() {
            IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => BadValueWhy::TooLarge,
            _ => BadValueWhy::NotWholeNumber,
        };
    }
    let said = source.to_string();
    BadValueWhy::Said(crate::domain::text::escape(said.trim_end_matches('.')).into_owned())
}

/// What `--version` prints: phoihop's version, the schema version it writes and the
/// SQLite it is built with.
pub fn version_text() -> String {
    format!(
        "{} (schema {}, SQLite {})",
        env!("CARGO_PKG_VERSION"),
        crate::store::schema::LATEST,
        rusqlite::version()
    )
}

/// The clap command with the long version filled in (the man page and completions are
/// generated from it too).
pub fn command() -> clap::Command {
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    Cli::command().version(VERSION.get_or_init(version_text).as_str())
}

/// The command's words, `task update` (`tui` for none): what the log names.
fn command_name(m: &clap::ArgMatches) -> String {
    let mut words = Vec::new();
    let mut at = m;
    while let Some((name, sub)) = at.subcommand() {
        words.push(name.to_string());
        at = sub;
    }
    if words.is_empty() {
        "tui".into()
    } else {
        words.join(" ")
    }
}

/// Parses `std::env::args`, runs, prints any error as one sentence on stderr and returns
/// the exit code.
pub fn main_entry() -> i32 {
    // A setgid install: no core dump, no ptrace by the user, from the first moment.
    crate::safe_file::harden_if_setgid();
    let parsed = command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|c| (c, m)));
    let (cli, matches) = match parsed {
        Ok(c) => c,
        Err(e) if !e.use_stderr() => {
            // --help and --version.
            let _ = e.print();
            return 0;
        }
        Err(e) => {
            let lang = crate::lang::Lang::from_code(resolve_lang(
                lang_in_args(std::env::args()),
                std::env::var("LANG").ok().as_deref(),
            ));
            eprintln!("phoihop: {}", usage_fact(&e).render(lang));
            return 2;
        }
    };
    // Errors speak the user's language from here on (`Display` renders in it).
    let env_lang = std::env::var("LANG").ok();
    crate::lang::set_current(crate::lang::Lang::from_code(resolve_lang(
        cli.lang,
        env_lang.as_deref(),
    )));
    crate::log::init(crate::safe_file::is_setgid());
    let started = std::time::Instant::now();
    let name = command_name(&matches);
    let result = run(cli, &matches);
    crate::log::command_ended(&crate::log::login(), &name, &result, started.elapsed());
    match result {
        Ok(()) => 0,
        Err(e) => {
            // Escaped again here: a message may quote a file's bytes (an import header,
            // a file name), and no error path may drive the terminal.
            eprintln!("phoihop: {}", crate::domain::text::escape(&e.to_string()));
            e.exit_code()
        }
    }
}
