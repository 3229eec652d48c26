// The built-in ladders and the documented example must load without errors or lint warnings, and
// must say what the issue and the docs promise they say.
#include <filesystem>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include "base/file.h"
#include "ladder/framework_loader.h"
#include "ladder/lint.h"

namespace yardstick::ladder {
namespace {

const std::string kSource = YARDSTICK_SOURCE_DIR;

model::Framework LoadClean(const std::string& path) {
  const Result<std::string> text = ReadTextFile(path);
  EXPECT_TRUE(text.ok()) << text.status().message();
  if (!text.ok()) return {};
  const LoadedFramework loaded = LoadFramework(*text);
  EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.Format(path);
  const Diagnostics lint = LintFramework(loaded.framework);
  EXPECT_TRUE(lint.empty()) << lint.Format(path);
  return loaded.framework;
}

std::vector<std::string> LevelIds(const model::Framework& f, const std::string& track) {
  std::vector<std::string> ids;
  for (const model::Level* level : f.LevelsOfTrack(track)) ids.push_back(level->id);
  return ids;
}

TEST(DocsExample, TheFormatReferenceExampleIsValid) {
  const Result<std::string> doc = ReadTextFile(kSource + "/docs/framework-format.md");
  ASSERT_TRUE(doc.ok());
  const std::regex block("```yaml\n([\\s\\S]*?)```");
  std::smatch match;
  ASSERT_TRUE(std::regex_search(*doc, match, block)) << "no yaml example in the format reference";
  const LoadedFramework loaded = LoadFramework(match[1].str());
  EXPECT_TRUE(loaded.diagnostics.empty()) << loaded.diagnostics.Format("docs example");
  EXPECT_EQ(loaded.framework.levels.size(), 4u);
}

TEST(BuiltinFrameworks, Engineering) {
  const model::Framework f = LoadClean(kSource + "/frameworks/engineering.yaml");
  EXPECT_EQ(f.scale.size(), 15);
  EXPECT_EQ(f.scale.IdAt(0), "A");
  EXPECT_EQ(f.scale.IdAt(14), "O");
  const std::vector<std::pair<std::string, std::string>> bands = {
      {"L0", "A-C"}, {"L1", "D-F"}, {"L2", "G-H"}, {"L3", "I-J"}, {"L4", "K-M"}, {"L5", "N-O"}};
  for (const auto& [id, band] : bands) {
    const model::Level* level = f.FindLevel(id);
    ASSERT_NE(level, nullptr) << id;
    EXPECT_EQ(level->low_grade + "-" + level->high_grade, band) << id;
    EXPECT_FALSE(level->summary.empty()) << id << " needs a testable headline";
  }
  EXPECT_EQ(LevelIds(f, "ic"), (std::vector<std::string>{"L0", "L1", "L2", "L3", "L4", "L5"}));
  EXPECT_FALSE(LevelIds(f, "manager").empty());
  ASSERT_EQ(f.pay.families.size(), 1u);
  for (const char* position : {"tech-lead", "engineering-manager", "director"}) {
    const model::Position* found = nullptr;
    for (const model::Position& p : f.positions) {
      if (p.id.find(position) != std::string::npos) found = &p;
    }
    ASSERT_NE(found, nullptr) << position;
    EXPECT_GT(found->allowance, 0) << position;
  }
}

TEST(BuiltinFrameworks, ProductSplitsIntoManagerAndPrincipalAndHasTheRubric) {
  const model::Framework f = LoadClean(kSource + "/frameworks/product.yaml");
  const std::vector<std::string> ic = LevelIds(f, "ic");
  const std::vector<std::string> manager = LevelIds(f, "manager");
  ASSERT_GE(ic.size(), 15u);
  // Shared up to Senior 3, then different.
  EXPECT_EQ(std::vector<std::string>(ic.begin(), ic.begin() + 13),
            std::vector<std::string>(manager.begin(), manager.begin() + 13));
  EXPECT_EQ(ic[12], "senior-3");
  EXPECT_EQ(std::vector<std::string>(ic.begin() + 13, ic.end()),
            (std::vector<std::string>{"principal-1", "principal-2"}));
  EXPECT_EQ(std::vector<std::string>(manager.begin() + 13, manager.end()),
            (std::vector<std::string>{"manager-1", "manager-2", "manager-3"}));
  ASSERT_TRUE(f.rubric.has_value());
  EXPECT_EQ(f.rubric->areas.size(), 4u);
  for (const model::RubricArea& area : f.rubric->areas) {
    EXPECT_EQ(area.min_points, 1);
    EXPECT_EQ(area.max_points, 7);
    EXPECT_FALSE(area.sources.empty());
  }
  ASSERT_TRUE(f.rubric->outcomes.has_value());
  EXPECT_EQ(f.rubric->outcomes->max_points, 14);
  EXPECT_TRUE(f.rubric->outcomes->weighted_by_involvement);
  EXPECT_EQ(f.areas.size(), 4u);
}

TEST(BuiltinFrameworks, TechnicalLeadershipHasParallelTracksWithTransitionsAt5And6) {
  const model::Framework f = LoadClean(kSource + "/frameworks/technical-leadership.yaml");
  EXPECT_EQ(LevelIds(f, "t"), (std::vector<std::string>{"T5", "T6", "T7", "T8", "T9"}));
  EXPECT_EQ(LevelIds(f, "l"), (std::vector<std::string>{"L5", "L6", "L7", "L8", "L9"}));
  EXPECT_TRUE(f.cumulative_criteria);
  EXPECT_EQ(f.areas.size(), 3u);
  ASSERT_EQ(f.transitions.size(), 2u);
  EXPECT_EQ(f.equivalences.size(), 5u);
  for (const model::Level& level : f.levels) {
    EXPECT_TRUE(level.guides.ic_time_percent.has_value()) << level.id;
  }
}

TEST(BuiltinFrameworks, CompetencyMatrixIsSevenAreasByFourStages) {
  const model::Framework f = LoadClean(kSource + "/frameworks/competency-matrix.yaml");
  EXPECT_EQ(f.areas.size(), 7u);
  EXPECT_EQ(f.levels.size(), 4u);
  for (const model::Level& level : f.levels) {
    std::set<std::string> areas;
    for (const model::Criterion& criterion : level.criteria) areas.insert(criterion.area);
    EXPECT_EQ(areas.size(), 7u) << level.id << " should have criteria in every area";
  }
}

TEST(BuiltinFrameworks, DualLadderHasEquivalencesAndBestowedTopTitles) {
  const model::Framework f = LoadClean(kSource + "/frameworks/dual-ladder.yaml");
  EXPECT_EQ(LevelIds(f, "ic").size(), 6u);
  EXPECT_EQ(LevelIds(f, "manager").size(), 4u);
  ASSERT_EQ(f.equivalences.size(), 4u);
  for (const model::Equivalence& equivalence : f.equivalences) {
    ASSERT_EQ(equivalence.levels.size(), 2u);
    const model::Level* a = f.FindLevel(equivalence.levels[0]);
    const model::Level* b = f.FindLevel(equivalence.levels[1]);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(f.BandOf(*a), f.BandOf(*b)) << a->id << " ≈ " << b->id;
  }
  EXPECT_GE(f.policies.executive_approval.size(), 2u);
}

}  // namespace
}  // namespace yardstick::ladder
