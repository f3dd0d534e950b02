//! The bench harness at a tiny size, so it cannot rot: `gen` 2,000 tasks, the dashboard
//! probe, the sqlite3 baseline queries of scripts/bench-dashboard.sql (when sqlite3 is
//! installed: they must count what the dashboard counts, or the comparison is unfair), and
//! the pty probe on the real binary. No timing is asserted; the full run is
//! `scripts/bench.sh`, outside CI.

#[path = "../examples/bench_probe.rs"]
mod probe;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

fn gen(db: &Path, tasks: u32) {
    let out = Command::new(env!("CARGO_BIN_EXE_phoihop"))
        .arg("--db")
        .arg(db)
        .args(["gen", "--tasks", &tasks.to_string(), "--agencies", "20"])
        .args(["--seed", "7"])
        .output()
        .unwrap();
    assert!(out.status.success(), "gen: {out:?}");
}

fn sqlite3_available() -> bool {
    Command::new("sqlite3").arg("--version").output().is_ok()
}

#[test]
fn dashboard_probe_agrees_with_the_sqlite3_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    gen(&db, 2000);
    let today = chrono::Local::now().date_naive();
    let n = probe_agrees(&db, None, "scripts/bench-dashboard.sql", today);
    assert_eq!(n, Some(2000));
    // As of a past date: the versions then, against the same queries over task_version.
    let past = today - chrono::Duration::days(400);
    let then = probe_agrees(&db, Some(past), "scripts/bench-dashboard-asof.sql", past);
    assert!(then.is_none() || then < Some(2000), "{then:?}");
}

/// Runs the dashboard probe as of `as_of` (today when `None`) and, when sqlite3 is
/// installed, the baseline queries of `sql` (with `@TODAY@` = `day`): both must count the
/// same. Returns the task count the sqlite3 side found.
fn probe_agrees(
    db: &Path,
    as_of: Option<chrono::NaiveDate>,
    sql: &str,
    day: chrono::NaiveDate,
) -> Option<i64> {
    let rep = probe::dashboard(db, as_of).unwrap();
    let attention: usize = rep.get("attention").unwrap();
    // The dashboard reads the attention list one window at a time.
    assert!(
        attention <= phoihop::tui::state::dashboard::ATTENTION_WINDOW,
        "{rep:?}"
    );
    assert!(rep.get::<f64>("load_ms").unwrap() > 0.0);

    if !sqlite3_available() {
        eprintln!("sqlite3 is not installed: the baseline queries were not checked");
        return None;
    }
    let soon = day + chrono::Duration::days(14);
    let sql = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(sql))
        .unwrap()
        .replace("@TODAY@", &day.to_string())
        .replace("@SOON@", &soon.to_string());
    let mut child = Command::new("sqlite3")
        .args(["-readonly", "-separator", "\t"])
        .arg(db)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(sql.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "sqlite3: {out:?}");
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split('\t').collect()).collect();
    // The first 7 lines are the categories (9 columns), then the agencies (8), then the
    // attention list (15, but titles may hold no tab), then the programs.
    let cats = &lines[..7];
    let col = |rows: &[Vec<&str>], i: usize| -> i64 {
        rows.iter().map(|r| r[i].parse::<i64>().unwrap()).sum()
    };
    let tasks = col(cats, 2);
    assert_eq!(Some(tasks), rep.get::<i64>("tasks"));
    let buckets = format!(
        "{}/{}/{}/{}",
        col(cats, 3),
        col(cats, 4),
        col(cats, 5),
        col(cats, 6)
    );
    assert_eq!(Some(buckets), rep.get::<String>("buckets"));
    assert_eq!(Some(col(cats, 8)), rep.get::<i64>("due_soon"));
    let agencies: Vec<_> = lines[7..].iter().take_while(|r| r.len() == 8).collect();
    assert_eq!(Some(agencies.len()), rep.get::<usize>("agencies"));
    let led: i64 = agencies.iter().map(|r| r[2].parse::<i64>().unwrap()).sum();
    assert_eq!(led, tasks);
    let listed = lines[7 + agencies.len()..]
        .iter()
        .take_while(|r| r.len() == 15)
        .count();
    assert_eq!(listed, attention);
    Some(tasks)
}

