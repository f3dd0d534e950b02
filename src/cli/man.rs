//! `phoihop man`: the man page (roff, section 1), generated from the clap definitions by
//! `clap_mangen`, so it cannot drift from `--help`. The Debian package ships it
//! (docs/deployment.md).

use crate::error::Result;

/// The man page as roff: name, synopsis, the global options, the commands, the version.
pub fn render() -> Result<Vec<u8>> {
    let mut out = Vec::new();
    clap_mangen::Man::new(super::command()).render(&mut out)?;
    Ok(out)
}

/// Writes the man page on stdout.
pub fn run() -> Result<()> {
    let page = render()?;
    super::output::emit(&String::from_utf8_lossy(&page))
}
