//! Keystroke latency of the TUI: handle a key (AppState::update) and render a frame on a
//! 120×40 TestBackend, on a `gen`-erated database. Reports median and p99 per operation,
//! the first-load costs and the process's peak RSS.
//!
//!     cargo bench --bench tui                          # 100,000 tasks
//!     PHOIHOP_BENCH_TASKS=1000000 cargo bench --bench tui
//!
//! The database is generated once and kept under target/ for later runs;
//! `PHOIHOP_BENCH_DB=PATH` uses an existing one instead (scripts/bench.sh does).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use phoihop::demo::GenOptions;
use phoihop::store::Store;
use phoihop::tui::action::{Action, View};
use phoihop::tui::i18n::Lang;
use phoihop::tui::state::AppState;
use phoihop::tui::theme::Theme;
use phoihop::tui::view;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const W: u16 = 120;
const H: u16 = 40;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 15).unwrap_or_default()
}

fn database(tasks: u64) -> PathBuf {
    // scripts/bench.sh passes the database it made with `phoihop gen`.
    if let Some(p) = std::env::var_os("PHOIHOP_BENCH_DB") {
        return PathBuf::from(p);
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target");
    let path = dir.join(format!("bench-tui-{tasks}.db"));
    if !path.exists() {
        let tmp = dir.join(format!("bench-tui-{tasks}.db.part"));
        let _ = std::fs::remove_file(&tmp);
        let t = Instant::now();
        let mut store = Store::open(&tmp, false).expect("open");
        let agencies = (tasks / 1000).clamp(20, 2000) as u32;
        phoihop::demo::generate(
            &mut store,
            &GenOptions {
                tasks,
                agencies,
                seed: 7,
            },
            today(),
        )
        .expect("gen");
        drop(store);
        for ext in ["", "-wal", "-shm"] {
            let from = PathBuf::from(format!("{}{ext}", tmp.display()));
            if from.exists() {
                std::fs::rename(&from, format!("{}{ext}", path.display())).expect("rename");
            }
        }
        eprintln!(
            "generated {tasks} tasks in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    path
}

struct Bench {
    state: AppState,
    term: Terminal<TestBackend>,
    theme: Theme,
}

impl Bench {
    /// One key: update, then draw. Returns the time both took.
    fn key(&mut self, a: Action) -> Duration {
        let t = Instant::now();
        self.state.update(a);
        let state = &self.state;
        let theme = &self.theme;
        self.term
            .draw(|f| view::draw(f, state, theme))
            .expect("draw");
        t.elapsed()
    }
}

fn report(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let med = v[v.len() / 2];
    let p99 = v[(v.len() * 99 / 100).min(v.len() - 1)];
    println!(
        "{name:<28} n={:<5} median {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms",
        v.len(),
        ms(med),
        ms(p99),
        ms(*v.last().unwrap_or(&Duration::ZERO))
    );
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let tasks: u64 = std::env::var("PHOIHOP_BENCH_TASKS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let path = database(tasks);
    // `PHOIHOP_BENCH_ONLY=trends`: only the Trends view's rows (issue 16).
    if std::env::var("PHOIHOP_BENCH_ONLY").is_ok_and(|v| v == "trends") {
        trends(&path);
        return;
    }
    println!("phoihop TUI keystroke bench: {tasks} tasks, {W}x{H}");
    let t = Instant::now();
    let store = Store::open(&path, true).expect("open");
    let state = AppState::new(store, Lang::Vi, today(), today(), None, (W, H)).expect("state");
    let mut b = Bench {
        state,
        term: Terminal::new(TestBackend::new(W, H)).expect("terminal"),
        theme: Theme::mono(),
    };
    let first = b.key(Action::Resize(W, H));
    println!(
        "first dashboard (open + summary + draw): {:.1} ms",
        (t.elapsed()).as_secs_f64() * 1000.0
    );
    let _ = first;
    for v in [View::Tasks, View::Agencies, View::Programs] {
        let d = b.key(Action::SwitchView(v));
        println!("first visit of {v:?}: {:.1} ms", d.as_secs_f64() * 1000.0);
    }

    // Row move on the tasks table: down through 3 pages' worth, back to the top.
    b.key(Action::SwitchView(View::Tasks));
    let mut v = Vec::new();
    for i in 0..600 {
        if i % 120 == 119 {
            b.key(Action::Top);
            continue;
        }
        v.push(b.key(Action::Down));
    }
    report("row move (tasks)", v);

    // Page down 300 pages (11,000 rows deep), then back to the top.
    let mut v = Vec::new();
    for _ in 0..300 {
        v.push(b.key(Action::PageDown));
    }
    b.key(Action::Top);
    report("page down (tasks)", v);
    let mut v = Vec::new();
    b.key(Action::PageDown);
    for _ in 0..300 {
        v.push(b.key(Action::PageDown));
        v.push(b.key(Action::PageUp));
    }
    b.key(Action::Top);
    report("page down/up (tasks)", v);

    // View switch over the four views (each already loaded once).
    let mut v = Vec::new();
    for _ in 0..400 {
        v.push(b.key(Action::NextView));
    }
    report("view switch (Tab)", v);

    // Drill-down: agency → tasks it leads, and back; task → detail, and back.
    b.key(Action::SwitchView(View::Agencies));
    let mut open = Vec::new();
    let mut back = Vec::new();
    for i in 0..200 {
        if i % 20 == 0 {
            b.key(Action::Top);
        }
        b.key(Action::Down);
        open.push(b.key(Action::Open));
        back.push(b.key(Action::Back));
    }
    report("drill-down agency→tasks", open);
    report("back from agency tasks", back);
    b.key(Action::SwitchView(View::Tasks));
    let mut open = Vec::new();
    let mut back = Vec::new();
    for _ in 0..300 {
        b.key(Action::Down);
        open.push(b.key(Action::Open));
        back.push(b.key(Action::Back));
    }
    report("drill-down task→detail", open);
    report("back from detail", back);
    b.key(Action::SwitchView(View::Programs));
    let mut open = Vec::new();
    for i in 0..30 {
        if i % 5 == 0 {
            b.key(Action::Top);
        }
        b.key(Action::Down);
        open.push(b.key(Action::Open));
        b.key(Action::Back);
    }
    report("drill-down program→tasks", open);

    // Search (`/`) on the tasks table: the index is built on a thread as in the app (the
    // key loop is free meanwhile), then each key of diacritic-free queries narrows the
    // matches and redraws; Backspace widens again.
    b.key(Action::SwitchView(View::Tasks));
    b.key(Action::Top);
    let (tx, rx) = std::sync::mpsc::channel();
    b.state.set_notifier(tx);
    let t = Instant::now();
    let first = b.key(Action::Search);
    let _ = rx.recv_timeout(Duration::from_secs(120));
    b.key(Action::Background);
    println!(
        "search: `/` took {:.1} ms on the key loop; index ready after {:.1} ms",
        first.as_secs_f64() * 1000.0,
        t.elapsed().as_secs_f64() * 1000.0
    );
    // Each key: the time the key loop spends (update + draw), and the time until the
    // matches of that key are on screen (the answer from the search thread applied and
    // drawn).
    let mut on_loop = Vec::new();
    let mut typed = Vec::new();
    let mut erased = Vec::new();
    let mut step = |b: &mut Bench, a: Action, out: &mut Vec<Duration>| {
        let t = Instant::now();
        on_loop.push(b.key(a));
        while b.state.task_search().is_some_and(|s| s.pending()) {
            if rx.recv_timeout(Duration::from_secs(60)).is_err() {
                break;
            }
            b.key(Action::Background);
        }
        out.push(t.elapsed());
    };
    for _ in 0..3 {
        for q in [
            "dan van",
            "dang uy",
            "nghi quyet",
            "cong tac",
            "kiem tra",
            "can bo",
        ] {
            for c in q.chars() {
                step(&mut b, Action::Input(c), &mut typed);
            }
            for _ in q.chars() {
                step(&mut b, Action::Erase, &mut erased);
            }
        }
    }
    report("search key → matches drawn", typed);
    report("search backspace → drawn", erased);
    report("search key on the key loop", on_loop);
    b.key(Action::Cancel);
    println!("peak RSS of the bench process: {:.1} MB", peak_rss_mb());
    trends(&path);
}

/// The Trends view (issue 16): the cost of reading its series (month ends, review
/// dates) beside the dashboard's own load, alternately in this process, as of the real
/// date (the generated data's); then key → frame on the view with its series in memory.
fn trends(path: &std::path::Path) {
    use phoihop::store::Scope;
    use phoihop::tui::state::trends::{TrendData, TrendPoints};
    use phoihop::tui::state::Dashboard;
    let day = chrono::Local::now().date_naive();
    let store = Store::open(path, true).expect("open");
    let scope = Scope::default();
    let (mut dash, mut month, mut review) = (Vec::new(), Vec::new(), Vec::new());
    let mut points = (0, 0);
    for _ in 0..5 {
        let t = Instant::now();
        Dashboard::default()
            .load(&store, &scope, day, day)
            .expect("dashboard");
        dash.push(t.elapsed());
        let t = Instant::now();
        let m = TrendData::load(&store, (scope.clone(), day, day, TrendPoints::Monthly))
            .expect("series");
        month.push(t.elapsed());
        let t = Instant::now();
        let r = TrendData::load(&store, (scope.clone(), day, day, TrendPoints::Reviews))
            .expect("series");
        review.push(t.elapsed());
        points = (m.points.len(), r.points.len());
    }
    let med = |v: &mut Vec<Duration>| {
        v.sort();
        v[v.len() / 2].as_secs_f64() * 1000.0
    };
    let (d, m, r) = (med(&mut dash), med(&mut month), med(&mut review));
    println!("trends load, as of {day}, median of 5 alternated:");
    println!("  dashboard load            {d:>9.1} ms");
    println!(
        "  series, month ends ({:>3})  {m:>9.1} ms   {:.2}x the dashboard",
        points.0,
        m / d
    );
    println!(
        "  series, reviews ({:>3})     {r:>9.1} ms   {:.2}x the dashboard",
        points.1,
        r / d
    );

    // Key → frame on the view, its series read once (in place: no runner here).
    let state = AppState::new(
        Store::open(path, true).expect("open"),
        Lang::Vi,
        day,
        day,
        None,
        (W, H),
    )
    .expect("state");
    let mut b = Bench {
        state,
        term: Terminal::new(TestBackend::new(W, H)).expect("terminal"),
        theme: Theme::mono(),
    };
    let first = b.key(Action::SwitchView(View::Trends));
    let other = b.key(Action::TrendPoints);
    b.key(Action::TrendPoints);
    println!(
        "first visit of Trends (series read in place): {:.1} ms; review points: {:.1} ms",
        first.as_secs_f64() * 1000.0,
        other.as_secs_f64() * 1000.0
    );
    // The rows in turn (total → categories → agencies), the points toggled (both read).
    let mut v = Vec::new();
    for _ in 0..150 {
        v.push(b.key(Action::TrendRows));
    }
    report("trends: c (rows in turn)", v);
    let mut v = Vec::new();
    for _ in 0..150 {
        v.push(b.key(Action::TrendPoints));
    }
    report("trends: t (points)", v);
    // The lead agencies, moving down and back up (the chart follows the row).
    while b.state.trends.rows != phoihop::tui::state::trends::TrendRows::Agencies {
        b.key(Action::TrendRows);
    }
    let n = b.state.trend_rows().len();
    let mut v = Vec::new();
    for i in 0..600 {
        v.push(b.key(if (i / 100) % 2 == 0 {
            Action::Down
        } else {
            Action::Up
        }));
    }
    report(&format!("trends: row move ({n} agencies)"), v);
    let mut v = Vec::new();
    for _ in 0..100 {
        b.key(Action::SwitchView(View::Dashboard));
        v.push(b.key(Action::SwitchView(View::Trends)));
    }
    report("trends: switch to the view", v);
}
