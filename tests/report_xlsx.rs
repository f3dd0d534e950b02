//! The Excel report read back as a person would meet it (issue 15), on the demo's
//! 2015-2020 program as of 06/11/2020, in both languages (calamine for values and styles,
//! the sheet XML for widths, frozen rows and the header's height): localized sheet
//! names, an as-of line on every sheet, wrapped and fitted headers frozen with it,
//! numbers as numbers, dates as dates shown dd/mm/yyyy, names instead of codes, no
//! apostrophe in a text cell.

use std::io::Read;
use std::path::Path;

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;
use phoihop::report::{self, Request};
use phoihop::store::Store;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn write(dir: &Path, lang: &str) -> std::path::PathBuf {
    let today = d(2025, 5, 20);
    let mut s = Store::open(&dir.join("demo.db"), false).unwrap();
    if s.task_total().unwrap_or(0) == 0 {
        phoihop::demo::load(&mut s, today, false).unwrap();
    }
    let req = Request {
        program: Some("XDHTCT-2015-2020".into()),
        from: None,
        to: d(2020, 11, 6),
    };
    let r = report::build(&s, &req, today).unwrap();
    let tasks = s
        .tasks_as_of(req.program.as_deref(), req.to, today, false)
        .unwrap();
    let bytes = report::xlsx::render(&r, &tasks, lang).unwrap();
    let path = dir.join(format!("r.{lang}.xlsx"));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Excel's serial number of a date.
fn serial(day: NaiveDate) -> f64 {
    (day - d(1899, 12, 30)).num_days() as f64
}

/// The XML of the n-th sheet (1-based).
fn sheet_xml(path: &Path, n: usize) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(&format!("xl/worksheets/sheet{n}.xml"))
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// The widths of the columns, from `<col min=".." max=".." width=".."/>`.
fn widths(xml: &str) -> Vec<f64> {
    let mut out = Vec::new();
    for part in xml.split("<col ").skip(1) {
        let attr = |name: &str| -> f64 {
            let k = format!("{name}=\"");
            let i = part.find(&k).unwrap() + k.len();
            part[i..].split('"').next().unwrap().parse().unwrap()
        };
        let (min, max, w) = (attr("min") as usize, attr("max") as usize, attr("width"));
        out.resize(max.max(out.len()), 0.0);
        for c in min..=max {
            out[c - 1] = w;
        }
    }
    out
}

#[test]
fn the_workbook_reads_well_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    for (lang, names, date_text, cat, lead) in [
        (
            "vi",
            report::xlsx::SHEETS_VI,
            "06/11/2020",
            "Công tác tư tưởng",
            "Ban Tuyên giáo Tỉnh ủy",
        ),
        (
            "en",
            report::xlsx::SHEETS,
            "2020-11-06",
            "Ideology",
            "Ban Tuyên giáo Tỉnh ủy",
        ),
    ] {
        let path = write(tmp.path(), lang);
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        assert_eq!(wb.sheet_names(), names, "{lang}");
        for (n, name) in names.iter().enumerate() {
            let range = wb.worksheet_range(name).unwrap();
            // The as-of line, then the header.
            let first = range.get((0, 0)).unwrap().to_string();
            assert!(first.contains(date_text), "{lang} {name}: {first}");
            assert!(first.contains("2015-2020"), "{lang} {name}: {first}");
            let styles = wb.worksheet_style(name).unwrap();
            let header: Vec<String> = (0..range.width() as u32)
                .map_while(|c| range.get((1, c as usize)).map(|d| d.to_string()))
                .filter(|s| !s.is_empty())
                .collect();
            assert!(header.len() >= 2, "{lang} {name}: {header:?}");
            for c in 0..header.len() as u32 {
                let st = styles.get((1, c)).unwrap();
                assert!(
                    st.alignment.as_ref().is_some_and(|a| a.wrap_text),
                    "{lang} {name}: header {c} not wrapped"
                );
                assert!(st.font.as_ref().unwrap().is_bold());
            }
            // No text cell starts with an apostrophe, none is a formula.
            for (_, _, v) in range.cells() {
                if let Data::String(s) = v {
                    assert!(!s.starts_with('\''), "{lang} {name}: {s:?}");
                }
            }
            let formulas = wb.worksheet_formula(name).unwrap();
            assert!(formulas.cells().all(|(_, _, f)| f.is_empty()));
            // Frozen below the header; columns fitted to the header's longest word and
            // its text wrapped on at most three lines, the header row tall enough.
            let xml = sheet_xml(&path, n + 1);
            assert!(
                xml.contains("ySplit=\"2\"") && xml.contains("state=\"frozen\""),
                "{lang} {name}: not frozen below the header"
            );
            let w = widths(&xml);
            for (c, h) in header.iter().enumerate() {
                let longest = h
                    .split_whitespace()
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap();
                assert!(
                    w[c] >= longest as f64 + 1.0,
                    "{lang} {name}: `{h}` in a column {} wide",
                    w[c]
                );
                assert!(
                    (h.chars().count() as f64) <= 3.0 * w[c],
                    "{lang} {name}: `{h}` needs more than three lines at {}",
                    w[c]
                );
            }
            assert!(
                xml.contains("<row r=\"2\"") && xml.contains("customHeight=\"1\""),
                "{lang} {name}: header row height"
            );
        }
        // Summary: dates are dates (dd/mm/yyyy), counts are numbers.
        let sum = wb.worksheet_range(names[0]).unwrap();
        let styles = wb.worksheet_style(names[0]).unwrap();
        let mut dates = 0;
        for r in 2..sum.height() as u32 {
            if let Some(Data::DateTime(v)) = sum.get((r as usize, 1)) {
                dates += 1;
                let f = styles.get((r, 1)).unwrap().number_format.as_ref().unwrap();
                assert_eq!(f.format_code, "dd/mm/yyyy");
                assert!(
                    [d(2015, 12, 15), d(2020, 11, 6)]
                        .iter()
                        .any(|x| serial(*x) == v.as_f64()),
                    "{v:?}"
                );
            }
        }
        assert!(dates >= 3, "{lang}: starts, ends, as of");
        assert!(
            (2..sum.height()).any(|r| sum.get((r, 1)) == Some(&Data::Float(58.0))),
            "{lang}: the task count as a number"
        );
        // Tasks: names, not codes; deadlines as dates.
        let t = wb.worksheet_range(names[3]).unwrap();
        assert_eq!(t.height(), 2 + 58);
        let cats: Vec<String> = (2..t.height())
            .map(|r| t.get((r, 2)).unwrap().to_string())
            .collect();
        assert!(cats.iter().any(|c| c == cat), "{cats:?}");
        assert!(!cats.iter().any(|c| c == "ideology" || c == "organization"));
        let leads: Vec<String> = (2..t.height())
            .map(|r| t.get((r, 4)).unwrap().to_string())
            .collect();
        assert!(leads.iter().any(|c| c == lead), "{leads:?}");
        assert!(!leads.iter().any(|c| c == "BTGTU"));
        let with: Vec<String> = (2..t.height())
            .map(|r| t.get((r, 5)).unwrap().to_string())
            .collect();
        assert!(
            with.iter().any(|c| c.contains("Ban Tổ chức Tỉnh ủy")),
            "{with:?}"
        );
        assert!(matches!(
            t.get((2, 6)),
            Some(Data::DateTime(_)) | Some(Data::Empty)
        ));
        assert!((2..t.height()).any(|r| matches!(t.get((r, 6)), Some(Data::DateTime(_)))));
        assert!(matches!(t.get((2, 8)), Some(Data::Float(_))));
        // Overdue: STT, then the task id, days overdue as numbers.
        let o = wb.worksheet_range(names[4]).unwrap();
        assert_eq!(o.height(), 2 + 4);
        assert_eq!(o.get((2, 0)), Some(&Data::Float(1.0)));
        assert_eq!(o.get((2, 1)), Some(&Data::Float(12.0)));
        assert_eq!(o.get((2, 5)), Some(&Data::Float(129.0)));
    }
}
