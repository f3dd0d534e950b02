//! Error facts: what went wrong, as typed values, and each language's sentence for them.
//! A [`Fact`] sits inside every [`crate::Error`]; the variant of the error says its kind
//! (and exit code), the fact says what happened. One file per area renders its facts.

use std::fmt;

use super::Lang;

mod access;
mod audit;
mod cli;
mod config;
mod db;
mod files;
mod import;
mod record;
mod value;

pub use access::{Access, Act, Standing, Why};
pub use audit::{Audit, Row, Rule};
pub use cli::{BadValueWhy, Cli, Refused, Replica, Usage};
pub use config::{Config, Remap as RemapRefusal, Wrong};
pub use db::{Db, Stored, Untrusted};
pub use files::{Files, Written};
pub use import::{Import, Looks};
pub use record::Record;
pub use value::{field_name, Value};

/// A stored `YYYY-MM-DD` date as `lang` writes dates (as stored when it is not one).
pub(crate) fn day(lang: Lang, stored: &str) -> String {
    chrono::NaiveDate::parse_from_str(stored, "%Y-%m-%d")
        .map(|d| lang.date(d))
        .unwrap_or_else(|_| stored.to_string())
}

/// What happened, in no language yet.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// A sentence that has no typed fact yet (shown as written, in every language).
    Text(String),
    /// A fact about one place of an input file ("file line N, field F").
    At {
        file: String,
        line: u64,
        field: Option<String>,
        inner: Box<Fact>,
    },
    Db(Db),
    Access(Access),
    Record(Record),
    Value(Value),
    Files(Files),
    Import(Import),
    Audit(Audit),
    Cli(Cli),
    /// Boxed: its refusals carry several names.
    Config(Box<Config>),
}

impl Fact {
    /// The one sentence of this fact in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Fact::Text(s) => s.clone(),
            Fact::At {
                file,
                line,
                field,
                inner,
            } => {
                let inner = inner.render(lang);
                match (field.as_deref(), lang) {
                    (Some(field), Lang::En) => {
                        format!("{file} line {line}, field {field}: {inner}")
                    }
                    (None, Lang::En) => format!("{file} line {line}: {inner}"),
                    // The field as the file names it (its column or key), quoted.
                    (Some("header"), Lang::Vi) => {
                        format!("Dòng tiêu đề (dòng {line}) của tệp {file}: {inner}")
                    }
                    (Some(column), Lang::Vi) if column.starts_with("column ") => {
                        let n = &column["column ".len()..];
                        format!("Dòng {line} của tệp {file}, cột {n}: {inner}")
                    }
                    (Some(field), Lang::Vi) if field != "row" => {
                        format!("Dòng {line} của tệp {file}, trường `{field}`: {inner}")
                    }
                    (_, Lang::Vi) => format!("Dòng {line} của tệp {file}: {inner}"),
                }
            }
            Fact::Db(f) => f.render(lang),
            Fact::Access(f) => f.render(lang),
            Fact::Record(f) => f.render(lang),
            Fact::Value(f) => f.render(lang),
            Fact::Files(f) => f.render(lang),
            Fact::Import(f) => f.render(lang),
            Fact::Audit(f) => f.render(lang),
            Fact::Cli(f) => f.render(lang),
            Fact::Config(f) => f.render(lang),
        }
    }
}

/// In the process's language ([`crate::lang::current`]).
impl fmt::Display for Fact {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(super::current()))
    }
}

/// A finding as its English sentence, in JSON output (which never changes with the
/// language; see `docs/cli.md`).
pub(crate) fn serialize_rendered<S: serde::Serializer>(f: &Fact, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&f.render(Lang::En))
}

/// An optional finding as its English sentence, or `null`.
pub(crate) fn serialize_rendered_opt<S: serde::Serializer>(
    f: &Option<Audit>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match f {
        Some(f) => s.serialize_str(&f.render(Lang::En)),
        None => s.serialize_none(),
    }
}

impl fmt::Display for Audit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(super::current()))
    }
}

impl From<String> for Fact {
    fn from(s: String) -> Self {
        Fact::Text(s)
    }
}

impl From<&str> for Fact {
    fn from(s: &str) -> Self {
        Fact::Text(s.to_string())
    }
}

macro_rules! area {
    ($($t:ident),*) => {$(
        impl From<$t> for Fact {
            fn from(f: $t) -> Self {
                Fact::$t(f)
            }
        }
    )*};
}
area!(Db, Access, Record, Value, Files, Import, Audit, Cli);

impl From<Config> for Fact {
    fn from(f: Config) -> Self {
        Fact::Config(Box::new(f))
    }
}

#[cfg(test)]
mod tests;
