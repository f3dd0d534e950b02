//! The search line and the as-of prompt on the bottom row, and the words that tell a
//! table's title which search and filters narrow it.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use ratatui::Frame;

use crate::tui::i18n::{fill, Lang, Msg};
use crate::tui::keymap::{self, Mode};
use crate::tui::state::filter::FilterField;
use crate::tui::state::{AppState, Filters};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, width};

/// The end of the text being typed.
const CARET: &str = "▏";

/// Draws the search line or the as-of prompt over the status bar, when one is open.
pub fn draw_prompt(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let w = usize::from(area.width);
    let mode = state.mode();
    let (mut spans, used) = match mode {
        Mode::Search => {
            let q = state.search_query().unwrap_or_default();
            let status = match state.task_search() {
                Some(s) if s.building() => lang.t(Msg::Searching).to_string(),
                Some(s) => match s.count() {
                    Some(n) => fill(lang.t(Msg::SearchMatches), n),
                    None => String::new(),
                },
                None => list_count(state),
            };
            let q = fit(q, w.saturating_sub(6 + width(&status)));
            let used = 3 + width(&q) + 1 + 2 + width(&status) + 1;
            (
                vec![
                    Span::styled(" / ", theme.key),
                    Span::raw(q),
                    Span::styled(CARET, theme.key),
                    Span::raw("  "),
                    Span::styled(status, theme.dim),
                    Span::raw(" "),
                ],
                used,
            )
        }
        Mode::AsOf => {
            let Some(check) = state.asof_check() else {
                return;
            };
            let text = state
                .find
                .asof
                .as_ref()
                .map(|p| p.text.clone())
                .unwrap_or_default();
            let label = format!(" {}", lang.t(Msg::AsOfPrompt));
            let reason = format!("  {}", lang.t(check.reason()));
            let style = if check.is_ok() { theme.ok } else { theme.error };
            let used = width(&label) + width(&text) + 1 + width(&reason);
            (
                vec![
                    Span::styled(label, theme.title),
                    Span::raw(text),
                    Span::styled(CARET, theme.key),
                    Span::styled(reason, style),
                ],
                used,
            )
        }
        Mode::Export => {
            let name = state
                .export
                .as_ref()
                .map(|p| p.name.clone())
                .unwrap_or_default();
            let label = format!(" {} ", lang.t(Msg::ExportPrompt));
            if state.export.as_ref().is_some_and(|p| p.writing.is_some()) {
                // Written off the key loop: no caret and no keys until it is done.
                let busy = format!("  {}", lang.t(Msg::ExportWriting));
                let line = Line::from(vec![
                    Span::styled(label, theme.title),
                    Span::raw(name),
                    Span::styled(busy, theme.dim),
                ]);
                frame.render_widget(Clear, area);
                frame.render_widget(Paragraph::new(line), area);
                return;
            }
            let used = width(&label) + width(&name) + 1;
            (
                vec![
                    Span::styled(label, theme.title),
                    Span::raw(name),
                    Span::styled(CARET, theme.key),
                ],
                used,
            )
        }
        _ => return,
    };
    // The keys of the prompt, from the keymap, while there is room.
    let mut used = used;
    for (key, word) in keymap::hints(mode) {
        let word = lang.t(word);
        let piece = width(&key) + width(word) + 3;
        if used + piece + 1 > w {
            break;
        }
        used += piece;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::raw(format!(" {word} ")));
    }
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The match count of a programs or agencies search.
fn list_count(state: &AppState) -> String {
    let n = match state.view {
        crate::tui::action::View::Programs => state.programs.rows.len(),
        crate::tui::action::View::Agencies => state.agencies.rows.len(),
        _ => return String::new(),
    };
    fill(state.lang.t(Msg::SearchMatches), n)
}

/// The filters in words, for a title: `Lọc: XDHTCT-2015-2020, Đang thực hiện`; only the
/// fields that narrow the dashboard, programs and agencies when `scope_only`; the program
/// left out when `program` is false (the dashboard names it on its own). Empty when
/// nothing filters.
pub fn filter_words(f: &Filters, lang: Lang, scope_only: bool, program: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let keep = |field: FilterField| !scope_only || field.scopes_dashboard();
    if let (Some(p), true) = (&f.program, program) {
        parts.push(p.clone());
    }
    if let (Some(c), true) = (&f.category, keep(FilterField::Category)) {
        parts.push(format!("{} {c}", lang.t(Msg::Category)));
    }
    if let (Some(s), true) = (f.status, keep(FilterField::Status)) {
        parts.push(lang.status(s).to_string());
    }
    if let (Some(b), true) = (f.bucket, keep(FilterField::Bucket)) {
        parts.push(lang.bucket(b).to_string());
    }
    if let (Some(a), true) = (&f.lead, keep(FilterField::Lead)) {
        parts.push(format!("{} {a}", lang.t(Msg::Lead)));
    }
    if let (Some(a), true) = (&f.agency, keep(FilterField::Agency)) {
        parts.push(format!("{} {a}", lang.t(Msg::FilterLeadOrWith)));
    }
    if f.due_soon && keep(FilterField::DueSoon) {
        parts.push(lang.t(Msg::DueSoon).to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("{}: {}", lang.t(Msg::FilterLabel), parts.join(", "))
    }
}

/// ` · /query` when a search narrows the table on top, ` · Lọc: …` when filters do
/// (`scope_only`: only those that narrow programs and agencies).
pub fn title_suffix(state: &AppState, query: Option<&str>, scope_only: bool) -> String {
    let mut s = String::new();
    if let Some(q) = query.filter(|q| !q.trim().is_empty()) {
        s.push_str(&format!(" · /{q}"));
    }
    let f = filter_words(state.filters(), state.lang, scope_only, true);
    if !f.is_empty() {
        s.push_str(&format!(" · {f}"));
    }
    s
}
