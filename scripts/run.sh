#!/usr/bin/env bash
# The main job of `make run`, for now: validate and lint the built-in ladders, then publish each
# as a static site under SITE_DIR. Opens nothing and starts no server.
# Usage: scripts/run.sh YARDSTICK_BINARY SITE_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
yardstick="$1"
site_dir="$2"

"$yardstick" framework check frameworks/*.yaml
"$yardstick" framework lint frameworks/*.yaml
for framework in frameworks/*.yaml; do
  name="$(basename "$framework" .yaml)"
  "$yardstick" framework site "$framework" -o "$site_dir/$name"
done
echo
echo "The built-in ladders are valid and published. Open them in a browser:"
for framework in frameworks/*.yaml; do
  echo "  file://$PWD/$site_dir/$(basename "$framework" .yaml)/index.html"
done
