// Yardstick's absolute-scale rules, applied by the decision engine itself (engine::Decide) with
// the thresholds under test in place of the framework's (model::PromotionPolicy: how far above is
// "far", how far is "slightly", for how many cycles, at what confidence): far above → promote now,
// slightly above for the last few cycles → promote one grade, bonuses for performing above the
// grade held. Either on the manager's raw grades (no standard error: every gap is taken at face
// value) or on the calibrated results with their standard errors. Keeps each person's recent
// results between cycles. Pure.
#pragma once

#include <vector>

#include "engine/decision_rules.h"
#include "lab/policy.h"
#include "model/framework.h"
#include "model/person.h"

namespace yardstick::lab {

enum class Evidence { kRawGrades, kCalibrated };

class AbsoluteRulesPolicy : public Policy {
 public:
  /// |framework|'s scale, levels, pay and bonus policy, with |thresholds| for promotions; cycles
  /// of |cycle_years| (their share of the pay period is the bonus's).
  AbsoluteRulesPolicy(const model::Framework& framework, const model::PromotionPolicy& thresholds,
                      Evidence evidence, double cycle_years, std::string track);
  [[nodiscard]] bool needs_calibration() const override {
    return evidence_ == Evidence::kCalibrated;
  }
  void Decide(const CycleView& view, std::span<Verdict> verdicts) override;

 private:
  model::Framework framework_;
  Evidence evidence_;
  engine::DecideOptions decide_options_;
  std::string track_;
  size_t kept_ = 1;  ///< past results kept per person: as many as any rule looks back
  std::vector<model::Person> people_;
  std::vector<engine::PersonRecord> records_;
};

/// "Yardstick rules, raw grades (far 2, slightly 0.5 × 3)" and likewise.
PolicyFactory AbsoluteRulesPolicyFactory(const model::PromotionPolicy& thresholds,
                                         Evidence evidence, double cycle_years,
                                         const std::string& track);

/// The thresholds in a few words: "far 2, slightly 0.5 × 3, 80%".
std::string DescribeThresholds(const model::PromotionPolicy& thresholds);

}  // namespace yardstick::lab
