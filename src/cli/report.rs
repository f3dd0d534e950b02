//! report.
use clap::Args;
#[derive(Debug, Args)]
pub struct ReportArgs {}

/// Runs `phoihop report`.
pub fn run(ctx: &super::Context, args: &ReportArgs) -> crate::Result<()> {
    let _ = (ctx, args);
    Err(crate::Error::Other("report is not built yet".into()))
}
