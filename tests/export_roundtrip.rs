//! Export → import into an empty database → the same reports, byte for byte (and the
//! same export); CSV exports neutralize formula cells and import them back unchanged;
//! `backup` taken while other connections write passes `PRAGMA integrity_check`.

#[path = "report_fixture.rs"]
mod fixture;

use std::path::Path;

use assert_cmd::Command;

fn phoihop(db: &Path) -> Command {
    let mut c = Command::cargo_bin("phoihop").unwrap();
    c.env("PHOIHOP_DB", db).env("LANG", "C");
    c
}

fn stdout(db: &Path, args: &[&str]) -> Vec<u8> {
    let out = phoihop(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The reports as the record stands today, every format: byte for byte the same after a
/// round trip.
fn reports(db: &Path) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for fmt in [
        &["--format", "md", "--lang", "vi"][..],
        &["--format", "md", "--lang", "en"],
        &["--format", "csv"],
        &["--format", "json"],
    ] {
        let mut args = vec!["report", "--program", "XDHTCT-2015-2020"];
        args.extend_from_slice(fmt);
        out.push(stdout(db, &args));
    }
    out.push(stdout(db, &["report", "--format", "json"]));
    out
}

/// The parts of past reports that do not name agencies. The export carries today's record
/// of agencies, not their merges: the demo's 2025 merges (BTGTU and BDVTU into BTGDVTU
/// on 13/02/2025, …) are not replayed by an import, so as of an earlier date the copy
/// shows the merged body where the original shows the old ones (docs/formats.md says
/// so). Counts, buckets, progress and urges by category do not depend on that.
fn past_figures(db: &Path) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for args in [
        &[
            "report",
            "--program",
            "XDHTCT-2015-2020",
            "--as-of",
            "2017-12-31",
        ][..],
        &[
            "report",
            "--program",
            "XDHTCT-2015-2020",
            "--as-of",
            "2020-11-06",
        ],
        &["report", "--period", "2019"],
    ] {
        let mut a = args.to_vec();
        a.extend_from_slice(&["--format", "json"]);
        let mut v: serde_json::Value = serde_json::from_slice(&stdout(db, &a)).unwrap();
        for key in [
            "agencies",
            "coordinating",
            "overdue_tasks",
            "ahead",
            "ranking",
        ] {
            v.as_object_mut().unwrap().remove(key);
        }
        out.push(v);
    }
    out
}

#[test]
fn demo_export_import_gives_the_same_reports_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.db");
    let b = tmp.path().join("b.db");
    stdout(&a, &["demo"]);
    // Roles travel too.
    let login = phoihop::store::os_login();
    stdout(&a, &["user", "grant", &login, "--role", "admin"]);
    stdout(&a, &["user", "grant", "nguyenvana", "--role", "supervisor"]);
    let json = tmp.path().join("export.json");
    stdout(&a, &["export", "--out", json.to_str().unwrap()]);
    let out = stdout(&b, &["import", json.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&out).contains("104 tasks"),
        "{}",
        String::from_utf8_lossy(&out)
    );
    assert_eq!(
        past_figures(&a),
        past_figures(&b),
        "past figures by category"
    );
    let (ra, rb) = (reports(&a), reports(&b));
    for (i, (x, y)) in ra.iter().zip(&rb).enumerate() {
        assert!(
            x == y,
            "report {i} differs:\n{}\n---\n{}",
            String::from_utf8_lossy(x),
            String::from_utf8_lossy(y)
        );
    }
    assert_eq!(
        stdout(&a, &["export"]),
        stdout(&b, &["export"]),
        "the export of the copy is the export"
    );
    let check = phoihop(&b).arg("check").output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    // Importing the same file again is refused (its tasks are already there), and changes nothing.
    let before = std::fs::read(&b).unwrap();
    phoihop(&b)
        .args(["import", json.to_str().unwrap()])
        .assert()
        .code(6);
    assert!(std::fs::read(&b).unwrap() == before);
}

