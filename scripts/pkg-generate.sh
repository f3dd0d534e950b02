#!/usr/bin/env bash
# Rewrites the generated files the Debian package ships (the man page and the completion
# scripts) from the built binary. tests/ops_cli.rs fails when they differ from it.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/debug/phoihop}
[ -x "$BIN" ] || cargo build --quiet
out=pkg/generated
mkdir -p "$out"
"$BIN" man > "$out/phoihop.1"
"$BIN" completions bash > "$out/phoihop.bash"
"$BIN" completions zsh > "$out/_phoihop"
"$BIN" completions fish > "$out/phoihop.fish"
echo "wrote $out/{phoihop.1,phoihop.bash,_phoihop,phoihop.fish}"
