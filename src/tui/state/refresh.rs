//! Reading the data again after a change: only what is visible is read at once; the
//! other loaded screens are marked stale and read when they are shown again.
//!
//! A change (a commit by another process, `r`, a save here, new filters or as-of date)
//! marks every screen stale and reads the visible one (the top layer, else the current
//! view) and the status bar's session (who, inbox badge, last change). At the end of
//! every [`AppState::update`](super::AppState::update) the screen about to be drawn is
//! read if it is stale, so a screen never shows data older than the last change once it is
//! shown — whichever action made it visible (a view switch, `Back`, a closed layer).
//! Each cursor stays on its record, as it always did on a reload.

use super::{AppState, Detail, Layer, Notice};
use crate::error::{Error, Result};
use crate::tui::action::View;
use crate::tui::i18n::Msg;

/// Which screens were not read again since the last change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stale {
    /// Per top-level view, by [`View::index`].
    pub(super) views: [bool; View::ALL.len()],
    /// Layers of the stack below this index are stale; those from it up are fresh.
    layers_below: usize,
}

impl Stale {
    /// True when `v` must be read again before it is shown.
    pub fn view(&self, v: View) -> bool {
        self.views[v.index()]
    }

    /// True when layer `i` of the stack must be read again before it is shown.
    pub fn layer(&self, i: usize) -> bool {
        i < self.layers_below
    }

    /// Marks the `n` layers of a stack brought back as stale.
    pub fn mark_layers(&mut self, n: usize) {
        self.layers_below = n;
    }
}

impl AppState {
    /// After a change: reads the visible screen and the session again, each cursor kept
    /// on the same record (by id or code), and marks every other screen stale. A task
    /// detail whose task was removed is closed with a notice.
    pub(crate) fn reload(&mut self) -> Result<()> {
        self.stale = Stale {
            views: [true; View::ALL.len()],
            layers_below: self.stack.len(),
        };
        self.trends.mark_stale();
        self.load_session()?;
        // The screen shown is read again off the key loop where it can be (`firstload.rs`).
        self.jobs.first.change = true;
        let read = self.freshen();
        self.jobs.first.change = false;
        read?;
        // Task searches whose scope changed (new filters or date) get a new index; the
        // list searches were applied by the reads above.
        self.after_reload_of(false, false)
    }

    /// Reads the screen about to be drawn when it is stale. Returns true when it read.
    pub(crate) fn freshen(&mut self) -> Result<bool> {
        let page = self.page();
        let mut read = false;
        loop {
            let len = self.stack.len();
            self.stale.layers_below = self.stale.layers_below.min(len);
            let Some(top) = len.checked_sub(1) else { break };
            if !self.stale.layer(top) {
                return Ok(read);
            }
            read = true;
            let (as_of, past) = (self.as_of, self.past());
            match self.stack.last_mut() {
                Some(Layer::Tasks(t)) => t.refresh(&self.store, page)?,
                Some(Layer::Mine(m)) => {
                    // Read under the as-of date now in force.
                    m.as_of = as_of;
                    m.past = past;
                    m.reload_keeping(&self.store, page)?
                }
                Some(Layer::Detail(d)) => match Detail::load(&self.store, d.task.id, d.past) {
                    Ok(mut fresh) => {
                        fresh.scroll = d.scroll;
                        **d = fresh;
                    }
                    Err(Error::NotFound(_)) => {
                        // Its task was removed: close it and look at the layer below.
                        self.stack.pop();
                        self.notice = Some(Notice::Info(Msg::TaskRemoved));
                        continue;
                    }
                    Err(e) => return Err(e),
                },
                // Its rows are the session's inbox, read on every change.
                Some(Layer::Inbox) | None => {}
            }
            self.stale.layers_below = top;
            return Ok(read);
        }
        // A view whose first read runs on the read lane is read again when it comes.
        if self.stale.view(self.view) && !self.reading(self.view) {
            self.reload_view(self.view)?;
            read = true;
        }
        Ok(read)
    }

    /// Reads a top-level view (again), its cursor kept on the same record, and marks it
    /// fresh. On a view not loaded yet this is its first load.
    pub(super) fn reload_view(&mut self, v: View) -> Result<()> {
        // A first load, and a shown table read again, run on the read lane when there
        // is one (`firstload.rs`).
        if self.load_in_background(v) || self.reload_in_background(v) {
            return Ok(());
        }
        // Read here: a read of it still running on the lane is older, and is dropped.
        self.forget_reload(v);
        let page = self.page();
        match v {
            // The dashboard shown is read off the key loop once it has been loaded.
            View::Dashboard if v == self.view && self.read_dashboard_in_background() => {}
            View::Dashboard => {
                // The selection stays on its task (the load keeps it); a loaded
                // dashboard reads only what changed.
                self.dashboard
                    .refresh(&self.store, &self.scope, self.as_of, self.today)?;
            }
            View::Programs => {
                let keep = self.programs.selected().map(|r| r.program.code.clone());
                self.programs.load_programs(
                    &self.store,
                    &self.scope,
                    self.as_of,
                    self.today,
                    page,
                )?;
                // A kept programs search narrows the new rows before the cursor is placed.
                self.after_reload_of(true, false)?;
                let at =
                    keep.and_then(|k| self.programs.rows.iter().position(|r| r.program.code == k));
                if let Some(i) = at {
                    self.programs.cursor.selected = i;
                }
                self.programs.cursor.follow(self.programs.rows.len(), page);
            }
            View::Tasks => self.tasks.refresh(&self.store, page)?,
            View::Agencies => {
                // Their numbers come from the dashboard's summary: it must be current.
                if self.stale.view(View::Dashboard) || !self.dashboard.loaded {
                    self.reload_view(View::Dashboard)?;
                }
                let keep = self.agencies.selected().map(|r| r.agency.code.clone());
                self.agencies
                    .load_agencies(&self.store, self.dashboard.summary.as_ref(), page)?;
                self.after_reload_of(false, true)?;
                let at =
                    keep.and_then(|k| self.agencies.rows.iter().position(|r| r.agency.code == k));
                if let Some(i) = at {
                    self.agencies.cursor.selected = i;
                }
                self.agencies.cursor.follow(self.agencies.rows.len(), page);
            }
            View::Activity => self.activity.load(&self.store, page)?,
            View::Ranking => {
                self.ranking
                    .load_ranking(&self.store, &self.scope, self.as_of, self.today, page)?
            }
            // Its series is read by `want_trends` at the end of `update()`.
            View::Trends => {}
        }
        self.stale.views[v.index()] = false;
        Ok(())
    }

    /// The search module's step after a reload, with the programs and agencies searches
    /// applied only to the tables just read (`programs`, `agencies`): a stale table's
    /// rows are already narrowed and must not be narrowed again.
    pub(super) fn after_reload_of(&mut self, programs: bool, agencies: bool) -> Result<()> {
        let held_p = if programs {
            None
        } else {
            self.find.programs.take()
        };
        let held_a = if agencies {
            None
        } else {
            self.find.agencies.take()
        };
        let r = self.after_reload();
        if held_p.is_some() {
            self.find.programs = held_p;
        }
        if held_a.is_some() {
            self.find.agencies = held_a;
        }
        r
    }
}
