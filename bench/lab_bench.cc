// The policy lab's speed (issue 7): person-cycles simulated per second, calibration included, for
// one replication of a 10,000-person organisation over 40 cycles under each policy that matters
// for speed — Yardstick's rules on calibrated grades (a calibration per cycle) and on raw grades
// (the rest of a cycle: rating, deciding, leaving). One thread: `yardstick lab run` spreads
// replications over --threads, so the whole run's rate is about threads × this (bench/lab.sh
// times the whole 10,000 × 40 × 100 run). The raters' spreads are estimated once, outside the
// timing, as `lab run` does for a whole run.
#include <benchmark/benchmark.h>

#include "base/file.h"
#include "lab/absolute_rules_policy.h"
#include "lab/outcomes.h"
#include "lab/simulation.h"
#include "ladder/framework_loader.h"

namespace yardstick::lab {
namespace {

const model::Framework& Engineering() {
  static const model::Framework framework =
      ladder::LoadFramework(*ReadTextFile(YARDSTICK_SOURCE_DIR "/frameworks/engineering.yaml"))
          .framework;
  return framework;
}

void BM_LabReplication(benchmark::State& state) {
  SimulationOptions options;
  options.people = static_cast<int>(state.range(0));
  options.cycles = static_cast<int>(state.range(1));
  const Evidence evidence = state.range(2) != 0 ? Evidence::kCalibrated : Evidence::kRawGrades;
  const model::Framework& framework = Engineering();
  // As RunLab does: the raters' spreads estimated once for the run, not per replication.
  if (evidence == Evidence::kCalibrated) {
    options.rater_spreads = EstimateRaterSpreads(options, framework, 0);
  }
  uint64_t seed = 1;
  for (auto _ : state) {
    AbsoluteRulesPolicy policy(framework, framework.policies.promotion, evidence,
                               options.cycle_years, options.track);
    const ReplicationHistory history = Simulate(options, framework, policy, seed++);
    benchmark::DoNotOptimize(MeasureOutcomes(history));
  }
  state.counters["person_cycles_per_s"] =
      benchmark::Counter(static_cast<double>(options.people) * options.cycles,
                         benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_LabReplication)
    ->ArgsProduct({{10000}, {40}, {1, 0}})
    ->ArgNames({"people", "cycles", "calibrated"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

}  // namespace
}  // namespace yardstick::lab

BENCHMARK_MAIN();
