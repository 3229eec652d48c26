// Each policy on hand-made cycles: what it promotes and what it does not.
#include <vector>

#include <gtest/gtest.h>

#include "lab/absolute_rules_policy.h"
#include "lab/potential_policy.h"
#include "lab/relative_rating_policy.h"
#include "lab/time_norm_policy.h"
#include "lab_fixture.h"

namespace yardstick::lab {
namespace {

/// Verdicts preset as the simulator presets them: no change, no bonus.
std::vector<Verdict> Unchanged(const std::vector<PersonView>& people) {
  std::vector<Verdict> verdicts;
  for (const PersonView& person : people) verdicts.push_back({person.held, 0});
  return verdicts;
}

PersonView Person(int held, double raw_grade, int cycles_in_grade = 1, int tenure = 4) {
  PersonView view;
  view.held = held;
  view.raw_grade = raw_grade;
  view.calibrated = raw_grade;
  view.cycles_in_grade = cycles_in_grade;
  view.tenure = tenure;
  return view;
}

TEST(LabTimeNorms, PromotesAfterKCyclesInGradeUnlessFailing) {
  TimeNormPolicy policy(4);
  const std::vector<PersonView> people{Person(5, 9, 3), Person(5, 5, 4), Person(5, 4, 6),
                                       Person(5, 4.5, 6)};
  std::vector<Verdict> verdicts = Unchanged(people);
  policy.Decide({0, false, people}, verdicts);
  EXPECT_EQ(verdicts[0].next_grade, 5);  // far above, but only 3 cycles in grade
  EXPECT_EQ(verdicts[1].next_grade, 6);  // at level, 4 cycles: promoted
  EXPECT_EQ(verdicts[2].next_grade, 5);  // a whole grade under: failing
  EXPECT_EQ(verdicts[3].next_grade, 6);
}

TEST(LabRelativeRatings, PromotesOnlyExceedsWithinTheQuotaFurthestFirst) {
  RelativeRatingPolicy policy(0.25);
  // Eight people hold grade 5 (quota 2), three of them exceed; one holds 7 (quota 0.25 → 0).
  std::vector<PersonView> people{Person(5, 6.0), Person(5, 8.0), Person(5, 5.0),
                                 Person(5, 7.0), Person(5, 5.0), Person(5, 5.9),
                                 Person(5, 4.0), Person(5, 5.0), Person(7, 9.0)};
  std::vector<Verdict> verdicts = Unchanged(people);
  policy.Decide({0, false, people}, verdicts);
  EXPECT_EQ(verdicts[1].next_grade, 6);  // 3 above
  EXPECT_EQ(verdicts[3].next_grade, 6);  // 2 above
  EXPECT_EQ(verdicts[0].next_grade, 5);  // exceeds by 1, but the quota is used up
  EXPECT_EQ(verdicts[5].next_grade, 5);  // 0.9 above: meets
  EXPECT_EQ(verdicts[8].next_grade, 7);  // alone at grade 7: a quota of 0
}

TEST(LabPotential, TheEarlyGuessIsStickyAndDrivesSpeed) {
  PotentialPolicy policy({0.9, 2, 4});
  // Slot 0: a weak first impression (grade 5.5) who performs 3 grades above grade 5 every cycle.
  // Slot 1: a "high flyer" impression (grade 9) who performs at level.
  std::vector<PersonView> people{Person(5, 8, 1, 0), Person(5, 5, 1, 0)};
  people[0].impression = 5.5;
  people[1].impression = 9.0;
  std::vector<int> promoted_at(2, -1);
  for (int cycle = 0; cycle < 4; ++cycle) {
    std::vector<Verdict> verdicts = Unchanged(people);
    policy.Decide({cycle, false, people}, verdicts);
    for (size_t slot = 0; slot < people.size(); ++slot) {
      if (verdicts[slot].next_grade > people[slot].held && promoted_at[slot] < 0) {
        promoted_at[slot] = cycle;
      }
      ++people[slot].tenure;
      ++people[slot].cycles_in_grade;
    }
  }
  // The guess moved 10% of the way each cycle: 5.5 + 3 × 0.3 = 6.4 after 4 cycles.
  EXPECT_NEAR(policy.guess(0), 5.5 + 3 * 0.3, 1e-9);
  EXPECT_EQ(promoted_at[1], 1);  // the high flyer: after 2 cycles in grade, at level
  EXPECT_EQ(promoted_at[0], 3);  // the strong performer: only once the guess passed 6, slowly
}

TEST(LabAbsoluteRules, FarAboveIsPromotedNowOnRawAndOnCalibratedGrades) {
  const model::Framework& ladder = testing::EngineeringLadder();
  for (Evidence evidence : {Evidence::kRawGrades, Evidence::kCalibrated}) {
    AbsoluteRulesPolicy policy(ladder, ladder.policies.promotion, evidence, 0.5, "ic");
    std::vector<PersonView> people{Person(5, 8), Person(5, 5.6), Person(5, 5)};
    for (PersonView& person : people) person.se = 0.1;
    std::vector<Verdict> verdicts = Unchanged(people);
    policy.Decide({0, true, people}, verdicts);
    // Far above: promoted now, to the grade the evidence supports (with 80% confidence).
    EXPECT_EQ(verdicts[0].next_grade, evidence == Evidence::kRawGrades ? 8 : 7);
    EXPECT_GT(verdicts[0].bonus, 0);
    EXPECT_EQ(verdicts[1].next_grade, 5) << "slightly above once: not yet";
    EXPECT_EQ(verdicts[2].next_grade, 5);
    EXPECT_EQ(verdicts[2].bonus, 0);
  }
}

TEST(LabAbsoluteRules, SlightlyAboveForThePeriodsIsPromotedAndANewPersonStartsAfresh) {
  const model::Framework& ladder = testing::EngineeringLadder();
  AbsoluteRulesPolicy policy(ladder, ladder.policies.promotion, Evidence::kRawGrades, 0.5, "ic");
  std::vector<PersonView> people{Person(5, 6), Person(5, 6)};
  for (int cycle = 0; cycle < 3; ++cycle) {
    if (cycle == 2) people[1].tenure = 0;  // slot 1 left and was refilled
    std::vector<Verdict> verdicts = Unchanged(people);
    policy.Decide({cycle, false, people}, verdicts);
    EXPECT_EQ(verdicts[0].next_grade, cycle == 2 ? 6 : 5) << "cycle " << cycle;
    EXPECT_EQ(verdicts[1].next_grade, 5) << "cycle " << cycle;
  }
}

}  // namespace
}  // namespace yardstick::lab
