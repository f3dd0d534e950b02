//! The demo data set and `gen`, on real temp-file databases.

use chrono::NaiveDate;
use phoihop::demo::{self, GenOptions};
use phoihop::domain::Bucket;
use phoihop::store::{Scope, Store, TaskFilter, TaskSort};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-22";

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("demo.db"), false).unwrap();
    (dir, store)
}

fn program(code: &str) -> Scope {
    Scope {
        program: Some(code.into()),
        ..Default::default()
    }
}

fn demo_store(today: NaiveDate) -> (tempfile::TempDir, Store) {
    let (dir, mut store) = fresh();
    demo::load(&mut store, today, false).unwrap();
    (dir, store)
}

#[test]
fn demo_matches_the_seeds() {
    let today = day(TODAY);
    let (_dir, store) = demo_store(today);

    // Seed 003: 5/15/4/11/4/16/3 tasks per category, 58 in all.
    let s = store
        .summary(&program("XDHTCT-2015-2020"), today, today)
        .unwrap();
    let per_category: Vec<(String, i64)> = s
        .categories
        .iter()
        .map(|c| (c.category.code.clone(), c.counts.tasks))
        .collect();
    let expected = [
        ("ideology", 5),
        ("organization", 15),
        ("inspection", 4),
        ("mass_mobilization", 11),
        ("internal_affairs", 4),
        ("government", 16),
        ("front", 3),
    ];
    assert_eq!(
        per_category,
        expected
            .iter()
            .map(|(c, n)| (c.to_string(), *n))
            .collect::<Vec<_>>()
    );
    assert_eq!(s.totals.tasks, 58);

    // Every program of the brief exists.
    let codes: Vec<String> = store
        .programs()
        .unwrap()
        .into_iter()
        .map(|p| p.code)
        .collect();
    for code in [
        "XDHTCT-2015-2020",
        "PH-2016",
        "PH-2019",
        "DA-VPTU-2018",
        "CCHC-2021-2030",
        "PH-2026",
    ] {
        assert!(
            codes.contains(&code.to_string()),
            "{code} missing: {codes:?}"
        );
    }
    let xd = store.program("XDHTCT-2015-2020").unwrap();
    assert_eq!(xd.ends_on, day("2020-11-06"));
    // Seed 000: five key contents in 2019.
    assert_eq!(
        store
            .summary(&program("PH-2019"), today, today)
            .unwrap()
            .totals
            .tasks,
        5
    );
    // Seed 002: the office-merger scheme is due 30/06/2018.
    let merger = store
        .tasks(
            &TaskFilter {
                program: Some("DA-VPTU-2018".into()),
                ..Default::default()
            },
            TaskSort::Deadline,
            false,
            0,
            1,
        )
        .unwrap();
    assert_eq!(merger[0].deadline, Some(day("2018-06-30")));
    // Seed 004: Đảng ủy Khối with its counts, under the Tỉnh ủy.
    let duk = store.agency("DUK").unwrap();
    assert_eq!(duk.name, "Đảng ủy Khối các cơ quan tỉnh");
    assert_eq!((duk.members, duk.staff), (Some(5000), Some(7000)));
    assert_eq!(duk.parent.as_deref(), Some("TU"));
    assert_eq!(
        store.agency("BTCTU").unwrap().head.as_deref(),
        Some("Mai Văn Tuất")
    );

    // Titles are distinct within the 2015-2020 program.
    let tasks = store
        .tasks(
            &TaskFilter {
                program: Some("XDHTCT-2015-2020".into()),
                ..Default::default()
            },
            TaskSort::Id,
            false,
            0,
            100,
        )
        .unwrap();
    let titles: std::collections::HashSet<_> = tasks.iter().map(|t| t.title.clone()).collect();
    assert_eq!(titles.len(), 58);
    // Progress histories: several entries per task, spread over the years.
    let h = store.task_history(tasks[0].id).unwrap();
    assert!(h.len() >= 3, "{h:?}");

    assert_eq!(store.check().unwrap(), vec![]);
}

