//! An operator's home, "My agency's work": the tasks their agency leads, then those it
//! coordinates, each overdue first, then due within 14 days, then the rest
//! (`Store::agency_work`). An agency's tasks are few enough to hold.

use chrono::NaiveDate;

use super::cursor::Cursor;
use crate::domain::Task;
use crate::error::Result;
use crate::store::mine::{work_counts, WorkCounts, WorkItem};
use crate::store::Store;
use crate::tui::action::Action;

/// The home table.
#[derive(Debug, Clone)]
pub struct MyWork {
    /// The agency's code and name.
    pub agency: (String, String),
    pub rows: Vec<WorkItem>,
    pub cursor: Cursor,
    /// The past date it shows (`None`: today).
    pub past: Option<NaiveDate>,
    /// The date the urgencies are judged on.
    pub as_of: NaiveDate,
}

impl MyWork {
    /// Reads the agency's work.
    pub fn load(
        store: &Store,
        agency: (String, String),
        as_of: NaiveDate,
        past: Option<NaiveDate>,
        page: usize,
    ) -> Result<MyWork> {
        let mut w = MyWork {
            agency,
            rows: Vec::new(),
            cursor: Cursor::default(),
            past,
            as_of,
        };
        w.reload_keeping(store, page)?;
        Ok(w)
    }

    /// Reads the rows again, the cursor kept on the task it was on.
    pub fn reload_keeping(&mut self, store: &Store, page: usize) -> Result<()> {
        let keep = self.selected().map(|t| t.id);
        self.rows = store.agency_work(&self.agency.0, self.as_of, self.past)?;
        if let Some(i) = keep.and_then(|id| self.rows.iter().position(|r| r.task.id == id)) {
            self.cursor.selected = i;
        }
        self.cursor.follow(self.rows.len(), page);
        Ok(())
    }

    /// The selected task.
    pub fn selected(&self) -> Option<&Task> {
        self.rows.get(self.cursor.selected).map(|r| &r.task)
    }

    /// The selected row.
    pub fn selected_item(&self) -> Option<&WorkItem> {
        self.rows.get(self.cursor.selected)
    }

    pub fn apply_move(&mut self, action: Action, page: usize) -> bool {
        self.cursor.apply(action, self.rows.len(), page)
    }

    /// The visible rows.
    pub fn visible(&self, page: usize) -> &[WorkItem] {
        let from = self.cursor.top.min(self.rows.len());
        let to = (from + page).min(self.rows.len());
        &self.rows[from..to]
    }

    /// (led, coordinated) counts, for the title.
    pub fn counts(&self) -> (WorkCounts, WorkCounts) {
        work_counts(&self.rows)
    }

    /// Puts the cursor on task `id` when the table holds it.
    pub fn select_id(&mut self, id: i64, page: usize) -> bool {
        match self.rows.iter().position(|r| r.task.id == id) {
            Some(i) => {
                self.cursor.selected = i;
                self.cursor.follow(self.rows.len(), page);
                true
            }
            None => false,
        }
    }
}
