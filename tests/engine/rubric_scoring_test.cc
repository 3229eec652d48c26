// Scoring the built-in product ladder's points rubric (engine/rubric_scoring.h).
#include "engine/rubric_scoring.h"

#include <gtest/gtest.h>

#include "base/file.h"
#include "ladder/framework_loader.h"

namespace yardstick::engine {
namespace {

const model::Rubric& Product() {
  static const model::Framework framework = [] {
    Result<std::string> yaml =
        ReadTextFile(std::string(YARDSTICK_SOURCE_DIR) + "/frameworks/product.yaml");
    EXPECT_TRUE(yaml.ok());
    ladder::LoadedFramework loaded = ladder::LoadFramework(yaml.ok() ? *yaml : "");
    EXPECT_TRUE(loaded.ok());
    return loaded.framework;
  }();
  return *framework.rubric;
}

const std::vector<SourceScore> kScores = {
    {"persuasion", "director", 5}, {"persuasion", "teammates", 6},  {"product", "ux-designer", 4},
    {"product", "fellow-pms", 5},  {"engineering", "engineers", 3}, {"teamwork", "team", 6},
};

TEST(RubricScoringTest, AreasAreMeansOfTheirSourcesAndOutcomesAreWeightedByInvolvement) {
  Result<RubricScoring> scoring =
      ScoreRubric(Product(), kScores, {{"Checkout redesign", 10, 0.5}, {"Agency portal", 8, 0.25}});
  ASSERT_TRUE(scoring.ok()) << scoring.status().message();
  ASSERT_EQ(scoring->areas.size(), 4u);
  EXPECT_DOUBLE_EQ(scoring->areas[0].mean, 5.5);
  EXPECT_DOUBLE_EQ(scoring->areas[1].mean, 4.5);
  EXPECT_DOUBLE_EQ(scoring->outcome_points, 7);  // 10 × 0.5 + 8 × 0.25
  EXPECT_DOUBLE_EQ(scoring->total, 26);          // 5.5 + 4.5 + 3 + 6 + 7
  EXPECT_EQ(scoring->rounded, 26);
  EXPECT_EQ(scoring->grade, "H");  // 25-27 → H
}

TEST(RubricScoringTest, OutcomesAreCappedAndTotalsRoundHalfUp) {
  Result<RubricScoring> capped = ScoreRubric(Product(), kScores, {{"A", 14, 1}, {"B", 14, 1}});
  ASSERT_TRUE(capped.ok());
  EXPECT_DOUBLE_EQ(capped->outcome_points, 14);
  Result<RubricScoring> half = ScoreRubric(Product(), kScores, {{"A", 13, 0.5}});  // 19 + 6.5
  ASSERT_TRUE(half.ok());
  EXPECT_DOUBLE_EQ(half->total, 25.5);
  EXPECT_EQ(half->rounded, 26);
}

TEST(RubricScoringTest, EveryMistakeIsNamed) {
  std::vector<SourceScore> scores = kScores;
  scores.push_back({"persuasoin", "director", 5});
  EXPECT_EQ(ScoreRubric(Product(), scores, {}).status().message(),
            "unknown rubric area 'persuasoin' (did you mean 'persuasion'?)");
  scores.back() = {"persuasion", "ceo", 5};
  EXPECT_EQ(ScoreRubric(Product(), scores, {}).status().message(),
            "'ceo' does not score persuasion: its sources are director, teammates");
  scores.back() = {"persuasion", "director", 5};
  EXPECT_EQ(ScoreRubric(Product(), scores, {}).status().message(),
            "director scores persuasion twice");
  scores.pop_back();
  scores[0].points = 9;
  EXPECT_EQ(ScoreRubric(Product(), scores, {}).status().message(),
            "director gives persuasion 9 points; it is scored 1-7");
  EXPECT_EQ(ScoreRubric(Product(), {kScores.begin(), kScores.end() - 1}, {}).status().message(),
            "teamwork has no score (its sources: team)");
  EXPECT_EQ(ScoreRubric(Product(), kScores, {{"X", 5, 1.5}}).status().message(),
            "outcome 'X': involvement 1.5 is not a share between 0 and 1");
}

}  // namespace
}  // namespace yardstick::engine
