//! Live refresh whose cost follows the change: a session holds the dashboard's counts by
//! (program, category, lead) and the version-log id it read them at (a [`Tally`]); after a
//! commit elsewhere it reads only the versions written since, and for each task they
//! touch takes away the contribution of its state before and adds that of its state after
//! (`stats::contribute`, the same rule the full load folds with).
//!
//! Anything else than task writes and urges since the mark (an agency merge or rename, a
//! program or category edit, an import, a cleared or replaced database — seen in the
//! audit log, which every write appends to in its own transaction), more than
//! [`MAX_DELTA`] new versions, or a version log that went backwards: the caller does a
//! full load. A session as of a past date ignores versions dated after it; one dated on or
//! before it (a back-dated write) makes it load in full.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;

use super::agencies::agency_id;
use super::programs::{category_id, program_id};
use super::stats::{contribute, BucketDates, TaskState};
use super::{Counts, Scope, Store, Summary};
use crate::error::Result;

/// Beyond this many new versions a full load is cheaper than the delta.
pub const MAX_DELTA: usize = 1_000;

/// Tasks written since a mark, each with the earliest date a new version of it starts.
pub(super) type Touched = Vec<(i64, String)>;

/// Where a session last looked: the newest version and audit ids it had read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mark {
    pub(super) version: i64,
    pub(super) audit: i64,
}

/// What the dashboard's numbers are folded from, kept to apply changes to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    by_key: HashMap<(i64, i64, i64), Counts>,
    due_soon: i64,
    mark: Mark,
}

/// What a delta did.
#[derive(Debug, Clone, PartialEq)]
pub enum Delta {
    /// A full load is needed (see the module's text).
    Full,
    /// Nothing this screen shows changed.
    Unchanged,
    /// The counts changed: the new summary, and whether a task entered, left or stayed
    /// on the attention list (overdue or due soon), so that list is read again.
    Applied { summary: Summary, attention: bool },
}

/// One version's row as the delta reads it.
struct VersionRow {
    removed: bool,
    program: i64,
    category: i64,
    lead: i64,
    with_ids: String,
    status: String,
    deadline: Option<String>,
    completed: Option<String>,
    progress: i64,
}

/// The scope's ids (-1 for a code that names nothing, as the full load binds it).
struct ScopeIds {
    program: Option<i64>,
    category: Option<i64>,
    agency: Option<i64>,
}

impl ScopeIds {
    fn new(store: &Store, scope: &Scope) -> Result<Self> {
        let c = store.conn();
        let id = |v: Option<i64>| v.unwrap_or(-1);
        Ok(ScopeIds {
            program: match &scope.program {
                Some(p) => Some(id(program_id(c, p)?)),
                None => None,
            },
            category: match &scope.category {
                Some(k) => Some(id(category_id(c, k)?)),
                None => None,
            },
            agency: match &scope.agency {
                Some(a) => Some(id(agency_id(c, a)?)),
                None => None,
            },
        })
    }

    /// True when a task in this state is in scope (it leads or coordinates, for agency).
    fn covers(&self, v: &VersionRow) -> bool {
        self.program.is_none_or(|p| p == v.program)
            && self.category.is_none_or(|k| k == v.category)
            && self.agency.is_none_or(|a| {
                a == v.lead
                    || serde_json::from_str::<Vec<i64>>(&v.with_ids)
                        .map(|w| w.contains(&a))
                        .unwrap_or(false)
            })
    }
}

impl Store {
    /// The newest version and audit ids.
    pub(super) fn live_mark(&self) -> Result<Mark> {
        let (version, audit) = self
            .conn()
            .prepare_cached(
                "SELECT (SELECT coalesce(max(id), 0) FROM task_version), \
                    (SELECT coalesce(max(id), 0) FROM audit)",
            )?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(Mark { version, audit })
    }

