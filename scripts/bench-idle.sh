#!/usr/bin/env bash
# bench-idle.sh — CPU time of the real TUI left open on the dashboard, live refresh on,
# nothing changing. Bar (docs/performance.md): ≤ 0.1 % of one core over 60 s.
#
#   scripts/bench-idle.sh [--bin PATH] [--db PATH] [--seconds N] [--size COLSxROWS] [--wall S]
#
# With --wall S the wallboard is measured instead (`phoihop --wall S`, turning every S
# seconds: the idle cost then includes its turns, as on a screen in the Văn phòng).
#
# Starts `phoihop --db DB` in a detached tmux session (a real pty), waits for the first
# draw, reads utime+stime from /proc/PID/stat, waits N seconds without a key, reads them
# again, and prints the CPU time used and the share of one core. Without --db a demo
# database is made in a temp directory. Build first: cargo build --release.
set -euo pipefail
bin=target/release/phoihop db="" secs=60 size=120x40 wall=()
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --seconds) secs=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --wall) wall=(--wall "$2"); shift 2 ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done
command -v tmux >/dev/null || { echo "bench-idle: tmux is needed" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench-idle: no binary at $bin (cargo build --release)" >&2; exit 2; }
tmp=$(mktemp -d)
name=bench-idle-$$
trap 'tmux kill-session -t "$name" 2>/dev/null || true; rm -rf "$tmp"' EXIT
if [ -z "$db" ]; then
  db=$tmp/demo.db
  "$bin" --db "$db" demo >/dev/null
fi
cols=${size%x*} rows=${size#*x}
tmux new-session -d -s "$name" -x "$cols" -y "$rows" "exec $(printf '%q ' "$bin" --db "$db" "${wall[@]}")"
pid=$(tmux list-panes -t "$name" -F '#{pane_pid}')
# Wait for the first draw (and for start-up work to finish).
for _ in $(seq 50); do
  tmux capture-pane -p -t "$name" | grep -q phoihop && break
  sleep 0.1
done
sleep 2
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); s0=$(date +%s.%N)
sleep "$secs"
t1=$(ticks); s1=$(date +%s.%N)
[ ${#wall[@]} -gt 0 ] || tmux capture-pane -p -t "$name" | tail -1 | grep -q "live\|trực tiếp" \
  || echo "bench-idle: warning: the status bar does not say live" >&2
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s0="$s0" -v s1="$s1" -v bin="$bin" 'BEGIN {
  cpu = (b - a) / hz; wall = s1 - s0; pct = 100 * cpu / wall;
  printf "binary %s\nwall %.1f s, CPU (utime+stime) %.3f s = %.4f %% of one core (bar 0.1 %%): %s\n",
    bin, wall, cpu, pct, (pct <= 0.1 ? "PASS" : "FAIL");
  exit (pct <= 0.1 ? 0 : 1)
}'
