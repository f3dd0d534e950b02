//! Files in older encodings. An import file must be UTF-8; one that is not is examined,
//! and the error says which encoding it looks like and how to convert it:
//!
//! - **UTF-16** with a byte order mark (Excel's "Unicode text"): the `iconv` line, or
//!   `--encoding utf-16`.
//! - **Windows-1258** (CP1258, the Vietnamese Windows code page, with its combining tone
//!   marks): when nearly every byte above 127 is a Vietnamese letter or tone mark of that
//!   code page. The `iconv` line, or `--encoding windows-1258`.
//! - Anything else 8-bit: most likely **TCVN3** (ABC), the encoding of the `.VnTime` /
//!   `.VnArial` fonts, or VNI; phoihop does not convert those and says how to.
//!
//! `--encoding windows-1258|utf-16` converts with `encoding_rs` (the WHATWG tables) and
//! normalizes the text to NFC (Windows-1258 writes most tones as combining marks).

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use crate::domain::text;
use crate::error::{Error, Result};
use crate::lang::facts::{Import, Looks};

/// The encoding an import file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Encoding {
    /// UTF-8 (a byte order mark is allowed); other encodings are diagnosed.
    #[default]
    Utf8,
    /// Windows-1258 (CP1258).
    Windows1258,
    /// UTF-16, little-endian unless a byte order mark says big-endian.
    Utf16,
}

/// Converts the bytes of a file to UTF-8 (NFC) from `enc`; UTF-8 is returned as is.
pub fn decode<'a>(file: &str, bytes: &'a [u8], enc: Encoding) -> Result<Cow<'a, [u8]>> {
    let coding = match enc {
        Encoding::Utf8 => return Ok(Cow::Borrowed(bytes)),
        Encoding::Windows1258 => encoding_rs::WINDOWS_1258,
        Encoding::Utf16 => {
            if bytes.starts_with(b"\xFE\xFF") {
                encoding_rs::UTF_16BE
            } else {
                encoding_rs::UTF_16LE
            }
        }
    };
    // `decode` drops a byte order mark and follows it.
    let (s, _, bad) = coding.decode(bytes);
    if bad {
        return Err(Error::Invalid(
            Import::NotValidIn {
                file: text::escape(file).into_owned(),
                coding: coding.name().to_string(),
            }
            .into(),
        ));
    }
    Ok(Cow::Owned(s.nfc().collect::<String>().into_bytes()))
}

/// Bytes a file in the Vietnamese Windows code page uses above 127: the letters
/// (À Á Â Ă È É Ê Í Đ Ó Ô Ơ Ù Ú Ư, lower and upper case) …
const CP1258_LETTERS: &[u8] = &[
    0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCD, 0xD0, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD, 0xE0,
    0xE1, 0xE2, 0xE3, 0xE8, 0xE9, 0xEA, 0xED, 0xF0, 0xF3, 0xF4, 0xF5, 0xF9, 0xFA, 0xFD,
];
/// … and the combining tone marks (grave, hook above, tilde, acute, dot below), which
/// follow a letter.
const CP1258_TONES: &[u8] = &[0xCC, 0xD2, 0xDE, 0xEC, 0xF2];

/// What a file that is not UTF-8 looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guess {
    Utf16,
    Windows1258,
    /// 8-bit, not Windows-1258: TCVN3 (ABC) or VNI; `fonts` when `.VnTime`-style font
    /// names are in the file.
    Tcvn3 {
        fonts: bool,
    },
}

/// Examines a file's first bytes. `None` when they are UTF-8 (an incomplete character
/// at the very end is allowed: the sample may cut one) or UTF-8 with a few damaged
/// bytes, which the field-by-field checks report.
pub fn guess(sample: &[u8]) -> Option<Guess> {
    if sample.starts_with(b"\xFF\xFE") || sample.starts_with(b"\xFE\xFF") {
        return Some(Guess::Utf16);
    }
    let sample = without_cut_tail(sample);
    let (mut good, mut bad) = (0usize, 0usize);
    for c in sample.utf8_chunks() {
        good += c.valid().chars().filter(|ch| !ch.is_ascii()).count();
        if !c.invalid().is_empty() {
            bad += 1;
        }
    }
    if bad == 0 || good > bad * 4 {
        return None;
    }
    let fonts = [&b".VnTime"[..], b".VnArial", b".VnTimeH", b"VNI-Times"]
        .iter()
        .any(|f| sample.windows(f.len()).any(|w| w == *f));
    let (mut high, mut plausible) = (0usize, 0usize);
    let mut prev = 0u8;
    for &b in sample {
        if b >= 0x80 {
            high += 1;
            let after_letter = prev.is_ascii_alphabetic() || CP1258_LETTERS.contains(&prev);
            if CP1258_LETTERS.contains(&b) || (CP1258_TONES.contains(&b) && after_letter) {
                plausible += 1;
            }
        }
        prev = b;
    }
    if !fonts && high > 0 && plausible * 10 >= high * 9 {
        Some(Guess::Windows1258)
    } else {
        Some(Guess::Tcvn3 { fonts })
    }
}

