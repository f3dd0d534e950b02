//! Shared test fixtures: a database with the demo data, fixed dates.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use phoihop::store::Store;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The fixed "today" of every TUI test.
pub fn today() -> NaiveDate {
    d(2026, 3, 15)
}

/// The fixed as-of date of the dashboard snapshots: the 2015-2020 program's final review.
pub fn as_of() -> NaiveDate {
    d(2020, 11, 6)
}

/// Creates `dir/demo.db` with the demo data set (loaded as of the fixed today).
pub fn demo_db(dir: &Path) -> PathBuf {
    let path = dir.join("demo.db");
    let mut store = Store::open(&path, false).unwrap();
    phoihop::demo::load(&mut store, today(), false).unwrap();
    path
}
