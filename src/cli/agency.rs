//! agency add|list|show|edit|remove.
use clap::Subcommand;
#[derive(Debug, Subcommand)]
pub enum AgencyCmd {
    List,
}
