#!/usr/bin/env bash
# Import speed: `phoihop import` of N generated tasks (CSV) against `sqlite3 .import` of the
# same tasks.csv into a bare table, side by side on the same machine. Prints both wall
# times, CPU times (user + sys) and peak RSS (from /usr/bin/time -v), the load average
# around the runs (the machine may be shared) and the ratio (the bar of issue 6: ≤ 3×).
#
#   scripts/bench-import.sh [N] [RUNS]   # N defaults to 1000000, RUNS to 1
#
# With RUNS > 1 the two imports alternate RUNS times and the best of each is compared.
# Uses the release binary (built if missing; BENCH_BIN=path runs another one, e.g. an
# older build to compare) and installs sqlite3 with apt-get if absent.
set -euo pipefail
N="${1:-1000000}"
RUNS="${2:-1}"
cd "$(dirname "$0")/.."
if ! command -v sqlite3 >/dev/null; then
  echo "sqlite3 not found; installing it with apt-get" >&2
  apt-get install -y sqlite3 >/dev/null
fi
[ -x /usr/bin/time ] || { echo "/usr/bin/time (GNU time) is needed" >&2; exit 2; }
if [ -n "${BENCH_BIN:-}" ]; then
  BIN="$(realpath "$BENCH_BIN")"
else
  cargo build --release --quiet
  BIN="$PWD/target/release/phoihop"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "generating $N tasks …" >&2
"$BIN" --db "$WORK/src.db" gen --tasks "$N" --seed 7 >/dev/null
"$BIN" --db "$WORK/src.db" export --format csv --out "$WORK/csv/" >/dev/null
ROWS=$(($(wc -l < "$WORK/csv/tasks.csv") - 1))
echo "tasks.csv: $ROWS rows, $(du -h "$WORK/csv/tasks.csv" | cut -f1)" >&2

# Runs "$@" under GNU time; prints "wall cpu rss_kb".
measure() {
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); w = 0; for (i = 1; i <= n; i++) w = w * 60 + p[i] }
    /User time/ { u = $2 } /System time/ { s = $2 } /Maximum resident/ { m = $2 }
    END { printf "%.2f %.2f %d\n", w, u + s, m }' "$WORK/time.txt"
}

best_s=""; best_p=""
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for run in $(seq "$RUNS"); do
  # Reference: sqlite3 .import into a bare table (created from the header), one transaction.
  rm -f "$WORK"/bare.db*
  sync
  s=$(measure sqlite3 "$WORK/bare.db" "PRAGMA journal_mode=WAL;" "PRAGMA synchronous=FULL;" \
    ".import --csv $WORK/csv/tasks.csv task")
  BARE_ROWS=$(sqlite3 "$WORK/bare.db" "SELECT count(*) FROM task")
  # phoihop: check every row, resolve codes, write tasks, coordinating agencies, history
  # and indexes in one transaction.
  rm -f "$WORK"/imported.db*
  sync
  p=$(measure "$BIN" --db "$WORK/imported.db" import "$WORK/csv/")
  IMP_ROWS=$(sqlite3 "$WORK/imported.db" "SELECT count(*) FROM task")
  [ "$BARE_ROWS" = "$ROWS" ] || { echo "sqlite3 imported $BARE_ROWS rows, expected $ROWS" >&2; exit 1; }
  [ "$IMP_ROWS" = "$ROWS" ] || { echo "phoihop imported $IMP_ROWS rows, expected $ROWS" >&2; exit 1; }
  echo "run $run: sqlite3 $s | phoihop $p (wall s, cpu s, rss KB)" >&2
  if [ -z "$best_s" ] || awk -v a="${s%% *}" -v b="${best_s%% *}" 'BEGIN { exit !(a < b) }'; then best_s=$s; fi
  if [ -z "$best_p" ] || awk -v a="${p%% *}" -v b="${best_p%% *}" 'BEGIN { exit !(a < b) }'; then best_p=$p; fi
done

# The floor of the schema: the rows phoihop wrote, copied by SQL alone (no CSV, no checks,
# no per-row calls) into an empty database of the same schema and page size, with the same
# index strategy (the indexes that grow by appending kept live, the deadline index built at
# the end), in one transaction.
rm -f "$WORK"/floor.db*
{
  echo "PRAGMA page_size=$(sqlite3 "$WORK/imported.db" 'PRAGMA page_size');"
  sqlite3 "$WORK/imported.db" .schema | grep -v '^CREATE INDEX' | grep -v '^CREATE TABLE sqlite_sequence'
} | sqlite3 "$WORK/floor.db" || echo "(the floor's schema did not load; its row is not meaningful)" >&2
{
  echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-16384;"
  echo "ATTACH '$WORK/imported.db' AS src; BEGIN;"
  echo "DELETE FROM category; INSERT INTO category SELECT * FROM src.category;"
  echo "INSERT INTO agency SELECT * FROM src.agency; INSERT INTO program SELECT * FROM src.program;"
  sqlite3 "$WORK/imported.db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name <> 'task_by_deadline'"
  echo "INSERT INTO task SELECT * FROM src.task ORDER BY id;"
  echo "INSERT INTO task_with SELECT * FROM src.task_with;"
  echo "INSERT INTO task_history SELECT * FROM src.task_history ORDER BY id;"
  sqlite3 "$WORK/imported.db" "SELECT sql || ';' FROM sqlite_master WHERE name = 'task_by_deadline'"
  echo "COMMIT; PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(TRUNCATE);"
} > "$WORK/floor.sql"
f=$(measure sqlite3 "$WORK/floor.db" ".read $WORK/floor.sql") || f="0 0 0"

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v s="$best_s" -v p="$best_p" -v f="$f" -v n="$ROWS" -v runs="$RUNS" -v lb="$LOAD_BEFORE" -v la="$LOAD_AFTER" 'BEGIN {
  split(s, a, " "); split(p, b, " "); split(f, c, " ");
  printf "rows                      %d (best of %d)\n", n, runs;
  printf "load average              %s before, %s after\n", lb, la;
  printf "                          wall      cpu       peak RSS\n";
  printf "sqlite3 .import (bare)    %6.2f s  %6.2f s  %7.1f MB\n", a[1], a[2], a[3] / 1024;
  printf "phoihop import            %6.2f s  %6.2f s  %7.1f MB\n", b[1], b[2], b[3] / 1024;
  printf "floor: same rows by SQL   %6.2f s  %6.2f s  %7.1f MB  (%.2fx of sqlite3)\n", c[1], c[2], c[3] / 1024, c[1] / a[1];
  printf "ratio (wall)              %.2fx (bar: <= 3x)\n", b[1] / a[1];
  printf "ratio (cpu)               %.2fx\n", b[2] / a[2];
  exit (b[1] / a[1] <= 3.0) ? 0 : 1
}'
