//! A table of tasks kept current as [`super::live`] keeps the dashboard (issue 20): after
//! a commit its count changes by the touched tasks that entered or left its filter, read
//! from the version log since the mark it was counted at — not by counting again.
//!
//! A task's state at a mark is its newest version then (each write copies the live row
//! into its version), so the count at the mark was the untouched tasks plus the touched
//! ones whose version then matched; the count now is the same untouched tasks plus the
//! touched ones whose live row matches. The filter is the table's own `WHERE`, over the
//! version rows for the first and the live rows for the second.

use chrono::NaiveDate;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::live::Mark;
use super::tasks::{where_clause_in, TaskFilter};
use super::Store;
use crate::error::Result;

/// What changed for a table since its mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableDelta {
    /// Count again (names or many tasks may have changed, or the table is of a past
    /// date a change reached).
    Full,
    /// Nothing the table shows changed; the new mark.
    Unchanged(Mark),
    /// `change` more (or fewer) tasks match; `touched` were written; the new mark.
    Applied {
        change: i64,
        touched: Vec<i64>,
        mark: Mark,
    },
}

/// The task-shaped rows of these versions (ids bound as one JSON list at `?n`), the
/// columns a table's filter reads (see `asof::past_source`).
fn versions_source(n: usize) -> String {
    format!(
        "(SELECT v.task_id AS id, v.program_id, v.category_id, v.title, v.title_fold, \
                 v.lead_id, v.with_ids, v.cadence, v.deadline, v.status, v.progress, \
                 v.completed_on \
          FROM task_version v WHERE v.removed = 0 AND v.id IN (SELECT value FROM json_each(?{n})))"
    )
}

impl Store {
    /// The mark a table's count is read at: call in the same snapshot as the count.
    pub fn table_mark(&self) -> Result<Mark> {
        self.live_mark()
    }

    /// How the count of the tasks matching `filter` (as of `past`, today when `None`)
    /// changed since `mark`. Call inside [`Store::snapshot`].
    pub fn table_delta(
        &self,
        filter: &TaskFilter,
        past: Option<NaiveDate>,
        mark: Mark,
    ) -> Result<TableDelta> {
        let Some((now, touched)) = self.touched_since(mark)? else {
            return Ok(TableDelta::Full);
        };
        if let Some(d) = past {
            // A past date: versions dated after it change nothing it shows.
            let d = d.to_string();
            if touched.iter().any(|t| t.1 <= d) {
                return Ok(TableDelta::Full);
            }
            return Ok(TableDelta::Unchanged(now));
        }
        if touched.is_empty() {
            return Ok(TableDelta::Unchanged(now));
        }
        let ids: Vec<i64> = touched.iter().map(|t| t.0).collect();
        // The version of each touched task in force at the mark (none: created since).
        let mut before = Vec::with_capacity(ids.len());
        {
            let mut st = self.conn().prepare_cached(
                "SELECT max(id) FROM task_version WHERE task_id = ?1 AND id <= ?2",
            )?;
            for id in &ids {
                let v: Option<i64> = st.query_row([*id, mark.version], |r| r.get(0))?;
                before.extend(v);
            }
        }
        let list =
            |v: &[i64]| Value::Text(serde_json::to_string(v).unwrap_or_else(|_| "[]".into()));
        let count = |live: bool, of: &[i64]| -> Result<i64> {
            let (w, mut vals) = where_clause_in(self.conn(), filter, !live)?;
            vals.push(list(of));
            let n = vals.len();
            let sql = if live {
                let and = if w.is_empty() { " WHERE" } else { " AND" };
                format!(
                    "SELECT count(*) FROM task t{w}{and} t.id IN (SELECT value FROM json_each(?{n}))"
                )
            } else {
                format!("SELECT count(*) FROM {} t{w}", versions_source(n))
            };
            Ok(self
                .conn()
                .prepare_cached(&sql)?
                .query_row(params_from_iter(vals), |r| r.get(0))?)
        };
        let was = if before.is_empty() {
            0
        } else {
            count(false, &before)?
        };
        let is = count(true, &ids)?;
        Ok(TableDelta::Applied {
            change: is - was,
            touched: ids,
            mark: now,
        })
    }
}
