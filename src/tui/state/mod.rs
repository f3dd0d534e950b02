//! The app state. [`AppState::update`] is the only place it changes; views read it.

pub mod asof;
pub mod columns;
pub mod cursor;
pub mod dashboard;
pub mod detail;
pub mod filter;
pub mod lists;
pub mod search;
pub mod tasks;

use chrono::NaiveDate;

use crate::error::Result;
use crate::store::{Scope, Store, TaskFilter};
use crate::tui::action::{Action, View};
use crate::tui::i18n::{Lang, Msg};
use crate::tui::keymap::Mode;

pub use dashboard::Dashboard;
pub use detail::Detail;
pub use filter::Filters;
pub use lists::{AgencyRow, ProgramRow, Table};
pub use search::Find;
pub use tasks::{TaskList, TaskListKind};

/// Rows of chrome around a table: title line, hint line, the table's border and header.
pub const TABLE_CHROME: u16 = 5;

/// How many table rows fit on a screen `height` rows tall.
pub fn table_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(TABLE_CHROME)).max(1)
}

/// A screen drilled down into, over the current top-level view.
#[derive(Debug, Clone)]
pub enum Layer {
    Tasks(Box<TaskList>),
    Detail(Box<Detail>),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Info(Msg),
    Error(String),
}

/// Everything the TUI shows.
pub struct AppState {
    store: Store,
    pub lang: Lang,
    pub as_of: NaiveDate,
    pub today: NaiveDate,
    pub scope: Scope,
    pub read_only: bool,
    pub view: View,
    /// Drill-downs over `view`, innermost last.
    pub stack: Vec<Layer>,
    pub help: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub notice: Option<Notice>,
    pub quit: bool,
    pub dashboard: Dashboard,
    pub programs: Table<ProgramRow>,
    pub tasks: TaskList,
    pub agencies: Table<AgencyRow>,
    /// Search, filters and the as-of prompt.
    pub find: Find,
}

impl AppState {
    /// A new state over `store`, narrowed to `program` when given, showing the data as of
    /// `as_of`; `today` is passed in, never read here. Loads the dashboard.
    pub fn new(
        store: Store,
        lang: Lang,
        as_of: NaiveDate,
        today: NaiveDate,
        program: Option<String>,
        size: (u16, u16),
    ) -> Result<AppState> {
        if let Some(code) = &program {
            store.program(code)?;
        }
        let program_code = program.clone();
        let scope = Scope {
            program: program.clone(),
            ..Default::default()
        };
        let filter = TaskFilter {
            program,
            ..Default::default()
        };
        let mut state = AppState {
            read_only: store.is_read_only(),
            store,
            lang,
            as_of,
            today,
            scope,
            view: View::Dashboard,
            stack: Vec::new(),
            help: false,
            size,
            notice: None,
            quit: false,
            dashboard: Dashboard::default(),
            programs: Table::default(),
            tasks: TaskList::new(TaskListKind::All, filter),
            agencies: Table::default(),
            find: Find::new(Filters {
                program: program_code,
                ..Default::default()
            }),
        };
        state.tasks.filter = state.task_filter(&TaskListKind::All);
        state.tasks.past = state.past();
        state.load_view()?;
        Ok(state)
    }

