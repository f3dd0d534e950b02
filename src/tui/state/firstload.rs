//! The first reads off the key loop (issue 14 "nothing blocks the screen", issue 17 item
//! 5): the TUI draws its first frame at once — the frame, the header and "Đang đọc dữ
//! liệu…" with a spinner — and reads the first view, the session (who is acting, the
//! inbox, the last change) and an operator's home on the job runner's read lane. A view
//! shown before its first read is read there too; its result comes back as
//! `Action::Job` like every job's.
//!
//! Meanwhile the keys that need no data work (`q`, `?`, the view keys, Tab); the others
//! say that the data is being read ([`Mode::Loading`]). A result made for other filters
//! or dates is dropped and read again; a change committed while it was read marks the
//! view stale, so it is read again once it has come. When the start's own reads fail,
//! the TUI ends and the error is shown on the restored terminal, in the user's language,
//! as it was when they ran before the first frame.
//!
//! After the start, a table on the screen (Tasks, Programs, Activity, Ranking) is read
//! again here too after a change ([`AppState::reload`]: a save, a commit elsewhere,
//! `r`), its old rows in sight until the new ones come; a stale view about to be shown
//! is still read in place first, so that no screen is shown older than the last change.
//!
//! Without a runner, or for a state made by [`AppState::new`] (the tests of `update()`),
//! every read runs in place as before.

use chrono::{NaiveDate, NaiveDateTime};

use super::activity::{local_time, Activity, Inbox};
use super::dashboard::Dashboard;
use super::lists::{AgencyRow, ProgramRow, Table};
use super::mine::MyWork;
use super::tasks::TaskList;
use super::{AppState, Layer, Notice};
use crate::domain::Role;
use crate::error::{Error, Result};
use crate::store::ranking::RankRow;
use crate::store::{Scope, Store, Summary, Who};
use crate::tui::action::{Action, View};
use crate::tui::i18n::Msg;
use crate::tui::jobs::{Done, Lane};
use crate::tui::keymap::Mode;

/// What a first read was made for: the filter generation, the scope and the dates
/// (as of, today). A result for another key is dropped.
type ReadKey = (u64, Scope, NaiveDate, NaiveDate);

/// A view's first read in flight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// The job of this id.
    Job(u64),
    /// The agencies' numbers come from the dashboard's summary: read once it has come.
    AfterDashboard,
}

/// The first reads in flight.
#[derive(Debug, Default)]
pub struct FirstReads {
    views: [Option<Pending>; View::ALL.len()],
    /// The session's read (who, inbox, last change, an operator's home).
    session: Option<u64>,
    /// A loaded view shown, read again after a change or a save (Tasks, Programs,
    /// Activity, Ranking; the dashboard has its own delta refresh in `jobs.rs`).
    reloads: [Option<u64>; View::ALL.len()],
    /// True while a change is applied to the screen already shown ([`AppState::reload`]
    /// sets it): only then is a loaded view read again on the lane, its old rows left in
    /// sight meanwhile. A stale view about to be shown (a switch, `Back`) is read first,
    /// in place, so that no screen is shown older than the last change.
    pub(super) change: bool,
    /// The first view of the start: until it and the session have come, a failed read
    /// ends the TUI ([`AppState::take_fatal`]).
    start: Option<View>,
    /// Why the start's reads failed.
    fatal: Option<Error>,
    /// First reads run on the lane (set by [`AppState::start_first_load`]; a state
    /// made by [`AppState::new`] reads each view in place the first time, as before).
    on_lane: bool,
    /// The spinner's turn.
    pub spin: u8,
}

/// A view read on the lane: a copy of its (empty) state, loaded there.
enum ViewData {
    Dashboard(Box<Dashboard>),
    Programs(Table<ProgramRow>),
    Tasks(Box<TaskList>),
    Agencies(Table<AgencyRow>, Option<Summary>),
    Activity(Activity),
    Ranking(Table<RankRow>),
}

