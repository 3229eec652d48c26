// Levelling from evidence (engine/levelling.h) on a small ladder written inline.
#include "engine/levelling.h"

#include <gtest/gtest.h>

#include "ladder/framework_loader.h"

namespace yardstick::engine {
namespace {

constexpr const char* kLadder = R"(format: yardstick/v1
id: tiny
name: Tiny
scale: {grades: [A, B, C, D, E, F]}
tracks: [{id: ic, name: IC}]
areas: [{id: craft, name: Craft}, {id: team, name: Team}]
levels:
  - id: L1
    name: One
    grades: A-B
    guides: {typical_years: 0-2}
    criteria:
      craft: [Ships small changes with tests., Fixes their own bugs when found.]
      team: [Reports progress at check-ins.]
  - id: L2
    name: Two
    grades: C-D
    guides: {typical_years: 2-5}
    criteria:
      craft:
        - {id: plans, text: Plans a project of a few weeks into shippable steps.}
        - {text: Chooses between two designs and writes down why., weight: 2}
      team: [Reviews teammates' changes within a day.]
  - id: L3
    name: Three
    grades: E-F
    criteria:
      craft: [Designs a system other teams build on.]
      team: [Mentors two engineers to the next level.]
)";

const model::Framework& Tiny() {
  static const model::Framework framework = [] {
    ladder::LoadedFramework loaded = ladder::LoadFramework(kLadder);
    EXPECT_TRUE(loaded.ok()) << loaded.diagnostics.Format("tiny.yaml");
    return loaded.framework;
  }();
  return framework;
}

std::string Suggested(const std::set<std::string>& shown) {
  Result<LevellingSuggestion> s = SuggestLevel(Tiny(), "ic", shown);
  if (!s.ok()) return s.status().message();
  return s->level == nullptr ? "none" : s->level->id + " " + s->grade;
}

TEST(LevellingTest, CriteriaAreNamedByIdOrByLevelAreaAndPlace) {
  std::vector<std::string> handles;
  for (const CriterionHandle& h : TrackCriteria(Tiny(), "ic")) handles.push_back(h.handle);
  EXPECT_EQ(handles,
            (std::vector<std::string>{"L1/craft/1", "L1/craft/2", "L1/team/1", "plans",
                                      "L2/craft/2", "L2/team/1", "L3/craft/1", "L3/team/1"}));
}

TEST(LevellingTest, TheHighestLevelMetWithEveryLevelBelowIt) {
  const std::set<std::string> l1 = {"L1/craft/1", "L1/craft/2", "L1/team/1"};
  EXPECT_EQ(Suggested({}), "none");
  EXPECT_EQ(Suggested(l1), "L1 A");
  std::set<std::string> l2 = l1;
  l2.insert({"plans", "L2/craft/2", "L2/team/1"});
  EXPECT_EQ(Suggested(l2), "L2 C");
  // Everything of L2 but nothing of L1: L2 is not reached without the level below it.
  EXPECT_EQ(Suggested({"plans", "L2/craft/2", "L2/team/1"}), "none");
}

TEST(LevellingTest, WeightsCountAndAreasCompensateOnlySoFar) {
  const std::set<std::string> l1 = {"L1/craft/1", "L1/craft/2", "L1/team/1"};
  // L2 without "plans" (weight 1 of 4): 75% of the weight, every area at least half → met.
  std::set<std::string> most = l1;
  most.insert({"L2/craft/2", "L2/team/1"});
  EXPECT_EQ(Suggested(most), "L2 C");
  // L2 without its team criterion: 75% of the weight but the team area at 0% → not met; the
  // progress towards it still lifts the grade within L1's band (A-B) to B.
  std::set<std::string> no_team = l1;
  no_team.insert({"plans", "L2/craft/2"});
  EXPECT_EQ(Suggested(no_team), "L1 B");
}

TEST(LevellingTest, TheFrameworksLevellingPolicySetsTheThresholds) {
  std::set<std::string> no_team = {"L1/craft/1", "L1/craft/2", "L1/team/1", "plans", "L2/craft/2"};
  // A ladder that lets strength in one area make up fully for another meets L2 without its team
  // criterion; one that asks for all of a level's weight does not meet it with three quarters.
  ladder::LoadedFramework compensating =
      ladder::LoadFramework(std::string(kLadder) + "policies: {levelling: {area_share: 0%}}\n");
  ASSERT_TRUE(compensating.ok()) << compensating.diagnostics.Format("tiny.yaml");
  EXPECT_EQ(SuggestLevel(compensating.framework, "ic", no_team)->level->id, "L2");
  ladder::LoadedFramework strict = ladder::LoadFramework(
      std::string(kLadder) + "policies: {levelling: {level_share: 100%, area_share: 100%}}\n");
  ASSERT_TRUE(strict.ok()) << strict.diagnostics.Format("tiny.yaml");
  std::set<std::string> most = {"L1/craft/1", "L1/craft/2", "L1/team/1", "L2/craft/2", "L2/team/1"};
  EXPECT_EQ(SuggestLevel(strict.framework, "ic", most)->level->id, "L1");
  // Shares outside 0-100%, or an area share above the level share, are refused.
  ladder::LoadedFramework bad = ladder::LoadFramework(
      std::string(kLadder) + "policies: {levelling: {level_share: 60%, area_share: 70%}}\n");
  EXPECT_FALSE(bad.ok());
  EXPECT_NE(bad.diagnostics.Format("tiny.yaml")
                .find("levelling 'area_share' must lie between 0% "
                      "and 'level_share' (60%), found 70%"),
            std::string::npos)
      << bad.diagnostics.Format("tiny.yaml");
}

TEST(LevellingTest, ProgressTowardsTheNextLevelRaisesTheGradeWithinTheBand) {
  std::set<std::string> shown = {"L1/craft/1", "L1/craft/2", "L1/team/1", "L2/craft/2"};
  // Half of L2's weight (2 of 4) shown, not enough for L2: L1's band is A-B, half-way → B.
  EXPECT_EQ(Suggested(shown), "L1 B");
}

TEST(LevellingTest, YearsAreReportedButChangeNothing) {
  const std::set<std::string> l1 = {"L1/craft/1", "L1/craft/2", "L1/team/1"};
  Result<LevellingSuggestion> junior = SuggestLevel(Tiny(), "ic", l1, 1.0);
  Result<LevellingSuggestion> senior = SuggestLevel(Tiny(), "ic", l1, 15.0);
  ASSERT_TRUE(junior.ok() && senior.ok());
  EXPECT_EQ(junior->grade, senior->grade);
  EXPECT_EQ(senior->years_note,
            "15 years; L1 typically has 0-2 years (a soft guide only: the suggestion does not "
            "depend on it)");
}

TEST(LevellingTest, UnknownTracksAndCriteriaAreNamed) {
  EXPECT_EQ(SuggestLevel(Tiny(), "icc", {}).status().message(),
            "unknown track 'icc' in framework 'tiny' (did you mean 'ic'?)");
  EXPECT_EQ(Suggested({"plan"}),
            "'plan' is not a criterion of track 'ic' in framework 'tiny' (did you mean 'plans'?)");
}

}  // namespace
}  // namespace yardstick::engine
