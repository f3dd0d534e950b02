//! `search::fold`: one character out for each character of the NFC input that is not a
//! combining mark; idempotent; lowercase ASCII stays as it is; agrees with `fold_nfc` on
//! NFC text without combining marks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use phoihop::search::{fold, fold_nfc};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let f = fold(s);
    let nfc_bases: String = s.nfc().filter(|c| !is_combining_mark(*c)).collect();
    assert_eq!(
        f.chars().count(),
        nfc_bases.chars().count(),
        "{s:?} → {f:?}"
    );
    assert_eq!(fold(&f), f, "not idempotent: {s:?} → {f:?}");
    assert_eq!(fold_nfc(&nfc_bases), f, "{s:?}");
    assert!(!f.chars().any(|c| c.is_ascii_uppercase()), "{f:?}");
    assert!(!f.contains('đ') && !f.contains('Đ'), "{f:?}");
});