    /// [`Store::summary`] and the tally it was folded from, read in one snapshot with the
    /// mark of that snapshot.
    pub fn summary_tally(
        &self,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<(Summary, Tally)> {
        self.snapshot(|s| {
            let mark = s.live_mark()?;
            let (by_key, due_soon) = s.fold_counts(scope, as_of, today)?;
            let summary = s.summary_from(&by_key, due_soon, as_of)?;
            Ok((
                summary,
                Tally {
                    by_key,
                    due_soon,
                    mark,
                },
            ))
        })
    }

    /// Brings `tally` (read for this scope and dates) up to date by reading only what
    /// changed since its mark. On [`Delta::Full`] and on an error the tally is left as it
    /// was, and the caller must load in full. Call inside [`Store::snapshot`] so the
    /// summary names and the counts come from the same commit.
    pub fn summary_delta(
        &self,
        tally: &mut Tally,
        scope: &Scope,
        as_of: NaiveDate,
        today: NaiveDate,
    ) -> Result<Delta> {
        let old = tally.mark;
        let Some((now, touched)) = self.touched_since(old)? else {
            return Ok(Delta::Full);
        };
        if as_of < today {
            // A past date: versions dated after it change nothing it shows (the version
            // they close stays in force on it); one dated on or before it does.
            let d = as_of.to_string();
            if touched.iter().any(|t| t.1 <= d) {
                return Ok(Delta::Full);
            }
            tally.mark = now;
            return Ok(Delta::Unchanged);
        }
        if touched.is_empty() {
            tally.mark = now;
            return Ok(Delta::Unchanged);
        }
        // As of today (or later) the full load reads the live table, which each write
        // copies into its version: a task's state at a mark is its newest version then.
        let ids = ScopeIds::new(self, scope)?;
        let dates = BucketDates::new(as_of);
        let mut by_key = tally.by_key.clone();
        let mut due_soon = tally.due_soon;
        let mut attention = false;
        for (task, _) in &touched {
            for (at, sign) in [(old.version, -1), (now.version, 1)] {
                let Some(v) = self.version_at_mark(*task, at)? else {
                    continue;
                };
                if v.removed || !ids.covers(&v) {
                    continue;
                }
                let c = by_key.entry((v.program, v.category, v.lead)).or_default();
                let state = TaskState {
                    status: &v.status,
                    deadline: v.deadline.as_deref(),
                    completed: v.completed.as_deref(),
                    progress: v.progress,
                };
                attention |= contribute(c, &mut due_soon, &state, &dates, sign);
            }
        }
        // A key whose last task left is gone, as a full load would not have it.
        by_key.retain(|_, c| c.tasks != 0);
        let summary = self.summary_from(&by_key, due_soon, as_of)?;
        *tally = Tally {
            by_key,
            due_soon,
            mark: now,
        };
        Ok(Delta::Applied { summary, attention })
    }

    /// The newest mark, and the tasks with versions written since `mark`, each once with
    /// the earliest date a new version of it starts. `None` when a count must be read
    /// again in full: the mark is ahead of the file (a restore), something other than task
    /// writes and urges changed (names, merges), or more than [`MAX_DELTA`] versions came.
    pub(super) fn touched_since(&self, old: Mark) -> Result<Option<(Mark, Touched)>> {
        let now = self.live_mark()?;
        if now.version < old.version || now.audit < old.audit {
            return Ok(None);
        }
        // Anything but task writes and urges: names or many tasks may have changed.
        let other: Option<i64> = self
            .conn()
            .prepare_cached(
                "SELECT id FROM audit WHERE id > ?1 AND entity NOT IN ('task', 'urge') LIMIT 1",
            )?
            .query_row([old.audit], |r| r.get(0))
            .optional()?;
        if other.is_some() {
            return Ok(None);
        }
        let mut touched: Vec<(i64, String)> = Vec::new();
        let mut st = self.conn().prepare_cached(
            "SELECT task_id, valid_from FROM task_version WHERE id > ?1 AND id <= ?2 \
             ORDER BY id LIMIT ?3",
        )?;
        let mut rows = st.query(rusqlite::params![
            old.version,
            now.version,
            MAX_DELTA as i64 + 1
        ])?;
        let mut n = 0;
        while let Some(r) = rows.next()? {
            n += 1;
            let (id, from): (i64, String) = (r.get(0)?, r.get(1)?);
            match touched.iter_mut().find(|t| t.0 == id) {
                Some(t) if from < t.1 => t.1 = from,
                Some(_) => {}
                None => touched.push((id, from)),
            }
        }
        if n > MAX_DELTA {
            return Ok(None);
        }
        Ok(Some((now, touched)))
    }

    /// A task's newest version with an id up to `mark`, if it had one.
    fn version_at_mark(&self, task: i64, mark: i64) -> Result<Option<VersionRow>> {
        Ok(self
            .conn()
            .prepare_cached(
                "SELECT removed, program_id, category_id, lead_id, with_ids, status, deadline, \
                        completed_on, progress \
                 FROM task_version WHERE task_id = ?1 AND id <= ?2 ORDER BY id DESC LIMIT 1",
            )?
            .query_row([task, mark], |r| {
                Ok(VersionRow {
                    removed: r.get(0)?,
                    program: r.get(1)?,
                    category: r.get(2)?,
                    lead: r.get(3)?,
                    with_ids: r.get(4)?,
                    status: r.get(5)?,
                    deadline: r.get(6)?,
                    completed: r.get(7)?,
                    progress: r.get(8)?,
                })
            })
            .optional()?)
    }
}
