//! One config file: its TOML shape and the refusal of anything it does not know, with the
//! file and the line (from `toml`'s spans).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, Result};
use crate::lang::facts::{Config, Wrong};

/// The interface languages a file may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LangName {
    Vi,
    En,
}

/// The colour themes a file may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Auto,
    Dark,
    Light,
    Mono,
}

/// `[keys.MODE]` tables: mode → action → key or keys, each with where it stands.
pub type KeyTables = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Spanned<toml::Value>>>;

/// What a config file may hold. Every setting is optional; an unknown one is refused.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileSettings {
    /// The database file (an absolute path).
    pub database: Option<Spanned<PathBuf>>,
    pub language: Option<LangName>,
    pub theme: Option<ThemeName>,
    /// The program the TUI opens narrowed to (a code).
    pub program: Option<Spanned<String>>,
    /// Mouse clicks and the wheel in the TUI.
    pub mouse: Option<bool>,
    /// Seconds between the wallboard's pages.
    pub wallboard_interval: Option<Spanned<i64>>,
    /// `[keys.MODE]` tables of `action = "key"` or `action = ["key", …]`.
    pub keys: Option<KeyTables>,
}

/// A file read and checked, with its text kept for line numbers.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub text: String,
    pub settings: FileSettings,
}

/// The shortest and longest wallboard interval, in seconds.
pub const WALLBOARD_RANGE: std::ops::RangeInclusive<i64> = 5..=3600;

impl ConfigFile {
    /// Reads `path`; `Ok(None)` when there is no file. An unreadable or invalid file is a
    /// usage error (exit 2) naming the file and, where there is one, the line.
    /// A file in a directory the user cannot search (another account's `$HOME`, as
    /// under `su` or `sudo -u`) counts as no file: it is not the user's.
    pub fn read(path: &Path) -> Result<Option<ConfigFile>> {
        if std::fs::metadata(path).is_err() {
            return Ok(None);
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(Error::Usage(
                    Config::Unreadable {
                        path: path.display().to_string(),
                        detail: e.to_string(),
                    }
                    .into(),
                ))
            }
        };
        ConfigFile::parse(path, text).map(Some)
    }

    /// Parses and checks a file's text.
    pub fn parse(path: &Path, text: String) -> Result<ConfigFile> {
        let settings: FileSettings = match toml::from_str(&text) {
            Ok(s) => s,
            Err(e) => {
                let line = e.span().map(|s| line_of(&text, s.start));
                return Err(refusal(path, line, Wrong::Parser(e.message().to_string())));
            }
        };
        let file = ConfigFile {
            path: path.to_path_buf(),
            text,
            settings,
        };
        file.check_values()?;
        Ok(file)
    }

    /// A refusal at the place `span` starts.
    pub fn error_at(&self, span: std::ops::Range<usize>, what: Wrong) -> Error {
        refusal(&self.path, Some(line_of(&self.text, span.start)), what)
    }

    fn check_values(&self) -> Result<()> {
        let s = &self.settings;
        if let Some(db) = &s.database {
            if !db.get_ref().is_absolute() {
                return Err(self.error_at(db.span(), Wrong::DatabaseNotAbsolute));
            }
        }
        if let Some(p) = &s.program {
            let code = p.get_ref();
            if code.is_empty()
                || !code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            {
                return Err(self.error_at(p.span(), Wrong::ProgramCode));
            }
        }
        if let Some(w) = &s.wallboard_interval {
            if !WALLBOARD_RANGE.contains(w.get_ref()) {
                return Err(self.error_at(
                    w.span(),
                    Wrong::WallboardRange {
                        lo: *WALLBOARD_RANGE.start(),
                        hi: *WALLBOARD_RANGE.end(),
                    },
                ));
            }
        }
        Ok(())
    }
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn refusal(path: &Path, line: Option<usize>, what: Wrong) -> Error {
    Error::Usage(
        Config::At {
            path: path.display().to_string(),
            line,
            what,
        }
        .into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<ConfigFile> {
        ConfigFile::parse(Path::new("/etc/phoihop/config.toml"), text.to_string())
    }

    fn refusal_of(text: &str) -> String {
        match parse(text) {
            Err(Error::Usage(m)) => m.to_string(),
            other => panic!("not refused: {other:?}"),
        }
    }

    #[test]
    fn a_full_file_is_read() {
        let f = parse(
            "database = \"/var/lib/phoihop/phoihop.db\"\nlanguage = \"vi\"\ntheme = \"mono\"\nprogram = \"CT-01\"\nmouse = false\nwallboard_interval = 30\n[keys.table]\nsort = \"o\"\n",
        )
        .expect("valid");
        let s = f.settings;
        assert_eq!(
            s.database.map(|d| d.into_inner()),
            Some(PathBuf::from("/var/lib/phoihop/phoihop.db"))
        );
        assert_eq!(s.language, Some(LangName::Vi));
        assert_eq!(s.theme, Some(ThemeName::Mono));
        assert_eq!(s.mouse, Some(false));
        assert_eq!(s.wallboard_interval.map(|w| w.into_inner()), Some(30));
        assert_eq!(s.keys.map(|k| k.len()), Some(1));
    }

    #[test]
    fn unknown_keys_and_bad_values_name_the_file_and_line() {
        let cases = [
            (
                "language = \"vi\"\ncolour = \"red\"\n",
                2,
                "unknown field `colour`",
            ),
            ("\n\nlanguage = \"fr\"\n", 3, "unknown variant `fr`"),
            (
                "theme = \"dark\"\nmouse = \"yes\"\n",
                2,
                "expected a boolean",
            ),
            ("wallboard_interval = 2\n", 1, "from 5 to 3600"),
            ("\ndatabase = \"phoihop.db\"\n", 2, "absolute path"),
            ("program = \"ct 01\"\n", 1, "program's code"),
            ("language = \n", 1, ""),
        ];
        for (text, line, says) in cases {
            let m = refusal_of(text);
            assert!(
                m.starts_with(&format!("/etc/phoihop/config.toml, line {line}: ")),
                "{text:?}: {m}"
            );
            assert!(m.contains(says), "{text:?}: {m}");
            assert!(m.ends_with('.') && !m.contains('\n'), "{m}");
        }
    }

    #[test]
    fn a_missing_file_is_no_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(ConfigFile::read(&dir.path().join("none.toml"))
            .expect("no error")
            .is_none());
    }
}
