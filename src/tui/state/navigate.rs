//! Moving between views and through them: switching views with their drill-down stacks,
//! loading a view, the window at the top of a table, moving and sorting the selection,
//! opening a row. Called from `update()` only.

use super::*;

impl AppState {
    /// Shows view `v`. Its own key again goes back to its top; another view's keeps the
    /// drill-down of the one left (unless a task search is on in it) and brings back
    /// `v`'s, every layer of it read again before it is shown.
    pub(super) fn switch(&mut self, v: View) -> Result<()> {
        self.help = false;
        let leaving = std::mem::take(&mut self.stack);
        if v == self.view {
            return self.load_view();
        }
        let searching = leaving
            .iter()
            .any(|l| matches!(l, Layer::Tasks(t) if t.search.is_some()));
        if !leaving.is_empty() && !searching {
            self.saved_stacks[self.view.index()] = Some((self.filter_generation, leaving));
        }
        self.view = v;
        self.load_view()?;
        if let Some((generation, stack)) = self.saved_stacks[v.index()].take() {
            if generation == self.filter_generation {
                self.stack = stack;
                self.stale.mark_layers(self.stack.len());
                self.freshen()?;
                self.ensure_top_window()?;
            }
        }
        Ok(())
    }

    /// Loads the current top-level view the first time it is shown, or again when a
    /// change made it stale.
    pub(super) fn load_view(&mut self) -> Result<()> {
        if !self.view_loaded(self.view) || self.stale.view(self.view) {
            return self.reload_view(self.view);
        }
        if self.view == View::Tasks {
            let page = self.page();
            self.tasks.ensure_window(&self.store, page)?;
        }
        Ok(())
    }

    /// True once view `v` has been read (its first load done).
    pub fn view_loaded(&self, v: View) -> bool {
        match v {
            View::Dashboard => self.dashboard.loaded,
            View::Programs => self.programs.loaded,
            View::Tasks => self.tasks.loaded,
            View::Agencies => self.agencies.loaded,
            View::Activity => self.activity.loaded,
            View::Ranking => self.ranking.loaded,
            // Its series is read by `want_trends` (off the key loop).
            View::Trends => true,
        }
    }

    /// After a resize or coming back: make sure the visible task rows are read.
    pub(super) fn ensure_top_window(&mut self) -> Result<()> {
        let page = self.page();
        match self.stack.last_mut() {
            Some(Layer::Tasks(t)) => {
                t.cursor.follow(t.total, page);
                t.ensure_window(&self.store, page)
            }
            Some(Layer::Detail(_)) => Ok(()),
            Some(Layer::Inbox) => {
                self.inbox.cursor.follow(self.inbox.items.len(), page);
                Ok(())
            }
            Some(Layer::Mine(m)) => {
                m.cursor.follow(m.rows.len(), page);
                Ok(())
            }
            None => match self.view {
                View::Activity => {
                    self.activity.cursor.follow(self.activity.rows.len(), page);
                    Ok(())
                }
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
                View::Ranking => {
                    self.ranking.cursor.follow(self.ranking.rows.len(), page);
                    Ok(())
                }
                View::Trends => {
                    let n = self.trend_rows().len();
                    self.trends.cursor.follow(n, page);
                    Ok(())
                }
                View::Dashboard => Ok(()),
            },
        }
    }

