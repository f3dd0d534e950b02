//! Hostile text through every entry point and every exit of the CLI.
//!
//! In: every text flag of every write command gets each string of a corpus (ESC, CSI,
//! OSC 52 clipboard writes, OSC 8 links, BEL, DEL, C1 controls, bidi overrides and
//! isolates, zero-width characters, 100 KB strings, very wide CJK and emoji strings, NFD
//! text). Controls, bidi and invisible characters are refused with exit 6 and change
//! nothing; the rest is stored in NFC.
//!
//! Out: text that got into the file by another way (a plain SQLite connection standing in
//! for an older version, another tool or a bug) is read back through every table of the
//! CLI, in both languages, and through error messages: no raw control byte, C1 control,
//! bidi or invisible character reaches the terminal; it is shown visibly escaped.

mod cli_support;
mod rel_support;

use cli_support::Db;
use phoihop::store::os_login;
use rel_support::{assert_one_sentence, run};
use unicode_normalization::UnicodeNormalization;

/// Characters that must never reach a terminal raw (the test's own list, independent of
/// the library's `is_dangerous`): C0 controls but the line break, DEL, C1 controls, bidi
/// embeddings/overrides/isolates and marks, zero-width and invisible format characters,
/// line and paragraph separators.
fn raw_danger(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}' | '\u{80}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{61c}' | '\u{ad}' | '\u{180e}'
        | '\u{3164}' | '\u{fffc}' | '\u{ffff}' | '\u{e000}' | '\u{e0000}'..='\u{e007f}')
}

/// Checks bytes meant for a terminal: valid UTF-8 with no dangerous character.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let s = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    if let Some((i, c)) = s.char_indices().find(|(_, c)| raw_danger(*c)) {
        let from = s[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
        panic!(
            "{what}: raw U+{:04X} reaches the terminal near {:?}",
            c as u32,
            &s[from..(i + 8).min(s.len())]
        );
    }
}

/// Strings that must be refused (exit 6) wherever text enters.
fn refused() -> Vec<(&'static str, String)> {
    let mut v: Vec<(&'static str, String)> = vec![
        ("ESC colour", "Đỏ \u{1b}[31mnguy hiểm\u{1b}[0m".into()),
        ("CSI clear", "Xóa màn hình\u{1b}[2J\u{1b}[H".into()),
        (
            "OSC 52 clipboard",
            "Sao chép\u{1b}]52;c;cm0gLXJmIH4=\u{7}".into(),
        ),
        (
            "OSC 8 link",
            "\u{1b}]8;;https://example.invalid/\u{1b}\\Bấm vào đây\u{1b}]8;;\u{1b}\\".into(),
        ),
        ("BEL", "Chuông\u{7}".into()),
        ("DEL", "Xóa\u{7f}".into()),
        ("C1 CSI", "Nhiệm vụ\u{9b}2J".into()),
        ("C1 NEL", "Dòng\u{85}mới".into()),
        ("C1 OSC", "Tiêu đề\u{9d}0;giả mạo\u{9c}".into()),
        ("CR", "Báo cáo\rGiả".into()),
        ("TAB", "Cột\tcột".into()),
        ("line break", "Hai\ndòng".into()),
        ("backspace", "Ẩn\u{8}\u{8}\u{8}hiện".into()),
        ("ZWSP", "Đảng\u{200b}ủy".into()),
        ("ZWNJ", "Đảng\u{200c}ủy".into()),
        ("ZWJ", "Đảng\u{200d}ủy".into()),
        ("word joiner", "Đảng\u{2060}ủy".into()),
        ("BOM", "\u{feff}Đảng ủy".into()),
        ("LRM", "Đảng\u{200e}ủy".into()),
        ("RLM", "Đảng\u{200f}ủy".into()),
        ("line separator", "Đảng\u{2028}ủy".into()),
    ];
    for c in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
        v.push(("bidi", format!("Hạn chót {c}0202-21-03 ngày")));
    }
    // Default-ignorable, private-use, unassigned and special code points (issue 13).
    for (what, c) in [
        ("ARABIC LETTER MARK", '\u{61c}'),
        ("soft hyphen", '\u{ad}'),
        ("Mongolian vowel separator", '\u{180e}'),
        ("Hangul filler", '\u{3164}'),
        ("deprecated format", '\u{206a}'),
        ("deprecated format", '\u{206f}'),
        ("TAG", '\u{e0041}'),
        ("TAG cancel", '\u{e007f}'),
        ("object replacement", '\u{fffc}'),
        ("noncharacter", '\u{ffff}'),
        ("private use", '\u{e000}'),
        ("unassigned", '\u{378}'),
    ] {
        v.push((what, format!("Đảng{c}ủy")));
    }
    v.push(("100 KB", "Dài ".repeat(25_000)));
    v.push(("2001 chars", "a".repeat(2001)));
    v
}

