// The policies `yardstick lab run` compares by default: time norms, relative ratings, estimated
// potential, and Yardstick's absolute-scale rules on raw and on calibrated grades (with the
// framework's thresholds unless others are given) — and, after a threshold sweep, the rules on
// calibrated grades with the tuned thresholds ("Yardstick tuned"). Pure.
#pragma once

#include <optional>
#include <vector>

#include "lab/policy.h"
#include "lab/simulation.h"
#include "model/framework.h"

namespace yardstick::lab {

struct StandardPolicyOptions {
  double time_norm_years = 2;
  double relative_quota = 0.15;
  /// The absolute rules' thresholds; the framework's own when unset.
  std::optional<model::PromotionPolicy> thresholds;
  /// When set, a sixth policy: the rules on calibrated grades with these thresholds.
  std::optional<model::PromotionPolicy> tuned;
};

std::vector<PolicyFactory> StandardPolicies(const model::Framework& framework,
                                            const SimulationOptions& simulation,
                                            const StandardPolicyOptions& options = {});

}  // namespace yardstick::lab
