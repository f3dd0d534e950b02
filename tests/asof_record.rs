//! The record as it stood: a timeline driven only through the CLI with the clock set per
//! step (faketime), a property test of the as-of read against snapshots taken on each
//! date, and the migration of earlier schemas with their as-of answers kept.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use serde_json::Value;

/// Runs the real binary with the clock set to `day` (10:00 local), as a user would on
/// that day. Returns (exit code, stdout, stderr).
fn on_day(db: &Path, day: &str, args: &[&str]) -> (i32, String, String) {
    let faketime = which("faketime").expect(
        "faketime is needed for the timeline test (apt-get install faketime; .ci/run installs it)",
    );
    let out = Command::new(faketime)
        .arg(format!("{day} 10:00:00"))
        .arg(assert_cmd::cargo::cargo_bin("phoihop"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PHOIHOP_DB")
        // The digest remembers its last day in the state directory: the test's own.
        .env("XDG_STATE_HOME", db.parent().unwrap_or(db))
        .env("LANG", "C")
        .env("TZ", "UTC")
        .output()
        .expect("run phoihop under faketime");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn which(cmd: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH").and_then(|p| {
        std::env::split_paths(&p)
            .map(|d| d.join(cmd))
            .find(|c| c.is_file())
    })
}

fn ok(db: &Path, day: &str, args: &[&str]) -> String {
    let (code, out, err) = on_day(db, day, args);
    assert_eq!(code, 0, "{day}: phoihop {args:?} failed: {err}");
    out
}

fn json(s: &str) -> Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

/// What task 1 looks like as of a date, by hand: (present, progress, lead, program,
/// deadline, bucket).
type Expect = (
    bool,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[test]
fn timeline_through_the_cli_agrees_everywhere_and_never_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.as_path();
    // Day 1: the agencies, two programs, two tasks.
    let d1 = "2024-01-01";
    ok(db, d1, &["init"]);
    ok(
        db,
        d1,
        &["agency", "add", "BTGTU", "--name", "Ban Tuyên giáo Tỉnh ủy"],
    );
    ok(
        db,
        d1,
        &["agency", "add", "BDVTU", "--name", "Ban Dân vận Tỉnh ủy"],
    );
    for p in ["CT-A", "CT-B"] {
        ok(
            db,
            d1,
            &[
                "program",
                "add",
                p,
                "--title",
                &format!("Chương trình {p}"),
                "--from",
                "2024-01-01",
                "--to",
                "2024-12-31",
            ],
        );
    }
    let add = |title: &str, deadline: &str| {
        ok(
            db,
            d1,
            &[
                "task",
                "add",
                "--program",
                "CT-A",
                "--category",
                "ideology",
                "--title",
                title,
                "--lead",
                "BTGTU",
                "--deadline",
                deadline,
            ],
        )
    };
    add("Quán triệt nghị quyết", "2024-01-15");
    add("Tổng kết chỉ thị", "2024-03-01");
    // Day 10: progress; day 20: the deadline extended; day 30: a new lead; day 40:
    // another program; day 50: removed; day 60: restored.
    ok(
        db,
        "2024-01-10",
        &[
            "task",
            "update",
            "1",
            "--progress",
            "40",
            "--note",
            "Đã họp",
        ],
    );
    let (code, _, err) = on_day(
        db,
        "2024-01-20",
        &["task", "edit", "1", "--deadline", "2024-03-31"],
    );
    assert_eq!(
        code, 6,
        "a deadline change without a reason is refused: {err}"
    );
    ok(
        db,
        "2024-01-20",
        &[
            "task",
            "edit",
            "1",
            "--deadline",
            "2024-03-31",
            "--reason",
            "Chờ hướng dẫn của Trung ương",
        ],
    );
    ok(db, "2024-01-30", &["task", "edit", "1", "--lead", "BDVTU"]);
    ok(
        db,
        "2024-02-09",
        &["task", "edit", "1", "--program", "CT-B"],
    );
    ok(
        db,
        "2024-02-19",
        &["task", "remove", "1", "--note", "Trùng nhiệm vụ"],
    );
    ok(db, "2024-02-29", &["task", "restore", "1"]);

    // The table written by hand: task 1 at the end of each date.
    let table: &[(&str, Expect)] = &[
        ("2023-12-31", (false, 0, "", "", "", "")),
        (
            "2024-01-01",
            (true, 0, "BTGTU", "CT-A", "2024-01-15", "in_time"),
        ),
        (
            "2024-01-09",
            (true, 0, "BTGTU", "CT-A", "2024-01-15", "in_time"),
        ),
        (
            "2024-01-10",
            (true, 40, "BTGTU", "CT-A", "2024-01-15", "in_time"),
        ),
        (
            "2024-01-16",
            (true, 40, "BTGTU", "CT-A", "2024-01-15", "overdue"),
        ),
        (
            "2024-01-19",
            (true, 40, "BTGTU", "CT-A", "2024-01-15", "overdue"),
        ),
        (
            "2024-01-20",
            (true, 40, "BTGTU", "CT-A", "2024-03-31", "in_time"),
        ),
        (
            "2024-01-30",
            (true, 40, "BDVTU", "CT-A", "2024-03-31", "in_time"),
        ),
        (
            "2024-02-09",
            (true, 40, "BDVTU", "CT-B", "2024-03-31", "in_time"),
        ),
        (
            "2024-02-18",
            (true, 40, "BDVTU", "CT-B", "2024-03-31", "in_time"),
        ),
        ("2024-02-19", (false, 0, "", "", "", "")),
        ("2024-02-28", (false, 0, "", "", "", "")),
        (
            "2024-02-29",
            (true, 40, "BDVTU", "CT-B", "2024-03-31", "in_time"),
        ),
    ];
    // Read on day 70, and again after later edits: the answers must not move.
    let read_all = |today: &str| -> Vec<String> {
        let mut seen = Vec::new();
        for (date, e) in table {
            let list = json(&ok(
                db,
                today,
                &["--as-of", date, "task", "list", "--format", "json"],
            ));
            let rows = list.as_array().unwrap();
            let one = rows.iter().find(|t| t["id"] == 1);
            assert_eq!(one.is_some(), e.0, "{date}: task 1 present? {list}");
            let (code, show, _) = on_day(
                db,
                today,
                &["--as-of", date, "task", "show", "1", "--format", "json"],
            );
            let report = json(&ok(
                db,
                today,
                &["--as-of", date, "report", "--format", "json"],
            ));
            let lead_overdue = |code: &str| -> i64 {
                report["agencies"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|a| a["code"] == code)
                    .map_or(0, |a| a["overdue"].as_i64().unwrap())
            };
            if e.0 {
                let t = one.unwrap();
                assert_eq!(t["progress"], e.1, "{date} list progress");
                assert_eq!(t["lead"], e.2, "{date} list lead");
                assert_eq!(t["program"], e.3, "{date} list program");
                assert_eq!(t["deadline"], e.4, "{date} list deadline");
                assert_eq!(t["bucket"], e.5, "{date} list bucket");
                assert_eq!(code, 0, "{date}: show");
                let s = json(&show);
                for key in ["progress", "lead", "program", "deadline", "bucket"] {
                    assert_eq!(s[key], t[key], "{date}: show and list disagree on {key}");
                }
                // The history shown goes only up to that day.
                for h in s["history"].as_array().unwrap() {
                    assert!(h["on"].as_str().unwrap() <= *date, "{date}: {h}");
                }
                let overdue = i64::from(e.5 == "overdue");
                assert_eq!(
                    lead_overdue(e.2),
                    overdue,
                    "{date}: report's overdue of {}",
                    e.2
                );
                let in_report = report["overdue_tasks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|t| t["id"] == 1);
                assert_eq!(in_report, e.5 == "overdue", "{date}: report's overdue list");
            } else {
                assert_eq!(code, 3, "{date}: show of an absent task is not found");
            }
            // Task 2 stands still throughout (from day 1).
            let two = rows.iter().any(|t| t["id"] == 2);
            assert_eq!(two, *date >= "2024-01-01", "{date}: task 2");
            let n = report["totals"]["tasks"].as_i64().unwrap() as usize;
            assert_eq!(
                n,
                rows.len(),
                "{date}: the report and the list count the same tasks"
            );
            // The TUI as of the same date: the dashboard's totals, the Tasks table and
            // the detail agree with the CLI.
            {
                use phoihop::tui::action::{Action, View};
                use phoihop::tui::i18n::Lang;
                use phoihop::tui::state::AppState;
                let on = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
                let store = phoihop::store::Store::open(db, true).unwrap();
                let today_d = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap();
                let mut app = AppState::new(store, Lang::En, on, today_d, None, (120, 40)).unwrap();
                let totals = app.dashboard.summary.as_ref().unwrap().totals;
                assert_eq!(
                    totals.tasks,
                    report["totals"]["tasks"].as_i64().unwrap(),
                    "{date}: the dashboard and the report"
                );
                assert_eq!(
                    totals.overdue,
                    report["totals"]["overdue"].as_i64().unwrap(),
                    "{date}"
                );
                app.update(Action::SwitchView(View::Tasks));
                let row = app.tasks.rows.iter().find(|t| t.id == 1).cloned();
                assert_eq!(row.is_some(), e.0, "{date}: task 1 in the TUI table");
                if let Some(t) = row {
                    assert_eq!(i64::from(t.progress.get()), e.1, "{date}: TUI progress");
                    assert_eq!(t.lead, e.2, "{date}: TUI lead");
                    assert_eq!(t.program, e.3, "{date}: TUI program");
                    let pos = app.tasks.rows.iter().position(|t| t.id == 1).unwrap();
                    for _ in 0..pos {
                        app.update(Action::Down);
                    }
                    app.update(Action::Open);
                    let Some(phoihop::tui::state::Layer::Detail(detail)) = app.stack.last() else {
                        panic!("{date}: the detail does not open");
                    };
                    assert_eq!(
                        detail.task.progress, t.progress,
                        "{date}: the detail's state is that day's"
                    );
                    assert!(
                        detail.history.iter().all(|h| h.on <= on),
                        "{date}: detail history"
                    );
                }
            }
            seen.push(format!("{date} {list} {show} {}", report["totals"]));
        }
        seen
    };
    let first = read_all("2024-03-10");
    // Later edits and removals change nothing before them.
    ok(
        db,
        "2024-03-11",
        &["task", "update", "1", "--progress", "90"],
    );
    ok(
        db,
        "2024-03-12",
        &[
            "task",
            "edit",
            "1",
            "--deadline",
            "2024-01-05",
            "--reason",
            "Điều chỉnh theo kế hoạch mới",
        ],
    );
    ok(
        db,
        "2024-03-13",
        &[
            "task",
            "edit",
            "2",
            "--lead",
            "BDVTU",
            "--category",
            "organization",
        ],
    );
    ok(db, "2024-03-14", &["task", "remove", "2"]);
    assert_eq!(
        read_all("2024-03-15"),
        first,
        "past answers changed after later edits"
    );
    // Ids are never given twice.
    let out = ok(
        db,
        "2024-03-15",
        &[
            "task",
            "add",
            "--program",
            "CT-A",
            "--category",
            "front",
            "--title",
            "Việc mới",
            "--lead",
            "BTGTU",
        ],
    );
    assert!(
        out.contains("task 3 "),
        "the new task is #3, not a reused id: {out}"
    );
    // The record is consistent.
    let check = ok(db, "2024-03-15", &["check"]);
    assert!(check.contains("healthy"), "{check}");
}

/// The whole store, then each agency, category and program as a scope of its own.
fn every_scope(s: &phoihop::store::Store) -> Vec<phoihop::store::Scope> {
    use phoihop::store::Scope;
    let mut scopes = vec![Scope::default()];
    scopes.extend(s.agencies().unwrap().into_iter().map(|a| Scope {
        agency: Some(a.code),
        ..Default::default()
    }));
    scopes.extend(s.categories().unwrap().into_iter().map(|c| Scope {
        category: Some(c.code),
        ..Default::default()
    }));
    scopes.extend(s.programs().unwrap().into_iter().map(|p| Scope {
        program: Some(p.code),
        ..Default::default()
    }));
    scopes
}

/// For the whole store, each program, category and agency: the series over `points`
/// equals [`Store::summary`] as of each point (totals, every category, every agency), and
/// [`Store::series_by_category`] the same without the agencies.
fn series_equals_summaries(s: &phoihop::store::Store, points: &[NaiveDate], today: NaiveDate) {
    for scope in &every_scope(s) {
        let series = s.series(scope, points).unwrap();
        assert_eq!(series.len(), points.len(), "{scope:?}");
        let mut nonzero = 0;
        let by_category = s.series_by_category(scope, points).unwrap();
        assert_eq!(by_category.len(), points.len(), "{scope:?}");
        for ((at, got), cats) in points.iter().zip(&series).zip(&by_category) {
            let want = s.summary(scope, *at, today).unwrap();
            assert_eq!(got, &want, "{scope:?} as of {at}, today {today}");
            // The same without the agencies.
            let mut lean = want.clone();
            lean.agencies.clear();
            assert_eq!(cats, &lean, "{scope:?} as of {at}, today {today}");
            nonzero += got.totals.tasks;
        }
        if scope == &phoihop::store::Scope::default() {
            assert!(nonzero > 0, "the series counts tasks");
        }
    }
}

/// [`Store::series_months`] (its first month found in its own passes) equals
/// [`Store::series_month_points`] and [`Store::series`] over them, for the whole store and
/// each agency, category and program.
fn month_series_in_one_go(s: &phoihop::store::Store, as_of: NaiveDate) {
    for scope in &every_scope(s) {
        let points = s.series_month_points(scope, as_of).unwrap();
        let want = s.series(scope, &points).unwrap();
        let (got_points, got) = s.series_months(scope, as_of).unwrap();
        assert_eq!(got_points, points, "{scope:?} as of {as_of}");
        assert_eq!(got, want, "{scope:?} as of {as_of}");
    }
}

#[test]
fn the_demo_series_equals_the_summary_at_each_month_end() {
    use phoihop::store::{series, Scope, Store};
    let dir = tempfile::tempdir().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    let mut s = Store::open(&dir.path().join("d.db"), false).unwrap();
    phoihop::demo::load(&mut s, today, false).unwrap();
    let as_of = NaiveDate::from_ymd_opt(2020, 11, 6).unwrap();
    let mut points = s.series_month_points(&Scope::default(), as_of).unwrap();
    assert_eq!(points.last(), Some(&as_of));
    assert!(points.len() > 12, "{points:?}");
    assert!(points[..points.len() - 1]
        .iter()
        .all(|p| *p == series::month_end(*p)));
    points.push(today);
    series_equals_summaries(&s, &points, today);
    for as_of in [as_of, today, NaiveDate::from_ymd_opt(2040, 1, 31).unwrap()] {
        month_series_in_one_go(&s, as_of);
    }
}

/// A tiny deterministic generator (no dependency needed for a test's random walk).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn as_of_reads_equal_snapshots_taken_on_each_date() {
    use phoihop::domain::{Agency, AgencyKind, NewTask, Program, ProgramKind, ProgressUpdate};
    use phoihop::domain::{Cadence, Progress, Status, TaskEdit};
    use phoihop::store::{Scope, Store, TaskFilter, TaskSort};

    let d = |n: i64| NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Duration::days(n);
    for seed in 1..=6u64 {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("p.db"), false).unwrap();
        for code in ["A", "B", "C"] {
            s.add_agency(Agency {
                code: code.into(),
                name: format!("Cơ quan {code}"),
                kind: AgencyKind::Party,
                parent: None,
                head: None,
                members: None,
                staff: None,
            })
            .unwrap();
        }
        for code in ["P", "Q"] {
            s.add_program(Program {
                code: code.into(),
                title: format!("Chương trình {code}"),
                kind: ProgramKind::Coordination,
                starts_on: d(0),
                ends_on: d(400),
                parties: vec!["A".into()],
                basis: None,
                review_months: 6,
            })
            .unwrap();
        }
        let mut rng = Lcg(seed);
        let agencies = ["A", "B", "C"];
        let cats = ["ideology", "organization", "inspection"];
        let mut snapshots: Vec<(NaiveDate, String)> = Vec::new();
        let snap = |s: &Store, on: NaiveDate, past: Option<NaiveDate>| -> String {
            let f = TaskFilter {
                as_of: Some(on),
                ..Default::default()
            };
            let rows = s
                .tasks_at(&f, TaskSort::Id, false, 0, 10_000, past)
                .unwrap();
            let sum = s
                .summary(
                    &Scope::default(),
                    on,
                    if past.is_some() { d(1000) } else { on },
                )
                .unwrap();
            format!(
                "{rows:?}|{:?}|{:?}|{:?}",
                sum.totals, sum.categories, sum.agencies
            )
            // The version counter is today's, not the date's.
            .split("version: ")
            .map(|p| p.trim_start_matches(char::is_numeric))
            .collect::<Vec<_>>()
            .join("version: ")
        };
        let mut ids: Vec<i64> = Vec::new();
        for day in 0..60 {
            let on = d(day * 3);
            for _ in 0..1 + rng.next(3) {
                let live: Vec<i64> = ids
                    .iter()
                    .copied()
                    .filter(|id| s.task(*id).is_ok())
                    .collect();
                match rng.next(7) {
                    0 | 1 if ids.len() < 25 => {
                        let t = s
                            .add_task(NewTask {
                                program: ["P", "Q"][rng.next(2) as usize].into(),
                                category: cats[rng.next(3) as usize].into(),
                                title: format!("Nhiệm vụ {day}"),
                                description: None,
                                lead: agencies[rng.next(3) as usize].into(),
                                with: vec![],
                                cadence: Cadence::Roadmap,
                                deadline: Some(on + chrono::Duration::days(rng.next(40) as i64)),
                                basis: None,
                                status: Status::NotStarted,
                                progress: Progress::default(),
                                created_on: on,
                                completed_on: None,
                            })
                            .unwrap();
                        ids.push(t.id);
                    }
                    _ if live.is_empty() => {}
                    2 | 3 => {
                        let id = live[rng.next(live.len() as u64) as usize];
                        let p = rng.next(101) as u8;
                        let _ = s.update_progress(
                            id,
                            None,
                            ProgressUpdate {
                                progress: Some(Progress::new(p.into()).unwrap()),
                                status: None,
                                note: None,
                                on,
                            },
                        );
                    }
                    4 => {
                        let id = live[rng.next(live.len() as u64) as usize];
                        let mut e = TaskEdit {
                            lead: Some(agencies[rng.next(3) as usize].into()),
                            category: Some(cats[rng.next(3) as usize].into()),
                            program: Some(["P", "Q"][rng.next(2) as usize].into()),
                            ..Default::default()
                        };
                        if rng.next(2) == 0 {
                            e.deadline =
                                Some(Some(on + chrono::Duration::days(rng.next(30) as i64)));
                            e.reason = Some("Điều chỉnh".into());
                        }
                        s.edit_task(id, None, e, on).unwrap();
                    }
                    5 => {
                        let id = live[rng.next(live.len() as u64) as usize];
                        s.remove_task(id, None, on, None).unwrap();
                    }
                    _ => {
                        let gone: Vec<i64> = ids
                            .iter()
                            .copied()
                            .filter(|id| !live.contains(id))
                            .collect();
                        if let Some(id) = gone.first() {
                            s.restore_task(*id, on).unwrap();
                        }
                    }
                }
            }
            // The snapshot taken "on that date" is the live read at its end.
            snapshots.push((on, snap(&s, on, None)));
        }
        for (on, then) in &snapshots {
            assert_eq!(&snap(&s, *on, Some(*on)), then, "seed {seed}, as of {on}");
        }
        // The series (one pass over the versions) equals the summary as of each point,
        // whether every point is past or the last ones are today and after, which the
        // summary reads from the live table and the series from the versions in force.
        let mut points: Vec<NaiveDate> = snapshots.iter().map(|(on, _)| *on).collect();
        let last = *points.last().unwrap();
        series_equals_summaries(&s, &points, last + chrono::Duration::days(1));
        points.push(last + chrono::Duration::days(20));
        series_equals_summaries(&s, &points, last);
        // The month series read in one go equals its points' series, from a date in
        // the timeline's first month to one more than ten years on (the points capped).
        for as_of in [
            points[0] + chrono::Duration::days(3),
            points[points.len() / 2],
            last,
            last + chrono::Duration::days(365 * 12),
        ] {
            month_series_in_one_go(&s, as_of);
        }
        assert!(
            s.check().unwrap().is_empty(),
            "seed {seed}: {:?}",
            s.check().unwrap()
        );
    }
}

