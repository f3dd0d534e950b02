#!/usr/bin/env bash
# Builds the Debian package: target/debian/phoihop_VERSION_ARCH.deb (release build).
# Installs cargo-deb first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
# Stripped: lintian counts an unstripped binary as an error (the release profile keeps
# line tables for backtraces).
cargo deb --strip "$@"
ls -1 target/debian/*.deb
