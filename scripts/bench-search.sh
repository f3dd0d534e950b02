#!/usr/bin/env bash
# Fuzzy-search benchmark: our filter vs `fzf --filter`, per keystroke, on the same folded
# titles and the same queries, side by side in this one script.
#
#   scripts/bench-search.sh [QUERY…]          (defaults: six 6–12-key diacritic-free queries)
#   N=100000 scripts/bench-search.sh          (fewer titles; default 1,000,000)
#   KEEP=1 …                                  (keep the work directory)
#
# Titles come from `phoihop gen --tasks N` (dumped with sqlite3, one folded title a line);
# when gen is not available, from the deterministic generator in benches/search.rs.
# Our side is `benches/search.rs compare` (release build): the index is loaded once, then
# each prefix is timed as a fresh search of the whole index and as the step of an
# incremental Narrower that has seen the previous prefixes (what the TUI does per key);
# medians of 5. fzf's side is the whole `fzf --filter PREFIX < titles` process (reading
# the titles, matching, sorting), median of 3.
set -euo pipefail

N=${N:-1000000}
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then
    QUERIES=("$@")
else
    QUERIES=("dan van" "dang uy" "nghi quyet" "cai cach" "kiem tra" "tuyen truyen")
fi

if ! command -v fzf >/dev/null; then
    echo "fzf is missing; installing it from the Debian packages" >&2
    apt-get install -y fzf >/dev/null || { apt-get update >/dev/null && apt-get install -y fzf >/dev/null; }
fi
command -v sqlite3 >/dev/null || echo "sqlite3 is missing: cannot dump a gen database" >&2

WORK=$(mktemp -d)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; else echo "work directory: $WORK" >&2; fi

echo "building (release)…" >&2
cargo build --release --quiet --bin phoihop
BENCH=$(cargo bench --bench search --no-run --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*/deps/search-[^"]*"' | sed 's/"executable":"\(.*\)"/\1/' | tail -n 1)
[ -x "$BENCH" ] || { echo "could not find the search bench binary" >&2; exit 1; }

TITLES=$WORK/titles.txt
if command -v sqlite3 >/dev/null &&
    target/release/phoihop --db "$WORK/gen.db" gen --tasks "$N" >/dev/null 2>"$WORK/gen.err"; then
    SOURCE="phoihop gen --tasks $N"
elif command -v sqlite3 >/dev/null && rm -f "$WORK/gen.db"* &&
    "$BENCH" gen-db "$WORK/gen.db" "$N" 2>>"$WORK/gen.err"; then
    SOURCE="phoihop::demo::generate, $N tasks (the code of \`phoihop gen\`; the CLI said: $(head -c 80 "$WORK/gen.err" | tr '\n' ' '))"
else
    SOURCE=""
fi
if [ -n "$SOURCE" ]; then
    sqlite3 "$WORK/gen.db" "SELECT title_fold FROM task ORDER BY id" >"$TITLES"
else
    "$BENCH" titles "$N" >"$TITLES"
    SOURCE="benches/search.rs titles $N (gen unavailable: $(head -c 120 "$WORK/gen.err" | tr '\n' ' '))"
fi
LINES=$(wc -l <"$TITLES")

echo "titles: $LINES from $SOURCE; $(nproc) cores; $(fzf --version | head -n 1 | sed 's/^/fzf /')"
"$BENCH" compare "$TITLES" "${QUERIES[@]}" >"$WORK/ours.tsv" 2>"$WORK/load.txt"
cat "$WORK/load.txt"

ms_now() { date +%s%N; }
# fzf's fixed cost on this input: start, read every title, match nothing.
base=()
for _ in 1 2 3; do
    t0=$(ms_now); fzf --filter "qqqqqqqqqq" <"$TITLES" >/dev/null || true; t1=$(ms_now)
    base+=("$(( (t1 - t0) / 1000 ))")
done
echo "fzf reading the titles and matching nothing: $(printf '%s\n' "${base[@]}" | sort -n | sed -n 2p | awk '{ printf "%.0f", $1 / 1000 }') ms (median of 3)"
printf '%-14s %-14s %9s %9s %9s %8s %8s %9s %9s %s\n' \
    query prefix fzf_ms fresh_ms narrow_ms fzf_n our_n fresh/fzf narrow/fzf same
: >"$WORK/rows.tsv"
while IFS=$'\t' read -r q p fresh narrow count; do
    times=()
    fzf_n=0
    for _ in 1 2 3; do
        t0=$(ms_now)
        fzf_n=$( (fzf --filter "$p" <"$TITLES" || true) | wc -l)
        t1=$(ms_now)
        times+=("$(( (t1 - t0) / 1000 ))")
    done
    fzf_us=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    fzf_ms=$(awk -v u="$fzf_us" 'BEGIN { printf "%.2f", u / 1000 }')
    same=yes; [ "$fzf_n" -eq "$count" ] || same=NO
    rf=$(awk -v a="$fresh" -v b="$fzf_ms" 'BEGIN { printf "%.3f", a / b }')
    rn=$(awk -v a="$narrow" -v b="$fzf_ms" 'BEGIN { printf "%.3f", a / b }')
    printf '%-14s %-14s %9s %9s %9s %8s %8s %9s %9s %s\n' \
        "\"$q\"" "\"$p\"" "$fzf_ms" "$fresh" "$narrow" "$fzf_n" "$count" "$rf" "$rn" "$same"
    printf '%s\t%s\t%s\t%s\n' "$rf" "$rn" "$same" "$fzf_ms" >>"$WORK/rows.tsv"
done <"$WORK/ours.tsv"

awk -F'\t' '
    { n++; if ($1 > mf) mf = $1; if ($2 > mn) mn = $2; sf += $1; sn += $2; if ($3 != "yes") bad++ }
    END {
        printf "keystrokes: %d; worst fresh/fzf %.3f (mean %.3f); worst narrow/fzf %.3f (mean %.3f); count mismatches: %d\n",
            n, mf, sf / n, mn, sn / n, bad
        ok = (mn <= 0.25 && bad == 0)
        printf "bar (every keystroke narrow <= 0.25x fzf, equal counts): %s\n", ok ? "MET" : "NOT MET"
    }' "$WORK/rows.tsv"
