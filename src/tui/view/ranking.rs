//! The Ranking view (issue 16): lead agencies by on-time completion, as the report's
//! annex ranks them; a star marks the agencies with too few tasks due to be ranked with
//! the others.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::Frame;

use crate::store::ranking::MIN_DUE;
use crate::tui::action::View;
use crate::tui::i18n::{fill, Msg};
use crate::tui::state::columns::RankCol;
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, CellData, Column, DataTable};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let t = &state.ranking;
    let sorted = RankCol::ALL[t.sort.column % RankCol::ALL.len()];
    let col = |c: RankCol, w: u16| {
        Column::new(lang.t(c.msg()), w).sorted((c == sorted).then_some(t.sort.descending))
    };
    let columns = vec![
        col(RankCol::Rank, 6).right(),
        col(RankCol::Agency, 16).flex(),
        col(RankCol::Rate, 9).right(),
        col(RankCol::OnTime, 8).right().priority(3),
        col(RankCol::Late, 6).right().priority(4),
        col(RankCol::Overdue, 8).right(),
        col(RankCol::InTime, 9).right().priority(5),
        col(RankCol::Urges, 7).right().priority(1),
        col(RankCol::MeanLate, 9).right().priority(2),
    ];
    let none = || lang.t(Msg::None_).to_string();
    let dec = |x: f64| crate::report::numbers::dec(x, lang.code());
    let count =
        |n: i64, style| CellData::styled(lang.int(n), if n > 0 { style } else { theme.dim });
    let rows = t
        .visible(state.page())
        .iter()
        .map(|r| {
            let star = if r.few { "*" } else { "" };
            vec![
                CellData::text(format!("{}{star}", lang.int(r.rank as i64))),
                CellData::text(r.name.clone()),
                CellData::text(r.on_time_rate.map_or_else(none, dec)),
                count(r.counts.done_on_time, theme.ok),
                count(r.counts.done_late, ratatui::style::Style::new()),
                count(r.counts.overdue, theme.overdue),
                count(r.counts.in_time, ratatui::style::Style::new()),
                count(r.urges, ratatui::style::Style::new()),
                CellData::text(r.mean_days_late.map_or_else(none, dec)),
            ]
        })
        .collect();
    let arrow = if t.sort.descending { "▼" } else { "▲" };
    let position = if t.rows.is_empty() {
        0
    } else {
        t.cursor.selected + 1
    };
    let title = format!(
        "{} · {position}/{}{} · {}: {} {arrow}",
        lang.t(super::view_name(View::Ranking)),
        t.rows.len(),
        super::search::title_suffix(state, None, true),
        lang.t(Msg::SortedBy),
        lang.t(sorted.msg()),
    );
    let note = fill(lang.t(Msg::RankNote), MIN_DUE);
    let block = super::block(super::block_title(&title, area), theme).title_bottom(Span::styled(
        format!(
            " {} ",
            fit(&note, usize::from(area.width.saturating_sub(4)))
        ),
        theme.dim,
    ));
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (!t.rows.is_empty()).then(|| t.cursor.selected - t.cursor.top),
            block: Some(block),
            theme,
        },
        area,
    );
    if t.rows.is_empty() {
        super::empty_note(frame, area, lang.t(Msg::RankEmpty), theme);
    }
}
