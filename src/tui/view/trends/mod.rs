//! The Trends view (issue 16, item 1): mean progress and the four deadline buckets at
//! each point (month ends or review dates) up to the as-of date.
//!
//! From 120 columns on: the rows on the left (each with its sparkline and latest value),
//! one ratatui `Chart` of the selected row on the right — mean progress and the share of
//! tasks in each bucket, in percent, with a legend and the review dates as vertical
//! lines — and a compact table of its last points below. Narrower: a sparkline a row,
//! the review dates marked under them. Drawn from the series in memory only; until it is
//! read (off the key loop) a loading line.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

mod wide;

use super::{block, block_title, view_name};
use crate::store::Counts;
use crate::tui::action::{Action, View};
use crate::tui::i18n::{fill, Lang, Msg};
use crate::tui::keymap::Mode;
use crate::tui::state::trends::{TrendData, TrendPoints, TrendRow, TrendRows};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::data_table::layout_columns;
use crate::tui::widgets::data_table::SELECTED_SYMBOL;
use crate::tui::widgets::{fit, width, CellData, Column, DataTable};

/// The columns the selection mark takes in a table.
fn selected_w() -> u16 {
    u16::try_from(SELECTED_SYMBOL.chars().count()).unwrap_or(2)
}

/// The chart and the table of last points from this width on.
pub const WIDE: u16 = 120;
/// How many of the last points the table under the chart lists.
const LAST_POINTS: usize = 5;

/// A percentage of `n` in `of` (0 when `of` is 0).
fn share(n: i64, of: i64) -> f64 {
    if of > 0 {
        n as f64 * 100.0 / of as f64
    } else {
        0.0
    }
}

/// One measure of the total: its name, its value at each point on the 0–100 scale, and
/// its latest value as text.
struct Measure {
    name: Msg,
    short: Msg,
    style: fn(&Theme) -> Style,
    value: fn(&Counts) -> f64,
    text: fn(&Counts, Lang) -> String,
}

/// Mean progress, then the four buckets as shares of the tasks, in the product's names.
const MEASURES: [Measure; 5] = [
    Measure {
        name: Msg::MeanProgress,
        short: Msg::MeanProgress,
        style: |t| t.title,
        value: |c| c.progress,
        text: |c, l| l.percent(c.progress),
    },
    Measure {
        name: Msg::DoneOnTime,
        short: Msg::ShortOnTime,
        style: |t| t.ok,
        value: |c| share(c.done_on_time, c.tasks),
        text: |c, l| l.int(c.done_on_time),
    },
    Measure {
        name: Msg::DoneLate,
        short: Msg::ShortLate,
        style: |t| t.soon,
        value: |c| share(c.done_late, c.tasks),
        text: |c, l| l.int(c.done_late),
    },
    Measure {
        name: Msg::Overdue,
        short: Msg::ShortOverdue,
        style: |t| t.overdue,
        value: |c| share(c.overdue, c.tasks),
        text: |c, l| l.int(c.overdue),
    },
    Measure {
        name: Msg::InTime,
        short: Msg::ShortInTime,
        style: |t| t.bar,
        value: |c| share(c.in_time, c.tasks),
        text: |c, l| l.int(c.in_time),
    },
];

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let t = &state.trends;
    title(frame, Rect { height: 1, ..area }, state, theme);
    let body = Rect {
        y: area.y + 1,
        height: area.height.saturating_sub(1),
        ..area
    };
    let Some(d) = state.trend_data(t.points) else {
        let b = block(block_title(lang.t(view_name(View::Trends)), body), theme);
        let inner = b.inner(body);
        frame.render_widget(b, body);
        frame.render_widget(
            Paragraph::new(Span::styled(
                fit(lang.t(Msg::TrendLoading), usize::from(inner.width)),
                theme.dim,
            )),
            inner,
        );
        return;
    };
    let rows = state.trend_rows();
    if d.points.is_empty() || rows.is_empty() {
        let b = block(block_title(lang.t(view_name(View::Trends)), body), theme);
        frame.render_widget(b, body);
        super::empty_note(frame, body, lang.t(Msg::TrendNoPoints), theme);
        return;
    }
    if area.width >= WIDE && body.height >= 20 {
        wide::wide(frame, body, state, d, rows, theme);
    } else {
        let list = Rect {
            height: body.height,
            ..body
        };
        row_list(frame, list, state, d, rows, true, theme);
    }
}

