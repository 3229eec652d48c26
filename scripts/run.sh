#!/usr/bin/env bash
# The main job of `make run`: validate and lint the built-in ladders, publish each as a static
# site under SITE_DIR, fill the embedded SQLite database (yardstick.db, the default --db, or
# $YARDSTICK_DB) with the demo organisation unless it already holds people, give a few demo people
# accounts (printed), and serve the web app on http://127.0.0.1:${PORT:-8080}/ until Ctrl-C.
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

# Demo accounts: one person per role, all with the same demo password (printed; the demo database
# is for trying Yardstick out, never for real people).
password="yardstick demo password"
people_team="$("$yardstick" role list --db "$db" 2>/dev/null | awk '$2 == "people-team" { print $1; exit }')"
executive="$("$yardstick" role list --db "$db" 2>/dev/null | awk '$2 == "executive" { print $1; exit }')"
calibrator="$("$yardstick" role list --db "$db" 2>/dev/null | awk '$2 == "calibrator" { print $1; exit }')"
employee="$("$yardstick" people list --db "$db" 2>/dev/null | awk 'NR > 1 { last = $1 } END { print last }')"
team_manager="$("$yardstick" people show "$employee" --db "$db" 2>/dev/null | awk '$1 == "Manager" { print $2 }')"
declare -A demo=([people-team]="$people_team" [executive]="$executive" [calibrator]="$calibrator"
                 [manager]="$team_manager" [employee]="$employee")
echo
echo "Demo accounts (password: $password):"
for role in people-team executive calibrator manager employee; do
  person="${demo[$role]}"
  [ -n "$person" ] || continue
  if ! "$yardstick" user list --as "$people_team" --db "$db" 2>/dev/null | grep -q "^$person "; then
    echo "$password" | "$yardstick" user add "$person" --password-stdin --as "$people_team" --db "$db" >/dev/null
  fi
  printf '  %-12s %s\n' "$role" "$person"
done

web_root=()
if [ -f web/dist/index.html ]; then web_root=(--web-root web/dist); fi
echo
exec "$yardstick" serve --db "$db" --port "${PORT:-8080}" "${web_root[@]}"
