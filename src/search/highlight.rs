//! Highlighting for every view: the positions a query matched in a text.

use unicode_normalization::UnicodeNormalization;

use super::pattern::Pattern;
use crate::domain::fold::fold_nfc;

/// The positions (character indices into the NFC form of `original`) of the characters
/// `query` matched, ascending. When the query carries diacritics and the original matches
/// them, the accented occurrences are the ones shown.
pub fn highlight(original: &str, query: &str) -> Vec<usize> {
    let nfc: String = original.nfc().collect();
    let folded = fold_nfc(&nfc);
    let pat = Pattern::parse(query);
    if pat.has_accents() && pat.matches_accented(&nfc) {
        pat.positions(&folded, Some(&nfc))
    } else {
        pat.positions(&folded, None)
    }
}
