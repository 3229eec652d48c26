#!/usr/bin/env bash
# Benchmark: importing an N-person HRIS export (default 1,000,000) with `yardstick people import`,
# side by side with each engine's floor for loading the same file into one plain table:
#   SQLite:     the sqlite3 shell's `.import` into a table of text columns;
#   PostgreSQL: `\copy … FROM … CSV HEADER` into a table of text columns, on the same server.
# The import does much more than the floor (it validates every row against the ladders, the
# manager tree and the stored organisation, and writes level history, position assignments and
# one audit entry per person, all in one transaction), so the ratio is the price of all that.
#
# Usage: bench/people_import.sh [PEOPLE] [--keep]
# Builds the release preset, generates the export once from the demo organisation (cached under
# build/bench/), starts a throwaway PostgreSQL cluster on a Unix socket in a temporary directory
# (stopped on exit), and prints one Markdown table row per engine: wall time, peak memory (RSS),
# and the ratio to the floor. Runs only on loopback; needs /usr/bin/time, sqlite3, psql.
set -euo pipefail

PEOPLE=${1:-1000000}
KEEP=${2:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="$ROOT/build/release/yardstick"
CACHE="$ROOT/build/bench"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/yardstick-bench-XXXXXX")
PG_DIR="$WORK/pg"
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
AS_PG=()
if [ "$(id -u)" = 0 ]; then AS_PG=(runuser -u postgres --); fi

cleanup() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -z "$KEEP" ]; then rm -rf "$WORK"; else echo "kept $WORK" >&2; fi
}
trap cleanup EXIT

step() { echo "== $*" >&2; }

# Runs a command under /usr/bin/time; prints "SECONDS KILOBYTES".
measure() {
  local out="$WORK/time.txt"
  /usr/bin/time -f "%e %M" -o "$out" "$@" >"$WORK/last.log" 2>&1 || {
    cat "$WORK/last.log" >&2
    return 1
  }
  cat "$out"
}

step "building the release preset"
(cd "$ROOT" && cmake --preset release >/dev/null && cmake --build --preset release >/dev/null)

CSV="$CACHE/people-$PEOPLE.csv"
if [ ! -f "$CSV" ]; then
  step "generating $PEOPLE people (demo organisation, seed 1; cached in $CSV)"
  mkdir -p "$CACHE"
  "$BIN" demo init --db "$WORK/demo.db" --people "$PEOPLE" --seed 1 --today 2026-11-21 --no-cycles \
    --frameworks "$ROOT/frameworks" >&2
  "$BIN" people export --db "$WORK/demo.db" --format csv -o "$CSV.tmp" >&2
  mv "$CSV.tmp" "$CSV"
  rm -f "$WORK"/demo.db*
fi
COLUMNS_SQL=$(head -n1 "$CSV" | tr -d '\r' | sed 's/,/ text, /g; s/$/ text/; s/\bgroup\b/"group"/')

# The organisation an import is judged against: the two ladders and their comparison groups.
prepare() {
  local db=$1
  "$BIN" framework load --db "$db" "$ROOT/frameworks/engineering.yaml" \
    "$ROOT/frameworks/product.yaml" >/dev/null
  "$BIN" group add --db "$db" engineering --framework engineering >/dev/null
  "$BIN" group add --db "$db" product --framework product >/dev/null
}

row() {  # engine, floor "s kb", ours "s kb"
  local floor_s floor_kb ours_s ours_kb
  read -r floor_s floor_kb <<<"$2"
  read -r ours_s ours_kb <<<"$3"
  awk -v e="$1" -v n="$PEOPLE" -v fs="$floor_s" -v fk="$floor_kb" -v os="$ours_s" -v ok="$ours_kb" \
    'BEGIN { printf "| %s | %d | %.2f s | %.2f s | %.1f× | %.0f MiB |\n", e, n, fs, os, os / fs, ok / 1024 }'
}

echo "| engine | people | floor | yardstick people import | ratio | import peak RSS |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"

step "SQLite: sqlite3 .import (floor)"
SQLITE_FLOOR=$(measure sqlite3 "$WORK/floor.db" ".mode csv" ".import $CSV people")
step "SQLite: yardstick people import"
prepare "$WORK/org.db"
SQLITE_OURS=$(measure "$BIN" people import --db "$WORK/org.db" --effective 2026-11-21 "$CSV")
row SQLite "$SQLITE_FLOOR" "$SQLITE_OURS"

step "PostgreSQL: starting a throwaway cluster in $PG_DIR"
mkdir -p "$PG_DIR"
if [ ${#AS_PG[@]} -gt 0 ]; then chown postgres "$PG_DIR" "$WORK" && chmod o+rx "$WORK" && chmod o+r "$CSV"; fi
"${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U yardstick -E UTF8 --locale=C >/dev/null
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
  -o "-k $PG_DIR -c listen_addresses= -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PG_DIR" -U yardstick)
"${PSQL[@]}" -d postgres -c "CREATE DATABASE floor" -c "CREATE DATABASE org"
"${PSQL[@]}" -d floor -c "CREATE TABLE people ($COLUMNS_SQL)"
step "PostgreSQL: \\copy (floor)"
PG_FLOOR=$(measure "${PSQL[@]}" -d floor -c "\\copy people FROM '$CSV' CSV HEADER")
step "PostgreSQL: yardstick people import"
PG_URL="postgresql:///org?host=$PG_DIR&user=yardstick"
prepare "$PG_URL"
PG_OURS=$(measure "$BIN" people import --db "$PG_URL" --effective 2026-11-21 "$CSV")
row PostgreSQL "$PG_FLOOR" "$PG_OURS"
