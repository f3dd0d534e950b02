//! The query language: fzf's extended search mode, over folded text.
//!
//! A query is split on runs of spaces (`\ ` is a literal space) into terms; every term must
//! match, in any order. Like `fzf --filter` (extended mode, the default):
//!
//! | term      | matches items that                                   |
//! |-----------|------------------------------------------------------|
//! | `dan`     | contain d, a, n in this order (fuzzy, a subsequence)  |
//! | `'dan`    | contain `dan` (exact substring)                       |
//! | `^dan`    | start with `dan`                                      |
//! | `dan$`    | end with `dan`                                        |
//! | `^dan$`   | are exactly `dan`                                     |
//! | `!dan`    | do not contain `dan` (`!^`, `!…$` and `!'` fuzzy too)  |
//! | `a \| b`  | match `a` or `b`                                      |
//!
//! A query that is one number (`70`, `#70`) also names that task, which comes first.
//!
//! Ranking: a fuzzy or exact term found as a whole word scores above one found at a
//! word's start, that above one inside a word, and all of these above letters found
//! scattered (see [`TIER_WORD`]); within a tier, fzf's bonuses and gaps decide.
//!
//! Terms are folded (diacritics and case ignored). A term typed with diacritics also
//! remembers them, so that [`Pattern::matches_accented`] can tell items whose original
//! text carries the same marks from items that only match once folded.

use crate::domain::fold::{fold_char, lower_char};
use unicode_normalization::UnicodeNormalization;

/// How one term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A subsequence (fzf's default).
    Fuzzy,
    /// A substring (`'term`, or `!term`).
    Exact,
    /// At the start, after leading whitespace (`^term`).
    Prefix,
    /// At the end, before trailing whitespace (`term$`).
    Suffix,
    /// The whole text, whitespace trimmed (`^term$`).
    Equal,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub kind: TermKind,
    /// Items must NOT match the term.
    pub inverse: bool,
    /// The folded text.
    pub text: String,
    /// Per character of `text`: the lowercase accented character the user typed, when it
    /// carried a diacritic (or was `đ`).
    accents: Vec<Option<char>>,
    folded_chars: Vec<char>,
}

impl Term {
    fn new(kind: TermKind, inverse: bool, raw: &str) -> Term {
        let mut text = String::with_capacity(raw.len());
        let mut accents = Vec::new();
        let mut folded_chars = Vec::new();
        for c in raw.chars() {
            let f = fold_char(c);
            let l = lower_char(c);
            text.push(f);
            folded_chars.push(f);
            accents.push(if l != f { Some(l) } else { None });
        }
        Term {
            kind,
            inverse,
            text,
            accents,
            folded_chars,
        }
    }

    /// True when the user typed a diacritic (or `đ`) in this term.
    pub fn has_accents(&self) -> bool {
        self.accents.iter().any(Option::is_some)
    }

    /// True when this term, matching, makes the match set a subset of what `old` matches.
    fn narrows(&self, old: &Term) -> bool {
        if self.inverse || old.inverse || self.kind != old.kind {
            return false;
        }
        match self.kind {
            TermKind::Fuzzy | TermKind::Exact | TermKind::Prefix => {
                self.text.starts_with(&old.text)
            }
            TermKind::Suffix | TermKind::Equal => self.text == old.text,
        }
    }
}

/// A parsed query: a conjunction of sets, each a disjunction of terms.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pattern {
    pub sets: Vec<Vec<Term>>,
}

impl Pattern {
    /// Parses a query as fzf's extended mode does (see the module documentation).
    pub fn parse(query: &str) -> Pattern {
        let query: String = query.nfc().collect();
        let mut s = query.trim_start_matches(' ');
        while s.ends_with(' ') && !s.ends_with("\\ ") {
            s = &s[..s.len() - 1];
        }
        let s = s.replace("\\ ", "\t");
        let mut sets: Vec<Vec<Term>> = Vec::new();
        let mut set: Vec<Term> = Vec::new();
        let mut switch_set = false;
        let mut after_bar = false;
        for token in s.split(' ').filter(|t| !t.is_empty()) {
            let token = token.replace('\t', " ");
            if !set.is_empty() && !after_bar && token == "|" {
                switch_set = false;
                after_bar = true;
                continue;
            }
            after_bar = false;
            let (mut kind, mut inverse, mut text) = (TermKind::Fuzzy, false, token.as_str());
            if let Some(rest) = text.strip_prefix('!') {
                inverse = true;
                kind = TermKind::Exact;
                text = rest;
            }
            if text != "$" {
                if let Some(rest) = text.strip_suffix('$') {
                    kind = TermKind::Suffix;
                    text = rest;
                }
            }
            if let Some(rest) = text.strip_prefix('\'') {
                kind = if inverse {
                    TermKind::Fuzzy
                } else {
                    TermKind::Exact
                };
                text = rest;
            } else if let Some(rest) = text.strip_prefix('^') {
                kind = if kind == TermKind::Suffix {
                    TermKind::Equal
                } else {
                    TermKind::Prefix
                };
                text = rest;
            }
            if !text.is_empty() {
                if switch_set {
                    sets.push(std::mem::take(&mut set));
                }
                set.push(Term::new(kind, inverse, text));
                switch_set = true;
            }
        }
        if !set.is_empty() {
            sets.push(set);
        }
        Pattern { sets }
    }

