//! Search: folding and fuzzy matching that ignore Vietnamese diacritics and case.
//!
//! - [`fold`]: NFC → lowercase → strip diacritics, `đ` → `d`, one character in and one out.
//! - [`Pattern`]: fzf's extended query syntax over folded text, scoring, positions.
//! - [`SearchIndex`] and [`Narrower`]: a million folded titles in one arena, filtered on
//!   both cores, a longer query searching only the previous matches.
//! - [`search_tasks`], [`search_agencies`]: one-shot ranked searches for the CLI.

pub mod fold;
mod index;
pub mod pattern;
mod usecase;

pub use fold::{fold, fold_char, fold_nfc, has_diacritics, lower_char};
pub use index::{
    Ids, Match, Narrower, SearchIndex, SearchIndexBuilder, ACCENT_TIER, NUMBER_TIER,
    ORIGINALS_BATCH,
};
pub use pattern::{Pattern, TermKind, TIER_INSIDE, TIER_WORD, TIER_WORD_START};
pub use usecase::{
    highlight, search_agencies, search_task_ids_at, search_tasks, search_tasks_at, task_index,
    task_index_at,
};
