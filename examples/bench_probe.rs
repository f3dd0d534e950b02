//! Measurements for `scripts/bench.sh` that need the library's real code paths or the real
//! binary in a pseudo-terminal. Every mode prints `key value` lines on stdout.
//!
//! ```text
//! bench_probe dashboard DB
//!     Open DB read-only and load everything the TUI's dashboard shows
//!     (Dashboard::load: Store::summary, Store::attention, Store::programs, next review).
//!     One run per process: hyperfine times the whole process against sqlite3's.
//! bench_probe pty BIN DB [IDLE_SECONDS]
//!     Run the real TUI (BIN --db DB) in a 120x40 pty and measure:
//!     bytes of the first frame, of one `j` on the tasks table, of a full repaint of the
//!     same screen (resize away and back), peak RSS after dashboard + view switch + moves
//!     and a task search (`/`, `dan van` typed a key at a time, erased, `dang uy`, Esc,
//!     each key answered before the next), CPU time used while idle on the dashboard for IDLE_SECONDS (default 60), and the
//!     latency from a commit by this (other) process to the end of the redraw.
//!     DB is written to (one progress update): pass a copy.
//! bench_probe locked BIN DB [HOLD_SECONDS]
//!     Run the real TUI in a 120x40 pty; this process takes the write lock
//!     (`BEGIN IMMEDIATE`) and holds it for HOLD_SECONDS (default 10) while the TUI saves a
//!     progress update (it waits, offers a retry, which is taken, and so on) and `j`/`k`
//!     are sent one at a time: key → end of its frame, median / p99 / max. Then the lock
//!     is released and the save completes. DB is written to: pass a copy.
//! bench_probe first BIN DB
//!     Run the real TUI in a 120x40 pty: process start → the first frame with the loading
//!     line ("Reading…"), → the dashboard drawn (its category table); then a second start
//!     with `q` sent as soon as the loading line shows: `q` → the process gone. The
//!     screen is polled every 2 ms. Nothing is written.
//! bench_probe rollup BIN DIR
//!     Run the roll-up screen (BIN --rollup DIR) in a 120x40 pty: process start → end of
//!     the first frame (every replica read and judged before it), peak RSS, `j`/`k` on
//!     the Provinces table one at a time (key → end of its frame, median / p99 / max of
//!     40), Enter on a province → end of its own dashboard's frame, `q` back to the
//!     roll-up. Nothing is written.
//! ```

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

use phoihop::domain::{Progress, ProgressUpdate, Status, TaskEdit};
use phoihop::store::{Scope, Store, TaskFilter, TaskSort};
use phoihop::tui::state::Dashboard;

const COLS: u16 = 120;
const ROWS: u16 = 40;

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

/// Figures as `key value` lines, in the order measured.
#[derive(Debug, Default)]
pub struct Report(pub Vec<(String, String)>);

impl Report {
    fn put(&mut self, k: &str, v: impl std::fmt::Display) {
        self.0.push((k.to_string(), v.to_string()));
    }

    /// The value of `k`, parsed.
    pub fn get<T: std::str::FromStr>(&self, k: &str) -> Option<T> {
        self.0.iter().find(|(key, _)| key == k)?.1.parse().ok()
    }
}

#[allow(dead_code)]
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let r = match args.first().map(String::as_str) {
        Some("dashboard") if args.len() == 2 => dashboard(Path::new(&args[1]), None),
        Some("dashboard") if args.len() == 3 => {
            match chrono::NaiveDate::parse_from_str(&args[2], "%Y-%m-%d") {
                Ok(d) => dashboard(Path::new(&args[1]), Some(d)),
                Err(e) => Err(format!("the as-of date {}: {e}", args[2]).into()),
            }
        }
        Some("pty") if args.len() >= 3 => {
            let idle = args
                .get(3)
                .and_then(|s| s.parse::<f64>().ok())
                .unwrap_or(60.0);
            pty(
                Path::new(&args[1]),
                Path::new(&args[2]),
                Duration::from_secs_f64(idle),
            )
        }
        Some("locked") if args.len() >= 3 => {
            let hold = args
                .get(3)
                .and_then(|s| s.parse::<f64>().ok())
                .unwrap_or(10.0);
            locked(
                Path::new(&args[1]),
                Path::new(&args[2]),
                Duration::from_secs_f64(hold),
            )
        }
        Some("first") if args.len() == 3 => first(Path::new(&args[1]), Path::new(&args[2])),
        Some("rollup") if args.len() == 3 => rollup(Path::new(&args[1]), Path::new(&args[2])),
        _ => Err(
            "usage: bench_probe dashboard DB [AS_OF] | bench_probe pty BIN DB [IDLE_SECONDS] | bench_probe locked BIN DB [HOLD_SECONDS] | bench_probe first BIN DB | bench_probe rollup BIN DIR"
                .into(),
        ),
    };
    match r {
        Ok(rep) => {
            for (k, v) in rep.0 {
                println!("{k} {v}");
            }
        }
        Err(e) => {
            eprintln!("bench_probe: {e}");
            std::process::exit(1);
        }
    }
}

