//! import, export.
use clap::Args;
#[derive(Debug, Args)]
pub struct ImportArgs {}
#[derive(Debug, Args)]
pub struct ExportArgs {}
