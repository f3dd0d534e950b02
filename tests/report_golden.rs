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

/// The Word report's main part (`word/document.xml`), normalised for a golden file: the
/// paragraph ids docx-rs numbers per process are dropped, one element per line.
fn document_xml(docx: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml.as_str();
    // w14:paraId="…" and w14:textId="…" differ from run to run of the same process.
    while let Some(i) = rest.find(" w14:") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let q1 = after.find('"').unwrap();
        let q2 = after[q1 + 1..].find('"').unwrap();
        rest = &after[q1 + q2 + 2..];
    }
    out.push_str(rest);
    out.replace("</w:p>", "</w:p>\n")
        .replace("</w:tr>", "</w:tr>\n")
}

/// The Word reports of the demo: the 2015-2020 program's tổng kết issued by the Tỉnh ủy
/// (a Party document) in both languages, and the sơ kết of the 2016 coordination program
/// at 30/06/2016 issued by the first government body (a state document).
fn demo_docx(store: &Store) -> Vec<(&'static str, Vec<u8>)> {
    let party = report::build(
        store,
        &Request {
            program: Some(PROGRAM.into()),
            from: None,
            to: d(2020, 11, 6),
        },
        today(),
    )
    .unwrap();
    let state = report::build(
        store,
        &Request {
            program: Some("PH-2016".into()),
            from: Some(d(2016, 3, 1)),
            to: d(2016, 6, 30),
        },
        today(),
    )
    .unwrap();
    let head = |r: &report::Report, issuer: Option<&str>| {
        report::docx::letterhead(store, r, issuer, Some("Quảng Ninh")).unwrap()
    };
    let ubnd = store
        .agencies()
        .unwrap()
        .into_iter()
        .find(|a| a.kind == phoihop::domain::AgencyKind::Government)
        .unwrap()
        .code;
    vec![
        (
            "demo-2020-11-06.vi.docx",
            report::docx::render(&party, &head(&party, None), "vi").unwrap(),
        ),
        (
            "demo-2020-11-06.en.docx",
            report::docx::render(&party, &head(&party, None), "en").unwrap(),
        ),
        (
            "demo-PH-2016H1.state.vi.docx",
            report::docx::render(&state, &head(&state, Some(&ubnd)), "vi").unwrap(),
        ),
    ]
}

