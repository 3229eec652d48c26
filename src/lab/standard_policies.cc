#include "lab/standard_policies.h"

#include "lab/absolute_rules_policy.h"
#include "lab/potential_policy.h"
#include "lab/relative_rating_policy.h"
#include "lab/time_norm_policy.h"

namespace yardstick::lab {

std::vector<PolicyFactory> StandardPolicies(const model::Framework& framework,
                                            const SimulationOptions& simulation,
                                            const StandardPolicyOptions& options) {
  const model::PromotionPolicy thresholds =
      options.thresholds.value_or(framework.policies.promotion);
  std::vector<PolicyFactory> policies{
      TimeNormPolicyFactory(options.time_norm_years, simulation.cycle_years),
      RelativeRatingPolicyFactory(options.relative_quota),
      PotentialPolicyFactory({}),
      AbsoluteRulesPolicyFactory(thresholds, Evidence::kRawGrades, simulation.cycle_years,
                                 simulation.track),
      AbsoluteRulesPolicyFactory(thresholds, Evidence::kCalibrated, simulation.cycle_years,
                                 simulation.track),
  };
  if (options.tuned) {
    PolicyFactory tuned = AbsoluteRulesPolicyFactory(*options.tuned, Evidence::kCalibrated,
                                                     simulation.cycle_years, simulation.track);
    tuned.label = "Yardstick tuned";
    tuned.name = "Yardstick rules, calibrated, tuned (" + DescribeThresholds(*options.tuned) + ")";
    policies.push_back(std::move(tuned));
  }
  return policies;
}

}  // namespace yardstick::lab
