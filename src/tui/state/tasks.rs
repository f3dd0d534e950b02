//! A task table: a filter, a sort, the count of matching tasks and a window of rows
//! around what is visible. Only the window is ever read from the store.

use chrono::NaiveDate;

use super::columns::{SortState, TaskCol};
use super::cursor::Cursor;
use super::task_search::TaskSearch;
use crate::domain::Task;
use crate::error::Result;
use crate::store::{Mark, Store, TableDelta, TaskFilter, TaskSort};
use crate::tui::action::Action;

/// What a task table shows, for its caption.
#[derive(Debug, Clone, PartialEq)]
pub enum TaskListKind {
    /// Every task in the app's scope.
    All,
    /// Drill-down from an agency: tasks it leads (code, name).
    LedBy(String, String),
    /// Drill-down from a program (code).
    OfProgram(String),
}

/// A windowed task table.
#[derive(Debug, Clone)]
pub struct TaskList {
    pub kind: TaskListKind,
    pub filter: TaskFilter,
    pub sort: SortState,
    pub total: usize,
    pub cursor: Cursor,
    /// Index of `rows[0]` among all matching tasks.
    pub window_start: usize,
    pub rows: Vec<Task>,
    pub loaded: bool,
    /// The search typed with `/`, narrowing the table while its query is not blank.
    pub search: Option<TaskSearch>,
    /// The past date the table shows the tasks as of (`None`: today, the live table).
    pub past: Option<NaiveDate>,
    /// What the count was read for and the mark it was read at: a change is applied
    /// to it ([`TaskList::refresh`]).
    counted: Option<Counted>,
}

/// A count's filter, date and sort, and the mark of the snapshot it was read in.
#[derive(Debug, Clone, PartialEq)]
struct Counted {
    mark: Mark,
    filter: TaskFilter,
    past: Option<NaiveDate>,
    sort: SortState,
}

impl TaskList {
    pub fn new(kind: TaskListKind, filter: TaskFilter) -> TaskList {
        TaskList {
            kind,
            filter,
            sort: SortState::default(),
            total: 0,
            cursor: Cursor::default(),
            window_start: 0,
            rows: Vec::new(),
            loaded: false,
            search: None,
            past: None,
            counted: None,
        }
    }

    /// The sort column.
    pub fn sort_col(&self) -> TaskCol {
        TaskCol::ALL[self.sort.column % TaskCol::ALL.len()]
    }

    /// Counts the matching tasks and reads the window around the selection.
    pub fn load(&mut self, store: &Store, page: usize) -> Result<()> {
        self.load_counted(store, page, None)
    }

    /// Like [`TaskList::load`], with the count already known when the caller gives it
    /// (a drill-down from a row that shows it): counting a large program's tasks again
    /// would cost more than reading the whole window. Used only when the filter has
    /// nothing but the program and the scope of that row (see `known_total`).
    pub fn load_counted(&mut self, store: &Store, page: usize, known: Option<i64>) -> Result<()> {
        // The count and its window from one snapshot, so they cannot disagree.
        store.snapshot(|store| {
            self.counted = None;
            let mark = store.table_mark()?;
            self.total = match known.and_then(|n| usize::try_from(n).ok()) {
                Some(n) if self.search.is_none() && self.counts_like_a_summary() => n,
                _ => self.count_rows(store)?,
            };
            if self.search.is_none() {
                self.counted = Some(Counted {
                    mark,
                    filter: self.filter.clone(),
                    past: self.past,
                    sort: self.sort,
                });
            }
            self.cursor.follow(self.total, page);
            self.rows.clear();
            self.loaded = true;
            self.fetch(store, page)
        })
    }

    /// Whether the filter narrows only by what a summary's scope narrows by (program,
    /// category, agency), so that a summary's task count is this table's count.
    fn counts_like_a_summary(&self) -> bool {
        let f = &self.filter;
        f.lead.is_none()
            && f.status.is_none()
            && f.bucket.is_none()
            && !f.overdue
            && !f.due_soon
            && f.contains.is_none()
            && f.ids.is_none()
    }

    /// Reads the count and the window again, the cursor kept on the task it was on (found
    /// in the new window, else by its position in the sort order).
    pub fn reload_keeping(&mut self, store: &Store, page: usize) -> Result<()> {
        let keep = self.selected().map(|t| t.id);
        self.load(store, page)?;
        let Some(id) = keep else { return Ok(()) };
        let pos = self.position_of(store, id)?;
        if let Some(p) = pos {
            self.cursor.selected = p;
            self.cursor.follow(self.total, page);
            self.ensure_window(store, page)?;
        }
        Ok(())
    }

