//! The roll-up's judgement of replicas (stale, schema, check) and its sums, on real files.

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate, Utc};

use super::*;
use crate::demo::{generate, GenOptions};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 30).unwrap()
}

/// A generated province in `dir`, closed (so no -wal is left beside it).
fn province(dir: &Path, name: &str, seed: u64, tasks: u64) -> PathBuf {
    let path = dir.join(format!("{name}.db"));
    let mut s = Store::open(&path, false).unwrap();
    let opts = GenOptions {
        tasks,
        agencies: 12,
        seed,
    };
    generate(&mut s, &opts, today()).unwrap();
    drop(s);
    path
}

fn req(max_age: Option<i64>) -> Request {
    Request {
        program: None,
        from: None,
        to: today(),
        max_age,
        check: Check::Quick,
    }
}

/// The province's own report, read from a copy (so the original is touched by the
/// roll-up only).
fn own_report(path: &Path) -> Report {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(path, &copy).unwrap();
    let s = Store::open(&copy, true).unwrap();
    report::build(
        &s,
        &report::Request {
            program: None,
            from: None,
            to: today(),
        },
        today(),
    )
    .unwrap()
}

/// Runs raw SQL on a copy to damage it the way a test needs.
fn damage(path: &Path, sql: &str) {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(sql).unwrap();
}

#[test]
fn sums_equal_the_provinces_own_reports_and_files_stay_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = (1..=3)
        .map(|i| province(dir.path(), &format!("p{i}"), i, 150 + 20 * i))
        .collect();
    let before: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let r = build(&files, &req(None), today()).unwrap();
    assert_eq!(r.summed().count(), 3);
    let mut tasks = 0;
    let mut overdue = 0;
    let mut urges = 0;
    for (p, f) in r.provinces.iter().zip(&files) {
        let own = own_report(f);
        let got = p.report.as_ref().unwrap();
        assert_eq!(got.totals, own.totals, "{}", p.code);
        assert_eq!(got.categories, own.categories);
        assert_eq!(got.overdue, own.overdue);
        assert_eq!(got.urges, own.urges);
        assert_eq!(p.open_mode, Some(OpenMode::Immutable));
        tasks += own.totals.tasks;
        overdue += own.totals.overdue;
        urges += own.urges;
    }
    assert_eq!(r.totals.tasks, tasks);
    assert_eq!(r.totals.overdue, overdue);
    assert_eq!(r.urges, urges);
    let cat_tasks: i64 = r.categories.iter().map(|c| c.counts.tasks).sum();
    assert_eq!(cat_tasks, tasks);
    // Read-only: same bytes, nothing created beside the files.
    for (f, b) in files.iter().zip(&before) {
        assert_eq!(&std::fs::read(f).unwrap(), b, "{} changed", f.display());
        for side in crate::store::fs::sidecars(f) {
            assert!(!side.exists(), "{} was created", side.display());
        }
    }
    // The renderers take the same numbers.
    let json: serde_json::Value = serde_json::from_str(&render::json(&r).unwrap()).unwrap();
    assert_eq!(json["totals"]["tasks"], tasks);
    assert_eq!(json["provinces"].as_array().unwrap().len(), 3);
    let md = render::markdown(&r, "vi");
    assert!(md.contains("Tổng hợp kết quả thực hiện toàn quốc"), "{md}");
    assert!(md.contains("p2"));
    let csv = String::from_utf8(render::csv(&r, false).unwrap()).unwrap();
    assert_eq!(
        csv.lines().filter(|l| l.starts_with("province,")).count(),
        3
    );
    assert!(!xlsx::render(&r, "en").unwrap().is_empty());
}

#[test]
fn stale_schema_and_failed_replicas_are_listed_not_summed() {
    let dir = tempfile::tempdir().unwrap();
    let good = province(dir.path(), "good", 1, 120);
    let old = province(dir.path(), "old", 2, 120);
    let broken = province(dir.path(), "broken", 3, 120);
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, b"not a database at all, just text bytes").unwrap();
    damage(&old, "PRAGMA user_version = 3;");
    damage(
        &broken,
        "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE id = (SELECT max(id) FROM audit);",
    );
    let files = vec![good.clone(), old, broken, junk];
    let r = build(&files, &req(None), today()).unwrap();
    let states: Vec<&str> = r.provinces.iter().map(|p| p.state.code()).collect();
    assert_eq!(
        states,
        ["summed", "schema_mismatch", "check_failed", "unreadable"]
    );
    assert_eq!(
        r.totals,
        own_report(&good).totals,
        "only the good one is summed"
    );
    let md = render::markdown(&r, "en");
    assert!(md.contains("Schema version 3"), "{md}");
    assert!(md.contains("Fails the check"), "{md}");
    assert!(md.contains("Cannot be read"), "{md}");

    // Stale: the newest write is older than max-age when read an hour later.
    let later = Utc::now() + Duration::hours(1);
    let p = read_province(&good, &req(Some(600)), today(), later);
    assert!(
        matches!(
            p.state,
            State::Stale {
                last_write: Some(_)
            }
        ),
        "{:?}",
        p.state
    );
    assert!(p.report.is_some(), "a stale province is still shown");
    let p = read_province(&good, &req(Some(7200)), today(), later);
    assert_eq!(p.state, State::Summed);
    let p = read_province(&good, &req(None), today(), later + Duration::days(400));
    assert_eq!(p.state, State::Summed, "no max-age, never stale");
    let stale = sum(
        vec![read_province(&good, &req(Some(600)), today(), later)],
        &req(Some(600)),
        later,
    );
    assert_eq!(stale.totals.tasks, 0, "a stale province is not summed");
    assert!(stale.provinces[0]
        .state
        .reason("vi", Some(600))
        .contains("quá 10m"));
}

#[test]
fn a_directory_lists_its_db_files_by_name() {
    let dir = tempfile::tempdir().unwrap();
    province(dir.path(), "b", 1, 5);
    province(dir.path(), "a", 2, 5);
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let files = replica_files(&[dir.path().to_path_buf()]).unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.db", "b.db"]);
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        replica_files(&[empty.path().to_path_buf()])
            .unwrap_err()
            .exit_code(),
        2
    );
    assert_eq!(
        replica_files(&[dir.path().join("missing.db")])
            .unwrap_err()
            .exit_code(),
        3
    );
}

#[test]
fn a_province_is_named_by_its_meta_row() {
    let dir = tempfile::tempdir().unwrap();
    let f = province(dir.path(), "file-name", 1, 5);
    let p = read_province(&f, &req(None), today(), Utc::now());
    assert_eq!(
        (p.code.as_str(), p.name.as_str()),
        ("file-name", "file-name")
    );
    let mut s = Store::open(&f, false).unwrap();
    s.set_meta(META_NAME, "Tỉnh Lào Cai").unwrap();
    s.set_meta(META_CODE, "LCI").unwrap();
    drop(s);
    let p = read_province(&f, &req(None), today(), Utc::now());
    assert_eq!((p.code.as_str(), p.name.as_str()), ("LCI", "Tỉnh Lào Cai"));
}
