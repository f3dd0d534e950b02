use super::*;

fn rec(title: &str) -> Record {
    Record::new()
        .field("id", Cell::Int(7))
        .text("title", title)
        .field("deadline", Cell::Date(NaiveDate::from_ymd_opt(2018, 6, 30)))
        .field("with", Cell::List(vec!["BTC".into(), "BDV".into()]))
        .field("completed_on", Cell::Date(None))
}

#[test]
fn json_keeps_order_and_types() {
    let s = render_list(Format::Json, "en", &[], &[rec("Rà soát")]).unwrap();
    let v: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(v[0]["id"], 7);
    assert_eq!(v[0]["deadline"], "2018-06-30");
    assert_eq!(v[0]["with"][1], "BDV");
    assert!(v[0]["completed_on"].is_null());
    let id = s.find("\"id\"").unwrap();
    let title = s.find("\"title\"").unwrap();
    assert!(id < title);
}

#[test]
fn table_escapes_and_aligns_by_width() {
    let s = render_list(
        Format::Table,
        "vi",
        &[],
        &[rec("Đảng ủy\u{1b}]52;c;x\u{7}"), rec("x\u{202e}y")],
    )
    .unwrap();
    assert!(
        s.lines().all(|l| !l.chars().any(text::is_dangerous)),
        "{s:?}"
    );
    assert!(s.contains("Đảng ủy␛]52;c;x␇"));
    assert!(s.contains("x\\u{202e}y"));
    assert!(s.contains("30/06/2018"));
    assert!(s.contains("Tiêu đề"));
    // Every data line starts its third column at the same display column.
    let lines: Vec<&str> = s.lines().collect();
    let col = |l: &str| {
        let i = l.find("30/06").unwrap_or(l.find("Thời hạn").unwrap_or(0));
        l[..i].width()
    };
    assert_eq!(col(lines[0]), col(lines[2]));
    assert_eq!(col(lines[2]), col(lines[3]));
}

#[test]
fn csv_header_and_lists() {
    let s = render_list(Format::Csv, "en", &[], &[rec("a, \"b\"")]).unwrap();
    let mut r = csv::Reader::from_reader(s.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        ["id", "title", "deadline", "with", "completed_on"]
    );
    let row = r.records().next().unwrap().unwrap();
    assert_eq!(&row[1], "a, \"b\"");
    assert_eq!(&row[3], "BTC;BDV");
    assert_eq!(&row[4], "");
}

#[test]
fn empty_list_keeps_header() {
    let s = render_list(Format::Table, "en", &["id", "title"], &[]).unwrap();
    assert!(s.starts_with("ID  Title"));
    assert_eq!(
        render_list(Format::Json, "en", &["id"], &[]).unwrap(),
        "[]\n"
    );
}

/// Records with quotes, a line break, an escape, a nested list and a long title.
fn awkward_records() -> [Record; 4] {
    [
        rec("Rà soát"),
        rec("a, \"b\"\nc"),
        rec("Đảng ủy\u{1b}]52;c;x\u{7}").nest(
            "history",
            vec![Record::new().field("progress", Cell::Int(40))],
        ),
        rec(&"Đ".repeat(100)),
    ]
}

#[test]
fn streaming_writes_what_render_list_renders() {
    let recs = awkward_records();
    for format in [Format::Json, Format::Csv, Format::Table] {
        for n in [0, 1, recs.len()] {
            let rows = &recs[..n];
            let mut out = Vec::new();
            stream_list_to(&mut out, format, "vi", &["id", "title"], |sink| {
                for r in rows {
                    sink(r.clone())?;
                }
                Ok(())
            })
            .unwrap();
            let want = render_list(format, "vi", &["id", "title"], rows).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), want, "{format:?} {n}");
        }
    }
}

/// Records rendered in parts apart and joined are the bytes of the list rendered at
/// once: every split of the records, with empty parts among them.
#[test]
fn parts_joined_write_what_render_list_renders() {
    let recs = awkward_records();
    const KEYS: &[&str] = &["id", "title", "deadline", "with", "completed_on"];
    for format in [Joinable::Json, Joinable::Csv] {
        let whole = match format {
            Joinable::Json => Format::Json,
            Joinable::Csv => Format::Csv,
        };
        for n in 0..=recs.len() {
            for k in 0..=n {
                let parts = [&recs[..k], &recs[k..k], &recs[k..n]];
                let mut out = Vec::new();
                stream_parts_to(&mut out, format, KEYS, |put| {
                    for p in parts {
                        put(render_part(format, p.iter().cloned())?)?;
                    }
                    Ok(())
                })
                .unwrap();
                let want = render_list(whole, "vi", KEYS, &recs[..n]).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), want, "{format:?} {n} {k}");
            }
        }
    }
}

#[test]
fn truncates_by_display_width() {
    let long = "Đ".repeat(100);
    let t = truncate(&long, 10);
    assert_eq!(t.width(), 10);
    assert!(t.ends_with('…'));
    let wide = "漢".repeat(10);
    assert!(truncate(&wide, 7).width() <= 7);
}

#[test]
fn show_has_nested_tables() {
    let r = rec("T").nest(
        "history",
        vec![Record::new().field("progress", Cell::Int(40))],
    );
    let s = render_show(Format::Table, "en", &r).unwrap();
    assert!(s.contains("History (1)"));
    let j: serde_json::Value =
        serde_json::from_str(&render_show(Format::Json, "en", &r).unwrap()).unwrap();
    assert_eq!(j["history"][0]["progress"], 40);
}
