#include "lab/relative_rating_policy.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <vector>

#include <fmt/format.h>

namespace yardstick::lab {

/// "Exceeds expectations for the level": the manager's grade at least this far above.
constexpr double kExceedsBy = 1.0;

void RelativeRatingPolicy::Decide(const CycleView& view, std::span<Verdict> verdicts) {
  std::map<int, int> holding;                                       // grade → people holding it
  std::map<int, std::vector<std::pair<double, size_t>>> exceeding;  // grade → (−gap, slot)
  for (size_t slot = 0; slot < view.people.size(); ++slot) {
    const PersonView& person = view.people[slot];
    ++holding[person.held];
    const double gap = person.raw_grade - person.held;
    if (gap >= kExceedsBy) exceeding[person.held].emplace_back(-gap, slot);
  }
  for (auto& [grade, candidates] : exceeding) {
    const auto quota = static_cast<size_t>(std::floor(quota_ * holding[grade] + 0.5));
    std::sort(candidates.begin(), candidates.end());
    for (size_t k = 0; k < candidates.size() && k < quota; ++k) {
      verdicts[candidates[k].second].next_grade = grade + 1;
    }
  }
}

PolicyFactory RelativeRatingPolicyFactory(double quota) {
  return {"relative", fmt::format("relative ratings (quota {:g}%)", quota * 100),
          [quota](const model::Framework&, uint64_t) {
            return std::make_unique<RelativeRatingPolicy>(quota);
          }};
}

}  // namespace yardstick::lab
