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

/// `s` escaped and broken into lines of at most `max` columns, at spaces where it can
/// (a word longer than a line is cut by display width, never inside a character).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let s = escape(s);
    let max = max.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in s.split(' ') {
        let w = UnicodeWidthStr::width(word);
        let gap = usize::from(!line.is_empty());
        if used + gap + w <= max {
            if gap == 1 {
                line.push(' ');
            }
            line.push_str(word);
            used += gap + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            let cw = UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > max && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_by_display_width() {
        assert_eq!(
            wrap("Ban Dân vận Tỉnh ủy", 8),
            ["Ban Dân", "vận Tỉnh", "ủy"]
        );
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        assert_eq!(wrap("漢字漢字", 3), ["漢", "字", "漢", "字"]);
    }

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
