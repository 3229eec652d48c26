#include "ladder/framework_writer.h"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "base/file.h"
#include "base/text.h"
#include "framework_compare.h"
#include "ladder/framework_loader.h"

namespace yardstick::ladder {
namespace {

using testing::FrameworkDifferences;

/// Writes |framework|, loads the text back and expects no diagnostics and an equal framework.
void ExpectRoundTrip(const model::Framework& framework) {
  const std::string yaml = WriteFrameworkYaml(framework);
  const LoadedFramework loaded = LoadFramework(yaml);
  EXPECT_FALSE(loaded.diagnostics.HasErrors()) << loaded.diagnostics.Format("written.yaml") << yaml;
  EXPECT_EQ(FrameworkDifferences(framework, loaded.framework), "") << yaml;
}

/// A small valid framework to vary in each test.
model::Framework SmallFramework() {
  model::Framework framework;
  framework.id = "small";
  framework.name = "Small ladder";
  framework.scale.grades = {{"A", {}}, {"B", {}}, {"C", {}}};
  framework.tracks = {{"ic", "Individual contributor", "", {}}};
  model::Level low;
  low.id = "L1";
  low.name = "Associate";
  low.low_grade = "A";
  low.high_grade = "B";
  model::Level high;
  high.id = "L2";
  high.name = "Core";
  high.low_grade = "C";
  high.high_grade = "C";
  framework.levels = {low, high};
  framework.areas = {{"delivery", "Delivery", "", {}, {}}};
  return framework;
}

model::Criterion MakeCriterion(const std::string& area, const std::string& text) {
  model::Criterion criterion;
  criterion.area = area;
  criterion.text = text;
  return criterion;
}

/// The position of top-level |key| in |yaml|, or npos.
size_t TopLevelKey(const std::string& yaml, const std::string& key) {
  const std::string needle = key + ":";
  if (StartsWith(yaml, needle)) return 0;
  return yaml.find("\n" + needle);
}

TEST(FrameworkWriter, EveryBuiltInFrameworkRoundTrips) {
  const std::filesystem::path directory =
      std::filesystem::path(YARDSTICK_SOURCE_DIR) / "frameworks";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() != ".yaml") continue;
    SCOPED_TRACE(entry.path().string());
    const Result<std::string> text = ReadTextFile(entry.path().string());
    ASSERT_TRUE(text.ok()) << text.status().message();
    const LoadedFramework original = LoadFramework(*text);
    ASSERT_TRUE(original.ok()) << original.diagnostics.Format(entry.path().string());
    ExpectRoundTrip(original.framework);
    ++checked;
  }
  EXPECT_GE(checked, 1);
}

TEST(FrameworkWriter, WritesTopLevelKeysInTheOrderOfTheFormatReference) {
  model::Framework framework = SmallFramework();
  framework.description = "Two levels.";
  framework.cumulative_criteria = true;
  framework.tracks.push_back({"manager", "Manager", "", {}});
  framework.levels[0].tracks = {"ic"};
  framework.levels.push_back(framework.levels[1]);
  framework.levels[1].tracks = {"ic"};
  framework.levels[2].id = "M2";
  framework.levels[2].tracks = {"manager"};
  framework.equivalences = {{{"L2", "M2"}, {}}};
  framework.transitions = {{"L2", "M2", false, {}}};
  framework.positions = {{"eng", "Engineer", "", "", "L1", "L2", 0, {}, {}, {}}};
  framework.pay.currency = "EUR";
  framework.policies.executive_approval = {"M2"};
  const std::string yaml = WriteFrameworkYaml(framework);
  const std::vector<std::string> order = {
      "format", "id",        "name",   "description",  "cumulative_criteria",
      "scale",  "tracks",    "levels", "equivalences", "transitions",
      "areas",  "positions", "pay",    "policies"};
  size_t previous = 0;
  for (const std::string& key : order) {
    const size_t at = TopLevelKey(yaml, key);
    ASSERT_NE(at, std::string::npos) << key << " missing in\n" << yaml;
    EXPECT_GE(at, previous) << key << " out of order in\n" << yaml;
    previous = at;
  }
  ExpectRoundTrip(framework);
}

