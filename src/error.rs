//! Typed errors of the library. Every error is one sentence and maps to one exit code
//! (see `docs/cli.md`).

use thiserror::Error;

/// The error type of every library function.
#[derive(Debug, Error)]
pub enum Error {
    /// Bad arguments or a bad combination of them (exit 2).
    #[error("{0}")]
    Usage(String),
    /// A record that does not exist (exit 3).
    #[error("{0}")]
    NotFound(String),
    /// A version mismatch: someone else changed the record since it was read (exit 4).
    #[error("{0}")]
    Conflict(String),
    /// The role, the read-only flag or the file forbids this (exit 5).
    #[error("{0}")]
    PermissionDenied(String),
    /// A value or a file that is not valid (exit 6).
    #[error("{0}")]
    Invalid(String),
    /// Another connection held the write lock for longer than this one waits (exit 1,
    /// as [`Error::Other`]); the TUI offers to try again.
    #[error("{0}")]
    Busy(String),
    /// Anything else (exit 1).
    #[error("{0}")]
    Other(String),
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

    /// Shorthand for an invalid-data error.
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match &e {
            rusqlite::Error::SqliteFailure(f, msg) => match f.code {
                ErrorCode::ReadOnly => Error::PermissionDenied(
                    "The database is open read-only (or its file is not writable), so nothing can be changed.".into(),
                ),
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Error::Busy(
                    "The database stayed busy for too long; another session holds a long write, try again.".into(),
                ),
                ErrorCode::DiskFull => Error::Other("The disk is full; nothing was changed.".into()),
                ErrorCode::SystemIoFailure => Error::Other(
                    "The database file could not be read or written (an I/O error, a full disk or a file size limit); nothing was changed.".into(),
                ),
                ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => Error::Other(
                    "The file is not a phoihop database or is damaged; run `phoihop check` or restore a backup.".into(),
                ),
                ErrorCode::CannotOpen => Error::Other(
                    "The database file cannot be opened; check that its directory exists and is accessible.".into(),
                ),
                ErrorCode::PermissionDenied => Error::PermissionDenied(
                    "The operating system denied access to the database file.".into(),
                ),
                _ => Error::Other(format!(
                    "Database error: {}.",
                    msg.clone().unwrap_or_else(|| f.to_string())
                )),
            },
            _ => Error::Other(format!("Database error: {e}.")),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => Error::NotFound(format!("File not found: {e}.")),
            std::io::ErrorKind::PermissionDenied => {
                Error::PermissionDenied(format!("Permission denied: {e}."))
            }
            _ => Error::Other(format!("I/O error: {e}.")),
        }
    }
}

/// Result alias of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;
