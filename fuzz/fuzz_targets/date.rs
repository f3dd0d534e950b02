//! `domain::date::parse_date`: never panics; an accepted date is in 1900–2200 and reads
//! back the same from both its ISO and its Vietnamese form; a refusal is exit 6 with a
//! message that cannot drive a terminal.
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use phoihop::domain::date::{dmy, iso, parse_date};

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    match parse_date("deadline", &s) {
        Ok(d) => {
            use chrono::Datelike;
            assert!((1900..=2200).contains(&d.year()), "{s:?} → {d}");
            assert_eq!(parse_date("x", &iso(d)).unwrap(), d);
            assert_eq!(parse_date("x", &dmy(d)).unwrap(), d);
        }
        Err(e) => {
            assert_eq!(e.exit_code(), 6);
            common::check_message(&e);
        }
    }
});
