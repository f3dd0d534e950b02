//! The search index: folded titles in one contiguous arena, filtered on every core, and
//! the [`Narrower`] that searches only the previous matches when the query grows.

use std::sync::Arc;

use rayon::prelude::*;

use super::fold::fold;
use super::pattern::Pattern;
use crate::error::{Error, Result};

/// Added to the score of an item whose original text matches the query's diacritics too,
/// so that it ranks above every item that matches only once folded.
pub const ACCENT_TIER: i32 = 1 << 24;

/// Items per unit of parallel work (small enough to balance, large enough to be cheap).
const MIN_CHUNK: usize = 2048;

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

/// Folded texts and their ids. The folded copies live in one `String` (no allocation per
/// item); `ends[i]` is where item `i` ends in it. Display texts are not kept: fetch the
/// visible rows from the store.
#[derive(Debug, Default)]
pub struct SearchIndex {
    arena: String,
    ends: Vec<u32>,
    ids: Vec<i64>,
}

/// Fills a [`SearchIndex`] one item at a time (e.g. straight from a database cursor).
#[derive(Debug, Default)]
pub struct SearchIndexBuilder {
    index: SearchIndex,
}

impl SearchIndexBuilder {
    /// A builder with room for `items` items of `bytes` folded bytes in all.
    pub fn with_capacity(items: usize, bytes: usize) -> Self {
        SearchIndexBuilder {
            index: SearchIndex {
                arena: String::with_capacity(bytes),
                ends: Vec::with_capacity(items),
                ids: Vec::with_capacity(items),
            },
        }
    }

    /// Appends an item whose text is already folded (as `title_fold` is in the store).
    pub fn push(&mut self, id: i64, folded: &str) -> Result<()> {
        let ix = &mut self.index;
        if ix.arena.len() + folded.len() > u32::MAX as usize {
            return Err(Error::Other(
                "The search index is full: the titles exceed 4 GB.".into(),
            ));
        }
        ix.arena.push_str(folded);
        ix.ends.push(ix.arena.len() as u32);
        ix.ids.push(id);
        Ok(())
    }

    /// The finished index, trimmed to its size.
    pub fn finish(mut self) -> SearchIndex {
        self.index.arena.shrink_to_fit();
        self.index.ends.shrink_to_fit();
        self.index.ids.shrink_to_fit();
        self.index
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
        self.ids.len()
    }

    /// True when there are no items.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The id of the item at `pos`.
    pub fn id(&self, pos: usize) -> i64 {
        self.ids[pos]
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
        self.arena.capacity() + self.ends.capacity() * 4 + self.ids.capacity() * 8
    }

    fn text_len(&self, pos: u32) -> u32 {
        let p = pos as usize;
        self.ends[p] - if p == 0 { 0 } else { self.ends[p - 1] }
    }

    /// Every item matching `query`, best first (a fresh search, folded ranking only).
    pub fn search(&self, query: &str) -> Vec<Match> {
        let mut m = self.run(&Pattern::parse(query), None);
        self.rank(&mut m);
        m
    }

    /// Scores the candidates (positions in index order; all items when `None`) on every
    /// core; the matches come out in index order.
    fn run(&self, pat: &Pattern, candidates: Option<&[u32]>) -> Vec<Match> {
        let one = |pos: u32| {
            pat.score(self.folded(pos as usize)).map(|score| Match {
                id: self.ids[pos as usize],
                score,
                pos,
            })
        };
        if pat.is_empty() {
            return match candidates {
                None => (0..self.len() as u32)
                    .map(|pos| Match {
                        id: self.ids[pos as usize],
                        score: 0,
                        pos,
                    })
                    .collect(),
                Some(c) => c
                    .iter()
                    .map(|&pos| Match {
                        id: self.ids[pos as usize],
                        score: 0,
                        pos,
                    })
                    .collect(),
            };
        }
        match candidates {
            None => (0..self.len() as u32)
                .into_par_iter()
                .with_min_len(MIN_CHUNK)
                .filter_map(one)
                .collect(),
            Some(c) => c
                .par_iter()
                .with_min_len(MIN_CHUNK)
                .filter_map(|&pos| one(pos))
                .collect(),
        }
    }

