#!/usr/bin/env bash
# Compares the strategies against the DELAY server: reported "Elapsed time", median (min-max) of
# RUNS runs each. Starts `flags2 serve` in its own process on free ports unless EMBEDDED=1, in
# which case every run embeds its own server (a cold start each time, as on a fresh machine).
#   bench/strategies.sh            # RUNS=5
#   RUNS=3 EMBEDDED=1 bench/strategies.sh
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
./flags2 -V >/dev/null   # builds the jar if needed

dest=""
cleanup() { trap '' INT TERM; serve_stop; [ -z "$dest" ] || rm -rf "$dest"; }
trap cleanup EXIT
if [ "${EMBEDDED:-0}" = 1 ]; then
  delay_url=DELAY
else
  serve_start   # sets delay_url (and local_url, error_url)
fi
dest=$(mktemp -d)

# median (min-max) of the reported elapsed seconds over $runs runs of: flags2 ARGS...
measure() {
  local times=()
  for _ in $(seq "$runs"); do
    rm -f "$dest"/*.gif
    times+=("$(./flags2 -d "$dest" -s "$delay_url" "$@" 2>/dev/null | sed -n 's/^Elapsed time: \(.*\)s$/\1/p')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%5.2f s (%.2f-%.2f)", a[int((NR+1)/2)], a[1], a[NR]}'
}

where="separate process"
[ "${EMBEDDED:-0}" = 1 ] && where="embedded in each run"
echo "# $(date -u +%F), $(nproc) cores, $(./flags2 -V | paste -sd ";" -), server: $where, delay 0.5 s, $runs runs"
printf '%-12s %-28s %s\n' strategy command "elapsed: median (min-max)"
for t in threadpool async virtual; do
  printf '%-12s %-28s %s\n' "$t" "-s DELAY a b c" "$(measure -t "$t" a b c)"
done
for t in threadpool async virtual; do
  printf '%-12s %-28s %s\n' "$t" "-s DELAY -e -m 1000" "$(measure -t "$t" -e -m 1000)"
done
for m in 5 30 100; do
  printf '%-12s %-28s %s\n' threadpool "-s DELAY a b c -m $m" "$(measure -t threadpool -m "$m" a b c)"
done
if [ "${SKIP_SEQUENTIAL:-0}" != 1 ]; then
  runs=1
  printf '%-12s %-28s %s\n' sequential "-s DELAY a" "$(measure -t sequential a)"
  printf '%-12s %-28s %s\n' sequential "-s DELAY a b c" "$(measure -t sequential a b c)"
fi