#[test]
fn pty_probe_measures_the_real_tui() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    gen(&db, 2000);
    let rep = probe::pty(
        Path::new(env!("CARGO_BIN_EXE_phoihop")),
        &db,
        Duration::from_secs(1),
    )
    .unwrap();
    let get = |k: &str| -> f64 { rep.get(k).unwrap_or_else(|| panic!("{k} missing: {rep:?}")) };
    assert!(get("first_frame_bytes") > 1000.0, "{rep:?}");
    assert!(get("move_bytes") > 0.0, "{rep:?}");
    // A one-row move must not redraw the whole screen (no timing: bytes are exact).
    assert!(get("move_bytes") < get("repaint_bytes"), "{rep:?}");
    assert!(get("rss_peak_kb") > 1000.0, "{rep:?}");
    assert!(get("idle_seconds") >= 1.0);
    assert!(get("idle_cpu_percent") >= 0.0);
    // The commit by the probe reached the open dashboard.
    assert!(get("refresh_bytes") > 0.0, "{rep:?}");
    assert!(get("refresh_ms") >= 0.0);
}

#[test]
fn bench_script_parses() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let st = Command::new("bash")
        .arg("-n")
        .arg(root.join("scripts/bench.sh"))
        .status()
        .unwrap();
    assert!(st.success());
}

/// Runs `cmd` and returns its stdout (it must succeed).
fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The rows of the `cli` group of scripts/bench.sh: `task list --format json`, the
/// `--search 'dan van'` list and `export --format csv`, each against its baseline (the
/// sqlite3 CLI reading scripts/bench-list.sql and scripts/bench-export.sql, fzf on the
/// folded titles): the counts must agree, or the comparison is unfair. No timing.
#[test]
fn cli_rows_agree_with_their_baselines() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    gen(&db, 2000);
    let bin = env!("CARGO_BIN_EXE_phoihop");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ids = |json: &str| {
        json.lines()
            .filter(|l| l.starts_with("    \"id\": "))
            .count()
    };
    let list = stdout_of(
        Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["task", "list", "--format", "json"]),
    );
    assert_eq!(ids(&list), 2000);
    let v: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2000);
    let search = stdout_of(
        Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["task", "list", "--search", "dan van", "--format", "json"]),
    );
    let matches = ids(&search);
    assert!(matches > 0);
    let export = stdout_of(
        Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["export", "--format", "csv"]),
    );
    let mut r = csv::Reader::from_reader(export.as_bytes());
    assert_eq!(r.records().count(), 2000);

    if !sqlite3_available() {
        eprintln!("sqlite3 is not installed: the baselines were not checked");
        return;
    }
    let sql = |f: &str| format!(".read {}", root.join(f).display());
    let base = stdout_of(
        Command::new("sqlite3")
            .args(["-readonly", "-json"])
            .arg(&db)
            .arg(sql("scripts/bench-list.sql")),
    );
    let base: serde_json::Value = serde_json::from_str(&base).unwrap();
    assert_eq!(base.as_array().unwrap().len(), 2000);
    assert_eq!(base[0]["id"], v[0]["id"]);
    assert_eq!(
        base[1999]["with"]
            .as_str()
            .map(|w| w.split(';').count())
            .unwrap_or(0),
        v[1999]["with"].as_array().unwrap().len()
    );
    let base = stdout_of(
        Command::new("sqlite3")
            .args(["-readonly", "-csv", "-header"])
            .arg(&db)
            .arg(sql("scripts/bench-export.sql")),
    );
    let mut r = csv::Reader::from_reader(base.as_bytes());
    assert_eq!(r.records().count(), 2000);

    if Command::new("fzf").arg("--version").output().is_err() {
        eprintln!("fzf is not installed: the search baseline was not checked");
        return;
    }
    let titles = stdout_of(
        Command::new("sqlite3")
            .arg("-readonly")
            .arg(&db)
            .arg("SELECT title_fold FROM task WHERE removed_on IS NULL ORDER BY id"),
    );
    let mut fzf = Command::new("fzf")
        .args(["--filter", "dan van"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    fzf.stdin
        .take()
        .unwrap()
        .write_all(titles.as_bytes())
        .unwrap();
    let out = fzf.wait_with_output().unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().lines().count(),
        matches
    );
}

