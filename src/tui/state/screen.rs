//! What the screen shown is, read from the state (no change, no read of the store): the
//! acting login's rights on a task, the task the editing keys act on, the keymap mode and
//! what the hint bar and the help show.

use super::{table_rows, AppState, Dialog, Layer};
use crate::domain::{Role, Task};
use crate::tui::action::View;
use crate::tui::keymap::{Here, Mode};

impl AppState {
    /// The agency code of an operator.
    pub fn operator_agency(&self) -> Option<String> {
        match &self.who {
            Some(w) if w.role == Role::Operator => w.agency.as_ref().map(|a| a.1.clone()),
            _ => None,
        }
    }

    /// True when the acting login may change this task, judged from its lead and
    /// coordinating agencies (for marking rows; the store enforces on save).
    pub fn may_write(&self, task: &Task) -> bool {
        if self.read_only {
            return false;
        }
        match &self.who {
            None => true,
            Some(w) => match w.role {
                Role::Admin => true,
                Role::Supervisor => false,
                Role::Operator => w
                    .agency
                    .as_ref()
                    .is_some_and(|(_, a)| &task.lead == a || task.with.contains(a)),
            },
        }
    }

    /// True when the acting login is an operator whose agency coordinates this task but
    /// does not lead it: they may add a note, nothing else.
    pub fn note_only(&self, task: &Task) -> bool {
        if self.read_only {
            return false;
        }
        match &self.who {
            Some(w) if w.role == Role::Operator => w
                .agency
                .as_ref()
                .is_some_and(|(_, a)| &task.lead != a && task.with.contains(a)),
            _ => false,
        }
    }

    /// The task the editing keys would act on, as the screen shows it (no read).
    pub fn task_on_screen(&self) -> Option<&Task> {
        match self.stack.last() {
            Some(Layer::Detail(d)) => Some(&d.task),
            Some(Layer::Tasks(t)) => t.selected(),
            Some(Layer::Mine(m)) => m.selected(),
            Some(Layer::Inbox) => None,
            None => match self.view {
                View::Dashboard => self.dashboard.selected(),
                View::Tasks => self.tasks.selected(),
                _ => None,
            },
        }
    }

    /// The keymap mode for the screen on top.
    pub fn mode(&self) -> Mode {
        match (&self.dialog, &self.form) {
            (Some(Dialog::Confirm(_)), _) | (Some(Dialog::Discard { .. }), _) => Mode::Confirm,
            (Some(Dialog::Conflict(_)), _) => Mode::Conflict,
            (Some(Dialog::Busy(_)), _) => Mode::Busy,
            (None, Some(_)) => Mode::Form,
            (None, None) if self.wall.is_some() => Mode::Wall,
            (None, None) if self.export.is_some() => Mode::Export,
            (None, None) if self.palette.is_some() => Mode::Palette,
            (None, None) if self.help => Mode::Help,
            (None, None) => self.find_mode().unwrap_or_else(|| self.base_mode()),
        }
    }

    /// What decides which keys do something on the screen shown (hint bar, help).
    pub fn here(&self) -> Here {
        self.here_in(self.mode())
    }

    /// As [`AppState::here`], for the keys of `mode` (the help uses the mode under it).
    pub fn here_in(&self, mode: Mode) -> Here {
        let (sortable, filterable, records) = match self.stack.last() {
            Some(Layer::Tasks(_)) => (true, true, false),
            Some(Layer::Detail(_)) | Some(Layer::Inbox) | Some(Layer::Mine(_)) => {
                (false, false, false)
            }
            None => match self.view {
                View::Dashboard | View::Trends => (false, true, false),
                View::Tasks => (true, true, false),
                View::Programs | View::Agencies | View::Ranking => (true, true, true),
                View::Activity => (false, false, false),
            },
        };
        // The ranking sorts but has no search of its own.
        let searchable = sortable && !(self.stack.is_empty() && self.view == View::Ranking);
        let role = self.who.as_ref().map(|w| w.role);
        Here {
            mode,
            sortable,
            searchable,
            filterable,
            top_level: self.stack.is_empty(),
            records,
            may_write: !self.read_only && role != Some(Role::Supervisor),
            admin: !self.read_only && matches!(role, None | Some(Role::Admin)),
            may_urge: !self.read_only,
            multiline: self
                .form
                .as_ref()
                .and_then(|f| f.focused())
                .is_some_and(|f| f.multiline()),
            discard: matches!(self.dialog, Some(Dialog::Discard { .. })),
            note_only: self.task_on_screen().is_some_and(|t| self.note_only(t)),
            operator: self.operator_agency().is_some(),
            undo: self.can_undo() && !self.saving(),
        }
    }

    /// The mode of the screen under the help overlay.
    pub fn base_mode(&self) -> Mode {
        match self.stack.last() {
            Some(Layer::Detail(_)) => Mode::Detail,
            Some(Layer::Tasks(_)) | Some(Layer::Inbox) | Some(Layer::Mine(_)) => Mode::Table,
            None if self.reading_first() => Mode::Loading,
            None if self.view == View::Dashboard => Mode::Dashboard,
            None if self.view == View::Trends => Mode::Trends,
            None => Mode::Table,
        }
    }

    /// Table rows that fit on the screen.
    pub fn page(&self) -> usize {
        table_rows(self.size.1)
    }
}
