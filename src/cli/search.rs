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
    let index = task_index_at(store, &search_filter(filter), past)?;
    rank(store, index, query, limit)
}

/// `filter` without its `contains` (the query replaces it).
fn search_filter(filter: &TaskFilter) -> TaskFilter {
    TaskFilter {
        contains: None,
        ..filter.clone()
    }
}

/// The ids of the items of `index` that match `query`, best first, at most `limit`
/// (accented matches first when the query has accents: their titles read from `store`).
fn rank(store: &Store, index: SearchIndex, query: &str, limit: usize) -> Result<Vec<i64>> {
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

/// The tasks matching `filter` whose titles match `query` (at most `limit`), in rank
/// order ([`search_task_ids_at`]'s), read on two connections at once in one snapshot
/// ([`Store::snapshot_split_then`]) in chunks, each chunk made into an `R` by `render`
/// on the thread that read it, and the `R`s handed to `each` in rank order.
///
/// The titles are read in two halves by id: the lower here, the upper by the other
/// connection at the same time (or here, when it has not started). Then the other
/// connection reads chunk after chunk; this one hands each on as soon as it is there
/// and, while the next is not, reads one itself. So the rows are read and rendered on
/// two cores while they are written, whoever is slower doing less, and no row is freed
/// by a thread other than the one that made it. Outside a snapshot split (in a
/// transaction, no second connection) this side does it all.
pub fn each_ranked_part<R: Send>(
    store: &Store,
    filter: &TaskFilter,
    query: &str,
    limit: usize,
    past: Option<chrono::NaiveDate>,
    render: impl Fn(Vec<Task>) -> Result<R> + Sync,
    mut each: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::mpsc;

    let filter = &search_filter(filter);
    let claim = &AtomicUsize::new(0);
    let upper_taken = &AtomicBool::new(false);
    let (send_split, split_there) = mpsc::channel::<i64>();
    let (send_upper, upper_here) = mpsc::channel::<SearchIndexBuilder>();
    let (send_ids, ids_there) = mpsc::channel::<Arc<Vec<i64>>>();
    let (send_rows, rows_here) = mpsc::channel::<(usize, R)>();
    let render = &render;
    // The titles of the tasks with ids above `split`, unless the other side took them.
    let upper = move |s: &Store, split: i64| -> Result<Option<SearchIndexBuilder>> {
        if upper_taken.swap(true, Ordering::AcqRel) {
            return Ok(None);
        }
        let mut b = SearchIndexBuilder::with_capacity(0, 0);
        if let Some(from) = split.checked_add(1) {
            s.each_task_folded_title_in(filter, past, from..=i64::MAX, |id, t| b.push(id, t))?;
        }
        Ok(Some(b))
    };
    store.snapshot_split_then(
        move |s| {
            let split = s
                .task_id_span()?
                .map_or(i64::MAX, |(lo, hi)| lo / 2 + hi / 2);
            // (When the other side is gone, its own error is the one reported.)
            let _ = send_split.send(split);
            let mut titles = SearchIndexBuilder::with_capacity(0, 0);
            s.each_task_folded_title_in(filter, past, i64::MIN..=split, |id, t| {
                titles.push(id, t)
            })?;
            match upper(s, split)? {
                Some(rest) => titles.append(rest)?,
                None => match upper_here.recv() {
                    Ok(rest) => titles.append(rest)?,
                    // The other side stopped short: its error is reported.
                    Err(_) => return Ok(false),
                },
            }
            let ids = Arc::new(rank(s, titles.finish(), query, limit)?);
            let n = ids.len().div_ceil(CHUNK);
            let _ = send_ids.send(Arc::clone(&ids));
            let mut ready: HashMap<usize, R> = HashMap::new();
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
                        ready.insert(k, render(s.tasks_by_ids_at(chunk(&ids, k), past)?)?);
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
                each(rows)?;
            }
            Ok(true)
        },
        move |other| {
            let Ok(split) = split_there.recv() else {
                // The search failed on the other side: its error is reported.
                return Ok(());
            };
            if let Some(rest) = upper(other, split)? {
                if send_upper.send(rest).is_err() {
                    return Ok(());
                }
            }
            let Ok(ids) = ids_there.recv() else {
                return Ok(());
            };
            let n = ids.len().div_ceil(CHUNK);
            loop {
                let k = claim.fetch_add(1, Ordering::Relaxed);
                if k >= n {
                    return Ok(());
                }
                let rows = render(other.tasks_by_ids_at(chunk(&ids, k), past)?)?;
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
