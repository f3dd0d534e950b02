//! Typed errors of the library. Every error is one sentence and maps to one exit code
//! (see `docs/cli.md`). The variant is the kind (and so the exit code); its [`Fact`]
//! carries what happened, and each language renders its own sentence from it
//! ([`Error::render`]; `Display` renders in the process's language, [`crate::lang::current`]).

use thiserror::Error;

use crate::lang::facts::Db;
pub use crate::lang::facts::{Act, Fact};
use crate::lang::Lang;

/// The error type of every library function.
#[derive(Debug, Error)]
pub enum Error {
    /// Bad arguments or a bad combination of them (exit 2).
    #[error("{0}")]
    Usage(Fact),
    /// A record that does not exist (exit 3).
    #[error("{0}")]
    NotFound(Fact),
    /// A version mismatch: someone else changed the record since it was read (exit 4).
    #[error("{0}")]
    Conflict(Fact),
    /// The role, the read-only flag or the file forbids this (exit 5).
    #[error("{0}")]
    PermissionDenied(Fact),
    /// A value or a file that is not valid (exit 6).
    #[error("{0}")]
    Invalid(Fact),
    /// Another connection held the write lock for longer than this one waits (exit 1,
    /// as [`Error::Other`]); the TUI offers to try again.
    #[error("{0}")]
    Busy(Fact),
    /// Anything else (exit 1).
    #[error("{0}")]
    Other(Fact),
}

impl Error {
    /// The process exit code of this error, as documented in `docs/cli.md`.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::NotFound(_) => 3,
            Error::Conflict(_) => 4,
            Error::PermissionDenied(_) => 5,
            Error::Invalid(_) => 6,
            Error::Busy(_) | Error::Other(_) => 1,
        }
    }

    /// What happened.
    pub fn fact(&self) -> &Fact {
        match self {
            Error::Usage(f)
            | Error::NotFound(f)
            | Error::Conflict(f)
            | Error::PermissionDenied(f)
            | Error::Invalid(f)
            | Error::Busy(f)
            | Error::Other(f) => f,
        }
    }

    /// The sentence in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.fact().render(lang)
    }

    /// Shorthand for an invalid-data error.
    pub fn invalid(msg: impl Into<Fact>) -> Self {
        Error::Invalid(msg.into())
    }
}

/// The fact of an error (its kind dropped), to say it about a place: an import's line.
impl From<Error> for Fact {
    fn from(e: Error) -> Self {
        match e {
            Error::Usage(f)
            | Error::NotFound(f)
            | Error::Conflict(f)
            | Error::PermissionDenied(f)
            | Error::Invalid(f)
            | Error::Busy(f)
            | Error::Other(f) => f,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg) => match f.code {
                ErrorCode::ReadOnly => Error::PermissionDenied(Db::FileReadOnly.into()),
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Error::Busy(Db::Busy.into()),
                ErrorCode::DiskFull => Error::Other(Db::DiskFull.into()),
                ErrorCode::SystemIoFailure => Error::Other(Db::IoFailure.into()),
                ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                    Error::Other(Db::NotADatabase.into())
                }
                ErrorCode::CannotOpen => Error::Other(Db::CannotOpen.into()),
                ErrorCode::PermissionDenied => Error::PermissionDenied(Db::OsDenied.into()),
                _ => Error::Other(
                    Db::Sqlite {
                        detail: msg.clone().unwrap_or_else(|| f.to_string()),
                    }
                    .into(),
                ),
            },
            rusqlite::Error::FromSqlConversionFailure(_, _, inner) => {
                match inner.downcast_ref::<crate::store::row::BadStored>() {
                    Some(bad) => Error::Other(bad.fact().into()),
                    None => Error::Other(
                        Db::Sqlite {
                            detail: e.to_string(),
                        }
                        .into(),
                    ),
                }
            }
            _ => Error::Other(
                Db::Sqlite {
                    detail: e.to_string(),
                }
                .into(),
            ),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        let detail = e.to_string();
        match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(Db::IoNotFound { detail }.into()),
            std::io::ErrorKind::PermissionDenied => {
                Error::PermissionDenied(Db::IoDenied { detail }.into())
            }
            _ => Error::Other(Db::Io { detail }.into()),
        }
    }
}

/// Result alias of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
