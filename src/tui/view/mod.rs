//! Drawing: one file per screen, all from `&AppState` only (no queries, no changes).

mod activity;
mod agencies;
mod dashboard;
mod detail;
pub mod dialog;
mod filter;
pub mod form;
mod help;
mod inbox;
pub mod mine;
mod palette;
mod programs;
mod ranking;
pub mod rollup;
pub mod search;
mod status;
mod tasks;
mod trends;
mod wall;

use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use super::action::View;
use super::i18n::{fill, Lang, Msg};
use super::state::{AppState, Layer};
use super::theme::Theme;
use super::widgets::fit;

/// The smallest terminal the screens are laid out for.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

/// Draws the whole screen.
pub fn draw(frame: &mut Frame<'_>, state: &AppState, theme: &Theme) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, state.lang, theme);
        return;
    }
    let top = Rect { height: 1, ..area };
    let bottom = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    if let Some(w) = &state.wall {
        wall::draw(frame, area, state, w, theme);
        if state.reading_first() {
            // Its screen's first read has not come: say so, not empty figures.
            loading(frame, body, state, theme);
        }
        return;
    }
    tabs(frame, top, state, theme);
    match state.stack.last() {
        Some(Layer::Tasks(t)) => tasks::draw(frame, body, state, t, theme),
        Some(Layer::Detail(d)) => detail::draw(frame, body, state, d, theme),
        Some(Layer::Inbox) => inbox::draw(frame, body, state, theme),
        Some(Layer::Mine(w)) => mine::draw(frame, body, state, w, theme),
        None if state.reading_first() => loading(frame, body, state, theme),
        None => match state.view {
            View::Activity => activity::draw(frame, body, state, theme),
            View::Dashboard => dashboard::draw(frame, body, state, theme),
            View::Programs => programs::draw(frame, body, state, theme),
            View::Tasks => tasks::draw(frame, body, state, &state.tasks, theme),
            View::Agencies => agencies::draw(frame, body, state, theme),
            View::Ranking => ranking::draw(frame, body, state, theme),
            View::Trends => trends::draw(frame, body, state, theme),
        },
    }
    status::draw(frame, bottom, state, theme);
    search::draw_prompt(frame, bottom, state, theme);
    filter::draw(frame, body, state, theme);
    if state.help && state.form.is_none() && state.dialog.is_none() {
        help::draw(frame, body, state, theme);
    }
    if let Some(p) = &state.palette {
        palette::draw(frame, body, state, p, theme);
    }
    if let Some(f) = &state.form {
        // The form stays in sight under "Discard the changes?".
        if matches!(
            state.dialog,
            None | Some(crate::tui::state::Dialog::Discard { .. })
        ) {
            form::draw(frame, body, state, f, theme);
        }
    }
    if let Some(d) = &state.dialog {
        dialog::draw(frame, body, state, d, theme);
    }
}

/// The spinner's frames: it turns on the loop's tick while a first read runs, so it
/// says that the work goes on, not how much of it is done.
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// A view waiting for its first read: its frame and title, and "Đang đọc dữ liệu…" with
/// the spinner in the middle.
fn loading(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let title = block_title(lang.t(view_name(state.view)), area);
    frame.render_widget(block(title, theme), area);
    let spin = SPINNER[usize::from(state.spinner()) % SPINNER.len()];
    let text = format!("{spin} {}", lang.t(Msg::Reading));
    let r = Rect {
        x: area.x + 1,
        y: area.y + area.height / 2,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(&text, r.width.into()), theme.dim))
            .alignment(Alignment::Center),
        r,
    );
}

