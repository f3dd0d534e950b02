#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]      (default: 60 s each, every target)
#
# Targets: date, progress, fold, text, import_csv, import_json, keys (see fuzz/fuzz_targets/).
# The corpus grows in fuzz/corpus/TARGET (seeded from fuzz/seeds/TARGET and, for the
# importers, the malformed-import corpus of tests/fixtures/import); a crash is saved in
# fuzz/artifacts/TARGET/ and ends the script with an error: turn it into a regression
# test in tests/rel_fuzz_regressions.rs (`cargo fuzz fmt TARGET FILE` prints the input).
#
# The machine has only the stable toolchain; RUSTC_BOOTSTRAP=1 lets it accept the
# nightly flags cargo-fuzz passes. FUZZ_SANITIZER=address builds with AddressSanitizer
# (default: none, faster; the code under test is safe Rust).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(date progress fold text import_csv import_json keys)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
san=${FUZZ_SANITIZER:-none}
cd fuzz
cargo fuzz build -O --sanitizer "$san"
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  extra=("seeds/$t")
  case $t in
    import_csv) extra+=(../tests/fixtures/import) ;;
  esac
  echo "== $t: ${secs} s"
  cargo fuzz run -O --sanitizer "$san" "$t" "corpus/$t" "${extra[@]}" -- \
    -max_total_time="$secs" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|stat::new_units_added|==|SUMMARY|thread|panicked|.*Test unit written)' || true
  if compgen -G "artifacts/$t/*" >/dev/null; then
    echo "fuzz: $t found a failing input in fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
echo "fuzz: every target ran ${secs} s without a failure"
