#!/usr/bin/env bash
# End-to-end checks of `yardstick cycle …` on SQLite, through a whole cycle: opening pins the
# framework version; benchmark suggestions; ratings and stack ranks from CSV, judged whole;
# states move one step at a time and only when the work is done; calibration; closed is final.
# Usage: cycle_commands_test.sh YARDSTICK_BINARY SOURCE_DIR
source "$(dirname "$0")/expect.sh" "$@"
export YARDSTICK_DB="$work/org.db"
export YARDSTICK_AS=E000001  # the demo's people team
"$yardstick" demo init --people 30 --today 2026-11-21 --no-cycles \
  --frameworks "$source_dir/frameworks" >/dev/null
cycle=engineering-2026-h2

# Opening.
"$yardstick" cycle open "Engineering H2" --framework engineering --period 2026-H2 >"$work/out"
expect "open succeeds" test $? -eq 0
expect "open names the default id and the period" \
  grep -q "^opened cycle $cycle (Engineering H2), 2026-07-01..2026-12-31" "$work/out"
"$yardstick" cycle open "Again" --framework engineering --period 2026-H2 2>"$work/err"
expect "the same id twice is refused" test $? -eq 1
expect "… saying so" grep -qx "yardstick: there is already a cycle '$cycle'" "$work/err"
"$yardstick" cycle open "Bad" --framework engineering --period 2026-H3 2>"$work/err"
expect "a bad period is bad usage" test $? -eq 2
expect "… with the forms understood" grep -q "expected a period as 2026, 2026-H2" "$work/err"
"$yardstick" cycle open "Nope" --framework nope --period 2026 2>"$work/err"
expect "an unknown framework is refused" test $? -eq 1
"$yardstick" cycle advance "$cycle" --to calibrating 2>"$work/err"
expect "skipping a state is refused" test $? -eq 1
expect "… naming the allowed move" grep -q "can only move on to rating, not to calibrating" "$work/err"

# Benchmarks, while open: suggested, assigned, and then none is needed.
"$yardstick" cycle suggest-benchmarks "$cycle" --assign >"$work/out" 2>"$work/err"
expect "benchmark suggestions are assigned" grep -q "^assigned [0-9]* benchmark ratings" "$work/err"
"$yardstick" cycle suggest-benchmarks "$cycle" >"$work/out"
expect "… after which every rater is connected" grep -q "every rater is connected already" "$work/out"
"$yardstick" db dump -o "$work/dump.json" 2>/dev/null
benchmarks=$(python3 -c "import json,sys; print('\n'.join(r['person_id']+','+r['rater_id'] for r in json.load(open(sys.argv[1]))['tables']['benchmark_assignments'] if r['cycle_id'] == sys.argv[2]))" "$work/dump.json" "$cycle")

# Ratings: a manager's team is read from the export (id, …, group 4th, manager_id 9th, status
# 12th); managers rate everyone in engineering who has a manager there, benchmark raters theirs.
"$yardstick" people export -o "$work/people.csv" 2>/dev/null
manager=E000002
team=($(awk -F, -v m="$manager" '$9 == m && $4 == "engineering" && $12 == "active" { print $1 }' "$work/people.csv"))
expect "the demo manager has a team of two or more" test "${#team[@]}" -ge 2
{
  echo "person_id,rater_id,grade,evidence"
  awk -F, 'NR > 1 && $4 == "engineering" && $12 == "active" { print $1 "," $9 }' "$work/people.csv" |
    while IFS=, read -r person boss; do
      if awk -F, -v b="$boss" '$1 == b && $4 == "engineering" { found = 1 } END { exit !found }' "$work/people.csv"; then
        echo "$person,$boss,H,\"Shipped it, twice\""
      fi
    done
  for pair in $benchmarks; do echo "$pair,I,"; done
} >"$work/ratings.csv"
"$yardstick" cycle ratings "$cycle" "$work/ratings.csv" 2>"$work/err"
expect "ratings wait for the rating state" test $? -eq 1
expect "… and say so" grep -q "ratings are entered while it is rating" "$work/err"
"$yardstick" cycle advance "$cycle" >"$work/out"
expect "open -> rating" grep -q -- "-> rating\$" "$work/out"
"$yardstick" cycle ratings "$cycle" "$work/ratings.csv" --dry-run >"$work/out" 2>"$work/err"
expect "a dry run says what it would record" grep -q "^would record [0-9]* ratings" "$work/out"
"$yardstick" cycle advance "$cycle" 2>"$work/err"
expect "rating does not end while people are unrated" test $? -eq 1
expect "… and names them" grep -q "cannot stop rating yet: [0-9]* people have no rating (E0000" "$work/err"
"$yardstick" cycle ratings "$cycle" "$work/ratings.csv" >"$work/out"
expect "ratings are recorded" grep -q "^recorded [0-9]* ratings ([0-9]* by managers, [1-9][0-9]* of benchmark people)" "$work/out"
printf 'person_id,rater_id,grade\n%s,%s,Z\n%s,%s,H\n' "${team[1]}" "$manager" "$manager" "$manager" >"$work/bad.csv"
"$yardstick" cycle ratings "$cycle" "$work/bad.csv" >"$work/out" 2>"$work/err"
expect "a bad ratings file fails" test $? -eq 1
expect "… naming the bad grade" grep -q "bad.csv:2:3: error: grade 'Z' is not on the scale" "$work/out"
expect "… and the self-rating" grep -q "bad.csv:3:2: error: $manager cannot rate themselves" "$work/out"
expect "… and records nothing" grep -q "2 errors; nothing was recorded" "$work/err"
{
  echo "rater_id,person_id,rank"
  for i in "${!team[@]}"; do echo "$manager,${team[$i]},$((i + 1))"; done
} >"$work/ranks.csv"
"$yardstick" cycle ranks "$cycle" "$work/ranks.csv" >"$work/out"
expect "a whole team's stack rank is recorded" grep -q "^recorded the stack ranks of 1 rater" "$work/out"
head -n 2 "$work/ranks.csv" >"$work/partial.csv"
"$yardstick" cycle ranks "$cycle" "$work/partial.csv" >"$work/out" 2>&1
expect "a ranking that leaves someone out is refused" grep -q "ranking leaves out ${team[1]}" "$work/out"
"$yardstick" cycle benchmark "$cycle" "${team[0]}" "$manager" 2>"$work/err"
expect "the manager is no benchmark rater" test $? -eq 1

