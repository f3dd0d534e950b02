//! The wallboard (`--wall`): one screen of the rotation, the as-of date and the last
//! change always in the top line, the few keys in the bottom one. On a terminal of at
//! least 120×40 the main figures are drawn large (tui-big-text; its 8×8 font has no
//! Vietnamese letters, so only the figures are large, their labels stay text).

use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use tui_big_text::{BigText, PixelSize};

use super::{block, dashboard, ranking, trends, view_name};
use crate::tui::i18n::{fill, Msg};
use crate::tui::keymap::hints_here;
use crate::tui::state::wall::{Wall, WallScreen};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, width};

/// Large figures from this size on.
pub const BIG: (u16, u16) = (120, 40);
/// Rows of the band of large figures.
const BAND: u16 = 7;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, w: &Wall, theme: &Theme) {
    let top = Rect { height: 1, ..area };
    let bottom = Rect {
        y: area.bottom() - 1,
        height: 1,
        ..area
    };
    let mut body = Rect {
        y: area.y + 1,
        height: area.height - 2,
        ..area
    };
    heading(frame, top, state, w, theme);
    keys(frame, bottom, state, w, theme);
    let big = area.width >= BIG.0 && area.height >= BIG.1;
    if big && !matches!(w.screen, WallScreen::Ranking | WallScreen::Trends) {
        if let Some(s) = &state.dashboard.summary {
            let t = &s.totals;
            let lang = state.lang;
            let mut figures = vec![
                (Msg::Tasks, lang.int(t.tasks), theme.title),
                (Msg::Overdue, lang.int(t.overdue), theme.overdue),
                (Msg::DoneOnTime, lang.int(t.done_on_time), theme.ok),
                (Msg::MeanProgress, lang.percent(t.progress), theme.title),
            ];
            if w.screen == WallScreen::Overdue {
                figures = vec![
                    (Msg::Overdue, lang.int(t.overdue), theme.overdue),
                    (Msg::DueSoon, lang.int(s.due_soon), theme.soon),
                ];
            }
            band(
                frame,
                Rect {
                    height: BAND,
                    ..body
                },
                state,
                &figures,
                theme,
            );
            body.y += BAND;
            body.height -= BAND;
        }
    }
    match w.screen {
        WallScreen::Dashboard => dashboard::draw(frame, body, state, theme),
        WallScreen::Ranking => ranking::draw(frame, body, state, theme),
        WallScreen::Trends => trends::draw(frame, body, state, theme),
        WallScreen::Overdue => dashboard::attention(frame, body, state, theme),
    }
}

/// "phoihop · Xếp hạng 2/3 · Đang tạm dừng · Số liệu đến 06/11/2020 · Cập nhật lần cuối
/// 14:02 06/11/2020": on a narrow screen without the app's name and with short screen
/// names, then cut from the end.
fn heading(frame: &mut Frame<'_>, area: Rect, state: &AppState, w: &Wall, theme: &Theme) {
    let lang = state.lang;
    let n = WallScreen::ALL.len();
    let at = WallScreen::ALL
        .iter()
        .position(|s| s == &w.screen)
        .unwrap_or(0)
        + 1;
    let change = |short: bool| {
        state.last_change.map_or_else(
            || lang.t(Msg::WallNoChange).to_string(),
            |t| match short {
                false => format!("{} {}", t.format("%H:%M"), lang.date(t.date())),
                true if t.date() == state.today => t.format("%H:%M").to_string(),
                true => format!("{} {}", t.format("%H:%M"), t.format("%d/%m")),
            },
        )
    };
    let build = |roomy: bool, short: bool| {
        let name = match w.screen {
            WallScreen::Overdue if roomy => lang.t(Msg::AttentionTitle),
            WallScreen::Overdue => lang.t(Msg::ShortOverdue),
            s => lang.t(view_name(s.view())),
        };
        let mut spans = Vec::new();
        if roomy {
            spans.push(Span::styled(" phoihop ", theme.title));
        }
        spans.push(Span::styled(format!(" {name} {at}/{n} "), theme.tab_active));
        if w.paused {
            spans.push(Span::styled(
                format!(" {} ", lang.t(Msg::WallPaused)),
                theme.soon,
            ));
        }
        let changed = if short {
            Msg::WallChanged
        } else {
            Msg::WallLastChange
        };
        spans.push(Span::raw(format!(
            " {} {} · {} {} ",
            lang.t(Msg::AsOf),
            lang.date(state.as_of),
            lang.t(changed),
            change(short)
        )));
        Line::from(spans)
    };
    let fits = |l: &Line<'_>| l.width() <= usize::from(area.width);
    let line = [build(true, false), build(false, false)]
        .into_iter()
        .find(fits)
        .unwrap_or_else(|| build(false, true));
    if line.width() <= usize::from(area.width) {
        frame.render_widget(Paragraph::new(line), area);
    } else {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        frame.render_widget(Paragraph::new(fit(&text, usize::from(area.width))), area);
    }
}

fn keys(frame: &mut Frame<'_>, area: Rect, state: &AppState, w: &Wall, theme: &Theme) {
    let lang = state.lang;
    let mut spans = Vec::new();
    for (key, word) in hints_here(&state.here()) {
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::raw(format!(" {} ", lang.t(word))));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
    let every = format!("{} ", fill(lang.t(Msg::WallEvery), w.every));
    if width(&every) < usize::from(area.width) / 2 {
        frame.render_widget(
            Paragraph::new(Span::styled(every, theme.dim)).alignment(Alignment::Right),
            area,
        );
    }
}

/// A row of boxes, each a label and its figure in large digits.
fn band(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    figures: &[(Msg, String, Style)],
    theme: &Theme,
) {
    let n = figures.len() as u16;
    let each = area.width / n.max(1);
    for (i, (label, value, style)) in figures.iter().enumerate() {
        let i = i as u16;
        let r = Rect {
            x: area.x + i * each,
            width: if i + 1 == n {
                area.width - i * each
            } else {
                each
            },
            ..area
        };
        let b = block(fit(state.lang.t(*label), usize::from(r.width) - 4), theme);
        let inner = b.inner(r);
        frame.render_widget(b, r);
        // 4 columns and 4 rows a character in quadrants; fewer digits than fit, or text.
        if inner.height >= 4 && width(value) * 4 <= usize::from(inner.width) {
            let big = BigText::builder()
                .pixel_size(PixelSize::Quadrant)
                .style(*style)
                .lines(vec![Line::from(value.clone())])
                .centered()
                .build();
            frame.render_widget(big, inner);
        } else {
            frame.render_widget(
                Paragraph::new(Span::styled(value.clone(), *style)).alignment(Alignment::Center),
                inner,
            );
        }
    }
}
