//! Text that enters and leaves the program: NFC on the way in, control characters refused;
//! everything drawn is escaped so that no stored byte can drive a terminal.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};
use crate::lang::facts::Value;

/// The longest title, name or note accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// True for characters that must never be stored or reach a terminal raw: C0 and C1
/// controls, DEL, every Default_Ignorable_Code_Point of Unicode (zero-width characters,
/// joiners, every bidi control — LRM, RLM, U+061C ARABIC LETTER MARK, embeddings,
/// overrides, isolates — soft hyphen, Hangul fillers, the Mongolian vowel separator,
/// variation selectors, the deprecated format characters U+206A–U+206F, the TAG block),
/// line and paragraph separators, interlinear annotations, U+FFFC (object replacement),
/// private-use and unassigned code points (noncharacters such as U+FFFF among them).
pub fn is_dangerous(c: char) -> bool {
    // Fast path: printable ASCII and the Latin letters of Vietnamese text.
    if (' '..='~').contains(&c) || ('\u{c0}'..='\u{24f}').contains(&c) {
        return false;
    }
    if is_default_ignorable(c)
        || matches!(c,
            '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
            | '\u{2028}' | '\u{2029}'   // line / paragraph separator
            | '\u{fff9}'..='\u{fffc}'   // interlinear annotations, object replacement
        )
    {
        return true;
    }
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    matches!(
        c.general_category(),
        GeneralCategory::Unassigned | GeneralCategory::PrivateUse | GeneralCategory::Surrogate
    )
}

/// Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): code
/// points that are drawn as nothing at all where they are not understood.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{ad}'                      // soft hyphen
        | '\u{34f}'                   // combining grapheme joiner
        | '\u{61c}'                   // arabic letter mark (a bidi control)
        | '\u{115f}'..='\u{1160}'     // hangul choseong / jungseong fillers
        | '\u{17b4}'..='\u{17b5}'     // khmer inherent vowels
        | '\u{180b}'..='\u{180f}'     // mongolian variation selectors, vowel separator
        | '\u{200b}'..='\u{200f}'     // zero-width space/joiners, LRM, RLM
        | '\u{202a}'..='\u{202e}'     // bidi embeddings and overrides
        | '\u{2060}'..='\u{206f}'     // word joiner, invisible operators, isolates, deprecated
        | '\u{3164}'                  // hangul filler
        | '\u{fe00}'..='\u{fe0f}'     // variation selectors
        | '\u{feff}'                  // zero-width no-break space / BOM
        | '\u{ffa0}'                  // halfwidth hangul filler
        | '\u{fff0}'..='\u{fff8}'     // unassigned specials
        | '\u{1bca0}'..='\u{1bca3}'   // shorthand format controls
        | '\u{1d173}'..='\u{1d17a}'   // musical symbol format controls
        | '\u{e0000}'..='\u{e0fff}'   // tags, variation selectors supplement
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
        '\u{ad}' => "SOFT HYPHEN",
        '\u{61c}' => "ARABIC LETTER MARK",
        '\u{180e}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{3164}' | '\u{115f}' | '\u{1160}' | '\u{ffa0}' => "a HANGUL FILLER",
        '\u{fffc}' => "OBJECT REPLACEMENT CHARACTER",
        '\u{e0000}'..='\u{e007f}' => "a TAG character",
        c if is_default_ignorable(c) => "an invisible (default-ignorable) character",
        c => {
            use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
            match c.general_category() {
                GeneralCategory::PrivateUse => "a private-use character",
                GeneralCategory::Unassigned => "an unassigned code point",
                _ => "a control or invisible character",
            }
        }
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
        return Err(Error::invalid(Value::Forbidden {
            field: field.to_string(),
            what: describe(c),
            ch: c,
        }));
    }
    if trimmed.is_empty() && !allow_empty {
        return Err(Error::invalid(Value::Empty {
            field: field.to_string(),
        }));
    }
    let n = trimmed.chars().count();
    if n > MAX_TEXT_CHARS {
        return Err(Error::invalid(Value::TooLong {
            field: field.to_string(),
            n,
            max: MAX_TEXT_CHARS,
        }));
    }
    Ok(trimmed.to_string())
}

