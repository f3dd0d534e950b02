//! Terminal setup and restore: raw mode, the alternate screen, bracketed paste, the mouse
//! (unless `--no-mouse`) and a hidden cursor on the way in; all undone on every way out
//! (normal exit, error, panic, signals).

use std::io::{stdout, Stdout, Write};
use std::path::PathBuf;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

/// The terminal the TUI draws on.
pub type Tty = Terminal<CrosstermBackend<Stdout>>;

/// Enters raw mode and the alternate screen, turns on bracketed paste (a paste arrives
/// marked, so it is text and never keys) and, when `mouse`, the mouse reports (clicks and
/// the wheel, SGR), and hides the cursor.
pub fn setup(mouse: bool) -> std::io::Result<Tty> {
    enable_raw_mode()?;
    if let Err(e) = execute!(stdout(), EnterAlternateScreen, EnableBracketedPaste, Hide) {
        restore();
        return Err(e);
    }
    if mouse {
        let mut out = stdout();
        if let Err(e) = out
            .write_all(super::input::mouse::ENABLE.as_bytes())
            .and_then(|()| out.flush())
        {
            restore();
            return Err(e);
        }
    }
    match Terminal::new(CrosstermBackend::new(stdout())) {
        Ok(t) => Ok(t),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Turns the mouse reports and bracketed paste off, leaves the alternate screen, shows the
/// cursor and leaves raw mode. Safe to call more than once and when the terminal is gone
/// (errors are ignored: nothing can be shown).
pub fn restore() {
    let _ = stdout().write_all(super::input::mouse::DISABLE.as_bytes());
    let _ = execute!(stdout(), DisableBracketedPaste, LeaveAlternateScreen, Show);
    let _ = disable_raw_mode();
    let _ = stdout().flush();
}

/// Where a panic's details are written.
pub fn panic_log_path() -> PathBuf {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("phoihop"))
        .unwrap_or_else(std::env::temp_dir)
        .join("phoihop-panic.log")
}

/// On a panic: restore the terminal first, write the details to the log and say in one
/// line where it is.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        crate::log::panicked(info);
        let path = panic_log_path();
        let bt = std::backtrace::Backtrace::force_capture();
        let written = path
            .parent()
            .map(|p| std::fs::create_dir_all(p).is_ok())
            .unwrap_or(true)
            && std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&path)
                .and_then(|mut f| writeln!(f, "{info}\n{bt}"))
                .is_ok();
        if written {
            eprintln!(
                "phoihop: internal error; the terminal was restored and the details are in {}.",
                path.display()
            );
        } else {
            eprintln!("phoihop: internal error: {info}");
        }
    }));
}
