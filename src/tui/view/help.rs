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
    // Two sections side by side when there is room, else one under the other.
    let two = area.width >= 70;
    let w = if two {
        area.width.min(100)
    } else {
        area.width.min(64)
    };
    let col_w = if two { (w - 4) / 2 } else { w - 2 };
    let inner_w = usize::from(col_w.saturating_sub(2));
    let section = |title: Msg, global: bool| -> Vec<Line<'static>> {
        let mut lines = vec![Line::from(Span::styled(
            fit(lang.t(title), inner_w),
            theme.header,
        ))];
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
        lines
    };
    let here = section(Msg::HelpHere, false);
    let global = section(Msg::HelpGlobal, true);
    let close = Line::from(Span::styled(
        fit(lang.t(Msg::HelpClose), inner_w),
        theme.dim,
    ));
    let body_h = if two {
        here.len().max(global.len())
    } else {
        here.len() + global.len() + 1
    } as u16;
    let h = (body_h + 4).min(area.height);
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
    let foot = Rect {
        y: inner.y + text_h + 1,
        height: inner.height.min(1),
        ..inner
    };
    let inner = Rect {
        height: text_h,
        ..inner
    };
    if two {
        let left = Rect {
            width: col_w,
            x: inner.x + 1,
            ..inner
        };
        let right = Rect {
            x: inner.x + 1 + col_w + 1,
            width: inner.width.saturating_sub(col_w + 2),
            ..inner
        };
        frame.render_widget(Paragraph::new(here), left);
        frame.render_widget(Paragraph::new(global), right);
    } else {
        let mut all = here;
        all.push(Line::default());
        all.extend(global);
        frame.render_widget(Paragraph::new(all), inner);
    }
    if foot.bottom() <= r.bottom() {
        frame.render_widget(
            Paragraph::new(close),
            Rect {
                x: foot.x + 1,
                width: foot.width.saturating_sub(1),
                ..foot
            },
        );
    }
}
