//! Regression tests from the fuzz targets in fuzz/ (the same invariants, on the inputs
//! that broke them or are known to be tricky), so they run in every `cargo test`.

use phoihop::domain::date::{dmy, iso, parse_date};
use phoihop::domain::text::{clean_line, clean_text, escape, neutralize_formula};
use phoihop::domain::Progress;
use phoihop::search::{fold, fold_nfc};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The fold target's invariants.
fn fold_invariants(s: &str) {
    let f = fold(s);
    let nfc_bases: String = s.nfc().filter(|c| !is_combining_mark(*c)).collect();
    assert_eq!(
        f.chars().count(),
        nfc_bases.chars().count(),
        "{s:?} → {f:?}"
    );
    assert_eq!(fold(&f), f, "not idempotent: {s:?} → {f:?}");
    assert_eq!(fold_nfc(&nfc_bases), f, "{s:?}");
}

#[test]
fn fold_keeps_its_invariants() {
    for s in [
        "",
        "Đảng ủy Khối các cơ quan tỉnh",
        "Da\u{302}n va\u{323}\u{302}n",
        "\u{301}\u{301}a",
        "Ǆ ǅ ǆ İ ẞ ß ﬃ",
        "한ᅡ",
        "한국어 đ Đ",
        "\u{1100}\u{1161}\u{11a8}",
        "ᄒ\u{1161}",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ﬁ ℌ Ω K Å",
        "\u{0958}\u{0915}\u{093c}",
    ] {
        fold_invariants(s);
    }
}

#[test]
fn dates_and_progress_round_trip() {
    for s in [
        "2019-02-28",
        "29/02/2020",
        "1/1/1900",
        "31/12/2200",
        " 2020-01-01 ",
    ] {
        let d = parse_date("x", s).unwrap();
        assert_eq!(parse_date("x", &iso(d)).unwrap(), d);
        assert_eq!(parse_date("x", &dmy(d)).unwrap(), d);
    }
    for s in ["99999-01-01", "1/1/19", "2019-02-29", "\u{1b}[2J"] {
        let e = parse_date("x", s).unwrap_err();
        assert_eq!(e.exit_code(), 6, "{s}");
        assert!(!e.to_string().contains('\u{1b}'));
    }
    for s in ["+40", "40 %", "040", "100%", "0"] {
        let p = Progress::parse(s).unwrap();
        assert_eq!(Progress::parse(&p.to_string()).unwrap(), p);
    }
    for s in ["%", "101", "-0x1", "99999999999999999999", "4\u{0}0", "١٠"] {
        assert_eq!(Progress::parse(s).unwrap_err().exit_code(), 6, "{s:?}");
    }
}

#[test]
fn text_cleaning_and_escaping() {
    for s in [
        "\u{1b}",
        "a\u{85}b",
        "\u{202e}",
        "x\u{2066}",
        "\u{feff}",
        "\r\n",
        "\u{2028}",
    ] {
        assert!(clean_line("t", s).is_err(), "{s:?}");
        assert!(
            !escape(s).chars().any(phoihop::domain::text::is_dangerous),
            "{s:?}"
        );
    }
    assert_eq!(clean_text("n", "a\r\nb").unwrap(), "a\nb");
    for s in ["=1", "+1", "-1", "@x", "\t=1", "\r=1"] {
        let n = neutralize_formula(s);
        assert!(!n.starts_with(['=', '+', '-', '@', '\t', '\r']), "{n:?}");
    }
}

/// Inputs the importer targets found (tests/fixtures/rel/fuzz/): a NUL in a CSV header
/// and a DEL in a JSON key were quoted raw in the error message, which the CLI printed
/// to the terminal.
#[test]
fn importer_errors_never_quote_raw_controls() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rel/fuzz");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let r = if name.ends_with(".json") {
            phoihop::io::json_in::read(&name, &bytes, today, &mut |_| {})
        } else {
            phoihop::io::csv_in::read(&name, &bytes, today, &mut |_| {})
        };
        let e = r.expect_err(&name);
        assert_eq!(e.exit_code(), 6, "{name}");
        let m = e.to_string();
        assert!(
            !m.chars().any(phoihop::domain::text::is_dangerous),
            "{name}: {m:?}"
        );
        seen += 1;
    }
    assert!(seen >= 2);
    // The same through hand-made headers and keys with ESC sequences.
    let csv = b"program,category,title,lead,with,cadence,deadline,status,p\x1b]52;c;eA==\x07rogress,basis\nP,ideology,T,A,,,,,,\n";
    let e = phoihop::io::csv_in::read("x.csv", csv, today, &mut |_| {}).unwrap_err();
    assert!(
        !e.to_string()
            .chars()
            .any(phoihop::domain::text::is_dangerous),
        "{e}"
    );
    assert!(e.to_string().contains("␛]52"), "{e}");
}
