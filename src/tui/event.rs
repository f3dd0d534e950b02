//! One channel of events: keys read from the terminal, resizes and termination signals,
//! and (from the loop's timeout) a slow tick that watches the database for changes.
//!
//! The terminal is read with plain blocking reads: end of input or a read error (the
//! SSH session or pty gone) sends [`Event::InputClosed`] and the reader stops, so the
//! program ends instead of spinning.

use std::io::{IsTerminal, Read};
use std::os::fd::AsFd;
use std::sync::mpsc::Sender;
use std::thread;

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};
use signal_hook::iterator::Signals;

use super::input::{Decoder, Input, ESC_WAIT};

/// What the input thread reads: the terminal, which can also be polled.
trait Source: Read + AsFd + Send {}
impl<T: Read + AsFd + Send> Source for T {}

/// Waits up to `ESC_WAIT` for `source` to have bytes; false when none came.
fn more_within_esc_wait(source: &dyn Source) -> bool {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    let ms = u16::try_from(ESC_WAIT.as_millis()).unwrap_or(u16::MAX);
    let mut fds = [PollFd::new(source.as_fd(), PollFlags::POLLIN)];
    // An error (EINTR) counts as "more": the next read decides.
    !matches!(poll(&mut fds, PollTimeout::from(ms)), Ok(0))
}

/// What the main loop reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// What one read of the terminal held, in order. Once a key changes the mode, the
    /// rest of its read is dropped (a paste with the terminal's bracketed paste off must
    /// not run as commands).
    Input(Vec<Input>),
    /// The terminal changed size (SIGWINCH).
    Resize,
    /// The terminal is gone: end of input or a read error.
    InputClosed,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT.
    Terminate(i32),
    /// Work done off the key loop has finished (a search index was built).
    Background,
    /// A job of the runner has finished (`tui::jobs`): applied as `Action::Job`.
    Job(super::jobs::Done),
}

/// Starts the thread that reads the terminal (stdin when it is one, else `/dev/tty`).
pub fn spawn_input(tx: Sender<Event>) -> std::io::Result<()> {
    let mut source: Box<dyn Source> = if std::io::stdin().is_terminal() {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open("/dev/tty")?)
    };
    thread::Builder::new()
        .name("phoihop-input".into())
        .spawn(move || {
            let mut decoder = Decoder::default();
            let mut clicks = super::input::mouse::Clicks::default();
            let mut buf = [0u8; 1024];
            loop {
                match source.read(&mut buf) {
                    Ok(0) => break,
                    Ok(n) => {
                        let mut batch = decoder.feed(&buf[..n]);
                        // A lone ESC at the end: the rest of a sequence may be on its
                        // way; if nothing comes in time it is the Esc key.
                        if decoder.holds_esc() && !more_within_esc_wait(source.as_ref()) {
                            batch.extend(decoder.flush());
                        }
                        // A second click soon on the same cell is a double click.
                        let now = std::time::Instant::now();
                        for inp in &mut batch {
                            if let Input::Key(super::input::Key::Mouse(m)) = inp {
                                *m = clicks.classify(*m, now);
                            }
                        }
                        if !batch.is_empty() && tx.send(Event::Input(batch)).is_err() {
                            return;
                        }
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(_) => break,
                }
            }
            let _ = tx.send(Event::InputClosed);
        })?;
    Ok(())
}

/// Starts the thread that turns signals into events.
pub fn spawn_signals(tx: Sender<Event>) -> std::io::Result<signal_hook::iterator::Handle> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGWINCH])?;
    let handle = signals.handle();
    thread::Builder::new()
        .name("phoihop-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let ev = if sig == SIGWINCH {
                    Event::Resize
                } else {
                    Event::Terminate(sig)
                };
                if tx.send(ev).is_err() {
                    return;
                }
            }
        })?;
    Ok(handle)
}