TEST(FrameworkWriter, LeavesOutOptionalKeysThatHoldDefaults) {
  const std::string yaml = WriteFrameworkYaml(SmallFramework());
  for (const std::string key : {"description", "cumulative_criteria", "equivalences", "transitions",
                                "rubric", "positions", "pay", "policies"}) {
    EXPECT_EQ(TopLevelKey(yaml, key), std::string::npos) << key << " written in\n" << yaml;
  }
  for (const std::string key : {"summary:", "guides:", "criteria:", "tracks: ["}) {
    EXPECT_EQ(yaml.find(key), std::string::npos) << key << " written in\n" << yaml;
  }
  ExpectRoundTrip(SmallFramework());
}

TEST(FrameworkWriter, WritesBandsRangesAndPercentagesInTheDocumentedForm) {
  model::Framework framework = SmallFramework();
  framework.levels[0].guides.typical_years = model::NumberRange{3, 5, false};
  framework.levels[0].guides.ic_time_percent = model::NumberRange{60, 80, false};
  framework.levels[1].guides.typical_years = model::NumberRange{8, 8, true};
  framework.levels[1].guides.leadership_years = model::NumberRange{2, 2, false};
  framework.policies.promotion.confidence = 0.9;
  framework.policies.bonus.cap_percent = 12.5;
  framework.policies.levelling.area_share = 0.25;
  const std::string yaml = WriteFrameworkYaml(framework);
  const YAML::Node root = YAML::Load(yaml);
  EXPECT_EQ(root["levels"][0]["grades"].Scalar(), "A-B");
  EXPECT_EQ(root["levels"][1]["grades"].Scalar(), "C");
  EXPECT_EQ(root["levels"][0]["guides"]["typical_years"].Scalar(), "3-5");
  EXPECT_EQ(root["levels"][0]["guides"]["ic_time"].Scalar(), "60-80%");
  EXPECT_EQ(root["levels"][1]["guides"]["typical_years"].Scalar(), "8+");
  EXPECT_EQ(root["levels"][1]["guides"]["leadership_years"].Scalar(), "2");
  EXPECT_EQ(root["policies"]["promotion"]["confidence"].Scalar(), "90%");
  EXPECT_EQ(root["policies"]["bonus"]["cap"].Scalar(), "12.5%");
  EXPECT_EQ(root["policies"]["levelling"]["level_share"].Scalar(), "75%");
  EXPECT_EQ(root["policies"]["levelling"]["area_share"].Scalar(), "25%");
  EXPECT_FALSE(root["policies"]["plan"].IsDefined()) << "the plan policy holds defaults";
  ExpectRoundTrip(framework);
}

TEST(FrameworkWriter, WritesPlainCriteriaAsStringsAndOthersAsMappings) {
  model::Framework framework = SmallFramework();
  model::Criterion weighted = MakeCriterion("delivery", "Ships a project with two teams.");
  weighted.weight = 2.5;
  model::Criterion named = MakeCriterion("delivery", "Writes a design document first.");
  named.id = "design-doc";
  named.lint_allow = {"lint/internal-state", "deep"};
  framework.levels[0].criteria = {MakeCriterion("delivery", "Ships small changes."), weighted,
                                  named};
  const std::string yaml = WriteFrameworkYaml(framework);
  const YAML::Node criteria = YAML::Load(yaml)["levels"][0]["criteria"]["delivery"];
  ASSERT_EQ(criteria.size(), 3u) << yaml;
  EXPECT_TRUE(criteria[0].IsScalar());
  EXPECT_EQ(criteria[1]["weight"].Scalar(), "2.5");
  EXPECT_FALSE(criteria[1]["id"].IsDefined());
  EXPECT_EQ(criteria[2]["id"].Scalar(), "design-doc");
  EXPECT_EQ(criteria[2]["allow"].size(), 2u);
  EXPECT_FALSE(criteria[2]["weight"].IsDefined()) << "weight 1 is the default";
  ExpectRoundTrip(framework);
}

