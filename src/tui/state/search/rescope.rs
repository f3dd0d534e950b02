//! The filter panel (`f`) and the as-of prompt (`a`), and what follows a change of data,
//! filters or date: the list searches applied to the new rows and the task searches'
//! indexes read again.

use super::{agency_text, base_filter, narrow_rows, program_text, Engine, ListSearch, Request};
use crate::error::Result;
use crate::tui::action::Action;
use crate::tui::state::asof::{check, AsOfCheck};
use crate::tui::state::filter::Filters;
use crate::tui::state::{AppState, Layer};

impl AppState {
    /// A key in the filter panel; `None` for what the panel leaves to the app (a resize,
    /// live refresh).
    pub(super) fn filter_key(&mut self, action: Action) -> Result<Option<bool>> {
        let Some(panel) = self.find.panel.as_mut() else {
            return Ok(None);
        };
        match action {
            Action::NextField => panel.next_field(true),
            Action::PrevField => panel.next_field(false),
            Action::NextValue => panel.step_value(true),
            Action::PrevValue => panel.step_value(false),
            Action::ClearField => panel.clear_field(),
            Action::ClearFilters => panel.draft = Filters::default(),
            Action::Cancel => self.find.panel = None,
            Action::Submit => {
                let draft = panel.draft.clone();
                self.find.panel = None;
                if draft != self.find.filters {
                    self.find.filters = draft;
                    self.refresh_all()?;
                }
            }
            Action::Background => return self.collect_builds().map(Some),
            _ => return Ok(None),
        }
        Ok(Some(true))
    }

    /// A key in the as-of prompt; `None` for what the prompt leaves to the app.
    pub(super) fn asof_key(&mut self, action: Action) -> Result<Option<bool>> {
        let Some(p) = self.find.asof.as_mut() else {
            return Ok(None);
        };
        match action {
            Action::Input(c) => {
                if p.text.chars().count() < 10 {
                    p.text.push(c);
                }
            }
            Action::Paste(text) => {
                let room = 10usize.saturating_sub(p.text.chars().count());
                p.text
                    .extend(crate::tui::state::field::one_line(&text).chars().take(room));
            }
            Action::Erase => {
                p.text.pop();
            }
            Action::ClearField => p.text.clear(),
            Action::Cancel => self.find.asof = None,
            Action::Submit => {
                let date = match check(&p.text, self.today) {
                    AsOfCheck::Today => self.today,
                    AsOfCheck::Date(d) => d,
                    // Not a date yet: the reason is on screen; Enter does nothing.
                    _ => return Ok(Some(false)),
                };
                self.find.asof = None;
                if date != self.as_of {
                    self.as_of = date;
                    self.refresh_all()?;
                }
            }
            Action::Background => return self.collect_builds().map(Some),
            _ => return Ok(None),
        }
        Ok(Some(true))
    }

    /// What the as-of prompt's text amounts to, while it is open.
    pub fn asof_check(&self) -> Option<AsOfCheck> {
        self.find.asof.as_ref().map(|p| check(&p.text, self.today))
    }

    /// After the filters or the as-of date changed: every table reads again under the
    /// new ones; searches keep their queries over a new index.
    pub(in crate::tui::state) fn refresh_all(&mut self) -> Result<()> {
        self.filter_generation += 1;
        self.scope = self.find.filters.scope();
        let past = self.past();
        let filters = self.find.filters.clone();
        let as_of = self.as_of;
        for t in self.task_lists_mut() {
            t.filter = filters.narrow(&base_filter(&t.kind), as_of);
            t.past = past;
            t.cursor = Default::default();
        }
        self.dashboard.cursor = Default::default();
        // Reads every loaded table again, then (through `after_reload`) the searches.
        self.reload()
    }

    /// After a reload (`r`, live refresh, new filters or date, an edit): the programs
    /// and agencies searches start again from the new rows; a task search whose scope
    /// changed gets a new index; one over the same scope reads its index again (titles
    /// added, edited or removed), off the key loop when it is large, its matches shown
    /// until the new ones come.
    pub(in crate::tui::state) fn after_reload(&mut self) -> Result<()> {
        let queries = (
            self.find.programs.take().map(|s| s.query),
            self.find.agencies.take().map(|s| s.query),
        );
        self.reapply_list_searches(queries)?;
        self.rebuild_task_searches()
    }

