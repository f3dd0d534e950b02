//! The TUI's words now live in the crate-wide catalog [`crate::lang`]; this module re-exports
//! it so that `crate::tui::i18n::{Lang, Msg, fill}` keeps working.

pub use crate::lang::{fill, Lang, Msg};
