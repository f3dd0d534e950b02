//! The bottom line: a notice when there is one, else the hint bar generated from the
//! keymap; on the right "saving…" while a write runs, the inbox badge, the login and role, "read-only", and "live" with
//! when the data last changed.

use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::i18n::Msg;
use crate::tui::keymap;
use crate::tui::state::{AppState, Notice};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, width};

/// The right-hand pieces, most important first: (text, style).
pub fn right_parts(state: &AppState, theme: &Theme) -> Vec<(String, Style)> {
    let lang = state.lang;
    let mut out = Vec::new();
    if state.operator_agency().is_some() && state.inbox.recent > 0 {
        let unseen = state.inbox.unseen();
        let text = if unseen > 0 {
            format!(
                "✉ {} ({} {})",
                state.inbox.recent,
                unseen,
                lang.t(Msg::InboxNew)
            )
        } else {
            format!("✉ {}", state.inbox.recent)
        };
        out.push((text, if unseen > 0 { theme.error } else { theme.soon }));
    }
    if state.read_only {
        out.push((format!("[{}]", lang.t(Msg::ReadOnly)), theme.error));
    }
    if let Some(w) = &state.who {
        let agency = w
            .agency
            .as_ref()
            .map(|a| format!(" {}", a.1))
            .unwrap_or_default();
        out.push((
            format!("{} · {}{agency}", w.login, lang.role(w.role)),
            theme.dim,
        ));
    }
    if state.live {
        let when = state
            .last_change
            .map(|t| {
                if t.date() == state.today {
                    format!(" {}", t.format("%H:%M:%S"))
                } else {
                    format!(" {} {}", lang.date(t.date()), t.format("%H:%M"))
                }
            })
            .unwrap_or_default();
        out.push((format!("● {}{when}", lang.t(Msg::Live)), theme.ok));
    }
    out
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let w = usize::from(area.width);
    // The right side keeps what fits in at most half the line.
    let mut right: Vec<Span<'static>> = Vec::new();
    let mut right_w = 0;
    // A notice takes the whole line: it says why a key did nothing, or what was saved;
    // only "saving…" stays beside it while a write runs.
    let mut parts = Vec::new();
    if state.saving() {
        parts.push((format!("⏳ {}", lang.t(Msg::Saving)), theme.soon));
    }
    if state.notice.is_none() {
        parts.extend(right_parts(state, theme));
    }
    for (text, style) in parts {
        let piece = width(&text) + 2;
        if right_w + piece > w / 2 {
            continue;
        }
        right_w += piece;
        right.push(Span::styled(fit(&text, piece), style));
        right.push(Span::raw("  "));
    }
    let room = w.saturating_sub(right_w + 1);
    let line = match &state.notice {
        Some(Notice::Info(m)) => Line::from(Span::styled(
            fit(&format!(" {}", lang.t(*m)), room),
            theme.soon,
        )),
        Some(Notice::Done(m, what)) => Line::from(Span::styled(
            fit(
                &format!(" {}", crate::tui::i18n::fill(lang.t(*m), what)),
                room,
            ),
            theme.soon,
        )),
        Some(Notice::Denied(m)) => Line::from(Span::styled(
            fit(&format!(" ⛔ {}", lang.t(*m)), room),
            theme.error,
        )),
        Some(Notice::Error(e)) => Line::from(Span::styled(
            fit(&format!(" {}: {e}", lang.t(Msg::Error)), room),
            theme.error,
        )),
        None => {
            let mut spans = Vec::new();
            let mut used = 0;
            // Only the keys that do something here, for this login.
            for (key, word) in keymap::hints_here(&state.here()) {
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
            Paragraph::new(Line::from(right)).alignment(Alignment::Right),
            area,
        );
    }
}
