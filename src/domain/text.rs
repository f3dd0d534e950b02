//! Text that enters and leaves the program: NFC on the way in, control characters refused;
//! everything drawn is escaped so that no stored byte can drive a terminal.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

/// The longest title, name or note accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// True for characters that must never reach a terminal raw: C0 and C1 controls, DEL,
/// bidi embeddings, overrides and isolates, zero-width and other invisible format
/// characters, line and paragraph separators.
pub fn is_dangerous(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'   // zero-width space/joiners, LRM, RLM
        | '\u{2028}' | '\u{2029}'   // line / paragraph separator
        | '\u{202a}'..='\u{202e}'   // bidi embeddings and overrides
        | '\u{2060}'..='\u{2069}'   // word joiner, invisible operators, bidi isolates
        | '\u{feff}'                // zero-width no-break space / BOM
        | '\u{fff9}'..='\u{fffb}'   // interlinear annotations
    )
}

/// Names a dangerous character for an error message: `ESC (U+001B)`.
fn describe(c: char) -> String {
    let name = match c {
        '\u{1b}' => "ESC",
        '\u{7}' => "BEL",
        '\u{0}' => "NUL",
        '\n' => "a line break",
        '\t' => "TAB",
        '\r' => "CR",
        '\u{9b}' => "CSI",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{200b}' => "ZERO WIDTH SPACE",
        _ => "a control or invisible character",
    };
    format!("{name} (U+{:04X})", c as u32)
}

/// Cleans one line of user text (a title, a name, a code): NFC, trimmed, no control or
/// invisible characters, not empty, at most [`MAX_TEXT_CHARS`] characters.
/// `field` names the field in the error.
pub fn clean_line(field: &str, raw: &str) -> Result<String> {
    clean(field, raw, false, false)
}

/// Like [`clean_line`] but allows an empty result (optional fields).
pub fn clean_optional(field: &str, raw: &str) -> Result<Option<String>> {
    let s = clean(field, raw, false, true)?;
    Ok(if s.is_empty() { None } else { Some(s) })
}

/// Cleans multi-line text (a note, a description): like [`clean_line`] but line breaks
/// (`\n`) are kept; may be empty.
pub fn clean_text(field: &str, raw: &str) -> Result<String> {
    clean(field, raw, true, true)
}

fn clean(field: &str, raw: &str, multiline: bool, allow_empty: bool) -> Result<String> {
    // Most text is already NFC: the quick check avoids re-composing it (bulk imports).
    let nfc: Cow<'_, str> = if unicode_normalization::is_nfc_quick(raw.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(raw.nfc().collect())
    };
    let normalized = if multiline && nfc.contains('\r') {
        Cow::Owned(nfc.replace("\r\n", "\n"))
    } else {
        nfc
    };
    let trimmed = normalized.trim();
    if let Some(c) = trimmed
        .chars()
        .find(|&c| is_dangerous(c) && !(multiline && c == '\n'))
    {
        return Err(Error::invalid(format!(
            "The {field} contains {}, which is not allowed in stored text.",
            describe(c)
        )));
    }
    if trimmed.is_empty() && !allow_empty {
        return Err(Error::invalid(format!("The {field} must not be empty.")));
    }
    let n = trimmed.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(Error::invalid(format!(
            "The {field} is {n} characters long; at most {MAX_TEXT_CHARS} are allowed."
        )));
    }
    Ok(trimmed.to_string())
}

/// Checks a record code: 1–40 characters of letters, digits, `-`, `_`, `.` and `/`.
pub fn clean_code(field: &str, raw: &str) -> Result<String> {
    let s = clean_line(field, raw)?;
    if s.chars().count() > 40 {
        return Err(Error::invalid(format!(
            "The {field} `{s}` is longer than 40 characters."
        )));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
    {
        return Err(Error::invalid(format!(
            "The {field} `{s}` contains `{c}`; use letters, digits, `-`, `_`, `.` or `/`."
        )));
    }
    Ok(s)
}

/// Escapes text for display on a terminal: C0 controls become their Unicode control
/// pictures (ESC → `␛`), DEL → `␡`, and C1 controls, bidi and invisible characters
/// become `\u{…}`. Text without such characters is returned as is.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_dangerous) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?'));
            }
            '\u{7f}' => out.push('␡'),
            c if is_dangerous(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Neutralizes a spreadsheet cell that a spreadsheet program would read as a formula
/// (`=`, `+`, `-`, `@`, and TAB/CR at the start) by prefixing an apostrophe.
pub fn neutralize_formula(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_and_trim() {
        let nfd = "Da\u{302}n va\u{323}\u{302}n ";
        assert_eq!(clean_line("title", nfd).unwrap(), "Dân vận");
    }

    #[test]
    fn refuses_controls_and_bidi() {
        for bad in [
            "a\u{1b}[31mb",
            "x\u{202e}y",
            "a\u{9b}b",
            "a\u{7}",
            "a\nb",
            "z\u{200b}w",
        ] {
            let e = clean_line("title", bad).unwrap_err();
            assert_eq!(e.exit_code(), 6, "{bad:?}");
        }
        assert!(clean_text("note", "line 1\nline 2").is_ok());
        assert!(clean_text("note", "line\u{1b}").is_err());
    }

    #[test]
    fn refuses_empty_and_long() {
        assert!(clean_line("title", "   ").is_err());
        assert!(clean_line("title", &"a".repeat(MAX_TEXT_CHARS + 1)).is_err());
        assert_eq!(clean_optional("basis", " ").unwrap(), None);
    }

    #[test]
    fn escapes_for_terminal() {
        assert_eq!(escape("plain Đảng ủy"), "plain Đảng ủy");
        assert_eq!(escape("a\u{1b}]52;c;x\u{7}"), "a␛]52;c;x␇");
        assert_eq!(escape("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape("\u{9b}2J"), "\\u{9b}2J");
        assert!(!escape("\u{1b}[2J\u{7f}").chars().any(is_dangerous));
    }

    #[test]
    fn codes() {
        assert_eq!(clean_code("code", "BTC").unwrap(), "BTC");
        assert_eq!(
            clean_code("code", "XDHTCT-2015-2020").unwrap(),
            "XDHTCT-2015-2020"
        );
        assert!(clean_code("code", "A B").is_err());
    }

    #[test]
    fn formulas() {
        assert_eq!(neutralize_formula("=1+1"), "'=1+1");
        assert_eq!(neutralize_formula("- Rà soát"), "'- Rà soát");
        assert_eq!(neutralize_formula("Rà soát"), "Rà soát");
    }
}
