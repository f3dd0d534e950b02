//! Text fitted to a display width: escaped first (stored text never reaches the terminal
//! raw), then truncated by display width with an ellipsis, never inside a character.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::domain::text::escape;

/// Display width of `s` (after escaping, as it will be drawn).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(escape(s).as_ref())
}

/// `s` escaped and cut to at most `max` columns, ending in `…` when cut.
pub fn fit(s: &str, max: usize) -> String {
    let s = escape(s);
    if UnicodeWidthStr::width(s.as_ref()) <= max {
        return s.into_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Like [`fit`], padded on the left to exactly `max` columns (for numbers).
pub fn fit_right(s: &str, max: usize) -> String {
    let f = fit(s, max);
    let w = UnicodeWidthStr::width(f.as_str());
    format!("{}{f}", " ".repeat(max.saturating_sub(w)))
}

/// Like [`fit`], padded on the right to exactly `max` columns.
pub fn fit_left(s: &str, max: usize) -> String {
    let f = fit(s, max);
    let w = UnicodeWidthStr::width(f.as_str());
    format!("{f}{}", " ".repeat(max.saturating_sub(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_display_width_never_mid_character() {
        let t = "Công tác xây dựng bộ máy chính quyền";
        let f = fit(t, 12);
        assert_eq!(f, "Công tác xâ…");
        assert_eq!(UnicodeWidthStr::width(f.as_str()), 12);
        // Wide characters: each is two columns; a half never shows.
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcd", 1), "…");
        assert_eq!(fit("abcd", 0), "");
        assert_eq!(fit_right("42", 5), "   42");
    }

    #[test]
    fn escapes_control_characters_and_bidi() {
        let f = fit("a\u{1b}]52;c;x\u{7}b\u{202e}c", 80);
        assert!(!f.contains('\u{1b}') && !f.contains('\u{202e}') && !f.contains('\u{7}'));
        assert!(f.starts_with('a'));
    }
}
