//! The programs table.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::name_marked;
use crate::domain::ProgramKind;
use crate::tui::action::View;
use crate::tui::i18n::{Lang, Msg};
use crate::tui::state::columns::ProgramCol;
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{CellData, Column};

pub fn kind_name(lang: Lang, k: ProgramKind) -> &'static str {
    lang.t(match k {
        ProgramKind::Coordination => Msg::KindCoordination,
        ProgramKind::Building => Msg::KindBuilding,
        ProgramKind::Action => Msg::KindAction,
    })
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let t = &state.programs;
    let sorted = ProgramCol::ALL[t.sort.column % ProgramCol::ALL.len()];
    // While a search narrows the table, the rows come best first: no column is marked.
    let searching = state
        .find
        .programs
        .as_ref()
        .is_some_and(|s| !s.query.trim().is_empty());
    let col = |c: ProgramCol, w: u16| {
        Column::new(lang.t(c.msg()), w)
            .sorted((c == sorted && !searching).then_some(t.sort.descending))
    };
    let columns = vec![
        col(ProgramCol::Code, 18),
        col(ProgramCol::Title, 20).flex(),
        col(ProgramCol::Kind, 12).priority(4),
        col(ProgramCol::Period, 23).priority(3),
        col(ProgramCol::Tasks, 9).right(),
        col(ProgramCol::Overdue, 8).right().priority(2),
        col(ProgramCol::Progress, 11).priority(1),
        col(ProgramCol::NextReview, 12).priority(5),
    ];
    let page = state.page();
    let query = state
        .find
        .programs
        .as_ref()
        .map(|s| s.query.as_str())
        .filter(|q| !q.trim().is_empty());
    let rows = t
        .visible(page)
        .iter()
        .map(|r| {
            let p = &r.program;
            vec![
                match query {
                    Some(q) => name_marked(&p.title, &p.code, q).1,
                    None => CellData::text(p.code.clone()),
                },
                match query {
                    Some(q) => name_marked(&p.title, &p.code, q).0,
                    None => CellData::text(p.title.clone()),
                },
                CellData::text(kind_name(lang, p.kind)),
                CellData::text(format!(
                    "{}–{}",
                    lang.date(p.starts_on),
                    lang.date(p.ends_on)
                )),
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
                CellData::text(
                    r.next_review
                        .map(|d| lang.date(d))
                        .unwrap_or_else(|| lang.t(Msg::None_).to_string()),
                ),
            ]
        })
        .collect();
    let arrow = if t.sort.descending { "▼" } else { "▲" };
    let heading = super::ListHeading {
        view: View::Programs,
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
