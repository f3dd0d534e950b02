//! The help overlay, generated from the keymap for the screen under it and the acting
//! login: only keys that do something there. Descriptions wrap rather than being cut;
//! on a short screen the overlay scrolls (`↑ ↓ PgUp PgDn`).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::block;
use super::form::wrap;
use crate::tui::action::Action;
use crate::tui::i18n::{fill, Msg};
use crate::tui::keymap::{self, Binding, Mode, Scope};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, fit_left, width};

/// The help's lines at `inner_w` columns: this screen's keys, then the global ones.
pub fn lines(state: &AppState, inner_w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mode = state.base_mode();
    let here = state.here_in(mode);
    let bindings: Vec<&Binding> = keymap::commands(&here).collect();
    let key_w = bindings
        .iter()
        .map(|b| width(&b.keys_label()))
        .max()
        .unwrap_or(4)
        .min(18)
        .min(inner_w / 3);
    let desc_w = inner_w.saturating_sub(key_w + 2).max(1);
    let mut out = Vec::new();
    for (title, global) in [(Msg::HelpHere, false), (Msg::HelpGlobal, true)] {
        let section = |b: &&&Binding| matches!(b.scope, Scope::Global) == global;
        // A screen waiting for its first read has no keys of its own.
        if !bindings.iter().any(|b| section(&b)) {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::from(Span::styled(
            fit(lang.t(title), inner_w),
            theme.header,
        )));
        for b in bindings.iter().filter(section) {
            let keys = fit_left(&b.keys_label(), key_w);
            for (i, part) in wrap(lang.t(b.help), desc_w).into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(keys.clone(), theme.key)
                } else {
                    Span::raw(" ".repeat(key_w))
                };
                out.push(Line::from(vec![lead, Span::raw("  "), Span::raw(part)]));
            }
        }
    }
    if bindings.iter().any(|b| b.action == Action::Search) {
        out.push(Line::default());
        out.push(Line::from(Span::styled(
            fit(lang.t(Msg::HelpSyntax), inner_w),
            theme.header,
        )));
        let syn_w = SYNTAX.iter().map(|(k, _)| width(k)).max().unwrap_or(4);
        let syn_w = syn_w.max(key_w).min(inner_w / 3);
        let desc_w = inner_w.saturating_sub(syn_w + 2).max(1);
        for (example, what) in SYNTAX {
            for (i, part) in wrap(lang.t(*what), desc_w).into_iter().enumerate() {
                let lead = if i == 0 {
                    Span::styled(fit_left(example, syn_w), theme.key)
                } else {
                    Span::raw(" ".repeat(syn_w))
                };
                out.push(Line::from(vec![lead, Span::raw("  "), Span::raw(part)]));
            }
        }
    }
    if state.mouse && matches!(mode, Mode::Table | Mode::Dashboard) {
        out.push(Line::default());
        for part in wrap(lang.t(Msg::MouseHelp), inner_w) {
            out.push(Line::from(Span::styled(part, theme.dim)));
        }
    }
    out
}

/// The search syntax as help shows it (see `search::pattern`): an example, what it does.
const SYNTAX: &[(&str, Msg)] = &[
    ("dan van", Msg::SynFuzzy),
    ("dân", Msg::SynAccent),
    ("'dan", Msg::SynExact),
    ("^dan", Msg::SynPrefix),
    ("van$", Msg::SynSuffix),
    ("!dang", Msg::SynNot),
    ("dan | van", Msg::SynOr),
    ("70", Msg::SynNumber),
];

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(90);
    let inner_w = usize::from(w.saturating_sub(4));
    let body = lines(state, inner_w, theme);
    let h = (body.len() as u16 + 4).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let b = block(lang.t(Msg::HelpTitle).to_string(), theme);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let text_h = inner.height.saturating_sub(2);
    let total = u16::try_from(body.len()).unwrap_or(u16::MAX);
    let max_scroll = total.saturating_sub(text_h);
    let scroll = state.help_scroll.min(max_scroll);
    let text = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        height: text_h,
        ..inner
    };
    frame.render_widget(Paragraph::new(body).scroll((scroll, 0)), text);
    // The foot: how to close, and how to scroll when there is more than fits.
    let close = lang.t(Msg::HelpClose);
    let foot_text = if max_scroll > 0 {
        let shown = format!(
            "{} ({}–{}/{})",
            fill(lang.t(Msg::HelpMore), close),
            scroll + 1,
            (scroll + text_h).min(total),
            total
        );
        shown
    } else {
        close.to_string()
    };
    if inner.height >= 2 {
        let foot = Rect {
            x: inner.x + 1,
            y: inner.y + inner.height - 1,
            width: inner.width.saturating_sub(1),
            height: 1,
        };
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                fit(&foot_text, usize::from(foot.width)),
                theme.dim,
            ))),
            foot,
        );
    }
}