    /// Sorts best first: score, then the shorter text (fzf's default tiebreak), then the
    /// index order. The comparison runs on packed keys, not through the index.
    fn rank(&self, m: &mut Vec<Match>) {
        if m.len() < 2 {
            return;
        }
        let key = |(i, x): (usize, &Match)| {
            // Higher scores first: flip the sign bit and invert.
            let s = !((x.score as u32) ^ 0x8000_0000);
            (((s as u64) << 32) | self.text_len(x.pos) as u64, i as u32)
        };
        // Ties fall in index order because `i` follows it: `run` returns matches in index
        // order; anything else is put back in it first.
        if !m.windows(2).all(|w| w[0].pos < w[1].pos) {
            m.par_sort_unstable_by_key(|x| x.pos);
        }
        let mut keys: Vec<(u64, u32)> = if m.len() >= 4 * MIN_CHUNK {
            m.par_iter().enumerate().map(key).collect()
        } else {
            m.iter().enumerate().map(key).collect()
        };
        if keys.len() >= 4 * MIN_CHUNK {
            keys.par_sort_unstable();
        } else {
            keys.sort_unstable();
        }
        let ranked: Vec<Match> = keys.iter().map(|&(_, i)| m[i as usize]).collect();
        *m = ranked;
    }
}

/// Filters a [`SearchIndex`] as the user types, remembering the last query and its
/// matches: when the new query only narrows the last one (characters appended to the
/// last term, or terms added), only the last matches are searched.
#[derive(Debug)]
pub struct Narrower {
    index: Arc<SearchIndex>,
    last: Option<Pattern>,
    /// The positions of the last matches, in index order (what a narrowing step scans).
    set: Vec<u32>,
    matches: Vec<Match>,
    scanned: usize,
}

impl Narrower {
    /// A narrower over `index`, with no query yet.
    pub fn new(index: Arc<SearchIndex>) -> Narrower {
        Narrower {
            index,
            last: None,
            set: Vec::new(),
            matches: Vec::new(),
            scanned: 0,
        }
    }

    /// The index searched.
    pub fn index(&self) -> &Arc<SearchIndex> {
        &self.index
    }

    /// The matches of the last query, best first.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// How many items the last filter examined (the whole index, or the previous matches
    /// when it narrowed).
    pub fn scanned(&self) -> usize {
        self.scanned
    }

    /// Forgets the last query (e.g. after the index changed).
    pub fn reset(&mut self) {
        self.last = None;
        self.set.clear();
        self.matches.clear();
    }

    /// Filters by `query`, folded ranking only; returns the matches, best first.
    pub fn filter(&mut self, query: &str) -> &[Match] {
        let pat = Pattern::parse(query);
        self.apply(pat);
        &self.matches
    }

    /// Like [`Narrower::filter`], and when the query carries diacritics, ranks the items
    /// whose original text matches them above the rest. `originals` is called (only then)
    /// with the ids of the matches and returns their original texts, in the same order.
    pub fn filter_with(
        &mut self,
        query: &str,
        originals: impl FnOnce(&[i64]) -> Result<Vec<String>>,
    ) -> Result<&[Match]> {
        let pat = Pattern::parse(query);
        let accents = pat.has_accents();
        self.apply(pat);
        if accents && !self.matches.is_empty() {
            let ids: Vec<i64> = self.matches.iter().map(|m| m.id).collect();
            let texts = originals(&ids)?;
            if texts.len() != ids.len() {
                return Err(Error::Other(
                    "The original texts do not line up with the matches.".into(),
                ));
            }
            if let Some(pat) = &self.last {
                self.matches
                    .par_iter_mut()
                    .zip(texts.par_iter())
                    .with_min_len(MIN_CHUNK)
                    .for_each(|(m, t)| {
                        if pat.matches_accented(t) {
                            m.score += ACCENT_TIER;
                        }
                    });
            }
            self.index.rank(&mut self.matches);
        }
        Ok(&self.matches)
    }

    fn apply(&mut self, pat: Pattern) {
        let narrowing = self.last.as_ref().is_some_and(|old| pat.narrows(old));
        if narrowing && self.last.as_ref() == Some(&pat) && !pat.has_accents() {
            self.scanned = 0;
            return;
        }
        let mut m = if narrowing {
            self.scanned = self.set.len();
            self.index.run(&pat, Some(&self.set))
        } else {
            self.scanned = self.index.len();
            self.index.run(&pat, None)
        };
        self.set = m.iter().map(|x| x.pos).collect();
        self.index.rank(&mut m);
        self.matches = m;
        self.last = Some(pat);
    }
}