TEST(FrameworkWriter, GroupsInterleavedCriteriaUnderOneKeyPerArea) {
  model::Framework framework = SmallFramework();
  framework.areas.push_back({"mentoring", "Mentoring", "", {}, {}});
  framework.levels[0].criteria = {MakeCriterion("delivery", "First."),
                                  MakeCriterion("mentoring", "Second."),
                                  MakeCriterion("delivery", "Third.")};
  const std::string yaml = WriteFrameworkYaml(framework);
  const LoadedFramework loaded = LoadFramework(yaml);
  ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.Format("written.yaml") << yaml;
  const std::vector<model::Criterion>& criteria = loaded.framework.levels[0].criteria;
  ASSERT_EQ(criteria.size(), 3u);
  EXPECT_EQ(criteria[0].text, "First.");
  EXPECT_EQ(criteria[1].text, "Third.");
  EXPECT_EQ(criteria[2].text, "Second.");
}

TEST(FrameworkWriter, QuotesTextThatYamlWouldOtherwiseMisread) {
  const std::vector<std::string> awkward = {"yes",
                                            "null",
                                            "~",
                                            "12",
                                            "- starts like a list",
                                            "key: value",
                                            "# a comment",
                                            "'single'",
                                            "\"double\"",
                                            "two\nlines",
                                            "@handle",
                                            "*alias",
                                            "&anchor",
                                            "!tag",
                                            "%directive",
                                            "`code`",
                                            "{brace}",
                                            "[bracket]",
                                            "ends with:",
                                            "trailing space ",
                                            " leading",
                                            "tab\there",
                                            "é, ü and 中文",
                                            "a # b",
                                            "? question"};
  for (const std::string& text : awkward) {
    SCOPED_TRACE(text);
    model::Framework framework = SmallFramework();
    framework.description = text;
    framework.levels[0].name = text;
    framework.levels[0].summary = text;
    framework.areas[0].name = text;
    framework.levels[0].criteria = {MakeCriterion("delivery", text)};
    ExpectRoundTrip(framework);
  }
}

TEST(FrameworkWriter, PolicyNumbersReadBackExactly) {
  // Confidences as the loader makes them from a written percentage: p / 100.
  for (const double percent : {57.0, 50.01, 80.0, 95.0, 62.3456789, 99.99}) {
    const double confidence = percent / 100.0;
    for (const double cap : {0.0, 12.5, 33.333333333333336, 100.0}) {
      SCOPED_TRACE(fmt::format("confidence {} cap {}", confidence, cap));
      model::Framework framework = SmallFramework();
      framework.policies.promotion.confidence = confidence;
      framework.policies.promotion.far_above = 2.75;
      framework.policies.bonus.cap_percent = cap;
      framework.policies.bonus.method = model::BonusPolicy::Method::kNone;
      ExpectRoundTrip(framework);
    }
  }
}

TEST(FrameworkWriter, ConfidenceWithoutAnExactPercentageIsWrittenAsCloseAsPossible) {
  // No decimal percentage p gives p / 100 == 2/3 exactly in doubles (nor 0.9999: "99.99%" loads
  // as 99.99 / 100, one ulp away); the nearest is written.
  model::Framework framework = SmallFramework();
  for (const double confidence : {2.0 / 3.0, 0.9999}) {
    framework.policies.promotion.confidence = confidence;
    const LoadedFramework loaded = LoadFramework(WriteFrameworkYaml(framework));
    ASSERT_TRUE(loaded.ok()) << loaded.diagnostics.Format("written.yaml");
    EXPECT_NEAR(loaded.framework.policies.promotion.confidence, confidence, 1e-15);
  }
}

TEST(FrameworkWriter, ComparisonHelperSeesDifferences) {
  // The round-trip tests rely on FrameworkDifferences; make sure it is not blind.
  const model::Framework original = SmallFramework();
  model::Framework changed = original;
  EXPECT_EQ(FrameworkDifferences(original, changed), "");
  changed.levels[1].guides.typical_years = model::NumberRange{1, 2, false};
  changed.levels[0].criteria.push_back(MakeCriterion("delivery", "New."));
  changed.policies.bonus.method = model::BonusPolicy::Method::kNone;
  changed.levels[0].loc = {4, 2};  // positions are ignored
  const std::string differences = FrameworkDifferences(original, changed);
  EXPECT_NE(differences.find("levels[1].guides.typical_years"), std::string::npos);
  EXPECT_NE(differences.find("levels[0].criteria.size"), std::string::npos);
  EXPECT_NE(differences.find("bonus.method"), std::string::npos);
  EXPECT_EQ(differences.find("loc"), std::string::npos);
}

}  // namespace
}  // namespace yardstick::ladder
