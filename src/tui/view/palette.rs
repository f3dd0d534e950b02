//! The command palette (`:`): the typed line, then the entries matching it, best first —
//! what each is, its description or name, and its key or code.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::block;
use crate::tui::i18n::{fill, Msg};
use crate::tui::state::palette::{Palette, PALETTE_ROWS};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, fit_left, fit_right, width};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, p: &Palette, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(90);
    let rows = PALETTE_ROWS.min(usize::from(area.height.saturating_sub(5)).max(1));
    let h = (rows as u16 + 5).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + area.height.saturating_sub(h) / 3,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let b = block(lang.t(Msg::PaletteTitle).to_string(), theme);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    let iw = usize::from(inner.width);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(": ", theme.key),
            Span::raw(fit(&p.query, iw.saturating_sub(4))),
            Span::styled("▏", theme.key),
        ]),
        Line::default(),
    ];
    let kind_w = [
        Msg::PaletteCommand,
        Msg::PaletteAgency,
        Msg::PaletteProgram,
        Msg::PaletteTask,
    ]
    .iter()
    .map(|m| width(lang.t(*m)))
    .max()
    .unwrap_or(8);
    let key_w = 16.min(iw / 5);
    let label_w = iw.saturating_sub(2 + kind_w + 1 + 1 + key_w);
    let top = p
        .cursor
        .top
        .min(p.shown.len().saturating_sub(1))
        .max(p.cursor.selected.saturating_sub(rows - 1));
    for (i, e) in p.shown.iter().enumerate().skip(top).take(rows) {
        let selected = i == p.cursor.selected;
        let mark = if selected { "▶ " } else { "  " };
        let style = |s| if selected { theme.selected } else { s };
        lines.push(Line::from(vec![
            Span::styled(mark, style(theme.key)),
            Span::styled(fit_left(lang.t(e.kind), kind_w), style(theme.dim)),
            Span::styled(" ", style(ratatui::style::Style::new())),
            Span::styled(
                fit_left(&e.label, label_w),
                style(ratatui::style::Style::new()),
            ),
            Span::styled(" ", style(ratatui::style::Style::new())),
            Span::styled(fit_right(&e.key, key_w), style(theme.key)),
        ]));
    }
    if p.shown.is_empty() {
        lines.push(Line::from(Span::styled(
            fit(lang.t(Msg::PaletteNothing), iw),
            theme.dim,
        )));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if inner.height >= 3 {
        let foot = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        let n = fill(lang.t(Msg::SearchMatches), p.shown.len());
        frame.render_widget(Paragraph::new(Span::styled(fit(&n, iw), theme.dim)), foot);
    }
}