impl ViewData {
    fn load(mut self, store: &Store, key: &ReadKey, page: usize) -> Result<ViewData> {
        let (_, scope, as_of, today) = key;
        let (as_of, today) = (*as_of, *today);
        match &mut self {
            ViewData::Dashboard(d) => d.load(store, scope, as_of, today)?,
            ViewData::Programs(t) => t.load_programs(store, scope, as_of, today, page)?,
            ViewData::Tasks(t) => t.refresh(store, page)?,
            ViewData::Agencies(t, summary) => t.load_agencies(store, summary.as_ref(), page)?,
            ViewData::Activity(a) => a.load(store, page)?,
            ViewData::Ranking(t) => t.load_ranking(store, scope, as_of, today, page)?,
        }
        Ok(self)
    }
}

/// The session as the lane read it.
struct SessionRead {
    who: Option<Who>,
    inbox: Inbox,
    last_change: Option<NaiveDateTime>,
    /// An operator's home: their agency's work.
    home: Option<MyWork>,
}

/// What the session's read needs.
struct SessionAsk {
    today: NaiveDate,
    as_of: NaiveDate,
    past: Option<NaiveDate>,
    page: usize,
    inbox: Inbox,
}

fn read_session(store: &Store, ask: SessionAsk) -> Result<SessionRead> {
    let who = store.whoami().ok();
    let agency = match &who {
        Some(w) if w.role == Role::Operator => w.agency.as_ref().map(|a| a.1.clone()),
        _ => None,
    };
    let mut inbox = ask.inbox;
    inbox.load(store, agency.clone(), ask.today, ask.page)?;
    let last_change = store.last_change_at()?.and_then(|at| local_time(&at));
    let home = match agency {
        Some(code) => {
            let name = store
                .agency(&code)
                .map(|a| a.name)
                .unwrap_or_else(|_| code.clone());
            Some(MyWork::load(
                store,
                (code, name),
                ask.as_of,
                ask.past,
                ask.page,
            )?)
        }
        None => None,
    };
    Ok(SessionRead {
        who,
        inbox,
        last_change,
        home,
    })
}

impl AppState {
    /// Starts the first reads: the session, then the view shown, on the read lane (in
    /// place without a runner). The event loop draws meanwhile.
    pub fn start_first_load(&mut self) -> Result<()> {
        if self.jobs.runner.is_none() {
            self.load_view()?;
            self.load_session()?;
            self.open_home()?;
            return Ok(());
        }
        let ask = SessionAsk {
            today: self.today,
            as_of: self.as_of,
            past: self.past(),
            page: self.page(),
            inbox: self.inbox.clone(),
        };
        self.jobs.first.on_lane = true;
        let submitted = self
            .jobs
            .runner
            .as_mut()
            .map(|r| r.submit(Lane::Read, move |s: &mut Store| read_session(s, ask)));
        match submitted {
            Some(Ok(id)) => self.jobs.first.session = Some(id),
            _ => {
                self.load_session()?;
                self.open_home()?;
            }
        }
        self.jobs.first.start = Some(self.view);
        self.load_view()
    }

    /// Why the start's first reads failed, once (the TUI has ended: `quit` is set).
    pub fn take_fatal(&mut self) -> Option<Error> {
        self.jobs.first.fatal.take()
    }

    /// True while view `v`'s first read runs off the key loop.
    pub fn first_read_of(&self, v: View) -> bool {
        self.jobs.first.views[v.index()].is_some()
    }

    /// True while view `v` is read (first, or again after a change) off the key loop: a
    /// change meanwhile leaves it stale, and it is read again once the read has come.
    pub fn reading(&self, v: View) -> bool {
        self.first_read_of(v) || self.jobs.first.reloads[v.index()].is_some()
    }

    /// True while the screen shown waits for its first read: the view at the top level
    /// (no drill-down over it) or, at the start, the session (who is acting decides what
    /// the keys may do).
    pub fn reading_first(&self) -> bool {
        self.stack.is_empty()
            && (self.first_read_of(self.view) || self.jobs.first.session.is_some())
    }

