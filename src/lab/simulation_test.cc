// The simulated organisation under each policy, on small runs: what the policies promise holds
// inside a real simulation, and everything is deterministic.
#include "lab/simulation.h"

#include <cmath>
#include <cstring>
#include <map>

#include <gtest/gtest.h>

#include "lab/absolute_rules_policy.h"
#include "lab/lab_runner.h"
#include "lab/relative_rating_policy.h"
#include "lab/standard_policies.h"
#include "lab/time_norm_policy.h"
#include "lab_fixture.h"

namespace yardstick::lab {
namespace {

using testing::EngineeringLadder;
using testing::SpyPolicy;

SimulationOptions Small() {
  SimulationOptions options;
  options.people = 160;
  options.cycles = 12;
  return options;
}

bool SameOutcomes(const std::vector<PolicyOutcome>& a, const std::vector<PolicyOutcome>& b) {
  if (a.size() != b.size()) return false;
  for (size_t p = 0; p < a.size(); ++p) {
    if (a[p].replications.size() != b[p].replications.size()) return false;
    for (size_t r = 0; r < a[p].replications.size(); ++r) {
      // Bitwise: NaN (nothing measured) must match NaN.
      if (std::memcmp(a[p].replications[r].data(), b[p].replications[r].data(), sizeof(Outcomes)) !=
          0) {
        return false;
      }
    }
  }
  return true;
}

TEST(LabSimulation, DeterministicBySeedAndForAnyNumberOfThreads) {
  const model::Framework& ladder = EngineeringLadder();
  LabRunOptions options;
  options.simulation = Small();
  options.replications = 4;
  options.seed = 7;
  const std::vector<PolicyFactory> policies = StandardPolicies(ladder, options.simulation);
  options.threads = 1;
  const std::vector<PolicyOutcome> one = RunLab(options, ladder, policies);
  options.threads = 3;
  const std::vector<PolicyOutcome> three = RunLab(options, ladder, policies);
  EXPECT_TRUE(SameOutcomes(one, three));
  EXPECT_TRUE(SameOutcomes(one, RunLab(options, ladder, policies)));
  options.seed = 8;
  EXPECT_FALSE(SameOutcomes(one, RunLab(options, ladder, policies)));
  // Replications differ from each other (they are not one run repeated).
  EXPECT_NE(
      std::memcmp(one[0].replications[0].data(), one[0].replications[1].data(), sizeof(Outcomes)),
      0);
}

TEST(LabSimulation, PoliciesStartFromTheSameOrganisation) {
  const model::Framework& ladder = EngineeringLadder();
  const SimulationOptions options = Small();
  TimeNormPolicy time_norms(4);
  RelativeRatingPolicy relative(0.15);
  const ReplicationHistory a = Simulate(options, ladder, time_norms, 3);
  const ReplicationHistory b = Simulate(options, ladder, relative, 3);
  ASSERT_GE(a.stays.size(), 160u);
  ASSERT_GE(b.stays.size(), 160u);
  for (size_t k = 0; k < 160; ++k) {
    EXPECT_EQ(a.stays[k].cycles[0].held, b.stays[k].cycles[0].held);
    EXPECT_EQ(a.stays[k].cycles[0].ability, b.stays[k].cycles[0].ability);
  }
}

TEST(LabSimulation, UnderTimeNormsNobodyIsPromotedBeforeKYearsInGrade) {
  const model::Framework& ladder = EngineeringLadder();
  const SimulationOptions options = Small();
  constexpr int kCycles = 4;  // two years of half-year cycles
  int promotions = 0;
  SpyPolicy policy(std::make_unique<TimeNormPolicy>(kCycles),
                   [&](const CycleView& view, std::span<const Verdict> verdicts) {
                     for (size_t slot = 0; slot < verdicts.size(); ++slot) {
                       if (verdicts[slot].next_grade <= view.people[slot].held) continue;
                       ++promotions;
                       EXPECT_GE(view.people[slot].cycles_in_grade, kCycles);
                     }
                   });
  const ReplicationHistory history = Simulate(options, ladder, policy, 5);
  EXPECT_GT(promotions, 20);
  // The history agrees: after a promotion, the next comes K cycles later at the earliest.
  for (const Stay& stay : history.stays) {
    int last_promotion = -1;
    for (size_t k = 1; k < stay.cycles.size(); ++k) {
      if (stay.cycles[k].held <= stay.cycles[k - 1].held) continue;
      if (last_promotion >= 0) {
        EXPECT_GE(static_cast<int>(k) - last_promotion, kCycles);
      }
      last_promotion = static_cast<int>(k);
    }
  }
}

TEST(LabSimulation, RelativeRatingsKeepToTheirQuota) {
  const model::Framework& ladder = EngineeringLadder();
  const SimulationOptions options = Small();
  int promotions = 0;
  SpyPolicy policy(std::make_unique<RelativeRatingPolicy>(0.1),
                   [&](const CycleView& view, std::span<const Verdict> verdicts) {
                     std::map<int, int> holding;
                     std::map<int, int> promoted;
                     for (size_t slot = 0; slot < verdicts.size(); ++slot) {
                       const int held = view.people[slot].held;
                       ++holding[held];
                       if (verdicts[slot].next_grade > held) ++promoted[held];
                     }
                     for (const auto& [grade, count] : promoted) {
                       promotions += count;
                       EXPECT_LE(count, std::floor(0.1 * holding[grade] + 0.5)) << grade;
                     }
                   });
  Simulate(options, ladder, policy, 5);
  EXPECT_GT(promotions, 0);
}

TEST(LabSimulation, WithoutNoiseTheAbsoluteRulesPromoteFarAboveWithinOneCycle) {
  const model::Framework& ladder = EngineeringLadder();
  SimulationOptions options = Small();
  options.rating_noise = 0;
  options.leniency_sd = 0;
  options.rank_noise = 0;
  options.hire_noise = 2;  // many hired far below their ability
  for (Evidence evidence : {Evidence::kRawGrades, Evidence::kCalibrated}) {
    int far_above = 0;
    SpyPolicy policy(std::make_unique<AbsoluteRulesPolicy>(ladder, ladder.policies.promotion,
                                                           evidence, 0.5, "ic"),
                     [&](const CycleView& view, std::span<const Verdict> verdicts) {
                       for (size_t slot = 0; slot < verdicts.size(); ++slot) {
                         const PersonView& person = view.people[slot];
                         if (person.raw_grade < person.held + 2.5) continue;  // clearly far above
                         ++far_above;
                         EXPECT_GT(verdicts[slot].next_grade, person.held)
                             << "cycle " << view.cycle << ": held " << person.held << ", graded "
                             << person.raw_grade;
                       }
                     });
    Simulate(options, ladder, policy, 11);
    EXPECT_GT(far_above, 10);
  }
}

TEST(LabSimulation, RefusesOptionsOutOfRange) {
  const model::Framework& ladder = EngineeringLadder();
  SimulationOptions options = Small();
  EXPECT_TRUE(ValidateSimulationOptions(options, ladder).ok());
  options.people = 1;
  EXPECT_FALSE(ValidateSimulationOptions(options, ladder).ok());
  options = Small();
  options.rating_noise = -1;
  EXPECT_FALSE(ValidateSimulationOptions(options, ladder).ok());
  options = Small();
  options.track = "nobody";
  EXPECT_FALSE(ValidateSimulationOptions(options, ladder).ok());
}

}  // namespace
}  // namespace yardstick::lab
