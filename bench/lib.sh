# shellcheck shell=bash
# Shared by the bench scripts: runs `flags2 serve` in its own process on free ports, waits until it
# is ready, and stops it; starts nginx the same way. Sourced, not run; needs bash 4+. From a script
# in bench/ (as goals.sh):
#   source "$(dirname "$0")/lib.sh"
#   cleanup() { trap '' INT TERM; serve_stop; ...; }   # a second Ctrl-C cannot cut it short
#   trap cleanup EXIT
#   serve_start   # sets local_url, delay_url, error_url; non-zero if it failed
# Call serve_start in the script's own shell, not in $(...): it sets variables.

# The launcher next to this file's folder, so that the scripts' working folder does not matter.
serve_flags2=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/flags2
serve_pid=""   # the server's process (the launcher execs java, so this is the JVM)
serve_dir=""   # its temporary folder: out.log (the ready lines) and err.log

# serve_start [SERVE OPTION...]: starts `flags2 serve --ports 0,0,0 [SERVE OPTION...]` in the
# background and waits, at most SERVE_WAIT seconds (default 30), for its three "LABEL ready: URL"
# lines. Then sets local_url, delay_url and error_url and returns 0. If the server exits first or
# the time runs out, says why on stderr (with the server's stderr), stops it and returns 1.
# shellcheck disable=SC2120  # options are optional
serve_start() {
  local line limit=${SERVE_WAIT:-30} start=$SECONDS status cmd="flags2 serve --ports 0,0,0${*:+ $*}"
  serve_stop
  local_url="" delay_url="" error_url=""
  serve_dir=$(mktemp -d "${TMPDIR:-/tmp}/flags2-serve.XXXXXX") || return 1
  : >"$serve_dir/out.log"; : >"$serve_dir/err.log"   # there before the background shell opens them
  "$serve_flags2" serve --ports 0,0,0 "$@" >"$serve_dir/out.log" 2>"$serve_dir/err.log" &
  serve_pid=$!
  while :; do
    while IFS= read -r line; do
      case $line in
        "LOCAL ready: "*) local_url=${line#LOCAL ready: } ;;
        "DELAY ready: "*) delay_url=${line#DELAY ready: } ;;
        "ERROR ready: "*) error_url=${line#ERROR ready: } ;;
      esac
    done <"$serve_dir/out.log"
    if [ -n "$local_url" ] && [ -n "$delay_url" ] && [ -n "$error_url" ]; then return 0; fi
    if ! kill -0 "$serve_pid" 2>/dev/null; then
      status=0
      wait "$serve_pid" 2>/dev/null || status=$?
      serve_pid=""
      echo "${0##*/}: $cmd exited (status $status) before it was ready:" >&2
      break
    fi
    if (( SECONDS - start >= limit )); then
      echo "${0##*/}: $cmd was not ready after $limit s; stopping it." >&2
      break
    fi
    sleep 0.1
  done
  sed 's/^/  /' "$serve_dir/err.log" >&2
  serve_stop
  local_url="" delay_url="" error_url=""
  return 1
}

# serve_stop: stops the server serve_start started (TERM, then KILL after 5 s), removes its
# temporary folder and waits for it. Does nothing when none is running; safe to call more than once.
serve_stop() {
  local i
  [ -z "$serve_pid" ] || kill "$serve_pid" 2>/dev/null || true
  if [ -n "$serve_dir" ]; then
    rm -rf "$serve_dir"
    serve_dir=""
  fi
  if [ -n "$serve_pid" ]; then
    for ((i = 0; i < 50; i++)); do
      kill -0 "$serve_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$serve_pid" 2>/dev/null || true
    wait "$serve_pid" 2>/dev/null || true
    serve_pid=""
  fi
}

# nginx_start DIR HTTP_LINE...: starts nginx (not as a daemon: a background job of this shell) with
# its files in DIR/nginx and an http block of the bench settings (two workers, no access log,
# keep-alive for 10,000 requests, .gif as image/gif) plus each HTTP_LINE (server blocks, certificate
# lines). Sets nginx_pid; the caller kills it in its cleanup. nginx's workers run as an unprivileged
# user: what they serve must be readable by all.
nginx_start() {
  local dir=$1 line
  shift
  mkdir -p "$dir/nginx"
  {
    printf 'worker_processes 2;\nerror_log %s/nginx/error.log;\npid %s/nginx/nginx.pid;\n' "$dir" "$dir"
    printf 'events { worker_connections 4096; }\nhttp {\n'
    printf '  access_log off;\n  keepalive_requests 10000;\n  types { image/gif gif; }\n'
    for line in "$@"; do printf '  %s\n' "$line"; done
    printf '}\n'
  } >"$dir/nginx/nginx.conf"
  nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -g 'daemon off;' &
  # shellcheck disable=SC2034  # read by the scripts that source this
  nginx_pid=$!
}

# url_wait URL [CURL OPTION...]: waits, at most 5 s, until URL answers 2xx; non-zero if it never did.
url_wait() {
  local i
  for ((i = 0; i < 50; i++)); do
    curl -sf -o /dev/null "${@:2}" "$1" && return 0
    sleep 0.1
  done
  return 1
}