#[test]
fn csv_export_neutralizes_formulas_and_imports_back_unchanged() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.db");
    drop(fixture::build(&a));
    let csv = String::from_utf8(stdout(&a, &["export", "--format", "csv"])).unwrap();
    for prefix in ["'- Phát hành", "'=Ban hành", "'+Tăng cường", "'@Nhân rộng"] {
        assert!(csv.contains(prefix), "{prefix} in {csv}");
    }
    assert!(!csv.contains(",- Phát hành") && !csv.contains(",=Ban"));
    let excel = stdout(&a, &["export", "--format", "csv", "--excel"]);
    assert!(excel.starts_with(b"\xEF\xBB\xBF"));
    // For a Vietnamese-locale Excel: `;` and CR LF; and it imports back unchanged.
    let excel_text = String::from_utf8(excel[3..].to_vec()).unwrap();
    assert!(
        excel_text.starts_with("program;category;title;lead;with;"),
        "{excel_text}"
    );
    assert!(excel_text.contains(";\"'=Ban hành"), "{excel_text}");
    assert!(excel_text.ends_with("\r\n") && !excel_text.replace("\r\n", "").contains('\n'));
    let excel_dir = tmp.path().join("excel");
    std::fs::create_dir(&excel_dir).unwrap();
    std::fs::write(excel_dir.join("tasks.csv"), &excel).unwrap();
    let dir = tmp.path().join("out");
    std::fs::create_dir(&dir).unwrap();
    stdout(
        &a,
        &["export", "--format", "csv", "--out", dir.to_str().unwrap()],
    );
    let b = tmp.path().join("b.db");
    stdout(&b, &["import", dir.to_str().unwrap()]);
    for f in ["agencies.csv", "programs.csv"] {
        std::fs::copy(dir.join(f), excel_dir.join(f)).unwrap();
    }
    let c = tmp.path().join("c.db");
    stdout(&c, &["import", excel_dir.to_str().unwrap()]);
    let titles = |db: &Path| -> Vec<String> {
        let v: serde_json::Value =
            serde_json::from_slice(&stdout(db, &["task", "list", "--format", "json"])).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| t["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&a), titles(&b));
    assert_eq!(
        titles(&a),
        titles(&c),
        "the --excel export imports back unchanged"
    );
    assert!(titles(&b).iter().any(|t| t.starts_with("=Ban hành")));
    // Today's state (the live table) is the same; the history of a CSV copy is shorter.
    let now = |db: &Path| stdout(db, &["report", "--format", "json"]);
    let (x, y): (serde_json::Value, serde_json::Value) = (
        serde_json::from_slice(&now(&a)).unwrap(),
        serde_json::from_slice(&now(&b)).unwrap(),
    );
    assert_eq!(x["totals"], y["totals"]);
    assert_eq!(x["categories"], y["categories"]);
    assert_eq!(x["agencies"], y["agencies"]);
}

#[test]
fn operators_import_only_their_agencys_tasks() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.db");
    drop(fixture::build(&a));
    let login = phoihop::store::os_login();
    stdout(
        &a,
        &[
            "user", "grant", &login, "--role", "operator", "--agency", "BTG",
        ],
    );
    let mine = tmp.path().join("mine.csv");
    let theirs = tmp.path().join("theirs.csv");
    let head = "program,category,title,lead,with,cadence,deadline,status,progress,basis\n";
    std::fs::write(&mine, format!("{head}XD-2019-2020,ideology,Biên soạn tài liệu sinh hoạt chi bộ,BTG,,recurring,,not_started,0,\n")).unwrap();
    std::fs::write(&theirs, format!("{head}XD-2019-2020,ideology,Biên soạn tài liệu,BTG,,recurring,,not_started,0,\nXD-2019-2020,organization,Rà soát quy hoạch cán bộ,BTC,,recurring,,not_started,0,\n")).unwrap();
    let before = std::fs::read(&a).unwrap();
    let out = phoihop(&a)
        .args(["import", theirs.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(5));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("theirs.csv line 3"), "{err}");
    assert!(std::fs::read(&a).unwrap() == before);
    stdout(&a, &["import", mine.to_str().unwrap()]);
    // Agencies are for admins.
    let ag = tmp.path().join("agencies.csv");
    std::fs::write(&ag, "code,name,kind\nSNV,Sở Nội vụ,government\n").unwrap();
    phoihop(&a)
        .args(["import", ag.to_str().unwrap()])
        .assert()
        .code(5);
    // A read-only open refuses a real import but allows a dry run.
    phoihop(&a)
        .args(["--read-only", "import", mine.to_str().unwrap()])
        .assert()
        .code(5);
}

