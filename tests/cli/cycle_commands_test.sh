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

# Inputs, on a second cycle. A manager's team: their active direct reports in engineering, read
# from the export (columns: id,name,email,group,…,manager_id is the 9th, status the 12th).
"$yardstick" cycle open "2027" --framework engineering --period 2027 --id y2027 >/dev/null
"$yardstick" people export -o "$work/people.csv" 2>/dev/null
manager=E000002
team=($(awk -F, -v m="$manager" '$9 == m && $4 == "engineering" && $12 == "active" { print $1 }' "$work/people.csv"))
expect "the demo manager has a team of two or more" test "${#team[@]}" -ge 2
printf 'person_id,rater_id,grade,evidence\n%s,%s,H,"Led it, well"\n' "${team[0]}" "$manager" >"$work/ratings.csv"
"$yardstick" cycle ratings y2027 "$work/ratings.csv" 2>"$work/err"
expect "ratings wait for the rating state" test $? -eq 1
expect "… and say so" grep -q "ratings are entered while it is rating" "$work/err"
"$yardstick" cycle advance y2027 >/dev/null
"$yardstick" cycle ratings y2027 "$work/ratings.csv" --dry-run >"$work/out" 2>"$work/err"
expect "a dry run says what it would record" grep -q "^would record 1 rating (1 by managers" "$work/out"
"$yardstick" cycle ratings y2027 "$work/ratings.csv" >"$work/out"
expect "ratings are recorded" grep -q "^recorded 1 rating " "$work/out"
printf 'person_id,rater_id,grade\n%s,%s,Z\n%s,%s,H\n' "${team[1]}" "$manager" "$manager" "$manager" >"$work/bad.csv"
"$yardstick" cycle ratings y2027 "$work/bad.csv" >"$work/out" 2>"$work/err"
expect "a bad ratings file fails" test $? -eq 1
expect "… naming the bad grade" grep -q "bad.csv:2:3: error: grade 'Z' is not on the scale" "$work/out"
expect "… and the self-rating" grep -q "bad.csv:3:2: error: $manager cannot rate themselves" "$work/out"
expect "… and records nothing" grep -q "2 errors; nothing was recorded" "$work/err"
{
  echo "rater_id,person_id,rank"
  for i in "${!team[@]}"; do echo "$manager,${team[$i]},$((i + 1))"; done
} >"$work/ranks.csv"
"$yardstick" cycle ranks y2027 "$work/ranks.csv" >"$work/out"
expect "a whole team's stack rank is recorded" grep -q "^recorded the stack ranks of 1 rater" "$work/out"
head -n 2 "$work/ranks.csv" >"$work/partial.csv"
if [ "${#team[@]}" -ge 2 ]; then
  "$yardstick" cycle ranks y2027 "$work/partial.csv" >"$work/out" 2>&1
  expect "a ranking that leaves someone out is refused" grep -q "ranking leaves out ${team[1]}" "$work/out"
fi
"$yardstick" cycle benchmark y2027 "${team[0]}" "$manager" 2>"$work/err"
expect "the manager is no benchmark rater" test $? -eq 1

finish
