#include "lab/time_norm_policy.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace yardstick::lab {

/// A manager's grade this far under the grade held is failing.
constexpr double kFailingBelow = 1.0;

void TimeNormPolicy::Decide(const CycleView& view, std::span<Verdict> verdicts) {
  for (size_t slot = 0; slot < view.people.size(); ++slot) {
    const PersonView& person = view.people[slot];
    const bool failing = person.raw_grade <= person.held - kFailingBelow;
    if (person.cycles_in_grade >= cycles_ && !failing) verdicts[slot].next_grade = person.held + 1;
  }
}

PolicyFactory TimeNormPolicyFactory(double years, double cycle_years) {
  const int cycles = std::max(1, static_cast<int>(std::lround(years / cycle_years)));
  return {"time norms", fmt::format("time norms (every {:g} y)", years),
          [cycles](const model::Framework&, uint64_t) {
            return std::make_unique<TimeNormPolicy>(cycles);
          }};
}

}  // namespace yardstick::lab
