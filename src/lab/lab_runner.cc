#include "lab/lab_runner.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "engine/random.h"

namespace yardstick::lab {
std::vector<PolicyOutcome> RunLab(const LabRunOptions& options, const model::Framework& framework,
                                  std::span<const PolicyFactory> policies,
                                  const ProgressCallback& progress) {
  const int replications = options.replications;
  std::vector<PolicyOutcome> out(policies.size());
  for (size_t p = 0; p < policies.size(); ++p) {
    out[p].label = policies[p].label;
    out[p].policy = policies[p].name;
    out[p].replications.resize(replications);
  }
  // The raters' spreads are the same in every replication: estimated once, from the first cycle
  // of the first replication's organisation, when a policy calibrates.
  SimulationOptions simulation = options.simulation;
  const bool calibrates = std::any_of(policies.begin(), policies.end(), [&](const auto& policy) {
    return policy.make(framework, 0)->needs_calibration();
  });
  if (calibrates && !simulation.rater_spreads && replications > 0) {
    simulation.rater_spreads =
        EstimateRaterSpreads(simulation, framework, engine::DeriveSeed(options.seed, 0));
  }
  const int total = static_cast<int>(policies.size()) * replications;
  std::atomic<int> next{0};
  std::mutex progress_mutex;
  int done = 0;
  auto work = [&] {
    for (int item = next++; item < total; item = next++) {
      const size_t policy = static_cast<size_t>(item / replications);
      const int replication = item % replications;
      const std::uint64_t seed =
          engine::DeriveSeed(options.seed, static_cast<std::uint64_t>(replication));
      std::unique_ptr<Policy> instance =
          policies[policy].make(framework, engine::DeriveSeed(seed, 0xC0FFEE));
      const ReplicationHistory history = Simulate(simulation, framework, *instance, seed);
      out[policy].replications[replication] = MeasureOutcomes(history);
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        progress(++done, total);
      }
    }
  };
  const int threads = std::clamp(options.threads, 1, std::max(1, total));
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (std::thread& worker : workers) worker.join();
  for (PolicyOutcome& outcome : out) outcome.summary = SummariseOutcomes(outcome.replications);
  return out;
}

}  // namespace yardstick::lab
