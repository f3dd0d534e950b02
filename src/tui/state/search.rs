//! Search as you type (`/`), the filter panel (`f`) and the as-of prompt (`a`): their
//! state, and the part of [`AppState::update`](super::AppState::update) that handles them.
//!
//! A task table's search engine is [`super::task_search`]; programs and agencies are
//! small: they are matched in memory.

use std::sync::mpsc::{Receiver, Sender};
use std::sync::Arc;

use super::asof::AsOfPrompt;
use super::filter::{FilterPanel, Filters};
pub use super::task_search::{build_index, TaskSearch, SYNC_INDEX_LIMIT};
use super::task_search::{narrow_local, search_thread, Answer, Built, Engine, Remote, Request};
use super::tasks::{TaskList, TaskListKind};
use super::{AgencyRow, ProgramRow};
use crate::domain::Task;
use crate::error::Result;
use crate::search::{Narrower, SearchIndex};
use crate::store::{Store, TaskFilter};

mod rescope;
mod update;

/// A programs or agencies table's search: the query and the rows before it narrowed them.
#[derive(Debug, Clone)]
pub struct ListSearch<R> {
    pub query: String,
    all: Vec<R>,
}

impl<R> Default for ListSearch<R> {
    fn default() -> Self {
        ListSearch {
            query: String::new(),
            all: Vec::new(),
        }
    }
}

/// Which table a search key goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// The top-level task table.
    Tasks,
    /// The task table drilled into, on top of the stack.
    Layer,
    Programs,
    Agencies,
}

/// Search, filter and as-of state of the app.
#[derive(Default)]
pub struct Find {
    /// True while keys are typed into the search line.
    pub typing: bool,
    pub programs: Option<ListSearch<ProgramRow>>,
    pub agencies: Option<ListSearch<AgencyRow>>,
    pub panel: Option<FilterPanel>,
    pub asof: Option<AsOfPrompt>,
    /// The filters in force.
    pub filters: Filters,
    results: Option<(Sender<Built>, Receiver<Built>)>,
    next_job: u64,
    /// Above this many tasks an index is built and narrowed on a thread (`None`:
    /// [`SYNC_INDEX_LIMIT`]).
    limit: Option<usize>,
}

impl Find {
    /// Nothing typed, these filters in force.
    pub fn new(filters: Filters) -> Find {
        Find {
            filters,
            ..Default::default()
        }
    }
}

impl std::fmt::Debug for Find {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Find")
            .field("typing", &self.typing)
            .field("filters", &self.filters)
            .finish()
    }
}

/// The text matched for a program row and for an agency row: code then name (or
/// title), so that a query matching the code ranks it first (a match at the start).
pub fn program_text(r: &ProgramRow) -> String {
    format!("{} {}", r.program.code, r.program.title)
}

pub fn agency_text(r: &AgencyRow) -> String {
    format!("{} {}", r.agency.code, r.agency.name)
}

/// `rows` narrowed to those `text` matches with `query`, best first (all, in their
/// order, for a blank query).
fn narrow_rows<R: Clone>(rows: &[R], query: &str, text: impl Fn(&R) -> String) -> Result<Vec<R>> {
    if query.trim().is_empty() {
        return Ok(rows.to_vec());
    }
    let texts: Vec<String> = rows.iter().map(text).collect();
    let index = SearchIndex::from_originals(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as i64, t.as_str())),
    )?;
    let mut n = Narrower::new(Arc::new(index));
    let m = n.filter_with(query, |ids| {
        Ok(ids
            .iter()
            .map(|&i| texts.get(i as usize).cloned().unwrap_or_default())
            .collect())
    })?;
    // The index was built in row order: positions are row indices.
    Ok(m.iter()
        .filter_map(|&p| rows.get(p as usize).cloned())
        .collect())
}

impl TaskList {
    /// The count of the table: the matches while a search narrows it.
    pub(super) fn count_rows(&self, store: &Store) -> Result<usize> {
        if let Some(n) = self.search.as_ref().and_then(TaskSearch::count) {
            return Ok(n);
        }
        Ok(usize::try_from(store.count_tasks_at(&self.filter, self.past)?).unwrap_or(0))
    }

    /// The rows `start..start + limit` of the table: matches by rank while a search
    /// narrows it (read by id), else in the sort order.
    pub(super) fn read_rows(&self, store: &Store, start: usize, limit: usize) -> Result<Vec<Task>> {
        if let Some(ids) = self.search.as_ref().and_then(|s| s.window(start, limit)) {
            return store.tasks_by_ids_at(&ids, self.past);
        }
        let sort = self.sort_col().sort();
        let desc = self.sort.descending;
        if start > self.total / 2 {
            let from_end = self.total.saturating_sub(start + limit);
            let mut rows = store.tasks_at(&self.filter, sort, !desc, from_end, limit, self.past)?;
            rows.reverse();
            Ok(rows)
        } else {
            store.tasks_at(&self.filter, sort, desc, start, limit, self.past)
        }
    }

    /// The query when a search narrows the table (for highlighting and the caption).
    pub fn query(&self) -> Option<&str> {
        self.search
            .as_ref()
            .filter(|s| s.narrowing())
            .map(|s| s.query.as_str())
    }
}

/// The filter a task table of this kind starts from, before the filters panel's.
pub fn base_filter(kind: &TaskListKind) -> TaskFilter {
    match kind {
        TaskListKind::All => TaskFilter::default(),
        TaskListKind::LedBy(code, _) => TaskFilter {
            lead: Some(code.clone()),
            ..Default::default()
        },
        TaskListKind::OfProgram(code) => TaskFilter {
            program: Some(code.clone()),
            ..Default::default()
        },
    }
}
