//! init, demo, backup, check, gen.
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Replace the data of a database that is not empty.
    #[arg(long)]
    pub force: bool,
}
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist).
    pub dest: PathBuf,
}
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(long, value_enum, default_value = "table")]
    pub format: super::Format,
}
#[derive(Debug, Args)]
pub struct GenArgs {
    /// Number of tasks.
    #[arg(long)]
    pub tasks: u64,
    /// Number of agencies.
    #[arg(long, default_value_t = 60)]
    pub agencies: u32,
    /// Random seed (same seed, same data).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}
