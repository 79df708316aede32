#!/usr/bin/env bash
# Renders a `flags2 bench` HTML report in headless Chromium and saves a PNG of it, to check that
# the report displays in a real browser (and to make the README's picture).
#
#   bench/screenshot.sh [REPORT.html] [OUT.png]     defaults: flags2-bench.html, docs/bench.png
#
# Needs Debian's chromium (apt-get install chromium). The flags are those this sandbox needs:
# no sandbox as root, no GPU, and no background networking (its connections are refused here).
set -euo pipefail
report=$(realpath "${1:-flags2-bench.html}")
out=$(realpath -m "${2:-docs/bench.png}")
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [[ -z $browser ]]; then
  echo "screenshot.sh: no Chromium found; install it (Debian: apt-get install chromium)" >&2
  exit 2
fi
[[ -f $report ]] || { echo "screenshot.sh: no report at $report; run ./flags2 bench first" >&2; exit 2; }
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size=1000,1150 \
  --screenshot="$out" "file://$report" 2>/dev/null
[[ -s $out ]] || { echo "screenshot.sh: Chromium wrote no screenshot" >&2; exit 1; }
echo "$out"
