// Relative ratings: each person is rated against the expectations of their own level, and
// "exceeds expectations" — the manager's grade a whole grade or more above the grade held — means
// a promotion, within a quota: at most quota × (people holding the grade), rounded, per grade and
// cycle, the furthest above first (ties: the lower slot). Raw grades, no calibration: the
// traditional review. Stateless. Pure.
#pragma once

#include "lab/policy.h"

namespace yardstick::lab {

class RelativeRatingPolicy : public Policy {
 public:
  /// |quota|: the share of each grade that may be promoted per cycle (0 to 1).
  explicit RelativeRatingPolicy(double quota) : quota_(quota) {}
  void Decide(const CycleView& view, std::span<Verdict> verdicts) override;

 private:
  double quota_;
};

/// "relative ratings (quota 15%)".
PolicyFactory RelativeRatingPolicyFactory(double quota);

}  // namespace yardstick::lab