#[test]
fn earlier_schemas_migrate_with_every_row_and_the_same_past_answers() {
    use phoihop::store::{Scope, Store, TaskFilter, TaskSort};
    for fixture in ["schema-v1.db", "schema-v2.db", "schema-v3.db"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(fixture);
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/rel")
                .join(fixture),
            &path,
        )
        .unwrap();
        // Before: the old schema, read with plain SQL (its history table).
        let old = rusqlite::Connection::open(&path).unwrap();
        let count = |sql: &str| -> i64 { old.query_row(sql, [], |r| r.get(0)).unwrap() };
        let tasks = count("SELECT count(*) FROM task");
        let history = count("SELECT count(*) FROM task_history");
        let urges = count("SELECT count(*) FROM urge");
        let audit = count("SELECT count(*) FROM audit");
        let dates: Vec<String> = {
            let mut st = old
                .prepare("SELECT DISTINCT on_date FROM task_history ORDER BY on_date")
                .unwrap();
            let rows = st.query_map([], |r| r.get(0)).unwrap();
            rows.map(Result::unwrap).collect()
        };
        // The old as-of rule: each task's last history row on or before the date.
        let old_state = |date: &str| -> Vec<(i64, String, i64)> {
            let mut st = old
                .prepare(
                    "SELECT t.id, h.status, h.progress FROM task t JOIN task_history h ON h.id = \
                     (SELECT h2.id FROM task_history h2 WHERE h2.task_id = t.id AND h2.on_date <= ?1 \
                      ORDER BY h2.on_date DESC, h2.id DESC LIMIT 1) WHERE t.created_on <= ?1 ORDER BY t.id",
                )
                .unwrap();
            let rows = st
                .query_map([date], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap();
            rows.map(Result::unwrap).collect()
        };
        let before: Vec<_> = dates.iter().map(|d| old_state(d)).collect();
        drop(old);
        let s = Store::open(&path, false).unwrap();
        let after = rusqlite::Connection::open(&path).unwrap();
        let n = |sql: &str| -> i64 { after.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(n("SELECT count(*) FROM task"), tasks, "{fixture}: tasks");
        assert_eq!(
            n("SELECT count(*) FROM task_version"),
            history,
            "{fixture}: versions"
        );
        assert_eq!(n("SELECT count(*) FROM urge"), urges, "{fixture}: urges");
        assert!(n("SELECT count(*) FROM audit") >= audit, "{fixture}: audit");
        let future = NaiveDate::from_ymd_opt(9000, 1, 1).unwrap();
        for (date, then) in dates.iter().zip(&before) {
            let on = NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
            let now: Vec<(i64, String, i64)> = s
                .tasks_at(
                    &TaskFilter::default(),
                    TaskSort::Id,
                    false,
                    0,
                    100_000,
                    Some(on),
                )
                .unwrap()
                .into_iter()
                .map(|t| {
                    (
                        t.id,
                        t.status.code().to_string(),
                        i64::from(t.progress.get()),
                    )
                })
                .collect();
            assert_eq!(&now, then, "{fixture}: as of {date}");
            let sum = s.summary(&Scope::default(), on, future).unwrap();
            assert_eq!(
                sum.totals.tasks as usize,
                then.len(),
                "{fixture}: dashboard as of {date}"
            );
        }
    }
}

#[test]
fn a_merger_and_a_rename_follow_the_real_dates() {
    // The 2025 reorganisation: the province's Ban Tuyên giáo and Ban Dân vận became one
    // Ban Tuyên giáo và Dân vận (Kết luận 121-KL/TW, 24/01/2025; from 01/03/2025 in the
    // provinces that merged on that day). Before it, the old bodies and numbers show.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("m.db");
    let db = db.as_path();
    let d1 = "2024-06-01";
    ok(db, d1, &["init"]);
    for (code, name) in [
        ("BTGTU", "Ban Tuyên giáo Tỉnh ủy"),
        ("BDVTU", "Ban Dân vận Tỉnh ủy"),
        ("MTTQ", "Ủy ban MTTQ Việt Nam tỉnh"),
    ] {
        ok(db, d1, &["agency", "add", code, "--name", name]);
    }
    ok(
        db,
        d1,
        &[
            "program",
            "add",
            "CT",
            "--title",
            "Chương trình",
            "--from",
            "2024-01-01",
            "--to",
            "2026-12-31",
        ],
    );
    for (lead, with, deadline) in [
        ("BTGTU", "MTTQ", "2024-12-31"),
        ("BDVTU", "BTGTU", "2025-06-30"),
        ("MTTQ", "BDVTU", "2025-09-30"),
    ] {
        ok(
            db,
            d1,
            &[
                "task",
                "add",
                "--program",
                "CT",
                "--category",
                "mass_mobilization",
                "--title",
                "Nhiệm vụ",
                "--lead",
                lead,
                "--with",
                with,
                "--deadline",
                deadline,
            ],
        );
    }
    let d2 = "2025-03-01";
    ok(
        db,
        d2,
        &[
            "agency",
            "add",
            "BTGDVTU",
            "--name",
            "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            // First in protocol order, where the two Ban it replaces stood.
            "--position",
            "1",
        ],
    );
    ok(
        db,
        d2,
        &["agency", "merge", "BTGTU", "--into", "BTGDVTU", "--on", d2],
    );
    ok(
        db,
        d2,
        &["agency", "merge", "BDVTU", "--into", "BTGDVTU", "--on", d2],
    );
    // A rename later on.
    ok(
        db,
        "2025-07-01",
        &[
            "agency",
            "edit",
            "MTTQ",
            "--name",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        ],
    );
    let leads = |date: &str| -> Vec<(String, i64, i64, String)> {
        let r = json(&ok(
            db,
            "2025-08-01",
            &["--as-of", date, "report", "--format", "json"],
        ));
        r["agencies"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["code"].as_str().unwrap().to_string(),
                    a["tasks"].as_i64().unwrap(),
                    a["overdue"].as_i64().unwrap(),
                    a["name"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect()
    };
    let before = leads("2025-02-28");
    assert_eq!(
        before
            .iter()
            .map(|a| (a.0.as_str(), a.1, a.2))
            .collect::<Vec<_>>(),
        [("BTGTU", 1, 1), ("BDVTU", 1, 0), ("MTTQ", 1, 0)],
        "as of the day before the merger"
    );
    let after = leads("2025-03-01");
    assert_eq!(
        after
            .iter()
            .map(|a| (a.0.as_str(), a.1, a.2))
            .collect::<Vec<_>>(),
        [("BTGDVTU", 2, 1), ("MTTQ", 1, 0)],
        "from the merger on, the new body answers for both"
    );
    assert_eq!(
        after[1].3, "Ủy ban MTTQ Việt Nam tỉnh",
        "the name before the rename"
    );
    assert_eq!(
        leads("2025-07-01")[1].3,
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    );
    // The coordination moved too: task 3 is coordinated by the new body from the merger.
    let show = |date: &str| {
        json(&ok(
            db,
            "2025-08-01",
            &["--as-of", date, "task", "show", "3", "--format", "json"],
        ))
    };
    assert_eq!(show("2025-02-28")["with"], serde_json::json!(["BDVTU"]));
    assert_eq!(show("2025-03-01")["with"], serde_json::json!(["BTGDVTU"]));
    // A merged agency cannot be removed (the past names it) nor merged again.
    let (code, _, err) = on_day(db, "2025-08-01", &["agency", "remove", "BTGTU"]);
    assert_eq!(code, 6, "{err}");
    let (code, _, _) = on_day(
        db,
        "2025-08-01",
        &["agency", "merge", "BTGTU", "--into", "MTTQ"],
    );
    assert_eq!(code, 6);
    assert!(ok(db, "2025-08-01", &["check"]).contains("healthy"));
}

#[test]
fn a_screen_left_open_past_midnight_follows_the_new_day() {
    use phoihop::tui::action::Action;
    use phoihop::tui::i18n::Lang;
    use phoihop::tui::state::AppState;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    {
        let mut s = phoihop::store::Store::open(&path, false).unwrap();
        phoihop::demo::load(&mut s, day(29), false).unwrap();
    }
    let open = |as_of: NaiveDate| {
        let store = phoihop::store::Store::open(&path, false).unwrap();
        AppState::new(store, Lang::Vi, as_of, day(29), None, (120, 40)).unwrap()
    };
    // Following today: the screen moves to the new day at midnight.
    let mut live = open(day(29));
    live.update(Action::DateChanged(day(30)));
    assert_eq!((live.today, live.as_of), (day(30), day(30)));
    assert_eq!(
        live.dashboard.summary.as_ref().unwrap().as_of,
        day(30),
        "the dashboard is read again"
    );
    // As of a chosen past date: it stays there, only "today" moves.
    let mut review = open(day(1));
    review.update(Action::DateChanged(day(30)));
    assert_eq!((review.today, review.as_of), (day(30), day(1)));
}

#[test]
fn sorting_a_past_table_keeps_the_cursor_on_its_task() {
    use phoihop::tui::action::{Action, View};
    use phoihop::tui::i18n::Lang;
    use phoihop::tui::state::AppState;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    {
        let mut s = phoihop::store::Store::open(&path, false).unwrap();
        phoihop::demo::load(&mut s, today, false).unwrap();
    }
    let then = NaiveDate::from_ymd_opt(2018, 6, 30).unwrap();
    let store = phoihop::store::Store::open(&path, true).unwrap();
    let mut app = AppState::new(store, Lang::Vi, then, today, None, (120, 40)).unwrap();
    app.update(Action::SwitchView(View::Tasks));
    for _ in 0..40 {
        app.update(Action::Down);
    }
    let id = app.tasks.selected().unwrap().id;
    // Every sort column in turn, both directions: the progress, status and deadline
    // orders of 2018 are not today's, and the place must be found in the 2018 order.
    for _ in 0..9 {
        app.update(Action::SortNext);
        assert_eq!(app.tasks.selected().map(|t| t.id), Some(id), "after a sort");
        app.update(Action::SortReverse);
        assert_eq!(
            app.tasks.selected().map(|t| t.id),
            Some(id),
            "after reversing"
        );
    }
}

/// `phoihop digest` on a fixed timeline (issue 16): on each day it lists exactly the tasks
/// that became overdue since the day given, those due within 14 days, the urges sent since
/// then, and the open tasks with no update for the days given; nothing, with exit 0 and one
/// sentence, when there is nothing.
#[test]
fn the_digest_lists_exactly_what_changed_on_a_fixed_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db = db.as_path();
    let d1 = "2024-03-01";
    ok(db, d1, &["init"]);
    for (code, name) in [
        ("BTCTU", "Ban Tổ chức Tỉnh ủy"),
        ("UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ] {
        ok(db, d1, &["agency", "add", code, "--name", name]);
    }
    ok(
        db,
        d1,
        &[
            "program",
            "add",
            "CT",
            "--title",
            "Chương trình",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
        ],
    );
    let add = |title: &str, lead: &str, deadline: &str| {
        ok(
            db,
            d1,
            &[
                "task",
                "add",
                "--program",
                "CT",
                "--category",
                "organization",
                "--title",
                title,
                "--lead",
                lead,
                "--deadline",
                deadline,
            ],
        );
    };
    // A fresh database numbers its tasks from 1.
    let (a, b, c) = (1, 2, 3);
    add("Rà soát quy hoạch cán bộ", "BTCTU", "2024-03-10");
    add("Kiểm tra nêu gương", "UBKTTU", "2024-03-20");
    add("Đánh giá cán bộ cuối năm", "BTCTU", "2024-04-30");
    assert_eq!(
        json(&ok(db, d1, &["task", "show", "3", "--format", "json"]))["title"],
        "Đánh giá cán bộ cuối năm"
    );
    ok(
        db,
        "2024-03-05",
        &["task", "update", &b.to_string(), "--progress", "30"],
    );
    ok(
        db,
        "2024-03-12",
        &[
            "task",
            "urge",
            &a.to_string(),
            "--message",
            "Đề nghị hoàn thành.",
        ],
    );
    let digest = |day: &str, args: &[&str]| {
        let mut v = vec!["digest", "--format", "json"];
        v.extend_from_slice(args);
        json(&ok(db, day, &v))
    };
    let ids = |v: &Value, key: &str| -> Vec<i64> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_i64().or(t["task"].as_i64()).unwrap())
            .collect()
    };
    // 12/03: A became overdue on 11/03 (since yesterday); B is due on 20/03; A was urged
    // today; nothing is 30 days old.
    let v = digest("2024-03-12", &[]);
    assert_eq!(ids(&v, "newly_overdue"), [a]);
    assert_eq!(v["newly_overdue"][0]["days_late"], 2);
    assert_eq!(ids(&v, "due_soon"), [b]);
    assert_eq!(ids(&v, "urges"), [a]);
    assert!(ids(&v, "stale").is_empty());
    // 13/03: since yesterday, A is no longer new, yesterday's urge is; 14/03: neither.
    let v = digest("2024-03-13", &[]);
    assert!(ids(&v, "newly_overdue").is_empty());
    assert_eq!(ids(&v, "urges"), [a]);
    let v = digest("2024-03-14", &[]);
    assert!(ids(&v, "newly_overdue").is_empty() && ids(&v, "urges").is_empty());
    assert_eq!(ids(&v, "due_soon"), [b]);
    // With --since the whole month, A again; for UBKTTU alone, only its B.
    let v = digest("2024-03-13", &["--since", "2024-03-01"]);
    assert_eq!(ids(&v, "newly_overdue"), [a]);
    let v = digest(
        "2024-03-13",
        &["--since", "2024-03-01", "--agency", "UBKTTU"],
    );
    assert!(ids(&v, "newly_overdue").is_empty() && ids(&v, "urges").is_empty());
    assert_eq!(ids(&v, "due_soon"), [b]);
    // 25/04: since the last digest (of 14/03, remembered), B became overdue (on 21/03);
    // C is due on 30/04; with no update for 30 days: A and C (created 01/03), B (updated
    // 05/03).
    let v = digest("2024-04-25", &["--stale-days", "30"]);
    assert_eq!(v["since"], "2024-03-14", "the last digest's day");
    assert_eq!(ids(&v, "newly_overdue"), [b]);
    assert_eq!(ids(&v, "due_soon"), [c]);
    let mut stale = ids(&v, "stale");
    stale.sort();
    assert_eq!(stale, [a, b, c]);
    // B's update of 05/03 is 51 days old, A's and C's creation 55.
    let v = digest("2024-04-25", &["--stale-days", "51"]);
    assert_eq!(ids(&v, "stale").len(), 3, "{v}");
    let v = digest("2024-04-25", &["--stale-days", "52"]);
    assert_eq!(ids(&v, "stale"), [a, c], "{v}");
    // Done tasks leave every list; an agency with nothing says so in one sentence, exit 0.
    for t in [a, b, c] {
        ok(
            db,
            "2024-04-26",
            &["task", "update", &t.to_string(), "--status", "done"],
        );
    }
    let v = digest("2024-04-27", &["--since", "2024-01-01"]);
    assert_eq!(v["empty"], false, "the urge of 12/03 is still since 01/01");
    let v = digest("2024-04-27", &[]);
    assert_eq!(v["empty"], true, "{v}");
    let (code, out, _) = on_day(db, "2024-04-27", &["--lang", "vi", "digest"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "Nhắc việc ngày 27/04/2024 — toàn tỉnh (thay đổi từ ngày 27/04/2024)\n\nKhông có nội dung cần nhắc.\n"
    );
}
