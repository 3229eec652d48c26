#include "model/framework.h"

#include <gtest/gtest.h>

#include "framework_fixture.h"
#include "model/framework_validation.h"

namespace yardstick::model {
namespace {

using testing::FrameworkFixture;

/// Two tracks that share L1-L2 and split above: IC goes on to L3, managers to M3.
Framework SplitLadder() {
  return FrameworkFixture("A B C D E F")
      .Track("ic")
      .Track("manager")
      .Area("craft")
      .Area("people", {"manager"})
      .Cumulative()
      .Level("L1", "A-B", {"ic", "manager"})
      .Criterion("craft", "Ships tasks a senior has broken down.")
      .Level("L2", "C-D")
      .Criterion("craft", "Breaks a project into tasks.")
      .Level("L3", "E-F", {"ic"})
      .Criterion("craft", "Decides between viable designs.")
      .Level("M3", "E-F", {"manager"})
      .Criterion("people", "Runs the team's hiring loop.")
      .Build();
}

std::vector<std::string> Ids(const std::vector<const Level*>& levels) {
  std::vector<std::string> ids;
  for (const Level* level : levels) ids.push_back(level->id);
  return ids;
}

std::vector<std::string> Texts(const std::vector<const Criterion*>& criteria) {
  std::vector<std::string> texts;
  for (const Criterion* criterion : criteria) texts.push_back(criterion->text);
  return texts;
}

TEST(Framework, SplitLadderIsValid) {
  EXPECT_TRUE(Validate(SplitLadder()).empty()) << Validate(SplitLadder()).Format("split");
}

TEST(Framework, ScaleIndexesGradesFromZero) {
  const Framework f = SplitLadder();
  EXPECT_EQ(f.scale.IndexOf("A"), 0);
  EXPECT_EQ(f.scale.IndexOf("F"), 5);
  EXPECT_EQ(f.scale.IndexOf("Z"), -1);
  EXPECT_EQ(f.scale.size(), 6);
}

TEST(Framework, TracksListSharedLevelsThenTheirOwn) {
  const Framework f = SplitLadder();
  EXPECT_EQ(Ids(f.LevelsOfTrack("ic")), (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(Ids(f.LevelsOfTrack("manager")), (std::vector<std::string>{"L1", "L2", "M3"}));
  EXPECT_TRUE(f.LevelsOfTrack("nobody").empty());
  EXPECT_EQ(f.TracksOf(*f.FindLevel("L2")), (std::vector<std::string>{"ic", "manager"}));
  EXPECT_EQ(f.TracksOf(*f.FindLevel("M3")), (std::vector<std::string>{"manager"}));
}

TEST(Framework, LevelsOfTrackAreOrderedByBandNotByFileOrder) {
  const Framework f =
      FrameworkFixture("A B C D").Track("ic").Level("high", "C-D").Level("low", "A-B").Build();
  EXPECT_EQ(Ids(f.LevelsOfTrack("ic")), (std::vector<std::string>{"low", "high"}));
}

TEST(Framework, LevelAtFindsTheBandHoldingAGrade) {
  const Framework f = SplitLadder();
  EXPECT_EQ(f.LevelAt("ic", 0)->id, "L1");
  EXPECT_EQ(f.LevelAt("ic", 3)->id, "L2");
  EXPECT_EQ(f.LevelAt("ic", 4)->id, "L3");
  EXPECT_EQ(f.LevelAt("manager", 5)->id, "M3");
  EXPECT_EQ(f.LevelAt("ic", 6), nullptr);
  EXPECT_EQ(f.LevelAt("ic", -1), nullptr);
}

TEST(Framework, CumulativeCriteriaInheritFromLowerLevelsOfTheSameTrack) {
  const Framework f = SplitLadder();
  EXPECT_EQ(Texts(f.CriteriaFor(*f.FindLevel("L3"), "ic")),
            (std::vector<std::string>{"Ships tasks a senior has broken down.",
                                      "Breaks a project into tasks.",
                                      "Decides between viable designs."}));
  EXPECT_EQ(
      Texts(f.CriteriaFor(*f.FindLevel("M3"), "manager")),
      (std::vector<std::string>{"Ships tasks a senior has broken down.",
                                "Breaks a project into tasks.", "Runs the team's hiring loop."}));
}

TEST(Framework, NonCumulativeCriteriaAreTheLevelsOwn) {
  Framework f = SplitLadder();
  f.cumulative_criteria = false;
  EXPECT_EQ(Texts(f.CriteriaFor(*f.FindLevel("L3"), "ic")),
            (std::vector<std::string>{"Decides between viable designs."}));
}

TEST(Framework, PositionBoundsResolveLevelsAndGrades) {
  const Framework f = SplitLadder();
  EXPECT_EQ(f.ResolveBound("L2"), std::make_pair(2, 3));
  EXPECT_EQ(f.ResolveBound("E"), std::make_pair(4, 4));
  EXPECT_EQ(f.ResolveBound("L9"), std::make_pair(-1, -1));
}

TEST(Framework, PayFamilyIsChosenByTrack) {
  Framework f = SplitLadder();
  f.pay.families.push_back({"eng", "Engineering", {"ic"}, {}, {}});
  f.pay.families.push_back({"mgmt", "Management", {"manager"}, {}, {}});
  EXPECT_EQ(f.PayFamilyFor("ic")->id, "eng");
  EXPECT_EQ(f.PayFamilyFor("manager")->id, "mgmt");
  EXPECT_EQ(f.PayFamilyFor("design"), nullptr);
}

TEST(Rubric, TotalsCountWeightedOutcomesFromZero) {
  Rubric rubric;
  rubric.areas.push_back({"a", "A", "", 1, 7, {"x"}, {}});
  rubric.areas.push_back({"b", "B", "", 1, 7, {"y"}, {}});
  rubric.outcomes = RubricOutcomes{};
  rubric.outcomes->min_points = 1;
  rubric.outcomes->max_points = 14;
  rubric.outcomes->weighted_by_involvement = true;
  EXPECT_EQ(rubric.MinTotal(), 2);
  EXPECT_EQ(rubric.MaxTotal(), 28);
  rubric.outcomes->weighted_by_involvement = false;
  EXPECT_EQ(rubric.MinTotal(), 3);
}

TEST(Validate, ReportsEveryProblemNotJustTheFirst) {
  Framework f = FrameworkFixture("A B C D")
                    .Track("ic")
                    .Level("L1", "A-C")
                    .Level("L2", "C-D")
                    .Level("L2", "Z")
                    .Build();
  const Diagnostics diagnostics = Validate(f);
  EXPECT_EQ(diagnostics.ErrorCount(), 3) << diagnostics.Format("f");
}

}  // namespace
}  // namespace yardstick::model
