//! import, export.
use clap::Args;
#[derive(Debug, Args)]
pub struct ImportArgs {}
#[derive(Debug, Args)]
pub struct ExportArgs {}

/// Runs `phoihop import`.
pub fn import(ctx: &super::Context, args: &ImportArgs) -> crate::Result<()> {
    let _ = (ctx, args);
    Err(crate::Error::Other("import is not built yet".into()))
}

/// Runs `phoihop export`.
pub fn export(ctx: &super::Context, args: &ExportArgs) -> crate::Result<()> {
    let _ = (ctx, args);
    Err(crate::Error::Other("export is not built yet".into()))
}
