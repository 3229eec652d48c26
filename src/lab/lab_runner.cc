#include "lab/lab_runner.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

namespace yardstick::lab {
namespace {

/// The seed of replication |replication| (SplitMix64 of the pair), and of its policy.
std::uint64_t Mix(std::uint64_t seed, std::uint64_t salt) {
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (salt + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

}  // namespace

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
  const int total = static_cast<int>(policies.size()) * replications;
  std::atomic<int> next{0};
  std::mutex progress_mutex;
  int done = 0;
  auto work = [&] {
    for (int item = next++; item < total; item = next++) {
      const size_t policy = static_cast<size_t>(item / replications);
      const int replication = item % replications;
      const std::uint64_t seed = Mix(options.seed, static_cast<std::uint64_t>(replication));
      std::unique_ptr<Policy> instance = policies[policy].make(framework, Mix(seed, 0xC0FFEE));
      const ReplicationHistory history = Simulate(options.simulation, framework, *instance, seed);
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
