//! The JSON importer (`io::json_in::read`) on any bytes: never panics; a refusal is one
//! safe sentence with exit 3, 5 or 6; an accepted batch holds only clean text.
#![no_main]
mod common;
mod import;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    match phoihop::io::json_in::read("fuzz.json", data, today, &mut |_| {}) {
        Ok(batch) => import::check_batch(&batch),
        Err(e) => import::check_error(&e),
    }
});
