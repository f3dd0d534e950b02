//! phoihop — a keyboard-driven terminal dashboard over one SQLite file that tracks the
//! work programs of provincial Party and government bodies.
//!
//! Layers (see `docs/architecture.md`): `domain` (pure types and rules) ← `store` (the only
//! place with SQL, enforces roles) ← use cases (`search`, `report`, `io`, `demo`) ← `cli`
//! and `tui`.
#![deny(clippy::unwrap_used)]

pub mod cli;
pub mod config;
pub mod demo;
pub mod domain;
pub mod error;
pub mod io;
pub mod lang;
pub mod log;
pub mod numfmt;
pub mod plain;
pub mod report;
pub mod rollup;
pub mod safe_file;
pub mod search;
pub mod store;
pub mod tui;

pub use error::{Error, Result};