    /// The task number a query names, when it is one number and nothing else (`70`,
    /// `#70`): the search then puts that task first, whatever its title says.
    pub fn number(&self) -> Option<i64> {
        match self.sets.as_slice() {
            [set] => match set.as_slice() {
                [t] if !t.inverse && matches!(t.kind, TermKind::Fuzzy | TermKind::Exact) => {
                    let digits = t.text.strip_prefix('#').unwrap_or(&t.text);
                    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                    digits.parse().ok().filter(|&n: &i64| n > 0)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// True when the query has no terms (everything matches).
    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }

    /// True when some term was typed with a diacritic.
    pub fn has_accents(&self) -> bool {
        self.sets.iter().flatten().any(Term::has_accents)
    }

    /// True when every item this pattern matches is also matched by `old`, which is what
    /// lets a longer query search only the previous matches: the same sets, the last one
    /// extended (more characters of a fuzzy, exact or prefix term), more sets added.
    pub fn narrows(&self, old: &Pattern) -> bool {
        if old.sets.len() > self.sets.len() {
            return false;
        }
        let n = old.sets.len();
        for (i, (new, old)) in self.sets.iter().zip(&old.sets).enumerate() {
            if new == old {
                continue;
            }
            let extended =
                i + 1 == n && new.len() == 1 && old.len() == 1 && new[0].narrows(&old[0]);
            if !extended {
                return false;
            }
        }
        true
    }

    /// Matches folded text; returns the score (higher is better), or `None`.
    pub fn score(&self, folded: &str) -> Option<i32> {
        let bytes = folded.as_bytes();
        let mut total = 0;
        let mut chars: Option<Vec<char>> = None;
        for set in &self.sets {
            let mut matched = None;
            for term in set {
                let span = if term.text.is_ascii() {
                    let pat = term.text.as_bytes();
                    find(bytes, pat, term.kind, |a, b| a == b).map(|sp| {
                        score_span(bytes, pat, sp, |a, b| a == b)
                            + word_tier(term.kind, bytes, pat, ascii_occurrences(bytes, pat))
                    })
                } else {
                    let cs = chars.get_or_insert_with(|| folded.chars().collect());
                    let pat = &term.folded_chars;
                    find(cs, pat, term.kind, |a, b| a == b).map(|sp| {
                        score_span(cs.as_slice(), pat, sp, |a, b| a == b)
                            + word_tier(term.kind, cs, pat, occurrences(cs, pat))
                    })
                };
                match (span, term.inverse) {
                    (Some(s), false) => {
                        matched = Some(s);
                        break;
                    }
                    (None, true) => {
                        matched = Some(0);
                    }
                    _ => {}
                }
            }
            total += matched?;
        }
        Some(total)
    }

    /// Matches folded text, without scoring.
    pub fn matches(&self, folded: &str) -> bool {
        self.score(folded).is_some()
    }

    /// True when the original text matches with the user's diacritics respected: a query
    /// character typed with a mark must meet the same marked character; one typed plain
    /// meets any character that folds to it. `original` is in NFC.
    pub fn matches_accented(&self, original: &str) -> bool {
        let pairs: Vec<(char, char)> = original
            .chars()
            .map(|c| (fold_char(c), lower_char(c)))
            .collect();
        self.sets.iter().all(|set| {
            set.iter().any(|term| {
                let q: Vec<(char, Option<char>)> = term
                    .folded_chars
                    .iter()
                    .copied()
                    .zip(term.accents.iter().copied())
                    .collect();
                let eq = |t: &(char, char), p: &(char, Option<char>)| {
                    t.0 == p.0 && p.1.is_none_or(|a| a == t.1)
                };
                find(&pairs, &q, term.kind, eq).is_some() != term.inverse
            })
        })
    }

    /// Positions (indices into the characters of `folded`) of the characters each matching
    /// term covers; fuzzy terms use `fuzzy-matcher`'s SkimMatcherV2 for the best positions.
    pub fn positions(&self, folded: &str, accented: Option<&str>) -> Vec<usize> {
        let chars: Vec<char> = folded.chars().collect();
        let pairs: Option<Vec<(char, char)>> = accented.map(|o| {
            o.chars()
                .zip(chars.iter())
                .map(|(c, f)| (*f, lower_char(c)))
                .collect()
        });
        let mut out = Vec::new();
        for set in &self.sets {
            for term in set.iter().filter(|t| !t.inverse) {
                let found = match &pairs {
                    Some(p) => {
                        let q: Vec<(char, Option<char>)> = term
                            .folded_chars
                            .iter()
                            .copied()
                            .zip(term.accents.iter().copied())
                            .collect();
                        let eq = |t: &(char, char), p: &(char, Option<char>)| {
                            t.0 == p.0 && p.1.is_none_or(|a| a == t.1)
                        };
                        term_positions(p, &q, term.kind, eq)
                    }
                    None => {
                        if term.kind == TermKind::Fuzzy {
                            skim_positions(folded, &term.text)
                        } else {
                            term_positions(&chars, &term.folded_chars, term.kind, |a, b| a == b)
                        }
                    }
                };
                if let Some(found) = found {
                    out.extend(found);
                    break;
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

fn skim_positions(folded: &str, term: &str) -> Option<Vec<usize>> {
    use fuzzy_matcher::skim::SkimMatcherV2;
    use fuzzy_matcher::FuzzyMatcher;
    thread_local! {
        static MATCHER: SkimMatcherV2 = SkimMatcherV2::default().ignore_case();
    }
    MATCHER.with(|m| m.fuzzy_indices(folded, term).map(|(_, p)| p))
}

fn term_positions<T: Unit, Q>(
    text: &[T],
    pat: &[Q],
    kind: TermKind,
    eq: impl Fn(&T, &Q) -> bool,
) -> Option<Vec<usize>> {
    let (s, e) = find(text, pat, kind, &eq)?;
    if kind == TermKind::Fuzzy {
        // The tightest window's greedy positions.
        let mut out = Vec::with_capacity(pat.len());
        let mut j = 0;
        for (i, t) in text.iter().enumerate().take(e).skip(s) {
            if j < pat.len() && eq(t, &pat[j]) {
                out.push(i);
                j += 1;
            }
        }
        Some(out)
    } else {
        Some((s..e).collect())
    }
}

/// Something that may be whitespace or a word character, for trimming and bonuses.
trait Unit: Copy {
    fn is_space(self) -> bool;
    fn is_word(self) -> bool;
}

impl Unit for u8 {
    #[inline]
    fn is_space(self) -> bool {
        matches!(self, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
    }
    #[inline]
    fn is_word(self) -> bool {
        // Bytes of multi-byte characters count as letters.
        self.is_ascii_alphanumeric() || self >= 0x80
    }
}

impl Unit for char {
    fn is_space(self) -> bool {
        self.is_whitespace()
    }
    fn is_word(self) -> bool {
        self.is_alphanumeric()
    }
}

impl Unit for (char, char) {
    fn is_space(self) -> bool {
        self.0.is_whitespace()
    }
    fn is_word(self) -> bool {
        self.0.is_alphanumeric()
    }
}

/// Finds a term in `text`: the span `[start, end)` it covers, or `None`. For a fuzzy term
/// the span is the shortest window ending where the first complete match ends.
#[inline]
fn find<T: Unit, Q>(
    text: &[T],
    pat: &[Q],
    kind: TermKind,
    eq: impl Fn(&T, &Q) -> bool,
) -> Option<(usize, usize)> {
    let k = pat.len();
    if k == 0 {
        return Some((0, 0));
    }
    match kind {
        TermKind::Fuzzy => {
            let mut j = 0;
            let mut end = None;
            for (i, t) in text.iter().enumerate() {
                if eq(t, &pat[j]) {
                    j += 1;
                    if j == k {
                        end = Some(i + 1);
                        break;
                    }
                }
            }
            let end = end?;
            let mut j = k;
            let mut start = end;
            while j > 0 {
                start -= 1;
                if eq(&text[start], &pat[j - 1]) {
                    j -= 1;
                }
            }
            Some((start, end))
        }
        TermKind::Exact => {
            if text.len() < k {
                return None;
            }
            (0..=text.len() - k)
                .find(|&i| text[i..i + k].iter().zip(pat).all(|(t, p)| eq(t, p)))
                .map(|i| (i, i + k))
        }
        TermKind::Prefix => {
            let lead = text.iter().take_while(|t| t.is_space()).count();
            let body = &text[lead..];
            (body.len() >= k && body[..k].iter().zip(pat).all(|(t, p)| eq(t, p)))
                .then_some((lead, lead + k))
        }
        TermKind::Suffix => {
            let trail = text.iter().rev().take_while(|t| t.is_space()).count();
            let end = text.len() - trail;
            (end >= k && text[end - k..end].iter().zip(pat).all(|(t, p)| eq(t, p)))
                .then_some((end - k, end))
        }
        TermKind::Equal => {
            let lead = text.iter().take_while(|t| t.is_space()).count();
            let trail = text[lead..]
                .iter()
                .rev()
                .take_while(|t| t.is_space())
                .count();
            let body = &text[lead..text.len() - trail];
            (body.len() == k && body.iter().zip(pat).all(|(t, p)| eq(t, p)))
                .then_some((lead, lead + k))
        }
    }
}

/// Added to a fuzzy or exact term's score by where its letters stand together: as a
/// whole word, at the start of a word, inside a word. Far above what bonuses and gaps can
/// add or take, so a query's words found as words rank above letters found scattered
/// (`dan van` puts "công tác dân vận" above "ban đảng về văn phòng", whose `dan` only
/// starts a word, and both above "đảng ủy ... vận ... ngân sách"); fzf's score decides
/// within a tier.
pub const TIER_WORD: i32 = 3000;
pub const TIER_WORD_START: i32 = 2000;
pub const TIER_INSIDE: i32 = 1000;

/// The tier of the best place where `pat` stands whole in `text` (`occ` yields each
/// start), for a fuzzy or exact term; anchored terms have none.
#[inline]
fn word_tier<T: Unit + PartialEq>(
    kind: TermKind,
    text: &[T],
    pat: &[T],
    occ: impl Iterator<Item = usize>,
) -> i32 {
    if !matches!(kind, TermKind::Fuzzy | TermKind::Exact) || pat.is_empty() {
        return 0;
    }
    // Letters that are each the first of a word, in order (`dv` for "dân vận") rank as a
    // word start: the initials of a name.
    let initials = kind == TermKind::Fuzzy && pat.len() > 1 && initials(text, pat);
    let k = pat.len();
    let mut best = 0;
    for i in occ {
        let starts = i == 0 || !text[i - 1].is_word();
        let ends = i + k == text.len() || !text[i + k].is_word();
        let tier = match (starts, ends) {
            (true, true) => TIER_WORD,
            (true, false) => TIER_WORD_START,
            _ => TIER_INSIDE,
        };
        best = best.max(tier);
        if best == TIER_WORD {
            break;
        }
    }
    if initials {
        best = best.max(TIER_WORD_START);
    }
    best
}

/// True when `pat`'s letters are, in order, the first letters of words of `text`.
fn initials<T: Unit + PartialEq>(text: &[T], pat: &[T]) -> bool {
    let mut want = pat.iter().peekable();
    for (i, &c) in text.iter().enumerate() {
        let Some(&&p) = want.peek() else { break };
        if c == p && c.is_word() && (i == 0 || !text[i - 1].is_word()) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// Where `pat` occurs in `text` (bytes), each start.
#[inline]
fn ascii_occurrences<'a>(text: &'a [u8], pat: &'a [u8]) -> impl Iterator<Item = usize> + 'a {
    memchr::memmem::find_iter(text, pat)
}

/// Where `pat` occurs in `text` (characters), each start.
fn occurrences<'a>(text: &'a [char], pat: &'a [char]) -> impl Iterator<Item = usize> + 'a {
    let k = pat.len();
    (0..(text.len() + 1).saturating_sub(k)).filter(move |&i| text[i..i + k] == *pat)
}

const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_START: i32 = 10;
const BONUS_BOUNDARY: i32 = 8;
const BONUS_CONSECUTIVE: i32 = 4;

/// Scores the span a term was found in, in the manner of fzf: points per matched
/// character, bonuses at word starts and for runs, penalties for gaps.
#[inline]
fn score_span<T: Unit, Q>(
    text: &[T],
    pat: &[Q],
    (s, e): (usize, usize),
    eq: impl Fn(&T, &Q) -> bool,
) -> i32 {
    let mut score = 0;
    let mut j = 0;
    let mut in_gap = false;
    let mut carry = 0;
    for i in s..e {
        if j >= pat.len() {
            break;
        }
        if eq(&text[i], &pat[j]) {
            let bonus = if i == 0 || text[i - 1].is_space() {
                BONUS_START
            } else if !text[i - 1].is_word() && text[i].is_word() {
                BONUS_BOUNDARY
            } else {
                0
            };
            carry = if in_gap || j == 0 {
                bonus
            } else {
                carry.max(bonus).max(BONUS_CONSECUTIVE)
            };
            score += SCORE_MATCH + if j == 0 { 2 * bonus } else { carry };
            in_gap = false;
            j += 1;
        } else {
            score += if in_gap { GAP_EXTENSION } else { GAP_START };
            in_gap = true;
        }
    }
    score
}

#[cfg(test)]
mod tests;
