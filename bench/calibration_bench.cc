// Calibration speed on synthetic cycles: the whole fit (variance components, Newton with stack
// ranks, standard errors) and the generator, at a few sizes. Accuracy is measured by
// bench/calibration_vs_lme4.sh and the engine's tests; here each run also reports the RMSE against
// the generator's truth as a counter, so a speed-up that costs accuracy shows.
#include <cmath>
#include <unordered_map>

#include <benchmark/benchmark.h>

#include "engine/calibration.h"
#include "engine/synthetic_cycle.h"

namespace yardstick::engine {
namespace {

SyntheticCycle Cycle(int people) {
  SyntheticCycleOptions options;
  options.people = people;
  options.seed = 42;
  return *GenerateSyntheticCycle(options);
}

void BM_Calibrate(benchmark::State& state) {
  const SyntheticCycle cycle = Cycle(static_cast<int>(state.range(0)));
  CalibrationOptions options;
  options.use_ranks = state.range(1) != 0;
  double rmse = 0;
  for (auto _ : state) {
    Result<CalibrationResult> result = Calibrate(cycle.input, options);
    benchmark::DoNotOptimize(result);
    std::unordered_map<std::string, double> truth;
    state.PauseTiming();
    for (const SyntheticPerson& person : cycle.people) truth[person.id] = person.level;
    double sum = 0;
    for (const PersonEstimate& person : result->people) {
      sum += std::pow(person.level - truth[person.person_id], 2);
    }
    rmse = std::sqrt(sum / result->people.size());
    state.ResumeTiming();
  }
  state.counters["people"] = static_cast<double>(cycle.people.size());
  state.counters["rmse"] = rmse;
}
BENCHMARK(BM_Calibrate)
    ->ArgsProduct({{2000, 20000, 200000}, {0, 1}})
    ->ArgNames({"people", "ranks"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_GenerateSyntheticCycle(benchmark::State& state) {
  SyntheticCycleOptions options;
  options.people = static_cast<int>(state.range(0));
  for (auto _ : state) {
    benchmark::DoNotOptimize(GenerateSyntheticCycle(options));
  }
}
BENCHMARK(BM_GenerateSyntheticCycle)->Arg(20000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace yardstick::engine

BENCHMARK_MAIN();
