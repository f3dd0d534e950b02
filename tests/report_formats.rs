//! Reports on a program with a dated history: as-of buckets, periods, the Markdown
//! phrasing, CSV and XLSX (read back with calamine) with formula cells neutralized, and
//! the CLI's argument checks.

#[path = "report_fixture.rs"]
mod fixture;

use std::path::Path;

use assert_cmd::Command;
use calamine::{open_workbook_auto, Data, Reader};
use fixture::{d, today};
use phoihop::report::{self, Request};

fn req(from: Option<chrono::NaiveDate>, to: chrono::NaiveDate) -> Request {
    Request {
        program: Some("XD-2019-2020".into()),
        from,
        to,
    }
}

fn phoihop(db: &Path) -> Command {
    let mut c = Command::cargo_bin("phoihop").unwrap();
    c.env("PHOIHOP_DB", db).env("LANG", "C");
    c
}

#[test]
fn buckets_as_of_two_dates_follow_the_history() {
    let tmp = tempfile::tempdir().unwrap();
    let store = fixture::build(&tmp.path().join("f.db"));
    let a = report::build(&store, &req(None, d(2019, 12, 31)), today()).unwrap();
    let t = a.totals;
    assert_eq!(
        (t.tasks, t.done_on_time, t.done_late, t.in_time, t.overdue),
        (8, 1, 1, 6, 0)
    );
    assert_eq!(t.progress, 51.9);
    let b = report::build(&store, &req(None, d(2020, 12, 31)), today()).unwrap();
    let t = b.totals;
    assert_eq!(
        (t.tasks, t.done_on_time, t.done_late, t.in_time, t.overdue),
        (8, 2, 1, 3, 2)
    );
    assert_eq!(t.progress, 68.8);
    let overdue: Vec<i64> = b.overdue.iter().map(|t| t.id).collect();
    assert_eq!(overdue, [3, 6], "most overdue first");
    assert_eq!(report::days_late(&b.overdue[0], b.as_of), 366);
    assert_eq!(report::days_late(&b.overdue[1], b.as_of), 275);
    assert_eq!((b.overdue[0].urges, b.overdue[1].urges), (1, 2));
    // Before the government task existed (created 01/07/2019) there were 7 tasks.
    let early = report::build(&store, &req(None, d(2019, 6, 30)), today()).unwrap();
    assert_eq!(early.totals.tasks, 7);
    // Coordinating agencies: BTC coordinates tasks 1, 5 and 7.
    let btc = b.coordinating.iter().find(|a| a.code == "BTC").unwrap();
    assert_eq!(btc.counts.tasks, 3);
    assert_eq!(btc.counts.done_on_time, 2);
    assert_eq!(btc.counts.in_time, 1);
}

#[test]
fn a_period_counts_progress_made_and_urges() {
    let tmp = tempfile::tempdir().unwrap();
    let store = fixture::build(&tmp.path().join("f.db"));
    let (from, to) = report::parse_period("2020H1").unwrap();
    let r = report::build(&store, &req(Some(from), to), today()).unwrap();
    assert_eq!(r.urges, 2);
    assert_eq!(r.progress.completed, 1);
    assert_eq!(r.progress.updates, 2);
    assert_eq!(r.progress.created, 0);
    assert_eq!(r.progress.start, 51.9);
    assert_eq!(r.progress.end, 61.9);
    assert_eq!(r.progress.gained, 10.0);
    let all = report::build(&store, &req(None, to), today()).unwrap();
    assert_eq!(all.urges, 3);
    assert_eq!(all.progress.created, 8);
    assert_eq!(all.progress.start, 0.0);
}

