//! The bottom line: a notice when there is one, else the hint bar generated from the
//! keymap; "read-only" on the right when the database is.

use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::i18n::Msg;
use crate::tui::keymap;
use crate::tui::state::{AppState, Notice};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, width};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let w = usize::from(area.width);
    let right = if state.read_only {
        format!("[{}] ", lang.t(Msg::ReadOnly))
    } else {
        String::new()
    };
    let room = w.saturating_sub(width(&right) + 1);
    let line = match &state.notice {
        Some(Notice::Info(m)) => Line::from(Span::styled(
            fit(&format!(" {}", lang.t(*m)), room),
            theme.soon,
        )),
        Some(Notice::Error(e)) => Line::from(Span::styled(
            fit(&format!(" {}: {e}", lang.t(Msg::Error)), room),
            theme.error,
        )),
        None => {
            let mut spans = Vec::new();
            let mut used = 0;
            // Back does nothing on a top-level table: no hint for it there.
            let top_level = state.stack.is_empty();
            for (key, word) in keymap::hints(state.mode())
                .into_iter()
                .filter(|(_, w)| !(top_level && *w == Msg::HintBack))
            {
                let word = lang.t(word);
                let piece = width(&key) + width(word) + 3;
                if used + piece > room {
                    break;
                }
                used += piece;
                spans.push(Span::raw(" "));
                spans.push(Span::styled(key, theme.key));
                spans.push(Span::raw(format!(" {word} ")));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line), area);
    if !right.is_empty() {
        frame.render_widget(
            Paragraph::new(Span::styled(right, theme.error)).alignment(Alignment::Right),
            area,
        );
    }
}
