//! `domain::Progress::parse`: never panics; an accepted value is 0–100 and its display
//! parses back to itself; a refusal is exit 6 with a safe message.
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use phoihop::domain::Progress;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    match Progress::parse(&s) {
        Ok(p) => {
            assert!(p.get() <= 100, "{s:?} → {p}");
            assert_eq!(Progress::parse(&p.to_string()).unwrap(), p);
            assert_eq!(Progress::parse(&p.get().to_string()).unwrap(), p);
        }
        Err(e) => {
            assert_eq!(e.exit_code(), 6);
            common::check_message(&e);
        }
    }
});
