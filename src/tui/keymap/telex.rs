//! Keys typed with a Vietnamese input method on. Telex and VNI turn `dd` into `đ`, `aa`
//! into `â`, `w` into `ư`, `as` into `á`; in a table such a character does what its plain
//! letter does: the base letter with the diacritics stripped, its case kept (`đ` → `d`,
//! `Đ` → `D`, `ư` → `u`, `ơ` → `o`, `ý` → `y`). Text (forms, the search and as-of prompts)
//! keeps every character as typed, and the confirmation and conflict dialogs take only
//! their plain letters, so that no accented key says yes for the user.

use super::Mode;
use crate::search::fold_char;

/// The modes whose letter keys are read through their plain letters.
pub fn reads_plain(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::Dashboard
            | Mode::Table
            | Mode::Detail
            | Mode::Help
            | Mode::Filter
            | Mode::Loading
            | Mode::Trends
    )
}

/// The plain ASCII letter a Vietnamese letter is written on, in the same case; `None`
/// for ASCII and for what is not a Latin letter with diacritics.
pub fn plain_letter(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    let base = fold_char(c);
    if !base.is_ascii_alphabetic() {
        return None;
    }
    Some(if c.is_uppercase() {
        base.to_ascii_uppercase()
    } else {
        base
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_letters() {
        for (c, p) in [
            ('đ', 'd'),
            ('Đ', 'D'),
            ('ư', 'u'),
            ('Ư', 'U'),
            ('ơ', 'o'),
            ('â', 'a'),
            ('ă', 'a'),
            ('ê', 'e'),
            ('ô', 'o'),
            ('ấ', 'a'),
            ('ỹ', 'y'),
            ('Ấ', 'A'),
        ] {
            assert_eq!(plain_letter(c), Some(p), "{c}");
        }
        assert_eq!(plain_letter('d'), None);
        assert_eq!(plain_letter('中'), None);
        assert_eq!(plain_letter('→'), None);
    }
}
