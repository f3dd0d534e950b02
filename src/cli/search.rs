//! One-shot ranked searches for the CLI (`task list --search`, `agency list --search`):
//! the store's titles in a search index, ranked by the matcher. Here beside their callers,
//! so that neither the store nor the search module depends on the other.

use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use crate::domain::{Agency, Task};
use crate::error::Result;
use crate::search::{highlight, Narrower, SearchIndex, SearchIndexBuilder};
use crate::store::{Store, TaskFilter};

/// A search index over the folded titles of the tasks matching `filter`, read straight
/// from the store into the arena.
pub fn task_index(store: &Store, filter: &TaskFilter) -> Result<SearchIndex> {
    task_index_at(store, filter, None)
}

/// [`task_index`] over the tasks as they stood on `past` (now when `None`).
pub fn task_index_at(
    store: &Store,
    filter: &TaskFilter,
    past: Option<chrono::NaiveDate>,
) -> Result<SearchIndex> {
    // Not sized first: counting the titles' bytes was a pass of its own over the table
    // (at 100,000 tasks the search's ids took 87-100 ms with it, 40-50 ms without), and
    // the arena grows by doubling.
    let mut b = SearchIndexBuilder::with_capacity(0, 0);
    store.each_task_folded_title_at(filter, past, |id, s| b.push(id, s))?;
    Ok(b.finish())
}

/// The tasks matching `filter` whose titles match `query`, best first, at most `limit`,
/// each with the highlight positions in its title. The filter's `contains` is ignored
/// (the query replaces it).
pub fn search_tasks(
    store: &Store,
    filter: &TaskFilter,
    query: &str,
    limit: usize,
) -> Result<Vec<(Task, Vec<usize>)>> {
    search_tasks_at(store, filter, query, limit, None)
}

/// [`search_tasks`] over the tasks as they stood on `past` (now when `None`): titles,
/// ranking and rows all of that date.
pub fn search_tasks_at(
    store: &Store,
    filter: &TaskFilter,
    query: &str,
    limit: usize,
    past: Option<chrono::NaiveDate>,
) -> Result<Vec<(Task, Vec<usize>)>> {
    let top = search_task_ids_at(store, filter, query, limit, past)?;
    Ok(store
        .tasks_by_ids_at(&top, past)?
        .into_iter()
        .map(|t| {
            let h = highlight(&t.title, query);
            (t, h)
        })
        .collect())
}

/// The ids of [`search_tasks_at`]'s tasks, best first, without reading the rows or
/// placing the highlights (the CLI writes no highlight).
pub fn search_task_ids_at(
    store: &Store,
    filter: &TaskFilter,
    query: &str,
    limit: usize,
    past: Option<chrono::NaiveDate>,
) -> Result<Vec<i64>> {
    let filter = TaskFilter {
        contains: None,
        ..filter.clone()
    };
    let index = task_index_at(store, &filter, past)?;
    let mut narrower = Narrower::new(Arc::new(index));
    let n = narrower
        .filter_with(query, |ids| store.task_titles(ids))?
        .len();
    Ok((0..n.min(limit)).filter_map(|i| narrower.id(i)).collect())
}

/// Agencies whose name or code matches `query`, best first, each with the highlight
/// positions in its name.
pub fn search_agencies(store: &Store, query: &str) -> Result<Vec<(Agency, Vec<usize>)>> {
    let agencies = store.agencies()?;
    let texts: Vec<String> = agencies
        .iter()
        .map(|a| format!("{} {}", a.name, a.code))
        .collect();
    let index = SearchIndex::from_originals(
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as i64, t.as_str())),
    )?;
    let mut narrower = Narrower::new(Arc::new(index));
    let n = narrower
        .filter_with(query, |ids| {
            Ok(ids
                .iter()
                .map(|&i| texts.get(i as usize).cloned().unwrap_or_default())
                .collect())
        })?
        .len();
    let order: Vec<usize> = (0..n)
        .filter_map(|i| narrower.id(i))
        .map(|id| id as usize)
        .collect();
    let mut slots: Vec<Option<Agency>> = agencies.into_iter().map(Some).collect();
    Ok(order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .map(|a| {
            let name_len = a.name.nfc().count();
            let h = highlight(&format!("{} {}", a.name, a.code), query)
                .into_iter()
                .filter(|&p| p < name_len)
                .collect();
            (a, h)
        })
        .collect())
}

/// The ids a chunk of a ranked read holds: one statement each.
const CHUNK: usize = 2048;

/// Chunk `k` of `ids`.
fn chunk(ids: &[i64], k: usize) -> &[i64] {
    &ids[k * CHUNK..((k + 1) * CHUNK).min(ids.len())]
}

/// The tasks of the ids `search` ranks, handed to `each` in rank order, read in chunks
/// by two connections at once in one snapshot ([`Store::snapshot_split_then`]): the
/// second reads chunk after chunk; this one hands each chunk on as soon as it is there
/// and, while the next is not, reads one itself. So the rows are read on two cores
/// while they are written, whoever is slower doing less of the reading. Outside a
/// snapshot split (in a transaction, no second connection) this side reads them all.
pub fn each_ranked_task(
    store: &Store,
    search: impl FnOnce(&Store) -> Result<Vec<i64>>,
    past: Option<chrono::NaiveDate>,
    mut each: impl FnMut(&Task) -> Result<()>,
) -> Result<()> {
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::mpsc;

    let claim = AtomicUsize::new(0);
    let (send_ids, ids_there) = mpsc::channel::<Arc<Vec<i64>>>();
    let (send_rows, rows_here) = mpsc::channel::<(usize, Vec<Task>)>();
    let claim = &claim;
    store.snapshot_split_then(
        move |s| {
            let ids = Arc::new(search(s)?);
            let n = ids.len().div_ceil(CHUNK);
            // (When the other side is gone, its own error is the one reported.)
            let _ = send_ids.send(Arc::clone(&ids));
            let mut ready: HashMap<usize, Vec<Task>> = HashMap::new();
            for next in 0..n {
                let rows = loop {
                    if let Some(rows) = ready.remove(&next) {
                        break rows;
                    }
                    while let Ok((k, rows)) = rows_here.try_recv() {
                        ready.insert(k, rows);
                    }
                    if ready.contains_key(&next) {
                        continue;
                    }
                    let k = claim.fetch_add(1, Ordering::Relaxed);
                    if k < n {
                        ready.insert(k, s.tasks_by_ids_at(chunk(&ids, k), past)?);
                        continue;
                    }
                    match rows_here.recv() {
                        Ok((k, rows)) => {
                            ready.insert(k, rows);
                        }
                        // The other side stopped short: its error is reported.
                        Err(_) => return Ok(false),
                    }
                };
                rows.iter().try_for_each(&mut each)?;
            }
            Ok(true)
        },
        move |other| {
            let Ok(ids) = ids_there.recv() else {
                // The search failed on the other side: its error is reported.
                return Ok(());
            };
            let n = ids.len().div_ceil(CHUNK);
            loop {
                let k = claim.fetch_add(1, Ordering::Relaxed);
                if k >= n {
                    return Ok(());
                }
                let rows = other.tasks_by_ids_at(chunk(&ids, k), past)?;
                if send_rows.send((k, rows)).is_err() {
                    // Writing stopped on this side: its error is reported.
                    return Ok(());
                }
            }
        },
        |_, complete, ()| {
            if complete {
                Ok(())
            } else {
                Err(crate::error::Error::Other(
                    "the second reader stopped without a reason".into(),
                ))
            }
        },
    )
}
