//! Search as you type (`/`), the filter panel (`f`) and the as-of prompt (`a`): their
//! state, and the part of [`AppState::update`](super::AppState::update) that handles them.
//!
//! A task table's search builds a [`SearchIndex`] of folded titles once per filter scope
//! and narrows it with a [`Narrower`] as the query grows; only the visible window of
//! matched tasks is read from the store, by id. Up to [`SYNC_INDEX_LIMIT`] tasks all of
//! it happens on the key loop (milliseconds); above, a thread with its own connection
//! builds the index, keeps it and answers each query itself, the matches coming back as
//! an event. Programs and agencies are small: they are matched in memory.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::asof::AsOfPrompt;
use super::filter::{FilterPanel, Filters};
use super::tasks::{TaskList, TaskListKind};
use super::{AgencyRow, ProgramRow};
use crate::domain::Task;
use crate::error::Result;
use crate::search::{Ids, Narrower, SearchIndex, SearchIndexBuilder};
use crate::store::{Store, TaskFilter};

mod rescope;
mod update;

/// Up to this many tasks a search's index is built and narrowed on the key loop (a few
/// milliseconds); above it, on a thread that keeps the index and answers each query, while
/// the key loop only draws. Narrowing 100,000 titles on the key loop took 9 ms a key
/// (`scripts/bench.sh`, load 1.3), above the 5 ms key-to-frame median; on the thread the
/// key loop takes 0.6 ms and the matches follow a few milliseconds later.
pub const SYNC_INDEX_LIMIT: usize = 20_000;

/// A search thread that keeps its index rebuilds it after a change at most this often,
/// and at most once per four times its last build took: a busy database commits many
/// times a second, and a million titles take about a second to read.
const REBUILD_GAP: Duration = Duration::from_secs(2);

/// Where a task search's matches come from.
#[derive(Clone)]
enum Engine {
    /// A small index, narrowed on the key loop.
    Local(Narrower),
    /// A large index, built and narrowed on its own thread (which holds its own
    /// read-only connection); each query is sent there and the matches come back as an
    /// event, so the key loop never waits for a million titles.
    Remote(Remote),
}

/// The matches a search thread shows: the ids of its index by position and the
/// positions of the matches, best first, both shared with the thread (no copy; 4 bytes
/// an item and 4 a match). The folded texts stay on the thread.
#[derive(Clone)]
struct Shown {
    ids: Arc<Ids>,
    ranked: Arc<Vec<u32>>,
}

#[derive(Clone)]
struct Remote {
    queries: Sender<Request>,
    /// The matches of query number `done` (`None` until the first answer).
    shown: Option<Shown>,
    sent: u64,
    done: u64,
    /// Asked to read its index again; cleared by the answer over the new index.
    rebuilding: bool,
}

/// What the key loop asks of a search thread.
enum Request {
    /// Answer query number `.0`.
    Query(u64, String),
    /// The data may have changed: read the index again, then answer the last query again.
    Rebuild,
}

/// A task table's search.
#[derive(Clone)]
pub struct TaskSearch {
    pub query: String,
    engine: Option<Engine>,
    /// An engine being built over newer data, to replace `engine` when its first answer
    /// comes (the old matches stay on screen until then).
    next: Option<Engine>,
    /// Data changed again while `next` was being built: build once more after it.
    redo: bool,
    /// Which background answers this search waits for.
    job: u64,
    /// The filter and date the index covers.
    scope: (TaskFilter, Option<NaiveDate>),
}

impl std::fmt::Debug for TaskSearch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TaskSearch")
            .field("query", &self.query)
            .field("pending", &self.pending())
            .field("job", &self.job)
            .finish()
    }
}

impl TaskSearch {
    /// True while the index is being built or the last query is being answered off the
    /// key loop.
    pub fn pending(&self) -> bool {
        match &self.engine {
            None => true,
            Some(Engine::Local(_)) => false,
            Some(Engine::Remote(r)) => r.shown.is_none() || r.done != r.sent,
        }
    }

    /// True while an index over newer data is being built (the matches shown are those
    /// of the previous one).
    pub fn refreshing(&self) -> bool {
        self.next.is_some() || matches!(&self.engine, Some(Engine::Remote(r)) if r.rebuilding)
    }

    /// True until the first matches are known.
    pub fn building(&self) -> bool {
        match &self.engine {
            None => true,
            Some(Engine::Local(_)) => false,
            Some(Engine::Remote(r)) => r.shown.is_none(),
        }
    }

    /// How many matches, once known.
    fn len(&self) -> Option<usize> {
        match &self.engine {
            Some(Engine::Local(n)) => Some(n.matches().len()),
            Some(Engine::Remote(r)) => r.shown.as_ref().map(|s| s.ranked.len()),
            None => None,
        }
    }

    /// The id of the `i`-th best match.
    fn id_at(&self, i: usize) -> Option<i64> {
        match &self.engine {
            Some(Engine::Local(n)) => n.id(i),
            Some(Engine::Remote(r)) => {
                let s = r.shown.as_ref()?;
                s.ranked.get(i).map(|&p| s.ids.get(p as usize))
            }
            None => None,
        }
    }

    /// True when the query narrows the table (not blank, matches known).
    pub fn narrowing(&self) -> bool {
        !self.query.trim().is_empty() && !self.building()
    }

    /// How many tasks match, when the search narrows the table.
    pub fn count(&self) -> Option<usize> {
        if self.narrowing() {
            self.len()
        } else {
            None
        }
    }

    /// The ids of matches `start..start + limit` (best first), when the search narrows.
    pub fn window(&self, start: usize, limit: usize) -> Option<Vec<i64>> {
        if !self.narrowing() {
            return None;
        }
        let n = self.len()?;
        Some(
            (start.min(n)..(start + limit).min(n))
                .filter_map(|i| self.id_at(i))
                .collect(),
        )
    }

