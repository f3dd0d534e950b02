//! Search: folding and fuzzy matching that ignore Vietnamese diacritics and case.
//!
//! - [`fold`]: NFC → lowercase → strip diacritics, `đ` → `d`, one character in and one out.
//! - [`Pattern`]: fzf's extended query syntax over folded text, scoring, positions.
//! - [`SearchIndex`] and [`Narrower`]: a million folded titles in one arena, filtered on
//!   both cores, a longer query searching only the previous matches.
//! - [`highlight`]: where a query matched, for every view.
//!
//! It reads nothing: the one-shot searches over the store are the CLI's
//! (`crate::cli::search`), so the store and this module do not depend on each other.

/// Folding is a domain rule ([`crate::domain::fold`]); searched here under its old path.
pub use crate::domain::fold;
mod highlight;
mod index;
pub mod pattern;

pub use fold::{fold, fold_char, fold_nfc, has_diacritics, lower_char};
pub use highlight::highlight;
pub use index::{
    Ids, Match, Narrower, SearchIndex, SearchIndexBuilder, ACCENT_TIER, NUMBER_TIER,
    ORIGINALS_BATCH,
};
pub use pattern::{Pattern, TermKind, TIER_INSIDE, TIER_WORD, TIER_WORD_START};