pub type Res<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn today() -> chrono::NaiveDate {
    // Read once at the edge, as the TUI does.
    chrono::Local::now().date_naive()
}

/// Exactly what the TUI does for its first dashboard, minus drawing.
/// Opens the database and loads everything the dashboard shows, as of today or of a past
/// date (read from the versions).
pub fn dashboard(db: &Path, as_of: Option<chrono::NaiveDate>) -> Res<Report> {
    let mut rep = Report::default();
    let t = Instant::now();
    let store = Store::open(db, true)?;
    let mut d = Dashboard::default();
    let today = today();
    d.load(&store, &Scope::default(), as_of.unwrap_or(today), today)?;
    let s = d.summary.as_ref().ok_or("no summary")?;
    rep.put("tasks", s.totals.tasks);
    let c = &s.totals;
    rep.put(
        "buckets",
        format!(
            "{}/{}/{}/{}",
            c.done_on_time, c.done_late, c.in_time, c.overdue
        ),
    );
    rep.put("due_soon", s.due_soon);
    rep.put("progress", c.progress);
    rep.put("categories", s.categories.len());
    rep.put("agencies", s.agencies.len());
    rep.put("attention", d.attention.len());
    rep.put(
        "next_review",
        d.next_review
            .map_or("-".into(), |(d, p)| format!("{d}:{p}")),
    );
    rep.put("load_ms", format!("{:.3}", t.elapsed().as_secs_f64() * 1e3));
    Ok(rep)
}

/// Output of the TUI as (arrival time, bytes).
#[derive(Default)]
struct Out {
    chunks: Vec<(Instant, usize)>,
    /// The screen as the terminal shows it.
    screen: Option<vt100::Parser>,
    /// When set (`locked`): after each chunk, the screen row of the selection (`▶`), so
    /// that a key's own frame (the one that moved it) is told from others.
    cursor_rows: Option<Vec<Option<usize>>>,
}

/// The screen row holding the selection mark.
fn cursor_row(p: &vt100::Parser) -> Option<usize> {
    p.screen().contents().lines().position(|l| l.contains('▶'))
}

struct Tui {
    out: Arc<Mutex<Out>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    pid: u32,
}

impl Tui {
    fn start(bin: &Path, db: &Path) -> Res<Tui> {
        Tui::start_with(bin, &[std::ffi::OsStr::new("--db"), db.as_os_str()])
    }