# Calibration, and the end of the cycle. The top of the tree has no manager to rate them.
"$yardstick" cycle calibrate "$cycle" 2>"$work/err"
expect "calibration waits for the calibrating state" grep -q "it is calibrated while it is calibrating" "$work/err"
"$yardstick" cycle advance "$cycle" --allow-unrated >"$work/out"
expect "rating -> calibrating (someone unrated, allowed)" grep -q -- "-> calibrating\$" "$work/out"
"$yardstick" cycle ratings "$cycle" "$work/ratings.csv" 2>"$work/err"
expect "ratings are closed while calibrating" test $? -eq 1
"$yardstick" cycle advance "$cycle" 2>"$work/err"
expect "calibrating does not end before calibration" grep -q "has not been calibrated" "$work/err"
"$yardstick" cycle report "$cycle" 2>"$work/err"
expect "no report before calibration" grep -q "has not been calibrated yet" "$work/err"
"$yardstick" cycle calibrate "$cycle" >"$work/calibrated"
expect "calibrate reports the group" grep -q "^group engineering: [0-9]* ratings of [0-9]* people by [0-9]* raters" "$work/calibrated"
expect "calibrate stores the results" grep -q "^stored the performed grades of [1-9][0-9]* people" "$work/calibrated"
"$yardstick" cycle report "$cycle" --show 0 --xlsx "$work/report.xlsx" --csv "$work/report" >"$work/out" 2>"$work/err"
expect "report succeeds" test $? -eq 0
expect "report has the distribution" grep -q "^  grade   held  performed" "$work/out"
expect "report has the raters" grep -q "^    $manager .*: [+-][0-9.]* ± [0-9.]* grades" "$work/out"
expect "report names whoever was neither rated nor ranked" grep -q "neither rated nor ranked: 1" "$work/out"
expect "report writes a workbook" test "$(head -c2 "$work/report.xlsx")" = "PK"
expect "report writes people.csv" grep -q "^group,id,name,track,held_grade,performed," "$work/report/people.csv"
expect "people.csv has a row per calibrated person"   test "$(($(wc -l <"$work/report/people.csv") - 1))" -eq "$(grep -o "^group engineering: [0-9]* ratings of [0-9]*" "$work/calibrated" | awk '{ print $NF }')"
"$yardstick" cycle decide "$cycle" >"$work/slate" 2>/dev/null
expect "decide proposes a slate for everyone in the cycle" \
  grep -q "^slate for cycle $cycle: [1-9][0-9]* people" "$work/slate"
"$yardstick" cycle advance "$cycle" >"$work/out"
expect "advance to decided" grep -q -- "-> decided\$" "$work/out"
"$yardstick" cycle advance "$cycle" 2>"$work/err"
expect "a cycle with proposals left open does not close" test $? -eq 1
expect "… and says what is left" grep -q "decisions are still proposed" "$work/err"
"$yardstick" cycle accept "$cycle" --all >/dev/null 2>&1
"$yardstick" cycle advance "$cycle" 2>"$work/err"
expect "a cycle with accepted decisions not applied does not close" test $? -eq 1
"$yardstick" cycle apply "$cycle" >"$work/out"
expect "apply applies the accepted decisions" grep -q "^applied [1-9][0-9]* decisions of cycle $cycle" "$work/out"
"$yardstick" cycle advance "$cycle" >"$work/out"
expect "advance to closed" grep -q -- "-> closed\$" "$work/out"
"$yardstick" cycle advance "$cycle" 2>"$work/err"
expect "a closed cycle does not move" test $? -eq 1
expect "… and says it is final" grep -q "a closed cycle never changes" "$work/err"
"$yardstick" cycle show "$cycle" >"$work/out"
expect "show says closed is final" grep -q "State      closed (final" "$work/out"
expect "show lists the groups on the framework" grep -qx "  Groups     engineering" "$work/out"
"$yardstick" cycle list >"$work/out"
expect "list has the cycle" grep -q "^$cycle .* closed " "$work/out"

finish