/// Checks a code that refers to a record or a vocabulary entry (a lead agency, a
/// category such as `mass_mobilization`): 1–40 ASCII characters, letters, digits, `-`,
/// `_`, `.` and `/`. ASCII only, so that no look-alike letter (Cyrillic `Т` in `BTGТU`)
/// can pass for another code. The code a new agency or program is given is stricter:
/// [`clean_record_code`].
pub fn clean_code(field: &str, raw: &str) -> Result<String> {
    let s = clean_line(field, raw)?;
    if s.chars().count() > 40 {
        return Err(Error::invalid(Value::CodeTooLong {
            field: field.to_string(),
            code: s,
        }));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/')))
    {
        return Err(Error::invalid(Value::CodeChar {
            field: field.to_string(),
            code: s,
            ch: c,
        }));
    }
    Ok(s)
}

/// Checks the code of an agency or a program: 1–40 characters of ASCII capital letters,
/// digits and `-` (`BTG`, `XDHTCT-2015-2020`).
pub fn clean_record_code(field: &str, raw: &str) -> Result<String> {
    let s = clean_code(field, raw)?;
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(Error::invalid(Value::RecordCodeChar {
            field: field.to_string(),
            code: s,
            ch: c,
        }));
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
    fn refuses_every_invisible_bidi_private_and_unassigned_character() {
        let bad: Vec<char> = [
            '\u{61c}',
            '\u{200e}',
            '\u{200f}',
            '\u{2066}',
            '\u{2069}',
            '\u{202a}',
            '\u{202e}',
            '\u{ad}',
            '\u{180e}',
            '\u{3164}',
            '\u{115f}',
            '\u{1160}',
            '\u{ffa0}',
            '\u{34f}',
            '\u{206a}',
            '\u{206b}',
            '\u{206c}',
            '\u{206d}',
            '\u{206e}',
            '\u{206f}',
            '\u{2065}',
            '\u{fe0f}',
            '\u{feff}',
            '\u{fffc}',
            '\u{ffff}',
            '\u{fffe}',
            '\u{fdd0}',
            '\u{e000}',
            '\u{f8ff}',
            '\u{f0000}',
            '\u{10fffd}',
            '\u{e0001}',
            '\u{e0041}',
            '\u{e007f}',
            '\u{e0100}',
            '\u{1bca0}',
            '\u{1d173}',
            '\u{2028}',
            '\u{fff9}',
            '\u{378}',
            '\u{50000}',
        ]
        .into_iter()
        .chain(('\u{e0000}'..='\u{e007f}').step_by(7))
        .collect();
        for c in bad {
            for (f, r) in [
                ("line", clean_line("title", &format!("Ban{c}Tuyên giáo"))),
                ("text", clean_text("note", &format!("Ghi chú {c} ở đây"))),
                (
                    "optional",
                    clean_optional("head", &format!("x{c}y")).map(|_| String::new()),
                ),
            ] {
                let e = r.expect_err(&format!("{f}: U+{:04X} accepted", c as u32));
                assert_eq!(e.exit_code(), 6);
                assert!(
                    e.to_string().contains(&format!("U+{:04X}", c as u32)),
                    "{e}"
                );
            }
            assert!(is_dangerous(c), "U+{:04X}", c as u32);
            // Shown escaped, never raw.
            assert!(!escape(&c.to_string()).contains(c), "U+{:04X}", c as u32);
        }
        // Ordinary text of every kind still passes.
        for good in [
            "Ban Tuyên giáo Tỉnh ủy",
            "Đảng ủy Khối các cơ quan tỉnh",
            "Hoàn thành 🎉👍🏽🇻🇳",
            "العربية بدون علامات",
            "中文 日本語 한국어",
            "Ελληνικά, кириллица",
            "- Rà soát =1+1 @x",
            "€ ½ № ™ « » — …",
        ] {
            assert_eq!(clean_line("title", good).unwrap(), good);
        }
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
        // Category codes are lower case with `_`.
        assert_eq!(
            clean_code("category code", "mass_mobilization").unwrap(),
            "mass_mobilization"
        );
        // A Cyrillic Т (U+0422) in `BTGТU` is refused, at every kind of code.
        let e = clean_code("lead agency code", "BTG\u{422}U").unwrap_err();
        assert_eq!(e.exit_code(), 6);
        assert!(e.to_string().contains("U+0422"), "{e}");
        assert!(clean_code("code", "Ðảng").is_err());
        assert!(clean_record_code("agency code", "BTG\u{422}U").is_err());
        // Agency and program codes: A–Z, 0–9 and `-`.
        assert_eq!(
            clean_record_code("program code", "XDHTCT-2015-2020").unwrap(),
            "XDHTCT-2015-2020"
        );
        for bad in ["btg", "BTG_1", "05-CTr/TU", "A.B", "Bt"] {
            let e = clean_record_code("agency code", bad).unwrap_err();
            assert_eq!(e.exit_code(), 6, "{bad}");
        }
    }

    #[test]
    fn formulas() {
        assert_eq!(neutralize_formula("=1+1"), "'=1+1");
        assert_eq!(neutralize_formula("- Rà soát"), "'- Rà soát");
        assert_eq!(neutralize_formula("Rà soát"), "Rà soát");
    }
}