#[test]
fn markdown_is_phrased_like_the_seed_reports() {
    let tmp = tempfile::tempdir().unwrap();
    let store = fixture::build(&tmp.path().join("f.db"));
    let r = report::build(&store, &req(None, d(2020, 12, 31)), today()).unwrap();
    let vi = report::markdown::render(&r, "vi");
    assert!(vi.starts_with(
        "# BÁO CÁO TỔNG KẾT\n\n**việc triển khai thực hiện Chương trình xây dựng hệ thống chính trị năm 2019-2020**\n"
    ), "{vi}");
    assert!(vi.contains(
        "Chương trình có 8 nhiệm vụ (trong đó, Công tác tư tưởng có 2 nhiệm vụ; Công tác tổ chức xây dựng Đảng có 2 nhiệm vụ; Công tác kiểm tra, giám sát có 1 nhiệm vụ; Công tác dân vận có 1 nhiệm vụ; Công tác xây dựng bộ máy chính quyền có 1 nhiệm vụ; Công tác MTTQ và các đoàn thể có 1 nhiệm vụ)."
    ), "{vi}");
    // The completion ratio, then its parts; no "0 nhiệm vụ" anywhere.
    assert!(vi.contains("Đến ngày 31/12/2020, đã hoàn thành 3/8 nhiệm vụ, đạt 37,5%, trong đó 2 nhiệm vụ hoàn thành đúng hạn, 1 nhiệm vụ hoàn thành chậm so với thời hạn; còn 5 nhiệm vụ chưa hoàn thành, trong đó 3 nhiệm vụ còn trong thời hạn, 2 nhiệm vụ đã quá hạn. Tiến độ bình quân đạt 68,8%."), "{vi}");
    assert!(!vi.contains(" 0 nhiệm vụ"), "{vi}");
    // A category without tasks has no mean progress: a dash, not 0.
    assert!(
        vi.contains("| 5 | Công tác nội chính | 0 | 0 | 0 | 0 | 0 | – |"),
        "{vi}"
    );
    for section in [
        "## I. KẾT QUẢ THỰC HIỆN",
        "### 1. Tình hình chung",
        "### 2. Kết quả thực hiện theo lĩnh vực công tác",
        "### 3. Kết quả thực hiện của các cơ quan chủ trì",
        "### 4. Kết quả phối hợp của các cơ quan, đơn vị",
        "## II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
        "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
    ] {
        assert!(vi.contains(&format!("\n{section}\n")), "{section}: {vi}");
    }
    // The overdue table numbers its rows (STT) and keeps the task id in its own column.
    assert!(
        vi.contains("| STT | Mã NV | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |"),
        "{vi}"
    );
    assert!(vi.contains("| 1 | 3 | =Ban hành Quy định trách nhiệm nêu gương \"10 xây\", \"10 chống\" | Ban Tổ chức Tỉnh ủy | 31/12/2019 | 366 | 60 | 1 |"), "{vi}");
    assert!(vi.contains("| 2 | 6 | @Nhân rộng mô hình \"Dân vận khéo\" trên các lĩnh vực | Ban Dân vận Tỉnh ủy | 31/03/2020 | 275 | 10 | 2 |"), "{vi}");
    assert!(
        vi.contains("Từ khi triển khai đến nay, đã 3 lần đôn đốc các cơ quan chủ trì."),
        "{vi}"
    );
    let en = report::markdown::render(&r, "en");
    assert!(en.starts_with("# Final review (tổng kết): "), "{en}");
    assert!(
        en.contains("The program has 8 tasks: Ideology 2, Party organization 2,"),
        "{en}"
    );
    assert!(en.contains("As of 2020-12-31, 3 of the 8 tasks are done (37.5%): 2 on time and 1 late; 5 tasks are not done (3 within the deadline, 2 overdue). Mean progress is 68.8%."), "{en}");
    assert!(en.contains("| 1 | 3 | =Ban hành"), "{en}");
    // A review date in the middle (the end of a half-year) is a preliminary review.
    let mid = report::build(&store, &req(None, d(2019, 12, 31)), today()).unwrap();
    let vi = report::markdown::render(&mid, "vi");
    assert!(vi.starts_with("# BÁO CÁO SƠ KẾT\n"), "{vi}");
    // … which looks ahead to the next review, not to itself.
    assert!(
        vi.contains("Kỳ sơ kết tiếp theo: 30/06/2020. Tổng kết Chương trình: 31/12/2020."),
        "{vi}"
    );
    // After the last day the report is on progress, and says when the program ended.
    let after = report::build(&store, &req(None, d(2021, 3, 1)), today()).unwrap();
    let vi = report::markdown::render(&after, "vi");
    assert!(
        vi.starts_with("# BÁO CÁO\n\n**tình hình thực hiện Chương trình"),
        "{vi}"
    );
    assert!(
        vi.contains("Chương trình đã kết thúc ngày 31/12/2020."),
        "{vi}"
    );
    // Nothing done yet: said in words.
    let early = report::build(&store, &req(None, d(2019, 2, 1)), today()).unwrap();
    let vi = report::markdown::render(&early, "vi");
    assert!(vi.contains("Đến ngày 01/02/2019, chưa có nhiệm vụ nào hoàn thành; cả 7 nhiệm vụ đều còn trong thời hạn."), "{vi}");
    // Before the start, no "Tiến độ bình quân đạt 0%".
    let before = report::build(&store, &req(None, d(2018, 12, 1)), today()).unwrap();
    let vi = report::markdown::render(&before, "vi");
    assert!(!vi.contains("Tiến độ bình quân"), "{vi}");
    assert!(
        vi.contains("Chương trình chưa bắt đầu triển khai (bắt đầu từ ngày 01/01/2019)."),
        "{vi}"
    );
    assert!(vi.contains("Không có nhiệm vụ nào quá hạn."), "{vi}");
    let en = report::markdown::render(&before, "en");
    assert!(
        !en.contains("Mean progress") && !en.contains(" 0 tasks"),
        "{en}"
    );
}