#[test]
fn current_year_program_shows_every_state_as_of_today() {
    for today in [day(TODAY), day("2027-01-05"), day("2026-06-30")] {
        let (_dir, store) = demo_store(today);
        let code = demo::live_program_code(today);
        let s = store.summary(&program(&code), today, today).unwrap();
        assert!(s.totals.overdue >= 1, "{today}: {s:?}");
        assert!(s.due_soon >= 1, "{today}: {s:?}");
        assert!(s.totals.done() >= 1, "{today}: {s:?}");
        // In time and not due soon.
        let base = TaskFilter {
            program: Some(code.clone()),
            as_of: Some(today),
            ..Default::default()
        };
        let in_time = store
            .count_tasks(&TaskFilter {
                bucket: Some(Bucket::InTime),
                ..base.clone()
            })
            .unwrap();
        let soon = store
            .count_tasks(&TaskFilter {
                due_soon: true,
                ..base.clone()
            })
            .unwrap();
        assert!(
            in_time > soon,
            "{today}: {in_time} in time, {soon} due soon"
        );
        // Urges are there.
        let overdue = store
            .tasks(
                &TaskFilter {
                    overdue: true,
                    ..base
                },
                TaskSort::Deadline,
                false,
                0,
                10,
            )
            .unwrap();
        let urged = overdue
            .iter()
            .filter(|t| !store.task_urges(t.id).unwrap().is_empty())
            .count();
        assert!(urged >= 1);
        assert_eq!(store.check().unwrap(), vec![]);
    }
}

#[test]
fn buckets_move_from_2017_to_the_final_review() {
    let today = day(TODAY);
    let (_dir, store) = demo_store(today);
    let scope = program("XDHTCT-2015-2020");
    let early = store.summary(&scope, day("2017-12-31"), today).unwrap();
    let review = store.summary(&scope, day("2020-11-06"), today).unwrap();
    // By the final review almost everything is done; at the end of 2017 most was open.
    assert!(review.totals.done() >= 50, "{:?}", review.totals);
    assert!(early.totals.done() < 15, "{:?}", early.totals);
    assert!(early.totals.in_time > review.totals.in_time);
    assert!(review.totals.done_late > early.totals.done_late);
    assert!(review.totals.overdue >= 1, "some were late at the review");
    assert!(early.totals.progress < review.totals.progress);
    // Tasks created after 2017 are not counted as of 2017.
    assert!(early.totals.tasks < review.totals.tasks);
    assert_eq!(review.totals.tasks, 58);
}

/// Every task of the demo, as it stands today and as it stood on `on`.
fn all_tasks(store: &Store, past: Option<NaiveDate>) -> Vec<phoihop::domain::Task> {
    store
        .tasks_at(
            &TaskFilter::default(),
            TaskSort::Id,
            false,
            0,
            100_000,
            past,
        )
        .unwrap()
}

fn led_by(store: &Store, code: &str, on: NaiveDate, today: NaiveDate) -> i64 {
    store
        .count_tasks_at(
            &TaskFilter {
                lead: Some(code.into()),
                as_of: Some(on),
                ..Default::default()
            },
            Some(on).filter(|d| *d < today),
        )
        .unwrap()
}