/// Strings that are accepted and stored in NFC.
fn accepted() -> Vec<(&'static str, String)> {
    vec![
        (
            "NFD",
            "Da\u{302}n va\u{323}\u{302}n To\u{309}\u{302}ng ke\u{302}\u{301}t".into(),
        ),
        ("NFC", "Công tác dân vận năm 2019".into()),
        ("wide CJK 2000", "漢".repeat(2000)),
        ("emoji", "Hoàn thành 🎉👍🏽🇻🇳 ".repeat(40).trim().to_string()),
        ("RTL without override", "Báo cáo שלום مرحبا".into()),
        (
            "combining pile",
            format!("Z{}", "\u{301}\u{300}\u{323}".repeat(30)),
        ),
        (
            "formula =",
            "=HYPERLINK(\"http://example.invalid\",\"Bấm\")".into(),
        ),
        ("formula +", "+84 912 345 678".into()),
        ("formula -", "- Rà soát, bổ sung quy hoạch".into()),
        ("formula @", "@SUM(A1:A9)".into()),
        ("quotes", "\"Nghị quyết\", 'số 18'; a,b".into()),
        ("visible pictures", "␛[31m is not ESC".into()),
        ("backslash u", "\\u{202e} chỉ là chữ".into()),
    ]
}

/// The write commands and the text field each one takes; `{}` is the hostile string,
/// `{n}` a counter for unique codes.
const ENTRIES: &[&[&str]] = &[
    // Names and titles are unique (a name that looks like another is refused): the
    // counter keeps them apart, and agency A's own name takes the string as it is.
    &["agency", "add", "H{n}", "--name=H{n} {}"],
    &["agency", "add", "{}", "--name", "Tên hợp lệ {n}"],
    &["agency", "edit", "A", "--head={}"],
    &["agency", "edit", "A", "--name={}"],
    &[
        "program",
        "add",
        "Q{n}",
        "--title={}",
        "--from",
        "2020-01-01",
        "--to",
        "2020-12-31",
    ],
    &[
        "program",
        "add",
        "R{n}",
        "--title",
        "Tên {n}",
        "--from",
        "2020-01-01",
        "--to",
        "2020-12-31",
        "--basis={}",
    ],
    &["program", "edit", "P", "--basis={}"],
    &[
        "task",
        "add",
        "--program",
        "P",
        "--category",
        "ideology",
        "--title={}",
        "--lead",
        "A",
    ],
    &[
        "task",
        "add",
        "--program",
        "P",
        "--category",
        "ideology",
        "--title",
        "T",
        "--lead",
        "A",
        "--description={}",
    ],
    &[
        "task",
        "add",
        "--program",
        "P",
        "--category",
        "ideology",
        "--title",
        "T",
        "--lead",
        "A",
        "--basis={}",
    ],
    &["task", "edit", "1", "--title={}"],
    &["task", "update", "1", "--note={}"],
    &["task", "urge", "1", "--message={}"],
    &["user", "grant", "{}", "--role", "supervisor"],
];

fn fill(entry: &[&str], s: &str, n: usize) -> Vec<String> {
    entry
        .iter()
        .map(|a| {
            let v = a.replace("{n}", &n.to_string()).replace("{}", s);
            if a.contains("{n} {}") && s.chars().count() <= 2000 {
                // A prefixed name stays within the 2,000 characters a name may have, when
                // the string itself does.
                let (flag, value) = v.split_once('=').unwrap();
                format!("{flag}={}", value.chars().take(2000).collect::<String>())
            } else {
                v
            }
        })
        .collect()
}

fn setup() -> Db {
    let db = Db::new();
    db.seed(&[("ideology", "Nhiệm vụ một", "A", Some("2030-06-30"))]);
    db.ok(&["user", "grant", &os_login(), "--role", "admin"]);
    db
}

#[test]
fn controls_bidi_and_invisibles_are_refused_at_every_entry() {
    let db = setup();
    let mut n = 0;
    for (name, s) in refused() {
        for entry in ENTRIES {
            n += 1;
            let args = fill(entry, &s, n);
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            let before = db.bytes();
            let (code, out, err) = db.run(&a);
            let multiline = a
                .iter()
                .any(|x| x.starts_with("--note=") || x.starts_with("--description="));
            if name == "line break" && multiline {
                // Notes and descriptions may have several lines.
                assert_eq!(code, 0, "{name} in {entry:?}: {err}");
                continue;
            }
            assert_eq!(code, 6, "{name} in {entry:?}: exit {code}: {err}");
            assert!(out.is_empty(), "{name} in {entry:?}: stdout {out}");
            assert_one_sentence(&err);
            // The refusal does not echo the payload raw, nor flood the terminal.
            assert_terminal_safe(&format!("stderr of {name} in {entry:?}"), err.as_bytes());
            assert!(err.len() < 600, "{name}: stderr is {} bytes", err.len());
            assert!(db.bytes() == before, "{name} in {entry:?} changed the file");
        }
    }
}

