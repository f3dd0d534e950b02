//! A task table's search engine: a [`SearchIndex`] of folded titles built once per
//! filter scope and narrowed with a [`Narrower`] as the query grows; only the visible
//! window of matched tasks is read from the store, by id. Up to [`SYNC_INDEX_LIMIT`]
//! tasks all of it happens on the key loop (milliseconds); above, a thread with its own
//! connection builds the index, keeps it and answers each query itself, the matches
//! coming back as an event. The keys that drive it are in [`super::search`].

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use crate::error::Result;
use crate::search::{Ids, Narrower, SearchIndex, SearchIndexBuilder};
use crate::store::{Store, TaskFilter};

/// Up to this many tasks a search's index is built and narrowed on the key loop (a few
/// milliseconds); above it, on a thread that keeps the index and answers each query, while
/// the key loop only draws. Narrowing 100,000 titles on the key loop took 9 ms a key
/// (`scripts/bench.sh`, load 1.3), above the 5 ms key-to-frame median; on the thread the
/// key loop takes 0.6 ms and the matches follow a few milliseconds later.
pub const SYNC_INDEX_LIMIT: usize = 20_000;

/// A search thread that keeps its index rebuilds it after a change at most this often,
/// and at most once per four times its last build took: a busy database commits many
/// times a second, and a million titles take about a second to read.
pub(super) const REBUILD_GAP: Duration = Duration::from_secs(2);

/// Where a task search's matches come from.
#[derive(Clone)]
pub(super) enum Engine {
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
pub(super) struct Shown {
    pub(super) ids: Arc<Ids>,
    pub(super) ranked: Arc<Vec<u32>>,
}

#[derive(Clone)]
pub(super) struct Remote {
    pub(super) queries: Sender<Request>,
    /// The matches of query number `done` (`None` until the first answer).
    pub(super) shown: Option<Shown>,
    pub(super) sent: u64,
    pub(super) done: u64,
    /// Asked to read its index again; cleared by the answer over the new index.
    pub(super) rebuilding: bool,
}

/// What the key loop asks of a search thread.
pub(super) enum Request {
    /// Answer query number `.0`.
    Query(u64, String),
    /// The data may have changed: read the index again, then answer the last query again.
    Rebuild,
}

/// A task table's search.
#[derive(Clone)]
pub struct TaskSearch {
    pub query: String,
    pub(super) engine: Option<Engine>,
    /// An engine being built over newer data, to replace `engine` when its first answer
    /// comes (the old matches stay on screen until then).
    pub(super) next: Option<Engine>,
    /// Data changed again while `next` was being built: build once more after it.
    pub(super) redo: bool,
    /// Which background answers this search waits for.
    pub(super) job: u64,
    /// The filter and date the index covers.
    pub(super) scope: (TaskFilter, Option<NaiveDate>),
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
    pub(super) fn refilter(&mut self, store: &Store) -> Result<bool> {
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
pub(super) fn narrow_local(n: &mut Narrower, query: &str, store: &Store) -> Result<()> {
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

/// What a search thread sends back, for its job.
pub(super) enum Answer {
    /// The matches of query number `seq`; `rebuilt` when they are the answer again to
    /// the last query over an index read again after a change.
    Ranked {
        seq: u64,
        shown: Shown,
        rebuilt: bool,
    },
    Failed(String),
}

pub(super) type Built = (u64, Answer);

/// A search thread (a worker of the job runner): opens its own read-only connection, builds the index of `scope`,
/// answers the queries sent to it (only the newest of those waiting) until the search is dropped, and reads the
/// index again when asked to (no more often than [`REBUILD_GAP`]). Each answer wakes the
/// event loop.
pub(super) fn search_thread(
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