/// A dim note in the middle of an empty table.
pub fn empty_note(frame: &mut Frame<'_>, area: Rect, text: &str, theme: &Theme) {
    if area.height < 5 {
        return;
    }
    let r = Rect {
        x: area.x + 1,
        y: area.y + area.height / 2,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    frame.render_widget(
        Paragraph::new(Span::styled(fit(text, r.width.into()), theme.dim))
            .alignment(Alignment::Center),
        r,
    );
}

/// The name of a top-level view.
pub fn view_name(v: View) -> Msg {
    match v {
        View::Dashboard => Msg::ViewDashboard,
        View::Programs => Msg::ViewPrograms,
        View::Tasks => Msg::ViewTasks,
        View::Agencies => Msg::ViewAgencies,
        View::Activity => Msg::ViewActivity,
        View::Ranking => Msg::ViewRanking,
        View::Trends => Msg::ViewTrends,
    }
}

fn tabs(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let w = usize::from(area.width);
    // Roomy labels when they fit, then tighter ones, then numbers for all but the current.
    let build = |pad: &str, all_names: bool| -> Line<'static> {
        let mut spans = vec![Span::styled(format!("{pad}phoihop{pad}"), theme.title)];
        for (i, v) in View::ALL.iter().enumerate() {
            let name = if all_names || *v == state.view {
                format!(" {}", lang.t(view_name(*v)))
            } else {
                String::new()
            };
            let label = format!("{pad}{}{name}{pad}", i + 1);
            let style = if *v == state.view {
                theme.tab_active
            } else {
                theme.dim
            };
            spans.push(Span::raw(" "));
            spans.push(Span::styled(label, style));
        }
        spans.push(Span::raw(" "));
        Line::from(spans)
    };
    let right = format!("{} {} ", lang.t(Msg::AsOf), lang.date(state.as_of));
    let right_w = super::widgets::width(&right);
    // The roomiest that leaves the as-of date in sight, else the roomiest that fits.
    let options = [build(" ", true), build("", true), build("", false)];
    let left = options
        .iter()
        .find(|l| l.width() + right_w < w)
        .or_else(|| options.iter().find(|l| l.width() <= w))
        .cloned()
        .unwrap_or_else(|| build("", false));
    let left_w = left.width();
    frame.render_widget(Paragraph::new(left), area);
    if left_w + right_w < w {
        frame.render_widget(
            Paragraph::new(Span::styled(right, theme.dim)).alignment(Alignment::Right),
            area,
        );
    }
}

fn too_small(frame: &mut Frame<'_>, area: Rect, lang: Lang, theme: &Theme) {
    let need = format!("{MIN_WIDTH}×{MIN_HEIGHT}");
    let lines = vec![
        Line::from(Span::styled(
            fit(lang.t(Msg::TooSmall), area.width.into()),
            theme.error,
        )),
        Line::from(fit(
            &fill(lang.t(Msg::TooSmallNeed), &need),
            area.width.into(),
        )),
        Line::from(fit(
            &format!("{}×{}", area.width, area.height),
            area.width.into(),
        )),
    ];
    let y = area.y + area.height.saturating_sub(3) / 2;
    let r = Rect {
        y,
        height: area.height.min(3).min(area.bottom() - y),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).alignment(Alignment::Center), r);
}

/// The heading of a list table (agencies, programs): which view, where the cursor is, the
/// search suffix and what the rows are sorted by.
pub struct ListHeading<'a> {
    pub view: View,
    pub cursor: &'a super::state::cursor::Cursor,
    pub len: usize,
    pub suffix: String,
    pub sorted_by: String,
}

/// Draws a list table with its heading: "Name · 3/27 · /query · Sorted by: Code ▲".
pub fn draw_list(
    frame: &mut Frame<'_>,
    area: Rect,
    theme: &Theme,
    lang: Lang,
    heading: ListHeading<'_>,
    columns: Vec<super::widgets::Column>,
    rows: Vec<Vec<super::widgets::CellData>>,
) {
    let position = if heading.len == 0 {
        0
    } else {
        heading.cursor.selected + 1
    };
    let title = format!(
        "{} · {position}/{}{} · {}: {}",
        lang.t(view_name(heading.view)),
        heading.len,
        heading.suffix,
        lang.t(Msg::SortedBy),
        heading.sorted_by
    );
    frame.render_widget(
        super::widgets::DataTable {
            columns,
            rows,
            selected: (heading.len > 0).then(|| heading.cursor.selected - heading.cursor.top),
            block: Some(block(block_title(&title, area), theme)),
            theme,
        },
        area,
    );
}

/// A bordered block with a title, in the theme.
pub fn block<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

/// A block's title fitted to an area's width (borders and padding taken off).
pub fn block_title(s: &str, area: Rect) -> String {
    fit(s, usize::from(area.width.saturating_sub(4)))
}

/// A paragraph that wraps (for long stored text), escaped.
pub fn wrapped(lines: Vec<Line<'static>>) -> Paragraph<'static> {
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// The name (or title) and the code cells of a programs or agencies row with the
/// characters `query` matched marked (the search matched `code name`).
pub fn name_marked(
    name: &str,
    code: &str,
    query: &str,
) -> (super::widgets::CellData, super::widgets::CellData) {
    use unicode_normalization::UnicodeNormalization;
    let len = code.nfc().count();
    let marks = crate::search::highlight(&format!("{code} {name}"), query);
    let in_code = marks.iter().copied().filter(|&p| p < len).collect();
    let in_name = marks
        .iter()
        .filter_map(|&p| p.checked_sub(len + 1))
        .collect();
    (
        super::widgets::CellData::Marked(name.to_string(), in_name),
        super::widgets::CellData::Marked(code.to_string(), in_code),
    )
}