#[test]
fn accepted_text_is_stored_in_nfc_and_read_back_safely() {
    let db = setup();
    let mut n = 0;
    for (name, s) in accepted() {
        let nfc: String = s.nfc().collect::<String>().trim().to_string();
        for entry in ENTRIES {
            n += 1;
            let args = fill(entry, &s, n);
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, out, err) = db.run(&a);
            let is_code = entry[2] == "{}" || entry[1] == "grant";
            if is_code {
                // Codes and logins are narrower than free text: refusal (6) is fine.
                // (2 when it starts with `-` and so reads as a flag.)
                assert!(
                    code == 0 || code == 6 || (code == 2 && s.starts_with('-')),
                    "{name} as code {entry:?}: {code} {err}"
                );
                if code != 0 {
                    assert_one_sentence(&err);
                }
            } else {
                assert_eq!(code, 0, "{name} in {entry:?}: {err}");
            }
            assert_terminal_safe(&format!("stdout of {name} {entry:?}"), out.as_bytes());
            assert_terminal_safe(&format!("stderr of {name} {entry:?}"), err.as_bytes());
        }
        // Read back: JSON gives the NFC text exactly; CSV too.
        let tasks = db.json(&["task", "list"]);
        let last = tasks.as_array().unwrap().last().unwrap().clone();
        let shown = db.json(&["task", "show", &last["id"].to_string()]);
        assert_eq!(shown["basis"].as_str(), Some(nfc.as_str()), "{name}: basis");
        let one = db.json(&["task", "show", "1"]);
        assert_eq!(
            one["title"].as_str(),
            Some(nfc.as_str()),
            "{name}: edited title"
        );
        let history = one["history"].as_array().unwrap();
        assert_eq!(
            history.last().unwrap()["note"].as_str(),
            Some(nfc.as_str()),
            "{name}"
        );
        let urges = one["urges"].as_array().unwrap();
        assert_eq!(
            urges.last().unwrap()["message"].as_str(),
            Some(nfc.as_str()),
            "{name}"
        );
        let a = db.json(&["agency", "show", "A"]);
        assert_eq!(
            a["name"].as_str(),
            Some(nfc.as_str()),
            "{name}: agency name"
        );
        assert_eq!(
            a["head"].as_str(),
            Some(nfc.as_str()),
            "{name}: agency head"
        );
        let csv = db.ok(&["agency", "show", "A", "--format", "csv"]);
        let mut rdr = csv::Reader::from_reader(csv.as_bytes());
        let row = rdr.records().next().unwrap().unwrap();
        // As stored, but a formula-like start neutralized for spreadsheets.
        assert_eq!(
            &row[1],
            phoihop::domain::text::neutralize_formula(&nfc).as_ref(),
            "{name}: csv"
        );
    }
    every_table_is_safe(&db, "after accepted corpus");
    db.ok(&["check"]);
}

/// Every read command in table format, both languages.
fn every_table_is_safe(db: &Db, ctx: &str) {
    let tasks = db.json(&["task", "list"]);
    let ids: Vec<String> = tasks
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].to_string())
        .collect();
    let agencies = db.json(&["agency", "list"]);
    let programs = db.json(&["program", "list"]);
    let mut reads: Vec<Vec<String>> = vec![
        vec!["task".into(), "list".into()],
        vec!["agency".into(), "list".into()],
        vec!["program".into(), "list".into()],
        vec!["user".into(), "list".into()],
        vec!["check".into()],
    ];
    for id in &ids {
        reads.push(vec!["task".into(), "show".into(), id.clone()]);
    }
    for a in agencies.as_array().unwrap() {
        reads.push(vec![
            "agency".into(),
            "show".into(),
            a["code"].as_str().unwrap().into(),
        ]);
    }
    for p in programs.as_array().unwrap() {
        reads.push(vec![
            "program".into(),
            "show".into(),
            p["code"].as_str().unwrap().into(),
        ]);
    }
    for lang in ["en", "vi"] {
        for r in &reads {
            let mut a: Vec<&str> = vec!["--lang", lang];
            a.extend(r.iter().map(String::as_str));
            let (code, out, err) = db.run(&a);
            assert!(
                code == 0 || (r[0] == "check" && code == 1),
                "{ctx} {a:?}: {code} {err}"
            );
            assert_terminal_safe(&format!("{ctx}: stdout of {a:?}"), out.as_bytes());
            assert_terminal_safe(&format!("{ctx}: stderr of {a:?}"), err.as_bytes());
        }
    }
}

#[test]
fn text_stored_by_another_way_is_shown_escaped() {
    let db = hostile_db();
    check_stored_hostile_text(&db);
}

