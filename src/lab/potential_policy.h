// Estimated potential (CEP): a guess of how far each person will go, formed at hiring from little
// evidence (PersonView::impression) and sticky afterwards — each cycle it moves only a small share
// of the way the manager's grade says (guess += (1 − stickiness) × (grade − grade held)). The
// guess drives the speed: someone the guess puts two or more grades above the grade held is a
// "high flyer", promoted every `fast` cycles; someone it puts above by less, every `slow` cycles;
// nobody the guess does not put above their grade is promoted, however they perform. Failing
// (the manager's grade a whole grade under the grade held) stops a promotion. Keeps the guess per
// slot between cycles. Pure.
#pragma once

#include <vector>

#include "lab/policy.h"

namespace yardstick::lab {

struct PotentialPolicyOptions {
  double stickiness = 0.9;  ///< 0 to 1: the share of the old guess kept each cycle
  int fast = 2;             ///< cycles in grade before a high flyer's promotion
  int slow = 4;             ///< … before anyone else's the guess puts above their grade
};

class PotentialPolicy : public Policy {
 public:
  explicit PotentialPolicy(const PotentialPolicyOptions& options) : options_(options) {}
  void Decide(const CycleView& view, std::span<Verdict> verdicts) override;
  /// The current guess for |slot| (after the last Decide), for tests.
  [[nodiscard]] double guess(size_t slot) const { return guesses_.at(slot); }

 private:
  PotentialPolicyOptions options_;
  std::vector<double> guesses_;
};

/// "estimated potential".
PolicyFactory PotentialPolicyFactory(const PotentialPolicyOptions& options);

}  // namespace yardstick::lab
