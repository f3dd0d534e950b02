//! An operator's own work: the tasks an agency leads, then those it coordinates, each
//! part ordered overdue first, then due within 14 days (`domain::DUE_SOON_DAYS`), then the rest
//! (open before done, by deadline, tasks without one last, then by id). One read through the as-of path,
//! shared by the TUI's home and `task list --mine`.

use chrono::NaiveDate;

use super::{Store, TaskFilter, TaskSort};
use crate::domain::{bucket, due_soon, Bucket, Status, Task};
use crate::error::Result;

/// How the agency takes part in a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// It leads (*chủ trì*).
    Lead,
    /// It coordinates (*phối hợp*).
    Coordinating,
}

/// How soon a task needs the agency, as of the date read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    DueSoon,
    Later,
}

/// One task of an agency's work.
#[derive(Debug, Clone)]
pub struct WorkItem {
    pub task: Task,
    pub part: Part,
    pub urgency: Urgency,
}

/// The counts an agency's work is summed up by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkCounts {
    pub tasks: usize,
    pub overdue: usize,
    pub due_soon: usize,
}

/// (led, coordinated) counts of `items`.
pub fn work_counts(items: &[WorkItem]) -> (WorkCounts, WorkCounts) {
    let mut led = WorkCounts::default();
    let mut with = WorkCounts::default();
    for i in items {
        let c = match i.part {
            Part::Lead => &mut led,
            Part::Coordinating => &mut with,
        };
        c.tasks += 1;
        match i.urgency {
            Urgency::Overdue => c.overdue += 1,
            Urgency::DueSoon => c.due_soon += 1,
            Urgency::Later => {}
        }
    }
    (led, with)
}

impl Store {
    /// The tasks agency `code` leads or coordinates as of `as_of` (`past`: read as they
    /// stood then; `None`: now), in the order of an operator's home.
    pub fn agency_work(
        &self,
        code: &str,
        as_of: NaiveDate,
        past: Option<NaiveDate>,
    ) -> Result<Vec<WorkItem>> {
        let filter = TaskFilter {
            agency: Some(code.to_string()),
            ..Default::default()
        };
        let tasks = self.tasks_at(&filter, TaskSort::Deadline, false, 0, usize::MAX >> 1, past)?;
        let mut items: Vec<WorkItem> = tasks
            .into_iter()
            .map(|task| {
                let part = if task.lead == code {
                    Part::Lead
                } else {
                    Part::Coordinating
                };
                let urgency = if bucket(task.status, task.deadline, task.completed_on, as_of)
                    == Bucket::Overdue
                {
                    Urgency::Overdue
                } else if due_soon(task.status, task.deadline, as_of) {
                    Urgency::DueSoon
                } else {
                    Urgency::Later
                };
                WorkItem {
                    task,
                    part,
                    urgency,
                }
            })
            .collect();
        // Within "the rest", open tasks before those done.
        let key = |w: &WorkItem| {
            (
                w.part,
                w.urgency,
                w.task.status == Status::Done,
                w.task.deadline.is_none(),
                w.task.deadline,
                w.task.id,
            )
        };
        items.sort_by_key(key);
        Ok(items)
    }
}