/// A database holding the whole corpus (and NUL, DCS, a cursor-position query) in every
/// text column, written straight into the file as a bug or another tool could; tasks
/// overdue, so that reports list them.
fn hostile_db() -> Db {
    let db = setup();
    let id = db.add_task("front", "Bình thường", "B", None);
    db.ok(&["task", "update", &id.to_string(), "--note", "ghi chú"]);
    db.ok(&["task", "urge", &id.to_string(), "--message", "đôn đốc"]);
    let mut corpus: Vec<String> = refused().into_iter().map(|(_, s)| s).collect();
    corpus.push("NUL\u{0}giữa".into());
    corpus.push("\u{1b}P1$r0m\u{1b}\\ DCS".into());
    corpus.push("\u{1b}[6n hỏi vị trí con trỏ".into());
    // Write the payloads straight into the file, as a bug or another tool could.
    let c = db.sqlite();
    for (i, s) in corpus.iter().enumerate() {
        let code = format!("X{i}");
        c.execute(
            "INSERT INTO agency (code, name, name_fold, kind, head) VALUES (?1, ?2, ?2, 'party', ?2)",
            rusqlite::params![code, s],
        )
        .unwrap();
        c.execute(
            "INSERT INTO task (program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, basis, created_on) \
             SELECT 1, 1, ?1, ?1, ?1, id, 'roadmap', '2020-06-30', 'in_progress', 10, ?1, '2020-01-01' FROM agency WHERE code = ?2",
            rusqlite::params![s, code],
        )
        .unwrap();
        let tid = c.last_insert_rowid();
        c.execute(
            "INSERT INTO task_version (task_id, valid_from, at, actor, change, note, program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, basis) \
             SELECT id, '2020-01-01', '2020-01-01T00:00:00.000Z', ?2, 'create', ?2, program_id, category_id, title, title_fold, description, lead_id, cadence, deadline, status, progress, basis FROM task WHERE id = ?1",
            rusqlite::params![tid, s],
        )
        .unwrap();
        c.execute(
            "INSERT INTO urge (task_id, agency_id, at, on_date, actor, message) SELECT ?1, lead_id, '2020-01-02T00:00:00.000Z', '2020-01-02', ?2, ?2 FROM task WHERE id = ?1",
            rusqlite::params![tid, s],
        )
        .unwrap();
        c.execute(
            "INSERT INTO role_grant (login, role) VALUES (?1, 'supervisor')",
            [s],
        )
        .unwrap();
    }
    c.execute(
        "INSERT INTO program (code, title, kind, starts_on, ends_on, basis) VALUES ('HOSTILE', ?1, 'action', '2020-01-01', '2020-12-31', ?1)",
        [&corpus[2]],
    )
    .unwrap();
    drop(c);
    // Formula-like titles, entered the ordinary way (they are valid text).
    for t in [
        "=HYPERLINK(\"http://example.invalid\",\"Bấm\")",
        "+84 912 345 678",
        "-2+3",
        "@SUM(A1:A9)",
    ] {
        let title = format!("--title={t}");
        db.ok(&[
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "ideology",
            &title,
            "--lead",
            "A",
            "--deadline",
            "2020-06-30",
        ]);
    }
    db.ok(&[
        "agency",
        "add",
        "F1",
        "--name=-Ban đặc biệt",
        "--head=@người",
    ]);
    db
}

fn check_stored_hostile_text(db: &Db) {
    every_table_is_safe(db, "stored hostile text");

    // Escaped, not dropped: the payload is visible as pictures and \u{…}.
    let out = db.ok(&["task", "show", "3"]);
    assert!(out.contains("␛[31m"), "{out}");
    let list = db.ok(&["task", "list"]);
    assert!(
        list.contains("\\u{202e}") || list.contains("\\u{9b}"),
        "{list}"
    );
    let ag = db.ok(&["agency", "list"]);
    assert!(ag.contains("␛]52;c;"), "{ag}");
    // Error messages that quote user input escape it too.
    for args in [
        vec!["agency", "show", "\u{1b}[2J"],
        vec!["task", "list", "--agency", "\u{1b}]52;c;eA==\u{7}"],
        vec!["task", "list", "--search", "\u{9b}31m\u{202e}"],
        vec!["task", "list", "--status", "\u{1b}[5m"],
        vec!["task", "update", "1", "--progress", "\u{1b}[2J"],
        vec![
            "task",
            "add",
            "--program",
            "P",
            "--category",
            "\u{202e}x",
            "--title",
            "t",
            "--lead",
            "A",
        ],
        vec!["task", "list", "--as-of", "\u{1b}[2J"],
        vec!["user", "revoke", "\u{1b}[2J"],
        vec!["--lang", "vi", "program", "show", "\u{85}\u{1b}c"],
    ] {
        let (code, out, err) = run(&db.path, &args);
        assert_terminal_safe(&format!("stdout of {args:?}"), out.as_bytes());
        assert_terminal_safe(&format!("stderr of {args:?}"), err.as_bytes());
        if args.contains(&"--search") || args.contains(&"--agency") {
            // A query or filter is not stored: it may simply match nothing.
            assert!(code == 0 || code == 6, "{args:?}: {code}");
            continue;
        }
        assert_ne!(code, 0, "{args:?}");
        assert_one_sentence(&err);
    }
    // A hostile search that matches nothing still prints a safe table.
    let (code, out, _) = run(&db.path, &["task", "list", "--search", "Đỏ"]);
    assert_eq!(code, 0);
    assert_terminal_safe("search", out.as_bytes());
    // JSON is a machine format: it carries the stored text exactly (serde escapes C0
    // controls; C1 and bidi characters stay as they are). This also proves the corpus is
    // really in the file, so the table checks above are not vacuous.
    let (_, json, _) = run(&db.path, &["task", "list", "--format", "json"]);
    assert!(
        json.contains('\u{202e}') && json.contains("\\u001b"),
        "corpus not stored"
    );
}