/// The `report` row of the `cli` group: `report --format json` against the sqlite3 CLI
/// running scripts/bench-report.sql on the same file. The baseline must do the report's
/// work: its per-category counts, its overdue list and its days late by lead agency
/// agree with the report's. No timing.
#[test]
fn report_row_agrees_with_its_baseline() {
    if !sqlite3_available() {
        eprintln!("sqlite3 is not installed: the report baseline was not checked");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    gen(&db, 2000);
    let bin = env!("CARGO_BIN_EXE_phoihop");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let report: serde_json::Value = serde_json::from_str(&stdout_of(
        Command::new(bin)
            .arg("--db")
            .arg(&db)
            .args(["report", "--format", "json"]),
    ))
    .unwrap();
    let today = chrono::Local::now().date_naive();
    let sql = std::fs::read_to_string(root.join("scripts/bench-report.sql"))
        .unwrap()
        .replace("@TODAY@", &today.to_string())
        .replace("@SOON@", &(today + chrono::Duration::days(14)).to_string())
        .replace("@UNTIL@", &format!("{}-12-31", today.format("%Y")));
    let file = dir.path().join("report.sql");
    std::fs::write(&file, sql).unwrap();
    let base = stdout_of(
        Command::new("sqlite3")
            .arg("-readonly")
            .arg(&db)
            .arg(format!(".read {}", file.display())),
    );
    let rows: Vec<Vec<&str>> = base.lines().map(|l| l.split('|').collect()).collect();
    // 1. The categories, in order, with their counts.
    let cats = report["categories"].as_array().unwrap();
    // (The first line is the PRAGMA mmap_size's answer.)
    let base_cats: Vec<&Vec<&str>> = rows
        .iter()
        .skip_while(|r| r.len() == 1)
        .take(cats.len())
        .collect();
    assert!(base_cats.iter().all(|r| r.len() == 9), "{base}");
    for (c, b) in cats.iter().zip(&base_cats) {
        assert_eq!(c["code"], b[0]);
        for (i, k) in ["tasks", "done_on_time", "done_late", "in_time", "overdue"]
            .iter()
            .enumerate()
        {
            assert_eq!(
                c[k].as_i64().unwrap().to_string(),
                b[2 + i],
                "{k} of {}",
                b[0]
            );
        }
    }
    // 2. Days late by lead agency: the ranking's mean is the baseline's sum over its
    //    late and overdue tasks.
    let mut checked = 0;
    for r in report["ranking"].as_array().unwrap() {
        let code = r["code"].as_str().unwrap();
        let Some(b) = rows.iter().find(|b| {
            b.len() == 9 && b[0] == code && b[2].parse::<i64>().ok() == r["tasks"].as_i64()
        }) else {
            continue;
        };
        let late: f64 = b[4].parse::<f64>().unwrap() + b[6].parse::<f64>().unwrap();
        if late > 0.0 {
            let mean = (b[8].parse::<f64>().unwrap() / late * 10.0).round() / 10.0;
            assert_eq!(r["mean_days_late"].as_f64(), Some(mean), "{code}");
            checked += 1;
        }
    }
    assert!(checked > 0, "no agency's days late was compared:\n{base}");
    // 4. The overdue list: as many rows, the first one the most overdue.
    let overdue = report["overdue_tasks"].as_array().unwrap();
    let base_overdue: Vec<&Vec<&str>> = rows.iter().filter(|r| r.len() == 13).collect();
    assert_eq!(base_overdue.len(), overdue.len());
    assert!(!overdue.is_empty());
    assert_eq!(overdue[0]["id"].to_string(), base_overdue[0][0]);
}

/// The `digest` row of the `cli` group: `digest --format json` for all agencies against
/// the sqlite3 CLI running scripts/bench-digest.sql with the same dates: the same tasks in
/// each list, in the same order. No timing.
#[test]
fn digest_row_agrees_with_its_baseline() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gen.db");
    gen(&db, 2000);
    let bin = env!("CARGO_BIN_EXE_phoihop");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let today = chrono::Local::now().date_naive();
    let since = today - chrono::Duration::days(30);
    let soon = today + chrono::Duration::days(14);
    let json = stdout_of(Command::new(bin).arg("--db").arg(&db).args([
        "digest",
        "--since",
        &since.to_string(),
        "--format",
        "json",
    ]));
    let d: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids = |k: &str| -> Vec<String> {
        d[k].as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].to_string())
            .collect()
    };
    let stale = ids("stale");
    assert!(!stale.is_empty(), "the generated data has stale tasks");
    if !sqlite3_available() {
        eprintln!("sqlite3 is not installed: the baseline was not checked");
        return;
    }
    let sql = std::fs::read_to_string(root.join("scripts/bench-digest.sql"))
        .unwrap()
        .replace("@TODAY@", &today.to_string())
        .replace("@SINCE@", &since.to_string())
        .replace("@SOON@", &soon.to_string())
        .replace("@BEFORE@", &since.to_string());
    let file = dir.path().join("digest.sql");
    std::fs::write(&file, sql).unwrap();
    let base = stdout_of(
        Command::new("sqlite3")
            .arg("-readonly")
            .arg(&db)
            .arg(format!(".read {}", file.display())),
    );
    let rows: Vec<Vec<&str>> = base.lines().map(|l| l.split('|').collect()).collect();
    let expected = ids("newly_overdue").len() + ids("due_soon").len() + stale.len();
    assert_eq!(rows.len(), expected + ids("urges").len());
    // The stale list comes last in both, in deadline order.
    let base_stale: Vec<&str> = rows[rows.len() - stale.len()..]
        .iter()
        .map(|r| r[0])
        .collect();
    assert_eq!(
        base_stale,
        stale.iter().map(String::as_str).collect::<Vec<_>>()
    );
}