    fn reapply_list_searches(&mut self, q: (Option<String>, Option<String>)) -> Result<()> {
        if let Some(query) = q.0 {
            let all = self.programs.rows.clone();
            self.programs.rows = narrow_rows(&all, &query, program_text)?;
            self.find.programs = Some(ListSearch { query, all });
        }
        if let Some(query) = q.1 {
            let all = self.agencies.rows.clone();
            self.agencies.rows = narrow_rows(&all, &query, agency_text)?;
            self.find.agencies = Some(ListSearch { query, all });
        }
        Ok(())
    }

    /// A new index for every task search whose scope changed; the others read theirs
    /// again.
    fn rebuild_task_searches(&mut self) -> Result<()> {
        let past = self.past();
        let page = self.page();
        let mut todo = Vec::new();
        let mut refresh = Vec::new();
        for (i, t) in self.task_lists_mut().enumerate() {
            let scope = (t.filter.clone(), past);
            if let Some(s) = t.search.as_ref() {
                if s.scope != scope {
                    todo.push((i, scope, s.query.clone()));
                } else {
                    refresh.push(i);
                }
            }
        }
        for i in refresh {
            self.refresh_task_search(i)?;
        }
        for (i, scope, query) in todo {
            let job = self.find.next_job;
            self.find.next_job += 1;
            // The table's count is the old matches': count the new scope.
            let size = usize::try_from(self.store.count_tasks_at(&scope.0, scope.1)?).unwrap_or(0);
            let engine = self.engine(job, &scope, size, &query)?;
            let store = &self.store;
            if let Some(t) = std::iter::once(&mut self.tasks)
                .chain(self.stack.iter_mut().filter_map(|l| match l {
                    Layer::Tasks(t) => Some(&mut **t),
                    _ => None,
                }))
                .nth(i)
            {
                if let Some(s) = t.search.as_mut() {
                    s.engine = Some(engine);
                    s.next = None;
                    s.redo = false;
                    s.job = job;
                    s.scope = scope;
                    t.cursor = Default::default();
                    t.load(store, page)?;
                }
            }
        }
        Ok(())
    }

    /// Reads the index of task table `i`'s search again over the same scope: in place
    /// when small; by its thread when the thread keeps it; else by a new thread whose
    /// index replaces the old one when it comes (once more after it, when the data
    /// changed again meanwhile).
    pub(super) fn refresh_task_search(&mut self, i: usize) -> Result<()> {
        let page = self.page();
        let Some(s) = self.task_lists_mut().nth(i).and_then(|t| t.search.as_mut()) else {
            return Ok(());
        };
        if s.next.is_some() {
            s.redo = true;
            return Ok(());
        }
        let size = match &mut s.engine {
            Some(Engine::Remote(r)) => {
                // Its thread reads the index again and answers the last query again.
                r.rebuilding = r.queries.send(Request::Rebuild).is_ok();
                return Ok(());
            }
            Some(Engine::Local(n)) => n.index().len(),
            None => {
                // Still being built (perhaps from before the change): once more after.
                s.redo = true;
                return Ok(());
            }
        };
        let (scope, query) = (s.scope.clone(), s.query.clone());
        let job = self.find.next_job;
        self.find.next_job += 1;
        let engine = self.engine(job, &scope, size, &query)?;
        let store = &self.store;
        let Some(t) = std::iter::once(&mut self.tasks)
            .chain(self.stack.iter_mut().filter_map(|l| match l {
                Layer::Tasks(t) => Some(&mut **t),
                _ => None,
            }))
            .nth(i)
        else {
            return Ok(());
        };
        let Some(s) = t.search.as_mut() else {
            return Ok(());
        };
        if matches!(engine, Engine::Local(_)) {
            s.engine = Some(engine);
            t.reload_keeping(store, page)?;
        } else {
            s.next = Some(engine);
            s.job = job;
        }
        Ok(())
    }
}