/// "Diễn biến · XDHTCT-2015-2020 · Theo lĩnh vực · Mốc: cuối mỗi tháng", fitted.
fn title(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let t = &state.trends;
    let scope = match &state.scope.program {
        Some(code) => crate::domain::text::escape(code).into_owned(),
        None => lang.t(Msg::AllPrograms).to_string(),
    };
    let rows = lang.t(match t.rows {
        TrendRows::Total => Msg::TrendTotal,
        TrendRows::Categories => Msg::TrendByCategory,
        TrendRows::Agencies => Msg::TrendByAgency,
    });
    let points = lang.t(match t.points {
        TrendPoints::Monthly => Msg::TrendMonthly,
        TrendPoints::Reviews => Msg::TrendReviews,
    });
    let filters = super::search::filter_words(state.filters(), lang, true, false);
    let mut text = format!(
        " {} · {scope} · {rows} · {}",
        lang.t(view_name(View::Trends)),
        fill(lang.t(Msg::TrendEvery), points)
    );
    if !filters.is_empty() {
        text.push_str(&format!(" · {filters}"));
    }
    if state.trend_data(t.points).is_some() && t.loading(t.points) {
        text.push_str(&format!(" · {}", lang.t(Msg::TrendRefreshing)));
    }
    frame.render_widget(
        Paragraph::new(Span::styled(
            fit(&text, usize::from(area.width)),
            theme.title,
        )),
        area,
    );
}

/// The keys only the Trends view has, with their hint words, from the keymap.
fn trend_keys() -> Vec<(String, Msg)> {
    crate::tui::keymap::bindings_for(Mode::Trends)
        .filter(|b| matches!(b.action, Action::TrendRows | Action::TrendPoints))
        .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
        .collect()
}

/// A line of the list: name, values on 0–100, the latest value as text, and the
/// counts at the last point (rows only).
type Line = (String, Vec<Option<f64>>, String, Option<Counts>);

/// The lines of the list: for the total, one a measure; else one a row (its mean
/// progress). `full`: the buckets' and categories' full names, else their short ones.
fn lines(rows: &[TrendRow], by: TrendRows, lang: Lang, full: bool) -> Vec<Line> {
    if by == TrendRows::Total {
        let Some(total) = rows.first() else {
            return Vec::new();
        };
        return MEASURES
            .iter()
            .map(|m| {
                let values = total
                    .values
                    .iter()
                    .map(|c| c.filter(|c| c.tasks > 0).map(|c| (m.value)(&c)))
                    .collect();
                let latest = total
                    .latest()
                    .map(|c| (m.text)(&c, lang))
                    .unwrap_or_default();
                let name = lang.t(if full { m.name } else { m.short }).to_string();
                (name, values, latest, None)
            })
            .collect();
    }
    rows.iter()
        .map(|r| {
            let latest = r
                .latest()
                .filter(|c| c.tasks > 0)
                .map(|c| lang.percent(c.progress))
                .unwrap_or_else(|| lang.t(Msg::None_).to_string());
            let name = match by {
                TrendRows::Categories if !full => lang
                    .category_short(&r.code)
                    .map_or_else(|| r.name.clone(), str::to_string),
                _ => r.name.clone(),
            };
            (name, r.progress(), latest, r.latest())
        })
        .collect()
}

