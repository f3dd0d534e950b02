//! The part of [`AppState::update`] that handles search, the filter panel and the as-of
//! prompt, and the list and task searches it keeps in step with the data.

use std::sync::mpsc::{self, Sender};
use std::sync::Arc;

use chrono::NaiveDate;

use super::{
    agency_text, base_filter, build_index, narrow_local, narrow_rows, program_text, search_thread,
    Answer, Built, Engine, ListSearch, Remote, Request, Target, TaskSearch, SYNC_INDEX_LIMIT,
};
use crate::error::{Error, Result};
use crate::search::Narrower;
use crate::store::TaskFilter;
use crate::tui::action::{Action, View};
use crate::tui::event::Event;
use crate::tui::keymap::Mode;
use crate::tui::state::asof::AsOfPrompt;
use crate::tui::state::filter::{FilterPanel, Filters};
use crate::tui::state::tasks::{TaskList, TaskListKind};
use crate::tui::state::{AppState, Layer};

impl AppState {
    /// Lets background work wake the event loop through `tx` (without it, search
    /// indexes are built in place).
    pub fn set_notifier(&mut self, tx: Sender<Event>) {
        self.start_runner(tx);
        // The dashboard's sparklines come from the read lane, not from the first frame.
        if let Err(e) = self.want_trends() {
            self.notice = Some(crate::tui::state::Notice::Error(e.to_string()));
        }
    }

    /// Builds and narrows search indexes on a thread above `build` tasks instead of
    /// [`SYNC_INDEX_LIMIT`] (for tests of the background path on small data).
    pub fn set_background_above(&mut self, build: usize) {
        self.find.limit = Some(build);
    }

    /// The as-of date for table reads: `None` when it is today (the live table).
    pub fn past(&self) -> Option<NaiveDate> {
        (self.as_of < self.today).then_some(self.as_of)
    }

    /// The filter a new task table of `kind` reads with.
    pub fn task_filter(&self, kind: &TaskListKind) -> TaskFilter {
        self.find.filters.narrow(&base_filter(kind), self.as_of)
    }

    /// The filters in force.
    pub fn filters(&self) -> &Filters {
        &self.find.filters
    }

    /// The search query of the table on top, while one is typed or kept.
    pub fn search_query(&self) -> Option<&str> {
        match self.target()? {
            Target::Tasks => self.tasks.search.as_ref().map(|s| s.query.as_str()),
            Target::Layer => match self.stack.last() {
                Some(Layer::Tasks(t)) => t.search.as_ref().map(|s| s.query.as_str()),
                _ => None,
            },
            Target::Programs => self.find.programs.as_ref().map(|s| s.query.as_str()),
            Target::Agencies => self.find.agencies.as_ref().map(|s| s.query.as_str()),
        }
    }

    /// The task search of the table on top, if any.
    pub fn task_search(&self) -> Option<&TaskSearch> {
        match self.target()? {
            Target::Tasks => self.tasks.search.as_ref(),
            Target::Layer => match self.stack.last() {
                Some(Layer::Tasks(t)) => t.search.as_ref(),
                _ => None,
            },
            _ => None,
        }
    }

    /// The mode of the search, filter and as-of overlays, when one is open.
    pub(in crate::tui::state) fn find_mode(&self) -> Option<Mode> {
        if self.find.asof.is_some() {
            Some(Mode::AsOf)
        } else if self.find.panel.is_some() {
            Some(Mode::Filter)
        } else if self.find.typing {
            Some(Mode::Search)
        } else {
            None
        }
    }

    fn target(&self) -> Option<Target> {
        match self.stack.last() {
            Some(Layer::Tasks(_)) => Some(Target::Layer),
            Some(_) => None,
            None => match self.view {
                View::Tasks => Some(Target::Tasks),
                View::Programs => Some(Target::Programs),
                View::Agencies => Some(Target::Agencies),
                View::Dashboard | View::Activity | View::Ranking | View::Trends => None,
            },
        }
    }

