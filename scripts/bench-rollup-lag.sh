#!/usr/bin/env bash
# Replication lag, commit → visible in the centre's roll-up, with Litestream's default
# settings (the configuration `phoihop replicate-config` prints: sync-interval 1 s). One
# province of BENCH_LAG_TASKS (30,000) tasks replicated to a file replica; BENCH_LAG_RUNS
# (10) times: commit one task update, then restore the replica at the "centre" and run
# `rollup --format json` in a loop until the roll-up shows the update; prints each lag
# and the median. Not in CI. Usage: BIN=target/release/phoihop scripts/bench-rollup-lag.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-target/release/phoihop}
TASKS=${BENCH_LAG_TASKS:-30000}
RUNS=${BENCH_LAG_RUNS:-10}
W=$(mktemp -d)
trap 'kill "$LS" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$W"' EXIT
mkdir -p "$W/prov" "$W/centre"
DB=$W/prov/p1.db
"$BIN" --db "$DB" gen --tasks "$TASKS" --agencies 60 --seed 1 >/dev/null
"$BIN" --db "$DB" replicate-config --to "$W/replica" >"$W/ls.yml"
litestream replicate -config "$W/ls.yml" >"$W/ls.log" 2>&1 &
LS=$!
ID=$("$BIN" --db "$DB" task list --limit 1 --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
visible() {
    rm -f "$W/centre/p1.db"
    litestream restore -o "$W/centre/p1.db" "file://$W/replica" >/dev/null 2>&1 || return 1
    "$BIN" --db "$W/centre/none" rollup "$W/centre" --format json --max-age none 2>/dev/null |
        python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["provinces"][0]["progress_made"]["updates"] >= int(sys.argv[1]) else 1)' "$1"
}
# The first snapshot.
until visible 0; do sleep 0.2; done
lags=()
for n in $(seq 1 "$RUNS"); do
    before=$("$BIN" --db "$DB" report --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["progress_made"]["updates"])')
    t0=$(date +%s.%N)
    "$BIN" --db "$DB" task update "$ID" --progress $(( n % 90 + 5 )) --note "lag $n" >/dev/null
    until visible $(( before + 1 )); do :; done
    t1=$(date +%s.%N)
    lag=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
    lags+=("$lag")
    echo "run $n: ${lag} s"
    sleep 1.3
done
printf '%s\n' "${lags[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "median %.2f s, min %.2f s, max %.2f s over %d runs (load %s)\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), a[1], a[NR], NR, "'"$(cut -d' ' -f1 /proc/loadavg)"'" }'
