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
        // The stale list is most of the work (every open task's versions): the tasks
        // below `cut` are read on a second connection, beside the other lists and the
        // stale tasks above it, in the same snapshot. The cut only shares the work out.
        let top: i64 = self
            .conn()
            .query_row("SELECT coalesce(max(id), 0) FROM task", [], |r| r.get(0))?;
        let cut = top / 5 * 3;
        let (lists, low) = self.snapshot_split(
            |s| {
                // Overdue from the day after its deadline: new when that day is `since` or
                // later, so the deadline is the day before `since` or later.
                let filter = |overdue: bool, due_soon: bool| TaskFilter {
                    lead: req.agency.clone(),
                    overdue,
                    due_soon,
                    deadline_from: overdue.then(|| req.since - chrono::Duration::days(1)),
                    as_of: Some(req.today),
                    ..Default::default()
                };
                let all = usize::MAX >> 1;
                let newly_overdue = s.tasks_at(
                    &filter(true, false),
                    TaskSort::Deadline,
                    false,
                    0,
                    all,
                    None,
                )?;
                let due_soon = s.tasks_at(
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
                let urges = s
                    .inbox(req.agency.as_deref(), all)?
                    .into_iter()
                    .filter(|u| u.urge.on >= req.since && u.urge.on <= req.today)
                    .collect();
                let high = s.stale_tasks(req, cut, i64::MAX)?;
                Ok((newly_overdue, due_soon, urges, high))
            },
            |s| s.stale_tasks(req, i64::MIN, cut),
        )?;
        let (newly_overdue, due_soon, urges, high) = lists;
        let mut stale = low;
        stale.extend(high);
        // Deadline order, those without a deadline last (two sorted runs: a merge).
        stale.sort_by_key(|s| (s.task.deadline.is_none(), s.task.deadline, s.task.id));
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
    /// Those with ids in `[from, to)`.
    fn stale_tasks(&self, req: &DigestRequest, from: i64, to: i64) -> Result<Vec<StaleTask>> {
        let before = req.today - chrono::Duration::days(req.stale_days);
        // One statement: the last update of each open task, joined to its row (a list of
        // ids read back by id cost a seek per task, 420,000 of them at 1,000,000). The
        // rows come in id order and are sorted here: SQLite's sorter spilled those rows,
        // with all their columns, to temporary files.
        let sql = format!(
            "SELECT {cols}, s.last FROM \
               (SELECT v.task_id AS id, max(v.valid_from) AS last FROM task_version v \
                  JOIN task t ON t.id = v.task_id \
                WHERE t.removed_on IS NULL AND t.status IN ('not_started', 'in_progress') \
                  AND v.change IN ('create', 'progress') AND v.task_id >= ?3 AND v.task_id < ?4 \
                  AND (?2 IS NULL OR t.lead_id = (SELECT id FROM agency WHERE code = ?2)) \
                GROUP BY v.task_id HAVING max(v.valid_from) <= ?1) s \
             JOIN task t ON t.id = s.id",
            cols = super::asof::columns(false),
        );
        let codes = self.codes()?;
        let mut st = self.conn().prepare_cached(&sql)?;
        let rows = st.query_map(params![before.to_string(), req.agency, from, to], |r| {
            let task = super::asof::task_row(r, &codes)?;
            let last: String = r.get(15)?;
            let last_update =
                super::asof::date_col(task.id, super::row::Stored::VersionDate, &last)?;
            Ok(StaleTask { task, last_update })
        })?;
        let mut out: Vec<StaleTask> = rows.collect::<rusqlite::Result<_>>()?;
        // Deadline order, those without a deadline last.
        out.sort_unstable_by_key(|s| (s.task.deadline.is_none(), s.task.deadline, s.task.id));
        debug_assert!(out
            .iter()
            .all(|t| matches!(t.task.status, Status::NotStarted | Status::InProgress)));
        Ok(out)
    }
}