    /// The spinner's turn, for the loading line.
    pub fn spinner(&self) -> u8 {
        self.jobs.first.spin
    }

    /// `Action::Tick`: turns the spinner while a first read is shown.
    pub(super) fn spin(&mut self) -> bool {
        if !self.reading_first() {
            return false;
        }
        self.jobs.first.spin = self.jobs.first.spin.wrapping_add(1);
        true
    }

    /// An action while the screen waits for its first read ([`Mode::Loading`]): the
    /// keys that need no data go on (`None`); the others say the data is being read.
    pub(super) fn while_reading(&mut self, action: &Action) -> Option<bool> {
        if self.base_mode() != Mode::Loading
            || self.help
            || self.dialog.is_some()
            || self.form.is_some()
            || self.wall.is_some()
        {
            return None;
        }
        match action {
            Action::Quit
            | Action::ToggleHelp
            | Action::SwitchView(_)
            | Action::NextView
            | Action::PrevView
            | Action::Back
            | Action::Resize(..)
            | Action::DataChanged
            | Action::DateChanged(_)
            | Action::Background => None,
            _ => {
                self.notice = Some(Notice::Info(Msg::StillReading));
                Some(true)
            }
        }
    }

    fn read_key(&self) -> ReadKey {
        (
            self.filter_generation,
            self.scope.clone(),
            self.as_of,
            self.today,
        )
    }

    /// Starts view `v`'s first read on the read lane. True when it runs there (started
    /// now or already running); false when it is loaded already or there is no runner
    /// (then the caller reads it in place).
    pub(super) fn load_in_background(&mut self, v: View) -> bool {
        if self.view_loaded(v) || self.jobs.runner.is_none() || !self.jobs.first.on_lane {
            return false;
        }
        if self.first_read_of(v) {
            return true;
        }
        if v == View::Agencies && !self.dashboard.loaded {
            // Their numbers are the dashboard's: read it first, then them.
            self.load_in_background(View::Dashboard);
            self.jobs.first.views[v.index()] = Some(Pending::AfterDashboard);
            self.stale.views[v.index()] = false;
            return true;
        }
        let data = match v {
            View::Dashboard => ViewData::Dashboard(Box::new(self.dashboard.clone())),
            View::Programs => ViewData::Programs(self.programs.clone()),
            View::Tasks => ViewData::Tasks(Box::new(self.tasks.clone())),
            View::Agencies => {
                ViewData::Agencies(self.agencies.clone(), self.dashboard.summary.clone())
            }
            View::Activity => ViewData::Activity(self.activity.clone()),
            View::Ranking => ViewData::Ranking(self.ranking.clone()),
            // Its series has a lane of its own (`want_trends`).
            View::Trends => return false,
        };
        let key = self.read_key();
        let page = self.page();
        let Some(runner) = self.jobs.runner.as_mut() else {
            return false;
        };
        let submitted = runner.submit(Lane::Read, move |s: &mut Store| {
            let out = data.load(s, &key, page);
            (key, out)
        });
        match submitted {
            Ok(id) => {
                self.jobs.first.views[v.index()] = Some(Pending::Job(id));
                // Read now: fresh when it comes unless a change marks it stale again.
                self.stale.views[v.index()] = false;
                true
            }
            Err(_) => false,
        }
    }

