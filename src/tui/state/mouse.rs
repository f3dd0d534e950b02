//! The mouse: a click selects a row of the table on screen, a double click opens it, the
//! wheel moves the selection (or scrolls the help and a task's detail). Forms, dialogs
//! and the prompts ignore it: text is typed, and a yes is said with `y`.

use super::cursor::Cursor;
use super::{AppState, Layer};
use crate::error::Result;
use crate::tui::action::{Action, View};
use crate::tui::input::mouse::{Mouse, MouseKind};
use crate::tui::keymap::Mode;

/// Rows one notch of the wheel moves.
pub const WHEEL_ROWS: usize = 3;

/// The screen row of a full-screen table's first data row: the tabs, the table's top
/// border, its header.
pub const FIRST_ROW: u16 = 3;

impl AppState {
    pub(super) fn mouse(&mut self, m: Mouse) -> Result<bool> {
        let mode = self.mode();
        match m.kind {
            MouseKind::WheelUp | MouseKind::WheelDown => {
                if !matches!(
                    mode,
                    Mode::Dashboard | Mode::Table | Mode::Detail | Mode::Help | Mode::Trends
                ) {
                    return Ok(false);
                }
                let a = if m.kind == MouseKind::WheelUp {
                    Action::Up
                } else {
                    Action::Down
                };
                let mut changed = false;
                for _ in 0..WHEEL_ROWS {
                    changed |= self.apply(a.clone())?;
                }
                Ok(changed)
            }
            MouseKind::Click | MouseKind::DoubleClick => {
                if mode != Mode::Table {
                    return Ok(false);
                }
                let Some((cursor, len)) = self.table_shown() else {
                    return Ok(false);
                };
                let page = self.page();
                let Some(offset) = m.row.checked_sub(FIRST_ROW).map(usize::from) else {
                    return Ok(false);
                };
                let target = cursor.top + offset;
                if offset >= page || target >= len {
                    return Ok(false);
                }
                // The same moves as the keys, so a windowed table reads what it must.
                let mut changed = false;
                let (step, n) = if target >= cursor.selected {
                    (Action::Down, target - cursor.selected)
                } else {
                    (Action::Up, cursor.selected - target)
                };
                for _ in 0..n {
                    changed |= self.move_selection(step.clone(), page)?;
                }
                if m.kind == MouseKind::DoubleClick {
                    changed |= self.apply(Action::Open)?;
                }
                Ok(changed)
            }
        }
    }

    /// The cursor and row count of the full-screen table shown, if one is.
    fn table_shown(&self) -> Option<(Cursor, usize)> {
        Some(match self.stack.last() {
            Some(Layer::Tasks(t)) => (t.cursor, t.total),
            Some(Layer::Mine(w)) => (w.cursor, w.rows.len()),
            Some(Layer::Inbox) => (self.inbox.cursor, self.inbox.items.len()),
            Some(Layer::Detail(_)) => return None,
            None => match self.view {
                View::Tasks => (self.tasks.cursor, self.tasks.total),
                View::Programs => (self.programs.cursor, self.programs.rows.len()),
                View::Agencies => (self.agencies.cursor, self.agencies.rows.len()),
                View::Activity => (self.activity.cursor, self.activity.rows.len()),
                View::Ranking => (self.ranking.cursor, self.ranking.rows.len()),
                View::Dashboard | View::Trends => return None,
            },
        })
    }
}
