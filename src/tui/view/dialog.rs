//! The delete confirmation (naming the record) and the conflict dialog (their change and
//! yours, and the choices).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::block;
use super::form::wrap;
use crate::domain::Cadence;
use crate::tui::i18n::{fill, Lang, Msg};
use crate::tui::state::form::{request_fields, task_diff, TaskValue};
use crate::tui::state::{AppState, Conflict, DeleteTarget, Dialog};
use crate::tui::theme::Theme;
use crate::tui::widgets::fit;

/// A task field's value in the interface language (`—` when empty).
pub fn value_text(lang: Lang, v: &TaskValue) -> String {
    let s = match v {
        TaskValue::Text(t) => t.clone(),
        TaskValue::Percent(p) => format!("{p}%"),
        TaskValue::Status(s) => lang.status(*s).to_string(),
        TaskValue::Date(d) => d.map(|d| lang.date(d)).unwrap_or_default(),
        TaskValue::Cadence(c) => lang
            .t(match c {
                Cadence::Roadmap => Msg::Roadmap,
                Cadence::Recurring => Msg::Recurring,
            })
            .to_string(),
    };
    if s.is_empty() {
        lang.t(Msg::None_).to_string()
    } else {
        s
    }
}

fn boxed(
    frame: &mut Frame<'_>,
    area: Rect,
    title: String,
    lines: Vec<Line<'static>>,
    w: u16,
    theme: &Theme,
) {
    let h = (lines.len() as u16 + 2).min(area.height);
    let w = w.min(area.width);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, r);
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), r);
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, dialog: &Dialog, theme: &Theme) {
    match dialog {
        Dialog::Confirm(t) => confirm(frame, area, state, t, theme),
        Dialog::Conflict(c) => conflict(frame, area, state, c, theme),
        Dialog::Discard { quit } => discard(frame, area, state, *quit, theme),
        Dialog::Busy(_) => busy(frame, area, state, theme),
    }
}

/// "The database is busy": another writer held the lock longer than a save waits; the
/// input is kept, and the choices are to retry or to go back.
fn busy(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(60);
    let inner = usize::from(w.saturating_sub(2));
    let mut lines = Vec::new();
    for l in wrap(lang.t(Msg::BusyBody), inner) {
        lines.push(Line::from(l));
    }
    lines.push(Line::default());
    for l in wrap(lang.t(Msg::BusyKeys), inner) {
        lines.push(Line::from(Span::styled(l, theme.key)));
    }
    boxed(
        frame,
        area,
        lang.t(Msg::BusyTitle).to_string(),
        lines,
        w,
        theme,
    );
}

/// "Discard the changes?" over a changed form being left (Esc or Ctrl-c).
fn discard(frame: &mut Frame<'_>, area: Rect, state: &AppState, quit: bool, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(60);
    let inner = usize::from(w.saturating_sub(2));
    let mut lines = Vec::new();
    for l in wrap(lang.t(Msg::DiscardBody), inner) {
        lines.push(Line::from(l));
    }
    lines.push(Line::default());
    let keys = if quit {
        Msg::DiscardQuitKeys
    } else {
        Msg::DiscardKeys
    };
    for l in wrap(lang.t(keys), inner) {
        lines.push(Line::from(Span::styled(l, theme.key)));
    }
    boxed(
        frame,
        area,
        lang.t(Msg::DiscardTitle).to_string(),
        lines,
        w,
        theme,
    );
}

fn confirm(frame: &mut Frame<'_>, area: Rect, state: &AppState, t: &DeleteTarget, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(70);
    let inner = usize::from(w.saturating_sub(2));
    let (question, name) = match t {
        DeleteTarget::Task { id, title, .. } => (fill(lang.t(Msg::ConfirmTask), id), title.clone()),
        DeleteTarget::Agency { code, name } => {
            (fill(lang.t(Msg::ConfirmAgency), code), name.clone())
        }
        DeleteTarget::Program { code, title } => {
            (fill(lang.t(Msg::ConfirmProgram), code), title.clone())
        }
    };
    let mut lines = vec![Line::from(Span::styled(fit(&question, inner), theme.error))];
    for l in wrap(&name, inner).into_iter().take(3) {
        lines.push(Line::from(Span::styled(l, theme.title)));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(lang.t(Msg::ConfirmKeys), inner),
        theme.key,
    )));
    boxed(
        frame,
        area,
        lang.t(Msg::ConfirmTitle).to_string(),
        lines,
        w,
        theme,
    );
}

fn conflict(frame: &mut Frame<'_>, area: Rect, state: &AppState, c: &Conflict, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(96);
    let inner = usize::from(w.saturating_sub(2));
    let mut lines = vec![
        Line::from(Span::styled(
            fit(&fill(lang.t(Msg::ConflictIntro), c.theirs.id), inner),
            theme.error,
        )),
        Line::from(Span::styled(fit(&c.theirs.title, inner), theme.title)),
    ];
    if let Some(by) = &c.by {
        let when = crate::tui::state::activity::local_time(&by.at)
            .map(|t| format!(" · {} {}", lang.date(t.date()), t.format("%H:%M:%S")))
            .unwrap_or_default();
        lines.push(Line::from(fit(
            &format!("{}{when}", fill(lang.t(Msg::ConflictBy), &by.actor)),
            inner,
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(lang.t(Msg::Theirs), inner),
        theme.header,
    )));
    let theirs = task_diff(&c.base, &c.theirs);
    if theirs.is_empty() {
        lines.push(Line::from(Span::styled(
            lang.t(Msg::NoDifference),
            theme.dim,
        )));
    }
    for (m, a, b) in theirs {
        lines.push(Line::from(fit(
            &format!(
                "  {}: {} → {}",
                lang.t(m),
                value_text(lang, &a),
                value_text(lang, &b)
            ),
            inner,
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(lang.t(Msg::Yours), inner),
        theme.header,
    )));
    for (m, v) in request_fields(&c.request) {
        lines.push(Line::from(fit(
            &format!("  {}: {}", lang.t(m), value_text(lang, &v)),
            inner,
        )));
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        fit(lang.t(Msg::ConflictKeys), inner),
        theme.key,
    )));
    boxed(
        frame,
        area,
        lang.t(Msg::ConflictTitle).to_string(),
        lines,
        w,
        theme,
    );
}
