//! A form over the screen: one line per field (label, value, the reason beside it or,
//! when there is no room, under it), the focused pick list's matches, the form's error.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use super::block;
use crate::tui::i18n::{fill, Msg};
use crate::tui::state::form::{Field, FieldKind, Form, FormError, FormKind, Key};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, fit_left, width};

/// How many matches a focused pick list shows.
const PICK_ROWS: usize = 5;

/// The form's title: what it does and on which record.
pub fn title(state: &AppState, form: &Form) -> String {
    let lang = state.lang;
    let (m, task) = match &form.kind {
        // A coordinating agency's form holds the note alone.
        FormKind::Progress(t) if form.field(Key::Progress).is_none() => (Msg::FormNote, Some(t)),
        FormKind::Progress(t) => (Msg::FormProgress, Some(t)),
        FormKind::EditTask(t) => (Msg::FormEdit, Some(t)),
        FormKind::Urge(t) => (Msg::FormUrge, Some(t)),
        FormKind::NewTask => (Msg::FormNewTask, None),
        FormKind::NewAgency => (Msg::FormNewAgency, None),
        FormKind::NewProgram => (Msg::FormNewProgram, None),
    };
    match task {
        Some(t) => format!("{} #{}", lang.t(m), t.id),
        None => lang.t(m).to_string(),
    }
}

/// The tail of `s` that fits `max` columns (what is being typed stays visible).
fn tail(s: &str, max: usize) -> String {
    if width(s) <= max {
        return fit(s, max);
    }
    let chars: Vec<char> = s.chars().collect();
    let mut start = 0;
    while start < chars.len() && width(&chars[start..].iter().collect::<String>()) + 1 > max {
        start += 1;
    }
    format!(
        "…{}",
        fit(
            &chars[start..].iter().collect::<String>(),
            max.saturating_sub(1)
        )
    )
}

/// One line of a focused field with the cursor `▏` drawn before character `col`, in at
/// most `max` columns: when the line is longer, the part around the cursor is shown.
pub fn with_cursor(line: &str, col: usize, max: usize) -> String {
    let chars: Vec<char> = line.chars().collect();
    let col = col.min(chars.len());
    let before: String = chars[..col].iter().collect();
    let after: String = chars[col..].iter().collect();
    if width(&before) + 1 + width(&after) <= max {
        return format!("{before}▏{after}");
    }
    let right_room = width(&after).min(max.saturating_sub(1) / 3);
    let left = tail(&before, max.saturating_sub(1 + right_room));
    let right = fit(&after, max.saturating_sub(1 + width(&left)));
    format!("{left}▏{right}")
}

/// How an unfocused field's text is shown on one line (a note's lines joined with ↵).
fn one_line(value: &str) -> String {
    value.replace('\n', " ↵ ")
}

