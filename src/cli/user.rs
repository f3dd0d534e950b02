//! user grant|revoke|list.
use clap::Subcommand;
#[derive(Debug, Subcommand)]
pub enum UserCmd {
    List,
}
