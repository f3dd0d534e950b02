#!/usr/bin/env bash
# The long runs of the reliability suite (the bounded versions run in `cargo test`):
#
#   scripts/stress.sh          8 writers × 250 mixed writes on overlapping tasks, 100 races
#                              of two editors on one version, 100 kill -9 crash rounds
#   scripts/stress.sh long     the same with 32 writers
#   scripts/stress.sh chain-cost [RUNS]
#                              the cost of the audit hash chain: the 8-writer test (8 × 250
#                              writes) against a release build with the chain and one
#                              built with the bench-only feature `bench-unchained-audit`
#                              (rows without their hash), alternating RUNS times (default
#                              3); prints wall and CPU (user + sys, all processes) of each
#                              run and the ratio of the best of each (the bar: <= 1.10x)
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
if [ "$mode" = chain-cost ]; then
  runs=${2:-3}
  [ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 2; }
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  # Two binaries, then one test binary that runs either (CARGO_BIN_EXE_phoihop).
  cargo build --release --quiet --features bench-unchained-audit
  cp target/release/phoihop "$work/phoihop-unchained"
  cargo build --release --quiet
  cp target/release/phoihop "$work/phoihop-chained"
  if cmp -s "$work/phoihop-chained" "$work/phoihop-unchained"; then
    echo "the two builds are the same binary; run again (cargo reused one)" >&2
    exit 1
  fi
  # The test binary only drives the processes; it need not be a release build.
  test_bin=$(cargo test --test rel_concurrency --no-run --message-format=json 2>/dev/null \
    | sed -n 's/.*"executable":"\([^"]*rel_concurrency[^"]*\)".*/\1/p' | tail -1)
  [ -x "$test_bin" ] || { echo "rel_concurrency test binary not found" >&2; exit 1; }
  echo "chain-cost: $REL_WRITERS writers × $REL_UPDATES writes, $runs runs of each build, load $(cut -d' ' -f1-3 /proc/loadavg)"
  for r in $(seq "$runs"); do
    for build in chained unchained; do
      CARGO_BIN_EXE_phoihop="$work/phoihop-$build" /usr/bin/time -f "%e %U %S" -o "$work/time" \
        "$test_bin" --exact many_writers_mixed_writes_on_overlapping_tasks --test-threads=1 >/dev/null 2>&1 \
        || { echo "the $build run failed" >&2; exit 1; }
      read -r wall user sys < "$work/time"
      echo "$build $wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" | tee -a "$work/runs"
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk '
    { if (!($1 in w) || $2 < w[$1]) w[$1] = $2; if (!($1 in c) || $3 < c[$1]) c[$1] = $3 }
    END {
      printf "best wall: chained %.2f s, unchained %.2f s, ratio %.3fx (bar: <= 1.10x)\n", w["chained"], w["unchained"], w["chained"] / w["unchained"];
      printf "best cpu:  chained %.2f s, unchained %.2f s, ratio %.3fx\n", c["chained"], c["unchained"], c["chained"] / c["unchained"];
      exit (w["chained"] / w["unchained"] <= 1.10) ? 0 : 1
    }' "$work/runs"
  exit $?
elif [ "$mode" = long ]; then
  export REL_WRITERS=32
elif [ "$mode" != normal ]; then
  echo "usage: scripts/stress.sh [normal|long|chain-cost [RUNS]]" >&2
  exit 2
fi
echo "stress ($mode): $REL_WRITERS writers × $REL_UPDATES writes, $REL_RACE_ROUNDS races, $REL_CRASH_ROUNDS crash rounds"
start=$(date +%s)
# One test at a time: each already runs many processes at once.
cargo test ${CARGO_FLAGS:-} --test rel_concurrency --test rel_crash -- --nocapture --test-threads=1
echo "stress ($mode): passed in $(( $(date +%s) - start )) s"
