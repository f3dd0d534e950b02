//! Search: folding and fuzzy matching that ignore Vietnamese diacritics and case.

pub mod fold;

pub use fold::{fold, fold_char, fold_nfc};
