//! The app state. [`AppState::update`] is the only place it changes; views read it.

pub mod activity;
pub mod asof;
pub mod columns;
pub mod cursor;
pub mod dashboard;
pub mod detail;
pub mod edit;
pub mod export;
pub mod field;
pub mod filter;
mod firstload;
pub mod form;
pub mod jobs;
pub mod lists;
pub mod mine;
mod mouse;
mod navigate;
pub mod palette;
mod ranking;
pub mod refresh;
pub mod rollup;
mod screen;
pub mod search;
pub mod task_search;
pub mod tasks;
pub mod trends;
pub mod wall;
pub mod writes;

use chrono::{NaiveDate, NaiveDateTime};

use crate::error::Result;
use crate::store::{Scope, Store, TaskFilter, Who};
use crate::tui::action::{Action, View};
use crate::tui::i18n::{Lang, Msg};

pub use activity::{Activity, ActivityRow, Inbox};
pub use dashboard::{Dashboard, Panel};
pub use detail::Detail;
pub use edit::{Conflict, DeleteTarget, Dialog};
pub use filter::Filters;
pub use form::{Form, FormError, FormKind, Request};
pub use lists::{AgencyRow, ProgramRow, Table};
pub use mine::MyWork;
pub use refresh::Stale;
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
    /// The inbox of urges (its rows are [`AppState::inbox`]).
    Inbox,
    /// An operator's home: their agency's work (`Esc` goes to the whole province).
    Mine(Box<MyWork>),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Info(Msg),
    /// What a write did, naming its record: the catalog entry's `{}` filled with it
    /// (`Msg::AddedTask` and `"107"`: "Đã thêm nhiệm vụ #107.").
    Done(Msg, String),
    /// Why a key did nothing (a role or a read-only open).
    Denied(Msg),
    Error(String),
}

/// Everything the TUI shows.
pub struct AppState {
    /// Search, filters and the as-of prompt.
    pub find: Find,
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
    /// The help overlay's first line shown (it scrolls on a short screen).
    pub help_scroll: u16,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub notice: Option<Notice>,
    pub quit: bool,
    pub dashboard: Dashboard,
    pub programs: Table<ProgramRow>,
    pub tasks: TaskList,
    pub agencies: Table<AgencyRow>,
    pub activity: Activity,
    /// The lead agencies ranked (issue 16).
    pub ranking: Table<crate::store::ranking::RankRow>,
    /// The Trends view and the series behind it and the dashboard's sparklines.
    pub trends: trends::Trends,
    pub inbox: Inbox,
    /// The acting login and its role (read again on every reload).
    pub who: Option<Who>,
    /// An open form, over everything but a dialog.
    pub form: Option<Form>,
    /// A confirmation or the conflict dialog, over everything.
    pub dialog: Option<Dialog>,
    /// The command palette (`:`), over the screen.
    pub palette: Option<palette::Palette>,
    /// `--wall`: the wallboard, instead of the views' keys.
    pub wall: Option<wall::Wall>,
    /// `x`: the prompt for the export file's name.
    pub export: Option<export::ExportPrompt>,
    /// Where `x` writes (the working directory).
    pub export_dir: std::path::PathBuf,
    /// True when the event loop watches for other sessions' commits.
    pub live: bool,
    /// True when the terminal sends clicks and the wheel (not `--no-mouse`).
    pub mouse: bool,
    /// When the data last changed (local time), from the newest audit row.
    pub last_change: Option<NaiveDateTime>,
    /// The screens not read again since the last change (read when shown).
    pub stale: Stale,
    /// The drill-downs of the views not shown, kept for when they are shown again, with
    /// the filter generation they were made under.
    saved_stacks: [Option<(u64, Vec<Layer>)>; View::ALL.len()],
    /// Counts changes of the filters and the as-of date (a kept drill-down made under
    /// other filters is not brought back).
    pub(crate) filter_generation: u64,
    /// The job runner, the write in flight and this session's undo list (`jobs.rs`).
    pub(crate) jobs: jobs::Jobs,
}

