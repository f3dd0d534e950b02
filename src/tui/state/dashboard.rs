//! The dashboard's data: the summary, the attention list and the program in the title.

use chrono::NaiveDate;

use super::cursor::Cursor;
use crate::domain::{next_review, Program, Task};
use crate::error::Result;
use crate::store::{AgencyCounts, Delta, Scope, Store, Summary, Tally, TaskFilter, TaskSort};
use crate::tui::action::Action;

/// How many overdue and due-soon tasks the dashboard holds at once: a window of the
/// whole list around the selection, read again when the selection nears its edge.
pub const ATTENTION_WINDOW: usize = 200;

/// The dashboard's panel that the moving keys and `Enter` act on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Panel {
    /// The overdue and due-soon list (`Enter` opens a task).
    #[default]
    Attention,
    /// The lead agencies (`Enter` opens the tasks the agency leads).
    Agencies,
}

/// The dashboard.
#[derive(Debug, Clone, Default)]
pub struct Dashboard {
    pub summary: Option<Summary>,
    /// The window of the attention list held: rows `attention_from..` of the whole list
    /// (overdue by deadline, then due soon by deadline).
    pub attention: Vec<Task>,
    /// Where [`Dashboard::attention`] starts in the whole list.
    pub attention_from: usize,
    /// How many tasks are overdue (the list's first part).
    pub overdue_total: usize,
    /// How many tasks the whole list has (overdue and due soon).
    pub attention_total: usize,
    /// What the list was read over: the filter and the past date (today when `None`).
    source: Option<(TaskFilter, Option<NaiveDate>)>,
    /// The program of `--program`, when the app is narrowed to one.
    pub program: Option<Program>,
    /// The next review date and the program it belongs to.
    pub next_review: Option<(NaiveDate, String)>,
    /// True when the database has neither programs nor tasks.
    pub empty: bool,
    pub cursor: Cursor,
    /// The panel the keys act on (`←`/`→`).
    pub focus: Panel,
    /// The selection in the lead-agency panel (over [`Dashboard::agencies`]).
    pub agency_cursor: Cursor,
    pub loaded: bool,
    /// What the numbers were folded from, for the scope and dates (as of, today) they
    /// were read for: a change is applied to it ([`Dashboard::refresh`]).
    tally: Option<(Scope, NaiveDate, NaiveDate, Tally)>,
}

