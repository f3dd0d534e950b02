#!/usr/bin/env bash
# Import speed: `phoihop import` of N generated tasks (CSV) against `sqlite3 .import` of the
# same tasks.csv into a bare table, side by side on the same machine. Prints both times
# and the ratio (the bar in docs/design quality: ≤ 3×).
#
#   scripts/bench-import.sh [N]        # N defaults to 1000000
#
# Uses the release binary (built if missing) and installs sqlite3 with apt-get if absent.
set -euo pipefail
N="${1:-1000000}"
cd "$(dirname "$0")/.."
if ! command -v sqlite3 >/dev/null; then
  echo "sqlite3 not found; installing it with apt-get" >&2
  apt-get install -y sqlite3 >/dev/null
fi
cargo build --release --quiet
BIN="$PWD/target/release/phoihop"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "generating $N tasks …" >&2
"$BIN" --db "$WORK/src.db" gen --tasks "$N" --seed 7 >/dev/null
"$BIN" --db "$WORK/src.db" export --format csv --out "$WORK/csv/" >/dev/null
ROWS=$(($(wc -l < "$WORK/csv/tasks.csv") - 1))
echo "tasks.csv: $ROWS rows, $(du -h "$WORK/csv/tasks.csv" | cut -f1)" >&2

now() { date +%s.%N; }

# Reference: sqlite3 .import into a bare table (created from the header), one transaction.
sync
t0=$(now)
sqlite3 "$WORK/bare.db" <<SQL
PRAGMA journal_mode=WAL;
PRAGMA synchronous=FULL;
.import --csv $WORK/csv/tasks.csv task
SQL
t1=$(now)
BARE_ROWS=$(sqlite3 "$WORK/bare.db" "SELECT count(*) FROM task")

# phoihop: validate every row, resolve codes, write tasks, coordinating agencies, history
# and indexes in one transaction.
sync
t2=$(now)
"$BIN" --db "$WORK/imported.db" import "$WORK/csv/" >/dev/null
t3=$(now)
IMP_ROWS=$(sqlite3 "$WORK/imported.db" "SELECT count(*) FROM task")

[ "$BARE_ROWS" = "$ROWS" ] || { echo "sqlite3 imported $BARE_ROWS rows, expected $ROWS" >&2; exit 1; }
[ "$IMP_ROWS" = "$ROWS" ] || { echo "phoihop imported $IMP_ROWS rows, expected $ROWS" >&2; exit 1; }

awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$ROWS" 'BEGIN {
  s = b - a; p = d - c;
  printf "rows                      %d\n", n;
  printf "sqlite3 .import (bare)    %.2f s\n", s;
  printf "phoihop import            %.2f s\n", p;
  printf "ratio                     %.2fx (bar: <= 3x)\n", p / s;
  exit (p / s <= 3.0) ? 0 : 1
}'
