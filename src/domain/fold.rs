//! Folding, a domain rule (stored titles, search, sorting by name): NFC → lowercase →
//! strip Vietnamese diacritics, `đ` → `d`.
//! One character in, one character out, so a match position in the folded text is the
//! position of the same character in the (NFC) original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::UnicodeNormalization;

/// Folds one character: the base letter of its canonical decomposition, lowercased;
/// `đ`/`Đ` → `d`. Characters without a single-character lowercase stay as they are.
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == 'đ' || c == 'Đ' {
        return 'd';
    }
    let mut base = None;
    let mut only_marks_follow = true;
    decompose_canonical(c, |d| {
        if base.is_none() && !is_combining_mark(d) {
            base = Some(d);
        } else if !is_combining_mark(d) {
            only_marks_follow = false;
        }
    });
    // A Hangul syllable decomposes into jamo, letters that NFC joins again: keep it whole,
    // or folding would not be idempotent.
    let b = base.filter(|_| only_marks_follow).unwrap_or(c);
    let mut lower = b.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => b,
    }
}

/// Lowercases one character, keeping its diacritics; a character whose lowercase is not
/// a single character stays as it is (one in, one out, like [`fold_char`]).
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// True when `s` has a character that folding changes other than by case: a diacritic,
/// or `đ`/`Đ`.
pub fn has_diacritics(s: &str) -> bool {
    s.nfc().any(|c| fold_char(c) != lower_char(c))
}

/// Folds a string already in NFC, character by character (same number of characters).
pub fn fold_nfc(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Folds any string: NFC first, then [`fold_nfc`]. Combining marks left over after NFC
/// (marks with no precomposed form) are dropped.
pub fn fold(s: &str) -> String {
    s.nfc()
        .filter(|c| !is_combining_mark(*c))
        .map(fold_char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese() {
        assert_eq!(fold("Dân vận"), "dan van");
        assert_eq!(fold("Đảng ủy Khối"), "dang uy khoi");
        assert_eq!(fold("Nghị quyết 18-NQ/TW"), "nghi quyet 18-nq/tw");
        let nfd = "Da\u{302}n va\u{323}\u{302}n";
        assert_eq!(fold(nfd), "dan van");
        let s = "Ủy ban Kiểm tra";
        assert_eq!(fold_nfc(s).chars().count(), s.chars().count());
    }
}