/// The rows with their sparklines, in a bordered table; `marks`: the review dates
/// marked under the sparklines, and the span of the points in the bottom border.
fn row_list(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    d: &TrendData,
    rows: &[TrendRow],
    marks: bool,
    theme: &Theme,
) {
    let lang = state.lang;
    let t = &state.trends;
    let by = t.rows;
    let inner_w = area.width.saturating_sub(2 + selected_w());
    let extra: u16 = if by == TrendRows::Total { 0 } else { 8 };
    let latest_w: u16 = 10;
    // The names take what they need up to a third of the width (at least 14), the
    // sparkline the rest, one column a point at most.
    let cap = (inner_w / 3).max(14);
    let mut list = lines(rows, by, lang, true);
    let longest = |l: &[Line]| {
        l.iter()
            .map(|x| u16::try_from(width(&x.0)).unwrap_or(u16::MAX))
            .max()
            .unwrap_or(0)
    };
    if longest(&list) > cap {
        // The short names (of the buckets, of the categories) before a cut one.
        list = lines(rows, by, lang, false);
    }
    let name_w = longest(&list).clamp(14, cap);
    let room = inner_w.saturating_sub(name_w + latest_w + extra + 3);
    let n = u16::try_from(d.points.len()).unwrap_or(u16::MAX);
    let spark_w = room.min(n).max(room.min(8));
    let name_head = match by {
        TrendRows::Total => Msg::TrendRow,
        TrendRows::Categories => Msg::Category,
        TrendRows::Agencies => Msg::RankAgency,
    };
    // The latest value is as of the session's date: the date heads its column.
    let latest_head = d.points.last().map(|p| lang.date(*p)).unwrap_or_default();
    let mut columns = vec![
        Column::new(lang.t(name_head), name_w).flex(),
        Column::new(lang.t(Msg::TrendChart), spark_w),
        Column::new(latest_head, latest_w).right(),
    ];
    if by != TrendRows::Total {
        columns.push(
            Column::new(lang.t(Msg::ShortOverdue), 7)
                .right()
                .priority(1),
        );
    }
    // Header, border and the marks line.
    let chrome = 3 + u16::from(marks);
    let page = usize::from(area.height.saturating_sub(chrome)).max(1);
    let selectable = by != TrendRows::Total;
    let mut cursor = t.cursor;
    cursor.follow(list.len(), page);
    let cells = list
        .iter()
        .skip(cursor.top)
        .take(page)
        .map(|(name, values, latest, counts)| {
            let mut row = vec![
                CellData::text(name.clone()),
                CellData::Spark(values.clone()),
                CellData::text(latest.clone()),
            ];
            if let Some(c) = counts {
                row.push(CellData::styled(
                    lang.int(c.overdue),
                    if c.overdue > 0 {
                        theme.overdue
                    } else {
                        theme.dim
                    },
                ));
            } else if by != TrendRows::Total {
                row.push(CellData::text(""));
            }
            row
        })
        .collect();
    let span = match (d.points.first(), d.points.last()) {
        (Some(a), Some(b)) => format!("{} – {}", lang.date(*a), lang.date(*b)),
        _ => String::new(),
    };
    let heading = match by {
        TrendRows::Total => lang.t(Msg::TrendTotal),
        TrendRows::Categories => lang.t(Msg::TrendByCategory),
        TrendRows::Agencies => lang.t(Msg::TrendByAgency),
    };
    let mut b = block(block_title(heading, area), theme);
    if marks {
        let mut note = if d.reviews.is_empty() {
            span
        } else {
            format!("{span} · {}", lang.t(Msg::TrendMarks))
        };
        // The view's own keys, from the keymap (the hint bar may have no room for
        // them); the wallboard takes none of them.
        let keys = if state.wall.is_none() {
            trend_keys()
        } else {
            Vec::new()
        };
        for (key, word) in keys {
            note.push_str(&format!(" · {key} {}", lang.t(word)));
        }
        b = b.title_bottom(Span::styled(
            format!(
                " {} ",
                fit(&note, usize::from(area.width.saturating_sub(4)))
            ),
            theme.dim,
        ));
    }
    let inner = b.inner(area);
    frame.render_widget(
        DataTable {
            columns: columns.clone(),
            rows: cells,
            selected: (selectable && !list.is_empty()).then(|| cursor.selected - cursor.top),
            block: Some(b),
            theme,
        },
        area,
    );
    if !marks || d.reviews.is_empty() || inner.height < 3 {
        return;
    }
    // Under the sparklines: ▲ in each column whose point closes a span holding a review.
    let laid = layout_columns(&columns, inner.width.saturating_sub(selected_w()));
    let mut x = inner.x + selected_w();
    let mut spark = None;
    for (i, w) in laid {
        if i == 1 {
            spark = Some((x, w));
        }
        x += w + 1;
    }
    let Some((x, w)) = spark else { return };
    let cols = crate::tui::widgets::spark::columns(d.points.len(), usize::from(w));
    let mut line = String::new();
    let mut prev: Option<chrono::NaiveDate> = None;
    for &p in &cols {
        let end = d.points[p];
        let hit = d
            .reviews
            .iter()
            .any(|r| *r <= end && prev.is_none_or(|s| *r > s));
        line.push(if hit { '▲' } else { ' ' });
        prev = Some(end);
    }
    let y = inner.y + inner.height - 1;
    frame.render_widget(
        Paragraph::new(Span::styled(line, theme.dim)),
        Rect {
            x,
            y,
            width: w.min(inner.right().saturating_sub(x)),
            height: 1,
        },
    );
}
