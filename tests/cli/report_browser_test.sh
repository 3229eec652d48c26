#!/usr/bin/env bash
# The cycle report's HTML page in a real browser: Debian's chromium, headless, with no network,
# loads the page from a file, Chart.js draws every chart (a drawn canvas has its size set by the
# library) and no script fails. scripts/install-deps.sh installs chromium; without it the test
# fails, saying so.
# Usage: report_browser_test.sh YARDSTICK_BINARY SOURCE_DIR
source "$(dirname "$0")/expect.sh" "$@"
chromium="$(command -v chromium || true)"
if [ -z "$chromium" ]; then
  echo "FAILED: chromium is not installed (run scripts/install-deps.sh) — the page cannot be checked in a browser"
  exit 1
fi
export YARDSTICK_DB="$work/org.db"
"$yardstick" demo init --people 60 --seed 3 --today 2026-11-21 \
  --frameworks "$source_dir/frameworks" >/dev/null 2>&1
expect "demo init succeeds" test $? -eq 0
"$yardstick" cycle report engineering-2026-h1 --as E000001 --html "$work/report.html" \
  >/dev/null 2>&1
expect "the report is written" test -s "$work/report.html"
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --no-first-run --user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
  --dump-dom "file://$work/report.html" >"$work/dom" 2>"$work/log"
expect "chromium loads the page" grep -q "</html>" "$work/dom"
grep -o '<canvas[^>]*>' "$work/dom" >"$work/canvases"
expect "the page has a chart per group and one by team" test "$(wc -l <"$work/canvases")" -ge 2
expect "Chart.js drew every chart" test "$(grep -c 'style="display: block; box-sizing: border-box' "$work/canvases")" -eq "$(wc -l <"$work/canvases")"
if grep -i "uncaught\|Refused to" "$work/log"; then
  expect "no script error and nothing refused by the page's policy" false
fi
finish
