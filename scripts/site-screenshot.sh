#!/usr/bin/env bash
# Renders a built ladder site with headless Chromium, to look at it (or attach to a review).
#
#   scripts/site-screenshot.sh SITE_DIR OUT_DIR [WIDTHxHEIGHT]
#
# Writes OUT_DIR/<page>.png for every *.html page of SITE_DIR (default window 1280x2000),
# phone-width shots (390 px) of index.html and the first track page (OUT_DIR/<page>-phone.png),
# and a PDF of the first track page (OUT_DIR/<track page>.pdf) to check the print stylesheet.
# Needs Debian's `chromium`.
set -euo pipefail

if [[ $# -lt 2 ]]; then
  echo "usage: $0 SITE_DIR OUT_DIR [WIDTHxHEIGHT]" >&2
  exit 2
fi
site_dir=$(cd "$1" && pwd)
out_dir=$2
window=${3:-1280x2000}
width=${window%x*}
height=${window#*x}

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium_bin" ]]; then
  echo "$0: chromium not found (apt-get install -y chromium)" >&2
  exit 1
fi
mkdir -p "$out_dir"
out_dir=$(cd "$out_dir" && pwd)

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

# One headless run; the extra arguments say what to produce.
render() {
  "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" "$@" >/dev/null 2>&1
}

shopt -s nullglob
pages=("$site_dir"/*.html)
if [[ ${#pages[@]} -eq 0 ]]; then
  echo "$0: no .html pages in $site_dir" >&2
  exit 1
fi

for page in "${pages[@]}"; do
  name=$(basename "$page" .html)
  render --window-size="$width,$height" --screenshot="$out_dir/$name.png" "file://$page"
  echo "$out_dir/$name.png"
done

# Phone width: the overview and the first track page.
tracks=("$site_dir"/track-*.html)
phone_pages=("$site_dir/index.html")
[[ ${#tracks[@]} -gt 0 ]] && phone_pages+=("${tracks[0]}")
for page in "${phone_pages[@]}"; do
  [[ -f "$page" ]] || continue
  name=$(basename "$page" .html)
  render --window-size=390,1600 --screenshot="$out_dir/$name-phone.png" "file://$page"
  echo "$out_dir/$name-phone.png"
done

# Paper: the print stylesheet, on the first track page.
if [[ ${#tracks[@]} -gt 0 ]]; then
  name=$(basename "${tracks[0]}" .html)
  render --no-pdf-header-footer --print-to-pdf="$out_dir/$name.pdf" "file://${tracks[0]}"
  echo "$out_dir/$name.pdf"
fi