#[test]
fn backup_during_concurrent_writes_passes_integrity_check() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("live.db");
    stdout(&db, &["demo"]);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writers: Vec<_> = (0..3)
        .map(|w| {
            let db = db.clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut s = phoihop::store::Store::open(&db, false).unwrap();
                let mut n = 0u64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let id = 1 + ((n * 7 + w * 13) % 58) as i64;
                    let p = (n % 99) as i64;
                    s.update_progress(
                        id,
                        None,
                        phoihop::domain::ProgressUpdate {
                            progress: Some(phoihop::domain::Progress::new(p).unwrap()),
                            status: Some(phoihop::domain::Status::InProgress),
                            note: Some(format!("writer {w} update {n}")),
                            on: chrono::Local::now().date_naive(),
                        },
                    )
                    .unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(200));
    for i in 0..3 {
        let dest = tmp.path().join(format!("copy{i}.db"));
        stdout(&db, &["backup", dest.to_str().unwrap()]);
        let c = rusqlite::Connection::open(&dest).unwrap();
        let ok: String = c
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let (tasks, hist): (i64, i64) = c
            .query_row(
                "SELECT (SELECT count(*) FROM task), (SELECT count(*) FROM task_history)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(tasks, 104);
        assert!(hist > 104);
        let check = phoihop(&dest).arg("check").output().unwrap();
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stdout)
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let total: u64 = writers.into_iter().map(|h| h.join().unwrap()).sum();
    assert!(total > 0, "the writers wrote while the backups ran");
}

#[test]
fn csv_round_trips_titles_that_begin_like_formulas_or_apostrophes() {
    use phoihop::domain::{Cadence, NewTask, Progress, Status};
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.db");
    let titles = [
        "'=x",
        "=x",
        "'x",
        "+x",
        "''=x",
        "'- Rà soát",
        "@x",
        "-x",
        "'+x",
        "x'",
        "Rà soát 'đặc biệt'",
    ];
    {
        let mut s = fixture::build(&a);
        for t in titles {
            s.add_task(NewTask {
                program: "XD-2019-2020".into(),
                category: "ideology".into(),
                title: t.into(),
                description: Some(t.into()),
                lead: "BTC".into(),
                with: vec![],
                cadence: Cadence::Recurring,
                deadline: None,
                basis: Some(t.into()),
                status: Status::NotStarted,
                progress: Progress::ZERO,
                created_on: fixture::d(2019, 1, 2),
                completed_on: None,
            })
            .unwrap();
        }
    }
    let csv = tmp.path().join("tasks.csv");
    stdout(
        &a,
        &["export", "--format", "csv", "--out", csv.to_str().unwrap()],
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    // The writer's rule: one apostrophe more before a formula-like cell, none otherwise.
    for (title, written) in [
        ("'=x", "''=x"),
        ("=x", "'=x"),
        ("+x", "'+x"),
        ("''=x", "'''=x"),
    ] {
        assert!(
            text.contains(&format!(",{written},")),
            "{title:?} is written {written:?}:\n{text}"
        );
    }
    assert!(text.contains(",'x,") && !text.contains(",''x,"), "{text}");
    let b = tmp.path().join("b.db");
    let fresh = tempfile::tempdir().unwrap();
    let dir = fresh.path().join("copy");
    std::fs::create_dir(&dir).unwrap();
    stdout(
        &a,
        &[
            "export",
            "--format",
            "csv",
            "--out",
            &format!("{}/", dir.display()),
        ],
    );
    stdout(&b, &["import", dir.to_str().unwrap()]);
    let fields = |db: &Path| -> Vec<(String, String, String)> {
        let v: serde_json::Value =
            serde_json::from_slice(&stdout(db, &["task", "list", "--format", "json"])).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|t| {
                let id = t["id"].as_i64().unwrap().to_string();
                let full: serde_json::Value =
                    serde_json::from_slice(&stdout(db, &["task", "show", &id, "--format", "json"]))
                        .unwrap();
                (
                    t["title"].as_str().unwrap().to_string(),
                    full["description"].as_str().unwrap_or("").to_string(),
                    full["basis"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    let (x, y) = (fields(&a), fields(&b));
    assert_eq!(x, y);
    for t in titles {
        assert!(
            y.iter().any(|(title, d, b)| title == t && d == t && b == t),
            "{t:?} did not come back byte for byte: {y:?}"
        );
    }
}

/// The export reads the tasks, their history and their urges side by side in task
/// order: each task's history (its progress entries) and urges are those `task show`
/// gives it, on the demo and with urges and progress added to tasks far apart.
#[test]
fn exported_history_and_urges_are_each_tasks_own() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("a.db");
    stdout(&db, &["demo"]);
    let login = phoihop::store::os_login();
    stdout(&db, &["user", "grant", &login, "--role", "admin"]);
    let tasks: serde_json::Value =
        serde_json::from_slice(&stdout(&db, &["task", "list", "--format", "json"])).unwrap();
    let ids: Vec<i64> = tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_i64().unwrap())
        .collect();
    let (first, last) = (ids[0].to_string(), ids[ids.len() - 1].to_string());
    for id in [&first, &last] {
        stdout(
            &db,
            &["task", "urge", id, "--message", "Đề nghị báo cáo tiến độ."],
        );
        stdout(&db, &["task", "update", id, "--progress", "35"]);
    }
    let export: serde_json::Value =
        serde_json::from_slice(&stdout(&db, &["export", "--format", "json"])).unwrap();
    let exported = export["tasks"].as_array().unwrap();
    assert_eq!(exported.len(), ids.len());
    let mut urged = 0;
    for t in exported {
        let id = t["id"].as_i64().unwrap().to_string();
        let show: serde_json::Value =
            serde_json::from_slice(&stdout(&db, &["task", "show", &id, "--format", "json"]))
                .unwrap();
        let messages = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .unwrap()
                .iter()
                .map(|u| u["message"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(messages(&t["urges"]), messages(&show["urges"]), "task {id}");
        urged += usize::from(!messages(&t["urges"]).is_empty());
        let progress = |v: &serde_json::Value, only_progress: bool| -> Vec<(String, i64)> {
            v.as_array()
                .unwrap()
                .iter()
                .filter(|h| {
                    !only_progress || matches!(h["change"].as_str(), Some("create" | "progress"))
                })
                .map(|h| {
                    (
                        h["on"].as_str().unwrap().to_string(),
                        h["progress"].as_i64().unwrap(),
                    )
                })
                .collect()
        };
        assert_eq!(
            progress(&t["history"], false),
            progress(&show["history"], true),
            "task {id}"
        );
    }
    assert!(urged >= 3, "{urged} tasks urged");
}
