//! Text with the characters a search matched marked (bold and underlined, so the marks
//! do not depend on colour), fitted to a display width like [`super::fit`]: each
//! character escaped on its own, cut by display width with `…`, never inside a character.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use unicode_normalization::UnicodeNormalization;
use unicode_width::UnicodeWidthStr;

use crate::domain::text::escape;

/// How a matched character is drawn on top of the cell's style.
pub fn mark_style(base: Style) -> Style {
    base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

/// `text` in at most `max` columns, padded to `max`, the characters at `marks`
/// (positions in its NFC form, as [`crate::search::highlight`] gives them) marked.
pub fn marked(text: &str, marks: &[usize], max: usize, base: Style) -> Line<'static> {
    let chars: Vec<String> = text
        .nfc()
        .map(|c| escape(c.encode_utf8(&mut [0u8; 4])).into_owned())
        .collect();
    let total: usize = chars
        .iter()
        .map(|c| UnicodeWidthStr::width(c.as_str()))
        .sum();
    let room = if total <= max {
        max
    } else {
        max.saturating_sub(1)
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    let mut run_marked = false;
    let mut used = 0;
    for (i, c) in chars.iter().enumerate() {
        let w = UnicodeWidthStr::width(c.as_str());
        if used + w > room {
            break;
        }
        used += w;
        let m = marks.binary_search(&i).is_ok();
        if m != run_marked && !run.is_empty() {
            let style = if run_marked { mark_style(base) } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_marked = m;
        run.push_str(c);
    }
    if !run.is_empty() {
        let style = if run_marked { mark_style(base) } else { base };
        spans.push(Span::styled(run, style));
    }
    if total > max && max > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    if used < max {
        spans.push(Span::styled(" ".repeat(max - used), base));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(l: &Line<'_>) -> String {
        l.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn marks_the_matched_characters_of_the_accented_text() {
        let t = "Công tác Dân vận";
        let marks = crate::search::highlight(t, "dan van");
        let l = marked(t, &marks, 20, Style::new());
        assert_eq!(text_of(&l), "Công tác Dân vận    ");
        let bold: String = l
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::UNDERLINED))
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(bold, "Dânvận");
    }

    #[test]
    fn cuts_like_fit() {
        let t = "Công tác xây dựng bộ máy chính quyền";
        let l = marked(t, &[0, 1], 12, Style::new());
        assert_eq!(text_of(&l), crate::tui::widgets::fit(t, 12));
        let l = marked("a\u{1b}b", &[2], 5, Style::new());
        assert_eq!(text_of(&l), "a␛b  ");
        assert_eq!(text_of(&marked("abc", &[], 0, Style::new())), "");
    }
}
