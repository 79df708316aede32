#!/usr/bin/env bash
# The installed runtime image beside the repository launcher: sizes, and whole-process wall time
# (launcher, JVM start-up and exit included) of `flags2 -V`, a default run (the top 20 codes from
# LOCAL) and `-s DELAY -e -m 1000`, median (min max) of RUNS runs each (default 11), the two taken
# in turn. Needs the image: ./mvnw package (or -Pimage). Servers: `flags2 serve`, loopback.
#   bench/install.sh
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
runs=${RUNS:-11}
shopt -s nullglob
images=(target/flags2-*-linux-*.tar.gz target/flags2-*-macos-*.tar.gz)
image=${images[0]:-}
[ -n "$image" ] || { echo "no runtime image in target/: run ./mvnw package first" >&2; exit 1; }
./flags2 -V >/dev/null   # builds the jar and its start-up cache if needed
work=$(mktemp -d)
cleanup() { trap '' INT TERM; serve_stop; rm -rf "$work"; }
trap cleanup EXIT
serve_start   # sets local_url, delay_url, error_url
tar -xzf "$image" -C "$work"
installed=$(echo "$work"/flags2-*/bin/flags2)

echo "image: $(du -h "$image" | cut -f1) compressed, $(du -sh "${installed%/bin/flags2}" | cut -f1) unpacked" \
  "(runtime $(du -sh "${installed%/bin/flags2}/runtime" | cut -f1))"
median() { sort -g | awk '{a[NR]=$1} END {printf "%.3f (%.3f %.3f)", a[int((NR+1)/2)], a[1], a[NR]}'; }
printf '%-28s %-22s %s\n' "" "repository ./flags2" "image bin/flags2"
for job in "-V" "-s $local_url" "-s $delay_url -e -m 1000"; do
  : >"$work/repo" ; : >"$work/image"
  for _ in $(seq "$runs"); do
    for who in repo image; do
      launcher=./flags2; [ "$who" = image ] && launcher=$installed
      rm -rf "$work/dest"
      # shellcheck disable=SC2086  # the job's words are separate arguments
      /usr/bin/time -f %e -a -o "$work/$who" "$launcher" $job -d "$work/dest" >/dev/null 2>&1
    done
  done
  label=${job//$local_url/LOCAL}; label=${label//$delay_url/DELAY}
  printf '%-28s %-22s %s\n' "flags2 $label" "$(median <"$work/repo")" "$(median <"$work/image")"
done
