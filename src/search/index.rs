//! The search index: folded titles in one contiguous arena, filtered on every core, and
//! the [`Narrower`] that searches only the previous matches when the query grows.
//!
//! Memory is what limits a million titles on a shared server, so everything here is
//! compact: 4-byte ids while they fit, 4-byte positions for a match set, and the
//! ranking keys (12 bytes a match) live only while one query is ranked — sorted chunk
//! by chunk in place and merged straight into the ranked positions, never copied whole.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;

use rayon::prelude::*;

use super::pattern::Pattern;
use crate::domain::fold::fold;
use crate::error::{Error, Result};

/// Added to the score of an item whose original text matches the query's diacritics too,
/// so that it ranks above every item that matches only once folded.
pub const ACCENT_TIER: i32 = 1 << 24;

/// The score of the task a number query names (`70`, `#70`): above every title match.
pub const NUMBER_TIER: i32 = 1 << 26;

/// Items per unit of parallel work (small enough to balance, large enough to be cheap).
const MIN_CHUNK: usize = 2048;

/// Matches whose original texts are asked for at once when the query carries
/// diacritics (the texts of a batch are held only while it is checked).
pub const ORIGINALS_BATCH: usize = 16_384;

/// One match: the item's id, its score (higher is better; [`ACCENT_TIER`] added when the
/// diacritics matched too) and its position in the index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub id: i64,
    pub score: i32,
    pub pos: u32,
}

impl Match {
    /// True when the original text matched the query's diacritics as typed.
    pub fn accented(&self) -> bool {
        self.score >= ACCENT_TIER
    }
}

/// A match as ranked: ascending order is best first — the score (flipped), then the
/// shorter text (fzf's default tiebreak), then the index order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    rank: u32,
    len: u32,
    pos: u32,
}

/// The score as a key that sorts ascending best first (sign bit flipped, inverted).
fn rank_of(score: i32) -> u32 {
    !((score as u32) ^ 0x8000_0000)
}

fn score_of(rank: u32) -> i32 {
    ((!rank) ^ 0x8000_0000) as i32
}

/// The ids of an index's items, by position: 4 bytes each while every id fits in a
/// `u32` (the rowids of a task table below four billion), else 8. Shared (an [`Arc`])
/// with whoever shows matches, so that the folded texts can go while the ids stay.
#[derive(Debug, Clone, Default)]
pub struct Ids(IdVec);

#[derive(Debug, Clone)]
enum IdVec {
    Small(Vec<u32>),
    Wide(Vec<i64>),
}

impl Default for IdVec {
    fn default() -> Self {
        IdVec::Small(Vec::new())
    }
}

impl Ids {
    fn with_capacity(n: usize) -> Ids {
        Ids(IdVec::Small(Vec::with_capacity(n)))
    }

    fn push(&mut self, id: i64) {
        match &mut self.0 {
            IdVec::Small(v) => match u32::try_from(id) {
                Ok(x) => v.push(x),
                Err(_) => {
                    let mut w: Vec<i64> = Vec::with_capacity(v.capacity());
                    w.extend(v.iter().map(|&x| i64::from(x)));
                    w.push(id);
                    self.0 = IdVec::Wide(w);
                }
            },
            IdVec::Wide(v) => v.push(id),
        }
    }

    /// The id of the item at `pos`.
    pub fn get(&self, pos: usize) -> i64 {
        match &self.0 {
            IdVec::Small(v) => i64::from(v[pos]),
            IdVec::Wide(v) => v[pos],
        }
    }

    /// How many items.
    pub fn len(&self) -> usize {
        match &self.0 {
            IdVec::Small(v) => v.len(),
            IdVec::Wide(v) => v.len(),
        }
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of `id`, when it is there (a scan: ids are in index order, not sorted).
    pub fn position(&self, id: i64) -> Option<usize> {
        match &self.0 {
            IdVec::Small(v) => {
                let id = u32::try_from(id).ok()?;
                v.par_iter().position_first(|&x| x == id)
            }
            IdVec::Wide(v) => v.par_iter().position_first(|&x| x == id),
        }
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        match &self.0 {
            IdVec::Small(v) => v.capacity() * 4,
            IdVec::Wide(v) => v.capacity() * 8,
        }
    }

    fn shrink_to_fit(&mut self) {
        match &mut self.0 {
            IdVec::Small(v) => v.shrink_to_fit(),
            IdVec::Wide(v) => v.shrink_to_fit(),
        }
    }
}

/// Folded texts and their ids. The folded copies live in one `String` (no allocation per
/// item); `ends[i]` is where item `i` ends in it. Display texts are not kept: fetch the
/// visible rows from the store.
#[derive(Debug, Default)]
pub struct SearchIndex {
    arena: String,
    ends: Vec<u32>,
    ids: Arc<Ids>,
}

/// The titles no longer fit in one index.
fn index_full() -> Error {
    Error::Other("The search index is full: the titles exceed 4 GB.".into())
}

/// Fills a [`SearchIndex`] one item at a time (e.g. straight from a database cursor).
#[derive(Debug, Default)]
pub struct SearchIndexBuilder {
    arena: String,
    ends: Vec<u32>,
    ids: Ids,
}

impl SearchIndexBuilder {
    /// A builder with room for `items` items of `bytes` folded bytes in all.
    pub fn with_capacity(items: usize, bytes: usize) -> Self {
        SearchIndexBuilder {
            arena: String::with_capacity(bytes),
            ends: Vec::with_capacity(items),
            ids: Ids::with_capacity(items),
        }
    }

