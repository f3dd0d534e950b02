//! Text cleaning and escaping: `escape` never outputs a dangerous character and leaves
//! safe text alone; `clean_line`/`clean_text` accept only NFC, trimmed, bounded text
//! without controls (line breaks only in multi-line text); `neutralize_formula` never
//! leaves a cell that a spreadsheet reads as a formula.
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use phoihop::domain::text::{
    clean_code, clean_line, clean_text, escape, neutralize_formula, MAX_TEXT_CHARS,
};
use unicode_normalization::UnicodeNormalization;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let e = escape(&s);
    assert!(!e.chars().any(common::raw_danger), "escape({s:?}) = {e:?}");
    // Text the library deems safe is left alone (its list is wider than the test's:
    // interlinear annotation characters U+FFF9–U+FFFB are escaped too).
    if !s.chars().any(phoihop::domain::text::is_dangerous) {
        assert_eq!(e, s);
    }
    for (multiline, r) in [
        (false, clean_line("title", &s)),
        (true, clean_text("note", &s)),
    ] {
        match r {
            Ok(t) => {
                assert!(
                    !t.chars()
                        .any(|c| common::raw_danger(c) && !(multiline && c == '\n')),
                    "{t:?}"
                );
                assert_eq!(t.nfc().collect::<String>(), t, "not NFC: {t:?}");
                assert_eq!(t.trim(), t);
                assert!(t.chars().count() <= MAX_TEXT_CHARS);
            }
            Err(e) => {
                assert_eq!(e.exit_code(), 6);
                common::check_message(&e);
            }
        }
    }
    if let Ok(c) = clean_code("code", &s) {
        assert!(
            c.chars().all(|c| c.is_alphanumeric() || "-_./".contains(c)),
            "{c:?}"
        );
    }
    let n = neutralize_formula(&s);
    assert!(!n.starts_with(['=', '+', '-', '@', '\t', '\r']), "{n:?}");
});
