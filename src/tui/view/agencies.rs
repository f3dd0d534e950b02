//! The agencies table (numbers are of the tasks each agency leads).

use ratatui::layout::Rect;
use ratatui::Frame;

use super::name_marked;
use crate::domain::AgencyKind;
use crate::tui::action::View;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::state::columns::AgencyCol;
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{CellData, Column};

pub fn kind_name(lang: Lang, k: AgencyKind) -> &'static str {
    lang.t(match k {
        AgencyKind::Party => Msg::KindParty,
        AgencyKind::Government => Msg::KindGovernment,
        AgencyKind::Front => Msg::KindFront,
    })
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let t = &state.agencies;
    let sorted = AgencyCol::ALL[t.sort.column % AgencyCol::ALL.len()];
    // While a search narrows the table, the rows come best first: no column is marked.
    let searching = state
        .find
        .agencies
        .as_ref()
        .is_some_and(|s| !s.query.trim().is_empty());
    let col = |c: AgencyCol, w: u16| {
        Column::new(lang.t(c.msg()), w)
            .sorted((c == sorted && !searching).then_some(t.sort.descending))
    };
    let columns = vec![
        col(AgencyCol::Order, 6).right().priority(4),
        col(AgencyCol::Code, 12),
        col(AgencyCol::Name, 24).flex(),
        col(AgencyCol::Kind, 15).priority(2),
        col(AgencyCol::Tasks, 9).right(),
        col(AgencyCol::Overdue, 8).right().priority(1),
        col(AgencyCol::Progress, 12).priority(3),
    ];
    let page = state.page();
    let query = state
        .find
        .agencies
        .as_ref()
        .map(|s| s.query.as_str())
        .filter(|q| !q.trim().is_empty());
    let rows = t
        .visible(page)
        .iter()
        .map(|r| {
            let a = &r.agency;
            vec![
                CellData::styled(lang.int(r.order as i64 + 1), theme.dim),
                match query {
                    Some(q) => name_marked(&a.name, &a.code, q).1,
                    None => CellData::text(a.code.clone()),
                },
                match query {
                    Some(q) => name_marked(&a.name, &a.code, q).0,
                    None => CellData::text(a.name.clone()),
                },
                CellData::text(kind_name(lang, a.kind)),
                CellData::text(lang.int(r.counts.tasks)),
                CellData::styled(
                    lang.int(r.counts.overdue),
                    if r.counts.overdue > 0 {
                        theme.overdue
                    } else {
                        theme.dim
                    },
                ),
                CellData::Bar(r.counts.progress),
            ]
        })
        .collect();
    let arrow = if t.sort.descending { "▼" } else { "▲" };
    let heading = super::ListHeading {
        view: View::Agencies,
        cursor: &t.cursor,
        len: t.rows.len(),
        suffix: super::search::title_suffix(state, query, true),
        sorted_by: if searching {
            lang.t(Msg::Relevance).to_string()
        } else {
            format!("{} {arrow}", lang.t(sorted.msg()))
        },
    };
    super::draw_list(frame, area, theme, lang, heading, columns, rows);
}