#[test]
fn demo_word_reports_match_the_golden_files() {
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let diffs: Vec<String> = demo_docx(&store)
        .iter()
        .filter_map(|(name, bytes)| compare(&format!("{name}.xml"), document_xml(bytes).as_bytes()))
        .collect();
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

/// A Python that has python-docx (CI installs it; see .ci/run).
fn python_docx() -> Option<&'static str> {
    ["python3", "/usr/bin/python3"].into_iter().find(|p| {
        std::process::Command::new(p)
            .args(["-c", "import docx"])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

const READ_DOCX: &str = r#"
import json, sys, docx
from docx.shared import Mm
d = docx.Document(sys.argv[1])
s = d.sections[0]
from docx.oxml.ns import qn
st = d.styles['Normal']
# docx-rs writes an empty Normal style and the font in the document defaults, which
# Normal inherits (as Word resolves it): read the defaults where Normal says nothing.
rpr = d.styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr'))
rfonts, sz = rpr.find(qn('w:rFonts')), rpr.find(qn('w:sz'))
def runs(p):
    return [{"text": r.text, "bold": bool(r.bold), "italic": bool(r.italic),
             "size": r.font.size.pt if r.font.size else None} for r in p.runs]
print(json.dumps({
    "page": [round(s.page_width.mm), round(s.page_height.mm)],
    "margins": [round(s.top_margin.mm), round(s.bottom_margin.mm),
                round(s.left_margin.mm), round(s.right_margin.mm)],
    "font": st.font.name or (rfonts.get(qn('w:ascii')) if rfonts is not None else None),
    "size": st.font.size.pt if st.font.size else (int(sz.get(qn('w:val'))) / 2 if sz is not None else None),
    "paragraphs": [{"text": p.text, "runs": runs(p)} for p in d.paragraphs],
    "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
}, ensure_ascii=False))
"#;

#[test]
fn python_docx_reads_the_structure_of_the_word_reports() {
    let Some(py) = python_docx() else {
        println!("SKIPPED: no python3 with python-docx (install python3-docx; .ci/run does)");
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    for (name, bytes) in demo_docx(&store) {
        let path = tmp.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let out = std::process::Command::new(py)
            .args(["-c", READ_DOCX])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["page"], serde_json::json!([210, 297]), "{name}: A4");
        assert_eq!(v["margins"], serde_json::json!([20, 20, 30, 15]), "{name}");
        assert_eq!(v["font"], "Times New Roman", "{name}");
        assert_eq!(v["size"], 14.0, "{name}");
        let tables = v["tables"].as_array().unwrap();
        let header = tables[0][0].as_array().unwrap();
        let (left, right) = (header[0].as_str().unwrap(), header[1].as_str().unwrap());
        let texts: Vec<&str> = v["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        let bold = |t: &str| {
            v["paragraphs"].as_array().unwrap().iter().any(|p| {
                p["text"] == t
                    && p["runs"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .all(|r| r["bold"] == true)
            })
        };
        if name.ends_with(".vi.docx") && !name.contains("state") {
            assert!(right.starts_with("ĐẢNG CỘNG SẢN VIỆT NAM"), "{right}");
            assert!(
                right.contains("Quảng Ninh, ngày 06 tháng 11 năm 2020"),
                "{right}"
            );
            assert!(
                left.contains("TỈNH ỦY") && left.contains("Số        -BC/TU"),
                "{left}"
            );
            assert!(bold("BÁO CÁO TỔNG KẾT"), "{texts:?}");
            for h in [
                "I. KẾT QUẢ THỰC HIỆN",
                "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                "III. BÀI HỌC KINH NGHIỆM",
                "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
                "V. ĐỀ XUẤT, KIẾN NGHỊ",
            ] {
                assert!(bold(h), "{name}: {h} in {texts:?}");
            }
            // The category table: STT, 7 categories and the total.
            let cats = tables[1].as_array().unwrap();
            assert_eq!(cats[0][0], "STT");
            assert_eq!(cats.len(), 1 + 7 + 1);
            assert_eq!(cats[8][1], "Tổng cộng");
            assert_eq!(cats[8][2], "58");
        } else if name.ends_with(".en.docx") {
            assert!(right.starts_with("COMMUNIST PARTY OF VIETNAM"), "{right}");
            assert!(right.contains("Quảng Ninh, 6 November 2020"), "{right}");
            assert!(bold("I. Results"), "{texts:?}");
            assert_eq!(tables[1][0][0], "No.");
        } else {
            assert!(
                right.starts_with("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                "{right}"
            );
            assert!(right.contains("Độc lập - Tự do - Hạnh phúc"), "{right}");
            assert!(
                right.contains("Quảng Ninh, ngày 30 tháng 6 năm 2016"),
                "{right}"
            );
            assert!(left.contains("Số:        /BC-"), "{left}");
            assert!(bold("BÁO CÁO SƠ KẾT"), "{texts:?}");
            // No lessons-learned section outside a tổng kết.
            assert!(!texts.iter().any(|t| t.starts_with("III.")), "{texts:?}");
        }
        // The closing: Nơi nhận and the signature block, then the annex ranking the lead
        // agencies (after the signature, as annexes stand).
        let annex = tables.last().unwrap()[0].as_array().unwrap();
        assert_eq!(
            annex[3],
            if name.contains(".en.") {
                "Due"
            } else {
                "Đã đến hạn"
            }
        );
        let last = tables[tables.len() - 2][0].as_array().unwrap();
        assert!(
            last[0]
                .as_str()
                .unwrap()
                .starts_with(if name.contains(".en.") {
                    "Recipients:"
                } else {
                    "Nơi nhận:"
                }),
            "{last:?}"
        );
    }
}

#[test]
fn libreoffice_converts_every_word_report_and_page_one_reads_right() {
    let have = |c: &str, flag: &str| {
        std::process::Command::new(c)
            .arg(flag)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    // (poppler's tools know `-v`, not `--version`.)
    if !have("soffice", "--version") || !have("pdftotext", "-v") {
        println!("SKIPPED: LibreOffice (soffice) or poppler-utils (pdftotext) is not installed; .ci/run installs them");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    let docs = demo_docx(&store);
    let mut args = vec![
        format!("-env:UserInstallation=file://{}/lo", tmp.path().display()),
        "--headless".into(),
        "--convert-to".into(),
        "pdf".into(),
        "--outdir".into(),
        tmp.path().display().to_string(),
    ];
    for (name, bytes) in &docs {
        let p = tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        args.push(p.display().to_string());
    }
    let out = std::process::Command::new("soffice")
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, _) in &docs {
        let pdf = tmp.path().join(name.replace(".docx", ".pdf"));
        assert!(
            pdf.exists(),
            "{name}: no PDF ({})",
            String::from_utf8_lossy(&out.stdout)
        );
        let text = std::process::Command::new("pdftotext")
            .args(["-f", "1", "-l", "1", "-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(text.status.success());
        let page1 = String::from_utf8_lossy(&text.stdout);
        let expected: &[&str] = if name.contains("state") {
            &[
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Quảng Ninh, ngày 30 tháng 6 năm 2016",
                "BÁO CÁO SƠ KẾT",
            ]
        } else if name.contains(".en.") {
            &[
                "COMMUNIST PARTY OF VIETNAM",
                "TỈNH ỦY",
                "Quảng Ninh, 6 November 2020",
                "FINAL REVIEW (TỔNG KẾT)",
            ]
        } else {
            &[
                "ĐẢNG CỘNG SẢN VIỆT NAM",
                "TỈNH ỦY",
                "Quảng Ninh, ngày 06 tháng 11 năm 2020",
                "BÁO CÁO TỔNG KẾT",
                "I. KẾT QUẢ THỰC HIỆN",
            ]
        };
        for e in expected {
            assert!(page1.contains(e), "{name}: {e:?} not on page 1:\n{page1}");
        }
        if let Some(dir) = std::env::var_os("PHOIHOP_DOCX_PNG") {
            // For a person to look at: page 1 as a PNG.
            let _ = std::process::Command::new("pdftoppm")
                .args(["-f", "1", "-l", "1", "-r", "70", "-png"])
                .arg(&pdf)
                .arg(std::path::Path::new(&dir).join(name.replace(".docx", "")))
                .status();
        }
    }
}

/// The report's series over time (the JSON `series`, the workbook's last sheet) at each
/// of its points equals the summary as of that date read through the as-of path
/// (`Store::summary`) and the report built as of that date; its points are every month
/// end from the scope's first version, the program's reviews up to the as-of date (marked
/// as reviews) and the as-of date, once each and in order. For the program and for all
/// programs, as of its final review, a date between reviews, and today.
#[test]
fn the_series_is_the_as_of_summary_at_each_point() {
    use phoihop::store::series::{month_end, month_points, MAX_POINTS};
    use phoihop::store::Scope;
    let tmp = tempfile::tempdir().unwrap();
    let store = demo(tmp.path());
    for (program, to) in [
        (Some(PROGRAM), d(2020, 11, 6)),
        (Some(PROGRAM), d(2019, 3, 10)),
        (None, d(2020, 11, 6)),
        (None, today()),
    ] {
        let req = Request {
            program: program.map(String::from),
            from: None,
            to,
        };
        let r = report::build(&store, &req, today()).unwrap();
        let points = r.series.as_ref().expect("a whole report has its series");
        let scope = Scope {
            program: req.program.clone(),
            ..Default::default()
        };
        let dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
        assert_eq!(dates.last(), Some(&to));
        let first = store.series_start(&scope).unwrap().unwrap();
        if month_points(first, to).len() < MAX_POINTS {
            assert_eq!(dates[0], month_end(first).min(to), "{program:?} {to}");
        }
        for m in month_points(first, to) {
            assert!(
                dates.contains(&m),
                "{program:?} {to}: month end {m} missing"
            );
        }
        let reviews = r
            .program
            .as_ref()
            .map(|p| p.reviews.clone())
            .unwrap_or_default();
        for p in points {
            assert_eq!(p.review, reviews.contains(&p.date), "{}", p.date);
        }
        for rv in reviews.iter().filter(|x| **x <= to) {
            assert!(dates.contains(rv), "review {rv} missing");
        }
        if program.is_some() {
            assert!(points.iter().any(|p| p.review && p.date < to));
        }
        for p in points {
            let sum = store.summary(&scope, p.date, today()).unwrap();
            assert_eq!(p.totals, sum.totals, "{program:?} at {}", p.date);
            assert_eq!(p.categories, sum.categories, "{program:?} at {}", p.date);
            let at = report::build_parts(
                &store,
                &Request {
                    to: p.date,
                    ..req.clone()
                },
                today(),
                report::Parts::Document,
            )
            .unwrap();
            assert_eq!(p.totals, at.totals, "{program:?} at {}", p.date);
            assert!(at.series.is_none());
        }
        // The story moves: tasks are added and progress grows over the points.
        let (a, b) = (&points[0].totals, &points[points.len() - 1].totals);
        assert!(
            a.tasks < b.tasks || a.progress < b.progress,
            "{a:?} → {b:?}"
        );
    }
}
