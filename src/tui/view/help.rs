//! The help overlay, generated from the keymap for the screen under it.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::block;
use crate::tui::i18n::Msg;
use crate::tui::keymap::{self, Scope};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, fit_left};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let mode = state.base_mode();
    let bindings: Vec<_> = keymap::bindings_for(mode).collect();
    let key_w = bindings
        .iter()
        .map(|b| crate::tui::widgets::width(&b.keys_label()))
        .max()
        .unwrap_or(4)
        .min(20);
    let w = area.width.min(64);
    let inner_w = usize::from(w.saturating_sub(4));
    let mut lines = Vec::new();
    let section = |lines: &mut Vec<Line<'static>>, title: Msg, global: bool| {
        lines.push(Line::from(Span::styled(
            fit(lang.t(title), inner_w),
            theme.header,
        )));
        for b in bindings
            .iter()
            .filter(|b| matches!(b.scope, Scope::Global) == global)
        {
            let keys = fit_left(&b.keys_label(), key_w);
            let desc = fit(lang.t(b.help), inner_w.saturating_sub(key_w + 2));
            lines.push(Line::from(vec![
                Span::styled(keys, theme.key),
                Span::raw("  "),
                Span::raw(desc),
            ]));
        }
    };
    section(&mut lines, Msg::HelpHere, false);
    lines.push(Line::default());
    section(&mut lines, Msg::HelpGlobal, true);
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(lang.t(Msg::HelpClose), inner_w),
        theme.dim,
    )));
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines).block(block(lang.t(Msg::HelpTitle).to_string(), theme)),
        r,
    );
}
