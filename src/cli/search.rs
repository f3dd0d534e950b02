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
    let (n, bytes) = store.task_folded_size(filter)?;
    let mut b = SearchIndexBuilder::with_capacity(n, bytes);
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
