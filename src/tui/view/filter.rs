//! The filter panel (`f`): one line per filter with its value, the focused one marked,
//! the keys from the keymap below.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::block;
use crate::tui::i18n::Msg;
use crate::tui::keymap::{self, Mode};
use crate::tui::state::filter::{FilterField, FilterPanel};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, fit_left, width};

fn label(f: FilterField) -> Msg {
    match f {
        FilterField::Program => Msg::Program,
        FilterField::Category => Msg::Category,
        FilterField::Status => Msg::Status,
        FilterField::Bucket => Msg::FilterBucket,
        FilterField::Lead => Msg::Lead,
        FilterField::Agency => Msg::FilterLeadOrWith,
        FilterField::DueSoon => Msg::FilterDueSoon,
    }
}

/// The value of a field as shown: code and name, or "any".
fn value(state: &AppState, p: &FilterPanel, f: FilterField) -> Option<String> {
    let lang = state.lang;
    let d = &p.draft;
    let named = |choices, code: &str| {
        let name = FilterPanel::name_of(choices, code, lang.code());
        if name == code {
            code.to_string()
        } else {
            format!("{code} — {name}")
        }
    };
    match f {
        FilterField::Program => d.program.as_deref().map(|c| named(&p.programs, c)),
        FilterField::Category => d
            .category
            .as_deref()
            .map(|c| FilterPanel::name_of(&p.categories, c, lang.code()).to_string()),
        FilterField::Status => d.status.map(|s| lang.status(s).to_string()),
        FilterField::Bucket => d.bucket.map(|b| lang.bucket(b).to_string()),
        FilterField::Lead => d.lead.as_deref().map(|c| named(&p.agencies, c)),
        FilterField::Agency => d.agency.as_deref().map(|c| named(&p.agencies, c)),
        FilterField::DueSoon => d.due_soon.then(|| lang.t(Msg::FilterOn).to_string()),
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let Some(p) = &state.find.panel else { return };
    let lang = state.lang;
    let w = area.width.min(90);
    let inner_w = usize::from(w.saturating_sub(4));
    let label_w = FilterField::ALL
        .iter()
        .map(|f| width(lang.t(label(*f))))
        .max()
        .unwrap_or(10)
        .min(inner_w / 2);
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, f) in FilterField::ALL.iter().enumerate() {
        let focused = i == p.field % FilterField::ALL.len();
        let mark = if focused { "▶ " } else { "  " };
        let v = value(state, p, *f);
        let shown = v
            .clone()
            .unwrap_or_else(|| lang.t(Msg::FilterAny).to_string());
        // The dashboard mark: `*` on the fields that narrow it too.
        let star = if f.scopes_dashboard() { "*" } else { " " };
        let room = inner_w.saturating_sub(2 + label_w + 3 + 5);
        let val = format!("‹ {} ›", fit(&shown, room));
        let val_style = match (focused, v.is_some()) {
            (true, _) => theme.selected,
            (false, true) => theme.title,
            (false, false) => theme.dim,
        };
        lines.push(Line::from(vec![
            Span::styled(mark.to_string(), theme.key),
            Span::raw(fit_left(lang.t(label(*f)), label_w)),
            Span::raw(" "),
            Span::styled(star.to_string(), theme.dim),
            Span::raw(" "),
            Span::styled(val, val_style),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(&format!("* {}", lang.t(Msg::FilterDashboardNote)), inner_w),
        theme.dim,
    )));
    // The keys, from the keymap.
    let mut keys: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for (key, word) in keymap::hints(Mode::Filter) {
        let word = lang.t(word);
        let piece = width(&key) + width(word) + 3;
        if used + piece > inner_w {
            break;
        }
        used += piece;
        keys.push(Span::styled(key, theme.key));
        keys.push(Span::raw(format!(" {word}   ")));
    }
    lines.push(Line::from(keys));
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    let b = block(lang.t(Msg::FilterTitle).to_string(), theme);
    let inner = b.inner(r);
    frame.render_widget(b, r);
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(1),
            ..inner
        },
    );
}
