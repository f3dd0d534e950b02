#!/usr/bin/env bash
# The long runs of the reliability suite (the bounded versions run in `cargo test`):
#
#   scripts/stress.sh          8 writers × 250 mixed writes on overlapping tasks, 100 races
#                              of two editors on one version, 100 kill -9 crash rounds
#   scripts/stress.sh long     the same with 32 writers
#
# CARGO_FLAGS=--release scripts/stress.sh runs them against a release build. REL_SEED
# replays the random kill moments of a crash run (each run prints its seed).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-normal}
export REL_WRITERS=${REL_WRITERS:-8}
export REL_UPDATES=${REL_UPDATES:-250}
export REL_RACE_ROUNDS=${REL_RACE_ROUNDS:-100}
export REL_CRASH_ROUNDS=${REL_CRASH_ROUNDS:-100}
# From 20,000 tasks an import drops and rebuilds the task indexes: crash that path too.
export REL_IMPORT_TASKS=${REL_IMPORT_TASKS:-25000}
if [ "$mode" = long ]; then
  export REL_WRITERS=32
elif [ "$mode" != normal ]; then
  echo "usage: scripts/stress.sh [normal|long]" >&2
  exit 2
fi
echo "stress ($mode): $REL_WRITERS writers × $REL_UPDATES writes, $REL_RACE_ROUNDS races, $REL_CRASH_ROUNDS crash rounds"
start=$(date +%s)
# One test at a time: each already runs many processes at once.
cargo test ${CARGO_FLAGS:-} --test rel_concurrency --test rel_crash -- --nocapture --test-threads=1
echo "stress ($mode): passed in $(( $(date +%s) - start )) s"
