//! Every number the Markdown report prints equals the JSON's (issue 15): the demo's
//! 2015-2020 program as of 06/11/2020 and the first half of 2020, in both languages. The
//! tables are read back cell by cell; the completion sentence is checked against the
//! totals.

use chrono::NaiveDate;
use phoihop::report::{self, Request};
use phoihop::store::Store;
use serde_json::Value;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A number as the language writes it, read back: `1.234,5` (vi), `1,234.5` (en).
fn parse(s: &str, lang: &str) -> Option<f64> {
    let s = s.trim();
    let plain = if lang == "vi" {
        s.replace('.', "").replace(',', ".")
    } else {
        s.replace(',', "")
    };
    plain.parse().ok()
}

/// The rows of the Markdown table under `heading` (first cells dropped up to `skip`).
fn table(md: &str, heading: &str) -> Vec<Vec<String>> {
    let start = md
        .find(heading)
        .unwrap_or_else(|| panic!("{heading} in {md}"));
    md[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

fn counts(v: &Value) -> Vec<f64> {
    [
        "tasks",
        "done_on_time",
        "done_late",
        "in_time",
        "overdue",
        "progress",
    ]
    .iter()
    .map(|k| v[*k].as_f64().unwrap())
    .collect()
}

fn row_numbers(row: &[String], lang: &str) -> Vec<f64> {
    row[2..8]
        .iter()
        .map(|c| {
            if c == "–" {
                0.0
            } else {
                parse(c, lang).unwrap_or_else(|| panic!("{c:?} in {row:?}"))
            }
        })
        .collect()
}

#[test]
fn the_md_numbers_are_the_json_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let today = d(2025, 5, 20);
    let mut store = Store::open(&tmp.path().join("demo.db"), false).unwrap();
    phoihop::demo::load(&mut store, today, false).unwrap();
    for (from, to) in [
        (None, d(2020, 11, 6)),
        (Some(d(2020, 1, 1)), d(2020, 6, 30)),
    ] {
        let req = Request {
            program: Some("XDHTCT-2015-2020".into()),
            from,
            to,
        };
        let r = report::build(&store, &req, today).unwrap();
        let json: Value = serde_json::from_str(&report::json::render(&r).unwrap()).unwrap();
        for (lang, cats, leads, coord, over) in [
            ("vi", "### 2. ", "### 3. ", "### 4. ", "## II. "),
            ("en", "### 2. ", "### 3. ", "### 4. ", "## II. "),
        ] {
            let md = report::markdown::render(&r, lang);
            let what = format!("{lang} {from:?}");
            let rows = table(&md, cats);
            let json_cats = json["categories"].as_array().unwrap();
            assert_eq!(rows.len(), json_cats.len() + 1, "{what}");
            for (i, (row, c)) in rows.iter().zip(json_cats).enumerate() {
                assert_eq!(row[0], (i + 1).to_string(), "{what}: STT");
                let name = if lang == "vi" {
                    &c["name_vi"]
                } else {
                    &c["name_en"]
                };
                assert_eq!(row[1], name.as_str().unwrap(), "{what}");
                assert_eq!(row_numbers(row, lang), counts(c), "{what}: {row:?}");
            }
            assert_eq!(
                row_numbers(rows.last().unwrap(), lang),
                counts(&json["totals"]),
                "{what}: totals"
            );
            for (heading, key) in [(leads, "agencies"), (coord, "coordinating")] {
                let rows = table(&md, heading);
                let list = json[key].as_array().unwrap();
                assert_eq!(rows.len(), list.len(), "{what} {key}");
                for (row, a) in rows.iter().zip(list) {
                    assert_eq!(row[1], a["name"].as_str().unwrap(), "{what}");
                    assert_eq!(row_numbers(row, lang), counts(a), "{what}: {row:?}");
                }
            }
            let over_rows = if json["overdue_tasks"].as_array().unwrap().is_empty() {
                Vec::new()
            } else {
                table(&md, over)
            };
            let list = json["overdue_tasks"].as_array().unwrap();
            assert_eq!(over_rows.len(), list.len(), "{what}: overdue");
            for (row, t) in over_rows.iter().zip(list) {
                assert_eq!(parse(&row[1], lang), t["id"].as_f64(), "{what}");
                assert_eq!(parse(&row[5], lang), t["days_late"].as_f64(), "{what}");
                assert_eq!(parse(&row[6], lang), t["progress"].as_f64(), "{what}");
                assert_eq!(parse(&row[7], lang), t["urges"].as_f64(), "{what}");
            }
            // The completion sentence: done / tasks and the ratio.
            let t = &json["totals"];
            let (tasks, done) = (
                t["tasks"].as_i64().unwrap(),
                t["done_on_time"].as_i64().unwrap() + t["done_late"].as_i64().unwrap(),
            );
            let pct = phoihop::report::numbers::pct(done as f64 * 100.0 / tasks as f64, lang);
            let sentence = if lang == "vi" {
                format!("đã hoàn thành {done}/{tasks} nhiệm vụ, đạt {pct}")
            } else {
                format!("{done} of the {tasks} tasks are done ({pct})")
            };
            assert!(md.contains(&sentence), "{what}: {sentence}\n{md}");
            let mean = phoihop::report::numbers::pct(t["progress"].as_f64().unwrap(), lang);
            assert!(md.contains(&mean), "{what}: {mean}");
        }
    }
}

/// Text of the XML between tags, with the five XML entities read back.
fn xml_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i + 4..];
        // `<w:t>` or `<w:t xml:space="preserve">`, not `<w:tc>`, `<w:tbl>` …
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let open = after.find('>').unwrap();
        let close = after.find("</w:t>").unwrap();
        out.push_str(&after[open + 1..close]);
        rest = &after[close..];
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Every table of a Word document: rows of cell texts.
fn docx_tables(docx: &[u8]) -> (Vec<Vec<Vec<String>>>, String) {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let tables = xml
        .split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = &t[..t.find("</w:tbl>").unwrap()];
            t.split("<w:tr>")
                .skip(1)
                .map(|row| row.split("<w:tc>").skip(1).map(xml_text).collect())
                .collect()
        })
        .collect();
    let text = xml
        .split("</w:p>")
        .map(xml_text)
        .collect::<Vec<_>>()
        .join("\n");
    (tables, text)
}

