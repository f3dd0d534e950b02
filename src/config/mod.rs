//! The settings, from the command line, the environment and two config files
//! (docs/cli.md, "Configuration"):
//!
//! - the system file `/etc/phoihop/config.toml` (root's; the package installs it),
//! - the user's `$XDG_CONFIG_HOME/phoihop/config.toml` (normally `~/.config/…`).
//!
//! Precedence: flags > environment > user file > system file > defaults. Under the setgid
//! install (effective gid ≠ real gid) the user file cannot set the database: only the
//! system file (or `--db`/`$PHOIHOP_DB`, which the store then checks against the
//! install's directory). A file is only read, never written.

pub mod file;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::lang::facts::{Config, Wrong};
use crate::tui::keymap::remap::{self, Remap, ACTION_NAMES, MODE_NAMES};
use crate::tui::ThemeChoice;
use file::{ConfigFile, LangName, ThemeName};

/// The system-wide config file.
pub const SYSTEM_FILE: &str = "/etc/phoihop/config.toml";
/// Names another system file instead (tests, a trial install); ignored under setgid.
pub const SYSTEM_FILE_ENV: &str = "PHOIHOP_SYSTEM_CONFIG";
/// The default seconds between the wallboard's pages.
pub const DEFAULT_WALLBOARD_INTERVAL: u64 = 30;

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Default,
    /// The language from `$LANG`.
    Locale,
    System(PathBuf),
    User(PathBuf),
    Env(&'static str),
    Flag(&'static str),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::Locale => f.write_str("$LANG"),
            Source::System(p) | Source::User(p) => write!(f, "{}", p.display()),
            Source::Env(v) => write!(f, "${v}"),
            Source::Flag(n) => f.write_str(n),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub source: Source,
}

/// The settings in force.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database: Setting<PathBuf>,
    /// "vi" or "en".
    pub language: Setting<&'static str>,
    pub theme: Setting<ThemeChoice>,
    pub program: Setting<Option<String>>,
    pub mouse: Setting<bool>,
    pub wallboard_interval: Setting<u64>,
    /// The key remaps, the user file's over the system file's.
    pub remaps: Vec<(Remap, Source)>,
    /// What was read but not used, one sentence each (`phoihop config` shows them).
    pub notes: Vec<String>,
}

/// The values one source gives; `None` where it says nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layer {
    pub database: Option<PathBuf>,
    pub language: Option<&'static str>,
    pub theme: Option<ThemeChoice>,
    pub program: Option<String>,
    pub mouse: Option<bool>,
    pub wallboard_interval: Option<u64>,
}

/// Everything the settings are resolved from.
#[derive(Debug, Default)]
pub struct Inputs {
    pub flags: Layer,
    pub env: Layer,
    pub user: Option<ConfigFile>,
    pub system: Option<ConfigFile>,
    /// Running setgid (the shared-server install).
    pub setgid: bool,
    /// `$LANG`.
    pub locale: Option<String>,
    /// The database when nothing names one (`$XDG_DATA_HOME/phoihop/phoihop.db`).
    pub default_db: Option<PathBuf>,
}

fn lang_code(l: LangName) -> &'static str {
    match l {
        LangName::Vi => "vi",
        LangName::En => "en",
    }
}

fn theme_choice(t: ThemeName) -> ThemeChoice {
    match t {
        ThemeName::Auto => ThemeChoice::Auto,
        ThemeName::Dark => ThemeChoice::Dark,
        ThemeName::Light => ThemeChoice::Light,
        ThemeName::Mono => ThemeChoice::Mono,
    }
}

/// The settings of one file as a layer.
fn layer_of(f: &ConfigFile) -> Layer {
    let s = &f.settings;
    Layer {
        database: s.database.as_ref().map(|d| d.get_ref().clone()),
        language: s.language.map(lang_code),
        theme: s.theme.map(theme_choice),
        program: s.program.as_ref().map(|p| p.get_ref().clone()),
        mouse: s.mouse,
        wallboard_interval: s
            .wallboard_interval
            .as_ref()
            .map(|w| (*w.get_ref()).max(0) as u64),
    }
}

