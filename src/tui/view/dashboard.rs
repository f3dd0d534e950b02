//! The dashboard: title (program, as-of date, next review), totals, the category table,
//! the bar chart, the agency table and the overdue / due-soon list.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::{block, block_title};
use crate::domain::{days_late, text::escape};
use crate::store::Summary;
use crate::tui::i18n::{fill, Lang, Msg};
use crate::tui::state::trends::{TrendData, TrendPoints, TrendRows};
use crate::tui::state::{AppState, Panel};
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, BarChart, CellData, Column, DataTable};

/// Rows the category table takes with its border and header.
const CATEGORY_ROWS: u16 = 10;

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let d = &state.dashboard;
    title(frame, Rect { height: 1, ..area }, state, theme);
    let Some(summary) = &d.summary else { return };
    if d.empty {
        empty(
            frame,
            Rect {
                y: area.y + 1,
                height: area.height - 1,
                ..area
            },
            lang,
            theme,
        );
        return;
    }
    let wide = area.width >= 110 && area.height >= 34;
    // From 80×24 on, each category's mean progress at the month ends, once it is read
    // (off the key loop: the table is drawn without it until then).
    let trend = (area.width >= 80 && area.height >= 22)
        .then(|| state.trend_data(TrendPoints::Monthly))
        .flatten()
        .map(|d| category_trend(d, lang));
    let trend = trend.as_ref();
    let totals_h = 2;
    let totals_area = Rect {
        y: area.y + 1,
        height: totals_h,
        ..area
    };
    totals(frame, totals_area, summary, lang, theme);
    let rest = Rect {
        y: totals_area.bottom(),
        height: area.height.saturating_sub(1 + totals_h),
        ..area
    };
    let cat_h = CATEGORY_ROWS.min(rest.height);
    let top = Rect {
        height: cat_h,
        ..rest
    };
    let below = Rect {
        y: top.bottom(),
        height: rest.height - cat_h,
        ..rest
    };
    if wide {
        // Categories, then the chart under them, then agencies beside the attention list.
        categories(frame, top, summary, trend, lang, theme);
        let chart_h = (summary.categories.len() as u16 + 2).min(below.height.saturating_sub(8));
        chart(
            frame,
            Rect {
                height: chart_h,
                ..below
            },
            summary,
            lang,
            theme,
        );
        let below = Rect {
            y: below.y + chart_h,
            height: below.height - chart_h,
            ..below
        };
        let half = rest.width / 2;
        agencies(
            frame,
            Rect {
                width: half,
                ..below
            },
            state,
            theme,
        );
        attention(
            frame,
            Rect {
                x: below.x + half,
                width: below.width - half,
                ..below
            },
            state,
            theme,
        );
    } else {
        categories(frame, top, summary, trend, lang, theme);
        // Tall enough for both: the attention list first, then the agencies.
        if below.height >= 20 {
            let h = below.height / 2;
            attention(frame, Rect { height: h, ..below }, state, theme);
            agencies(
                frame,
                Rect {
                    y: below.y + h,
                    height: below.height - h,
                    ..below
                },
                state,
                theme,
            );
        } else if state.dashboard.focus == Panel::Agencies {
            // Room for one panel: the one the keys act on.
            agencies(frame, below, state, theme);
        } else {
            attention(frame, below, state, theme);
        }
    }
}