#[test]
fn numbers_follow_the_readers_conventions() {
    use phoihop::report::numbers::{int, pct, ratio};
    assert_eq!(int(20_000, "vi"), "20.000");
    assert_eq!(int(20_000, "en"), "20,000");
    assert_eq!(pct(ratio(54, 58), "vi"), "93,1%");
    assert_eq!(pct(ratio(54, 58), "en"), "93.1%");
    // Through a report: a program with 1,000+ tasks, in md and in the table.
    let tmp = tempfile::tempdir().unwrap();
    let mut store = fixture::build(&tmp.path().join("f.db"));
    for i in 0..1_200 {
        store
            .add_task(phoihop::domain::NewTask {
                program: "XD-2019-2020".into(),
                category: "front".into(),
                title: format!("Nhiệm vụ số {i}"),
                description: None,
                lead: "MTTQ".into(),
                with: vec![],
                cadence: phoihop::domain::Cadence::Recurring,
                deadline: None,
                basis: None,
                status: phoihop::domain::Status::NotStarted,
                progress: phoihop::domain::Progress::ZERO,
                created_on: d(2019, 1, 2),
                completed_on: None,
            })
            .unwrap();
    }
    let r = report::build(&store, &req(None, d(2020, 12, 31)), today()).unwrap();
    let vi = report::markdown::render(&r, "vi");
    assert!(vi.contains("Chương trình có 1.208 nhiệm vụ"), "{vi}");
    assert!(
        vi.contains("đã hoàn thành 3/1.208 nhiệm vụ, đạt 0,2%"),
        "{vi}"
    );
    let en = report::markdown::render(&r, "en");
    assert!(en.contains("The program has 1,208 tasks"), "{en}");
    let table = report::table::render(&r, "vi");
    assert!(
        table.contains("1.208") && table.contains("1.201"),
        "{table}"
    );
    let table = report::table::render(&r, "en");
    assert!(table.contains("1,208"), "{table}");
}

