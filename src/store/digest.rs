//! The supervisors' digest (`phoihop digest`, for cron and mail): what needs attention
//! since a date. One read of today's record: tasks that became overdue since then, tasks
//! due within [`DUE_SOON_DAYS`] days, urges sent since then, and open tasks with no
//! progress update for some days. A task counts for the agency that leads it (the one
//! answerable for it, and the one urges go to).

use chrono::NaiveDate;
use rusqlite::params;

use super::InboxItem;
use super::{Store, TaskFilter, TaskSort};
use crate::domain::{Status, Task, DUE_SOON_DAYS};
use crate::error::Result;

/// What a digest covers.
#[derive(Debug, Clone)]
pub struct DigestRequest {
    /// One lead agency (by code), or every agency.
    pub agency: Option<String>,
    /// The day of the digest (today, or the global `--as-of`).
    pub today: NaiveDate,
    /// Changes on or after this day are new.
    pub since: NaiveDate,
    /// An open task whose last progress update (or creation) is this many days old or
    /// more is listed as without update.
    pub stale_days: i64,
}

/// An open task and the day of its last progress update (or its creation).
#[derive(Debug, Clone)]
pub struct StaleTask {
    pub task: Task,
    pub last_update: NaiveDate,
}

/// The digest's four lists, each in deadline order (urges newest first).
#[derive(Debug, Clone)]
pub struct Digest {
    pub request: DigestRequest,
    /// Open tasks overdue today that became overdue (the day after the deadline) on or
    /// after `since`.
    pub newly_overdue: Vec<Task>,
    /// Open tasks due from today to [`DUE_SOON_DAYS`] days on.
    pub due_soon: Vec<Task>,
    /// Urges sent on or after `since` to the agency (every agency when none is named).
    pub urges: Vec<InboxItem>,
    /// Open tasks without a progress update for `stale_days` days.
    pub stale: Vec<StaleTask>,
}

impl Digest {
    /// True when there is nothing to report.
    pub fn is_empty(&self) -> bool {
        self.newly_overdue.is_empty()
            && self.due_soon.is_empty()
            && self.urges.is_empty()
            && self.stale.is_empty()
    }
}

impl Store {
    /// The digest of `req` (see the module's documentation).
    pub fn digest(&self, req: &DigestRequest) -> Result<Digest> {
        if let Some(code) = &req.agency {
            super::agencies::referenced_agency(self.conn(), "agency", code)?;
        }
        let filter = |overdue: bool, due_soon: bool| TaskFilter {
            lead: req.agency.clone(),
            overdue,
            due_soon,
            as_of: Some(req.today),
            ..Default::default()
        };
        let all = usize::MAX >> 1;
        let newly_overdue: Vec<Task> = self
            .tasks_at(
                &filter(true, false),
                TaskSort::Deadline,
                false,
                0,
                all,
                None,
            )?
            .into_iter()
            // Overdue from the day after its deadline: new when that day is `since` or later.
            .filter(|t| {
                t.deadline
                    .is_some_and(|d| d + chrono::Duration::days(1) >= req.since)
            })
            .collect();
        let due_soon = self.tasks_at(
            &filter(false, true),
            TaskSort::Deadline,
            false,
            0,
            all,
            None,
        )?;
        debug_assert!(due_soon.iter().all(|t| t
            .deadline
            .is_some_and(|d| (d - req.today).num_days() <= DUE_SOON_DAYS)));
        let urges = self
            .inbox(req.agency.as_deref(), all)?
            .into_iter()
            .filter(|u| u.urge.on >= req.since && u.urge.on <= req.today)
            .collect();
        let stale = self.stale_tasks(req)?;
        Ok(Digest {
            request: req.clone(),
            newly_overdue,
            due_soon,
            urges,
            stale,
        })
    }

    /// Open (not done, not suspended) tasks whose last progress update or creation is
    /// `stale_days` or more days before `today`, in deadline order.
    fn stale_tasks(&self, req: &DigestRequest) -> Result<Vec<StaleTask>> {
        let before = req.today - chrono::Duration::days(req.stale_days);
        // One statement: the last update of each open task, joined to its row (a list of
        // ids read back by id cost a seek per task, 420,000 of them at 1,000,000).
        let sql = format!(
            "SELECT {cols}, s.last FROM \
               (SELECT v.task_id AS id, max(v.valid_from) AS last FROM task_version v \
                  JOIN task t ON t.id = v.task_id \
                WHERE t.removed_on IS NULL AND t.status IN ('not_started', 'in_progress') \
                  AND v.change IN ('create', 'progress') \
                  AND (?2 IS NULL OR t.lead_id = (SELECT id FROM agency WHERE code = ?2)) \
                GROUP BY v.task_id HAVING max(v.valid_from) <= ?1) s \
             JOIN task t ON t.id = s.id {joins} \
             ORDER BY t.deadline IS NULL, t.deadline, t.id",
            cols = super::asof::columns(false),
            joins = super::asof::JOINS,
        );
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(params![before.to_string(), req.agency], |r| {
            let task = super::asof::task_row(r)?;
            let last: String = r.get(15)?;
            let last_update =
                super::asof::date_col(task.id, super::row::Stored::VersionDate, &last)?;
            Ok(StaleTask { task, last_update })
        })?;
        let out: Vec<StaleTask> = rows.collect::<rusqlite::Result<_>>()?;
        debug_assert!(out
            .iter()
            .all(|t| matches!(t.task.status, Status::NotStarted | Status::InProgress)));
        Ok(out)
    }
}
