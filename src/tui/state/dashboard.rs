//! The dashboard's data: the summary, the attention list and the program in the title.

use chrono::NaiveDate;

use super::cursor::Cursor;
use crate::domain::{next_review, Program, Task};
use crate::error::Result;
use crate::store::{Scope, Store, Summary, TaskFilter, TaskSort};

/// How many overdue and due-soon tasks the dashboard lists.
pub const ATTENTION_LIMIT: usize = 100;

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
        self.summary = Some(summary);
        self.cursor.follow(self.attention.len(), 1);
        self.loaded = true;
        Ok(())
    }

    /// The selected attention task.
    pub fn selected(&self) -> Option<&Task> {
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
