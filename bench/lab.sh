#!/usr/bin/env bash
# The policy lab's target (issue 7): 10,000 people × 40 cycles × 100 replications under
# Yardstick's rules on calibrated grades (a calibration per cycle), on 2 threads, with the release
# build. Prints the machine, the load, the `yardstick lab run` summary line and the wall time.
# Usage: bench/lab.sh [PEOPLE] [CYCLES] [REPLICATIONS] [THREADS]
set -euo pipefail
cd "$(dirname "$0")/.."
people="${1:-10000}"
cycles="${2:-40}"
replications="${3:-100}"
threads="${4:-2}"
cmake --preset release >/dev/null
cmake --build --preset release --target yardstick >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "commit:  $(git rev-parse --short HEAD), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
build/release/yardstick lab run --people "$people" --cycles "$cycles" \
  --replications "$replications" --threads "$threads" --policies yardstick-calibrated \
  >/dev/null
end=$(date +%s.%N)
echo "wall: $(echo "$end - $start" | bc) s for $people people × $cycles cycles × $replications replications on $threads threads"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
