//! The inbox: urges sent to the operator's agency (every urge for other roles).

use ratatui::layout::Rect;
use ratatui::Frame;

use super::{block, block_title};
use crate::tui::i18n::{fill, Msg};
use crate::tui::state::AppState;
use crate::tui::theme::Theme;
use crate::tui::widgets::{CellData, Column, DataTable};

pub fn draw(frame: &mut Frame<'_>, area: Rect, state: &AppState, theme: &Theme) {
    let lang = state.lang;
    let inbox = &state.inbox;
    let columns = vec![
        Column::new(lang.t(Msg::When), 10),
        Column::new(lang.t(Msg::From), 12).priority(2),
        Column::new(lang.t(Msg::Id), 5).right(),
        Column::new(lang.t(Msg::Title), 20).flex(),
        Column::new(lang.t(Msg::Message), 20).flex(),
        Column::new(lang.t(Msg::Lead), 8).priority(1),
    ];
    let page = state.page();
    let rows = inbox
        .visible(page)
        .iter()
        .map(|i| {
            vec![
                CellData::text(lang.date(i.urge.on)),
                CellData::text(i.urge.actor.clone()),
                CellData::text(i.urge.task_id.to_string()),
                CellData::text(i.task_title.clone()),
                CellData::text(i.urge.message.clone()),
                CellData::text(i.agency.clone()),
            ]
        })
        .collect();
    let what = match &inbox.agency {
        Some(a) => fill(lang.t(Msg::InboxTitle), a),
        None => lang.t(Msg::InboxAll).to_string(),
    };
    let title = format!(
        "{what} · {}/{}",
        if inbox.items.is_empty() {
            0
        } else {
            inbox.cursor.selected + 1
        },
        inbox.items.len()
    );
    frame.render_widget(
        DataTable {
            columns,
            rows,
            selected: (!inbox.items.is_empty()).then(|| inbox.cursor.selected - inbox.cursor.top),
            block: Some(block(block_title(&title, area), theme)),
            theme,
        },
        area,
    );
    if inbox.items.is_empty() {
        super::empty_note(frame, area, lang.t(Msg::InboxEmpty), theme);
    }
}
