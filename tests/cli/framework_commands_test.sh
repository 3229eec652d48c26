#!/usr/bin/env bash
# End-to-end checks of `yardstick framework …`: exit codes, output and files written.
# Usage: framework_commands_test.sh YARDSTICK_BINARY SOURCE_DIR
source "$(dirname "$0")/expect.sh" "$@"

# Two broken files: check reports the errors of both, in file order, and exits 1.
cat > "$work/a.yaml" <<'YAML'
format: yardstick/v1
id: a
name: A
scale: {grades: [A, B, C, D]}
tracks: [{id: ic, name: IC}]
levels:
  - {id: L1, name: One, grades: A-C}
  - {id: L2, name: Two, grades: C-D}
YAML
cat > "$work/b.yaml" <<'YAML'
format: yardstick/v1
id: b
name: B
scale: {grades: [A, B]}
tracks: [{id: ic, name: IC}]
levles: []
YAML
"$yardstick" framework check "$work/a.yaml" "$work/b.yaml" >"$work/out" 2>"$work/err"
status=$?
expect "check exits 1 on errors" test "$status" -eq 1
expect "check reports file a" grep -qx "$work/a.yaml:8:33: error: on track 'ic', level 'L2' (C-D) overlaps level 'L1' (A-C)" "$work/out"
expect "check reports file b" grep -qx "$work/b.yaml:6:1: error: unknown key 'levles' in framework (did you mean 'levels'?)" "$work/out"
expect "check summarises" grep -qx "checked 2 files: 2 errors" "$work/err"

# A missing file is a usage error (exit 2), not a pass.
"$yardstick" framework check "$work/missing.yaml" >/dev/null 2>&1
expect "check exits 2 on a missing file" test $? -eq 2

# The built-in ladders pass check and strict lint.
"$yardstick" framework check "$source_dir"/frameworks/*.yaml >/dev/null 2>&1
expect "built-in ladders pass check" test $? -eq 0
"$yardstick" framework lint --strict "$source_dir"/frameworks/*.yaml >"$work/lint" 2>&1
expect "built-in ladders pass strict lint" test $? -eq 0

# Lint warns without failing, unless --strict.
cat > "$work/vague.yaml" <<'YAML'
format: yardstick/v1
id: vague
name: Vague
scale: {grades: [A, B]}
tracks: [{id: ic, name: IC}]
areas: [{id: craft, name: Craft}]
levels:
  - id: L1
    name: One
    grades: A-B
    criteria:
      craft: [Has a deep understanding of the codebase.]
YAML
"$yardstick" framework lint "$work/vague.yaml" >"$work/out" 2>&1
expect "lint exits 0 on warnings" test $? -eq 0
expect "lint names the term" grep -q "says 'deep'" "$work/out"
"$yardstick" framework lint --strict "$work/vague.yaml" >/dev/null 2>&1
expect "lint --strict exits 1 on warnings" test $? -eq 1

# Import writes a framework that passes check, and refuses to overwrite without --force.
cat > "$work/ladder.md" <<'MD'
# Tiny ladder

## L1 Associate
### Delivery
- Ships tasks that a senior has broken down.

## L2 Core
### Delivery
- Breaks a project into tasks and ships them without a plan from a senior.
MD
"$yardstick" framework import "$work/ladder.md" -o "$work/ladder.yaml" 2>"$work/err"
expect "import exits 0" test $? -eq 0
"$yardstick" framework check "$work/ladder.yaml" >/dev/null 2>&1
expect "imported ladder passes check" test $? -eq 0
"$yardstick" framework import "$work/ladder.md" -o "$work/ladder.yaml" >/dev/null 2>&1
expect "import refuses to overwrite" test $? -eq 2
"$yardstick" framework import "$work/ladder.md" -o "$work/ladder.yaml" --force >/dev/null 2>&1
expect "import --force overwrites" test $? -eq 0

# Site writes an index and a page per track; refuses a broken framework and writes nothing.
"$yardstick" framework site "$source_dir/frameworks/engineering.yaml" -o "$work/site" >/dev/null 2>&1
expect "site exits 0" test $? -eq 0
expect "site has an index" test -s "$work/site/index.html"
expect "site has a page per track" test -s "$work/site/track-ic.html" -a -s "$work/site/track-manager.html"
"$yardstick" framework site "$work/a.yaml" -o "$work/broken-site" >/dev/null 2>&1
expect "site refuses a broken framework" test $? -eq 1
expect "site wrote nothing for it" test ! -e "$work/broken-site"

finish
