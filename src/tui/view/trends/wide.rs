//! The Trends view from 120 columns: the rows on the left, the ratatui `Chart` of the
//! selected row on the right, and the table of its last points under them.

use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::Span;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition};
use ratatui::Frame;

use super::{row_list, LAST_POINTS, MEASURES};
use crate::tui::i18n::Msg;
use crate::tui::state::trends::{TrendData, TrendRow, TrendRows};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::view::{block, block_title};
use crate::tui::widgets::{CellData, Column, DataTable};

/// From 120 columns: the rows, the chart of the selected one, its last points.
pub(super) fn wide(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    d: &TrendData,
    rows: &[TrendRow],
    theme: &Theme,
) {
    let table_h = u16::try_from(LAST_POINTS.min(d.points.len())).unwrap_or(5) + 3;
    let top = Rect {
        height: area.height.saturating_sub(table_h),
        ..area
    };
    let bottom = Rect {
        y: top.bottom(),
        height: area.height - top.height,
        ..area
    };
    let left_w = (area.width * 2 / 5).clamp(40, 60);
    row_list(
        frame,
        Rect {
            width: left_w,
            ..top
        },
        state,
        d,
        rows,
        false,
        theme,
    );
    let row = match state.trends.rows {
        TrendRows::Total => rows.first(),
        _ => rows.get(
            state
                .trends
                .cursor
                .selected
                .min(rows.len().saturating_sub(1)),
        ),
    };
    let Some(row) = row else { return };
    chart(
        frame,
        Rect {
            x: top.x + left_w,
            width: top.width - left_w,
            ..top
        },
        state,
        d,
        row,
        theme,
    );
    last_points(frame, bottom, state, d, row, theme);
}

/// The chart of one row: mean progress and the buckets' shares, the review dates.
fn chart(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    d: &TrendData,
    row: &TrendRow,
    theme: &Theme,
) {
    let lang = state.lang;
    let first = d.points[0];
    let x_of = |day: chrono::NaiveDate| (day - first).num_days() as f64;
    let last_x = x_of(d.points[d.points.len() - 1]).max(1.0);
    let series: Vec<Vec<(f64, f64)>> = MEASURES
        .iter()
        .map(|m| {
            d.points
                .iter()
                .zip(&row.values)
                .filter_map(|(p, c)| c.filter(|c| c.tasks > 0).map(|c| (x_of(*p), (m.value)(&c))))
                .collect()
        })
        .collect();
    let marks: Vec<[(f64, f64); 2]> = d
        .reviews
        .iter()
        .map(|r| [(x_of(*r), 0.0), (x_of(*r), 100.0)])
        .collect();
    let mut datasets: Vec<Dataset<'_>> = MEASURES
        .iter()
        .zip(&series)
        .map(|(m, data)| {
            Dataset::default()
                .name(lang.t(m.name))
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style((m.style)(theme))
                .data(data)
        })
        .collect();
    for (i, m) in marks.iter().enumerate() {
        let mut ds = Dataset::default()
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.dim)
            .data(m);
        if i == 0 {
            ds = ds.name(lang.t(Msg::TrendReviewMark));
        }
        datasets.push(ds);
    }
    let mid = first + chrono::Duration::days((last_x / 2.0) as i64);
    let labels = vec![
        Span::raw(lang.date(first)),
        Span::raw(lang.date(mid)),
        Span::raw(lang.date(d.points[d.points.len() - 1])),
    ];
    let title = format!("{} · {}", row.name, lang.t(Msg::TrendShare));
    let c = Chart::new(datasets)
        .block(block(block_title(&title, area), theme))
        .x_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, last_x])
                .labels(labels),
        )
        .y_axis(
            Axis::default()
                .style(theme.dim)
                .bounds([0.0, 100.0])
                .labels(vec![Span::raw("0"), Span::raw("50"), Span::raw("100")]),
        )
        .legend_position(Some(LegendPosition::TopLeft))
        .hidden_legend_constraints((
            ratatui::layout::Constraint::Percentage(60),
            ratatui::layout::Constraint::Percentage(70),
        ));
    frame.render_widget(c, area);
}

/// The last points of one row, oldest first: its counts and mean progress, a review
/// date marked.
fn last_points(
    frame: &mut Frame<'_>,
    area: Rect,
    state: &AppState,
    d: &TrendData,
    row: &TrendRow,
    theme: &Theme,
) {
    let lang = state.lang;
    let columns = vec![
        Column::new(lang.t(Msg::TrendDate), 12),
        Column::new(lang.t(Msg::Tasks), 9).right(),
        Column::new(lang.t(Msg::MeanProgress), 18).right(),
        Column::new(lang.t(Msg::ShortOnTime), 9).right(),
        Column::new(lang.t(Msg::ShortLate), 10).right(),
        Column::new(lang.t(Msg::ShortOverdue), 9).right(),
        Column::new(lang.t(Msg::ShortInTime), 10).right(),
        Column::new("", 1).flex(),
    ];
    let from = d.points.len().saturating_sub(LAST_POINTS);
    let cells = d.points[from..]
        .iter()
        .zip(&row.values[from..])
        .map(|(p, c)| {
            let c = c.unwrap_or_default();
            let mark = if d.reviews.contains(p) { " ▲" } else { "" };
            vec![
                CellData::text(format!("{}{mark}", lang.date(*p))),
                CellData::text(lang.int(c.tasks)),
                CellData::text(if c.tasks > 0 {
                    lang.percent(c.progress)
                } else {
                    lang.t(Msg::None_).to_string()
                }),
                CellData::text(lang.int(c.done_on_time)),
                CellData::text(lang.int(c.done_late)),
                CellData::styled(
                    lang.int(c.overdue),
                    if c.overdue > 0 {
                        theme.overdue
                    } else {
                        theme.dim
                    },
                ),
                CellData::text(lang.int(c.in_time)),
                CellData::text(""),
            ]
        })
        .collect();
    let mut title = format!("{} · {}", lang.t(Msg::TrendPointsTitle), row.name);
    if !d.reviews.is_empty() {
        title.push_str(&format!(" · {}", lang.t(Msg::TrendMarks)));
    }
    frame.render_widget(
        DataTable {
            columns,
            rows: cells,
            selected: None,
            block: Some(block(block_title(&title, area), theme)),
            theme,
        },
        area,
    );
}