fn title(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let d = &state.dashboard;
    let program = match &d.program {
        Some(p) if area.width >= 110 => format!("{} — {}", p.code, p.title),
        Some(p) => p.code.clone(),
        None => lang.t(Msg::AllPrograms).to_string(),
    };
    let review = match &d.next_review {
        Some((date, _)) if d.program.is_some() => lang.date(*date),
        Some((date, code)) => format!("{} ({})", lang.date(*date), escape(code)),
        None => lang.t(Msg::NoReview).to_string(),
    };
    let filters = super::search::filter_words(state.filters(), lang, true, false);
    let filters = if filters.is_empty() {
        filters
    } else {
        format!(" · {filters}")
    };
    let tail = format!(
        " · {} {} · {}: {review}{filters}",
        lang.t(Msg::AsOf),
        lang.date(state.as_of),
        lang.t(Msg::NextReview)
    );
    let w = usize::from(area.width);
    let tail_w = crate::tui::widgets::width(&tail);
    let head = fit(&program, w.saturating_sub(tail_w + 1).max(12));
    let line = Line::from(vec![
        Span::styled(format!(" {head}"), theme.title),
        Span::raw(tail),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}

/// The totals, laid out on the lines there are: an item that does not fit on a line
/// goes to the next one, and one that fits nowhere is left out whole — a number is never
/// cut ("Tiến độ bì…").
pub(crate) fn totals(frame: &mut Frame<'_>, area: Rect, s: &Summary, lang: Lang, theme: &Theme) {
    let t = &s.totals;
    let w = usize::from(area.width);
    // The bucket names in full on a wide screen, else the table's short ones; placed
    // most important first.
    let wide = w >= 110;
    let name = |full: Msg, short: Msg| if wide { full } else { short };
    let items: Vec<(Msg, String, ratatui::style::Style)> = vec![
        (Msg::Tasks, lang.int(t.tasks), theme.title),
        (
            name(Msg::Overdue, Msg::ShortOverdue),
            lang.int(t.overdue),
            theme.overdue,
        ),
        (Msg::MeanProgress, lang.percent(t.progress), theme.title),
        (
            name(Msg::DoneOnTime, Msg::ShortOnTime),
            lang.int(t.done_on_time),
            theme.ok,
        ),
        (
            name(Msg::DoneLate, Msg::ShortLate),
            lang.int(t.done_late),
            theme.soon,
        ),
        (
            name(Msg::InTime, Msg::ShortInTime),
            lang.int(t.in_time),
            theme.title,
        ),
        (Msg::DueSoon, lang.int(s.due_soon), theme.soon),
    ];
    let rows = usize::from(area.height.max(1));
    let mut lines: Vec<(Vec<Span<'static>>, usize)> = vec![(Vec::new(), 0)];
    for (label, value, style) in items {
        let text = format!(" {} ", lang.t(label));
        let piece = crate::tui::widgets::width(&text) + crate::tui::widgets::width(&value) + 2;
        let spans = vec![
            Span::raw(text),
            Span::styled(value, style),
            Span::styled(" │", theme.dim),
        ];
        // The first line that has room, in order; else left out.
        if let Some(line) = lines.iter_mut().find(|(_, used)| used + piece <= w) {
            line.0.extend(spans);
            line.1 += piece;
        } else if lines.len() < rows && piece <= w {
            lines.push((spans, piece));
        }
    }
    let lines: Vec<Line<'static>> = lines.into_iter().map(|(s, _)| Line::from(s)).collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Each category's mean progress at each month end, by category code.
type CategoryTrend = Vec<(String, Vec<Option<f64>>)>;

/// Each category's mean progress at the points of `d`, by category code.
fn category_trend(d: &TrendData, lang: Lang) -> CategoryTrend {
    d.rows(TrendRows::Categories, lang.code(), "")
        .into_iter()
        .map(|r| (r.code.clone(), r.progress()))
        .collect()
}

/// The category table; with `trend`, a sparkline of each category's mean progress.
pub(crate) fn categories(
    frame: &mut Frame<'_>,
    area: Rect,
    s: &Summary,
    trend: Option<&CategoryTrend>,
    lang: Lang,
    theme: &Theme,
) {
    let mut columns = vec![
        Column::new(lang.t(Msg::Category), 14).flex(),
        Column::new(lang.t(Msg::Tasks), 8).right(),
        Column::new(lang.t(Msg::ShortOnTime), 8).right().priority(2),
        Column::new(lang.t(Msg::ShortLate), 10).right().priority(3),
        Column::new(lang.t(Msg::ShortInTime), 9).right().priority(2),
        Column::new(lang.t(Msg::ShortOverdue), 7).right(),
        Column::new(lang.t(Msg::Progress), 12).priority(1),
    ];
    if trend.is_some() {
        columns.push(Column::new(lang.t(Msg::TrendChart), 10).priority(2));
    }
    let rows = s
        .categories
        .iter()
        .map(|c| {
            let n = &c.counts;
            let spark = trend.map(|t| {
                CellData::Spark(
                    t.iter()
                        .find(|(code, _)| *code == c.category.code)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_default(),
                )
            });
            let mut row = vec![
                CellData::text(c.category.name(lang.code())),
                CellData::text(lang.int(n.tasks)),
                CellData::text(lang.int(n.done_on_time)),
                CellData::text(lang.int(n.done_late)),
                CellData::text(lang.int(n.in_time)),
                CellData::styled(
                    lang.int(n.overdue),
                    if n.overdue > 0 {
                        theme.overdue
                    } else {
                        theme.dim
                    },
                ),
                CellData::Bar(n.progress),
            ];
            row.extend(spark);
            row
        })
        .collect();
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: None,
            block: Some(block(
                block_title(lang.t(Msg::CategoriesTitle), area),
                theme,
            )),
            theme,
        },
        area,
    );
}

fn chart(frame: &mut Frame<'_>, area: Rect, s: &Summary, lang: Lang, theme: &Theme) {
    let b = block(block_title(lang.t(Msg::ChartTitle), area), theme);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let bars = s
        .categories
        .iter()
        .map(|c| {
            let name = c.category.name(lang.code());
            // "Công tác tư tưởng" → "tư tưởng": the common prefix says nothing in a chart.
            let short = name.strip_prefix("Công tác ").unwrap_or(name);
            (short.to_string(), c.counts.tasks.max(0) as u64)
        })
        .collect();
    frame.render_widget(BarChart { bars, theme }, inner);
}

fn agencies(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let d = &state.dashboard;
    let columns = vec![
        Column::new(lang.t(Msg::Code), 10).priority(2),
        Column::new(lang.t(Msg::Name), 14).flex(),
        Column::new(lang.t(Msg::Tasks), 8).right(),
        Column::new(lang.t(Msg::ShortOverdue), 7)
            .right()
            .priority(1),
        Column::new(lang.t(Msg::Progress), 12),
    ];
    let list = d.agencies();
    let page = usize::from(area.height.saturating_sub(3)).max(1);
    let mut cursor = d.agency_cursor;
    cursor.follow(list.len(), page);
    let focused = d.focus == Panel::Agencies;
    let rows = list
        .iter()
        .skip(if focused { cursor.top } else { 0 })
        .take(page)
        .map(|a| {
            vec![
                CellData::text(a.code.clone()),
                CellData::text(a.name.clone()),
                CellData::text(lang.int(a.counts.tasks)),
                CellData::styled(
                    lang.int(a.counts.overdue),
                    if a.counts.overdue > 0 {
                        theme.overdue
                    } else {
                        theme.dim
                    },
                ),
                CellData::Bar(a.counts.progress),
            ]
        })
        .collect();
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (focused && !list.is_empty()).then(|| cursor.selected - cursor.top),
            block: Some(block(block_title(lang.t(Msg::AgenciesTitle), area), theme)),
            theme,
        },
        area,
    );
}

