# Shared by the CLI end-to-end scripts, sourced with the script's arguments:
#   source "$(dirname "$0")/expect.sh" "$@"     # YARDSTICK_BINARY SOURCE_DIR
# sets $yardstick and $source_dir, makes a scratch directory $work (removed on exit), and defines
# `expect NAME COMMAND...`, which counts COMMAND's success as a pass and prints NAME when it
# fails, and `finish`, which prints the tally and fails if anything did.
set -uo pipefail
yardstick="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
passed=0
failed=0

expect() {
  local name="$1"; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

finish() {
  echo "$passed passed, $failed failed"
  test "$failed" -eq 0
}
