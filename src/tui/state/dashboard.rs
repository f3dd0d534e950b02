//! The dashboard's data: the summary, the attention list and the program in the title.

use chrono::NaiveDate;

use super::cursor::Cursor;
use crate::domain::{next_review, Program, Task};
use crate::error::Result;
use crate::store::{AgencyCounts, Scope, Store, Summary, TaskFilter, TaskSort};

/// How many overdue and due-soon tasks the dashboard lists.
pub const ATTENTION_LIMIT: usize = 100;

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
    pub attention: Vec<Task>,
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
        // One snapshot: the totals, the list and the programs from the same commit.
        let (summary, attention, programs) = store.snapshot(|store| {
            let summary = store.summary(scope, as_of, today)?;
            let attention = if as_of < today {
                attention_then(store, scope, as_of)?
            } else {
                store.attention(scope, as_of, ATTENTION_LIMIT)?
            };
            Ok((summary, attention, store.programs()?))
        })?;
        self.attention = attention;
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
        self.cursor.follow(self.attention.len(), 1);
        let pos = keep.and_then(|k| self.agencies().iter().position(|a| a.code == k));
        if let Some(i) = pos {
            self.agency_cursor.selected = i;
        }
        let n = self.agencies().len();
        self.agency_cursor.follow(n, 1);
        self.loaded = true;
        Ok(())
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
        self.attention.get(self.cursor.selected)
    }
}

/// The overdue, then due-soon, tasks as they stood on a past date.
fn attention_then(store: &Store, scope: &Scope, as_of: NaiveDate) -> Result<Vec<Task>> {
    let base = TaskFilter {
        program: scope.program.clone(),
        agency: scope.agency.clone(),
        category: scope.category.clone(),
        as_of: Some(as_of),
        ..Default::default()
    };
    let read = |f: TaskFilter, limit: usize| {
        store.tasks_at(&f, TaskSort::Deadline, false, 0, limit, Some(as_of))
    };
    let mut out = read(
        TaskFilter {
            overdue: true,
            ..base.clone()
        },
        ATTENTION_LIMIT,
    )?;
    if out.len() < ATTENTION_LIMIT {
        let rest = ATTENTION_LIMIT - out.len();
        out.extend(read(
            TaskFilter {
                due_soon: true,
                ..base
            },
            rest,
        )?);
    }
    Ok(out)
}