#[test]
fn the_seeds_facts_hold_and_the_three_slips_are_fixed() {
    let today = day(TODAY);
    let (_dir, store) = demo_store(today);
    let tasks = all_tasks(&store, None);
    let programs = store.programs().unwrap();
    let texts: Vec<String> = tasks
        .iter()
        .flat_map(|t| [t.title.clone(), t.basis.clone().unwrap_or_default()])
        .chain(
            programs
                .iter()
                .flat_map(|p| [p.title.clone(), p.basis.clone().unwrap_or_default()]),
        )
        .collect();
    // Chỉ thị 28-CT/TW was issued on 21/01/2019: no task created before names it.
    let ct28 = day("2019-01-21");
    let named: Vec<_> = tasks
        .iter()
        .filter(|t| {
            t.title.contains("28-CT/TW") || t.basis.as_deref().unwrap_or("").contains("28-CT/TW")
        })
        .collect();
    assert!(named.len() >= 3, "the seeds name it: {named:?}");
    for t in named {
        assert!(
            t.created_on >= ct28,
            "#{} {} ({})",
            t.id,
            t.title,
            t.created_on
        );
    }
    // The regulation is Quy định 08-QĐi/TW, never "08-QĐ/TW".
    assert!(texts.iter().any(|s| s.contains("08-QĐi/TW")));
    assert!(
        texts.iter().all(|s| !s.contains("08-QĐ/TW")),
        "{:?}",
        texts.iter().find(|s| s.contains("08-QĐ/TW"))
    );
    // Seed 002's sentence: the mid-term review of the XVI provincial congress's
    // resolution and the XII national congress's.
    let mid_term = tasks
        .iter()
        .find(|t| t.title.starts_with("Sơ kết giữa nhiệm kỳ"))
        .unwrap();
    assert_eq!(
        mid_term.title,
        "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVI và Nghị quyết Đại hội XII của Đảng"
    );
    assert!(texts.iter().all(|s| !s.contains("XVIII")));
}

#[test]
fn the_2025_reorganisation_is_reached_by_dated_merges() {
    for today in [day(TODAY), day("2026-03-15"), day("2027-01-05")] {
        let (_dir, store) = demo_store(today);
        let in_2020 = day("2020-11-06");
        // As of 2020 the bodies of the time lead their tasks; today their successors.
        for (old, new) in [
            ("BTGTU", "BTGDVTU"),
            ("BDVTU", "BTGDVTU"),
            ("BCSD-UBND", "DU-UBND"),
            ("DUK", "DU-CQD"),
        ] {
            assert!(led_by(&store, old, in_2020, today) > 0, "{old} in 2020");
            assert_eq!(led_by(&store, new, in_2020, today), 0, "{new} in 2020");
            assert_eq!(led_by(&store, old, today, today), 0, "{old} today");
            assert!(led_by(&store, new, today, today) > 0, "{new} today");
        }
        // The merged ban leads what both led.
        assert_eq!(
            led_by(&store, "BTGDVTU", today, today),
            led_by(&store, "BTGTU", in_2020, today) + led_by(&store, "BDVTU", in_2020, today)
                // tasks created after 2020 (the current year's, CCHC's)
                + store
                    .count_tasks_at(
                        &TaskFilter {
                            lead: Some("BTGDVTU".into()),
                            program: Some(demo::live_program_code(today)),
                            ..Default::default()
                        },
                        None,
                    )
                    .unwrap()
        );
        // The current-year program is signed by the bodies in force.
        let live = store.program(&demo::live_program_code(today)).unwrap();
        let mut parties = live.parties.clone();
        parties.sort();
        assert_eq!(
            parties,
            ["BNCTU", "BTCTU", "BTGDVTU", "DU-UBND", "UBKTTU"],
            "{today}"
        );
        assert!(live.title.contains("Đảng ủy UBND tỉnh"), "{}", live.title);
        let ended = [
            "BTGTU",
            "BDVTU",
            "BCSD-UBND",
            "DUK",
            "UBKT-DUK",
            "VP-DUK",
            "STTTT",
        ];
        for t in all_tasks(&store, None) {
            assert!(!ended.contains(&t.lead.as_str()), "#{} {}", t.id, t.lead);
            assert!(
                t.with.iter().all(|w| !ended.contains(&w.as_str())),
                "#{} {:?}",
                t.id,
                t.with
            );
        }
        // The old programs keep the bodies of their time.
        let mut parties = store.program("PH-2016").unwrap().parties;
        parties.sort();
        assert_eq!(
            parties,
            ["BCSD-UBND", "BDVTU", "BNCTU", "BTCTU", "BTGTU", "UBKTTU"]
        );
        assert_eq!(store.check().unwrap(), vec![]);
    }
}

