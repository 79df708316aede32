#!/usr/bin/env bash
# What HTTPS adds to a run (issue 17, item 4): the 194 flags (-a) from nginx on loopback over plain
# HTTP and over TLS, whole process (launcher, JVM start-up and exit included), as users run
# ./flags2. The cases: http, with and without SSL_CERT_FILE set; --cacert with a private CA over
# HTTP/2 and over HTTP/1.1 (TLS 1.2, nginx 1.22's default), and over HTTP/2 with TLS 1.3 (what
# newer servers negotiate); the JDK's own trust store (its ~150 CAs plus the private one, as for any
# public server: -s REMOTE); SSL_CERT_FILE naming the system CA bundle plus the private one (what
# CI images set). hyperfine runs every case ROUNDS times (default 5) in turn, RUNS runs each time
# (default 3), so a busy machine slows all cases alike; printed per case: median (min-max) wall
# time, median CPU time (user+sys), and each one's difference from plain http of the same build.
# nginx runs as this script's own process on free ports, with a certificate from a CA made here by
# openssl; the images come from FLAGS_ZIP (the book's flags.zip: flags/cc/cc.gif), default
# /work/shared/data/flags.zip. Each case is run once first and must save all 194 flags.
# Needs nginx, hyperfine, openssl, keytool (the JDK's), unzip, jq, curl, python3.
#   bench/tls.sh
#   ROUNDS=3 RUNS=3 bench/tls.sh
#   BEFORE=../other-clone bench/tls.sh     # the same cases for another build too, interleaved
#   chrt -r 10 bench/tls.sh                # on a machine something else keeps busy (a niced build)
set -euo pipefail
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/.."
rounds=${ROUNDS:-5}
runs=${RUNS:-3}
zip=${FLAGS_ZIP:-/work/shared/data/flags.zip}
./flags2 -V >/dev/null   # builds the jar and its start-up cache if needed
work=$(mktemp -d "${TMPDIR:-/tmp}/flags2-tls.XXXXXX")
nginx_pid=""
cleanup() {
  trap '' INT TERM   # a second Ctrl-C must not cut this short
  [ -z "$nginx_pid" ] || { kill "$nginx_pid" 2>/dev/null || true; wait "$nginx_pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

unzip -q "$zip" 'flags/*' -d "$work/www"
chmod -R a+rX "$work"   # nginx workers run as an unprivileged user

# a private CA and a certificate for localhost signed by it (P-256, as `flags2 serve --tls` makes)
(
  cd "$work"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/CN=flags2 bench CA" -keyout ca.key -out ca.pem 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
    -keyout server.key -out server.csr 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' >ext.cnf
  openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile ext.cnf -out server.pem 2>/dev/null
)
# the JDK's trust store plus the private CA, for the default-trust case
java_home=$(sed -n 's/^Java [^,]*, //p' < <(./flags2 -V))
cp "$java_home/lib/security/cacerts" "$work/cacerts"
chmod u+w "$work/cacerts"
"$java_home/bin/keytool" -importcert -noprompt -storepass changeit -keystore "$work/cacerts" \
  -alias flags2-bench -file "$work/ca.pem" >/dev/null 2>&1

read -r -a ports < <(python3 -c 'import socket
s = [socket.socket() for _ in range(4)]
for x in s: x.bind(("127.0.0.1", 0))
print(*(x.getsockname()[1] for x in s))')
nginx_start "$work" "ssl_certificate $work/server.pem;" "ssl_certificate_key $work/server.key;" \
  "server { listen 127.0.0.1:${ports[0]}; root $work/www; }" \
  "server { listen 127.0.0.1:${ports[1]} ssl http2; root $work/www; }" \
  "server { listen 127.0.0.1:${ports[2]} ssl; root $work/www; }" \
  "server { listen 127.0.0.1:${ports[3]} ssl http2; ssl_protocols TLSv1.2 TLSv1.3; root $work/www; }"
url_wait "https://localhost:${ports[2]}/flags/br/br.gif" --cacert "$work/ca.pem"

http=http://localhost:${ports[0]}/flags
h2=https://localhost:${ports[1]}/flags
h1=https://localhost:${ports[2]}/flags
h2_tls13=https://localhost:${ports[3]}/flags
out="$work/out"
# Every case but the last two runs without SSL_CERT_FILE, which would stand in for --cacert.
bundle="${SYSTEM_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}"   # what CI images point it at
cat "$bundle" "$work/ca.pem" >"$work/bundle.pem"
plain="env -u SSL_CERT_FILE"
jdk_trust="$plain JAVA_OPTS='-Djavax.net.ssl.trustStore=$work/cacerts -Djavax.net.ssl.trustStorePassword=changeit'"
with_bundle="env SSL_CERT_FILE=$work/bundle.pem"
cases=(
  "http"                      "$plain FLAGS2 -s $http"
  "http, SSL_CERT_FILE set"   "$with_bundle FLAGS2 -s $http"
  "https h2, --cacert"        "$plain FLAGS2 -s $h2 --cacert $work/ca.pem"
  "https http/1.1, --cacert"  "$plain FLAGS2 -s $h1 --cacert $work/ca.pem"
  "https h2 TLS 1.3, --cacert" "$plain FLAGS2 -s $h2_tls13 --cacert $work/ca.pem"
  "https h2, JDK trust store" "$jdk_trust FLAGS2 -s $h2"
  "https h2, SSL_CERT_FILE"   "$with_bundle FLAGS2 -s $h2"
)
# BEFORE=DIR: the same cases with DIR/flags2 too (another clone: the code before a change)
launchers=("$PWD/flags2") labels=("")
if [ -n "${BEFORE:-}" ]; then
  "$BEFORE/flags2" -V >/dev/null
  launchers+=("$(cd "$BEFORE" && pwd)/flags2") labels+=("before: ")
fi
names=() commands=()
for l in "${!launchers[@]}"; do
  for ((i = 0; i < ${#cases[@]}; i += 2)); do
    names+=("${labels[$l]}${cases[$i]}")
    commands+=("${cases[$i + 1]/FLAGS2/${launchers[$l]}} -a -q -d $out")
  done
done
# each command once, checked: it must save all 194 flags
for c in "${commands[@]}"; do
  rm -rf "$out"
  bash -c "$c" >/dev/null 2>&1 || true
  saved=$(find "$out" -name '*.gif' -size +0 | wc -l)
  [ "$saved" = 194 ] || { echo "${0##*/}: '$c' saved $saved flags, not 194" >&2; exit 1; }
done

args=()
for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
for r in $(seq "$rounds"); do
  hyperfine --style none --runs "$runs" --prepare "rm -rf $out" --export-json "$work/round$r.json" \
    "${args[@]}" >/dev/null
done

echo "# $(date -u +%F), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(./flags2 -V | head -2 | paste -sd ";" -)"
echo "# $rounds rounds x $runs runs, interleaved by round; seconds, median (min-max); +: over plain http"
echo "# (system bundle: $bundle, $(grep -c BEGIN "$bundle") certificates)"
printf '%-34s  %-28s  %s\n' case "wall time" "CPU time (user+sys)"
jq -s -r --argjson n "${#names[@]}" --argjson group $((${#cases[@]} / 2)) '
  def median: sort | if length % 2 == 1 then .[length / 2 | floor]
    else (.[length / 2 - 1] + .[length / 2]) / 2 end;
  def r3: . * 1000 | round / 1000 | tostring | if test("\\.") then . else . + ".0" end;
  def pad(n): . + (" " * (n - length));
  def signed: if . < 0 then r3 else "+" + r3 end;
  [range(0; $n) as $i | [.[].results[$i]] | {name: .[0].command, wall: [.[].times[]],
    cpu: [.[] | if .user_times then [.user_times, .system_times] | transpose[] | add
      else .user + .system end]}]   # hyperfine < 1.16 gives only the mean per round
  | [range(0; $n; $group) as $g | .[$g:$g + $group]] | .[] | .[0] as $base | .[] | ((.wall | median) - ($base.wall | median)) as $dw | ((.cpu | median) - ($base.cpu | median)) as $dc
  | "\(.name | pad(34))  "
    + ("\(.wall | median | r3) (\(.wall | min | r3)-\(.wall | max | r3))" + (if .name == $base.name then "" else " \($dw | signed)" end) | pad(28))
    + "  \(.cpu | median | r3)" + (if .name == $base.name then "" else " \($dc | signed)" end)
' "$work"/round*.json
