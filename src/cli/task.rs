//! task add|list|show|update|edit|remove|urge.
use clap::Subcommand;
#[derive(Debug, Subcommand)]
pub enum TaskCmd {
    List,
}
