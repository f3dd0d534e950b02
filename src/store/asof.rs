//! Task tables as they stood on a past date: the same filters, sorts and windows as
//! [`Store::tasks`] and [`Store::count_tasks`], over each task's state rebuilt from its
//! progress history (the last entry on or before the date), leaving out the tasks not yet
//! created then. `None` for the date reads the live table.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::programs::parse_date_col;
use super::tasks::{where_clause, window_ids, TaskFilter, TaskSort};
use super::Store;
use crate::domain::{Progress, Task};
use crate::error::{Error, Result};

/// The tasks as they stood on the date bound to `?{n}`, with the columns the filters
/// (`where_clause`) and the sorts refer to.
fn past_source(n: usize) -> String {
    format!(
        "(SELECT t0.id, t0.program_id, t0.category_id, t0.lead_id, t0.title_fold, t0.deadline, \
                 t0.created_on, t0.version, h.status, h.progress, h.completed_on \
          FROM task t0 JOIN task_history h ON h.id = \
            (SELECT h2.id FROM task_history h2 WHERE h2.task_id = t0.id AND h2.on_date <= ?{n} \
             ORDER BY h2.on_date DESC, h2.id DESC LIMIT 1) \
          WHERE t0.created_on <= ?{n})"
    )
}

fn sort_sql(sort: TaskSort) -> &'static str {
    match sort {
        TaskSort::Id => "t.id",
        TaskSort::Title => "t.title_fold",
        TaskSort::Program => "p.code",
        TaskSort::Category => "c.position",
        TaskSort::Lead => "a.code",
        TaskSort::Deadline => "t.deadline IS NULL, t.deadline",
        TaskSort::Status => "t.status",
        TaskSort::Progress => "t.progress",
        TaskSort::Version => "t.version",
    }
}

/// The FROM source and its parameters: the filter's, then the date when past.
fn from_where(
    store: &Store,
    filter: &TaskFilter,
    past: Option<NaiveDate>,
) -> Result<(String, String, Vec<Value>)> {
    // Buckets and "due soon" of a past table are those of that date.
    let filter = match past {
        Some(d) => TaskFilter {
            as_of: Some(d),
            ..filter.clone()
        },
        None => filter.clone(),
    };
    let (w, mut vals) = where_clause(store.conn(), &filter)?;
    let source = match past {
        Some(d) => {
            vals.push(Value::Text(d.to_string()));
            past_source(vals.len())
        }
        None => "task".to_string(),
    };
    Ok((source, w, vals))
}

impl Store {
    /// How many tasks matching `filter` existed on `past` (all of them when `None`),
    /// judged by their state on that date.
    pub fn count_tasks_at(&self, filter: &TaskFilter, past: Option<NaiveDate>) -> Result<i64> {
        if past.is_none() {
            return self.count_tasks(filter);
        }
        let (source, w, vals) = from_where(self, filter, past)?;
        let sql = format!("SELECT count(*) FROM {source} t{w}");
        Ok(self
            .conn()
            .prepare_cached(&sql)?
            .query_row(params_from_iter(vals), |r| r.get(0))?)
    }

    /// Like [`Store::tasks`], as the tasks stood on `past`: the window is chosen and
    /// sorted by their state then, and each row carries that state (status, progress,
    /// completion date).
    pub fn tasks_at(
        &self,
        filter: &TaskFilter,
        sort: TaskSort,
        descending: bool,
        offset: usize,
        limit: usize,
        past: Option<NaiveDate>,
    ) -> Result<Vec<Task>> {
        let Some(date) = past else {
            return self.tasks(filter, sort, descending, offset, limit);
        };
        let (source, w, vals) = from_where(self, filter, past)?;
        let ids = window_ids(
            self.conn(),
            &source,
            sort_sql(sort),
            (sort, descending),
            (w, vals),
            offset..offset.saturating_add(limit),
        )?;
        self.tasks_by_ids_at(&ids, Some(date))
    }

