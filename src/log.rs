//! The log (docs/deployment.md, "Logs"): errors, panics, refused writes and operations
//! over a second, through `tracing` into a daily-rotated file (`tracing-appender`,
//! 14 files kept):
//!
//! - `$XDG_STATE_HOME/phoihop/phoihop.log.YYYY-MM-DD` (normally `~/.local/state/…`);
//! - under the setgid install, [`SYSTEM_DIR`] (`root:phoihop 2770`, written through the
//!   group; the package makes it).
//!
//! A line names the login, the command and the kind of error, never what the roles would
//! hide: no task content, no message of a refusal. Failing to open the log never fails a
//! command.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Duration;

use tracing_appender::rolling::{RollingFileAppender, Rotation};

/// The log directory of the setgid install.
pub const SYSTEM_DIR: &str = "/var/log/phoihop";
/// The log file's name (the rotation appends the date).
pub const FILE_NAME: &str = "phoihop.log";
/// Operations longer than this are logged.
pub const SLOW: Duration = Duration::from_secs(1);
/// Overrides the directory (tests); ignored under setgid.
pub const DIR_ENV: &str = "PHOIHOP_LOG_DIR";

static DIR: OnceLock<PathBuf> = OnceLock::new();

/// The directory the log is written to, for this process.
pub fn dir(setgid: bool) -> Option<PathBuf> {
    if setgid {
        return Some(PathBuf::from(SYSTEM_DIR));
    }
    if let Some(d) = std::env::var_os(DIR_ENV).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    dirs::state_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local").join("state")))
        .map(|d| d.join("phoihop"))
}

/// Where the log is, as the panic message and `phoihop config` name it (the pattern of
/// today's file), if it could be opened.
pub fn shown_path() -> Option<PathBuf> {
    DIR.get().map(|d| {
        d.join(format!(
            "{FILE_NAME}.{}",
            chrono::Local::now().format("%Y-%m-%d")
        ))
    })
}

/// Opens the log; `None` (and no log) when its directory cannot be made or written.
pub fn init(setgid: bool) -> Option<PathBuf> {
    let dir = dir(setgid)?;
    if !setgid {
        // The user's own directory, with the user's own group.
        let made = crate::safe_file::as_real_group(|| Ok(std::fs::create_dir_all(&dir)?));
        if made.is_err() {
            return None;
        }
    }
    // The appender says so on stderr when the directory is missing: look first.
    if !dir.is_dir() {
        return None;
    }
    let appender = open(&dir, setgid)?;
    let subscriber = tracing_subscriber::fmt()
        .with_writer(appender)
        .with_ansi(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        // A log that cannot be written (a full disk, a file size limit) says nothing on
        // stderr: the command's own one sentence is all the user reads.
        .log_internal_errors(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).ok()?;
    let _ = DIR.set(dir);
    shown_path()
}

fn open(dir: &Path, setgid: bool) -> Option<RollingFileAppender> {
    let build = || {
        RollingFileAppender::builder()
            .rotation(Rotation::DAILY)
            .filename_prefix(FILE_NAME)
            .max_log_files(14)
            .build(dir)
            .ok()
    };
    if setgid {
        // Through the install's group: the directory is root:phoihop 2770.
        build()
    } else {
        crate::safe_file::as_real_group(|| Ok(build()))
            .ok()
            .flatten()
    }
}

/// The kind of an error, as the log names it.
pub fn kind(e: &crate::Error) -> &'static str {
    match e {
        crate::Error::Usage(_) => "usage",
        crate::Error::NotFound(_) => "not-found",
        crate::Error::Conflict(_) => "conflict",
        crate::Error::PermissionDenied(_) => "refused",
        crate::Error::Invalid(_) => "invalid",
        crate::Error::Busy(_) => "busy",
        crate::Error::Other(_) => "failure",
    }
}

/// Logs how a command ended: an error by its kind (the message only for failures of the
/// system — I/O, the database —, never for a refusal or bad input, which may quote what
/// the user typed), and any command slower than [`SLOW`].
pub fn command_ended(login: &str, command: &str, result: &crate::Result<()>, took: Duration) {
    let ms = took.as_millis() as u64;
    match result {
        Err(e @ crate::Error::Other(m)) => tracing::error!(
            login,
            command,
            kind = kind(e),
            exit = e.exit_code(),
            ms,
            message = %crate::domain::text::escape(&m.to_string()),
            "command failed"
        ),
        Err(e @ crate::Error::PermissionDenied(_)) => tracing::warn!(
            login,
            command,
            kind = kind(e),
            exit = e.exit_code(),
            ms,
            "write refused"
        ),
        Err(e) => tracing::info!(
            login,
            command,
            kind = kind(e),
            exit = e.exit_code(),
            ms,
            "command refused its input"
        ),
        Ok(()) if took > SLOW => tracing::info!(login, command, ms, "slow operation"),
        Ok(()) => {}
    }
}

/// The login of the real uid (never `$USER`).
pub fn login() -> String {
    let uid = nix::unistd::getuid();
    match nix::unistd::User::from_uid(uid) {
        Ok(Some(u)) => u.name,
        _ => format!("uid{}", uid.as_raw()),
    }
}

/// Logs a panic (its message and place: code, not data).
pub fn panicked(info: &std::panic::PanicHookInfo<'_>) {
    let at = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_default();
    let msg = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let bt = std::backtrace::Backtrace::force_capture();
    tracing::error!(
        login = %login(),
        at,
        message = %crate::domain::text::escape(&msg),
        "panic\n{bt}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_setgid_install_logs_to_the_system_directory() {
        assert_eq!(dir(true), Some(PathBuf::from(SYSTEM_DIR)));
    }

    #[test]
    fn kinds_are_named() {
        assert_eq!(kind(&crate::Error::PermissionDenied("x".into())), "refused");
        assert_eq!(kind(&crate::Error::Other("x".into())), "failure");
    }
}
