#!/usr/bin/env bash
# End-to-end checks of `yardstick lab run` and `yardstick lab tune`: output, files, determinism,
# errors. Small organisations, so it runs in seconds.
# Usage: lab_commands_test.sh YARDSTICK_BINARY SOURCE_DIR
source "$(dirname "$0")/expect.sh" "$@"

ladder="$source_dir/frameworks/engineering.yaml"
small=(--framework "$ladder" --people 120 --cycles 6 --replications 3 --quiet)

"$yardstick" lab run "${small[@]}" --csv "$work/run.csv" --html "$work/run.html" >"$work/out" 2>"$work/err"
expect "run exits 0" test $? -eq 0
expect "run names every policy" grep -q "time norms  *relative  *potential  *Yardstick raw  *Yardstick calibrated" "$work/out"
expect "run shows intervals" grep -q "wrong promotions .*% ± " "$work/out"
expect "run is quiet with --quiet" test ! -s "$work/err"
expect "csv: a header and a row per policy and outcome" test "$(wc -l <"$work/run.csv")" -eq 51
expect "csv header" grep -q "^policy,label,outcome,mean,ci_low,ci_high,replications" "$work/run.csv"
expect "html page" grep -q "<title>Promotion policy lab</title>" "$work/run.html"
expect "html inlines Chart.js" grep -q "Chart.js v4" "$work/run.html"

# Deterministic by seed, whatever the number of threads.
"$yardstick" lab run "${small[@]}" --threads 1 >"$work/one"
"$yardstick" lab run "${small[@]}" --threads 3 >"$work/three"
expect "same output for 1 and 3 threads" cmp -s "$work/one" "$work/three"
expect "same output as the first run" cmp -s "$work/one" "$work/out"
"$yardstick" lab run "${small[@]}" --seed 2 >"$work/other"
expect "another seed, other numbers" bash -c "! cmp -s '$work/one' '$work/other'"

"$yardstick" lab run "${small[@]}" --policies time-norms,yardstick-raw >"$work/two"
expect "--policies chooses" grep -q "^outcome  *time norms  *Yardstick raw$" "$work/two"

# One command for the experiment: the sweep, then the comparison with the tuned setting too.
"$yardstick" lab run "${small[@]}" --tune --tune-replications 2 --max-wrong-promotions 100 \
  --html "$work/both.html" >"$work/both"
expect "run --tune exits 0" test $? -eq 0
expect "run --tune prints the frontier" grep -q "^The frontier: " "$work/both"
expect "run --tune adds the tuned policy" grep -q "Yardstick calibrated  *Yardstick tuned$" "$work/both"
expect "run --tune html has both" grep -q 'id="frontier-chart"' "$work/both.html"

# Errors: a message that says what to do, exit 2.
"$yardstick" lab run "${small[@]}" --policies time-norm 2>"$work/err"
expect "unknown policy exits 2" test $? -eq 2
expect "unknown policy suggests" grep -q "no policy 'time-norm' (did you mean 'time-norms'?)" "$work/err"
"$yardstick" lab run --framework "$ladder" --people 1 2>"$work/err"
expect "too few people exits 2" test $? -eq 2
expect "too few people says so" grep -q "people must be 2 to 10,000,000, not 1" "$work/err"
"$yardstick" lab run "${small[@]}" --far-above 1 --slightly-above 1.5 2>"$work/err"
expect "slightly above far exits 2" test $? -eq 2
expect "slightly above far says so" grep -q "\-\-slightly-above must be below --far-above" "$work/err"
"$yardstick" lab run "${small[@]}" --track nobody 2>"$work/err"
expect "unknown track exits 2" test $? -eq 2
expect "unknown track says so" grep -q "has no track 'nobody'" "$work/err"
"$yardstick" lab run --framework "$work/missing.yaml" 2>"$work/err"
expect "missing framework exits 2" test $? -eq 2
"$yardstick" lab run --help >"$work/help"
expect "run --help explains" grep -q "estimated potential" "$work/help"

# Tuning on a small grid, with the spreads of a demo cycle's calibration.
"$yardstick" demo init --db "$work/demo.db" --frameworks "$source_dir/frameworks" --people 150 \
  --today 2026-06-01 >/dev/null 2>&1
expect "demo database made" test -s "$work/demo.db"
"$yardstick" lab tune "${small[@]}" --far-above-values 1.5,2 --slightly-above-values 0.5 \
  --periods-values 2,3 --max-wrong-promotions 100 --db "$work/demo.db" \
  --from-cycle engineering-2025-h2 --csv "$work/tune.csv" --html "$work/tune.html" \
  >"$work/out" 2>"$work/err"
expect "tune exits 0" test $? -eq 0
expect "tune says what it measured" grep -q "measured in cycle engineering-2025-h2, group engineering" "$work/err"
expect "tune prints the frontier" grep -q "^The frontier: .* of 4 settings" "$work/out"
expect "tune recommends" grep -q "^Recommended (\*) for at most 100% wrong promotions" "$work/out"
expect "tune csv: a row per setting" test "$(wc -l <"$work/tune.csv")" -eq 5
expect "tune html has the frontier" grep -q 'id="frontier-chart"' "$work/tune.html"
"$yardstick" lab tune "${small[@]}" --db "$work/demo.db" --from-cycle nope 2>"$work/err"
expect "unknown cycle exits 2" test $? -eq 2
expect "unknown cycle says so" grep -q "^yardstick lab tune: --from-cycle: " "$work/err"
"$yardstick" lab tune "${small[@]}" --far-above-values 1 --slightly-above-values 1 2>"$work/err"
expect "an empty grid exits 2" test $? -eq 2

# Or from the CSV files `yardstick calibrate` reads: a synthetic cycle with known spreads.
"$yardstick" calibrate synth --people 400 --rating-noise 1.2 --leniency-sd 0.4 \
  --out-dir "$work/synth" >/dev/null 2>&1
"$yardstick" lab tune "${small[@]}" --far-above-values 2 --slightly-above-values 0.5 \
  --periods-values 2 --ratings "$work/synth/ratings.csv" --ranks "$work/synth/ranks.csv" \
  >"$work/out" 2>"$work/err"
expect "tune --ratings exits 0" test $? -eq 0
expect "tune --ratings says what it measured" grep -q "^measured in $work/synth/ratings.csv (500 ratings): rating noise 1\.[0-9]*, leniency spread 0\.[0-9]*" "$work/err"
expect "tune --ratings uses it" grep -q "rating noise 1\.[0-9]*, leniency spread 0\.[0-9]*, rank noise" "$work/out"
"$yardstick" lab tune "${small[@]}" --ratings "$work/synth/ratings.csv" --from-cycle x 2>"$work/err"
expect "--ratings and --from-cycle exclude each other" test $? -eq 2

finish
