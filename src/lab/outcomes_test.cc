#include "lab/outcomes.h"

#include <cmath>

#include <gtest/gtest.h>

namespace yardstick::lab {
namespace {

double Get(const Outcomes& outcomes, Metric metric) {
  return outcomes[static_cast<size_t>(metric)];
}

/// A stay from (ability, grade held, top) per cycle; pay 100 per grade held, value 100 per grade
/// of ability.
Stay MakeStay(int first_cycle, int stable_grade, bool left,
              std::vector<std::tuple<double, int, bool>> cycles) {
  Stay stay;
  stay.first_cycle = first_cycle;
  stay.stable_grade = stable_grade;
  stay.left = left;
  for (const auto& [ability, held, top] : cycles) {
    stay.cycles.push_back({static_cast<float>(ability), static_cast<float>(100.0 * held),
                           static_cast<float>(100.0 * ability), static_cast<std::int8_t>(held),
                           top});
  }
  return stay;
}

TEST(LabOutcomes, ArithmeticOnAHandMadeHistory) {
  ReplicationHistory history;
  history.cycles = 4;
  history.cycle_years = 0.5;
  // Rises from 3 to 5; promoted 3 → 4 (right: ability 4.0) then 4 → 5 (wrong: 4.4 rounds to 4,
  // and stays wrong one cycle until the ability reaches 5). Reaches stable grade 5 after 2 cycles.
  history.stays.push_back(
      MakeStay(0, 5, false, {{3.0, 3, false}, {4.0, 4, false}, {4.4, 5, true}, {5.0, 5, true}}));
  // Held above their ability (2.2 rounds to 2) both cycles, then leaves while a top performer.
  history.stays.push_back(MakeStay(0, 2, true, {{2.2, 3, false}, {2.2, 3, true}}));
  // Never reaches stable grade 6 in their 2 cycles: counts 2 cycles (restricted mean).
  history.stays.push_back(MakeStay(2, 6, false, {{5.0, 4, false}, {5.2, 4, false}}));
  const Outcomes outcomes = MeasureOutcomes(history);

  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kCyclesToStable), (2.0 + 2.0) / 2);
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kReachedStable), 0.5);
  // 8 person-cycles = 4 person-years; 2 promotions.
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kPromotionsPerYear), 2.0 / 4);
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kWrongPromotions), 0.5);
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kWrongPromotionCycles), 1.0);
  // Above: the 4.4-at-5 cycle and both 2.2-at-3 cycles; below: both 5.x-at-4 cycles.
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kAboveAbility), 3.0 / 8);
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kBelowAbility), 2.0 / 8);
  // Top: 3 person-cycles (1.5 person-years), one of them the last before leaving.
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kTopLeaving), 1 / 1.5);
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kLeaving), 1 / 4.0);
  const double pay = 100.0 * (3 + 4 + 5 + 5 + 3 + 3 + 4 + 4);
  const double value = 100.0 * (3.0 + 4.0 + 4.4 + 5.0 + 2.2 + 2.2 + 5.0 + 5.2);
  EXPECT_NEAR(Get(outcomes, Metric::kCostPerValue), pay / value, 1e-6);
}

TEST(LabOutcomes, NothingToMeasureIsNaN) {
  ReplicationHistory history;
  history.stays.push_back(MakeStay(0, 3, false, {{3.0, 3, false}}));
  const Outcomes outcomes = MeasureOutcomes(history);
  EXPECT_TRUE(std::isnan(Get(outcomes, Metric::kWrongPromotions)));
  EXPECT_TRUE(std::isnan(Get(outcomes, Metric::kCyclesToStable)));
  EXPECT_TRUE(std::isnan(Get(outcomes, Metric::kTopLeaving)));
  EXPECT_DOUBLE_EQ(Get(outcomes, Metric::kAboveAbility), 0);
}

TEST(LabOutcomes, TrueGradeIsTheNearestGrade) {
  EXPECT_EQ(TrueGrade(7.49), 7);
  EXPECT_EQ(TrueGrade(7.5), 8);
  EXPECT_EQ(TrueGrade(0.2), 0);
}

TEST(LabOutcomes, SummaryIsAMeanWithAStudentTInterval) {
  const std::vector<double> values{1, 2, 3, 4, NAN};
  const Estimate estimate = Summarise(values);
  EXPECT_EQ(estimate.replications, 4);
  EXPECT_DOUBLE_EQ(estimate.mean, 2.5);
  // sd = √(5/3), 3 degrees of freedom: t = 3.182.
  EXPECT_NEAR(estimate.half_width, 3.182 * std::sqrt(5.0 / 3) / 2, 0.01);
  EXPECT_DOUBLE_EQ(Summarise(std::vector<double>{7}).half_width, 0);
  EXPECT_TRUE(std::isnan(Summarise(std::vector<double>{NAN}).mean));
}

}  // namespace
}  // namespace yardstick::lab
