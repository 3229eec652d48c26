#!/usr/bin/env bash
# Benchmark: `GET /api/people/{id}` with authorisation on a 1,000,000-person SQLite database,
# side by side with nginx serving a static JSON file of the same size (the ceiling), both loaded
# by wrk on loopback with the same connections, threads and duration.
#
# The API side signs in as the person at the top of the manager tree and asks for random people:
# every request checks the session, loads who is asking, reads the person, walks the manager
# chain above them to decide whether the caller may see them, and writes the JSON.
#
# Usage: bench/api_people.sh [PEOPLE] [SECONDS] [CONNECTIONS]   (defaults 1000000 20 32)
# SKIP_BUILD=1 uses the release build as it is; SERVE_THREADS=N passes --threads N to the server.
# SERVE_LOG=FILE keeps the server's request log (one line per request, with its latency).
# PIN=1 gives each side a core of its own: the server (or nginx, with one worker) on CPU 0, wrk
# with one thread on CPU 1, so that the load generator and the server do not take turns on the
# same core (which is what the p99 measures otherwise on 2 cores).
# Builds the release preset; the database is made once with `yardstick demo init` and cached
# under build/bench/. Needs wrk and nginx (Debian packages wrk, nginx-light), curl or python3.
# Binds 127.0.0.1 only; prints a Markdown table with each server's CPU time per request.
set -euo pipefail

PEOPLE=${1:-1000000}
SECONDS_EACH=${2:-20}
CONNECTIONS=${3:-32}
THREADS=2
SERVER_ON=()
CLIENT_ON=()
NGINX_WORKERS_WANTED=auto
if [ -n "${PIN:-}" ]; then
  THREADS=1
  SERVER_ON=(taskset -c 0)
  CLIENT_ON=(taskset -c 1)
  NGINX_WORKERS_WANTED=1
  SERVE_THREADS=${SERVE_THREADS:-1}
fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/build/release/yardstick"
CACHE="$ROOT/build/bench"
DB="$CACHE/api-$PEOPLE.db"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/yardstick-api-bench-XXXXXX")
PASSWORD="benchmark password, long enough"
SERVER_PID=""
NGINX_PID=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$NGINX_PID" ]; then kill -QUIT "$NGINX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "== $*" >&2; }
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || { echo "need $tool (apt-get install wrk nginx-light)" >&2; exit 1; }
done

step "building the release preset"
[ -n "${SKIP_BUILD:-}" ] || (cd "$ROOT" && cmake --preset release >/dev/null && cmake --build --preset release >/dev/null)

if [ ! -f "$DB.built" ]; then
  step "making $PEOPLE people in $DB (once; cached)"
  mkdir -p "$CACHE"
  rm -f "$DB" "$DB-wal" "$DB-shm"
  "$BIN" demo init --db "$DB" --people "$PEOPLE" --seed 1 --today 2026-11-21 --no-cycles \
    --frameworks "$ROOT/frameworks" >&2
  touch "$DB.built"
fi
TOP=$("$BIN" people list --db "$DB" | awk 'NR == 2 { print $1 }')
PEOPLE_TEAM=$("$BIN" role list --db "$DB" | awk '$2 == "people-team" { print $1; exit }')
if ! "$BIN" user list --as "$PEOPLE_TEAM" --db "$DB" | grep -q "^$TOP "; then
  echo "$PASSWORD" | "$BIN" user add "$TOP" --password-stdin --as "$PEOPLE_TEAM" --db "$DB" >&2
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

step "starting yardstick serve"
API_PORT=$(free_port)
"${SERVER_ON[@]}" "$BIN" serve --db "$DB" --port "$API_PORT" ${SERVE_THREADS:+--threads "$SERVE_THREADS"} >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q serving "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
COOKIE=$(python3 - "$API_PORT" "$TOP" "$PASSWORD" <<'PY'
import http.client, json, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
c.request("POST", "/api/session", json.dumps({"login": sys.argv[2], "password": sys.argv[3]}),
          {"Content-Type": "application/json"})
r = c.getresponse(); r.read()
print(r.getheader("Set-Cookie").split(";")[0])
PY
)
# One real answer, for the static file nginx serves.
python3 - "$API_PORT" "$COOKIE" "$TOP" >"$WORK/person.json" <<'PY'
import http.client, sys
c = http.client.HTTPConnection("127.0.0.1", int(sys.argv[1]))
c.request("GET", "/api/people/" + sys.argv[3], headers={"Cookie": sys.argv[2]})
sys.stdout.write(c.getresponse().read().decode())
PY
BYTES=$(wc -c <"$WORK/person.json")

