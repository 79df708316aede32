#!/usr/bin/env bash
# What --timeline costs (issue 15, item 2.1): the same runs with and without it, interleaved so that
# a busy machine slows both alike; medians (min-max) of RUNS runs each (default 9) of the reported
# elapsed time (recording only: the file is written after it) and of the whole process's wall time
# (writing the file included). Servers: `flags2 serve` in its own process, loopback.
#   bench/timeline.sh
#   RUNS=5 bench/timeline.sh
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
runs=${RUNS:-9}
./flags2 -V >/dev/null   # builds the jar and its start-up cache if needed
work=$(mktemp -d)
cleanup() { trap '' INT TERM; serve_stop; rm -rf "$work"; }
trap cleanup EXIT
serve_start   # sets local_url, delay_url, error_url

median() { sort -g | awk '{a[NR]=$1} END {printf "%.3f (%.3f-%.3f)", a[int((NR+1)/2)], a[1], a[NR]}'; }

# one run: appends "reported wall" seconds to $1
once() {
  local log=$1; shift
  local s e
  s=$(date +%s%N)
  e=$(./flags2 "$@" -d "$work/out" 2>/dev/null | sed -n 's/^Elapsed time: \(.*\)s$/\1/p' || true)
  echo "$e $(( $(date +%s%N) - s ))" | awk '{print $1, $2 / 1e9}' >>"$log"
}

echo "# $(date -u +%F), $(nproc) cores, $(./flags2 -V), $runs runs each, interleaved"
for label in DELAY LOCAL; do
  if [ "$label" = DELAY ]; then args=(-s "$delay_url" -e -m 1000); else args=(-s "$local_url" -e -m 100); fi
  : >"$work/off"; : >"$work/on"
  for _ in $(seq "$runs"); do
    once "$work/off" "${args[@]}"
    once "$work/on" "${args[@]}" --timeline "$work/t.html"
  done
  for mode in off on; do
    printf '%-5s -e -m %-4s timeline %-3s  reported %s s   wall %s s\n' "$label" "${args[4]}" "$mode" \
      "$(cut -d' ' -f1 "$work/$mode" | median)" "$(cut -d' ' -f2 "$work/$mode" | median)"
  done
done