#[test]
fn the_successor_of_the_ban_dan_van_leads_overdue_work_whatever_today() {
    for today in [
        day(TODAY),
        day("2026-03-15"),
        day("2026-06-30"),
        day("2027-01-05"),
        day("2031-02-01"),
    ] {
        let (_dir, store) = demo_store(today);
        let overdue = store
            .count_tasks(&TaskFilter {
                lead: Some("BTGDVTU".into()),
                overdue: true,
                as_of: Some(today),
                ..Default::default()
            })
            .unwrap();
        assert!(overdue >= 1, "{today}");
    }
}

#[test]
fn agencies_are_added_in_protocol_order() {
    let today = day(TODAY);
    let (dir, _store) = demo_store(today);
    let conn = rusqlite::Connection::open(dir.path().join("demo.db")).unwrap();
    let codes: Vec<String> = conn
        .prepare("SELECT code FROM agency ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let kinds: Vec<String> = conn
        .prepare("SELECT kind FROM agency ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    // Party bodies first (Văn phòng, Ban Tổ chức, Ban Tuyên giáo, …), then the state,
    // then the Mặt trận and the organisations in their usual order.
    assert_eq!(
        codes[..8],
        ["TU", "VPTU", "BTCTU", "BTGTU", "BDVTU", "BTGDVTU", "BNCTU", "UBKTTU"]
    );
    let rank = |k: &str| {
        ["party", "government", "front"]
            .iter()
            .position(|x| *x == k)
    };
    let ranks: Vec<_> = kinds.iter().map(|k| rank(k)).collect();
    let mut sorted = ranks.clone();
    sorted.sort();
    assert_eq!(ranks, sorted, "{codes:?}");
    let tail: Vec<&str> = codes
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(tail, ["MTTQ", "LDLD", "HND", "TINHDOAN", "HLHPN", "HCCB"]);
}

#[test]
fn load_refuses_a_database_with_data_unless_forced() {
    let today = day(TODAY);
    let (dir, mut store) = demo_store(today);
    let path = dir.path().join("demo.db");
    let before = store.summary(&Scope::default(), today, today).unwrap();
    let audit_before = audit_rows(&path);

    // The demo again on the demo: nothing to do, nothing changed (so the README's run
    // command works every time).
    assert_eq!(
        demo::load_once(&mut store, today, false).unwrap(),
        demo::Loaded::AlreadyThere
    );
    assert_eq!(
        store.summary(&Scope::default(), today, today).unwrap(),
        before
    );
    assert_eq!(audit_rows(&path), audit_before);
    // A database holding other data is refused.
    let (_other_dir, mut other) = fresh();
    other
        .add_agency(phoihop::domain::Agency {
            code: "VPTU".into(),
            name: "Văn phòng Tỉnh ủy".into(),
            kind: phoihop::domain::AgencyKind::Party,
            parent: None,
            head: None,
            members: None,
            staff: None,
        })
        .unwrap();
    let err = demo::load(&mut other, today, false).unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(err.to_string().contains("demo --force"), "{err}");

    // A change, then --force: the change is gone and the demo is whole again.
    let id = store
        .tasks(&TaskFilter::default(), TaskSort::Id, false, 0, 1)
        .unwrap()[0]
        .id;
    store.remove_task(id, None, today, None).unwrap();
    demo::load(&mut store, today, true).unwrap();
    assert_eq!(
        store.summary(&Scope::default(), today, today).unwrap(),
        before
    );
    assert_eq!(store.check().unwrap(), vec![]);
    // The clearing is one audit row.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let clears: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'clear' AND entity = 'database'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(clears, 1);
}

fn audit_rows(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn gen_is_deterministic_and_consistent() {
    let today = day(TODAY);
    let opts = GenOptions {
        tasks: 3_000,
        agencies: 40,
        seed: 42,
    };
    let run = |opts: &GenOptions| {
        let (dir, mut store) = fresh();
        demo::generate(&mut store, opts, today).unwrap();
        let s = store.summary(&Scope::default(), today, today).unwrap();
        let first = store
            .tasks(&TaskFilter::default(), TaskSort::Id, false, 0, 50)
            .unwrap();
        assert_eq!(store.check().unwrap(), vec![]);
        (dir, store, s, first)
    };
    let (_d1, store, s1, t1) = run(&opts);
    let (_d2, _s2, s2, t2) = run(&opts);
    assert_eq!(s1, s2);
    assert_eq!(t1, t2);
    let (_d3, _s3, s3, _) = run(&GenOptions {
        seed: 43,
        ..opts.clone()
    });
    assert_ne!(s1, s3);

    assert_eq!(s1.totals.tasks, 3_000);
    assert_eq!(store.agencies().unwrap().len(), 40);
    // Every category and every bucket is represented; many are done.
    assert!(s1.categories.iter().all(|c| c.counts.tasks > 0));
    let t = s1.totals;
    assert!(t.done_on_time > 0 && t.done_late > 0 && t.in_time > 0 && t.overdue > 0);
    assert!(t.done() * 3 > t.tasks, "{t:?}");
    assert!(s1.due_soon > 0);
    // Government (16/58) well ahead of front (3/58), as in seed 003.
    let count = |code: &str| {
        s1.categories
            .iter()
            .find(|c| c.category.code == code)
            .unwrap()
            .counts
            .tasks
    };
    assert!(count("government") > 3 * count("front"));
    // Diacritic-free search finds generated titles.
    let hits = store
        .count_tasks(&TaskFilter {
            contains: Some("dan van".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(hits > 0);
}

#[test]
fn gen_refuses_a_database_with_data() {
    let today = day(TODAY);
    let (_dir, mut store) = demo_store(today);
    let before = store.summary(&Scope::default(), today, today).unwrap();
    let err = demo::generate(
        &mut store,
        &GenOptions {
            tasks: 10,
            agencies: 5,
            seed: 1,
        },
        today,
    )
    .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert_eq!(
        store.summary(&Scope::default(), today, today).unwrap(),
        before
    );
    let (_dir, mut empty) = fresh();
    let err = demo::generate(
        &mut empty,
        &GenOptions {
            tasks: 10,
            agencies: 0,
            seed: 1,
        },
        today,
    )
    .unwrap_err();
    assert_eq!(err.exit_code(), 2);
    assert!(!empty.holds_data().unwrap());
}

/// Not a pass/fail test: prints how long `gen` takes, for the numbers in `docs/demo.md`.
/// Run: `PHOIHOP_GEN_TASKS=1000000 cargo test --release --test demo gen_timing -- --ignored --nocapture`
#[test]
#[ignore]
fn gen_timing() {
    let n: u64 = std::env::var("PHOIHOP_GEN_TASKS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let (dir, mut store) = fresh();
    let cpu_before = cpu_seconds();
    let started = std::time::Instant::now();
    demo::generate(
        &mut store,
        &GenOptions {
            tasks: n,
            agencies: 60,
            seed: 1,
        },
        day(TODAY),
    )
    .unwrap();
    let took = started.elapsed();
    let cpu = cpu_seconds() - cpu_before;
    let size = std::fs::metadata(dir.path().join("demo.db")).unwrap().len();
    println!(
        "gen {n} tasks: {:.2} s wall, {cpu:.2} s CPU, database {:.1} MB",
        took.as_secs_f64(),
        size as f64 / 1e6
    );
    let started = std::time::Instant::now();
    let s = store
        .summary(&Scope::default(), day(TODAY), day(TODAY))
        .unwrap();
    println!(
        "summary as of today: {:.3} s, {:?}",
        started.elapsed().as_secs_f64(),
        s.totals
    );
    assert_eq!(s.totals.tasks as u64, n);
}

#[test]
fn force_needs_an_admin_and_keeps_admin_grants() {
    use phoihop::domain::Role;
    let today = day(TODAY);
    let (_dir, mut store) = demo_store(today);
    let me = store.login().to_string();
    // The first grant ends single-user mode: this login has none, so it is a supervisor.
    store
        .grant("chuyenvien", Role::Operator, Some("BTCTU"))
        .unwrap();
    let before = store.summary(&Scope::default(), today, today).unwrap();
    let err = demo::load(&mut store, today, true).unwrap_err();
    assert_eq!(err.exit_code(), 5, "{err}");
    assert_eq!(
        store.summary(&Scope::default(), today, today).unwrap(),
        before
    );
    // Make this login and another one admins (directly in the file: only an admin may
    // grant). Then --force replaces the data; the operator grant bound to an old agency
    // is gone, the admin grants stay.
    let conn = rusqlite::Connection::open(store.path()).unwrap();
    for login in [me.as_str(), "someone-else"] {
        conn.execute(
            "INSERT INTO role_grant (login, role) VALUES (?1, 'admin')",
            [login],
        )
        .unwrap();
    }
    drop(conn);
    demo::load(&mut store, today, true).unwrap();
    let grants: Vec<(String, Role)> = store
        .grants()
        .unwrap()
        .into_iter()
        .map(|g| (g.login, g.role))
        .collect();
    assert!(grants.contains(&("someone-else".to_string(), Role::Admin)));
    assert!(grants.contains(&(me, Role::Admin)));
    assert!(!grants.iter().any(|(l, _)| l == "chuyenvien"));
    assert_eq!(store.check().unwrap(), vec![]);
}

/// User + system CPU time of this process so far (Linux `/proc/self/stat`, in seconds),
/// so that a measurement on a busy shared machine can be read apart from the wall time.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|s| s.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of the file are utime and stime; `after` starts at field 3.
    (ticks(11) + ticks(12)) / 100.0
}

/// `demo --force` killed with SIGKILL at 20 moments spread over its run: every time the
/// old data or the new, whole (one transaction), and the file intact.
#[test]
fn demo_force_killed_at_any_moment_leaves_whole_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let bin = assert_cmd::cargo::cargo_bin("phoihop");
    let run = |args: &[&str]| {
        std::process::Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("LANG", "C")
            .output()
            .unwrap()
    };
    assert!(run(&["demo"]).status.success());
    // A change the forced load replaces: task 1's progress.
    assert!(run(&["task", "update", "1", "--progress", "55"])
        .status
        .success());
    let started = std::time::Instant::now();
    assert!(run(&["demo", "--force"]).status.success());
    let full = started.elapsed();
    let whole = |label: &str| {
        let c = rusqlite::Connection::open(&db).unwrap();
        let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "{label}");
        assert_eq!(
            one("SELECT count(*) FROM task WHERE removed_on IS NULL"),
            104,
            "{label}"
        );
        assert_eq!(one("SELECT count(*) FROM agency"), 32, "{label}");
        assert_eq!(one("SELECT count(*) FROM program"), 6, "{label}");
    };
    whole("after a full forced load");
    for k in 0..20u32 {
        let mut child = std::process::Command::new(&bin)
            .arg("--db")
            .arg(&db)
            .args(["demo", "--force"])
            .env("LANG", "C")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(f64::from(k) / 20.0));
        let _ = child.kill();
        let _ = child.wait();
        whole(&format!("killed after {k}/20 of a load"));
    }
    let check = run(&["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
}
