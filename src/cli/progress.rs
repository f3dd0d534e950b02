//! Progress bars on long work (`indicatif`): a percentage of rows or bytes, the rate and
//! the time left, drawn on stderr only when it is a terminal and `--quiet` is not given;
//! nothing at all on a pipe. Cleared when the work ends, so the confirmation line stands
//! alone.

use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

static QUIET: AtomicBool = AtomicBool::new(false);

/// `--quiet`: no progress bars for the rest of the process.
pub fn set_quiet(q: bool) {
    QUIET.store(q, Ordering::Relaxed);
}

/// What is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Rows,
    Bytes,
    /// Database pages (backup, restore).
    Pages,
    /// Tables (a restore's replacement of the live data, one table at a time).
    Tables,
    /// Files (a roll-up's replicas).
    Files,
}

impl Unit {
    /// The unit's word after the count, in the process's language (none for rows and
    /// bytes: the message says what is counted).
    fn word(self) -> &'static str {
        let vi = crate::lang::current() == crate::lang::Lang::Vi;
        match (self, vi) {
            (Unit::Rows | Unit::Bytes, _) => "",
            (Unit::Pages, false) => " pages",
            (Unit::Pages, true) => " trang",
            (Unit::Tables, false) => " tables",
            (Unit::Tables, true) => " bảng",
            (Unit::Files, false) => " files",
            (Unit::Files, true) => " tệp",
        }
    }
}

/// A bar, or nothing (not a terminal, `--quiet`).
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `what` up to `total` (`None`: unknown, a counter with its rate).
    pub fn new(what: &str, total: Option<u64>, unit: Unit) -> Progress {
        if QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let word = unit.word();
        let count = match unit {
            Unit::Bytes => "{bytes}/{total_bytes} {binary_bytes_per_sec}".to_string(),
            _ => format!("{{human_pos}}/{{human_len}}{word} {{per_sec:0}}"),
        };
        let tmpl = match total {
            Some(_) => format!("{{msg}} {{wide_bar}} {{percent:>3}}% {count} {{eta}}"),
            None => match unit {
                Unit::Bytes => "{msg} {spinner} {bytes} {binary_bytes_per_sec}".to_string(),
                _ => format!("{{msg}} {{spinner}} {{human_pos}}{word} {{per_sec:0}}"),
            },
        };
        let style = ProgressStyle::with_template(&tmpl)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("█▉▊▋▌▍▎▏ ");
        let bar = match total {
            Some(t) => ProgressBar::with_draw_target(Some(t.max(1)), ProgressDrawTarget::stderr()),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
        };
        bar.set_style(style);
        bar.set_message(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    /// A spinner with the time spent, for work without a count (an integrity check).
    pub fn spinner(what: &str) -> Progress {
        if QUIET.load(Ordering::Relaxed) || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let style = ProgressStyle::with_template("{msg} {spinner} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(style);
        bar.set_message(what.to_string());
        bar.enable_steady_tick(Duration::from_millis(200));
        Progress { bar: Some(bar) }
    }

    /// Whether a bar is drawn.
    pub fn shown(&self) -> bool {
        self.bar.is_some()
    }

    /// Done so far.
    pub fn set(&self, n: u64) {
        if let Some(b) = &self.bar {
            if b.length().is_some_and(|l| n > l) {
                b.set_length(n);
            }
            b.set_position(n);
        }
    }

    /// A new total (known only once the work has begun, as a backup's page count).
    pub fn set_total(&self, total: u64) {
        if let Some(b) = &self.bar {
            b.set_length(total.max(1));
        }
    }

    /// One more done (work counted from several threads).
    pub fn inc(&self) {
        if let Some(b) = &self.bar {
            b.inc(1);
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

static PAGES: std::sync::Mutex<Option<ProgressBar>> = std::sync::Mutex::new(None);

/// Runs `f` with a bar of database pages that [`page_step`] moves (SQLite's backup API
/// takes a plain function).
pub fn with_pages<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let p = Progress::new(what, Some(1), Unit::Pages);
    if let Ok(mut g) = PAGES.lock() {
        *g = p.bar.clone();
    }
    let out = f();
    if let Ok(mut g) = PAGES.lock() {
        *g = None;
    }
    p.finish();
    out
}

/// The backup API's step: pages done of the page count.
pub fn page_step(p: rusqlite::backup::Progress) {
    if let Ok(g) = PAGES.lock() {
        if let Some(b) = g.as_ref() {
            let total = p.pagecount.max(1) as u64;
            b.set_length(total);
            b.set_position(total.saturating_sub(p.remaining.max(0) as u64));
        }
    }
}

/// A writer that counts what passes through: bytes, and line ends (CSV rows).
pub struct Counting<'a, W: Write> {
    pub inner: W,
    pub bytes: u64,
    pub lines: u64,
    progress: &'a Progress,
    unit: Unit,
}

impl<'a, W: Write> Counting<'a, W> {
    pub fn new(inner: W, progress: &'a Progress, unit: Unit) -> Self {
        Counting {
            inner,
            bytes: 0,
            lines: 0,
            progress,
            unit,
        }
    }
}

impl<W: Write> Write for Counting<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        if self.progress.shown() {
            self.lines += buf[..n].iter().filter(|b| **b == b'\n').count() as u64;
            self.progress.set(match self.unit {
                Unit::Bytes => self.bytes,
                _ => self.lines.saturating_sub(1),
            });
        }
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Lines in a file (an estimate of a CSV's rows: a quoted line break counts too), read in
/// blocks; `None` when it cannot be read.
pub fn count_lines(path: &std::path::Path) -> Option<u64> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).ok()?;
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = f.read(&mut buf).ok()?;
        if k == 0 {
            return Some(n);
        }
        n += buf[..k].iter().filter(|b| **b == b'\n').count() as u64;
    }
}
