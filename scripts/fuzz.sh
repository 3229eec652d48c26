#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a while (default 60 s), seeded with
# the built-in ladders and the Markdown fixtures. Not part of CI; run it before touching the
# loader or the importer. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_framework_loader fuzz_markdown_import

run() {
  local target="$1"; shift
  local corpus="build/fuzz/corpus/$target"
  local artifacts="build/fuzz/artifacts/$target/"
  mkdir -p "$corpus" "$artifacts"
  for seed in "$@"; do [ -f "$seed" ] && cp "$seed" "$corpus/" || true; done
  echo "fuzz: $target for ${seconds}s (corpus $corpus, crashes go to $artifacts)"
  "build/fuzz/$target" -max_total_time="$seconds" -max_len=16384 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus" 2>&1 | tail -n 12
}

run fuzz_framework_loader frameworks/*.yaml
run fuzz_markdown_import tests/ladder/markdown/*.md
echo "fuzz: no crash in ${seconds}s per target"
