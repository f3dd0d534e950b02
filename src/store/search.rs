//! Reads for the search index: folded titles streamed without a copy per row, and the
//! original titles of a set of matches.

use std::collections::HashMap;

use rusqlite::params_from_iter;

use super::tasks::{where_clause, TaskFilter};
use super::Store;
use crate::error::{Error, Result};

/// Column 1 of a row as text, without a copy.
fn text<'r>(r: &'r rusqlite::Row<'_>) -> Result<&'r str> {
    r.get_ref(1)?
        .as_str()
        .map_err(|_| Error::Other(crate::lang::facts::Db::TitleNotText { id: None }.into()))
}

/// Above this many ids, reading the whole title column beats looking each one up.
const SCAN_ABOVE: usize = 20_000;
/// Ids bound per `IN (…)` lookup.
const CHUNK: usize = 500;

impl Store {
    /// Calls `f(id, title_fold)` for every task matching `filter`, in id order, without
    /// copying the texts (the callback sees SQLite's buffer).
    pub fn each_task_folded_title(
        &self,
        filter: &TaskFilter,
        mut f: impl FnMut(i64, &str) -> Result<()>,
    ) -> Result<()> {
        let (w, vals) = where_clause(self.conn(), filter)?;
        let sql = format!("SELECT t.id, t.title_fold FROM task t{w} ORDER BY t.id");
        let mut st = self.conn().prepare(&sql)?;
        let mut rows = st.query(params_from_iter(vals))?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let fold = text(r)?;
            f(id, fold)?;
        }
        Ok(())
    }

    /// `(id, title_fold)` of every task matching `filter`, in id order.
    pub fn task_folded_titles(&self, filter: &TaskFilter) -> Result<Vec<(i64, String)>> {
        let mut out = Vec::new();
        self.each_task_folded_title(filter, |id, s| {
            out.push((id, s.to_string()));
            Ok(())
        })?;
        Ok(out)
    }

    /// The original titles of these tasks, in the same order; a task removed since its id
    /// was read gives an empty title.
    pub fn task_titles(&self, ids: &[i64]) -> Result<Vec<String>> {
        let mut out = vec![String::new(); ids.len()];
        let mut at: HashMap<i64, Vec<usize>> = HashMap::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            at.entry(*id).or_default().push(i);
        }
        let mut put = |id: i64, title: &str| {
            if let Some(slots) = at.get(&id) {
                for &i in slots {
                    out[i] = title.to_string();
                }
            }
        };
        if ids.len() > SCAN_ABOVE {
            let mut st = self.conn().prepare("SELECT id, title FROM task")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                put(r.get(0)?, text(r)?);
            }
        } else {
            for chunk in ids.chunks(CHUNK) {
                let marks = vec!["?"; chunk.len()].join(",");
                let mut st = self
                    .conn()
                    .prepare_cached(&format!("SELECT id, title FROM task WHERE id IN ({marks})"))?;
                let mut rows = st.query(params_from_iter(chunk))?;
                while let Some(r) = rows.next()? {
                    put(r.get(0)?, text(r)?);
                }
            }
        }
        Ok(out)
    }
}
