#include "lab/tuning.h"

#include <cmath>

#include <gtest/gtest.h>

#include "lab_fixture.h"

namespace yardstick::lab {
namespace {

TuningPoint Point(double far, double cycles_to_stable, double wrong) {
  TuningPoint point;
  point.thresholds.far_above = far;
  point.summary[static_cast<size_t>(Metric::kCyclesToStable)].mean = cycles_to_stable;
  point.summary[static_cast<size_t>(Metric::kWrongPromotions)].mean = wrong;
  return point;
}

TEST(LabTuning, TheFrontierAndTheFastestWithinTheLimit) {
  TuningResult result;
  result.max_wrong_promotions = 0.10;
  result.points = {Point(1, 5.0, 0.30), Point(2, 6.0, 0.12), Point(3, 6.5, 0.08),
                   Point(4, 7.0, 0.09), Point(5, 8.0, 0.02), Point(6, 6.4, NAN)};
  ChooseThresholds(result);
  EXPECT_TRUE(result.points[0].on_frontier);  // fastest
  EXPECT_TRUE(result.points[1].on_frontier);
  EXPECT_TRUE(result.points[2].on_frontier);
  EXPECT_FALSE(result.points[3].on_frontier);  // slower and more wrong than the third
  EXPECT_TRUE(result.points[4].on_frontier);   // fewest wrong
  EXPECT_FALSE(result.points[5].on_frontier);  // nothing measured counts as worst
  ASSERT_TRUE(result.recommended.has_value());
  EXPECT_EQ(*result.recommended, 2u);  // the fastest at most 10% wrong
  result.max_wrong_promotions = 0.01;
  ChooseThresholds(result);
  EXPECT_FALSE(result.recommended.has_value());
}

TEST(LabTuning, SweepsOnlySettingsWithSlightlyBelowFar) {
  const model::Framework& ladder = testing::EngineeringLadder();
  LabRunOptions options;
  options.simulation.people = 80;
  options.simulation.cycles = 4;
  options.replications = 2;
  TuningGrid grid{{1.0, 2.0}, {0.5, 1.5}, {2}};
  const TuningResult result =
      Tune(options, ladder, ladder.policies.promotion, grid, Evidence::kRawGrades, 1.0);
  ASSERT_EQ(result.points.size(), 3u);  // (1, 0.5), (2, 0.5), (2, 1.5)
  EXPECT_EQ(result.points[2].thresholds.slightly_above, 1.5);
  EXPECT_EQ(result.points[2].thresholds.periods, 2);
  EXPECT_TRUE(result.recommended.has_value());  // a limit of 100% admits every setting
}

}  // namespace
}  // namespace yardstick::lab
