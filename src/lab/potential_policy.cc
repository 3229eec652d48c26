#include "lab/potential_policy.h"

#include <cmath>

namespace yardstick::lab {

/// A manager's grade this far under the grade held is failing.
constexpr double kFailingBelow = 1.0;
/// A guess this many grades above the grade held makes a high flyer.
constexpr double kHighFlyer = 2.0;

void PotentialPolicy::Decide(const CycleView& view, std::span<Verdict> verdicts) {
  if (guesses_.size() != view.people.size()) guesses_.assign(view.people.size(), 0.0);
  for (size_t slot = 0; slot < view.people.size(); ++slot) {
    const PersonView& person = view.people[slot];
    double& guess = guesses_[slot];
    if (view.cycle == 0 || person.tenure == 0) {
      guess = person.impression;  // a new face: the impression formed at hiring
    } else {
      guess += (1 - options_.stickiness) * (person.raw_grade - person.held);
    }
    const double above = std::floor(guess) - person.held;
    if (above < 1 || person.raw_grade <= person.held - kFailingBelow) continue;
    const int wait = above >= kHighFlyer ? options_.fast : options_.slow;
    if (person.cycles_in_grade >= wait) verdicts[slot].next_grade = person.held + 1;
  }
}

PolicyFactory PotentialPolicyFactory(const PotentialPolicyOptions& options) {
  return {"potential", "estimated potential", [options](const model::Framework&, uint64_t) {
            return std::make_unique<PotentialPolicy>(options);
          }};
}

}  // namespace yardstick::lab
