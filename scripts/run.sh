#!/usr/bin/env bash
# The main job of `make run`, for now: validate and lint the built-in ladders, publish each as a
# static site under SITE_DIR, and fill the embedded SQLite database (yardstick.db, the default
# --db, or $YARDSTICK_DB) with the demo organisation unless it already holds people. Starts no
# server yet.
# Usage: scripts/run.sh YARDSTICK_BINARY SITE_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
yardstick="$1"
site_dir="$(realpath -m "$2")"

"$yardstick" framework check frameworks/*.yaml
"$yardstick" framework lint frameworks/*.yaml
for framework in frameworks/*.yaml; do
  name="$(basename "$framework" .yaml)"
  "$yardstick" framework site "$framework" -o "$site_dir/$name"
done
echo
echo "The built-in ladders are valid and published. Open them in a browser:"
for framework in frameworks/*.yaml; do
  echo "  file://$site_dir/$(basename "$framework" .yaml)/index.html"
done

db="${YARDSTICK_DB:-yardstick.db}"
echo
if [ -e "$db" ] && [ -n "$("$yardstick" people list --db "$db" --include-left 2>/dev/null | sed -n 2p)" ]; then
  echo "$db already holds an organisation; left as it is (delete it for a fresh demo)."
else
  "$yardstick" demo init --db "$db"
fi
manager="$("$yardstick" people list --db "$db" 2>/dev/null | awk 'NR == 2 { print $1 }')"
echo
echo "Try:"
echo "  $yardstick org tree $manager --db $db"
echo "  $yardstick people show $manager --db $db"
echo "  $yardstick people list --group engineering --level L3 --db $db"
echo "  $yardstick people export -o people.xlsx --db $db"
echo "  $yardstick db dump --db $db -o dump.json"
cycle="$("$yardstick" cycle list --db "$db" 2>/dev/null | awk 'NR == 2 { print $1 }')"
if [ -n "$cycle" ]; then
  echo "  $yardstick cycle list --db $db"
  echo "  $yardstick cycle show $cycle --db $db"
  people_team="$("$yardstick" role list --db "$db" 2>/dev/null | awk '$2 == "people-team" { print $1; exit }')"
  echo "  $yardstick cycle report $cycle --as $people_team --html report.html --db $db"
  echo "  $yardstick role list --db $db      # who runs cycles: pass --as PERSON_ID to act as them"
fi