impl AppState {
    /// A new state over `store`, narrowed to `program` when given, showing the data as of
    /// `as_of`; `today` is passed in, never read here. Loads the dashboard, the session
    /// and an operator's home in place (tests, the roll-up's provinces); the TUI's own
    /// start reads them off the key loop instead ([`AppState::unloaded`]).
    pub fn new(
        store: Store,
        lang: Lang,
        as_of: NaiveDate,
        today: NaiveDate,
        program: Option<String>,
        size: (u16, u16),
    ) -> Result<AppState> {
        let mut state = AppState::unloaded(store, lang, as_of, today, program, size)?;
        state.load_view()?;
        state.load_session()?;
        // An operator starts on their agency's work, over the dashboard.
        state.open_home()?;
        Ok(state)
    }

    /// As [`AppState::new`] with nothing read but the `--program` code's check: the
    /// event loop draws at once and [`AppState::start_first_load`] reads the first view,
    /// the session and the home on the job runner's read lane (`firstload.rs`).
    pub fn unloaded(
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
            help_scroll: 0,
            size,
            notice: None,
            quit: false,
            dashboard: Dashboard::default(),
            programs: Table::default(),
            tasks: TaskList::new(TaskListKind::All, filter),
            agencies: Table::default(),
            activity: Activity::default(),
            ranking: Table::default(),
            trends: trends::Trends::default(),
            inbox: Inbox::default(),
            who: None,
            form: None,
            dialog: None,
            palette: None,
            wall: None,
            export: None,
            export_dir: export::default_dir(),
            live: false,
            mouse: false,
            last_change: None,
            stale: Stale::default(),
            saved_stacks: Default::default(),
            filter_generation: 0,
            jobs: jobs::Jobs::default(),
            find: Find::new(Filters {
                program: program_code,
                ..Default::default()
            }),
        };
        state.tasks.filter = state.task_filter(&TaskListKind::All);
        state.tasks.past = state.past();
        Ok(state)
    }

    /// The store, for reads (tests and the event loop).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Reads who is acting, the inbox and when the data last changed.
    pub(super) fn load_session(&mut self) -> Result<()> {
        self.who = self.store.whoami().ok();
        let agency = self.operator_agency();
        let page = self.page();
        self.inbox.load(&self.store, agency, self.today, page)?;
        self.last_change = self
            .store
            .last_change_at()?
            .and_then(|at| activity::local_time(&at));
        Ok(())
    }

    /// An operator's home over the current view (nothing for other roles).
    pub(crate) fn open_home(&mut self) -> Result<bool> {
        let Some(code) = self.operator_agency() else {
            return Ok(false);
        };
        let name = self
            .store
            .agency(&code)
            .map(|a| a.name)
            .unwrap_or_else(|_| code.clone());
        let page = self.page();
        let home = MyWork::load(&self.store, (code, name), self.as_of, self.past(), page)?;
        self.stack.push(Layer::Mine(Box::new(home)));
        Ok(true)
    }

    /// Applies an action. Returns true when the screen must be redrawn. A store error is
    /// shown in the status bar, never raised.
    pub fn update(&mut self, action: Action) -> bool {
        let mut changed = match self.apply(action) {
            Ok(changed) => changed,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                true
            }
        };
        // Whatever the action made visible is read now if a change made it stale.
        if !self.quit {
            match self.freshen() {
                Ok(read) => changed |= read,
                Err(e) => {
                    self.notice = Some(Notice::Error(e.to_string()));
                    changed = true;
                }
            }
            // The series it shows, off the key loop when there is a runner.
            match self.want_trends() {
                Ok(asked) => changed |= asked,
                Err(e) => {
                    self.notice = Some(Notice::Error(e.to_string()));
                    changed = true;
                }
            }
        }
        changed
    }

    fn apply(&mut self, action: Action) -> Result<bool> {
        if let Action::Mouse(m) = action {
            return self.mouse(m);
        }
        if action == Action::Tick {
            // The loading line's spinner turns; nothing else changes.
            return Ok(self.spin());
        }
        let page = self.page();
        // Any key clears a one-shot notice; a job's result is no key (a read that comes
        // after a save leaves "Đã cập nhật…" in sight).
        let had_notice = !matches!(action, Action::Job(_)) && self.notice.take().is_some();
        // Results of the job runner, the retry offer and `z` (`jobs.rs`).
        if let Some(changed) = self.apply_jobs(&action)? {
            return Ok(changed || had_notice);
        }
        // While the screen's first read runs, only the keys that need no data work.
        if let Some(changed) = self.while_reading(&action) {
            return Ok(changed || had_notice);
        }
        if self.dialog.is_some() || self.form.is_some() {
            if let Some(changed) = self.apply_overlay(action.clone())? {
                return Ok(changed || had_notice);
            }
        }
        if let Some(changed) = self.wall_key(&action)? {
            return Ok(changed || had_notice);
        }
        if self.export.is_some() && self.dialog.is_none() && self.form.is_none() {
            return Ok(self.export_key(action)? || had_notice);
        }
        if self.palette.is_some() && self.dialog.is_none() && self.form.is_none() {
            return Ok(self.palette_key(action)? || had_notice);
        }
        if let Some(changed) = self.apply_find(action.clone())? {
            return Ok(changed || had_notice);
        }
        if let Some(changed) = self.trends_key(&action) {
            return Ok(changed || had_notice);
        }
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
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
                // The screen uncovered is read first if a change made it stale.
                self.freshen()?;
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
            Action::DateChanged(day) => {
                if day == self.today {
                    return Ok(false);
                }
                let following = self.as_of == self.today;
                self.today = day;
                if following {
                    self.as_of = day;
                }
                self.refresh_all()?;
                return Ok(true);
            }
            Action::DataChanged => {
                // Another session committed: read the visible screen and the session
                // again, keeping each cursor on its record; the other screens are read
                // when shown (see `refresh`).
                self.reload()?;
                self.note_form_task_changed()?;
                return Ok(true);
            }
            Action::Home => {
                self.help = false;
                if matches!(self.stack.last(), Some(Layer::Mine(_))) {
                    return Ok(had_notice);
                }
                if !self.open_home()? {
                    return Ok(had_notice);
                }
            }
            Action::NextPanel => {
                if !(self.stack.is_empty() && self.view == View::Dashboard) {
                    return Ok(had_notice);
                }
                self.dashboard.switch_panel();
            }
            Action::Inbox => self.open_inbox(),
            Action::Palette => self.open_palette()?,
            Action::Export => self.open_export(),
            Action::Edit | Action::UpdateProgress | Action::Urge | Action::New | Action::Delete => {
                self.open_editor(action)?
            }
            // Handled by `apply_find` where they mean something.
            Action::Search
            | Action::Filter
            | Action::SetAsOf
            | Action::NextValue
            | Action::PrevValue
            | Action::ClearFilters
            | Action::Background => return Ok(had_notice),
            // Handled by `apply_jobs`; the spinner above.
            Action::Job(_) | Action::Undo | Action::Tick => return Ok(had_notice),
            // Handled by `wall_key` on the wallboard, `trends_key` on the Trends view.
            Action::WallNext
            | Action::WallPrev
            | Action::WallPause
            | Action::TrendRows
            | Action::TrendPoints => return Ok(had_notice),
            // Form and dialog actions with nothing open.
            Action::Input(_)
            | Action::Erase
            | Action::ClearField
            | Action::NextField
            | Action::PrevField
            | Action::Submit
            | Action::FormEnter
            | Action::Text(_)
            // A paste in a table does nothing.
            | Action::Paste(_)
            | Action::Cancel
            | Action::Confirm
            | Action::Overwrite
            | Action::TakeTheirs
            | Action::Mouse(_) => return Ok(had_notice),
        }
        Ok(true)
    }

    /// The store's `PRAGMA data_version`, for the change watcher.
    pub fn data_version(&self) -> Result<i64> {
        self.store.data_version()
    }
}

enum DrillTo {
    Task(i64),
    /// A program's code and its task count as its row shows it.
    Program(String, i64),
    Agency(String, String),
}