    /// Appends an item whose text is already folded (as `title_fold` is in the store).
    pub fn push(&mut self, id: i64, folded: &str) -> Result<()> {
        let ix = self;
        if ix.arena.len() + folded.len() > u32::MAX as usize {
            return Err(index_full());
        }
        ix.arena.push_str(folded);
        ix.ends.push(ix.arena.len() as u32);
        ix.ids.push(id);
        Ok(())
    }

    /// Appends the items of `other` after these (the titles another connection read).
    pub fn append(&mut self, other: SearchIndexBuilder) -> Result<()> {
        let base = self.arena.len();
        if base + other.arena.len() > u32::MAX as usize {
            return Err(index_full());
        }
        self.arena.push_str(&other.arena);
        self.ends
            .extend(other.ends.iter().map(|&e| e + base as u32));
        for pos in 0..other.ids.len() {
            self.ids.push(other.ids.get(pos));
        }
        Ok(())
    }

    /// The finished index, trimmed to its size.
    pub fn finish(mut self) -> SearchIndex {
        self.arena.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.ids.shrink_to_fit();
        SearchIndex {
            arena: self.arena,
            ends: self.ends,
            ids: Arc::new(self.ids),
        }
    }

    /// How many items so far.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when no item was pushed.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}

impl SearchIndex {
    /// Builds an index from `(id, folded text)` pairs.
    pub fn build(rows: Vec<(i64, String)>) -> Result<SearchIndex> {
        let bytes = rows.iter().map(|(_, s)| s.len()).sum();
        let mut b = SearchIndexBuilder::with_capacity(rows.len(), bytes);
        for (id, s) in rows {
            b.push(id, &s)?;
        }
        Ok(b.finish())
    }

    /// Builds an index from original texts, folding each.
    pub fn from_originals<'a>(rows: impl IntoIterator<Item = (i64, &'a str)>) -> Result<Self> {
        let mut b = SearchIndexBuilder::default();
        for (id, s) in rows {
            b.push(id, &fold(s))?;
        }
        Ok(b.finish())
    }

    /// How many items.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The id of the item at `pos`.
    pub fn id(&self, pos: usize) -> i64 {
        self.ids.get(pos)
    }

    /// The ids by position, shared.
    pub fn ids(&self) -> &Arc<Ids> {
        &self.ids
    }

    /// The folded text of the item at `pos`.
    pub fn folded(&self, pos: usize) -> &str {
        let start = if pos == 0 {
            0
        } else {
            self.ends[pos - 1] as usize
        };
        &self.arena[start..self.ends[pos] as usize]
    }