    /// Handles the actions of search, filters and as-of. `None` when `action` is not
    /// theirs (the caller handles it).
    pub(in crate::tui::state) fn apply_find(&mut self, action: Action) -> Result<Option<bool>> {
        match self.find_mode() {
            Some(Mode::AsOf) => return self.asof_key(action),
            Some(Mode::Filter) => return self.filter_key(action),
            Some(Mode::Search) => {
                if let Some(r) = self.search_key(action)? {
                    return Ok(Some(r));
                }
                return Ok(None);
            }
            _ => {}
        }
        if self.help {
            return Ok(None);
        }
        match action {
            Action::Search => {
                let Some(target) = self.target() else {
                    return Ok(Some(false));
                };
                self.start_search(target)?;
                self.find.typing = true;
                Ok(Some(true))
            }
            Action::Filter => {
                self.find.panel = Some(FilterPanel::open(&self.store, &self.find.filters)?);
                Ok(Some(true))
            }
            Action::SetAsOf => {
                let text = if self.as_of == self.today {
                    String::new()
                } else {
                    self.lang.date(self.as_of)
                };
                self.find.asof = Some(AsOfPrompt { text });
                Ok(Some(true))
            }
            // Esc on a table with a kept search clears the search first.
            Action::Back if self.search_query().is_some() => {
                self.clear_search()?;
                Ok(Some(true))
            }
            Action::Background => self.collect_builds().map(Some),
            _ => Ok(None),
        }
    }

    fn search_key(&mut self, action: Action) -> Result<Option<bool>> {
        let Some(target) = self.target() else {
            self.find.typing = false;
            return Ok(None);
        };
        match action {
            Action::Input(c) => self.edit_query(target, |q| q.push(c))?,
            // A paste is typed into the query, on one line.
            Action::Paste(text) => {
                let text = crate::tui::state::field::one_line(&text);
                self.edit_query(target, |q| q.push_str(&text))?
            }
            Action::Erase => self.edit_query(target, |q| {
                q.pop();
            })?,
            Action::ClearField => self.edit_query(target, String::clear)?,
            Action::Submit => {
                self.find.typing = false;
                // `#70` or `:70` in a task table: go to task 70.
                let number = self.search_query().and_then(task_number);
                if let (Some(id), Target::Tasks | Target::Layer) = (number, target) {
                    self.clear_search()?;
                    self.jump_to_task(target, id)?;
                } else if self.search_query().is_some_and(|q| q.trim().is_empty()) {
                    self.clear_search()?;
                }
            }
            Action::Cancel => {
                self.find.typing = false;
                self.clear_search()?;
            }
            Action::Background => return self.collect_builds().map(Some),
            _ => return Ok(None),
        }
        Ok(Some(true))
    }