pub(crate) fn attention(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let d = &state.dashboard;
    let title = format!(
        "{} · {}",
        lang.t(Msg::AttentionTitle),
        lang.int(i64::try_from(d.attention_total).unwrap_or(i64::MAX))
    );
    let b = block(block_title(&title, area), theme);
    if d.attention_total == 0 {
        let inner = b.inner(area);
        frame.render_widget(b, area);
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(lang.t(Msg::NothingOverdue), usize::from(inner.width)),
                theme.dim,
            )),
            inner,
        );
        return;
    }
    let page = usize::from(area.height.saturating_sub(3)).max(1);
    let mut cursor = d.cursor;
    cursor.follow(d.attention_total, page);
    // "quá hạn 2.345 ngày" is wider than "trễ 40 ngày": the column fits what it shows
    // on this page, so a number is never cut.
    let when_w = d
        .attention_rows(cursor.top, page)
        .map(|t| {
            let late = days_late(t.deadline, state.as_of);
            let text = if late > 0 {
                fill(lang.t(Msg::DaysLate), lang.int(late))
            } else {
                let left = t.deadline.map_or(0, |dl| (dl - state.as_of).num_days());
                fill(lang.t(Msg::DaysLeft), lang.int(left))
            };
            crate::tui::widgets::width(&text)
        })
        .max()
        .unwrap_or(14)
        .clamp(10, 24);
    let columns = vec![
        Column::new(lang.t(Msg::Deadline), 10),
        Column::new("", u16::try_from(when_w).unwrap_or(14)),
        Column::new(lang.t(Msg::Lead), 10).priority(1),
        Column::new(lang.t(Msg::Title), 16).flex(),
    ];
    let rows = d
        .attention_rows(cursor.top, page)
        .map(|t| {
            let late = days_late(t.deadline, state.as_of);
            let (when, style) = if late > 0 {
                (fill(lang.t(Msg::DaysLate), lang.int(late)), theme.overdue)
            } else {
                let left = t.deadline.map_or(0, |dl| (dl - state.as_of).num_days());
                (fill(lang.t(Msg::DaysLeft), lang.int(left)), theme.soon)
            };
            vec![
                CellData::text(t.deadline.map(|d| lang.date(d)).unwrap_or_default()),
                CellData::styled(when, style),
                CellData::text(t.lead.clone()),
                CellData::text(t.title.clone()),
            ]
        })
        .collect();
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (d.focus == Panel::Attention).then(|| cursor.selected - cursor.top),
            block: Some(b),
            theme,
        },
        area,
    );
}

fn empty(frame: &mut Frame<'_>, area: Rect, lang: Lang, theme: &Theme) {
    let w = usize::from(area.width.saturating_sub(4));
    let lines = vec![
        Line::default(),
        Line::from(Span::styled(fit(lang.t(Msg::EmptyTitle), w), theme.title)),
        Line::default(),
        Line::from(fit(lang.t(Msg::EmptyDemo), w)),
        Line::from(fit(lang.t(Msg::EmptyImport), w)),
    ];
    frame.render_widget(
        Paragraph::new(lines).block(block(lang.t(Msg::ViewDashboard).to_string(), theme)),
        area,
    );
}