#[test]
fn nfd_input_is_stored_nfc_and_found_by_folded_search() {
    let db = setup();
    let nfd = "Công ta\u{301}c da\u{302}n va\u{323}\u{302}n";
    let id = db.add_task("mass_mobilization", nfd, "A", None);
    let shown = db.json(&["task", "show", &id.to_string()]);
    assert_eq!(shown["title"], "Công tác dân vận");
    assert_ne!(shown["title"].as_str().unwrap(), nfd);
    let found = db.json(&["task", "list", "--search", "dan van"]);
    assert_eq!(cli_support::ids(&found), vec![id]);
    let found = db.json(&["task", "list", "--search", "da\u{302}n"]);
    assert_eq!(cli_support::ids(&found), vec![id]);
}

/// A spreadsheet cell that a spreadsheet program would run as a formula. Plain numbers
/// (a negative count) are not text and are fine.
fn starts_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.trim().parse::<f64>().is_err()
}

fn csv_cells(what: &str, bytes: &[u8]) -> Vec<String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut cells = Vec::new();
    for r in rdr.records() {
        let r = r.unwrap_or_else(|e| panic!("{what}: {e}"));
        cells.extend(r.iter().map(str::to_string));
    }
    cells
}

#[test]
fn reports_and_exports_are_safe_for_terminals_and_spreadsheets() {
    let db = hostile_db();
    let dir = db.dir.path();
    // Terminal-bound outputs: the report as a table and as Markdown, both languages.
    for lang in ["en", "vi"] {
        for fmt in ["table", "md"] {
            let args = [
                "--lang",
                lang,
                "report",
                "--as-of",
                "2021-01-01",
                "--format",
                fmt,
            ];
            let (code, out, err) = run(&db.path, &args);
            assert_eq!(code, 0, "{args:?}: {err}");
            assert_terminal_safe(&format!("report {fmt} {lang}"), out.as_bytes());
            assert!(
                out.contains('␛'),
                "report {fmt} {lang}: the hostile tasks are not listed"
            );
        }
    }
    // Spreadsheet-bound outputs: no text cell starts a formula.
    let mut sheets: Vec<(String, Vec<String>)> = Vec::new();
    for args in [
        vec!["report", "--as-of", "2021-01-01", "--format", "csv"],
        vec![
            "report",
            "--as-of",
            "2021-01-01",
            "--format",
            "csv",
            "--excel",
        ],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "csv", "--excel"],
        vec!["task", "list", "--format", "csv"],
        vec!["agency", "list", "--format", "csv"],
    ] {
        let out = bin_output(&db, &args);
        sheets.push((format!("{args:?}"), csv_cells(&format!("{args:?}"), &out)));
    }
    let csv_dir = dir.join("csv-export/");
    db.ok(&[
        "export",
        "--format",
        "csv",
        "--out",
        csv_dir.to_str().unwrap(),
    ]);
    for f in ["agencies.csv", "programs.csv", "tasks.csv"] {
        let bytes = std::fs::read(csv_dir.join(f)).unwrap();
        sheets.push((f.to_string(), csv_cells(f, &bytes)));
    }
    let xlsx = dir.join("report.xlsx");
    for lang in ["en", "vi"] {
        db.ok(&[
            "--lang",
            lang,
            "report",
            "--as-of",
            "2021-01-01",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ]);
        sheets.extend(xlsx_cells(&xlsx));
        std::fs::remove_file(&xlsx).unwrap();
    }
    let mut saw_neutralized = false;
    for (what, cells) in &sheets {
        assert!(!cells.is_empty(), "{what}: empty");
        for c in cells {
            assert!(!starts_formula(c), "{what}: a cell starts a formula: {c:?}");
            saw_neutralized |= c.starts_with("'=HYPERLINK") || c.starts_with("'-Ban");
        }
    }
    assert!(
        saw_neutralized,
        "the formula-like titles never reached a spreadsheet"
    );
    // An export imports back unchanged: the apostrophe is taken off again.
    let (_d2, copy) = fresh_db();
    let (code, _, err) = run(&copy, &["import", csv_dir.to_str().unwrap()]);
    assert_ne!(code, 0, "hostile stored text must not import: {err}");
}