    /// The keymap mode for the screen on top.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if let Some(m) = self.find_mode() {
            m
        } else {
            self.base_mode()
        }
    }

    /// The mode of the screen under the help overlay.
    pub fn base_mode(&self) -> Mode {
        match self.stack.last() {
            Some(Layer::Detail(_)) => Mode::Detail,
            Some(Layer::Tasks(_)) => Mode::Table,
            None if self.view == View::Dashboard => Mode::Dashboard,
            None => Mode::Table,
        }
    }

    /// Table rows that fit on the screen.
    pub fn page(&self) -> usize {
        table_rows(self.size.1)
    }

    /// Applies an action. Returns true when the screen must be redrawn. A store error is
    /// shown in the status bar, never raised.
    pub fn update(&mut self, action: Action) -> bool {
        match self.apply(action) {
            Ok(changed) => changed,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                true
            }
        }
    }

    fn apply(&mut self, action: Action) -> Result<bool> {
        let page = self.page();
        // Any key clears a one-shot notice.
        let had_notice = self.notice.take().is_some();
        if let Some(changed) = self.apply_find(action)? {
            return Ok(changed || had_notice);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => self.help = !self.help,
            Action::SwitchView(v) => self.switch(v)?,
            Action::NextView => {
                let i = (self.view.index() + 1) % View::ALL.len();
                self.switch(View::ALL[i])?;
            }
            Action::PrevView => {
                let n = View::ALL.len();
                let i = (self.view.index() + n - 1) % n;
                self.switch(View::ALL[i])?;
            }
            Action::Back => {
                if self.help {
                    self.help = false;
                } else if self.stack.pop().is_none() {
                    return Ok(had_notice);
                }
                self.ensure_top_window()?;
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom => return Ok(self.move_selection(action, page)? || had_notice),
            Action::Open => return Ok(self.open()? || had_notice),
            Action::SortNext | Action::SortReverse => self.sort(action, page)?,
            Action::Reload => {
                self.reload()?;
                self.notice = Some(Notice::Info(Msg::Reloaded));
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.ensure_top_window()?;
            }
            Action::DataChanged => self.notice = Some(Notice::Info(Msg::DataChanged)),
            Action::Edit | Action::UpdateProgress | Action::Urge | Action::New | Action::Delete => {
                self.notice = Some(Notice::Info(Msg::NotYet))
            }
            // Handled by `apply_find` where they mean something.
            Action::Search
            | Action::Filter
            | Action::SetAsOf
            | Action::Input(_)
            | Action::Erase
            | Action::ClearField
            | Action::NextField
            | Action::PrevField
            | Action::Submit
            | Action::Cancel
            | Action::NextValue
            | Action::PrevValue
            | Action::ClearFilters
            | Action::Background => return Ok(had_notice),
        }
        Ok(true)
    }

    fn switch(&mut self, v: View) -> Result<()> {
        self.help = false;
        self.stack.clear();
        self.view = v;
        self.load_view()
    }

    /// Loads the current top-level view the first time it is shown.
    fn load_view(&mut self) -> Result<()> {
        let page = self.page();
        match self.view {
            View::Dashboard if !self.dashboard.loaded => {
                self.dashboard
                    .load(&self.store, &self.scope, self.as_of, self.today)?;
            }
            View::Programs if !self.programs.loaded => {
                self.programs.load_programs(
                    &self.store,
                    &self.scope,
                    self.as_of,
                    self.today,
                    page,
                )?;
            }
            View::Tasks if !self.tasks.loaded => self.tasks.load(&self.store, page)?,
            View::Tasks => self.tasks.ensure_window(&self.store, page)?,
            View::Agencies if !self.agencies.loaded => {
                if !self.dashboard.loaded {
                    self.dashboard
                        .load(&self.store, &self.scope, self.as_of, self.today)?;
                }
                self.agencies
                    .load_agencies(&self.store, self.dashboard.summary.as_ref(), page)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// After a resize or coming back: make sure the visible task rows are read.
    fn ensure_top_window(&mut self) -> Result<()> {
        let page = self.page();
        match self.stack.last_mut() {
            Some(Layer::Tasks(t)) => {
                t.cursor.follow(t.total, page);
                t.ensure_window(&self.store, page)
            }
            Some(Layer::Detail(_)) => Ok(()),
            None => match self.view {
                View::Tasks => {
                    self.tasks.cursor.follow(self.tasks.total, page);
                    self.tasks.ensure_window(&self.store, page)
                }
                View::Programs => {
                    self.programs.cursor.follow(self.programs.rows.len(), page);
                    Ok(())
                }
                View::Agencies => {
                    self.agencies.cursor.follow(self.agencies.rows.len(), page);
                    Ok(())
                }
                View::Dashboard => Ok(()),
            },
        }
    }

    fn move_selection(&mut self, action: Action, page: usize) -> Result<bool> {
        if self.help {
            return Ok(false);
        }
        Ok(match self.stack.last_mut() {
            Some(Layer::Detail(d)) => {
                let before = d.scroll;
                d.scroll = match action {
                    Action::Up => d.scroll.saturating_sub(1),
                    Action::Down => d.scroll.saturating_add(1).min(500),
                    Action::PageUp => d.scroll.saturating_sub(10),
                    Action::PageDown => d.scroll.saturating_add(10).min(500),
                    Action::Top => 0,
                    _ => d.scroll,
                };
                d.scroll != before
            }
            Some(Layer::Tasks(t)) => t.apply_move(&self.store, action, page)?,
            None => match self.view {
                View::Dashboard => {
                    let n = self.dashboard.attention.len();
                    self.dashboard.cursor.apply(action, n, 5)
                }
                View::Programs => self.programs.apply_move(action, page),
                View::Tasks => self.tasks.apply_move(&self.store, action, page)?,
                View::Agencies => self.agencies.apply_move(action, page),
            },
        })
    }

    fn sort(&mut self, action: Action, page: usize) -> Result<()> {
        match self.stack.last_mut() {
            Some(Layer::Tasks(t)) => t.apply_sort(&self.store, action, page)?,
            Some(Layer::Detail(_)) => {}
            None => match self.view {
                View::Programs => self.programs.sort_programs(action, page),
                View::Tasks => self.tasks.apply_sort(&self.store, action, page)?,
                View::Agencies => self.agencies.sort_agencies(action, page),
                View::Dashboard => {}
            },
        }
        Ok(())
    }

    /// Drills down into the selected row.
    fn open(&mut self) -> Result<bool> {
        if self.help {
            return Ok(false);
        }
        let page = self.page();
        let layer = match self.stack.last() {
            Some(Layer::Detail(_)) => None,
            Some(Layer::Tasks(t)) => t.selected().map(|t| t.id).map(DrillTo::Task),
            None => match self.view {
                View::Dashboard => self.dashboard.selected().map(|t| DrillTo::Task(t.id)),
                View::Tasks => self.tasks.selected().map(|t| DrillTo::Task(t.id)),
                View::Programs => self
                    .programs
                    .selected()
                    .map(|p| DrillTo::Program(p.program.code.clone())),
                View::Agencies => self
                    .agencies
                    .selected()
                    .map(|a| DrillTo::Agency(a.agency.code.clone(), a.agency.name.clone())),
            },
        };
        let layer = match layer {
            None => return Ok(false),
            Some(DrillTo::Task(id)) => Layer::Detail(Box::new(Detail::load(&self.store, id)?)),
            Some(DrillTo::Program(code)) => {
                let kind = TaskListKind::OfProgram(code);
                let mut t = TaskList::new(kind.clone(), self.task_filter(&kind));
                t.past = self.past();
                t.load(&self.store, page)?;
                Layer::Tasks(Box::new(t))
            }
            Some(DrillTo::Agency(code, name)) => {
                let kind = TaskListKind::LedBy(code, name);
                let mut t = TaskList::new(kind.clone(), self.task_filter(&kind));
                t.past = self.past();
                t.load(&self.store, page)?;
                Layer::Tasks(Box::new(t))
            }
        };
        self.stack.push(layer);
        Ok(true)
    }

    /// Reads everything shown again, keeping selections where they were.
    fn reload(&mut self) -> Result<()> {
        let page = self.page();
        self.dashboard
            .load(&self.store, &self.scope, self.as_of, self.today)?;
        if self.programs.loaded {
            self.programs
                .load_programs(&self.store, &self.scope, self.as_of, self.today, page)?;
        }
        if self.tasks.loaded {
            self.tasks.load(&self.store, page)?;
        }
        if self.agencies.loaded {
            self.agencies
                .load_agencies(&self.store, self.dashboard.summary.as_ref(), page)?;
        }
        for layer in &mut self.stack {
            match layer {
                Layer::Tasks(t) => t.load(&self.store, page)?,
                Layer::Detail(d) => {
                    let scroll = d.scroll;
                    **d = Detail::load(&self.store, d.task.id)?;
                    d.scroll = scroll;
                }
            }
        }
        self.after_reload()
    }

    /// The store's `PRAGMA data_version`, for the change watcher.
    pub fn data_version(&self) -> Result<i64> {
        self.store.data_version()
    }
}

enum DrillTo {
    Task(i64),
    Program(String),
    Agency(String, String),
}
