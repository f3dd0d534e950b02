#!/usr/bin/env bash
# load.sh — many viewers on one database (issue 20): N real TUI sessions at 120×40 in
# tmux (real ptys) on the dashboard of a generated database, while another process
# commits one progress update a second for SECONDS seconds.
#
#   scripts/load.sh N TASKS [--seconds S] [--idle S] [--bin PATH] [--data DIR]
#
# Each commit marks one more open task done (`phoihop task update ID --progress 100`),
# so the dashboard's "done on time" count grows by one per commit: every session's
# screen is polled for the count each commit must show. Reports the CPU (utime+stime
# from /proc/PID/stat) per session per commit, the worst commit-to-screen latency over
# all sessions and commits, the sessions' total RSS, and the idle cost (CPU share of one
# core per session over --idle seconds without commits). Not run in CI (the smoke
# version is in tests/tui_live_e2e.rs). Databases are kept under DIR (BENCH_DATA, else
# target/bench-data) as gen-TASKS.db, as scripts/bench.sh makes them.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,15p' "$0"; exit 2; }
n=$1 tasks=$2; shift 2
secs=60 idle=20 bin=target/release/phoihop data=${BENCH_DATA:-target/bench-data}
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) secs=$2; shift 2 ;;
    --idle) idle=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
  esac
done
command -v tmux >/dev/null || { echo "load: tmux is needed" >&2; exit 2; }
command -v python3 >/dev/null || { echo "load: python3 is needed" >&2; exit 2; }
[ -x "$bin" ] || { echo "load: no binary at $bin (cargo build --release)" >&2; exit 2; }
mkdir -p "$data"
db=$data/gen-$tasks.db
if [ ! -f "$db" ]; then
  agencies=$(( tasks / 1000 )); [ "$agencies" -ge 20 ] || agencies=20
  [ "$agencies" -le 300 ] || agencies=300
  echo "load: generating $tasks tasks in $db…" >&2
  "$bin" --db "$db.part" gen --tasks "$tasks" --agencies "$agencies" --seed 7 >/dev/null
  mv "$db.part" "$db"
fi
# The load runs on a copy: the commits must not change the kept database.
work=$(mktemp -d)
cp "$db" "$work/load.db"
prefix=load-$$
trap 'for i in $(seq "$n"); do tmux kill-session -t "$prefix-$i" 2>/dev/null || true; done; rm -rf "$work"' EXIT
exec python3 - "$bin" "$work/load.db" "$n" "$secs" "$idle" "$prefix" <<'PY'
import os, re, sqlite3, subprocess, sys, time

bin_, db, n, secs, idle, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
hz = os.sysconf("SC_CLK_TCK")

def tmux(*a):
    return subprocess.run(["tmux", *a], check=True, capture_output=True, text=True).stdout

def ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        parts = f.read().rsplit(")", 1)[1].split()
    return int(parts[11]) + int(parts[12])

def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0

def screen(i):
    return tmux("capture-pane", "-p", "-t", f"{prefix}-{i}")

def done_on_time():
    # The count the dashboard shows, as `report --format json` gives it.
    out = subprocess.run([bin_, "--db", db, "--lang", "en", "report", "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    import json
    return json.loads(out)["totals"]["done_on_time"]

def shows(text, count):
    # The dashboard's "Done on time" figure, as the English UI writes numbers.
    m = re.search(r"Done on time ([0-9,]+)", text)
    return m is not None and m.group(1) == f"{count:,}"

# Open tasks with a deadline from today on: done today, each counts as done on time.
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
today = time.strftime("%Y-%m-%d")
ids = [r[0] for r in con.execute(
    "SELECT id FROM task WHERE removed_on IS NULL AND status <> 'done' AND deadline >= ? "
    "ORDER BY id LIMIT ?", (today, secs + 5))]
con.close()
if len(ids) < secs:
    sys.exit(f"load: only {len(ids)} open tasks with a later deadline")
base = done_on_time()

pids = []
for i in range(1, n + 1):
    tmux("new-session", "-d", "-s", f"{prefix}-{i}", "-x", "120", "-y", "40",
         f"exec {bin_} --db {db} --lang en")
    pids.append(int(tmux("list-panes", "-t", f"{prefix}-{i}", "-F", "#{pane_pid}").strip()))
deadline = time.time() + 120
for i in range(1, n + 1):
    while not shows(screen(i), base):
        if time.time() > deadline:
            sys.exit(f"load: session {i} never showed the dashboard:\n{screen(i)}")
        time.sleep(0.2)
time.sleep(2)

t0 = [ticks(p) for p in pids]
worst, missed, commits = 0.0, 0, 0
start = time.time()
for k in range(secs):
    slot = start + k
    if time.time() < slot:
        time.sleep(slot - time.time())
    subprocess.run([bin_, "--db", db, "task", "update", str(ids[k]), "--progress", "100",
                    "--note", f"load {k}"], check=True, capture_output=True)
    at = time.time()
    commits += 1
    want = base + commits
    pending = set(range(1, n + 1))
    while pending and time.time() - at < 5:
        for i in list(pending):
            if shows(screen(i), want):
                worst = max(worst, time.time() - at)
                pending.discard(i)
        if pending:
            time.sleep(0.02)
    missed += len(pending)
t1 = [ticks(p) for p in pids]
per = [(b - a) / hz / commits * 1000 for a, b in zip(t0, t1)]
rss = sum(rss_kb(p) for p in pids)
time.sleep(2)
i0 = [ticks(p) for p in pids]
w0 = time.time()
time.sleep(idle)
i1 = [ticks(p) for p in pids]
wall = time.time() - w0
idle_pct = [100 * (b - a) / hz / wall for a, b in zip(i0, i1)]
load = os.getloadavg()
print(f"sessions {n}, commits {commits} over {secs} s, database {db}")
print(f"CPU per session per commit: mean {sum(per)/n:.1f} ms, max {max(per):.1f} ms (bar 5 ms)")
print(f"worst commit-to-screen latency over all sessions: {worst*1000:.0f} ms (bar 1000 ms); "
      f"commits not seen within 5 s: {missed}")
print(f"total RSS {rss/1024:.1f} MiB ({rss/1024/n:.1f} MiB per session; bar 40 MB each)")
print(f"idle over {idle} s: mean {sum(idle_pct)/n:.3f} %, max {max(idle_pct):.3f} % of one core "
      f"per session (bar 0.1 %)")
print(f"machine load average during the run: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
sys.exit(1 if missed else 0)
PY