    /// Opens the search of `target` (keeping a kept query), building the index of a task
    /// table when it has none for its current scope.
    fn start_search(&mut self, target: Target) -> Result<()> {
        match target {
            Target::Programs => {
                if self.find.programs.is_none() {
                    self.find.programs = Some(ListSearch {
                        query: String::new(),
                        all: self.programs.rows.clone(),
                    });
                }
            }
            Target::Agencies => {
                if self.find.agencies.is_none() {
                    self.find.agencies = Some(ListSearch {
                        query: String::new(),
                        all: self.agencies.rows.clone(),
                    });
                }
            }
            Target::Tasks | Target::Layer => {
                let past = self.past();
                let job = self.find.next_job;
                let Some(t) = self.task_list_mut(target) else {
                    return Ok(());
                };
                let scope = (t.filter.clone(), past);
                if t.search.as_ref().is_some_and(|s| s.scope == scope) {
                    return Ok(());
                }
                let narrowed = t.search.as_ref().is_some_and(|s| s.count().is_some());
                let query = t.search.take().map(|s| s.query).unwrap_or_default();
                // The table's count is its matches' while a search narrows it.
                let size = if narrowed {
                    usize::try_from(self.store.count_tasks_at(&scope.0, scope.1)?).unwrap_or(0)
                } else {
                    t.total
                };
                self.find.next_job += 1;
                let engine = self.engine(job, &scope, size, &query)?;
                // Matches known now (small index): show them; else the rows stay until
                // the thread answers.
                let ready = matches!(engine, Engine::Local(_));
                let page = self.page();
                let store = &self.store;
                if let Some(t) = match target {
                    Target::Tasks => Some(&mut self.tasks),
                    _ => match self.stack.last_mut() {
                        Some(Layer::Tasks(t)) => Some(&mut **t),
                        _ => None,
                    },
                } {
                    t.search = Some(TaskSearch {
                        query,
                        engine: Some(engine),
                        next: None,
                        redo: false,
                        job,
                        scope,
                    });
                    if ready {
                        t.cursor = Default::default();
                        t.load(store, page)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Selects task `id` in the task table of `target`, or says it is not in it.
    fn jump_to_task(&mut self, target: Target, id: i64) -> Result<()> {
        let page = self.page();
        let store = &self.store;
        let list = match target {
            Target::Tasks => &mut self.tasks,
            _ => match self.stack.last_mut() {
                Some(Layer::Tasks(t)) => &mut **t,
                _ => return Ok(()),
            },
        };
        match list.sorted_position(store, id)? {
            Some(p) => {
                list.cursor.selected = p;
                list.cursor.follow(list.total, page);
                list.ensure_window(store, page)?;
            }
            None => {
                self.notice = Some(crate::tui::state::Notice::Info(
                    crate::tui::i18n::Msg::NoSuchTaskHere,
                ));
            }
        }
        Ok(())
    }

    fn task_list_mut(&mut self, target: Target) -> Option<&mut TaskList> {
        match target {
            Target::Tasks => Some(&mut self.tasks),
            Target::Layer => match self.stack.last_mut() {
                Some(Layer::Tasks(t)) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    /// Every task table, top-level first.
    pub(super) fn task_lists_mut(&mut self) -> impl Iterator<Item = &mut TaskList> {
        std::iter::once(&mut self.tasks).chain(self.stack.iter_mut().filter_map(|l| match l {
            Layer::Tasks(t) => Some(&mut **t),
            _ => None,
        }))
    }

    /// The engine of a new search for `job` over `scope` (`size` tasks), with `query`
    /// applied: the index built and narrowed in place when small or when nothing can
    /// wake the loop, else a thread with its own read-only connection that builds it
    /// and then answers each query sent to it.
    pub(super) fn engine(
        &mut self,
        job: u64,
        scope: &(TaskFilter, Option<NaiveDate>),
        size: usize,
        query: &str,
    ) -> Result<Engine> {
        let limit = self.find.limit.unwrap_or(SYNC_INDEX_LIMIT);
        let Some(runner) = self.jobs.runner.as_ref().filter(|_| size > limit) else {
            let index = build_index(&self.store, &scope.0, scope.1)?;
            let mut n = Narrower::new(Arc::new(index));
            narrow_local(&mut n, query, &self.store)?;
            return Ok(Engine::Local(n));
        };
        let (tx, _) = self.find.results.get_or_insert_with(mpsc::channel);
        let answers = tx.clone();
        let (queries, inbox) = mpsc::channel::<Request>();
        let scope = scope.clone();
        // One of the job runner's long-lived workers: its own connection, the same wake-up.
        runner.spawn_worker("phoihop-search", move |w| {
            search_thread(w, scope, job, inbox, answers)
        })?;
        // The query typed so far is the first one answered, once the index is built.
        let _ = queries.send(Request::Query(1, query.to_string()));
        Ok(Engine::Remote(Remote {
            queries,
            shown: None,
            sent: 1,
            done: 0,
            rebuilding: false,
        }))
    }

    /// Takes the search threads' answers and gives each to the table still waiting for
    /// it (an answer to an older query is shown until the newest arrives). The first
    /// answer of an index built over newer data replaces the old engine, the cursor kept
    /// on its task.
    pub(super) fn collect_builds(&mut self) -> Result<bool> {
        let done: Vec<Built> = match &self.find.results {
            Some((_, rx)) => rx.try_iter().collect(),
            None => return Ok(false),
        };
        let page = self.page();
        let mut changed = false;
        let mut again = Vec::new();
        for (job, answer) in done {
            let store = &self.store;
            let lists = std::iter::once(&mut self.tasks).chain(self.stack.iter_mut().filter_map(
                |l| match l {
                    Layer::Tasks(t) => Some(&mut **t),
                    _ => None,
                },
            ));
            for (i, t) in lists.enumerate() {
                let Some(s) = t.search.as_mut().filter(|s| s.job == job) else {
                    continue;
                };
                let refresh = s.next.is_some();
                let slot = if refresh { &mut s.next } else { &mut s.engine };
                // Keep the cursor on its task when the same query is answered again over
                // new data; a new query starts at the top.
                let mut keep = refresh;
                match answer {
                    Answer::Failed(e) => {
                        if refresh {
                            // The old matches stay.
                            s.next = None;
                        } else {
                            s.engine = None;
                        }
                        return Err(Error::Other(e.into()));
                    }
                    Answer::Ranked {
                        seq,
                        shown,
                        rebuilt,
                    } => {
                        let Some(Engine::Remote(r)) = slot.as_mut() else {
                            break;
                        };
                        if seq < r.done || (seq == r.done && r.shown.is_some() && !rebuilt) {
                            break;
                        }
                        keep |= rebuilt;
                        r.rebuilding &= !rebuilt;
                        r.done = seq;
                        r.shown = Some(shown);
                        if refresh && r.done != r.sent {
                            // Wait for the answer to the query typed meanwhile.
                            break;
                        }
                    }
                }
                if refresh {
                    s.engine = s.next.take();
                }
                if std::mem::take(&mut s.redo) {
                    again.push(i);
                }
                if keep {
                    t.reload_keeping(store, page)?;
                } else {
                    t.cursor = Default::default();
                    t.load(store, page)?;
                }
                changed = true;
                break;
            }
        }
        for i in again {
            self.refresh_task_search(i)?;
        }
        Ok(changed)
    }

    fn edit_query(&mut self, target: Target, f: impl FnOnce(&mut String)) -> Result<()> {
        let page = self.page();
        match target {
            Target::Programs => {
                if let Some(s) = self.find.programs.as_mut() {
                    f(&mut s.query);
                    self.programs.rows = narrow_rows(&s.all, &s.query, program_text)?;
                    self.programs.cursor = Default::default();
                }
            }
            Target::Agencies => {
                if let Some(s) = self.find.agencies.as_mut() {
                    f(&mut s.query);
                    self.agencies.rows = narrow_rows(&s.all, &s.query, agency_text)?;
                    self.agencies.cursor = Default::default();
                }
            }
            Target::Tasks | Target::Layer => {
                let store = &self.store;
                let t = match target {
                    Target::Tasks => &mut self.tasks,
                    _ => match self.stack.last_mut() {
                        Some(Layer::Tasks(t)) => &mut **t,
                        _ => return Ok(()),
                    },
                };
                let Some(s) = t.search.as_mut() else {
                    return Ok(());
                };
                let before = s.count();
                f(&mut s.query);
                if !s.refilter(store)? {
                    // Sent to the search thread: the matches come back as an event.
                    return Ok(());
                }
                if before.is_none() && s.count().is_none() {
                    return Ok(());
                }
                t.cursor = Default::default();
                t.load(store, page)?;
            }
        }
        Ok(())
    }

    /// Drops the search of the table on top and shows the whole table again.
    fn clear_search(&mut self) -> Result<()> {
        let page = self.page();
        match self.target() {
            // Clearing a search keeps the selected record (by code, by id).
            Some(Target::Programs) if self.find.programs.take().is_some() => {
                let keep = self.programs.selected().map(|r| r.program.code.clone());
                self.programs.load_programs(
                    &self.store,
                    &self.scope,
                    self.as_of,
                    self.today,
                    page,
                )?;
                self.programs
                    .select_key(keep.as_deref(), page, |r| r.program.code.as_str());
            }
            Some(Target::Agencies) if self.find.agencies.take().is_some() => {
                let keep = self.agencies.selected().map(|r| r.agency.code.clone());
                self.agencies
                    .load_agencies(&self.store, self.dashboard.summary.as_ref(), page)?;
                self.agencies
                    .select_key(keep.as_deref(), page, |r| r.agency.code.as_str());
            }
            Some(t @ (Target::Tasks | Target::Layer)) => {
                let store = &self.store;
                let list = match t {
                    Target::Tasks => &mut self.tasks,
                    _ => match self.stack.last_mut() {
                        Some(Layer::Tasks(l)) => &mut **l,
                        _ => return Ok(()),
                    },
                };
                if list.search.is_some() {
                    list.clear_search_keeping(store, page)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The task number of a query `#70` or `:70`.
fn task_number(query: &str) -> Option<i64> {
    let q = query.trim();
    let digits = q.strip_prefix('#').or_else(|| q.strip_prefix(':'))?;
    digits.trim().parse().ok().filter(|&n: &i64| n > 0)
}
