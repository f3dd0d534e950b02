//! A task's detail: its fields, description, legal basis, agencies, history and urges.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use super::{block, block_title, wrapped};
use crate::domain::{bucket, text::escape, Cadence};
use crate::tui::i18n::Msg;
use crate::tui::state::{AppState, Detail};
use crate::tui::theme::Theme;
use crate::tui::widgets::progress_bar;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, d: &Detail, theme: &Theme) {
    let lang = state.lang;
    let t = &d.task;
    let label_w = 18usize;
    // A value wraps at its own column, under the value, never back at column 0.
    let value_w = usize::from(area.width.saturating_sub(2))
        .saturating_sub(label_w + 1)
        .max(8);
    let label_style = theme
        .header
        .remove_modifier(ratatui::style::Modifier::UNDERLINED);
    let field_lines = |label: Option<Msg>, value: String| -> Vec<Line<'static>> {
        let l = match label {
            Some(m) => crate::tui::widgets::fit_left(lang.t(m), label_w),
            None => " ".repeat(label_w),
        };
        crate::tui::widgets::wrap(&value, value_w)
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let head = if i == 0 {
                    Span::styled(l.clone(), label_style)
                } else {
                    Span::raw(" ".repeat(label_w))
                };
                Line::from(vec![head, Span::raw(" "), Span::raw(part)])
            })
            .collect()
    };
    let field = |label: Msg, value: String| field_lines(Some(label), value);
    let none = || lang.t(Msg::None_).to_string();
    let b = bucket(t.status, t.deadline, t.completed_on, state.as_of);
    let mut lines: Vec<Line<'static>> = vec![
        Line::from(Span::styled(escape(&t.title).into_owned(), theme.title)),
        Line::default(),
    ];
    lines.extend(field(
        Msg::Program,
        match &d.program_title {
            Some(title) => format!("{} — {title}", t.program),
            None => t.program.clone(),
        },
    ));
    lines.extend(field(Msg::Category, category(state, &t.category)));
    lines.extend(field(Msg::Lead, format!("{} — {}", d.lead.0, d.lead.1)));
    if d.with.is_empty() {
        lines.extend(field(Msg::With, none()));
    } else {
        for (i, (code, name)) in d.with.iter().enumerate() {
            let l = (i == 0).then_some(Msg::With);
            lines.extend(field_lines(l, format!("{code} — {name}")));
        }
    }
    lines.extend(field(
        Msg::Cadence,
        lang.t(match t.cadence {
            Cadence::Roadmap => Msg::Roadmap,
            Cadence::Recurring => Msg::Recurring,
        })
        .to_string(),
    ));
    lines.extend(field(
        Msg::Deadline,
        match t.deadline {
            Some(dl) => format!("{} ({})", lang.date(dl), lang.bucket(b)),
            None => format!("{} ({})", lang.t(Msg::Recurring), lang.bucket(b)),
        },
    ));
    lines.extend(field(Msg::Status, lang.status(t.status).to_string()));
    let mut bar = Line::from(vec![
        Span::styled(
            crate::tui::widgets::fit_left(lang.t(Msg::Progress), label_w),
            label_style,
        ),
        Span::raw(" "),
    ]);
    bar.spans
        .extend(progress_bar(f64::from(t.progress.get()), 24, theme).spans);
    lines.push(bar);
    if let Some(c) = t.completed_on {
        lines.extend(field(Msg::Completed, lang.date(c)));
    }
    lines.extend(field(Msg::Created, lang.date(t.created_on)));
    lines.extend(field(Msg::Basis, t.basis.clone().unwrap_or_else(none)));
    if !state.read_only {
        let (m, style) = if state.note_only(t) {
            (Msg::MayNote, theme.ok)
        } else if state.may_write(t) {
            (Msg::MayEdit, theme.ok)
        } else {
            (Msg::MayNotEdit, theme.dim)
        };
        lines.push(Line::from(Span::styled(lang.t(m), style)));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        lang.t(Msg::Description),
        theme.header,
    )));
    match t.description.as_deref() {
        // Line breaks are kept as lines; everything else is escaped.
        Some(text) => lines.extend(text.lines().map(|l| Line::from(escape(l).into_owned()))),
        None => lines.push(Line::from(none())),
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(lang.t(Msg::History), theme.header)));
    if d.history.is_empty() {
        lines.push(Line::from(Span::styled(lang.t(Msg::NoHistory), theme.dim)));
    }
    for h in d.history.iter().rev() {
        let note = h
            .note
            .as_deref()
            .map(|n| format!(" — {}", escape(n)))
            .unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(lang.date(h.on), theme.key),
            Span::raw(format!(
                "  {:>4}  {}  {}{note}",
                format!("{}%", h.progress.get()),
                lang.status(h.status),
                escape(&h.actor)
            )),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        format!("{} ({})", lang.t(Msg::Urges), d.urges.len()),
        theme.header,
    )));
    if d.urges.is_empty() {
        lines.push(Line::from(Span::styled(lang.t(Msg::NoUrges), theme.dim)));
    }
    for u in d.urges.iter().rev() {
        lines.push(Line::from(vec![
            Span::styled(lang.date(u.on), theme.key),
            Span::raw(format!("  {}: {}", escape(&u.actor), escape(&u.message))),
        ]));
    }
    let title = format!("{} #{}", lang.t(Msg::ViewDetail), t.id);
    frame.render_widget(
        wrapped(lines)
            .block(block(block_title(&title, area), theme))
            .scroll((d.scroll, 0)),
        area,
    );
}

fn category(state: &AppState, code: &str) -> String {
    state
        .dashboard
        .summary
        .as_ref()
        .and_then(|s| s.categories.iter().find(|c| c.category.code == code))
        .map(|c| c.category.name(state.lang.code()).to_string())
        .unwrap_or_else(|| code.to_string())
}