    /// Reads the loaded view shown again on the read lane (after a change, a save, `r`):
    /// its rows stay on screen until the new ones come, then each cursor stays on its
    /// record. True when it runs there (or already does); false when it is read in place
    /// (no runner, a start made by [`AppState::new`], a view not read this way).
    pub(super) fn reload_in_background(&mut self, v: View) -> bool {
        if !self.jobs.first.on_lane
            || !self.jobs.first.change
            || self.jobs.runner.is_none()
            || v != self.view
            || !self.stack.is_empty()
            || !self.view_loaded(v)
        {
            return false;
        }
        if self.jobs.first.reloads[v.index()].is_some() {
            return true;
        }
        let data = match v {
            // A task search keeps its own matches (`search/`): read in place.
            View::Tasks if self.tasks.search.is_none() => {
                ViewData::Tasks(Box::new(self.tasks.clone()))
            }
            View::Programs => ViewData::Programs(self.programs.clone()),
            View::Activity => ViewData::Activity(self.activity.clone()),
            View::Ranking => ViewData::Ranking(self.ranking.clone()),
            _ => return false,
        };
        let key = self.read_key();
        let page = self.page();
        let Some(runner) = self.jobs.runner.as_mut() else {
            return false;
        };
        let submitted = runner.submit(Lane::Read, move |s: &mut Store| {
            let out = data.load(s, &key, page);
            (key, out)
        });
        match submitted {
            Ok(id) => {
                self.jobs.first.reloads[v.index()] = Some(id);
                self.stale.views[v.index()] = false;
                true
            }
            Err(_) => false,
        }
    }

    /// A view read again on the lane: in place of the one shown, each cursor kept on the
    /// record it is on now (the user may have moved meanwhile). Made for other filters,
    /// dates or another sort, it is dropped and the view is read again.
    fn reload_done(&mut self, v: View, done: &Done) -> Result<bool> {
        self.jobs.first.reloads[v.index()] = None;
        let Some(out) = done.take::<(ReadKey, Result<ViewData>)>() else {
            return Ok(false);
        };
        let (key, data) = out?;
        let again = |s: &mut AppState| {
            s.stale.views[v.index()] = true;
            s.read_shown_again(v);
            Ok(false)
        };
        if key != self.read_key() {
            return again(self);
        }
        let page = self.page();
        match data? {
            ViewData::Tasks(t) => {
                let now = &self.tasks;
                if t.sort != now.sort || t.filter != now.filter || now.search.is_some() {
                    return again(self);
                }
                let keep = now.selected().map(|t| t.id);
                let cursor = now.cursor;
                self.tasks = *t;
                let t = &mut self.tasks;
                match keep.and_then(|id| t.rows.iter().position(|r| r.id == id)) {
                    Some(i) => t.cursor.selected = t.window_start + i,
                    // Not in the new window: the same place in the table.
                    None => t.cursor = cursor,
                }
                t.cursor.follow(t.total, page);
                t.ensure_window(&self.store, page)?;
            }
            ViewData::Programs(t) => {
                if t.sort != self.programs.sort {
                    return again(self);
                }
                let keep = self.programs.selected().map(|r| r.program.code.clone());
                self.programs = t;
                self.after_reload_of(true, false)?;
                let at =
                    keep.and_then(|k| self.programs.rows.iter().position(|r| r.program.code == k));
                if let Some(i) = at {
                    self.programs.cursor.selected = i;
                }
                self.programs.cursor.follow(self.programs.rows.len(), page);
            }
            ViewData::Activity(mut a) => {
                let keep = self.activity.selected().map(|r| r.change.id);
                a.cursor = self.activity.cursor;
                if let Some(i) = keep.and_then(|id| a.rows.iter().position(|r| r.change.id == id)) {
                    a.cursor.selected = i;
                }
                a.cursor.follow(a.rows.len(), page);
                self.activity = a;
            }
            ViewData::Ranking(mut t) => {
                if t.sort != self.ranking.sort {
                    return again(self);
                }
                let keep = self.ranking.selected().map(|r| r.code.clone());
                t.select_key(keep.as_deref(), page, |r| r.code.as_str());
                self.ranking = t;
            }
            ViewData::Dashboard(_) | ViewData::Agencies(..) => return Ok(false),
        }
        // Changed again while it was read: once more, off the key loop.
        if self.stale.view(v) {
            self.read_shown_again(v);
        }
        Ok(true)
    }

    /// Drops the read of `v` running on the lane (it is read in place instead).
    pub(super) fn forget_reload(&mut self, v: View) {
        self.jobs.first.reloads[v.index()] = None;
    }