    pub(super) fn move_selection(&mut self, action: Action, page: usize) -> Result<bool> {
        if self.help {
            // The view clamps the scroll to what there is to show.
            let before = self.help_scroll;
            let step = u16::try_from(page.saturating_sub(2).max(1)).unwrap_or(1);
            self.help_scroll = match action {
                Action::Up => before.saturating_sub(1),
                Action::Down => before.saturating_add(1).min(200),
                Action::PageUp => before.saturating_sub(step),
                Action::PageDown => before.saturating_add(step).min(200),
                _ => before,
            };
            return Ok(self.help_scroll != before);
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
            Some(Layer::Mine(m)) => m.apply_move(action, page),
            Some(Layer::Inbox) => {
                let n = self.inbox.items.len();
                self.inbox.cursor.apply(action, n, page)
            }
            None => match self.view {
                View::Dashboard if self.dashboard.focus == Panel::Agencies => {
                    let n = self.dashboard.agencies().len();
                    self.dashboard.agency_cursor.apply(action, n, 5)
                }
                View::Dashboard => self.dashboard.apply_move(&self.store, action, 5)?,
                View::Activity => {
                    let n = self.activity.rows.len();
                    self.activity.cursor.apply(action, n, page)
                }
                View::Programs => self.programs.apply_move(action, page),
                View::Tasks => self.tasks.apply_move(&self.store, action, page)?,
                View::Agencies => self.agencies.apply_move(action, page),
                View::Ranking => self.ranking.apply_move(action, page),
                View::Trends => {
                    let n = self.trend_rows().len();
                    self.trends.cursor.apply(action, n, page)
                }
            },
        })
    }

    pub(super) fn sort(&mut self, action: Action, page: usize) -> Result<()> {
        match self.stack.last_mut() {
            Some(Layer::Tasks(t)) => t.apply_sort(&self.store, action, page)?,
            Some(Layer::Detail(_)) | Some(Layer::Inbox) | Some(Layer::Mine(_)) => {}
            None => match self.view {
                View::Programs => self.programs.sort_programs(action, page),
                View::Tasks => self.tasks.apply_sort(&self.store, action, page)?,
                View::Agencies => self.agencies.sort_agencies(action, page),
                View::Ranking => self.ranking.sort_ranking(action, page),
                View::Dashboard | View::Activity | View::Trends => {}
            },
        }
        Ok(())
    }

    /// Drills down into the selected row.
    pub(super) fn open(&mut self) -> Result<bool> {
        if self.help {
            return Ok(false);
        }
        let page = self.page();
        let layer = match self.stack.last() {
            Some(Layer::Detail(_)) => None,
            Some(Layer::Tasks(t)) => t.selected().map(|t| t.id).map(DrillTo::Task),
            Some(Layer::Inbox) => self.inbox.selected().map(|i| DrillTo::Task(i.urge.task_id)),
            Some(Layer::Mine(m)) => m.selected().map(|t| DrillTo::Task(t.id)),
            None => match self.view {
                View::Activity => self
                    .activity
                    .selected()
                    .and_then(|r| r.change.task_id())
                    .map(DrillTo::Task),
                View::Dashboard if self.dashboard.focus == Panel::Agencies => self
                    .dashboard
                    .selected_agency()
                    .map(|a| DrillTo::Agency(a.code.clone(), a.name.clone())),
                View::Dashboard => self.dashboard.selected().map(|t| DrillTo::Task(t.id)),
                View::Tasks => self.tasks.selected().map(|t| DrillTo::Task(t.id)),
                View::Programs => self
                    .programs
                    .selected()
                    .map(|p| DrillTo::Program(p.program.code.clone(), p.counts.tasks)),
                View::Agencies => self
                    .agencies
                    .selected()
                    .map(|a| DrillTo::Agency(a.agency.code.clone(), a.agency.name.clone())),
                View::Ranking => self
                    .ranking
                    .selected()
                    .map(|r| DrillTo::Agency(r.code.clone(), r.name.clone())),
                View::Trends => None,
            },
        };
        let layer = match layer {
            None => return Ok(false),
            Some(DrillTo::Task(id)) => {
                Layer::Detail(Box::new(Detail::load(&self.store, id, self.past())?))
            }
            Some(DrillTo::Program(code, tasks)) => {
                let kind = TaskListKind::OfProgram(code);
                let mut t = TaskList::new(kind.clone(), self.task_filter(&kind));
                t.past = self.past();
                // The row just drilled from shows the program's count, read with the same
                // scope and date (unless the rows are being read again after a change:
                // then it is counted).
                let known = (!self.reading(View::Programs)).then_some(tasks);
                t.load_counted(&self.store, page, known)?;
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
}
