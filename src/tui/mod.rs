//! The terminal app (Elm shape: event → action → update → view).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::Result;

/// Colour themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ThemeChoice {
    #[default]
    Auto,
    Dark,
    Light,
    Mono,
}

/// How the TUI was asked to start.
#[derive(Debug, Clone)]
pub struct Options {
    pub db: PathBuf,
    pub read_only: bool,
    /// "vi" or "en".
    pub lang: &'static str,
    /// `None` = follow today.
    pub as_of: Option<NaiveDate>,
    pub program: Option<String>,
    pub theme: ThemeChoice,
}

/// Runs the TUI until the user quits; the terminal is restored on every exit path.
pub fn run(opts: Options) -> Result<()> {
    let _ = opts;
    Err(crate::Error::Other("The TUI is not built yet.".into()))
}