    /// The tasks with these ids, in the order given (unknown ids left out), each as it
    /// stood on `past` when given (a task not yet created then is left out too).
    pub fn tasks_by_ids_at(&self, ids: &[i64], past: Option<NaiveDate>) -> Result<Vec<Task>> {
        let mut by_id: HashMap<i64, Task> = HashMap::with_capacity(ids.len());
        for chunk in ids.chunks(500) {
            let f = TaskFilter {
                ids: Some(chunk.to_vec()),
                ..TaskFilter::default()
            };
            for t in self.tasks(&f, TaskSort::Id, false, 0, chunk.len())? {
                by_id.insert(t.id, t);
            }
        }
        let mut out: Vec<Task> = ids.iter().filter_map(|id| by_id.remove(id)).collect();
        if let Some(d) = past {
            let mut st = self.conn().prepare_cached(
                "SELECT status, progress, completed_on FROM task_history \
                 WHERE task_id = ?1 AND on_date <= ?2 ORDER BY on_date DESC, id DESC LIMIT 1",
            )?;
            let day = d.to_string();
            let mut kept = Vec::with_capacity(out.len());
            for mut t in out {
                if t.created_on > d {
                    continue;
                }
                let row = st
                    .query_map(rusqlite::params![t.id, day], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            r.get::<_, i64>(1)?,
                            r.get::<_, Option<String>>(2)?,
                        ))
                    })?
                    .next()
                    .transpose()?;
                let Some((status, progress, completed)) = row else {
                    continue;
                };
                t.status = status
                    .parse()
                    .map_err(|_| Error::Other(format!("Task {} has an unknown status.", t.id)))?;
                t.progress = Progress::new(progress).unwrap_or_default();
                t.completed_on = completed.map(|s| parse_date_col(&s));
                kept.push(t);
            }
            out = kept;
        }
        Ok(out)
    }

    /// Calls `f(id, title_fold)` for every task matching `filter` as it stood on `past`
    /// (every task matching it now when `None`), in id order.
    pub fn each_task_folded_title_at(
        &self,
        filter: &TaskFilter,
        past: Option<NaiveDate>,
        mut f: impl FnMut(i64, &str) -> Result<()>,
    ) -> Result<()> {
        if past.is_none() {
            return self.each_task_folded_title(filter, f);
        }
        let (source, w, vals) = from_where(self, filter, past)?;
        let sql = format!("SELECT t.id, t.title_fold FROM {source} t{w} ORDER BY t.id");
        let mut st = self.conn().prepare(&sql)?;
        let mut rows = st.query(params_from_iter(vals))?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let s = r
                .get_ref(1)?
                .as_str()
                .map_err(|e| Error::Other(format!("A task title is not text: {e}.")))?;
            f(id, s)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{ProgressUpdate, Status};

    #[test]
    fn past_tables_show_the_state_then() {
        let (_dir, mut store) = crate::store::test_support::temp_store("tester");
        crate::demo::load(
            &mut store,
            NaiveDate::from_ymd_opt(2026, 3, 15).unwrap(),
            false,
        )
        .unwrap();
        let all = TaskFilter::default();
        let now = store.count_tasks_at(&all, None).unwrap();
        let early = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap();
        let then = store.count_tasks_at(&all, Some(early)).unwrap();
        assert!(then < now, "{then} tasks then, {now} now");
        let rows = store
            .tasks_at(&all, TaskSort::Id, false, 0, 1000, Some(early))
            .unwrap();
        assert_eq!(rows.len() as i64, then);
        assert!(rows.iter().all(|t| t.created_on <= early));
        // A task updated today reads as it was before the update on an earlier date.
        let t = rows[0].clone();
        let today = NaiveDate::from_ymd_opt(2026, 3, 15).unwrap();
        store
            .update_progress(
                t.id,
                None,
                ProgressUpdate {
                    on: today,
                    status: Some(Status::Done),
                    progress: Some(Progress::new(100).unwrap()),
                    note: None,
                },
            )
            .unwrap();
        let past = store.tasks_by_ids_at(&[t.id], Some(early)).unwrap();
        assert_eq!(past[0].status, t.status);
        let live = store.tasks_by_ids_at(&[t.id], None).unwrap();
        assert_eq!(live[0].status, Status::Done);
        let mut n = 0;
        store
            .each_task_folded_title_at(&all, Some(early), |_, _| {
                n += 1;
                Ok(())
            })
            .unwrap();
        assert_eq!(n, then);
    }
}