/// Every Markdown table of the report, cells unescaped.
fn md_tables(md: &str) -> Vec<Vec<Vec<String>>> {
    let mut out: Vec<Vec<Vec<String>>> = Vec::new();
    let mut in_table = false;
    for l in md.lines() {
        if !l.starts_with('|') {
            in_table = false;
            continue;
        }
        if !in_table {
            out.push(Vec::new());
            in_table = true;
        }
        if l.starts_with("| ---") {
            continue;
        }
        let cells = l[1..l.len() - 1]
            .split(" | ")
            .map(|c| {
                c.trim()
                    .trim_matches('*')
                    .replace("\\|", "|")
                    .replace("\\[", "[")
                    .replace("\\]", "]")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&amp;", "&")
            })
            .collect();
        out.last_mut().unwrap().push(cells);
    }
    out
}

#[test]
fn the_word_numbers_are_the_markdown_and_json_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let today = d(2025, 5, 20);
    let mut store = Store::open(&tmp.path().join("demo.db"), false).unwrap();
    phoihop::demo::load(&mut store, today, false).unwrap();
    for (program, from, to) in [
        (Some("XDHTCT-2015-2020"), None, d(2020, 11, 6)),
        (
            Some("XDHTCT-2015-2020"),
            Some(d(2020, 1, 1)),
            d(2020, 6, 30),
        ),
        (Some("XDHTCT-2015-2020"), None, d(2019, 3, 1)),
        (None, None, today),
    ] {
        let req = Request {
            program: program.map(str::to_string),
            from,
            to,
        };
        let r = report::build(&store, &req, today).unwrap();
        let json: Value = serde_json::from_str(&report::json::render(&r).unwrap()).unwrap();
        let head = report::docx::letterhead(&store, &r, None, Some("Quảng Ninh")).unwrap();
        for lang in ["vi", "en"] {
            let what = format!("{lang} {program:?} {from:?} {to}");
            let md = report::markdown::render(&r, lang);
            let (tables, text) = docx_tables(&report::docx::render(&r, &head, lang).unwrap());
            // The header block first, then the report's own, the closing (Nơi nhận and the
            // signature) and the annex after it: the Markdown's tables are the Word's but
            // the header and the closing.
            let closing = tables
                .iter()
                .position(|t| {
                    t[0][0].starts_with("Nơi nhận:") || t[0][0].starts_with("Recipients:")
                })
                .expect("the closing");
            let body: Vec<_> = tables[1..closing]
                .iter()
                .chain(&tables[closing + 1..])
                .cloned()
                .collect();
            assert_eq!(body, md_tables(&md), "{what}");
            // The tables' numbers are the JSON's: the category table and the totals.
            if let Some(cats) = body
                .first()
                .filter(|_| json["totals"]["tasks"].as_i64() > Some(0))
            {
                let json_cats = json["categories"].as_array().unwrap();
                for (row, c) in cats[1..].iter().zip(json_cats) {
                    assert_eq!(row_numbers(row, lang), counts(c), "{what}: {row:?}");
                }
                assert_eq!(
                    row_numbers(cats.last().unwrap(), lang),
                    counts(&json["totals"]),
                    "{what}"
                );
            }
            // Every paragraph of the Markdown (headings aside) is in the Word text.
            for p in md
                .split("\n\n")
                .filter(|p| !p.starts_with('|') && !p.starts_with('#'))
            {
                let plain = p.trim_matches('*').replace("&amp;", "&");
                assert!(
                    text.contains(&plain),
                    "{what}: {plain:?} not in the Word text"
                );
            }
            // Section IV's counts are the JSON's.
            let a = &json["ahead"];
            let open = json["totals"]["in_time"].as_i64().unwrap()
                + json["totals"]["overdue"].as_i64().unwrap();
            if open > 0 {
                assert_eq!(
                    a["due_count"].as_i64().unwrap()
                        + a["due_later"].as_i64().unwrap()
                        + a["no_deadline"].as_i64().unwrap()
                        + json["totals"]["overdue"].as_i64().unwrap(),
                    open,
                    "{what}: the open tasks by deadline add up"
                );
            }
        }
    }
}