impl Dashboard {
    /// Reads everything the dashboard shows as of `as_of`.
    pub fn load(
        &mut self,
        store: &Store,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<()> {
        let base = TaskFilter {
            program: scope.program.clone(),
            agency: scope.agency.clone(),
            category: scope.category.clone(),
            as_of: Some(as_of),
            ..Default::default()
        };
        let past = (as_of < today).then_some(as_of);
        // The selection stays on its task through a reload when it is still listed.
        let keep = self.selected_task_id();
        let at = self.cursor.selected;
        // One snapshot: the totals, the list and the programs from the same commit.
        let (summary, (overdue, soon), window, programs, tally) = store.snapshot(|store| {
            let (summary, tally) = store.summary_tally(scope, as_of, today)?;
            let counts = attention_counts(store, &base, past)?;
            let from = window_start(at, counts.0 + counts.1);
            let window = read_window(store, &base, past, counts.0, from)?;
            Ok((summary, counts, (from, window), store.programs()?, tally))
        })?;
        self.tally = Some((scope.clone(), as_of, today, tally));
        self.source = Some((base, past));
        self.overdue_total = overdue;
        self.attention_total = overdue + soon;
        (self.attention_from, self.attention) = window;
        if let Some(i) = keep.and_then(|id| self.attention.iter().position(|t| t.id == id)) {
            self.cursor.selected = self.attention_from + i;
        }
        self.empty = summary.totals.tasks == 0 && programs.is_empty();
        self.program = match &scope.program {
            Some(code) => programs.iter().find(|p| &p.code == code).cloned(),
            None => None,
        };
        // The next review: of the program in scope, else the soonest of all programs.
        self.next_review = programs
            .iter()
            .filter(|p| self.program.as_ref().is_none_or(|q| q.code == p.code))
            .filter_map(|p| {
                next_review(p.starts_on, p.ends_on, p.review_months, as_of)
                    .map(|d| (d, p.code.clone()))
            })
            .min();
        // The agency selection stays on its agency through a reload.
        let keep = self.selected_agency().map(|a| a.code.clone());
        self.summary = Some(summary);
        self.cursor.follow(self.attention_total, 1);
        let pos = keep.and_then(|k| self.agencies().iter().position(|a| a.code == k));
        if let Some(i) = pos {
            self.agency_cursor.selected = i;
        }
        let n = self.agencies().len();
        self.agency_cursor.follow(n, 1);
        self.loaded = true;
        Ok(())
    }

    /// A copy to bring up to date off the key loop: what the numbers were folded from
    /// moves into the copy (it is not drawn), so a refresh per commit does not copy the
    /// counts by (program, category, lead). Until the copy comes back, a refresh here
    /// loads in full.
    pub fn take_for_refresh(&mut self) -> Dashboard {
        let tally = self.tally.take();
        let mut copy = self.clone();
        copy.tally = tally;
        copy
    }

    /// Brings a loaded dashboard up to date after a commit by reading only what changed
    /// (`store::live`): the counts get the change applied, the attention list is read
    /// again only when a changed task is or was on it. Loads in full when the dashboard
    /// was read for another scope or dates, when the change is not one a delta covers,
    /// and when the delta's read fails (never wrong numbers).
    pub fn refresh(
        &mut self,
        store: &Store,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<()> {
        let Some((s, a, t, mut tally)) = self.tally.take() else {
            return self.load(store, scope, as_of, today);
        };
        if !self.loaded || s != *scope || a != as_of || t != today {
            return self.load(store, scope, as_of, today);
        }
        let past = (as_of < today).then_some(as_of);
        let overdue_total = self.overdue_total;
        let at = self.cursor.selected;
        let keep = self.selected_task_id();
        let read = store.snapshot(|store| {
            let delta = store.summary_delta(&mut tally, scope, as_of, today)?;
            let Delta::Applied { summary, attention } = delta else {
                return Ok(delta);
            };
            let Some((base, _)) = self.source.as_ref() else {
                return Ok(Delta::Full);
            };
            if attention {
                // The list's counts are the summary's (the same rule and scope).
                let overdue = usize::try_from(summary.totals.overdue).unwrap_or(0);
                let total = overdue + usize::try_from(summary.due_soon).unwrap_or(0);
                let from = window_start(at, total);
                let window = read_window(store, base, past, overdue, from)?;
                self.attention_from = from;
                self.attention = window;
            } else if overdue_total != usize::try_from(summary.totals.overdue).unwrap_or(0) {
                return Ok(Delta::Full);
            }
            Ok(Delta::Applied { summary, attention })
        });
        match read {
            Ok(Delta::Unchanged) => {
                self.tally = Some((s, a, t, tally));
                Ok(())
            }
            Ok(Delta::Applied { summary, .. }) => {
                self.tally = Some((s, a, t, tally));
                self.overdue_total = usize::try_from(summary.totals.overdue).unwrap_or(0);
                self.attention_total =
                    self.overdue_total + usize::try_from(summary.due_soon).unwrap_or(0);
                if let Some(i) = keep.and_then(|id| self.attention.iter().position(|t| t.id == id))
                {
                    self.cursor.selected = self.attention_from + i;
                }
                self.cursor.follow(self.attention_total, 1);
                let keep = self.selected_agency().map(|a| a.code.clone());
                self.summary = Some(summary);
                let pos = keep.and_then(|k| self.agencies().iter().position(|a| a.code == k));
                if let Some(i) = pos {
                    self.agency_cursor.selected = i;
                }
                let n = self.agencies().len();
                self.agency_cursor.follow(n, 1);
                Ok(())
            }
            // Not a change a delta covers, or its read failed: the whole screen again.
            Ok(Delta::Full) | Err(_) => self.load(store, scope, as_of, today),
        }
    }

    /// The lead agencies as the panel lists them: most tasks first, then by code.
    pub fn agencies(&self) -> Vec<&AgencyCounts> {
        let mut list: Vec<&AgencyCounts> = self
            .summary
            .as_ref()
            .map(|s| s.agencies.iter().collect())
            .unwrap_or_default();
        list.sort_by(|a, b| {
            b.counts
                .tasks
                .cmp(&a.counts.tasks)
                .then(a.code.cmp(&b.code))
        });
        list
    }

    /// The selected lead agency.
    pub fn selected_agency(&self) -> Option<&AgencyCounts> {
        self.agencies().get(self.agency_cursor.selected).copied()
    }

    /// `←`/`→`: the other panel.
    pub fn switch_panel(&mut self) {
        self.focus = match self.focus {
            Panel::Attention => Panel::Agencies,
            Panel::Agencies => Panel::Attention,
        };
    }

    /// The selected attention task.
    pub fn selected(&self) -> Option<&Task> {
        if self.focus != Panel::Attention {
            return None;
        }
        self.attention_at(self.cursor.selected)
    }

    fn selected_task_id(&self) -> Option<i64> {
        self.attention_at(self.cursor.selected).map(|t| t.id)
    }

    /// Row `i` of the whole attention list, when it is in the window held.
    pub fn attention_at(&self, i: usize) -> Option<&Task> {
        i.checked_sub(self.attention_from)
            .and_then(|j| self.attention.get(j))
    }

    /// Rows `from..from + n` of the whole list, as far as the window holds them.
    pub fn attention_rows(&self, from: usize, n: usize) -> impl Iterator<Item = &Task> {
        let skip = from.saturating_sub(self.attention_from);
        self.attention.iter().skip(skip).take(n)
    }

    /// Moves the selection in the attention list (over all of it, not only the window)
    /// and reads the window again when the selection comes near its edge.
    pub fn apply_move(&mut self, store: &Store, action: Action, page: usize) -> Result<bool> {
        let moved = self.cursor.apply(action, self.attention_total, page);
        let sel = self.cursor.selected;
        let margin = ATTENTION_WINDOW / 4;
        let end = self.attention_from + self.attention.len();
        let low_ok = self.attention_from == 0 || sel >= self.attention_from + margin;
        let high_ok = end >= self.attention_total || sel + margin < end;
        if moved && !(low_ok && high_ok) {
            if let Some((base, past)) = self.source.clone() {
                let from = window_start(sel, self.attention_total);
                let window = read_window(store, &base, past, self.overdue_total, from)?;
                self.attention_from = from;
                self.attention = window;
            }
        }
        Ok(moved)
    }
}

/// How many tasks are overdue, and how many due soon.
fn attention_counts(
    store: &Store,
    base: &TaskFilter,
    past: Option<NaiveDate>,
) -> Result<(usize, usize)> {
    let count = |f: TaskFilter| {
        store
            .count_tasks_at(&f, past)
            .map(|n| usize::try_from(n).unwrap_or(0))
    };
    let overdue = count(TaskFilter {
        overdue: true,
        ..base.clone()
    })?;
    let soon = count(TaskFilter {
        due_soon: true,
        ..base.clone()
    })?;
    Ok((overdue, soon))
}

/// Where a window around row `at` of a list of `total` rows starts.
fn window_start(at: usize, total: usize) -> usize {
    at.min(total.saturating_sub(1))
        .saturating_sub(ATTENTION_WINDOW / 2)
}

/// Rows `from..from + ATTENTION_WINDOW` of the list: the overdue tasks by deadline
/// (`overdue` of them), then the due-soon ones, through the as-of read path.
fn read_window(
    store: &Store,
    base: &TaskFilter,
    past: Option<NaiveDate>,
    overdue: usize,
    from: usize,
) -> Result<Vec<Task>> {
    let read = |f: TaskFilter, offset: usize, limit: usize| {
        store.tasks_at(&f, TaskSort::Deadline, false, offset, limit, past)
    };
    let mut out = Vec::new();
    if from < overdue {
        out = read(
            TaskFilter {
                overdue: true,
                ..base.clone()
            },
            from,
            ATTENTION_WINDOW.min(overdue - from),
        )?;
    }
    let rest = ATTENTION_WINDOW - out.len();
    if rest > 0 {
        out.extend(read(
            TaskFilter {
                due_soon: true,
                ..base.clone()
            },
            from.saturating_sub(overdue),
            rest,
        )?);
    }
    Ok(out)
}