    /// Brings the table up to date after a change (issue 20): the count moves by the
    /// touched tasks that entered or left the filter ([`Store::table_delta`]), and the
    /// window is read again only when the count moved, a touched task is in it, or the
    /// order is not by id (a touched task may have moved). Loads in full
    /// ([`TaskList::reload_keeping`]) when the table was counted for another filter, date
    /// or sort, while a search narrows it, and when the delta cannot be read.
    pub fn refresh(&mut self, store: &Store, page: usize) -> Result<()> {
        let fits = self.loaded
            && self.search.is_none()
            && self.counted.as_ref().is_some_and(|c| {
                c.filter == self.filter && c.past == self.past && c.sort == self.sort
            });
        let Some(mark) = self.counted.as_ref().filter(|_| fits).map(|c| c.mark) else {
            return self.reload_keeping(store, page);
        };
        let keep = self.selected().map(|t| t.id);
        let by_id = self.sort_col().sort() == TaskSort::Id;
        let read = store.snapshot(|s| match s.table_delta(&self.filter, self.past, mark)? {
            TableDelta::Full => Ok(None),
            TableDelta::Unchanged(now) => Ok(Some((now, false))),
            TableDelta::Applied {
                change,
                touched,
                mark: now,
            } => {
                let shown = self.rows.iter().any(|t| touched.contains(&t.id));
                let again = change != 0 || shown || !by_id;
                if again {
                    let total = i64::try_from(self.total).unwrap_or(i64::MAX) + change;
                    self.total = usize::try_from(total.max(0)).unwrap_or(0);
                    self.cursor.follow(self.total, page);
                    self.fetch(s, page)?;
                }
                Ok(Some((now, again)))
            }
        });
        let again = match read {
            Ok(Some((now, again))) => {
                if let Some(c) = self.counted.as_mut() {
                    c.mark = now;
                }
                again
            }
            // Never numbers that may be wrong: count again.
            Ok(None) | Err(_) => return self.reload_keeping(store, page),
        };
        let Some(id) = keep.filter(|_| again) else {
            return Ok(());
        };
        if let Some(p) = self.position_of(store, id)? {
            self.cursor.selected = p;
            self.cursor.follow(self.total, page);
            self.ensure_window(store, page)?;
        }
        Ok(())
    }

    /// Reads the window again only when the visible rows are not all in it.
    pub fn ensure_window(&mut self, store: &Store, page: usize) -> Result<()> {
        let want_end = (self.cursor.top + page).min(self.total);
        let have_end = self.window_start + self.rows.len();
        if self.cursor.top >= self.window_start && want_end <= have_end {
            return Ok(());
        }
        self.fetch(store, page)
    }

    /// Reads one page above and two below the first visible row. A window past the
    /// middle is read in the opposite order from the end, so SQLite skips fewer rows.
    fn fetch(&mut self, store: &Store, page: usize) -> Result<()> {
        let start = self.cursor.top.saturating_sub(page);
        let limit = (page * 4).max(16).min(self.total.saturating_sub(start));
        self.rows = self.read_rows(store, start, limit)?;
        self.window_start = start;
        Ok(())
    }

    /// The visible rows: `page` rows from the top of the view (fewer near the end).
    pub fn visible(&self, page: usize) -> &[Task] {
        let from = self.cursor.top.saturating_sub(self.window_start);
        let from = from.min(self.rows.len());
        let to = (from + page).min(self.rows.len());
        &self.rows[from..to]
    }

    /// The selected task, when it is in the window.
    pub fn selected(&self) -> Option<&Task> {
        self.cursor
            .selected
            .checked_sub(self.window_start)
            .and_then(|i| self.rows.get(i))
    }

    /// Moves the selection and reads a new window when needed.
    pub fn apply_move(&mut self, store: &Store, action: Action, page: usize) -> Result<bool> {
        let moved = self.cursor.apply(action, self.total, page);
        if moved {
            self.ensure_window(store, page)?;
        }
        Ok(moved)
    }

    /// Applies `s` / `S`; the selection stays on the same task, at its place in the new
    /// order (`Store::task_position`), and the window around it is read.
    pub fn apply_sort(&mut self, store: &Store, action: Action, page: usize) -> Result<()> {
        let keep = self.selected().map(|t| t.id);
        match action {
            Action::SortNext => self.sort.next(TaskCol::ALL.len()),
            Action::SortReverse => self.sort.reverse(),
            _ => return Ok(()),
        }
        self.cursor = Cursor::default();
        let pos = match keep {
            // A search orders by relevance, whatever the column: the place is the same.
            Some(id) if self.query().is_some() => self.search.as_ref().and_then(|s| s.position(id)),
            Some(id) => self.sorted_position(store, id)?,
            None => None,
        };
        if let Some(p) = pos {
            self.cursor.selected = p;
            self.cursor.follow(self.total, page);
        }
        self.fetch(store, page)
    }

    /// Where task `id` stands in this table: in the window read, else among the search's
    /// matches, else in the sort order of the table's own date (as of a past date too).
    fn position_of(&self, store: &Store, id: i64) -> Result<Option<usize>> {
        if let Some(i) = self.rows.iter().position(|t| t.id == id) {
            return Ok(Some(self.window_start + i));
        }
        if self.query().is_some() {
            return Ok(self.search.as_ref().and_then(|s| s.position(id)));
        }
        self.sorted_position(store, id)
    }

    /// The 0-based place of task `id` in the table's sort order, as of the table's date.
    pub(in crate::tui::state) fn sorted_position(
        &self,
        store: &Store,
        id: i64,
    ) -> Result<Option<usize>> {
        store.task_position_at(
            &self.filter,
            self.sort_col().sort(),
            self.sort.descending,
            id,
            self.past,
        )
    }

    /// Puts the cursor on task `id` when the table holds it (its filter, its search);
    /// false when it does not.
    pub fn select_id(&mut self, store: &Store, id: i64, page: usize) -> Result<bool> {
        let pos = self.position_of(store, id)?;
        let Some(p) = pos else { return Ok(false) };
        self.cursor.selected = p;
        self.cursor.follow(self.total, page);
        self.ensure_window(store, page)?;
        Ok(self.selected().is_some_and(|t| t.id == id))
    }

    /// Drops the search and reads the whole table again, the selection kept on the task
    /// it was on.
    pub fn clear_search_keeping(&mut self, store: &Store, page: usize) -> Result<()> {
        let keep = self.selected().map(|t| t.id);
        self.search = None;
        self.cursor = Cursor::default();
        self.load(store, page)?;
        let Some(id) = keep else { return Ok(()) };
        let pos = self.position_of(store, id)?;
        if let Some(p) = pos {
            self.cursor.selected = p;
            self.cursor.follow(self.total, page);
            self.ensure_window(store, page)?;
        }
        Ok(())
    }
}