    /// The TUI with these arguments.
    fn start_with(bin: &Path, args: &[&std::ffi::OsStr]) -> Res<Tui> {
        let pair = native_pty_system().openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        let bin = std::fs::canonicalize(bin)?;
        let mut cmd = CommandBuilder::new(bin);
        for a in args {
            cmd.arg(a);
        }
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let pid = child.process_id().ok_or("no pid for the TUI")?;
        let out = Arc::new(Mutex::new(Out::default()));
        let mut reader = pair.master.try_clone_reader()?;
        let o = out.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut o) = o.lock() {
                    o.chunks.push((Instant::now(), n));
                    o.screen
                        .get_or_insert_with(|| vt100::Parser::new(nz(ROWS), nz(COLS), 0))
                        .process(&buf[..n]);
                    let row = o.screen.as_ref().and_then(cursor_row);
                    if let Some(rows) = o.cursor_rows.as_mut() {
                        rows.push(row);
                    }
                }
            }
        });
        let writer = pair.master.take_writer()?;
        Ok(Tui {
            out,
            writer,
            master: pair.master,
            child,
            pid,
        })
    }

    fn mark(&self) -> usize {
        self.out.lock().map_or(0, |o| o.chunks.len())
    }

    /// Waits for output after `mark`, then until none came for `quiet`; returns the
    /// bytes after `mark` and the time of the last chunk. Gives up after `limit`.
    fn settle(&self, mark: usize, quiet: Duration, limit: Duration) -> Res<(usize, Instant)> {
        let start = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(10));
            let (bytes, last) = {
                let o = self.out.lock().map_err(|_| "poisoned")?;
                let after = &o.chunks[mark.min(o.chunks.len())..];
                (
                    after.iter().map(|c| c.1).sum::<usize>(),
                    after.last().map(|c| c.0),
                )
            };
            if let Some(last) = last {
                if last.elapsed() >= quiet {
                    return Ok((bytes, last));
                }
            }
            if start.elapsed() > limit {
                return Err(format!("no settled output within {limit:?} ({bytes} bytes)").into());
            }
        }
    }

    fn key(&mut self, k: &str) -> Res<()> {
        self.writer.write_all(k.as_bytes())?;
        self.writer.flush()?;
        Ok(())
    }

    fn resize(&self, cols: u16, rows: u16) -> Res<()> {
        if let Ok(mut o) = self.out.lock() {
            if let Some(p) = o.screen.as_mut() {
                p.set_size(nz(rows), nz(cols));
            }
        }
        self.master.resize(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        Ok(())
    }

    /// The match count the search line shows (`N matches` / `N kết quả`), if any.
    fn search_count(&self) -> Option<u64> {
        let o = self.out.lock().ok()?;
        let text = o.screen.as_ref()?.screen().contents();
        let line = text
            .lines()
            .rev()
            .find(|l| l.trim_start().starts_with('/'))?;
        let (before, _) = line
            .rsplit_once(" matches")
            .or_else(|| line.rsplit_once(" kết quả"))?;
        before.split_whitespace().last()?.parse().ok()
    }

    fn status_kb(&self, field: &str) -> u64 {
        std::fs::read_to_string(format!("/proc/{}/status", self.pid))
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with(field))
                    .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
            })
            .unwrap_or(0)
    }

    /// Waits for output after `mark` (when `output`), then until the TUI has written
    /// nothing and used (almost) no CPU for `quiet`: a search thread answering a query
    /// writes nothing until it is done, so quiet output alone is not enough.
    fn settle_idle(&self, mark: usize, output: bool, quiet: Duration, limit: Duration) -> Res<()> {
        let start = Instant::now();
        if output {
            self.settle(mark, Duration::from_millis(50), limit)?;
        }
        loop {
            let (ticks, m) = (self.cpu_ticks()?, self.mark());
            std::thread::sleep(quiet);
            // Ticks are 10 ms: at most one tick in `quiet` is the idle loop's wake-ups.
            if self.cpu_ticks()? <= ticks + 1 && self.mark() == m {
                return Ok(());
            }
            if start.elapsed() > limit {
                return Err(format!("the TUI did not settle within {limit:?}").into());
            }
        }
    }

    /// utime + stime of the whole process (all threads, live and exited), in clock ticks.
    fn cpu_ticks(&self) -> Res<u64> {
        let s = std::fs::read_to_string(format!("/proc/{}/stat", self.pid))?;
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = s.rsplit_once(')').ok_or("bad stat")?.1;
        let f: Vec<&str> = rest.split_whitespace().collect();
        // rest starts at field 3 (state); utime is field 14, stime 15.
        Ok(f.get(11).ok_or("short stat")?.parse::<u64>()?
            + f.get(12).ok_or("short stat")?.parse::<u64>()?)
    }

    /// Time on CPU of the live threads in nanoseconds (schedstat: exact, not ticks).
    fn cpu_ns(&self) -> u64 {
        let dir = PathBuf::from(format!("/proc/{}/task", self.pid));
        std::fs::read_dir(dir)
            .map(|it| {
                it.filter_map(|e| e.ok())
                    .filter_map(|e| std::fs::read_to_string(e.path().join("schedstat")).ok())
                    .filter_map(|s| s.split_whitespace().next()?.parse::<u64>().ok())
                    .sum()
            })
            .unwrap_or(0)
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// The queries typed into the task search by the memory step: each key is answered
/// before the next is typed; the first is erased key by key before the second.
pub const SEARCH_QUERIES: [&str; 2] = ["dan van", "dang uy"];

/// On the tasks table: `/`, waits for the index, types each of [`SEARCH_QUERIES`] a key
/// at a time (erasing the first); then this process renames a task the last query
/// matched (live refresh: the table and the search's index are read again); then Esc.
/// Reports VmRSS and VmHWM after the index is built, after each query, after the refresh
/// and after the search is closed, and the time from the refresh's redraw to the
/// search's new matches.
fn search(t: &mut Tui, db: &Path, limit: Duration, rep: &mut Report) -> Res<()> {
    let q_last = || SEARCH_QUERIES[SEARCH_QUERIES.len() - 1];
    let quiet = Duration::from_millis(400);
    let step = |rep: &mut Report, t: &Tui, name: &str| {
        rep.put(&format!("rss_search_{name}_kb"), t.status_kb("VmRSS:"));
        rep.put(&format!("hwm_search_{name}_kb"), t.status_kb("VmHWM:"));
    };
    let m = t.mark();
    t.key("/")?;
    t.settle_idle(m, true, quiet, limit)?;
    step(rep, t, "open");
    for (i, q) in SEARCH_QUERIES.iter().enumerate() {
        if i > 0 {
            for _ in 0..SEARCH_QUERIES[i - 1].chars().count() {
                let m = t.mark();
                t.key("\x7f")?;
                t.settle_idle(m, true, quiet, limit)?;
            }
        }
        for c in q.chars() {
            let m = t.mark();
            t.key(c.encode_utf8(&mut [0; 4]))?;
            t.settle_idle(m, true, quiet, limit)?;
        }
        step(rep, t, &format!("q{}", i + 1));
    }
    // Another session renames a task the last query matched: live refresh reloads the
    // table and the search reads its index again (a second redraw: one match fewer).
    let store = Store::open(db, false)?;
    let (victim, _) =
        phoihop::cli::search::search_tasks(&store, &TaskFilter::default(), q_last(), 1)?
            .into_iter()
            .next()
            .ok_or("no task matches the last query")?;
    let mut store = store;
    let before = t.search_count();
    if before.is_none_or(|n| n == 0) {
        return Err(format!("no match count on the search line ({before:?})").into());
    }
    let m = t.mark();
    store.edit_task(
        victim.id,
        Some(victim.version),
        TaskEdit {
            title: Some("Tổng kết".into()),
            ..Default::default()
        },
        chrono::Local::now().date_naive(),
    )?;
    t.settle(m, quiet, limit)?;
    // The reload shows the old matches at once; the index read again drops the renamed
    // task (a thread that keeps its index rebuilds it at most every few seconds).
    let start = Instant::now();
    while t.search_count() != before.map(|n| n - 1) {
        if start.elapsed() > limit {
            return Err(format!("the search still shows {:?} matches", t.search_count()).into());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    rep.put("search_refresh_ms", format!("{:.0}", ms(start.elapsed())));
    t.settle_idle(t.mark(), false, quiet, limit)?;
    step(rep, t, "refreshed");
    let m = t.mark();
    t.key("\x1b")?;
    t.settle_idle(m, true, quiet, limit)?;
    step(rep, t, "closed");
    Ok(())
}

pub fn pty(bin: &Path, db: &Path, idle: Duration) -> Res<Report> {
    let mut rep = Report::default();
    let quiet = Duration::from_millis(300);
    let limit = Duration::from_secs(120);
    let started = Instant::now();
    let mut t = Tui::start(bin, db)?;
    let (first, last) = t.settle(0, quiet, limit)?;
    rep.put("first_frame_bytes", first);
    rep.put("first_frame_ms", format!("{:.1}", ms(last - started)));

    // Tasks view, then one-row moves.
    let m = t.mark();
    t.key("3")?;
    let (b, _) = t.settle(m, quiet, limit)?;
    rep.put("view_switch_bytes", b);
    let mut moves = Vec::new();
    for _ in 0..5 {
        let m = t.mark();
        t.key("j")?;
        moves.push(t.settle(m, quiet, limit)?.0);
    }
    moves.sort_unstable();
    rep.put("move_bytes", moves[moves.len() / 2]);
    rep.put("move_bytes_max", moves[moves.len() - 1]);

    // A full repaint of the same screen: resize away and back; ratatui clears and redraws
    // everything on a size change. Only the redraw at 120x40 is counted.
    let m = t.mark();
    t.resize(COLS + 1, ROWS)?;
    t.settle(m, quiet, limit)?;
    let m = t.mark();
    t.resize(COLS, ROWS)?;
    let (repaint, _) = t.settle(m, quiet, limit)?;
    rep.put("repaint_bytes", repaint);
    rep.put(
        "move_percent",
        format!(
            "{:.2}",
            moves[moves.len() / 2] as f64 * 100.0 / repaint.max(1) as f64
        ),
    );

    // A few more moves and a page, then the peak RSS.
    for k in ["j", "j", "k", "\x1b[6~", "g"] {
        let m = t.mark();
        t.key(k)?;
        t.settle(m, Duration::from_millis(100), limit)?;
    }
    rep.put("rss_browse_kb", t.status_kb("VmHWM:"));

    // A task search: `/`, its index built, two queries typed a key at a time and erased,
    // then closed; the peak RSS is read after it.
    search(&mut t, db, limit, &mut rep)?;
    rep.put("rss_peak_kb", t.status_kb("VmHWM:"));
    rep.put("rss_now_kb", t.status_kb("VmRSS:"));

    // Idle on the dashboard with live refresh on (the TUI's own tick).
    let m = t.mark();
    t.key("1")?;
    t.settle(m, quiet, limit)?;
    std::thread::sleep(Duration::from_secs(1));
    let m = t.mark();
    let (ticks0, ns0, t0) = (t.cpu_ticks()?, t.cpu_ns(), Instant::now());
    std::thread::sleep(idle);
    let (ticks1, ns1, el) = (t.cpu_ticks()?, t.cpu_ns(), t0.elapsed());
    let idle_bytes: usize = t
        .out
        .lock()
        .map_or(0, |o| o.chunks[m..].iter().map(|c| c.1).sum());
    // Linux reports stat times in USER_HZ, which is 100 on every architecture it ships for.
    let tick_ms = (ticks1 - ticks0) as f64 * 10.0;
    let ns_ms = (ns1.saturating_sub(ns0)) as f64 / 1e6;
    // schedstat is exact but counts live threads only; the tick figure covers every
    // thread but is rounded to 10 ms. Take the exact one unless the ticks say more.
    let cpu_ms = ns_ms.max(tick_ms - 10.0);
    rep.put("idle_seconds", format!("{:.1}", el.as_secs_f64()));
    rep.put("idle_cpu_ms_ticks", format!("{tick_ms:.1}"));
    rep.put("idle_cpu_ms_schedstat", format!("{ns_ms:.2}"));
    rep.put(
        "idle_cpu_percent",
        format!("{:.4}", cpu_ms / (el.as_secs_f64() * 1e3) * 100.0),
    );
    rep.put("idle_bytes", idle_bytes);

    rep.put("idle_cpu_ms", format!("{cpu_ms:.2}"));

    // Live refresh: another process (this one) commits a progress update that changes the
    // dashboard's numbers (the most overdue task becomes done); time until the redraw ends.
    // Five commits at different phases of the TUI's refresh tick.
    let mut store = Store::open(db, false)?;
    let today = today();
    let mut lat = Vec::new();
    let mut bytes = 0;
    for i in 0..5u64 {
        let victim = store
            .tasks(
                &TaskFilter {
                    overdue: true,
                    as_of: Some(today),
                    ..Default::default()
                },
                TaskSort::Deadline,
                false,
                0,
                1,
            )?
            .into_iter()
            .next()
            .ok_or("no overdue task to update")?;
        std::thread::sleep(Duration::from_millis(300 + 170 * i));
        let m = t.mark();
        store.update_progress(
            victim.id,
            Some(victim.version),
            ProgressUpdate {
                progress: Some(Progress::new(100)?),
                status: Some(Status::Done),
                note: Some("bench: live refresh".into()),
                on: today,
            },
        )?;
        let committed = Instant::now();
        let (b, last) = t.settle(m, quiet, Duration::from_secs(10))?;
        bytes = b;
        lat.push(ms(last.saturating_duration_since(committed)));
    }
    lat.sort_by(f64::total_cmp);
    rep.put("refresh_bytes", bytes);
    rep.put("refresh_ms", format!("{:.1}", lat[lat.len() / 2]));
    rep.put("refresh_ms_max", format!("{:.1}", lat[lat.len() - 1]));
    rep.put("rss_peak_end_kb", t.status_kb("VmHWM:"));

    t.key("q")?;
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if t.child.try_wait()?.is_some() {
            return Ok(rep);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    t.child.kill()?;
    Err("the TUI did not quit on q".into())
}

impl Tui {
    /// Starts noting the selection's row after each chunk (from the next one on).
    fn track_cursor(&self) -> Res<()> {
        let mut o = self.out.lock().map_err(|_| "poisoned")?;
        let n = o.chunks.len();
        o.cursor_rows = Some(vec![None; n]);
        Ok(())
    }

    /// The selection's row on the screen now.
    fn cursor_now(&self) -> Option<usize> {
        let o = self.out.lock().ok()?;
        o.screen.as_ref().and_then(cursor_row)
    }

    /// When the first chunk after `mark` that left the selection off row `from` came.
    fn moved_at(&self, mark: usize, from: Option<usize>) -> Option<Instant> {
        let o = self.out.lock().ok()?;
        let rows = o.cursor_rows.as_ref()?;
        (mark..o.chunks.len())
            .find(|&i| {
                rows.get(i)
                    .copied()
                    .flatten()
                    .is_some_and(|r| Some(r) != from)
            })
            .map(|i| o.chunks[i].0)
    }

    fn screen_has(&self, any: &[&str]) -> bool {
        self.out
            .lock()
            .ok()
            .and_then(|o| o.screen.as_ref().map(|p| p.screen().contents()))
            .is_some_and(|t| any.iter().any(|a| t.contains(a)))
    }
}

/// The retry offer, in either language.
const BUSY: [&str; 2] = ["The database is busy", "Cơ sở dữ liệu đang bận"];
const SAVED: [&str; 2] = ["Updated task #", "Đã cập nhật nhiệm vụ #"];

/// Key → frame while this process holds the write lock and the TUI's save waits for it.
pub fn locked(bin: &Path, db: &Path, hold: Duration) -> Res<Report> {
    let mut rep = Report::default();
    let quiet = Duration::from_millis(300);
    let limit = Duration::from_secs(120);
    // The tasks table's first row takes the update: it must not be done (42 % then is).
    let mut store = Store::open(db, false)?;
    let first = store
        .tasks(&TaskFilter::default(), TaskSort::default(), false, 0, 1)?
        .into_iter()
        .next()
        .ok_or("no task")?;
    if first.status == Status::Done || first.progress.get() == 42 {
        store.update_progress(
            first.id,
            Some(first.version),
            ProgressUpdate {
                progress: Some(Progress::new(10)?),
                status: Some(Status::InProgress),
                note: Some("bench: reopened".into()),
                on: today(),
            },
        )?;
    }
    drop(store);
    let mut t = Tui::start(bin, db)?;
    t.settle(0, quiet, limit)?;
    let m = t.mark();
    t.key("3")?;
    t.settle(m, quiet, limit)?;
    let lock = rusqlite::Connection::open(db)?;
    lock.execute_batch("BEGIN IMMEDIATE")?;
    let held = Instant::now();
    // A progress update: `p`, a new percentage, a note, Ctrl-s.
    for k in [
        "p",
        "\x15",
        "4",
        "2",
        "\t",
        "\t",
        "bench: held lock",
        "\x13",
    ] {
        let m = t.mark();
        t.key(k)?;
        t.settle(m, Duration::from_millis(50), limit)?;
    }
    let (mut lat, mut offers, mut i) = (Vec::new(), 0, 0u64);
    // Each key's frame with when it was sent and whether the retry offer was on the
    // screen before and after it: the slowest are named in the report.
    let mut seen: Vec<(f64, f64, usize, bool, bool)> = Vec::new();
    // Key → its own frame (the first that moved the selection), and the keys the offer
    // took (sent as it opened: `j` does nothing under the offer).
    let (mut own, mut taken) = (Vec::new(), 0);
    t.track_cursor()?;
    let cpu_before = t.cpu_ticks()?;
    while held.elapsed() < hold {
        if t.screen_has(&BUSY) {
            offers += 1;
            let m = t.mark();
            t.key("r")?;
            t.settle(m, Duration::from_millis(50), limit)?;
            continue;
        }
        let k = if i % 2 == 0 { "j" } else { "k" };
        i += 1;
        let m = t.mark();
        let from = t.cursor_now();
        let sent = Instant::now();
        let busy_before = t.screen_has(&BUSY);
        t.key(k)?;
        match t.settle(m, Duration::from_millis(30), Duration::from_secs(5)) {
            Ok((bytes, last)) => {
                let l = ms(last.saturating_duration_since(sent));
                lat.push(l);
                match t.moved_at(m, from) {
                    Some(at) => own.push(ms(at.saturating_duration_since(sent))),
                    None => taken += 1,
                }
                let at = sent.saturating_duration_since(held).as_secs_f64();
                seen.push((l, at, bytes, busy_before, t.screen_has(&BUSY)));
            }
            // The offer came up between the check and the key: the key was its.
            Err(_) if t.screen_has(&BUSY) => {}
            Err(e) => return Err(e),
        }
    }
    let held_for = held.elapsed();
    // Clock ticks are 10 ms (USER_HZ 100).
    let cpu_ms = (t.cpu_ticks()? - cpu_before) * 10;
    lock.execute_batch("ROLLBACK")?;
    let released = Instant::now();
    let end = released + Duration::from_secs(30);
    // Keys go on while the save completes and the screen is read again after it, and
    // for a second after: key → its own frame.
    let mut after = Vec::new();
    let mut saved_at: Option<Instant> = None;
    while saved_at.is_none_or(|s| s.elapsed() < Duration::from_secs(1)) {
        if Instant::now() > end {
            return Err("the save did not complete after the lock was released".into());
        }
        if t.screen_has(&BUSY) {
            t.key("r")?;
            std::thread::sleep(Duration::from_millis(50));
            continue;
        }
        if saved_at.is_none() && t.screen_has(&SAVED) {
            saved_at = Some(Instant::now());
        }
        let k = if i % 2 == 0 { "j" } else { "k" };
        i += 1;
        let m = t.mark();
        let from = t.cursor_now();
        let sent = Instant::now();
        t.key(k)?;
        if t.settle(m, Duration::from_millis(30), Duration::from_secs(5))
            .is_ok()
        {
            if let Some(at) = t.moved_at(m, from) {
                after.push(ms(at.saturating_duration_since(sent)));
            }
        }
    }
    rep.put(
        "saved_after_release_ms",
        format!(
            "{:.1}",
            ms(saved_at
                .unwrap_or(released)
                .saturating_duration_since(released))
        ),
    );
    lat.sort_by(f64::total_cmp);
    if lat.is_empty() {
        return Err("no key was answered while the lock was held".into());
    }
    let at = |q: usize| lat[(lat.len() * q / 100).min(lat.len() - 1)];
    rep.put("hold_seconds", format!("{:.1}", held_for.as_secs_f64()));
    rep.put("keys", lat.len());
    rep.put("retry_offers", offers);
    rep.put("key_frame_median_ms", format!("{:.2}", at(50)));
    rep.put("key_frame_p99_ms", format!("{:.2}", at(99)));
    rep.put("key_frame_max_ms", format!("{:.2}", lat[lat.len() - 1]));
    rep.put("tui_cpu_ms_while_held", cpu_ms);
    own.sort_by(f64::total_cmp);
    if !own.is_empty() {
        let at = |q: usize| own[(own.len() * q / 100).min(own.len() - 1)];
        rep.put("own_frame_keys", own.len());
        rep.put("own_frame_median_ms", format!("{:.2}", at(50)));
        rep.put("own_frame_p99_ms", format!("{:.2}", at(99)));
        rep.put("own_frame_max_ms", format!("{:.2}", own[own.len() - 1]));
    }
    rep.put("keys_taken_by_the_offer", taken);
    after.sort_by(f64::total_cmp);
    if !after.is_empty() {
        let at = |q: usize| after[(after.len() * q / 100).min(after.len() - 1)];
        rep.put("after_release_keys", after.len());
        rep.put("after_release_median_ms", format!("{:.2}", at(50)));
        rep.put(
            "after_release_max_ms",
            format!("{:.2}", after[after.len() - 1]),
        );
    }
    seen.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (n, (l, at, bytes, before, after)) in seen.iter().take(5).enumerate() {
        rep.put(
            &format!("slow_{}", n + 1),
            format!(
                "{l:.2}ms at={at:.2}s bytes={bytes} offer={}→{}",
                u8::from(*before),
                u8::from(*after)
            ),
        );
    }
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        rep.put(
            "loadavg",
            load.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join("/"),
        );
    }
    t.key("q")?;
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if t.child.try_wait()?.is_some() {
            return Ok(rep);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    t.child.kill()?;
    Err("the TUI did not quit on q".into())
}

/// The first frame (the loading line) and the dashboard after it; `q` during the read.
pub fn first(bin: &Path, db: &Path) -> Res<Report> {
    let mut rep = Report::default();
    let reading = ["Reading…", "Đang đọc dữ liệu…"];
    let loaded = ["Tasks by work category", "Nhiệm vụ theo lĩnh vực công tác"];
    let wait = |t: &Tui, what: &[&str], from: Instant| -> Res<f64> {
        while !t.screen_has(what) {
            if from.elapsed() > Duration::from_secs(120) {
                return Err(format!("no {what:?} within 120 s").into());
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        Ok(ms(from.elapsed()))
    };
    let started = Instant::now();
    let mut t = Tui::start(bin, db)?;
    rep.put(
        "loading_line_ms",
        format!("{:.1}", wait(&t, &reading, started)?),
    );
    rep.put(
        "dashboard_ms",
        format!("{:.1}", wait(&t, &loaded, started)?),
    );
    t.key("q")?;
    let _ = t.child.wait();
    let started = Instant::now();
    let mut t = Tui::start(bin, db)?;
    wait(&t, &reading, started)?;
    let sent = Instant::now();
    t.key("q")?;
    loop {
        if t.child.try_wait()?.is_some() {
            break;
        }
        if sent.elapsed() > Duration::from_secs(30) {
            return Err("the TUI did not quit on q".into());
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    rep.put("q_while_reading_ms", format!("{:.1}", ms(sent.elapsed())));
    Ok(rep)
}

/// The roll-up screen's first frame, its key → frame on the Provinces table, and Enter
/// into a province's own dashboard.
pub fn rollup(bin: &Path, dir: &Path) -> Res<Report> {
    let mut rep = Report::default();
    let quiet = Duration::from_millis(300);
    let limit = Duration::from_secs(300);
    let none = dir.join("bench-probe-none");
    let started = Instant::now();
    let mut t = Tui::start_with(
        bin,
        &[
            std::ffi::OsStr::new("--db"),
            none.as_os_str(),
            std::ffi::OsStr::new("--rollup"),
            dir.as_os_str(),
        ],
    )?;
    let (first, last) = t.settle(0, quiet, limit)?;
    rep.put("first_frame_bytes", first);
    rep.put("first_frame_ms", format!("{:.1}", ms(last - started)));
    rep.put("rss_first_frame_kb", t.status_kb("VmHWM:"));
    let mut lat = Vec::new();
    for i in 0..40 {
        let m = t.mark();
        let sent = Instant::now();
        t.key(if i % 8 < 4 { "j" } else { "k" })?;
        let (_, last) = t.settle(m, Duration::from_millis(30), Duration::from_secs(5))?;
        lat.push(ms(last.saturating_duration_since(sent)));
    }
    lat.sort_by(f64::total_cmp);
    let at = |q: usize| lat[(lat.len() * q / 100).min(lat.len() - 1)];
    rep.put("key_frame_median_ms", format!("{:.2}", at(50)));
    rep.put("key_frame_p99_ms", format!("{:.2}", at(99)));
    rep.put("key_frame_max_ms", format!("{:.2}", lat[lat.len() - 1]));
    let m = t.mark();
    let sent = Instant::now();
    t.key("\r")?;
    let (_, last) = t.settle(m, quiet, limit)?;
    rep.put("enter_province_ms", format!("{:.1}", ms(last - sent)));
    let m = t.mark();
    let sent = Instant::now();
    t.key("q")?;
    let (_, last) = t.settle(m, quiet, limit)?;
    rep.put("back_to_rollup_ms", format!("{:.1}", ms(last - sent)));
    rep.put("rss_peak_kb", t.status_kb("VmHWM:"));
    t.key("q")?;
    let _ = t.child.wait();
    let _ = std::fs::remove_file(&none);
    Ok(rep)
}