    /// Heap bytes held (arena, offsets, ids).
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.ends.capacity() * 4 + self.ids.heap_bytes()
    }

    fn text_len(&self, pos: u32) -> u32 {
        let p = pos as usize;
        self.ends[p] - if p == 0 { 0 } else { self.ends[p - 1] }
    }

    /// Every item matching `query`, best first (a fresh search, folded ranking only).
    pub fn search(&self, query: &str) -> Vec<Match> {
        let pat = Pattern::parse(query);
        let mut chunks = self.run(&pat, None);
        self.number_first(&pat, &mut chunks);
        let mut keys = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
        merge_ranked(&mut chunks, |k| keys.push(k));
        drop(chunks);
        // The ids are looked up on every core (random reads, in rank order).
        keys.par_iter()
            .with_min_len(MIN_CHUNK)
            .map(|k| Match {
                id: self.id(k.pos as usize),
                score: score_of(k.rank),
                pos: k.pos,
            })
            .collect()
    }

    /// Scores the candidates (positions in index order; all items when `None`) on every
    /// core. The matches come out as keys in chunks, each in index order, the chunks in
    /// index order too.
    fn run(&self, pat: &Pattern, candidates: Option<&[u32]>) -> Vec<Vec<Key>> {
        let key = |pos: u32, score: i32| Key {
            rank: rank_of(score),
            len: self.text_len(pos),
            pos,
        };
        let one = |pos: u32| pat.score(self.folded(pos as usize)).map(|s| key(pos, s));
        let n = candidates.map_or(self.len(), <[u32]>::len);
        if pat.is_empty() {
            // Everything matches with score 0.
            let all: Vec<Key> = match candidates {
                None => (0..n as u32).map(|p| key(p, 0)).collect(),
                Some(c) => c.iter().map(|&p| key(p, 0)).collect(),
            };
            return vec![all];
        }
        // A few chunks a core: enough to balance, few enough to merge cheaply.
        let chunk = n
            .div_ceil(4 * rayon::current_num_threads().max(1))
            .max(MIN_CHUNK);
        match candidates {
            None => (0..n.div_ceil(chunk))
                .into_par_iter()
                .map(|c| {
                    let (lo, hi) = (c * chunk, ((c + 1) * chunk).min(n));
                    (lo as u32..hi as u32).filter_map(one).collect()
                })
                .collect(),
            Some(c) => c
                .par_chunks(chunk)
                .map(|part| part.iter().filter_map(|&p| one(p)).collect())
                .collect(),
        }
    }
}

impl SearchIndex {
    /// When `pat` is one number and an item has that id, puts that item first: its key
    /// raised to [`NUMBER_TIER`], or added (in index order) when its text did not match.
    fn number_first(&self, pat: &Pattern, chunks: &mut Vec<Vec<Key>>) {
        let Some(pos) = pat.number().and_then(|n| self.ids.position(n)) else {
            return;
        };
        let pos = pos as u32;
        let key = Key {
            rank: rank_of(NUMBER_TIER),
            len: self.text_len(pos),
            pos,
        };
        let at = chunks
            .iter()
            .position(|c| c.last().is_some_and(|k| k.pos >= pos));
        match at {
            Some(c) => {
                let chunk = &mut chunks[c];
                let i = chunk.partition_point(|k| k.pos < pos);
                if chunk.get(i).is_some_and(|k| k.pos == pos) {
                    chunk[i] = key;
                } else {
                    chunk.insert(i, key);
                }
            }
            None => match chunks.last_mut() {
                Some(last) => last.push(key),
                None => chunks.push(vec![key]),
            },
        }
    }
}

/// Sorts each chunk of keys in place (in parallel) and merges them, best first, into
/// `out`. Ties cannot happen: the position is part of the key.
fn merge_ranked(chunks: &mut [Vec<Key>], mut out: impl FnMut(Key)) {
    chunks.par_iter_mut().for_each(|c| c.sort_unstable());
    match chunks {
        [] => {}
        [one] => one.iter().copied().for_each(out),
        _ => {
            let mut heads: BinaryHeap<Reverse<(Key, usize, usize)>> = chunks
                .iter()
                .enumerate()
                .filter_map(|(c, v)| v.first().map(|&k| Reverse((k, c, 0))))
                .collect();
            while let Some(Reverse((k, c, i))) = heads.pop() {
                out(k);
                if let Some(&next) = chunks[c].get(i + 1) {
                    heads.push(Reverse((next, c, i + 1)));
                }
            }
        }
    }
}

/// The positions of `chunks`' keys, in order.
fn positions(chunks: &[Vec<Key>]) -> Vec<u32> {
    let mut v = Vec::with_capacity(chunks.iter().map(Vec::len).sum());
    for c in chunks {
        v.extend(c.iter().map(|k| k.pos));
    }
    v
}

/// Reads the original texts of a batch of ids, in the same order.
type Originals<'a> = dyn FnMut(&[i64]) -> Result<Vec<String>> + 'a;

/// Filters a [`SearchIndex`] as the user types, remembering the last query and its
/// matches: when the new query only narrows the last one (characters appended to the
/// last term, or terms added), only the last matches are searched.
///
/// It holds 8 bytes a match: the positions in index order (what a narrowing step scans)
/// and the positions best first, shared (an [`Arc`]) with whoever shows them.
#[derive(Debug, Clone)]
pub struct Narrower {
    index: Arc<SearchIndex>,
    last: Option<Pattern>,
    /// The positions of the last matches, in index order.
    set: Vec<u32>,
    /// The positions of the last matches, best first.
    ranked: Arc<Vec<u32>>,
    scanned: usize,
}

