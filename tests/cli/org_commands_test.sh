#!/usr/bin/env bash
# End-to-end checks of the organisation commands on SQLite: demo init, people show|list, org
# tree, exports, db dump|restore; a mistyped --db is refused without creating a file.
# Usage: org_commands_test.sh YARDSTICK_BINARY SOURCE_DIR
source "$(dirname "$0")/expect.sh" "$@"
export YARDSTICK_DB="$work/org.db"

"$yardstick" demo init --people 120 --seed 7 --today 2026-11-21 \
  --frameworks "$source_dir/frameworks" >"$work/out" 2>"$work/err"
expect "demo init succeeds" test $? -eq 0
expect "demo init says how many people" grep -q "people      120 (" "$work/out"
expect "demo init runs a calibrated, decided cycle per ladder" \
  grep -q "^  cycles      engineering-2026-h1 ([0-9]* ratings, [0-9]* of benchmark people; calibrated, a slate proposed)" "$work/out"
"$yardstick" cycle show engineering-2026-h1 >"$work/show"
expect "… whose slate the people team can propose again" \
  "$yardstick" cycle decide engineering-2026-h1 --as "$(awk '/roles/ { print $2 }' "$work/out")"
people_team="$(awk '/roles/ { print $2 }' "$work/out")"
"$yardstick" cycle report engineering-2026-h1 >/dev/null 2>"$work/err"
expect "… whose report only the people team may make" grep -q "give --as\|say who you are" "$work/err"
"$yardstick" cycle report engineering-2026-h1 --as "$people_team" --html "$work/report.html" \
  >"$work/report" 2>/dev/null
expect "… whose report has rater leniencies" grep -q "^  rater leniency, most lenient first" "$work/report"
expect "… and the slate" grep -q "^slate: [0-9]* people, " "$work/report"
expect "… and is a page with the charting library" grep -q "Chart.js v4" "$work/report.html"
"$yardstick" demo init --people 10 --frameworks "$source_dir/frameworks" >/dev/null 2>"$work/err"
expect "demo init refuses a database with people" test $? -eq 2
expect "… and says why" grep -q "already holds 120 people" "$work/err"

"$yardstick" people list --include-left >"$work/list" 2>"$work/err"
expect "people list lists everyone" test "$(($(wc -l <"$work/list") - 1))" -eq 120
expect "people list counts them" grep -qx "120 people" "$work/err"
first="$(awk 'NR == 2 { print $1 }' "$work/list")"
"$yardstick" people show "$first" >"$work/show"
expect "people show has the level and band" grep -q "^  Level .*band" "$work/show"
expect "people show has the history" grep -q "hired (by demo)" "$work/show"
"$yardstick" people show NOBODY >/dev/null 2>"$work/err"
expect "people show of an unknown id fails" test $? -ne 0
"$yardstick" org tree "$first" --depth 1 >"$work/tree"
expect "org tree starts at the person" grep -q "^$first " "$work/tree"

"$yardstick" people export -o "$work/people.csv" 2>/dev/null
expect "people export writes a header and a row per person" \
  test "$(wc -l <"$work/people.csv")" -eq 121
"$yardstick" history export -o "$work/history.xlsx" 2>/dev/null
expect "history export writes XLSX (a zip)" test "$(head -c2 "$work/history.xlsx")" = "PK"

"$yardstick" db dump -o "$work/dump.json" 2>/dev/null
expect "db dump writes the dump" test -s "$work/dump.json"
"$yardstick" db restore "$work/dump.json" --db "$work/copy.db" >/dev/null 2>&1
expect "db restore into a new file succeeds" test $? -eq 0
"$yardstick" db dump --db "$work/copy.db" -o "$work/copy.json" 2>/dev/null
expect "the restored database dumps to the same bytes" cmp -s "$work/dump.json" "$work/copy.json"
"$yardstick" db restore "$work/dump.json" --db "$work/copy.db" >/dev/null 2>&1
expect "db restore refuses a database that is not empty" test $? -ne 0

for command in "people list" "people show $first" "org tree" "people export -o $work/x.csv" \
               "db dump" "group list"; do
  # shellcheck disable=SC2086
  "$yardstick" $command --db "$work/typo.db" >/dev/null 2>"$work/err"
  expect "$command refuses a missing database (exit 2)" test $? -eq 2
  expect "$command says so" grep -q "typo.db: no such database" "$work/err"
  expect "$command creates no file" test ! -e "$work/typo.db"
done

finish
