//! Golden reports of the demo data set (a fixed "today" for the demo, a fixed as-of date:
//! 06/11/2020, the final review of seed 003): Markdown in Vietnamese and English, CSV and
//! JSON, compared byte for byte with tests/golden/. Any change fails; after a deliberate
//! change, regenerate with `UPDATE_GOLDEN=1 cargo test --test report_golden` and review
//! the diff.
//!
//! Also: the as-of state of the 2015-2020 program at 31/12/2017 and 06/11/2020, checked
//! against each task's own history.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use phoihop::domain::{bucket, Bucket};
use phoihop::report::{self, Request};
use phoihop::store::Store;

const PROGRAM: &str = "XDHTCT-2015-2020";

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The fixed "today" the demo is loaded with.
fn today() -> NaiveDate {
    d(2025, 5, 20)
}

fn demo(dir: &Path) -> Store {
    let mut s = Store::open(&dir.join("demo.db"), false).unwrap();
    phoihop::demo::load(&mut s, today(), false).unwrap();
    s
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn compare(name: &str, actual: &[u8]) -> Option<String> {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(golden_dir()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return None;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    if expected == actual {
        return None;
    }
    let (e, a) = (
        String::from_utf8_lossy(&expected),
        String::from_utf8_lossy(actual),
    );
    let first = e
        .lines()
        .zip(a.lines())
        .position(|(x, y)| x != y)
        .unwrap_or_else(|| e.lines().count().min(a.lines().count()));
    Some(format!(
        "{name} differs from its golden file at line {}:\n  golden: {:?}\n  actual: {:?}",
        first + 1,
        e.lines().nth(first).unwrap_or("<end>"),
        a.lines().nth(first).unwrap_or("<end>")
    ))
}

#[test]
fn demo_reports_match_the_golden_files() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let req = Request {
        program: Some(PROGRAM.into()),
        from: None,
        to: d(2020, 11, 6),
    };
    let r = report::build(&store, &req, today()).unwrap();
    let period = Request {
        program: Some(PROGRAM.into()),
        from: Some(d(2020, 1, 1)),
        to: d(2020, 6, 30),
    };
    let h1 = report::build(&store, &period, today()).unwrap();
    let all = Request {
        program: None,
        from: None,
        to: today(),
    };
    let now = report::build(&store, &all, today()).unwrap();
    let outputs: Vec<(&str, Vec<u8>)> = vec![
        (
            "demo-2020-11-06.vi.md",
            report::markdown::render(&r, "vi").into_bytes(),
        ),
        (
            "demo-2020-11-06.en.md",
            report::markdown::render(&r, "en").into_bytes(),
        ),
        (
            "demo-2020-11-06.csv",
            report::csv::render(&r, false).unwrap(),
        ),
        (
            "demo-2020-11-06.json",
            report::json::render(&r).unwrap().into_bytes(),
        ),
        (
            "demo-2020H1.vi.md",
            report::markdown::render(&h1, "vi").into_bytes(),
        ),
        (
            "demo-all-today.json",
            report::json::render(&now).unwrap().into_bytes(),
        ),
    ];
    let diffs: Vec<String> = outputs
        .iter()
        .filter_map(|(name, bytes)| compare(name, bytes))
        .collect();
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[test]
fn the_golden_files_say_what_seed_003_says() {
    let vi = std::fs::read_to_string(golden_dir().join("demo-2020-11-06.vi.md")).unwrap();
    assert!(vi.contains("Chương trình có 58 nhiệm vụ (trong đó, Công tác tư tưởng có 5 nhiệm vụ; Công tác tổ chức xây dựng Đảng có 15 nhiệm vụ; Công tác kiểm tra, giám sát có 4 nhiệm vụ; Công tác dân vận có 11 nhiệm vụ; Công tác nội chính có 4 nhiệm vụ; Công tác xây dựng bộ máy chính quyền có 16 nhiệm vụ; Công tác MTTQ và các đoàn thể có 3 nhiệm vụ)."));
    assert!(vi.starts_with("# BÁO CÁO TỔNG KẾT\n"));
    assert!(vi.contains("Đến ngày 06/11/2020, đã hoàn thành 54/58 nhiệm vụ, đạt 93,1%, trong đó 47 nhiệm vụ hoàn thành đúng hạn, 7 nhiệm vụ hoàn thành chậm so với thời hạn; còn 4 nhiệm vụ chưa hoàn thành, đã quá hạn."));
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(golden_dir().join("demo-2020-11-06.json")).unwrap(),
    )
    .unwrap();
    let counts: Vec<i64> = json["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["tasks"].as_i64().unwrap())
        .collect();
    assert_eq!(counts, [5, 15, 4, 11, 4, 16, 3]);
    assert_eq!(json["totals"]["tasks"], 58);
}

/// Each task's bucket on `on`, from its own history (last entry on or before the date).
fn from_history(store: &Store, on: NaiveDate) -> [i64; 4] {
    let mut out = [0; 4];
    let tasks = store
        .tasks(
            &phoihop::store::TaskFilter {
                program: Some(PROGRAM.into()),
                ..Default::default()
            },
            phoihop::store::TaskSort::Id,
            false,
            0,
            usize::MAX,
        )
        .unwrap();
    for t in tasks {
        if t.created_on > on {
            continue;
        }
        let hist = store.task_history(t.id).unwrap();
        let Some(last) = hist.iter().rfind(|h| h.on <= on) else {
            continue;
        };
        // The completion date: the first entry of the final run of "done" entries.
        let completed = if last.status == phoihop::domain::Status::Done {
            hist.iter()
                .filter(|h| h.on <= on)
                .rev()
                .take_while(|h| h.status == phoihop::domain::Status::Done)
                .last()
                .map(|h| h.on)
        } else {
            None
        };
        let b = bucket(last.status, t.deadline, completed, on);
        out[Bucket::ALL.iter().position(|x| *x == b).unwrap()] += 1;
    }
    out
}

#[test]
fn as_of_the_demo_program_follows_its_history() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let at = |on: NaiveDate| {
        let r = report::build(
            &store,
            &Request {
                program: Some(PROGRAM.into()),
                from: None,
                to: on,
            },
            today(),
        )
        .unwrap();
        let t = r.totals;
        (
            t.tasks,
            [t.done_on_time, t.done_late, t.in_time, t.overdue],
            t.progress,
        )
    };
    let (n17, b17, p17) = at(d(2017, 12, 31));
    let (n20, b20, p20) = at(d(2020, 11, 6));
    assert_eq!(b17, from_history(&store, d(2017, 12, 31)));
    assert_eq!(b20, from_history(&store, d(2020, 11, 6)));
    assert_eq!(n20, 58);
    assert!(n17 <= n20);
    // Between the two dates work got done and the in-time tasks ran out.
    assert!(b20[0] + b20[1] > b17[0] + b17[1], "{b17:?} → {b20:?}");
    assert!(b17[2] > b20[2], "{b17:?} → {b20:?}");
    assert!(p20 > p17);
}