#[test]
fn csv_and_xlsx_neutralize_formulas_and_carry_the_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let store = fixture::build(&tmp.path().join("f.db"));
    let r = report::build(&store, &req(None, d(2020, 12, 31)), today()).unwrap();
    let csv = String::from_utf8(report::csv::render(&r, false).unwrap()).unwrap();
    assert!(
        csv.starts_with("section,from,as_of,code,name_vi,name_en,tasks,"),
        "{csv}"
    );
    assert!(
        csv.contains("\noverdue_task,,2020-12-31,6,\"'@Nhân rộng"),
        "{csv}"
    );
    assert!(
        csv.contains("\noverdue_task,,2020-12-31,3,\"'=Ban hành"),
        "{csv}"
    );
    assert!(csv.contains("\ntotal,,2020-12-31,XD-2019-2020,"));
    assert!(
        csv.contains(
            "\ncategory,,2020-12-31,ideology,Công tác tư tưởng,Ideology,2,1,1,0,0,100,,,,\n"
        ),
        "{csv}"
    );

    // For a Vietnamese-locale Excel: BOM, `;`, CR LF, decimal commas.
    let excel = String::from_utf8(report::csv::render(&r, true).unwrap()).unwrap();
    assert!(
        excel.starts_with("\u{feff}section;from;as_of;code;name_vi;name_en;tasks;"),
        "{excel}"
    );
    assert!(
        excel.contains("\r\ntotal;;2020-12-31;XD-2019-2020;Chương trình xây dựng hệ thống chính trị năm 2019-2020;;8;2;1;3;2;68,8;;;;3\r\n"),
        "{excel}"
    );
    assert!(
        excel.contains("\r\noverdue_task;;2020-12-31;3;\"'=Ban hành"),
        "{excel}"
    );
    assert!(!excel.replace("\r\n", "").contains('\n'));

    let tasks = store
        .tasks_as_of(Some("XD-2019-2020"), r.as_of, today(), false)
        .unwrap();
    let bytes = report::xlsx::render(&r, &tasks, "vi").unwrap();
    let path = tmp.path().join("r.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let mut wb = open_workbook_auto(&path).unwrap();
    assert_eq!(wb.sheet_names(), report::xlsx::SHEETS_VI);
    let cats = wb.worksheet_range("Lĩnh vực").unwrap();
    assert_eq!(
        cats.get((1, 2)),
        Some(&Data::String("Lĩnh vực công tác".into()))
    );
    assert_eq!(
        cats.get((2, 2)),
        Some(&Data::String("Công tác tư tưởng".into()))
    );
    assert_eq!(cats.get((2, 3)), Some(&Data::Float(2.0)));
    let total_row = r.categories.len() + 2;
    assert_eq!(cats.get((total_row, 3)), Some(&Data::Float(8.0)));
    assert_eq!(cats.get((total_row, 7)), Some(&Data::Float(2.0)));
    assert_eq!(cats.get((total_row, 8)), Some(&Data::Float(68.8)));
    // Text cells keep their text as typed: no apostrophe in a spreadsheet cell.
    let t = wb.worksheet_range("Nhiệm vụ").unwrap();
    assert_eq!(t.height(), 10);
    let titles: Vec<String> = (2..10)
        .map(|r| t.get((r, 3)).unwrap().to_string())
        .collect();
    for (i, prefix) in [
        (1, "- Phát hành"),
        (2, "=Ban hành"),
        (4, "+Tăng cường"),
        (5, "@Nhân rộng"),
    ] {
        assert!(titles[i].starts_with(prefix), "{titles:?}");
    }
    let o = wb.worksheet_range("Quá hạn").unwrap();
    assert_eq!(o.height(), 4);
    assert_eq!(o.get((2, 0)), Some(&Data::Float(1.0)));
    assert_eq!(o.get((2, 1)), Some(&Data::Float(3.0)));
    assert_eq!(o.get((2, 5)), Some(&Data::Float(366.0)));
    assert!(o.get((3, 2)).unwrap().to_string().starts_with("@Nhân rộng"));
    let s = wb.worksheet_range("Tổng hợp").unwrap();
    let label_value: Vec<(String, String)> = (2..s.height())
        .map(|r| {
            (
                s.get((r, 0)).unwrap().to_string(),
                s.get((r, 1)).unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        label_value.contains(&("Số nhiệm vụ".into(), "8".into())),
        "{label_value:?}"
    );
    assert!(label_value.contains(&("Chưa hoàn thành, quá hạn".into(), "2".into())));
    assert!(label_value.contains(&("Tỷ lệ hoàn thành (%)".into(), "37.5".into())));
}

#[test]
fn the_cli_writes_every_format_and_checks_its_arguments() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("f.db");
    drop(fixture::build(&db));
    let base = ["report", "--program", "XD-2019-2020"];
    let json = phoihop(&db)
        .args(base)
        .args(["--as-of", "2020-12-31", "--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success());
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
    for k in ["program", "as_of", "totals", "categories", "agencies"] {
        assert!(keys.contains(&k), "{keys:?}");
    }
    assert_eq!(v["program"], "XD-2019-2020");
    assert_eq!(v["as_of"], "2020-12-31");
    assert_eq!(v["totals"]["tasks"], 8);
    assert_eq!(v["totals"]["overdue"], 2);
    assert_eq!(v["totals"]["progress"], 68.8);
    assert_eq!(v["categories"].as_array().unwrap().len(), 7);
    assert_eq!(v["categories"][0]["code"], "ideology");
    assert_eq!(v["categories"][0]["tasks"], 2);
    let btg = v["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["code"] == "BTG")
        .unwrap();
    assert_eq!(btg["tasks"], 2);
    assert_eq!(btg["progress"], 100.0);

    let x = tmp.path().join("r.xlsx");
    phoihop(&db)
        .args(base)
        .args(["--period", "2020", "--format", "xlsx", "--out"])
        .arg(&x)
        .assert()
        .success();
    assert!(std::fs::read(&x).unwrap().starts_with(b"PK"));
    let md = phoihop(&db)
        .args(base)
        .args([
            "--from",
            "2020-01-01",
            "--to",
            "30/06/2020",
            "--format",
            "md",
            "--lang",
            "vi",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 30/06/2020."),
        "{md}"
    );
    let table = phoihop(&db)
        .args(base)
        .args(["--as-of", "2020-12-31"])
        .output()
        .unwrap();
    assert!(String::from_utf8(table.stdout)
        .unwrap()
        .contains("Overdue task"));

    for (args, code) in [
        (vec!["--period", "2020H1", "--as-of", "2020-01-01"], 2),
        (vec!["--period", "2020H3"], 2),
        (vec!["--format", "xlsx"], 2),
        (vec!["--from", "2020-02-30"], 2),
        (vec!["--from", "2021-01-01", "--to", "2020-01-01"], 2),
    ] {
        phoihop(&db).args(base).args(&args).assert().code(code);
    }
    phoihop(&db)
        .args(["report", "--program", "KHONG-CO"])
        .assert()
        .code(3);
}

#[test]
fn json_and_csv_are_the_same_in_every_language() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("f.db");
    drop(fixture::build(&db));
    for args in [
        &["report", "--format", "json"][..],
        &["report", "--format", "csv"],
        &["report", "--format", "csv", "--excel"],
        &[
            "report",
            "--program",
            "XD-2019-2020",
            "--as-of",
            "2020-12-31",
            "--format",
            "json",
        ],
        &[
            "report",
            "--program",
            "XD-2019-2020",
            "--period",
            "2020H1",
            "--format",
            "csv",
        ],
    ] {
        let run = |lang: Option<&str>, env_lang: &str| {
            let mut c = phoihop(&db);
            c.env("LANG", env_lang);
            if let Some(l) = lang {
                c.args(["--lang", l]);
            }
            let out = c.args(args).output().unwrap();
            assert!(out.status.success(), "{args:?}");
            out.stdout
        };
        let vi = run(Some("vi"), "C");
        assert_eq!(vi, run(Some("en"), "C"), "{args:?}: --lang vi vs en");
        assert_eq!(vi, run(None, "vi_VN.UTF-8"), "{args:?}: LANG=vi_VN");
        assert_eq!(vi, run(None, "C"), "{args:?}: LANG=C");
        let text = String::from_utf8(vi).unwrap();
        // Both names of a category, whatever the language.
        assert!(
            text.contains("Công tác tư tưởng") && text.contains("Ideology"),
            "{text}"
        );
    }
}

/// The annex ranking the lead agencies (issue 16) equals a table computed here from
/// `task list --as-of` (each task's lead, bucket, deadline and completion date) and the
/// urges of `task show`, on the demo as of the final review, with the documented order.
#[test]
fn the_ranking_is_the_one_computed_from_the_task_list() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("demo.db");
    phoihop(&db).arg("demo").assert().success();
    let run = |args: &[&str]| -> serde_json::Value {
        let out = phoihop(&db).args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (program, as_of) = ("XDHTCT-2015-2020", "2020-11-06");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let tasks = run(&[
        "task",
        "list",
        "--program",
        program,
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    // code → (tasks, on time, late, overdue, days late, late count, urges)
    let mut by: std::collections::BTreeMap<String, [i64; 7]> = Default::default();
    for t in tasks.as_array().unwrap() {
        let e = by
            .entry(t["lead"].as_str().unwrap().to_string())
            .or_default();
        e[0] += 1;
        let deadline = t["deadline"].as_str().map(day);
        match t["bucket"].as_str().unwrap() {
            "done_on_time" => e[1] += 1,
            "done_late" => {
                e[2] += 1;
                e[4] += (day(t["completed_on"].as_str().unwrap()) - deadline.unwrap()).num_days();
                e[5] += 1;
            }
            "overdue" => {
                e[3] += 1;
                e[4] += (day(as_of) - deadline.unwrap()).num_days();
                e[5] += 1;
            }
            _ => {}
        }
        let id = t["id"].to_string();
        let show = run(&["task", "show", &id, "--as-of", as_of, "--format", "json"]);
        for u in show["urges"].as_array().unwrap() {
            // An urge goes to the task's lead.
            if u["on"].as_str().unwrap() <= as_of {
                by.get_mut(t["lead"].as_str().unwrap()).unwrap()[6] += 1;
            }
        }
    }
    let report = run(&[
        "report",
        "--program",
        program,
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    let ranking = report["ranking"].as_array().unwrap();
    let led: Vec<_> = by.iter().filter(|(_, e)| e[0] > 0).collect();
    assert_eq!(ranking.len(), led.len(), "one line per lead agency");
    let round1 = |x: f64| (x * 10.0).round() / 10.0;
    let mut expected: Vec<(bool, f64, i64, f64, i64, String)> = Vec::new();
    for (code, e) in &led {
        let row = ranking.iter().find(|r| r["code"] == code.as_str()).unwrap();
        let due = e[1] + e[2] + e[3];
        let rate = round1(100.0 * e[1] as f64 / due as f64);
        let late = if e[5] > 0 {
            Some(round1(e[4] as f64 / e[5] as f64))
        } else {
            None
        };
        assert_eq!(row["tasks"], e[0], "{code}");
        assert_eq!(row["due"], due, "{code}");
        assert_eq!(row["done_on_time"], e[1], "{code}");
        assert_eq!(row["done_late"], e[2], "{code}");
        assert_eq!(row["overdue"], e[3], "{code}");
        assert_eq!(row["on_time_rate"].as_f64(), Some(rate), "{code}");
        assert_eq!(row["mean_days_late"].as_f64(), late, "{code}");
        assert_eq!(row["urges"], e[6], "{code}");
        assert_eq!(row["few"], due < 3, "{code}");
        expected.push((
            due < 3,
            -rate,
            e[3],
            late.unwrap_or(0.0),
            -e[0],
            code.to_string(),
        ));
    }
    // The order: enough tasks due first, then rate, fewer overdue, fewer days late, more
    // tasks (protocol order breaks the last ties, checked on the ranks being 1, 2, 3 …).
    for (i, r) in ranking.iter().enumerate() {
        assert_eq!(r["rank"], i as i64 + 1);
    }
    let key = |r: &serde_json::Value| {
        let e = expected
            .iter()
            .find(|x| x.5 == r["code"].as_str().unwrap())
            .unwrap();
        (e.0, e.1, e.2, e.3, e.4)
    };
    for w in ranking.windows(2) {
        let (a, b) = (key(&w[0]), key(&w[1]));
        assert!(
            a.partial_cmp(&b) != Some(std::cmp::Ordering::Greater),
            "{w:?}"
        );
    }
    // The Markdown annex shows the same first line.
    let out = phoihop(&db)
        .args([
            "--lang",
            "vi",
            "report",
            "--program",
            program,
            "--as-of",
            as_of,
            "--format",
            "md",
        ])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    let first = &ranking[0];
    assert!(
        md.contains("## PHỤ LỤC: XẾP HẠNG CÁC CƠ QUAN CHỦ TRÌ"),
        "{md}"
    );
    assert!(
        md.contains(&format!(
            "| 1 | {} | {} |",
            first["name"].as_str().unwrap(),
            first["tasks"]
        )),
        "{md}"
    );
}
