//! The one rule that keeps a CSV cell from running as a spreadsheet formula, and its exact
//! inverse on import (documented in `docs/formats.md`):
//!
//! - **Writing**: a cell whose text, after any apostrophes it already begins with, begins
//!   with `=`, `+`, `-`, `@`, a tab or a carriage return gets one more apostrophe in
//!   front: `=x` → `'=x`, `'=x` → `''=x`. Every other cell is written as it is (`'x`
//!   stays `'x`).
//! - **Reading**: exactly one apostrophe is taken off a cell of that shape (one or more
//!   apostrophes, then one of those characters), and nothing from any other cell.
//!
//! So every text goes out and comes back byte for byte, whatever it begins with.

use std::borrow::Cow;

fn formula_like(s: &str) -> bool {
    s.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A text cell as a CSV file writes it.
pub fn write(s: &str) -> Cow<'_, str> {
    if formula_like(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A text cell as read from a CSV file: [`write`] undone.
pub fn read(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::{read, write};

    #[test]
    fn every_text_round_trips() {
        for s in [
            "'=x",
            "=x",
            "'x",
            "+x",
            "''=x",
            "-",
            "'",
            "''",
            "",
            "@SUM",
            "- Rà soát",
            "'- a",
            "x'=",
            "\t=",
        ] {
            assert_eq!(read(&write(s)), s, "{s:?}");
        }
        assert_eq!(write("=x"), "'=x");
        assert_eq!(write("'=x"), "''=x");
        assert_eq!(write("'x"), "'x");
        assert_eq!(write("+x"), "'+x");
        assert_eq!(read("'x"), "'x");
        assert_eq!(read("'=x"), "=x");
    }
}
