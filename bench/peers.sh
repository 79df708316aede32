#!/usr/bin/env bash
# flags2 against the tools a user would pick instead, on the same URL sets, servers on loopback.
# Whole-process wall time, median (min-max) of RUNS runs (default 5), peers measured in the same
# run. Servers: `flags2 serve` in its own process; nginx too when installed (same images, from disk).
# Peers used when installed: aria2c, curl, wget2 (Debian: apt-get install aria2 curl wget2 nginx-light).
#   bench/peers.sh                 # all jobs
#   RUNS=3 bench/peers.sh
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
./flags2 -V >/dev/null   # builds the jar if needed
work=$(mktemp -d)
pids=()   # nginx
cleanup() {
  trap '' INT TERM   # a second Ctrl-C must not cut this short
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; done
  serve_stop
  rm -rf "$work"
}
trap cleanup EXIT

serve_start   # sets local_url, delay_url, error_url

nginx_url=""
if command -v nginx >/dev/null; then
  # the same generated images, as files, served by nginx on a free port
  ./flags2 -s "$local_url" -a -d "$work/images" >/dev/null
  for f in "$work"/images/*.gif; do cc=$(basename "$f" .gif); mkdir -p "$work/www/flags/$cc"; mv "$f" "$work/www/flags/$cc/"; done
  chmod -R a+rX "$work"   # nginx workers run as an unprivileged user
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  nginx_start "$work" "server { listen 127.0.0.1:$port; root $work/www; }"
  pids+=("$nginx_pid")
  url_wait "http://127.0.0.1:$port/flags/br/br.gif"
  nginx_url="http://127.0.0.1:$port/flags"
fi

codes=$(for a in {A..Z}; do for b in {A..Z}; do echo "$a$b"; done; done | tr 'A-Z' 'a-z')
urls() { for cc in $codes; do echo "$1/$cc/$cc.gif"; done; }            # the 676 URLs of -e
curl_config() { for cc in $codes; do printf 'url = "%s/%s/%s.gif"\noutput = "%s/%s.gif"\n' "$1" "$cc" "$cc" "$2" "$cc"; done; }

# median (min-max) of wall seconds over $runs runs of a command; a fresh output folder each time
measure() {
  local times=() out="$work/out" start
  for _ in $(seq "$runs"); do
    rm -rf "$out"; mkdir -p "$out"
    start=$(date +%s%N)
    OUT="$out" "$@" >/dev/null 2>&1 || true
    times+=("$(( ($(date +%s%N) - start) / 1000000 ))")
  done
  local saved
  saved=$(find "$out" -name '*.gif' -size +0 | wc -l)   # what the last run saved: proof it did the job
  printf '%s\n' "${times[@]}" | sort -n | awk -v saved="$saved" '{a[NR]=$1/1000} END {printf "%s %.2f %.2f %s\n", a[int((NR+1)/2)], a[1], a[NR], saved}'
}

row() { # job tool median min max saved
  printf '%-22s %-34s %6.2f s  (%.2f-%.2f)  %s images\n' "$1" "$2" "$3" "$4" "$5" "$6"
}

# job LABEL BASE M: every flags2 strategy and every installed peer fetch the 676 URLs with M at once
job() {
  local label=$1 base=$2 m=$3 best="" r
  urls "$base" >"$work/urls.txt"
  declare -A medians=()
  for t in threadpool async virtual; do
    read -r med lo hi saved < <(measure bash -c "./flags2 -t $t -s '$base' -e -m $m -d \"\$OUT\"")
    row "$label" "flags2 -t $t -m $m" "$med" "$lo" "$hi" "$saved"
    medians[flags2-$t]=$med
    if [ -z "$best" ] || awk "BEGIN {exit !($med < $best)}"; then best=$med; fi
  done
  if command -v aria2c >/dev/null; then
    read -r med lo hi saved < <(measure bash -c "aria2c -q -j $m -i '$work/urls.txt' -d \"\$OUT\" --allow-overwrite=true --auto-file-renaming=false")
    row "$label" "aria2c -j $m" "$med" "$lo" "$hi" "$saved"; medians[aria2c]=$med
  fi
  if command -v curl >/dev/null; then
    local pm=$(( m > 300 ? 300 : m ))   # curl's --parallel-max stops at 300
    read -r med lo hi saved < <(measure bash -c "sed \"s|@OUT@|\$OUT|\" '$work/curl.cfg' >\"\$OUT.cfg\"; curl -s --fail --parallel --parallel-immediate --parallel-max $pm -K \"\$OUT.cfg\"")
    row "$label" "curl --parallel-max $pm" "$med" "$lo" "$hi" "$saved"; medians[curl]=$med
  fi
  if command -v wget2 >/dev/null && [ "$m" -le 100 ]; then
    read -r med lo hi saved < <(measure bash -c "wget2 -q --max-threads=$m -i '$work/urls.txt' -P \"\$OUT\"")
    row "$label" "wget2 --max-threads=$m" "$med" "$lo" "$hi" "$saved"; medians[wget2]=$med
  fi
  for peer in aria2c curl wget2; do
    [ -n "${medians[$peer]:-}" ] && printf '%-22s %-34s %6.2f\n' "$label" "best flags2 / $peer" "$(awk "BEGIN {print $best / ${medians[$peer]}}")"
  done
  echo
}

echo "# $(date -u +%F), $(nproc) cores, $(./flags2 -V | paste -sd ";" -), $runs runs each, whole-process wall time"
echo "# peers: $(for p in aria2c curl wget2 nginx; do command -v $p >/dev/null && printf '%s ' "$p"; done)"
echo
for base in "$delay_url" "$local_url" ${nginx_url:+"$nginx_url"}; do curl_config "$base" "@OUT@" >"$work/curl-$(echo "$base" | md5sum | cut -c1-8).cfg"; done
cfg() { cp "$work/curl-$(echo "$1" | md5sum | cut -c1-8).cfg" "$work/curl.cfg"; }
cfg "$delay_url"; job "DELAY 0.5 s, 676 URLs" "$delay_url" 676
cfg "$local_url"; job "serve LOCAL, 676 URLs" "$local_url" 100
if [ -n "$nginx_url" ]; then cfg "$nginx_url"; job "nginx, 676 URLs" "$nginx_url" 100; fi

read -r med lo hi saved < <(measure bash -c "./flags2 -s '$local_url' -d \"\$OUT\"")
row "default (20 flags)" "flags2 -s LOCAL" "$med" "$lo" "$hi" "$saved"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -o "$work/rss" -f '%M' ./flags2 -s "$delay_url" -e -m 1000 -d "$work/out" >/dev/null 2>&1 || true
  rss=$(tail -1 "$work/rss")
  printf '%-22s %-34s %6.1f MiB\n' "peak RSS" "flags2 -s DELAY -e -m 1000" "$(awk "BEGIN {print $rss / 1024}")"
fi
