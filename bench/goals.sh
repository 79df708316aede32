#!/usr/bin/env bash
# The performance goals of issue 5, each measured and judged on this machine. Whole-process wall time
# (launcher, JVM start-up and exit included) or the run's reported elapsed time, median of RUNS runs
# (default 5); peak RSS from /usr/bin/time. Servers: `flags2 serve` in its own process, loopback.
# Needs jq. Takes about 5 minutes with RUNS=5 (goal 6 at m 1 is 39 s a run).
#   bench/goals.sh
#   RUNS=3 SKIP_M1=1 bench/goals.sh        # quicker: goal 6 without m 1
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
./flags2 -V >/dev/null   # builds the jar and its start-up cache if needed
work=$(mktemp -d)
cleanup() { trap '' INT TERM; serve_stop; rm -rf "$work"; }
trap cleanup EXIT
serve_start   # sets local_url, delay_url, error_url

median() { sort -g | awk '{a[NR]=$1} END {printf "%.3f %.3f %.3f\n", a[int((NR+1)/2)], a[1], a[NR]}'; }
# wall seconds of each of $runs runs of flags2 with the given arguments
wall() { for _ in $(seq "$runs"); do
  local s; s=$(date +%s%N); ./flags2 "$@" -d "$work/out" >/dev/null 2>&1 || true
  echo "$(( $(date +%s%N) - s ))" | awk '{print $1 / 1e9}'; done; }
# the elapsed time each of $runs runs reports
reported() { for _ in $(seq "$runs"); do
  ./flags2 "$@" -d "$work/out" 2>/dev/null | sed -n 's/^Elapsed time: \(.*\)s$/\1/p' || true; done; }
verdict() { awk -v m="$1" -v t="$2" 'BEGIN {print (m <= t) ? "met" : "NOT met"}'; }
row() { # goal, what, median min max, target, unit
  read -r med lo hi <<<"$3"
  printf '%-3s %-46s %8.3f%s (%.3f-%.3f)  goal <= %.3f%s  %s\n' "$1" "$2" "$med" "$5" "$lo" "$hi" "$4" "$5" "$(verdict "$med" "$4")"
}

echo "# $(date -u +%F), $(nproc) cores, $(./flags2 -V | paste -sd ";" -), $runs runs each; flags2 serve in its own process"
for t in threadpool async virtual; do
  row 1 "-t $t -s DELAY -e -m 1000 (wall)" "$(wall -t "$t" -s "$delay_url" -e -m 1000 | median)" 0.70 s
done
row 2 "-s LOCAL -e -m 100 (wall)" "$(wall -s "$local_url" -e -m 100 | median)" 0.30 s
row 3 "default run, 20 flags, LOCAL (wall)" "$(wall -s "$local_url" | median)" 0.25 s

# goal 4: reported elapsed against 1.15 x (total injected delay / m) + 0.1 s; the injected delay is
# counted from the run itself: the results that took 0.5 s or more are the delayed ones
for _ in $(seq "$runs"); do ./flags2 -s "$error_url" -e -m 100 --json -d "$work/out" 2>/dev/null || true; done >"$work/error.jsonl"
delayed=$(head -1 "$work/error.jsonl" | jq '[.results[] | select(.millis >= 500)] | length')
target4=$(awk -v d="$delayed" 'BEGIN {print 1.15 * (d * 0.5 / 100) + 0.1}')
row 4 "-s ERROR -e -m 100 (reported; $delayed delayed)" "$(jq .elapsed_seconds "$work/error.jsonl" | median)" "$target4" s

for t in threadpool async virtual; do
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/rss" -f '%M' ./flags2 -t "$t" -s "$delay_url" -e -m 1000 -d "$work/out" >/dev/null 2>&1 || true
    awk '{print $1 / 1024}' "$work/rss"
  done >"$work/rss.$t"
  row 5 "peak RSS, -t $t -s DELAY -e -m 1000" "$(median <"$work/rss.$t")" 80 " MiB"
done

for m in 1 5 30 100; do
  [ "$m" = 1 ] && [ -n "${SKIP_M1:-}" ] && continue
  ideal=$(awk -v m="$m" 'BEGIN {r = int((78 + m - 1) / m); print r * 0.5}')
  row 6 "-s DELAY -m $m a b c (reported; ideal $ideal s)" "$(reported -s "$delay_url" -m "$m" a b c | median)" \
    "$(awk -v i="$ideal" 'BEGIN {print i * 1.1 + 0.2}')" s
done