/// The sample without a UTF-8 sequence cut off at its end.
fn without_cut_tail(s: &[u8]) -> &[u8] {
    for back in 1..=3.min(s.len()) {
        let b = s[s.len() - back];
        if b & 0xC0 == 0x80 {
            continue; // a continuation byte: look further back
        }
        let need = match b {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return s,
        };
        return if back < need { &s[..s.len() - back] } else { s };
    }
    s
}

/// A file name as a shell word (quoted when it needs it).
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-/+,".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// `tasks.csv` → `tasks.utf8.csv`.
fn converted_name(path: &str) -> String {
    match path.rsplit_once('.') {
        Some((stem, ext)) if !ext.contains('/') && !stem.is_empty() => {
            format!("{stem}.utf8.{ext}")
        }
        _ => format!("{path}.utf8"),
    }
}

/// The error for a file that is not UTF-8, saying what it looks like and how to convert
/// it; `path` as the user gave it.
pub fn not_utf8(path: &str, g: Guess) -> Error {
    let p = text::escape(path).into_owned();
    let iconv = |from: &str| {
        format!(
            "iconv -f {from} -t UTF-8 {} > {}",
            shell_word(&p),
            shell_word(&converted_name(&p))
        )
    };
    let (looks, iconv) = match g {
        Guess::Utf16 => (Looks::Utf16, iconv("UTF-16")),
        Guess::Windows1258 => (Looks::Windows1258, iconv("WINDOWS-1258")),
        Guess::Tcvn3 { fonts } => (Looks::Tcvn3 { fonts }, String::new()),
    };
    Error::Invalid(
        Import::NotUtf8 {
            path: p,
            looks,
            iconv,
        }
        .into(),
    )
}

/// Checks a file's first bytes and refuses a file that is not UTF-8 with the diagnosis.
pub fn check_utf8(path: &str, sample: &[u8]) -> Result<()> {
    match guess(sample) {
        None => Ok(()),
        Some(g) => Err(not_utf8(path, g)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses() {
        assert_eq!(guess("Tổ chức sinh hoạt chính trị".as_bytes()), None);
        // A sample that cuts the last character in two is still UTF-8.
        let s = "Tổ chức".as_bytes();
        assert_eq!(guess(&s[..s.len() - 1]), None);
        assert_eq!(guess(b"\xFF\xFEp\x00"), Some(Guess::Utf16));
        // "Tuyên truyền" in Windows-1258: ê = EA, the grave tone = CC.
        assert_eq!(
            guess(b"Tuy\xEAn truy\xEA\xCCn, \xF0a\xECnh gia\xCC"),
            Some(Guess::Windows1258)
        );
        // "Tuyªn truyÒn" is "Tuyên truyền" in TCVN3.
        assert_eq!(
            guess(b"Tuy\xAAn truy\xD2n, \xAE\xB8nh gi\xB8"),
            Some(Guess::Tcvn3 { fonts: false })
        );
        assert_eq!(
            guess(b"font .VnTime: Tuy\xEAn"),
            Some(Guess::Tcvn3 { fonts: true })
        );
    }

    #[test]
    fn messages_name_the_encoding_and_the_iconv_line() {
        let m = not_utf8("tasks.csv", Guess::Windows1258).to_string();
        assert!(
            m.contains("`iconv -f WINDOWS-1258 -t UTF-8 tasks.csv > tasks.utf8.csv`"),
            "{m}"
        );
        let m = not_utf8("my file.csv", Guess::Utf16).to_string();
        assert!(
            m.contains("iconv -f UTF-16 -t UTF-8 'my file.csv' > 'my file.utf8.csv'"),
            "{m}"
        );
        let m = not_utf8("a.csv", Guess::Tcvn3 { fonts: true }).to_string();
        assert!(m.contains(".VnTime") && m.contains("TCVN3"), "{m}");
    }

    #[test]
    fn decodes_to_nfc() {
        let b = decode("x", b"Tuy\xEAn truy\xEA\xCCn", Encoding::Windows1258).unwrap();
        assert_eq!(std::str::from_utf8(&b).unwrap(), "Tuyên truyền");
        let mut u16 = vec![0xFF, 0xFE];
        for u in "Dân vận".encode_utf16() {
            u16.extend_from_slice(&u.to_le_bytes());
        }
        let b = decode("x", &u16, Encoding::Utf16).unwrap();
        assert_eq!(std::str::from_utf8(&b).unwrap(), "Dân vận");
    }
}