/// Stdout of a command that must succeed, as bytes.
fn bin_output(db: &Db, args: &[&str]) -> Vec<u8> {
    let out = cli_support::bin()
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Every string cell of every sheet of a workbook; no cell may hold a formula.
fn xlsx_cells(path: &std::path::Path) -> Vec<(String, Vec<String>)> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let mut out = Vec::new();
    for name in wb.sheet_names().to_vec() {
        let range = wb.worksheet_range(&name).unwrap();
        let cells: Vec<String> = range
            .cells()
            .filter_map(|(_, _, d)| match d {
                Data::String(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.cells().all(|(_, _, f)| f.is_empty()),
            "xlsx sheet {name} has a formula"
        );
        out.push((format!("xlsx {name}"), cells));
    }
    out
}

/// A new, empty database (no agencies), for imports.
fn fresh_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.db");
    let (code, _, err) = run(&path, &["init"]);
    assert_eq!(code, 0, "{err}");
    (dir, path)
}

#[test]
fn hostile_import_files_are_refused_whole() {
    let db = setup();
    let id = db
        .add_task("front", "Nhiệm vụ có lịch sử", "B", Some("2030-01-01"))
        .to_string();
    db.ok(&[
        "task",
        "update",
        &id,
        "--progress",
        "20",
        "--note",
        "ghi chú",
    ]);
    db.ok(&["task", "urge", &id, "--message", "đôn đốc"]);
    let export: serde_json::Value = serde_json::from_slice(&bin_output(&db, &["export"])).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (_d, target) = fresh_db();
    let before = std::fs::read(&target).unwrap();
    let mut corpus = refused();
    corpus.push(("NUL", "NUL\u{0}giữa".into()));
    // JSON: the payload in each text field of an export, imported into an empty database.
    let fields: &[&[&str]] = &[
        &["tasks", "0", "title"],
        &["tasks", "1", "description"],
        &["tasks", "1", "history", "1", "note"],
        &["tasks", "1", "urges", "0", "message"],
        &["agencies", "0", "name"],
        &["programs", "0", "title"],
        &["roles", "0", "login"],
    ];
    for (name, s) in &corpus {
        for path in fields {
            if *name == "line break" && (path.contains(&"description") || path.contains(&"note")) {
                continue;
            }
            let mut doc = export.clone();
            let mut v = &mut doc;
            for k in *path {
                v = match k.parse::<usize>() {
                    Ok(i) => &mut v[i],
                    Err(_) => &mut v[*k],
                };
            }
            assert!(
                v.is_string() || v.is_null(),
                "{path:?} is not text in the export"
            );
            *v = serde_json::Value::String(s.clone());
            let file = dir.path().join("hostile.json");
            std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
            let (code, out, err) = run(&target, &["import", file.to_str().unwrap()]);
            assert_eq!(code, 6, "{name} at {path:?}: {out} {err}");
            assert_one_sentence(&err);
            assert_terminal_safe(&format!("stderr of {name} at {path:?}"), err.as_bytes());
            assert!(err.len() < 800, "{name}: {} bytes of stderr", err.len());
            assert!(
                std::fs::read(&target).unwrap() == before,
                "{name} at {path:?} changed the file"
            );
        }
        // CSV: the payload as a task title and as an agency name.
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "program", "category", "title", "lead", "with", "cadence", "deadline", "status",
            "progress", "basis",
        ])
        .unwrap();
        w.write_record(["P", "ideology", "Hợp lệ", "A", "", "", "", "", "", ""])
            .unwrap();
        w.write_record(["P", "ideology", s.as_str(), "A", "", "", "", "", "", ""])
            .unwrap();
        let file = dir.path().join("tasks.csv");
        std::fs::write(&file, w.into_inner().unwrap()).unwrap();
        let db_before = db.bytes();
        let (code, _, err) = db.run(&["import", file.to_str().unwrap()]);
        assert_eq!(code, 6, "csv {name}: {err}");
        assert_one_sentence(&err);
        assert_terminal_safe(&format!("stderr of csv {name}"), err.as_bytes());
        assert!(err.contains("line 3"), "csv {name}: {err}");
        assert!(db.bytes() == db_before, "csv {name} changed the file");
    }
    // Control characters in a CSV header and a JSON key are quoted escaped.
    let file = dir.path().join("header.csv");
    std::fs::write(
        &file,
        b"program,category,title,lead,with,cadence,deadline,status,p\x1b]52;c;eA==\x07rogress,basis\nP,ideology,T,A,,,,,,\n",
    )
    .unwrap();
    let (code, _, err) = db.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 6, "{err}");
    assert_terminal_safe("csv header", err.as_bytes());
    assert!(err.contains("␛]52"), "{err}");
    let mut doc = export.clone();
    doc["tasks"][0]["ti\u{9b}tle\u{202e}"] = serde_json::json!("x");
    let file = dir.path().join("key.json");
    std::fs::write(&file, serde_json::to_vec(&doc).unwrap()).unwrap();
    let (code, _, err) = run(&target, &["import", file.to_str().unwrap()]);
    assert_eq!(code, 6, "{err}");
    assert_terminal_safe("json key", err.as_bytes());
    // A file name is quoted escaped too.
    let file = dir.path().join("t\u{1b}[2J.csv");
    std::fs::write(&file, "").unwrap();
    let (code, _, err) = db.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 6, "{err}");
    assert_terminal_safe("file name", err.as_bytes());

    // Bad UTF-8 in a CSV file.
    let file = dir.path().join("latin1.csv");
    let mut bytes =
        b"program,category,title,lead,with,cadence,deadline,status,progress,basis\nP,ideology,"
            .to_vec();
    bytes.extend_from_slice(b"C\xf4ng t\xe1c,A,,,,,,\n");
    std::fs::write(&file, bytes).unwrap();
    let (code, _, err) = db.run(&["import", file.to_str().unwrap()]);
    assert_eq!(code, 6, "{err}");
    assert_one_sentence(&err);
    assert_terminal_safe("latin1", err.as_bytes());

    // NFD and formula-like text are accepted, stored in NFC, and the leading apostrophe
    // of an exported formula cell is taken off again.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "program", "category", "title", "lead", "with", "cadence", "deadline", "status",
        "progress", "basis",
    ])
    .unwrap();
    w.write_record([
        "P",
        "ideology",
        "Da\u{302}n va\u{323}\u{302}n nhập",
        "A",
        "",
        "",
        "",
        "",
        "",
        "",
    ])
    .unwrap();
    w.write_record(["P", "ideology", "'=1+1 nhập", "A", "", "", "", "", "", ""])
        .unwrap();
    let file = dir.path().join("ok.csv");
    std::fs::write(&file, w.into_inner().unwrap()).unwrap();
    db.ok(&["import", file.to_str().unwrap()]);
    let titles: Vec<String> = db
        .json(&["task", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap().to_string())
        .collect();
    assert!(titles.contains(&"Dân vận nhập".to_string()), "{titles:?}");
    assert!(titles.contains(&"=1+1 nhập".to_string()), "{titles:?}");
}