    /// The rank of task `id` among the matches.
    pub fn position(&self, id: i64) -> Option<usize> {
        let n = self.len()?;
        (0..n).find(|&i| self.id_at(i) == Some(id))
    }

    /// How many items the last keystroke examined (narrowed on the key loop only).
    pub fn scanned(&self) -> usize {
        match &self.engine {
            Some(Engine::Local(n)) => n.scanned(),
            _ => 0,
        }
    }

    /// Applies the query as it now stands: narrowed here (small index), or sent to the
    /// search thread. True when the matches changed here.
    fn refilter(&mut self, store: &Store) -> Result<bool> {
        let query = self.query.clone();
        let local = match &mut self.engine {
            Some(Engine::Local(n)) => {
                narrow_local(n, &query, store)?;
                true
            }
            Some(Engine::Remote(r)) => {
                r.sent += 1;
                // A thread gone (it failed) leaves the table as it is.
                let _ = r.queries.send(Request::Query(r.sent, query.clone()));
                false
            }
            None => false,
        };
        // An index being built over newer data answers the same query when it comes.
        match &mut self.next {
            Some(Engine::Local(n)) => narrow_local(n, &query, store)?,
            Some(Engine::Remote(r)) => {
                r.sent += 1;
                let _ = r.queries.send(Request::Query(r.sent, query));
            }
            None => {}
        }
        Ok(local)
    }
}

/// Narrows a key-loop index by `query`; a blank query holds no matches (the table is
/// not narrowed then), so a million-item "everything" list is never kept.
fn narrow_local(n: &mut Narrower, query: &str, store: &Store) -> Result<()> {
    if query.trim().is_empty() {
        n.reset();
    } else {
        n.filter_with(query, |ids| store.task_titles(ids))?;
    }
    Ok(())
}

/// Builds the index of the tasks `filter` selects, as they stood on `past` when given.
pub fn build_index(
    store: &Store,
    filter: &TaskFilter,
    past: Option<NaiveDate>,
) -> Result<SearchIndex> {
    let mut b = SearchIndexBuilder::default();
    store.each_task_folded_title_at(filter, past, |id, s| b.push(id, s))?;
    Ok(b.finish())
}

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

/// What a search thread sends back, for its job.
enum Answer {
    /// The matches of query number `seq`; `rebuilt` when they are the answer again to
    /// the last query over an index read again after a change.
    Ranked {
        seq: u64,
        shown: Shown,
        rebuilt: bool,
    },
    Failed(String),
}

type Built = (u64, Answer);

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

/// A search thread (a worker of the job runner): opens its own read-only connection, builds the index of `scope`,
/// answers the queries sent to it (only the newest of those waiting) until the search is dropped, and reads the
/// index again when asked to (no more often than [`REBUILD_GAP`]). Each answer wakes the
/// event loop.
fn search_thread(
    worker: crate::tui::jobs::Worker,
    scope: (TaskFilter, Option<NaiveDate>),
    job: u64,
    inbox: Receiver<Request>,
    answers: Sender<Built>,
) {
    let send = |a: Answer| answers.send((job, a)).is_ok() && worker.wake();
    let store = match worker.open_reader() {
        Ok(s) => s,
        Err(e) => {
            send(Answer::Failed(e.to_string()));
            return;
        }
    };
    let mut narrower: Option<Narrower> = None;
    // The newest query and whether it still needs an answer.
    let mut last: Option<(u64, String)> = None;
    let mut unanswered = false;
    let mut stale = true;
    let mut rebuilt = false;
    let mut next_build = Instant::now();
    loop {
        if stale && Instant::now() >= next_build {
            // The old index goes first: only one is ever held (the key loop keeps only
            // the ids and the matches it shows).
            let first = narrower.take().is_none();
            let started = Instant::now();
            let index = match build_index(&store, &scope.0, scope.1) {
                Ok(i) => i,
                Err(e) => {
                    send(Answer::Failed(e.to_string()));
                    return;
                }
            };
            next_build = Instant::now() + REBUILD_GAP.max(started.elapsed() * 4);
            narrower = Some(Narrower::new(Arc::new(index)));
            stale = false;
            rebuilt = !first;
            unanswered = last.is_some();
        }
        let Some(n) = narrower.as_mut().filter(|_| unanswered) else {
            // Wait for a query (or, with a rebuild due, until it is).
            let msg = if stale {
                match inbox.recv_timeout(next_build.saturating_duration_since(Instant::now())) {
                    Ok(m) => m,
                    Err(RecvTimeoutError::Timeout) => continue,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            } else {
                match inbox.recv() {
                    Ok(m) => m,
                    Err(_) => return,
                }
            };
            for m in std::iter::once(msg).chain(inbox.try_iter()) {
                match m {
                    Request::Query(seq, q) => {
                        last = Some((seq, q));
                        unanswered = true;
                    }
                    Request::Rebuild => stale = true,
                }
            }
            continue;
        };
        // Only the newest query waiting is answered.
        for m in inbox.try_iter() {
            match m {
                Request::Query(seq, q) => last = Some((seq, q)),
                Request::Rebuild => stale = true,
            }
        }
        let Some((seq, query)) = last.as_ref() else {
            continue;
        };
        unanswered = false;
        let answer = match narrow_local(n, query, &store) {
            Ok(()) => Answer::Ranked {
                seq: *seq,
                shown: Shown {
                    ids: Arc::clone(n.index().ids()),
                    ranked: n.shared(),
                },
                rebuilt: std::mem::take(&mut rebuilt),
            },
            Err(e) => Answer::Failed(e.to_string()),
        };
        if !send(answer) {
            return;
        }
    }
}