/// The first source that gives a value, else the default.
fn pick<T: Clone>(
    layers: &[(&Layer, Source)],
    get: impl Fn(&Layer) -> Option<T>,
    default: Setting<T>,
) -> Setting<T> {
    layers
        .iter()
        .find_map(|(l, src)| {
            get(l).map(|value| Setting {
                value,
                source: src.clone(),
            })
        })
        .unwrap_or(default)
}

/// The remaps a file gives, each checked (mode, action and key names), with its line
/// on a refusal.
pub fn remaps_of(f: &ConfigFile) -> Result<Vec<Remap>> {
    let mut out = Vec::new();
    let Some(keys) = &f.settings.keys else {
        return Ok(out);
    };
    for (mode, table) in keys {
        let m = if mode.get_ref() == "global" {
            None
        } else {
            match MODE_NAMES.iter().find(|(n, _)| n == mode.get_ref()) {
                Some((_, m)) => Some(*m),
                None => {
                    let names: Vec<&str> = std::iter::once("global")
                        .chain(MODE_NAMES.iter().map(|(n, _)| *n))
                        .collect();
                    return Err(f.error_at(
                        mode.span(),
                        Wrong::UnknownMode {
                            mode: crate::domain::text::escape(mode.get_ref()).to_string(),
                            modes: names.join(", "),
                        },
                    ));
                }
            }
        };
        for (action, value) in table {
            let Some((_, a)) = ACTION_NAMES.iter().find(|(n, _)| n == action.get_ref()) else {
                let names: Vec<&str> = ACTION_NAMES.iter().map(|(n, _)| *n).collect();
                return Err(f.error_at(
                    action.span(),
                    Wrong::UnknownAction {
                        action: crate::domain::text::escape(action.get_ref()).to_string(),
                        mode: mode.get_ref().to_string(),
                        actions: names.join(", "),
                    },
                ));
            };
            let written: Vec<&str> = match value.get_ref() {
                toml::Value::String(s) => vec![s.as_str()],
                toml::Value::Array(items) => items.iter().filter_map(|v| v.as_str()).collect(),
                _ => Vec::new(),
            };
            let array_len = value.get_ref().as_array().map(|a| a.len());
            if written.is_empty() || array_len.is_some_and(|n| n != written.len()) {
                return Err(f.error_at(value.span(), Wrong::KeyNotString));
            }
            let mut ks = Vec::new();
            for w in written {
                match remap::parse_key(w) {
                    Some(k) => ks.push(k),
                    None => {
                        return Err(f.error_at(
                            value.span(),
                            Wrong::NotAKey {
                                key: crate::domain::text::escape(w).to_string(),
                            },
                        ))
                    }
                }
            }
            out.push(Remap {
                mode: m,
                action: a.clone(),
                keys: ks,
            });
        }
    }
    Ok(out)
}