    /// The shown view `v`, stale again, read again on the lane (it is on the screen).
    fn read_shown_again(&mut self, v: View) {
        let was = std::mem::replace(&mut self.jobs.first.change, true);
        self.reload_in_background(v);
        self.jobs.first.change = was;
    }

    /// A read-lane job that is not the dashboard's refresh: a first read, applied when
    /// the state still waits for it.
    pub(super) fn first_read_done(&mut self, done: &Done) -> Result<bool> {
        if self.jobs.first.session == Some(done.id) {
            self.jobs.first.session = None;
            let out = done
                .take::<Result<SessionRead>>()
                .unwrap_or_else(|| Err(Error::Other("lost result".into())));
            return match out.and_then(|r| r) {
                Ok(read) => {
                    self.apply_session(read);
                    Ok(true)
                }
                Err(e) => self.first_failed(e, true),
            };
        }
        let again = View::ALL
            .into_iter()
            .find(|v| self.jobs.first.reloads[v.index()] == Some(done.id));
        if let Some(v) = again {
            return self.reload_done(v, done);
        }
        let Some(v) = View::ALL
            .into_iter()
            .find(|v| self.jobs.first.views[v.index()] == Some(Pending::Job(done.id)))
        else {
            return Ok(false);
        };
        self.jobs.first.views[v.index()] = None;
        let Some(out) = done.take::<(ReadKey, Result<ViewData>)>() else {
            return Ok(false);
        };
        let (key, data) = match out {
            Ok(read) => read,
            Err(e) => return self.first_failed(e, self.jobs.first.start == Some(v)),
        };
        if key != self.read_key() {
            // Made for other filters or dates: read again for these.
            self.load_in_background(v);
            return Ok(false);
        }
        let data = match data {
            Ok(d) => d,
            Err(e) => return self.first_failed(e, self.jobs.first.start == Some(v)),
        };
        let page = self.page();
        match data {
            ViewData::Dashboard(d) => {
                self.dashboard = *d;
                if self.jobs.first.views[View::Agencies.index()] == Some(Pending::AfterDashboard) {
                    self.jobs.first.views[View::Agencies.index()] = None;
                    self.load_in_background(View::Agencies);
                }
            }
            ViewData::Programs(t) => {
                self.programs = t;
                self.after_reload_of(true, false)?;
                self.programs.cursor.follow(self.programs.rows.len(), page);
            }
            ViewData::Tasks(t) => self.tasks = *t,
            ViewData::Agencies(t, _) => {
                self.agencies = t;
                self.after_reload_of(false, true)?;
                self.agencies.cursor.follow(self.agencies.rows.len(), page);
            }
            ViewData::Activity(a) => self.activity = a,
            ViewData::Ranking(t) => self.ranking = t,
        }
        if self.jobs.first.start == Some(v) {
            self.jobs.first.start = None;
        }
        if v == self.view {
            // The screen may have been resized while it was read.
            self.ensure_top_window()?;
            // Changed while it was read: again, off the key loop.
            if self.stale.view(v) {
                self.read_shown_again(v);
            }
        }
        Ok(true)
    }

    /// The session read on the lane, in place of the empty one; an operator's home
    /// over the first view, as the start in place opens it.
    fn apply_session(&mut self, read: SessionRead) {
        self.who = read.who;
        self.inbox = read.inbox;
        self.last_change = read.last_change;
        if let Some(home) = read.home {
            // Not over a screen the user went to meanwhile.
            if self.stack.is_empty() && self.jobs.first.start.is_some() {
                self.stack.push(Layer::Mine(Box::new(home)));
            }
        }
    }

    /// A first read failed: at the start, the TUI ends with the error (shown once the
    /// terminal is restored); later, it is the status bar's notice.
    fn first_failed(&mut self, e: Error, start: bool) -> Result<bool> {
        if start {
            self.jobs.first.fatal = Some(e);
            self.quit = true;
            return Ok(true);
        }
        Err(e)
    }
}