fn field_lines(
    state: &AppState,
    f: &Field,
    focused: bool,
    label_w: usize,
    inner_w: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let lang = state.lang;
    let mark = if focused { "▶ " } else { "  " };
    let label = fit_left(lang.t(f.label), label_w);
    let label_style = if focused {
        theme.key
    } else {
        theme
            .header
            .remove_modifier(ratatui::style::Modifier::UNDERLINED)
    };
    let value_w = inner_w.saturating_sub(label_w + 3);
    let reason = f.reason.map(|r| format!("⚠ {}", lang.t(r)));
    let reason_w = reason.as_deref().map_or(0, width);
    // The value box: wide enough for what is typed, the reason beside it when it fits.
    let shown = match (&f.kind, focused) {
        (FieldKind::Pick(p), false) => match p.chosen_opt() {
            Some(o) => p.shown(o),
            None => f.value.clone(),
        },
        (FieldKind::Multi(m), false) => m.names(),
        (_, false) => one_line(&f.value),
        (_, true) => f
            .lines()
            .iter()
            .max_by_key(|l| width(l))
            .cloned()
            .unwrap_or_default(),
    };
    let box_w = value_w.min(36.max(width(&shown) + 1)).min(value_w);
    let beside = reason_w > 0 && box_w + 2 + reason_w <= value_w;
    let box_w = if beside || reason_w == 0 {
        box_w
    } else {
        value_w
    };
    // The focused field: every line, the cursor drawn where it is.
    let (rows, text) = if focused {
        let (row, col) = f.cursor();
        let rows: Vec<String> = f
            .lines()
            .iter()
            .enumerate()
            .map(|(i, l)| {
                if i == row {
                    with_cursor(l, col, box_w)
                } else {
                    fit(l, box_w)
                }
            })
            .collect();
        let first = rows.first().cloned().unwrap_or_else(|| "▏".to_string());
        (rows.into_iter().skip(1).collect::<Vec<_>>(), first)
    } else {
        (Vec::new(), fit(&shown, box_w))
    };
    let mut spans = vec![
        Span::styled(mark.to_string(), theme.key),
        Span::styled(label, label_style),
        Span::raw(" "),
    ];
    let box_style = if focused {
        theme
            .selected
            .remove_modifier(ratatui::style::Modifier::BOLD)
    } else {
        Style::new()
    };
    let pad = box_w.saturating_sub(width(&text));
    spans.push(Span::styled(
        format!("{text}{}", " ".repeat(pad)),
        box_style,
    ));
    let mut lines = Vec::new();
    if beside {
        spans.push(Span::raw("  "));
        spans.push(Span::styled(
            reason.clone().unwrap_or_default(),
            theme.error,
        ));
    }
    lines.push(Line::from(spans));
    for r in rows {
        let pad = box_w.saturating_sub(width(&r));
        lines.push(Line::from(vec![
            Span::raw(" ".repeat(label_w + 3)),
            Span::styled(format!("{r}{}", " ".repeat(pad)), box_style),
        ]));
    }
    if !beside {
        if let Some(r) = reason {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_w + 3)),
                Span::styled(fit(&r, value_w), theme.error),
            ]));
        }
    }
    // A focused choice of several: what is chosen so far, by name, and how to add more.
    if let (true, FieldKind::Multi(m)) = (focused, &f.kind) {
        let indent = " ".repeat(label_w + 3);
        let chosen = if m.picked.is_empty() {
            lang.t(Msg::MultiNone).to_string()
        } else {
            m.picked
                .iter()
                .map(|c| format!("✓ {}", m.name_of(c)))
                .collect::<Vec<_>>()
                .join("  ")
        };
        for l in wrap(&chosen, value_w) {
            lines.push(Line::from(vec![
                Span::raw(indent.clone()),
                Span::styled(l, theme.key),
            ]));
        }
        lines.push(Line::from(vec![
            Span::raw(indent),
            Span::styled(fit(lang.t(Msg::MultiHint), value_w), theme.dim),
        ]));
    }
    // The focused pick list: the chosen match and its neighbours.
    let picker = match (&f.kind, focused) {
        (FieldKind::Pick(p), true) => Some(p),
        (FieldKind::Multi(m), true) if !f.value.trim().is_empty() => Some(&m.picker),
        _ => None,
    };
    if let Some(p) = picker {
        let m = p.matches(&f.value);
        let pos = p
            .chosen
            .and_then(|c| m.iter().position(|&i| i == c))
            .unwrap_or(0);
        let from = pos
            .saturating_sub(PICK_ROWS / 2)
            .min(m.len().saturating_sub(PICK_ROWS));
        for &i in m.iter().skip(from).take(PICK_ROWS) {
            let o = &p.options[i];
            let chosen = p.chosen == Some(i);
            let text = fit_left(&p.shown(o), value_w.saturating_sub(2));
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_w + 3)),
                Span::styled(if chosen { "› " } else { "  " }, theme.key),
                Span::styled(text, if chosen { theme.selected } else { theme.dim }),
            ]));
        }
        if m.len() > PICK_ROWS {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(label_w + 5)),
                Span::styled(format!("… {}/{}", pos + 1, m.len()), theme.dim),
            ]));
        }
    }
    lines
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, form: &Form, theme: &Theme) {
    let lang = state.lang;
    let w = area.width.min(100);
    let inner_w = usize::from(w.saturating_sub(2));
    let label_w = form
        .fields
        .iter()
        .map(|f| width(lang.t(f.label)))
        .max()
        .unwrap_or(10)
        .min(22);
    let mut lines: Vec<Line<'static>> = Vec::new();
    // What the form is about.
    if let Some(t) = form.kind.task() {
        lines.push(Line::from(Span::styled(
            fit(&t.title, inner_w),
            theme.title,
        )));
        let about = match &form.kind {
            FormKind::Urge(_) => fill(lang.t(Msg::FormUrgeTo), &t.lead),
            _ => format!("{}% · {}", t.progress.get(), lang.status(t.status)),
        };
        lines.push(Line::from(Span::styled(fit(&about, inner_w), theme.dim)));
        // Someone else changed the task since the form read it: say what, at once.
        if !form.changed_elsewhere.is_empty() {
            let what = form
                .changed_elsewhere
                .iter()
                .map(|(m, a, b)| {
                    format!(
                        "{}: {} → {}",
                        lang.t(*m),
                        super::dialog::value_text(lang, a),
                        super::dialog::value_text(lang, b)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            let text = fill(lang.t(Msg::ChangedElsewhere), what);
            for l in wrap(&text, inner_w).into_iter().take(3) {
                lines.push(Line::from(Span::styled(l, theme.error)));
            }
        }
        lines.push(Line::default());
    }
    let mut focus_line = 0;
    for (i, f) in form.fields.iter().enumerate() {
        if i == form.focus {
            focus_line = lines.len();
        }
        lines.extend(field_lines(
            state,
            f,
            i == form.focus,
            label_w,
            inner_w,
            theme,
        ));
    }
    if let Some(e) = &form.error {
        lines.push(Line::default());
        let text = match e {
            FormError::Msg(m) => lang.t(*m).to_string(),
            FormError::Store(m, detail) => format!("{}: {detail}", lang.t(*m)),
        };
        for chunk in wrap(&text, inner_w) {
            lines.push(Line::from(Span::styled(chunk, theme.error)));
        }
    }
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    };
    // Keep the focused field visible on a short screen.
    let room = usize::from(h.saturating_sub(2));
    let total = lines.len();
    let scroll = if total <= room {
        0
    } else {
        focus_line.saturating_sub(2).min(total - room) as u16
    };
    frame.render_widget(Clear, r);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block(
                fit(&title(state, form), inner_w.saturating_sub(2)),
                theme,
            ))
            .scroll((scroll, 0)),
        r,
    );
}

/// Splits text into lines of at most `w` columns at spaces (escaped).
pub fn wrap(text: &str, w: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && width(&line) + 1 + width(word) > w {
            out.push(fit(&line, w));
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push(fit(&line, w));
    }
    out
}
