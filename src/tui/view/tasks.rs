//! A task table (all tasks, or a drill-down from a program or an agency).

use ratatui::layout::Rect;
use ratatui::Frame;

use super::{block, block_title};
use crate::domain::{bucket, Bucket};
use crate::search;
use crate::tui::i18n::{fill, Msg};
use crate::tui::state::columns::TaskCol;
use crate::tui::state::{AppState, TaskList, TaskListKind};
use crate::tui::theme::Theme;
use crate::tui::widgets::{CellData, Column, DataTable};

/// The caption of a task table: what it shows, the position, the sort.
pub fn caption(state: &AppState, t: &TaskList) -> String {
    let lang = state.lang;
    let what = match &t.kind {
        TaskListKind::All => lang.t(Msg::ViewTasks).to_string(),
        TaskListKind::LedBy(code, name) => {
            fill(lang.t(Msg::TasksLedBy), format!("{code} – {name}"))
        }
        TaskListKind::OfProgram(code) => fill(lang.t(Msg::TasksOfProgram), code),
    };
    let pos = if t.total == 0 {
        0
    } else {
        t.cursor.selected + 1
    };
    let arrow = if t.sort.descending { "▼" } else { "▲" };
    // While a search narrows the table, the matches come best first.
    let sort = match t.query() {
        Some(_) => lang.t(Msg::Relevance).to_string(),
        None => format!("{} {arrow}", lang.t(t.sort_col().msg())),
    };
    let search = super::search::title_suffix(state, t.query(), false);
    format!(
        "{what} · {}/{}{search} · {}: {sort}",
        lang.int(i64::try_from(pos).unwrap_or(i64::MAX)),
        lang.int(i64::try_from(t.total).unwrap_or(i64::MAX)),
        lang.t(Msg::SortedBy),
    )
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, t: &TaskList, theme: &Theme) {
    let lang = state.lang;
    // While a search narrows the table, the order is by relevance: no column is marked.
    let sorted = t.query().is_none().then(|| t.sort_col());
    let col = |c: TaskCol, w: u16| {
        Column::new(lang.t(c.msg()), w).sorted((Some(c) == sorted).then_some(t.sort.descending))
    };
    // The title takes what the fixed columns leave; the program column is left out when
    // the table is of one program, and categories use their short names.
    let one_program = t.filter.program.is_some();
    let operator = state.operator_agency().is_some();
    let mut columns = vec![
        col(TaskCol::Id, 5).right(),
        col(TaskCol::Title, 24).flex(),
        col(TaskCol::Program, 12).priority(if one_program { 9 } else { 4 }),
        col(TaskCol::Category, 14).priority(5),
        col(TaskCol::Lead, 8).priority(1),
        col(TaskCol::Deadline, 11),
        col(TaskCol::Status, 15).priority(3),
        col(TaskCol::Progress, 10).priority(2),
    ];
    if one_program {
        columns[2].width = 0;
    }
    if operator {
        // Operators see which tasks they may change: ✎ on those rows.
        columns.push(Column::new("✎", 1).priority(6));
    }
    let page = state.page();
    let query = t.query();
    let rows = t
        .visible(page)
        .iter()
        .map(|task| {
            let b = bucket(task.status, task.deadline, task.completed_on, state.as_of);
            let deadline = match task.deadline {
                Some(d) => lang.date(d),
                None => lang.t(Msg::Recurring).to_string(),
            };
            let deadline_style = match b {
                Bucket::Overdue => theme.overdue,
                _ => ratatui::style::Style::new(),
            };
            // Overdue is also written out (not colour alone): a mark before the date.
            let deadline = if b == Bucket::Overdue {
                format!("!{deadline}")
            } else {
                deadline
            };
            vec![
                CellData::text(task.id.to_string()),
                match query {
                    Some(q) => {
                        CellData::Marked(task.title.clone(), search::highlight(&task.title, q))
                    }
                    None => CellData::text(task.title.clone()),
                },
                CellData::text(task.program.clone()),
                CellData::text(category_name(state, &task.category)),
                CellData::text(task.lead.clone()),
                CellData::styled(deadline, deadline_style),
                CellData::text(lang.status(task.status)),
                CellData::Bar(f64::from(task.progress.get())),
                CellData::text(if state.may_write(task) { "✎" } else { "" }),
            ]
        })
        .collect();
    let selected = t
        .cursor
        .selected
        .checked_sub(t.cursor.top)
        .filter(|_| t.total > 0);
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected,
            block: Some(block(block_title(&caption(state, t), area), theme)),
            theme,
        },
        area,
    );
}

/// A category's short name in the interface language (its stored name, else its code,
/// when it is not one of the defaults).
fn category_name(state: &AppState, code: &str) -> String {
    if let Some(s) = state.lang.category_short(code) {
        return s.to_string();
    }
    state
        .dashboard
        .summary
        .as_ref()
        .and_then(|s| s.categories.iter().find(|c| c.category.code == code))
        .map(|c| c.category.name(state.lang.code()).to_string())
        .unwrap_or_else(|| code.to_string())
}
