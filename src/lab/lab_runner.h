// Running the policy lab: every policy over the same replications of the simulated organisation,
// replications spread over worker threads, each outcome measured as soon as its replication ends.
//
// Replication r of every policy starts from the same seed (derived from the run's seed and r), so
// the policies face the same organisations and the comparison is paired; the policies' own
// randomness has a stream of its own. When a policy calibrates, the raters' spreads are estimated
// once for the run (lab/simulation.h: EstimateRaterSpreads), unless the options give them. Results
// are placed by (policy, replication), so they are identical for any number of threads. Pure
// computation: no I/O (progress is reported through a callback). Thread-safe for distinct calls.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "lab/outcomes.h"
#include "lab/policy.h"
#include "lab/simulation.h"
#include "model/framework.h"

namespace yardstick::lab {

struct LabRunOptions {
  SimulationOptions simulation;
  int replications = 20;
  std::uint64_t seed = 1;
  int threads = 2;  ///< worker threads (at least 1)
};

struct PolicyOutcome {
  std::string label;                   ///< PolicyFactory::label
  std::string policy;                  ///< PolicyFactory::name
  std::vector<Outcomes> replications;  ///< in replication order
  std::array<Estimate, kMetricCount> summary;
};

/// Called with the replications done so far and the total, from the worker threads one at a
/// time; keep it quick.
using ProgressCallback = std::function<void(int done, int total)>;

/// Runs |policies| over options.replications replications each. Options must be valid
/// (ValidateSimulationOptions); the outcomes come back in the order of |policies|.
std::vector<PolicyOutcome> RunLab(const LabRunOptions& options, const model::Framework& framework,
                                  std::span<const PolicyFactory> policies,
                                  const ProgressCallback& progress = {});

}  // namespace yardstick::lab
