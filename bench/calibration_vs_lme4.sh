#!/usr/bin/env bash
# Calibration against R's lme4 on the same synthetic files: accuracy, honesty of the standard
# errors, time and peak memory, side by side.
#
# Usage: bench/calibration_vs_lme4.sh [PEOPLE …]        (default: 2000 20000 200000 1000000)
# Environment:
#   YARDSTICK        the program (default build/release/yardstick: cmake --preset release &&
#                    cmake --build --preset release)
#   LME4_MAX_PEOPLE  lme4 runs only up to this size (default 20000; it needs minutes beyond)
#   TIME_LIMIT       seconds any one run may take before it is stopped (default 300)
#   SEED             generator seed (default 1); WORK_DIR keeps the files (default: a temp dir)
#
# For each size: `yardstick calibrate synth` writes ratings.csv, ranks.csv and truth.csv; then
# yardstick fits the ratings alone (--no-ranks) and with the stack ranks, lme4 fits
# rating ~ 1 + (1|person) + (1|rater) and computes conditional variances (bench/lme4_fit.R), and
# bench/score.R compares each with the truth. Times are wall-clock of the whole program (reading
# CSV, fitting, standard errors, writing), peak memory is the maximum resident set size, both
# from /usr/bin/time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
yardstick=${YARDSTICK:-$root/build/release/yardstick}
lme4_max=${LME4_MAX_PEOPLE:-20000}
time_limit=${TIME_LIMIT:-300}
seed=${SEED:-1}
work=${WORK_DIR:-$(mktemp -d -t yardstick-bench.XXXXXX)}
mkdir -p "$work"
sizes=("$@")
[[ ${#sizes[@]} -eq 0 ]] && sizes=(2000 20000 200000 1000000)

[[ -x $yardstick ]] || { echo "no $yardstick: build the release preset first" >&2; exit 2; }

declare -A seconds peak_mib
# run NAME COMMAND…: runs it under time and a time limit, records seconds and peak MiB.
run() {
  local name=$1
  shift
  if /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$time_limit" "$@" \
      >"$work/$name.out" 2>"$work/$name.err"; then
    read -r elapsed kib <"$work/time.txt"
    seconds[$name]=$elapsed
    peak_mib[$name]=$((kib / 1024))
  else
    seconds[$name]="failed"
    peak_mib[$name]="-"
    echo "  $name failed or exceeded ${time_limit} s; see $work/$name.err" >&2
  fi
}

echo "# calibration vs lme4 — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, seed $seed"
echo "# $("$yardstick" --version), $(R --version | head -1), lme4 $(Rscript -e 'cat(format(packageVersion("lme4")))')"
for people in "${sizes[@]}"; do
  dir=$work/n$people
  mkdir -p "$dir"
  "$yardstick" calibrate synth --people "$people" --seed "$seed" --out-dir "$dir" 2>/dev/null
  seconds=() peak_mib=()
  run yardstick_ratings_only "$yardstick" calibrate --no-ranks --ratings "$dir/ratings.csv" \
    --out "$dir/yardstick_ratings_only.csv"
  run yardstick_with_ranks "$yardstick" calibrate --ratings "$dir/ratings.csv" \
    --ranks "$dir/ranks.csv" --out "$dir/yardstick_with_ranks.csv"
  estimates=("$dir/yardstick_ratings_only.csv" "$dir/yardstick_with_ranks.csv")
  if ((people <= lme4_max)); then
    run lme4 Rscript "$root/bench/lme4_fit.R" "$dir/ratings.csv" "$dir/lme4.csv"
    [[ ${seconds[lme4]} != failed ]] && estimates=("$dir/lme4.csv" "${estimates[@]}")
  fi
  existing=()
  for file in "${estimates[@]}"; do [[ -f $file ]] && existing+=("$file"); done
  echo
  echo "## $people people ($(($(wc -l <"$dir/ratings.csv") - 1)) ratings)"
  printf "%-24s %8s %10s %9s %9s\n" method rmse cover90 seconds peak_MiB
  while read -r name rmse coverage; do
    printf "%-24s %8s %10s %9s %9s\n" "$name" "$rmse" "$coverage" "${seconds[$name]:--}" \
      "${peak_mib[$name]:--}"
  done < <(Rscript "$root/bench/score.R" "$dir/truth.csv" "$dir/ratings.csv" "${existing[@]}")
  [[ -f $work/lme4.out ]] && ((people <= lme4_max)) && sed 's/^/  /' "$work/lme4.out"
  grep -h "^calibrated" "$work/yardstick_with_ranks.err" | sed 's/^/  yardstick: /' || true
done
[[ -z ${WORK_DIR:-} ]] && rm -rf "$work"
exit 0
