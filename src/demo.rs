//! The demo data set, built from the seed reports, and `gen`, synthetic data for benchmarks.

use chrono::NaiveDate;

use crate::error::Result;
use crate::store::Store;

/// Loads the demo data set. Dates of the current-year program are relative to `today`.
/// Refuses a database that already has data unless `force`.
pub fn load(store: &mut Store, today: NaiveDate, force: bool) -> Result<()> {
    let _ = (store, today, force);
    Err(crate::Error::Other("demo is not built yet".into()))
}

/// Options of `gen`.
#[derive(Debug, Clone)]
pub struct GenOptions {
    pub tasks: u64,
    pub agencies: u32,
    pub seed: u64,
}

/// Fills an empty database with synthetic data (deterministic for a seed and `today`).
pub fn generate(store: &mut Store, opts: &GenOptions, today: NaiveDate) -> Result<()> {
    let _ = (store, opts, today);
    Err(crate::Error::Other("gen is not built yet".into()))
}
