//! The terminal app (Elm shape: event → action → update → view).
//!
//! `event` merges terminal input, signals, the job runner's results (`jobs`) and a slow
//! tick into one channel; `keymap`
//! turns keys into [`action::Action`]s per mode; [`state::AppState::update`] is the only
//! place the state changes; `view` draws from `&AppState`; `widgets` are the reusable
//! pieces. The screen is redrawn only when an update changed something.

pub mod action;
pub mod event;
pub mod i18n;
pub mod input;
pub mod jobs;
pub mod keymap;
pub mod state;
pub mod term;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::store::Store;
use action::Action;
use event::Event;
use i18n::Lang;
use state::AppState;
use theme::Theme;

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
    /// Clicks and the wheel (`--no-mouse` turns them off).
    pub mouse: bool,
    /// `--wall SECONDS`: the wallboard, turning every so many seconds.
    pub wall: Option<u64>,
}

/// How often the loop wakes when nothing happens, to look for commits by others (one
/// `PRAGMA data_version`, no drawing). A commit waits up to one tick before it is seen,
/// then only the visible screen is read again (for the dashboard at 1,000,000 tasks, its
/// aggregates: ~0.35 s unloaded), so the tick sets the floor of the 1 s live-refresh bar.
/// 250 ms halves the worst wait of 500 ms for twice the idle cost, measured before the
/// choice with `BENCH_ONLY=pty scripts/bench.sh` (release, 1,000,000 tasks, 60 s idle on
/// the dashboard): 14.6 ms CPU (0.024 % of one core) at 500 ms; 27–34 ms (0.045–0.057 %)
/// at 250 ms — under the 0.1 % bar. See docs/performance.md, "Live refresh and idle cost".
const TICK: Duration = Duration::from_millis(250);

