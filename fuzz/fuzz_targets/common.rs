// Shared by the targets (included with `mod common;`).

/// The characters that must never reach a terminal raw, listed here independently of the
/// library's `is_dangerous`.
#[allow(dead_code)]
pub fn raw_danger(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2069}' | '\u{feff}')
}

/// An error message is one sentence that cannot drive a terminal.
#[allow(dead_code)]
pub fn check_message(e: &phoihop::Error) {
    let m = e.to_string();
    assert!(!m.is_empty());
    assert!(!m.chars().any(raw_danger), "raw control in message {m:?}");
}