/// Resolves the settings. The keymap is checked here (clashes are refused, naming the
/// file), not installed.
pub fn resolve(inputs: Inputs) -> Result<Settings> {
    let mut notes = Vec::new();
    let user_layer = inputs.user.as_ref().map(layer_of).unwrap_or_default();
    let mut user_db_layer = user_layer.clone();
    if inputs.setgid && user_layer.database.is_some() {
        if let Some(f) = &inputs.user {
            notes.push(format!(
                "The database in {} is not used: under the setgid install only {} sets it.",
                f.path.display(),
                SYSTEM_FILE
            ));
        }
        user_db_layer.database = None;
    }
    let system_layer = inputs.system.as_ref().map(layer_of).unwrap_or_default();
    let path_of = |f: &Option<ConfigFile>| f.as_ref().map(|f| f.path.clone()).unwrap_or_default();
    let user = Source::User(path_of(&inputs.user));
    let system = Source::System(path_of(&inputs.system));
    // The sources in precedence order, for a setting with this flag and variable.
    let srcs = Sources {
        flags: &inputs.flags,
        env: &inputs.env,
        system: &system_layer,
        user_src: user.clone(),
        system_src: system.clone(),
    };
    let db = pick(
        &srcs.chain("--db", "PHOIHOP_DB", &user_db_layer),
        |l| l.database.clone(),
        dflt(PathBuf::new()),
    );
    let database = if db.source != Source::Default {
        db
    } else {
        dflt(
            inputs
                .default_db
                .clone()
                .ok_or_else(|| Error::Usage(crate::lang::facts::Cli::NoDataDir.into()))?,
        )
    };
    let locale_vi = inputs
        .locale
        .as_deref()
        .is_some_and(|l| l.starts_with("vi"));
    let language = pick(
        &srcs.chain("--lang", "PHOIHOP_LANG", &user_layer),
        |l| l.language,
        Setting {
            value: if locale_vi { "vi" } else { "en" },
            source: if inputs.locale.is_some() {
                Source::Locale
            } else {
                Source::Default
            },
        },
    );
    let theme = pick(
        &srcs.chain("--theme", "PHOIHOP_THEME", &user_layer),
        |l| l.theme,
        dflt(ThemeChoice::Auto),
    );
    // No variable sets these; the env layer is empty for them.
    let program = pick(
        &srcs.chain("--program", "-", &user_layer),
        |l| l.program.clone().map(Some),
        dflt(None),
    );
    let mouse = pick(
        &srcs.chain("--no-mouse", "-", &user_layer),
        |l| l.mouse,
        dflt(true),
    );
    let wallboard_interval = pick(
        &srcs.chain("--wall", "-", &user_layer),
        |l| l.wallboard_interval,
        dflt(DEFAULT_WALLBOARD_INTERVAL),
    );
    // Remaps: the system file's, then the user's over them (same mode and action).
    let mut remaps: Vec<(Remap, Source)> = Vec::new();
    for (f, src) in [(&inputs.system, &system), (&inputs.user, &user)] {
        if let Some(f) = f {
            for r in remaps_of(f)? {
                remaps.retain(|(o, _)| !(o.mode == r.mode && o.action == r.action));
                remaps.push((r, src.clone()));
            }
        }
    }
    let plain: Vec<Remap> = remaps.iter().map(|(r, _)| r.clone()).collect();
    if let Err(e) = remap::build(&plain) {
        let files: Vec<String> = [&inputs.system, &inputs.user]
            .iter()
            .filter_map(|f| f.as_ref().map(|f| f.path.display().to_string()))
            .collect();
        return Err(Error::Usage(Config::Keys { files, refusal: e }.into()));
    }
    Ok(Settings {
        database,
        language,
        theme,
        program,
        mouse,
        wallboard_interval,
        remaps,
        notes,
    })
}

/// The layers a setting is looked up in.
struct Sources<'a> {
    flags: &'a Layer,
    env: &'a Layer,
    system: &'a Layer,
    user_src: Source,
    system_src: Source,
}

impl<'a> Sources<'a> {
    fn chain(
        &self,
        flag: &'static str,
        env: &'static str,
        user: &'a Layer,
    ) -> [(&'a Layer, Source); 4] {
        [
            (self.flags, Source::Flag(flag)),
            (self.env, Source::Env(env)),
            (user, self.user_src.clone()),
            (self.system, self.system_src.clone()),
        ]
    }
}

fn dflt<T>(value: T) -> Setting<T> {
    Setting {
        value,
        source: Source::Default,
    }
}

/// The system file's path: `/etc/phoihop/config.toml`, or `$PHOIHOP_SYSTEM_CONFIG` when
/// not setgid.
pub fn system_file_path(setgid: bool) -> PathBuf {
    match std::env::var_os(SYSTEM_FILE_ENV) {
        Some(p) if !setgid && !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(SYSTEM_FILE),
    }
}

/// The user's file: `$XDG_CONFIG_HOME/phoihop/config.toml` (default `~/.config`).
pub fn user_file_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("phoihop").join("config.toml"))
}

/// Reads both files (the user's with the user's own group under setgid, so it cannot be
/// a way to read what only the install's group may).
pub fn read_files(setgid: bool) -> Result<(Option<ConfigFile>, Option<ConfigFile>)> {
    let system = ConfigFile::read(&system_file_path(setgid))?;
    let user = match user_file_path() {
        Some(p) => crate::safe_file::as_real_group(|| ConfigFile::read(&p))?,
        None => None,
    };
    Ok((user, system))
}

/// Whether a path names the system file (used by `check --deployment`).
pub fn is_system_file(p: &Path) -> bool {
    p == Path::new(SYSTEM_FILE)
}

#[cfg(test)]
mod tests;
