# Shared by the CLI end-to-end scripts: `expect NAME COMMAND...` counts COMMAND's success as a
# pass and prints NAME when it fails; `finish` prints the tally and fails if anything did.
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