cat >"$WORK/people.lua" <<LUA
local cookie = os.getenv("COOKIE")
local people = $PEOPLE
math.randomseed(42)
request = function()
  local id = string.format("E%07d", math.random(1, people))
  return wrk.format("GET", "/api/people/" .. id, {["Cookie"] = cookie})
end
LUA

# wrk's summary → "requests/s p99_ms"
summary() {
  awk '/Requests\/sec/ { rps = $2 }
       / 99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; p99 = v }
       /Non-2xx/ { bad = $NF }
       END { printf "%s %s %s\n", rps, p99, bad + 0 }' "$1"
}

# CPU seconds (user + system, in clock ticks) that processes have used so far.
ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat"))); done; echo "$t"; }
# µs of CPU per request: ticks used during the run, the wrk output.
per_request() { awk -v t="$1" -v hz="$(getconf CLK_TCK)" '/requests in/ { printf "%.1f", t * 1e6 / hz / $1 }' "$2"; }

step "wrk on the API ($SECONDS_EACH s, $CONNECTIONS connections, $THREADS threads)"
API_T0=$(ticks "$SERVER_PID")
COOKIE="$COOKIE" "${CLIENT_ON[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency -s "$WORK/people.lua" \
  "http://127.0.0.1:$API_PORT" >"$WORK/api.wrk"
API_CPU=$(per_request $(( $(ticks "$SERVER_PID") - API_T0 )) "$WORK/api.wrk")
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; SERVER_PID=""
[ -z "${SERVE_LOG:-}" ] || cp "$WORK/serve.log" "$SERVE_LOG"

step "starting nginx on the same file"
NGINX_PORT=$(free_port)
mkdir -p "$WORK/www/api/people" "$WORK/nginx"
cp "$WORK/person.json" "$WORK/www/api/people/static.json"
# nginx's workers drop root for an unprivileged user, who must be able to read the file.
chmod o+rx "$WORK" "$WORK/www" "$WORK/www/api" "$WORK/www/api/people"
chmod o+r "$WORK/www/api/people/static.json"
cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes $NGINX_WORKERS_WANTED;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $WORK/nginx/body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/www;
  }
}
NGINX
"${SERVER_ON[@]}" nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
sleep 0.5
NGINX_WORKERS=$(pgrep -P "$NGINX_PID" | tr '\n' ' ')
# shellcheck disable=SC2086 # one argument per worker
NG_T0=$(ticks $NGINX_WORKERS)
"${CLIENT_ON[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency \
  "http://127.0.0.1:$NGINX_PORT/api/people/static.json" >"$WORK/nginx.wrk"
# shellcheck disable=SC2086
NG_CPU=$(per_request $(( $(ticks $NGINX_WORKERS) - NG_T0 )) "$WORK/nginx.wrk")

read -r API_RPS API_P99 API_BAD < <(summary "$WORK/api.wrk")
read -r NG_RPS NG_P99 NG_BAD < <(summary "$WORK/nginx.wrk")
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), response $BYTES bytes"
echo
echo "| server | requests/s | p99 | non-2xx | server CPU per request |"
echo "| --- | ---: | ---: | ---: | ---: |"
echo "| yardstick GET /api/people/{id} | $API_RPS | $API_P99 ms | $API_BAD | $API_CPU µs |"
echo "| nginx, static file | $NG_RPS | $NG_P99 ms | $NG_BAD | $NG_CPU µs |"
if [ "$API_BAD" != 0 ] || [ "$NG_BAD" != 0 ]; then
  echo "non-2xx answers: the run is not comparable (see $WORK, kept)" >&2
  trap - EXIT
  exit 1
fi
for side in api nginx; do
  echo "$side latency: $(awk '/Latency Distribution/ { on = 1; next } on && /%/ { printf "%s %s  ", $1, $2 } /requests in/ { on = 0 }' "$WORK/$side.wrk")"
done
python3 -c "import sys; a, n = float(sys.argv[1]), float(sys.argv[2]); print(f'\nthroughput ratio: {a / n:.2f} of the ceiling')" "$API_RPS" "$NG_RPS"