/// Runs the TUI until the user quits; the terminal is restored on every exit path. Ended
/// by a signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT), the process exits with status
/// 128 + the signal's number once the terminal is restored, as a shell expects.
pub fn run(opts: Options) -> Result<()> {
    if !std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            crate::lang::facts::Cli::NeedsTerminal { rollup: false }.into(),
        ));
    }
    // Today is read once, here at the edge, and passed in.
    let today = chrono::Local::now().date_naive();
    // No silent new database: a mistyped path would show an empty province.
    crate::store::fs::refuse_missing(&opts.db)?;
    let store = Store::open(&opts.db, opts.read_only)?;
    // The key loop only reads (writes run on the job runner): it never waits long.
    store.set_busy_timeout(jobs::READ_WAIT)?;
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    // Nothing is read yet: the first frame is drawn at once, and the first view, the
    // session and an operator's home are read on the job runner's read lane.
    let mut state = AppState::unloaded(
        store,
        Lang::from_code(opts.lang),
        opts.as_of.unwrap_or(today),
        today,
        opts.program.clone(),
        size,
    )?;
    // The loop below watches for other sessions' commits.
    state.live = true;
    state.mouse = opts.mouse;
    let theme = Theme::new(opts.theme, theme::no_color_env());
    let (tx, rx) = mpsc::channel();
    state.set_notifier(tx.clone());
    state.start_first_load()?;
    if let Some(every) = opts.wall {
        state.start_wall(every)?;
    }
    let signals = event::spawn_signals(tx.clone())?;
    term::install_panic_hook();
    let mut terminal = term::setup(opts.mouse)?;
    let result = match event::spawn_input(tx) {
        Ok(()) => event_loop(&mut terminal, &mut state, &theme, &rx),
        Err(e) => Err(e.into()),
    };
    term::restore();
    signals.close();
    // The start's first read failed: its error, on the restored terminal.
    if let Some(e) = state.take_fatal() {
        return Err(e);
    }
    match result {
        Ok(Ended::BySignal(sig)) => {
            // The database connection is closed before the process ends.
            drop(state);
            std::process::exit(128 + sig);
        }
        Ok(Ended::Normally) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Runs the roll-up screen over the replicas `files` (read-only) until the user quits;
/// `Enter` on a province runs that replica's own dashboard, read-only, in the same
/// terminal, and `q` there comes back here (`tui/state/rollup.rs`).
pub fn run_rollup(opts: Options, files: Vec<PathBuf>, req: crate::rollup::Request) -> Result<()> {
    use state::rollup::{action_for, RollupAction, RollupScreen};
    if !std::io::stdout().is_terminal() {
        return Err(Error::Usage(
            crate::lang::facts::Cli::NeedsTerminal { rollup: true }.into(),
        ));
    }
    let today = chrono::Local::now().date_naive();
    let lang = Lang::from_code(opts.lang);
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let mut screen = RollupScreen::new(files, req, lang, today, size)?;
    let theme = Theme::new(opts.theme, theme::no_color_env());
    let (tx, rx) = mpsc::channel();
    let signals = event::spawn_signals(tx.clone())?;
    term::install_panic_hook();
    let mut terminal = term::setup(opts.mouse)?;
    let input = event::spawn_input(tx.clone());
    let mut ended = Ok(Ended::Normally);
    let mut dirty = true;
    while input.is_ok() && !screen.quit {
        if dirty
            && terminal
                .draw(|f| view::rollup::draw(f, &screen, &theme))
                .is_err()
        {
            break;
        }
        dirty = false;
        let ev = match rx.recv_timeout(TICK) {
            Ok(ev) => ev,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match ev {
            Event::Input(batch) => {
                for inp in batch {
                    if let input::Input::Key(k) = inp {
                        if let Some(a) = action_for(k) {
                            dirty |= screen.update(a);
                        }
                    }
                }
            }
            Event::Resize => {
                let (w, h) = crossterm::terminal::size().unwrap_or(screen.size);
                dirty |= screen.update(RollupAction::Resize(w, h));
            }
            Event::Background | Event::Job(_) => {}
            Event::InputClosed => break,
            Event::Terminate(sig) => {
                ended = Ok(Ended::BySignal(sig));
                break;
            }
        }
        if let Some(path) = screen.open.take() {
            // The province's own dashboard, read-only (immutable when nothing writes it).
            let opened = Store::open_replica(&path).and_then(|(store, _)| {
                AppState::new(store, lang, screen.rollup.as_of, today, None, screen.size)
            });
            match opened {
                Ok(mut st) => {
                    st.set_notifier(tx.clone());
                    match event_loop(&mut terminal, &mut st, &theme, &rx) {
                        Ok(Ended::Normally) => {}
                        other => {
                            ended = other;
                            break;
                        }
                    }
                    let (w, h) = crossterm::terminal::size().unwrap_or(screen.size);
                    screen.update(RollupAction::Resize(w, h));
                }
                Err(e) => screen.notice = Some(e.to_string()),
            }
            dirty = true;
        }
    }
    term::restore();
    signals.close();
    if let Err(e) = input {
        return Err(e.into());
    }
    match ended {
        Ok(Ended::BySignal(sig)) => std::process::exit(128 + sig),
        Ok(Ended::Normally) => Ok(()),
        Err(e) => Err(e),
    }
}

/// How the event loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ended {
    /// Quit, or the terminal went away.
    Normally,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT: the number.
    BySignal(i32),
}

/// Applies what one read of the terminal held. A paste is one action. Once an action
/// changes the mode (a key opened a form, a dialog, the help…), the rest of the read is
/// dropped: keys that arrived together with it were not typed for the new mode (a paste
/// with the terminal's bracketed paste off must never run as commands).
/// Returns whether to redraw.
pub fn apply_batch(state: &mut AppState, batch: Vec<input::Input>) -> bool {
    let mut dirty = false;
    for inp in batch {
        let before = state.mode();
        let action = match inp {
            input::Input::Key(k) => keymap::action_for(before, k),
            input::Input::Paste(text) => Some(Action::Paste(text)),
        };
        if let Some(a) = action {
            dirty |= state.update(a);
        }
        if state.quit || state.mode() != before {
            break;
        }
    }
    dirty
}

/// Reads events until quit, applying each and drawing when something changed. Keys
/// that arrived together are all applied before one draw.
fn event_loop(
    terminal: &mut term::Tty,
    state: &mut AppState,
    theme: &Theme,
    rx: &Receiver<Event>,
) -> Result<Ended> {
    let mut dirty = true;
    let mut version = state.data_version().ok();
    // The wallboard turns on the clock, read here at the edge: the screen shown, when.
    let mut turned = (state.wall.map(|w| w.screen), std::time::Instant::now());
    loop {
        if dirty {
            if terminal.draw(|f| view::draw(f, state, theme)).is_err() {
                // The terminal is gone; nothing more can be shown.
                return Ok(Ended::Normally);
            }
            dirty = false;
        }
        let first = match rx.recv_timeout(TICK) {
            Ok(ev) => Some(ev),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => return Ok(Ended::Normally),
        };
        // Past midnight "today" moves: writes are dated with the real date, and a
        // screen that followed today shows the new day.
        let day = chrono::Local::now().date_naive();
        if day != state.today {
            dirty |= state.update(Action::DateChanged(day));
        }
        if let Some(w) = state.wall {
            if turned.0 != Some(w.screen) {
                // Turned by a key: a full turn from now.
                turned = (Some(w.screen), std::time::Instant::now());
            } else if !w.paused && turned.1.elapsed() >= Duration::from_secs(w.every) {
                dirty |= state.update(Action::WallNext);
                turned = (state.wall.map(|w| w.screen), std::time::Instant::now());
            }
        }
        let mut events: Vec<Event> = first.into_iter().collect();
        events.extend(rx.try_iter());
        if events.is_empty() && state.reading_first() {
            // The loading line's spinner turns on each tick.
            dirty |= state.update(Action::Tick);
        }
        if events.is_empty() {
            let now = state.data_version().ok();
            if now != version {
                version = now;
                dirty |= state.update(Action::DataChanged);
            }
            continue;
        }
        for ev in events {
            match ev {
                Event::Input(batch) => dirty |= apply_batch(state, batch),
                Event::Resize => {
                    let (w, h) = crossterm::terminal::size().unwrap_or(state.size);
                    dirty |= state.update(Action::Resize(w, h));
                }
                Event::Background => dirty |= state.update(Action::Background),
                Event::Job(done) => dirty |= state.update(Action::Job(done)),
                Event::InputClosed => return Ok(Ended::Normally),
                Event::Terminate(sig) => return Ok(Ended::BySignal(sig)),
            }
            if state.quit {
                return Ok(Ended::Normally);
            }
        }
    }
}
