#!/usr/bin/env bash
# End-to-end checks of `yardstick cycle …` on SQLite: opening a cycle pins the framework version,
# states move one step at a time, and a closed cycle is final.
# Usage: cycle_commands_test.sh YARDSTICK_BINARY SOURCE_DIR
set -uo pipefail
yardstick="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$(dirname "$0")/expect.sh"
export YARDSTICK_DB="$work/org.db"
"$yardstick" demo init --people 30 --today 2026-11-21 --frameworks "$source_dir/frameworks" >/dev/null

"$yardstick" cycle open "Engineering H2" --framework engineering --period 2026-H2 >"$work/out"
expect "open succeeds" test $? -eq 0
expect "open names the default id and the period" \
  grep -q "^opened cycle engineering-2026-h2 (Engineering H2), 2026-07-01..2026-12-31" "$work/out"
"$yardstick" cycle open "Again" --framework engineering --period 2026-H2 2>"$work/err"
expect "the same id twice is refused" test $? -eq 1
expect "… saying so" grep -qx "yardstick: there is already a cycle 'engineering-2026-h2'" "$work/err"
"$yardstick" cycle open "Bad" --framework engineering --period 2026-H3 2>"$work/err"
expect "a bad period is bad usage" test $? -eq 2
expect "… with the forms understood" grep -q "expected a period as 2026, 2026-H2" "$work/err"
"$yardstick" cycle open "Nope" --framework nope --period 2026 2>"$work/err"
expect "an unknown framework is refused" test $? -eq 1

"$yardstick" cycle advance engineering-2026-h2 --to calibrating 2>"$work/err"
expect "skipping a state is refused" test $? -eq 1
expect "… naming the allowed move" grep -q "can only move on to rating, not to calibrating" "$work/err"
for state in rating calibrating decided closed; do
  "$yardstick" cycle advance engineering-2026-h2 >"$work/out"
  expect "advance to $state" grep -q -- "-> $state\$" "$work/out"
done
"$yardstick" cycle advance engineering-2026-h2 2>"$work/err"
expect "a closed cycle does not move" test $? -eq 1
expect "… and says it is final" grep -q "a closed cycle never changes" "$work/err"
"$yardstick" cycle show engineering-2026-h2 >"$work/out"
expect "show says closed is final" grep -q "State      closed (final" "$work/out"
expect "show lists the groups on the framework" grep -qx "  Groups     engineering" "$work/out"
"$yardstick" cycle list >"$work/out"
expect "list has the cycle" grep -q "^engineering-2026-h2 .* closed " "$work/out"

finish