/// The real TUI in a pseudo-terminal over the hostile database: every byte it writes is
/// kept. Besides its own drawing (CSI sequences), no payload may reach the terminal: no
/// OSC (clipboard writes, links, titles), no DCS, no BEL, no C1 control, no bidi or
/// invisible character; and the payloads are visible on the screen as escapes.
#[test]
fn tui_draws_stored_hostile_text_escaped() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let db = hostile_db();
    let (cols, rows) = (160u16, 50u16);
    let pair = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_phoihop"));
    cmd.arg("--db");
    cmd.arg(&db.path);
    cmd.args(["--lang", "en", "--program", "P"]);
    cmd.env("LANG", "C.UTF-8");
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let raw = Arc::new(Mutex::new(Vec::<u8>::new()));
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(rows).unwrap(),
        std::num::NonZeroU16::new(cols).unwrap(),
        0,
    )));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (raw2, screen2) = (raw.clone(), screen.clone());
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            raw2.lock().unwrap().extend_from_slice(&buf[..n]);
            screen2.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut w = pair.master.take_writer().unwrap();
    let wait = |what: &str| {
        let start = Instant::now();
        loop {
            let t = screen.lock().unwrap().screen().contents();
            if t.contains(what) {
                return t;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no {what:?} on:\n{t}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    };
    let mut seen = String::new();
    seen.push_str(&wait("Dashboard"));
    // Tasks, then the detail of several hostile tasks, agencies, programs.
    let mut send = |k: &str| {
        w.write_all(k.as_bytes()).unwrap();
        w.flush().unwrap();
        std::thread::sleep(Duration::from_millis(120));
    };
    send("3");
    seen.push_str(&wait("Sorted by"));
    for _ in 0..6 {
        send("j");
        send("\r");
        seen.push_str(&screen.lock().unwrap().screen().contents());
        send("\x1b");
    }
    send("4");
    seen.push_str(&screen.lock().unwrap().screen().contents());
    send("2");
    seen.push_str(&screen.lock().unwrap().screen().contents());
    send("q");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the TUI did not quit"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(w);
    drop(pair.master);
    let _ = reading.join();
    let bytes = raw.lock().unwrap().clone();
    assert!(bytes.len() > 1000, "the TUI wrote {} bytes", bytes.len());
    let find = |needle: &[u8]| bytes.windows(needle.len()).position(|x| x == needle);
    for (what, needle) in [
        ("OSC", &b"\x1b]"[..]),
        ("DCS", b"\x1bP"),
        ("BEL", b"\x07"),
        ("cursor position query", b"\x1b[6n"),
    ] {
        if let Some(i) = find(needle) {
            let ctx =
                String::from_utf8_lossy(&bytes[i.saturating_sub(40)..(i + 40).min(bytes.len())]);
            panic!("{what} reached the terminal: {ctx:?}");
        }
    }
    // UTF-8 encodings of C1 controls (C2 80–C2 9F) and bidi/invisible characters.
    let text = String::from_utf8_lossy(&bytes);
    if let Some(c) = text
        .chars()
        .find(|c| *c != '\u{1b}' && *c != '\r' && *c != '\n' && raw_danger(*c))
    {
        panic!("raw U+{:04X} reached the terminal", c as u32);
    }
    // Escaped, not dropped: the payloads are visible.
    assert!(
        seen.contains("␛[31m") || seen.contains("␛]52;c;"),
        "no visible escape on:\n{seen}"
    );
    assert!(
        seen.contains("\\u{202e}") || seen.contains("\\u{9b}") || seen.contains("\\u{200b}"),
        "{seen}"
    );
}

/// A stored value phoihop cannot read (a status outside its codes, an impossible
/// deadline — a damaged file or another tool, written past the CHECK constraints) is an
/// error that names the task and the value in the user's language, exit 1, from every
/// command that reads the row — never a default in its place (issue 19).
#[test]
fn a_stored_value_phoihop_cannot_read_names_its_task_and_is_never_a_default() {
    let db = Db::new();
    let ids = db.seed(&[
        ("ideology", "Một", "A", None),
        ("ideology", "Hai", "A", Some("2030-01-01")),
        ("ideology", "Ba", "A", None),
        ("ideology", "Bốn", "A", None),
    ]);
    let conn = db.sqlite();
    // (An agency id no agency has: past the foreign keys, turned off here.)
    conn.execute_batch(&format!(
        "PRAGMA ignore_check_constraints = ON; PRAGMA foreign_keys = OFF; \
         UPDATE task SET status = 'xong' WHERE id = {}; \
         UPDATE task SET deadline = '2019-02-30' WHERE id = {}; \
         UPDATE task SET lead_id = 9999 WHERE id = {}; \
         INSERT INTO task_with (task_id, agency_id) VALUES ({}, 8888);",
        ids[0], ids[1], ids[2], ids[3]
    ))
    .unwrap();
    drop(conn);
    let before = db.bytes();
    let (a, b) = (ids[0].to_string(), ids[1].to_string());
    let (c, d) = (ids[2].to_string(), ids[3].to_string());
    for (args, id, vi, en) in [
        (
            vec!["task", "show", a.as_str()],
            &a,
            "tình trạng là `xong`",
            "the status `xong`",
        ),
        (
            vec!["task", "list", "--format", "json"],
            &a,
            "tình trạng là `xong`",
            "the status `xong`",
        ),
        (
            vec!["export", "--format", "csv"],
            &a,
            "tình trạng là `xong`",
            "the status `xong`",
        ),
        (
            vec!["task", "show", b.as_str()],
            &b,
            "thời hạn là `2019-02-30`",
            "the deadline `2019-02-30`",
        ),
        (
            vec!["task", "show", c.as_str()],
            &c,
            "cơ quan chủ trì là `9999`",
            "the lead agency `9999`",
        ),
        (
            vec!["task", "list", "--search", "ba", "--format", "json"],
            &c,
            "cơ quan chủ trì là `9999`",
            "the lead agency `9999`",
        ),
        (
            vec!["task", "show", d.as_str()],
            &d,
            "cơ quan phối hợp là `8888`",
            "a coordinating agency `8888`",
        ),
    ] {
        let mut vi_args = vec!["--lang", "vi"];
        vi_args.extend(&args);
        let (code, out, err) = db.run(&vi_args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            out.is_empty() || args[0] != "task" || args[1] != "show",
            "{out}"
        );
        assert!(
            err.contains(&format!("Nhiệm vụ {id} lưu {vi}")) && err.contains("phoihop check"),
            "{args:?}: {err}"
        );
        assert_one_sentence(&err);
        let mut en_args = vec!["--lang", "en"];
        en_args.extend(&args);
        let (code, _, err) = db.run(&en_args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(
            err.contains(&format!("Task {id} has {en} stored")),
            "{args:?}: {err}"
        );
    }
    assert!(db.bytes() == before, "reading changed the file");
}
