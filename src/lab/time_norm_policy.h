// Time norms: everyone not failing is promoted one grade every K years in grade — the policy the
// reference paper argues against (it rewards staying, not contributing). "Failing" is the
// manager's grade falling a whole grade or more under the grade held. Stateless. Pure.
#pragma once

#include "lab/policy.h"

namespace yardstick::lab {

class TimeNormPolicy : public Policy {
 public:
  /// Promotes after |cycles_per_promotion| cycles in grade (at least 1).
  explicit TimeNormPolicy(int cycles_per_promotion) : cycles_(cycles_per_promotion) {}
  void Decide(const CycleView& view, std::span<Verdict> verdicts) override;

 private:
  int cycles_;
};

/// "time norms (every K y)", for cycles of |cycle_years|.
PolicyFactory TimeNormPolicyFactory(double years, double cycle_years);

}  // namespace yardstick::lab