impl Narrower {
    /// A narrower over `index`, with no query yet.
    pub fn new(index: Arc<SearchIndex>) -> Narrower {
        Narrower {
            index,
            last: None,
            set: Vec::new(),
            ranked: Arc::default(),
            scanned: 0,
        }
    }

    /// The index searched.
    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// The positions in the index of the last query's matches, best first.
    pub fn matches(&self) -> &[u32] {
        &self.ranked
    }

    /// The same, shared: what a search thread hands to the key loop without a copy.
    pub fn shared(&self) -> Arc<Vec<u32>> {
        Arc::clone(&self.ranked)
    }

    /// The id of the `i`-th best match.
    pub fn id(&self, i: usize) -> Option<i64> {
        self.ranked.get(i).map(|&p| self.index.id(p as usize))
    }

    /// How many items the last filter examined (the whole index, or the previous matches
    /// when it narrowed).
    pub fn scanned(&self) -> usize {
        self.scanned
    }

    /// Forgets the last query (e.g. after the index changed).
    pub fn reset(&mut self) {
        self.last = None;
        self.set = Vec::new();
        self.ranked = Arc::default();
    }

    /// Filters by `query`, folded ranking only; returns the positions of the matches,
    /// best first.
    pub fn filter(&mut self, query: &str) -> &[u32] {
        // No original asked for: nothing can fail.
        if self.apply(Pattern::parse(query), None).is_err() {
            self.reset();
        }
        &self.ranked
    }

    /// Like [`Narrower::filter`], and when the query carries diacritics, ranks the items
    /// whose original text matches them above the rest. `originals` is called (only then)
    /// with the ids of the matches, in batches of at most [`ORIGINALS_BATCH`] in index
    /// order, and returns their original texts, in the same order.
    pub fn filter_with(
        &mut self,
        query: &str,
        mut originals: impl FnMut(&[i64]) -> Result<Vec<String>>,
    ) -> Result<&[u32]> {
        self.apply(Pattern::parse(query), Some(&mut originals))?;
        Ok(&self.ranked)
    }

    /// Filters by `pat`; with `originals`, ranks accented matches first.
    fn apply(&mut self, pat: Pattern, originals: Option<&mut Originals<'_>>) -> Result<()> {
        // A number query also names a task its title need not match: searched afresh.
        let narrowing =
            pat.number().is_none() && self.last.as_ref().is_some_and(|old| pat.narrows(old));
        if narrowing && self.last.as_ref() == Some(&pat) && !pat.has_accents() {
            self.scanned = 0;
            return Ok(());
        }
        // The shown matches stay valid until the new ones replace them; the narrower's
        // own reference goes now, so that nothing but the new set and keys is built
        // beside the old set.
        self.ranked = Arc::default();
        let mut chunks = if narrowing {
            self.scanned = self.set.len();
            self.index.run(&pat, Some(&self.set))
        } else {
            self.scanned = self.index.len();
            self.index.run(&pat, None)
        };
        self.last = None;
        self.set = Vec::new();
        if let Some(originals) = originals.filter(|_| pat.has_accents()) {
            self.accent(&pat, &mut chunks, originals)?;
        }
        self.index.number_first(&pat, &mut chunks);
        let set = positions(&chunks);
        let mut ranked = Vec::with_capacity(set.len());
        merge_ranked(&mut chunks, |k| ranked.push(k.pos));
        drop(chunks);
        self.set = set;
        self.ranked = Arc::new(ranked);
        self.last = Some(pat);
        Ok(())
    }

    /// Raises by [`ACCENT_TIER`] the keys of the matches whose original text matches the
    /// query's diacritics, reading the originals a batch at a time.
    fn accent(
        &self,
        pat: &Pattern,
        chunks: &mut [Vec<Key>],
        originals: &mut Originals<'_>,
    ) -> Result<()> {
        let mut ids = Vec::with_capacity(ORIGINALS_BATCH);
        for chunk in chunks.iter_mut() {
            for part in chunk.chunks_mut(ORIGINALS_BATCH) {
                ids.clear();
                ids.extend(part.iter().map(|k| self.index.id(k.pos as usize)));
                let texts = originals(&ids)?;
                if texts.len() != ids.len() {
                    return Err(Error::Other(
                        "The original texts do not line up with the matches.".into(),
                    ));
                }
                part.par_iter_mut()
                    .zip(texts.par_iter())
                    .with_min_len(MIN_CHUNK)
                    .for_each(|(k, t)| {
                        if pat.matches_accented(t) {
                            k.rank = rank_of(score_of(k.rank).saturating_add(ACCENT_TIER));
                        }
                    });
            }
        }
        Ok(())
    }
}
