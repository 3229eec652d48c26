#include "ladder/markdown_import.h"

#include <algorithm>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "base/file.h"
#include "framework_compare.h"
#include "ladder/framework_loader.h"
#include "ladder/framework_writer.h"
#include "model/framework_validation.h"

namespace yardstick::ladder {
namespace {

using testing::FrameworkDifferences;

MarkdownImport ImportFixture(const std::string& name) {
  const std::string path = std::string(YARDSTICK_SOURCE_DIR) + "/tests/ladder/markdown/" + name;
  const Result<std::string> text = ReadTextFile(path);
  EXPECT_TRUE(text.ok()) << text.status().message();
  return ImportMarkdown(text.ok() ? *text : "", {});
}

/// "line:col severity code" for each diagnostic of |severity|, in order.
std::vector<std::string> Located(const Diagnostics& diagnostics, Severity severity) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == severity)
      out.push_back(fmt::format("{}:{} {}", d.loc.line, d.loc.column, d.code));
  }
  return out;
}

std::vector<std::string> Warnings(const MarkdownImport& imported) {
  return Located(imported.diagnostics, Severity::kWarning);
}

std::vector<std::string> LevelIds(const model::Framework& framework) {
  std::vector<std::string> ids;
  for (const model::Level& level : framework.levels) ids.push_back(level.id);
  return ids;
}

std::vector<std::string> AreaIds(const model::Framework& framework) {
  std::vector<std::string> ids;
  for (const model::Area& area : framework.areas) ids.push_back(area.id);
  return ids;
}

std::vector<std::string> TrackIds(const model::Framework& framework) {
  std::vector<std::string> ids;
  for (const model::Track& track : framework.tracks) ids.push_back(track.id);
  return ids;
}

std::vector<std::string> Bands(const model::Framework& framework) {
  std::vector<std::string> bands;
  for (const model::Level& level : framework.levels) {
    bands.push_back(level.low_grade == level.high_grade ? level.low_grade
                                                        : level.low_grade + "-" + level.high_grade);
  }
  return bands;
}

/// The criteria texts of |level| in |area|.
std::vector<std::string> Texts(const model::Framework& framework, const std::string& level,
                               const std::string& area) {
  std::vector<std::string> texts;
  const model::Level* found = framework.FindLevel(level);
  if (found == nullptr) return {"<no level " + level + ">"};
  for (const model::Criterion& criterion : found->criteria) {
    if (criterion.area == area) texts.push_back(criterion.text);
  }
  return texts;
}

const model::Criterion* FindCriterion(const model::Framework& framework, const std::string& level,
                                      const std::string& text) {
  const model::Level* found = framework.FindLevel(level);
  if (found == nullptr) return nullptr;
  for (const model::Criterion& criterion : found->criteria) {
    if (criterion.text == text) return &criterion;
  }
  return nullptr;
}

SourceLoc LocOf(const model::Framework& framework, const std::string& level,
                const std::string& text) {
  const model::Criterion* criterion = FindCriterion(framework, level, text);
  return criterion == nullptr ? SourceLoc{-1, -1} : criterion->loc;
}

std::string Range(const std::optional<model::NumberRange>& range) {
  if (!range) return "none";
  if (range->open_ended) return fmt::format("{}+", range->min);
  return fmt::format("{}-{}", range->min, range->max);
}

/// Imported frameworks must be valid, and must survive writing and loading unchanged.
void ExpectValidAndRoundTrips(const MarkdownImport& imported) {
  EXPECT_FALSE(imported.diagnostics.HasErrors()) << imported.diagnostics.Format("input.md");
  const Diagnostics validation = model::Validate(imported.framework);
  EXPECT_FALSE(validation.HasErrors()) << validation.Format("imported");
  const std::string yaml = WriteFrameworkYaml(imported.framework);
  const LoadedFramework loaded = LoadFramework(yaml);
  EXPECT_TRUE(loaded.ok()) << loaded.diagnostics.Format("written.yaml") << yaml;
  EXPECT_EQ(FrameworkDifferences(imported.framework, loaded.framework), "") << yaml;
}

// --- The fixtures, one per shape ------------------------------------------------------------

TEST(MarkdownImport, LevelHeadingsWithAreaSubHeadings) {
  const MarkdownImport imported = ImportFixture("headings_with_areas.md");
  const model::Framework& f = imported.framework;
  EXPECT_EQ(f.id, "platform-engineering-ladder");
  EXPECT_EQ(f.name, "Platform engineering ladder");
  EXPECT_EQ(f.description, "How we describe what engineers on the platform team do at each level.");
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(f.levels[0].name, "Associate engineer");
  EXPECT_EQ(f.levels[1].name, "Core engineer");
  EXPECT_EQ(Bands(f), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(TrackIds(f), (std::vector<std::string>{"main"}));
  EXPECT_TRUE(f.levels[0].tracks.empty());
  EXPECT_EQ(AreaIds(f), (std::vector<std::string>{"delivery", "collaboration", "mentoring"}));
  EXPECT_EQ(f.areas[0].name, "Delivery");

  // '-', '*' and '1.' bullets, and a bullet continued on the next line.
  EXPECT_EQ(
      Texts(f, "L1", "delivery"),
      (std::vector<std::string>{"Ships small changes that a senior has broken down, with tests.",
                                "Asks for a review before merging and acts on the comments."}));
  EXPECT_EQ(Texts(f, "L1", "collaboration").size(), 2u);
  EXPECT_EQ(Texts(f, "L2", "delivery")[1],
            "Chooses between two designs and writes down why, naming the risks of the one not "
            "chosen.");
  EXPECT_EQ(Texts(f, "L3", "mentoring").size(), 1u);
  EXPECT_EQ(f.levels[2].criteria.size(), 2u);
  EXPECT_EQ(LocOf(f, "L1", "Pairs with a teammate at least once a week."), (SourceLoc{18, 4}));
  EXPECT_EQ(LocOf(f, "L1", "Asks for a review before merging and acts on the comments."),
            (SourceLoc{14, 3}));

  EXPECT_EQ(f.levels[0].summary,
            "Completes well-scoped tasks with guidance from a senior colleague.");
  EXPECT_EQ(f.levels[2].summary, "");
  EXPECT_EQ(Range(f.levels[0].guides.typical_years), "0-2");
  EXPECT_EQ(Range(f.levels[1].guides.typical_years), "2-5");
  EXPECT_EQ(Range(f.levels[2].guides.typical_years), "5+");
  EXPECT_EQ(Range(f.levels[2].guides.ic_time_percent), "70-90");

  EXPECT_EQ(Warnings(imported), std::vector<std::string>{});
  EXPECT_EQ(Located(imported.diagnostics, Severity::kNote),
            (std::vector<std::string>{"3:1 import/description", "7:1 import/summary",
                                      "23:1 import/summary"}));
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, LevelHeadingsWithInlineAreaLabels) {
  const MarkdownImport imported = ImportFixture("inline_labels.md");
  const model::Framework& f = imported.framework;
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"junior", "intermediate", "senior"}));
  EXPECT_EQ(f.levels[1].name, "Intermediate");
  EXPECT_EQ(AreaIds(f), (std::vector<std::string>{"knowledge-experience", "leadership-influence",
                                                  "organisational-impact"}));
  EXPECT_EQ(f.areas[0].name, "Knowledge & Experience");
  // Bold label on its own line.
  EXPECT_EQ(Texts(f, "junior", "knowledge-experience").size(), 2u);
  EXPECT_EQ(Texts(f, "junior", "leadership-influence"),
            std::vector<std::string>{"Presents their own work at the team demo."});
  // Plain "Label:" line followed by a list.
  EXPECT_EQ(Texts(f, "intermediate", "leadership-influence"),
            std::vector<std::string>{"Runs the team's weekly planning when the lead is away."});
  // "- **Label:** text" and "- **Label:**" with nested items.
  EXPECT_EQ(Texts(f, "senior", "knowledge-experience"),
            std::vector<std::string>{
                "Picks the storage engine for a new pipeline and records the trade-offs."});
  EXPECT_EQ(
      LocOf(f, "senior", "Picks the storage engine for a new pipeline and records the trade-offs."),
      (SourceLoc{22, 31}));
  EXPECT_EQ(Texts(f, "senior", "leadership-influence"),
            (std::vector<std::string>{"Mentors two analysts through their first project.",
                                      "Settles disagreements about metric definitions between "
                                      "teams."}));
  EXPECT_EQ(LocOf(f, "senior", "Mentors two analysts through their first project."),
            (SourceLoc{24, 5}));
  EXPECT_EQ(Texts(f, "senior", "organisational-impact").size(), 1u);
  EXPECT_EQ(f.levels[2].criteria.size(), 4u);
  EXPECT_TRUE(imported.diagnostics.empty()) << imported.diagnostics.Format("inline_labels.md");
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, AreaByLevelTable) {
  const MarkdownImport imported = ImportFixture("area_level_table.md");
  const model::Framework& f = imported.framework;
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"S1", "S2", "S3"}));
  EXPECT_EQ(f.levels[0].name, "Associate");
  EXPECT_EQ(f.levels[2].name, "Senior");
  EXPECT_EQ(AreaIds(f), (std::vector<std::string>{"customer-impact", "tooling"}));
  // ';' and '<br>' separate criteria in a cell.
  EXPECT_EQ(Texts(f, "S1", "customer-impact"),
            (std::vector<std::string>{"Resolves tickets from the runbook",
                                      "Escalates with a written summary"}));
  EXPECT_EQ(Texts(f, "S2", "customer-impact"),
            (std::vector<std::string>{"Resolves tickets without a runbook",
                                      "Writes a runbook entry for each new fix"}));
  EXPECT_EQ(Texts(f, "S3", "tooling"),
            (std::vector<std::string>{"Builds a tool other teams adopt",
                                      "Retires one manual process a quarter"}));
  EXPECT_EQ(f.levels[0].criteria.size(), 3u);
  EXPECT_EQ(f.levels[1].criteria.size(), 3u);
  EXPECT_EQ(f.levels[2].criteria.size(), 3u);
  // Each piece of a cell points at its own text.
  EXPECT_EQ(LocOf(f, "S1", "Resolves tickets from the runbook"), (SourceLoc{5, 21}));
  EXPECT_EQ(LocOf(f, "S1", "Escalates with a written summary"), (SourceLoc{5, 56}));
  // The "Typical experience" row became guides, not an area.
  EXPECT_EQ(Range(f.levels[0].guides.typical_years), "0-1");
  EXPECT_EQ(Range(f.levels[2].guides.typical_years), "3+");
  EXPECT_TRUE(imported.diagnostics.empty()) << imported.diagnostics.Format("table.md");
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, EquivalenceLinesMakeTracksAndEquivalences) {
  const MarkdownImport imported = ImportFixture("equivalence_lines.md");
  const model::Framework& f = imported.framework;
  EXPECT_EQ(TrackIds(f), (std::vector<std::string>{"ic", "m"}));
  EXPECT_EQ(f.tracks[0].name, "Individual contributor");
  EXPECT_EQ(f.tracks[1].name, "Management");
  // Lowest first: M1 shares IC3's grade, M2 shares IC4's.
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"IC2", "IC3", "M1", "IC4", "M2"}));
  EXPECT_EQ(Bands(f), (std::vector<std::string>{"A", "B", "B", "C", "C"}));
  EXPECT_EQ(f.FindLevel("M1")->tracks, std::vector<std::string>{"m"});
  EXPECT_EQ(f.FindLevel("IC2")->tracks, std::vector<std::string>{"ic"});
  ASSERT_EQ(f.equivalences.size(), 2u);
  EXPECT_EQ(f.equivalences[0].levels, (std::vector<std::string>{"IC3", "M1"}));
  EXPECT_EQ(f.equivalences[1].levels, (std::vector<std::string>{"IC4", "M2"}));
  EXPECT_EQ(f.equivalences[0].loc, (SourceLoc{9, 1}));
  EXPECT_EQ(Texts(f, "M2", "general"),
            std::vector<std::string>{"Hires and grows the managers of two teams."});
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{});
  EXPECT_EQ(Located(imported.diagnostics, Severity::kNote),
            std::vector<std::string>{"5:3 import/default-area"});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, TrackPrefixesSplitTheLadder) {
  const MarkdownImport imported = ImportFixture("track_prefixes.md");
  const model::Framework& f = imported.framework;
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"L3", "L4", "T5", "L5", "T6", "L6"}));
  EXPECT_EQ(Bands(f), (std::vector<std::string>{"A", "B", "C", "C", "D", "D"}));
  EXPECT_EQ(TrackIds(f), (std::vector<std::string>{"t", "l"}));
  EXPECT_EQ(f.tracks[0].name, "Technical");
  EXPECT_EQ(f.tracks[1].name, "Leadership");
  // Below the split the levels are shared; from "T5/L5" on each prefix is its own track.
  EXPECT_TRUE(f.FindLevel("L4")->tracks.empty());
  EXPECT_EQ(f.FindLevel("T5")->tracks, std::vector<std::string>{"t"});
  EXPECT_EQ(f.FindLevel("L6")->tracks, std::vector<std::string>{"l"});
  EXPECT_EQ(f.FindLevel("T5")->name, "Staff");
  EXPECT_EQ(f.FindLevel("L6")->name, "L6");
  ASSERT_EQ(f.equivalences.size(), 2u);
  EXPECT_EQ(f.equivalences[0].levels, (std::vector<std::string>{"T5", "L5"}));
  EXPECT_EQ(f.equivalences[1].levels, (std::vector<std::string>{"T6", "L6"}));

  // Criteria under the shared heading go to both levels ...
  const std::string shared = "Turns a vague business goal into a plan other engineers follow.";
  EXPECT_EQ(Texts(f, "T5", "delivery"), std::vector<std::string>{shared});
  EXPECT_EQ(Texts(f, "L5", "delivery"), std::vector<std::string>{shared});
  EXPECT_EQ(Range(f.FindLevel("L5")->guides.typical_years), "6+");
  // ... unless a heading or label names one of them.
  EXPECT_EQ(
      Texts(f, "T5", "general"),
      std::vector<std::string>{"Reviews the architecture of every new service in their area."});
  EXPECT_EQ(Texts(f, "L5", "general"),
            std::vector<std::string>{"Runs the hiring loop for their team."});
  EXPECT_EQ(
      Texts(f, "T6", "delivery"),
      (std::vector<std::string>{"Aligns the roadmaps of several teams around one platform change.",
                                "Writes the company's guidance for choosing a datastore."}));
  EXPECT_EQ(
      Texts(f, "L6", "delivery"),
      (std::vector<std::string>{"Aligns the roadmaps of several teams around one platform change.",
                                "Grows two staff engineers into group leads."}));
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, MessyDocumentReportsEverythingItSkips) {
  const MarkdownImport imported = ImportFixture("messy.md");
  const model::Framework& f = imported.framework;
  EXPECT_EQ(f.name, "Mobile engineering ladder");
  EXPECT_EQ(f.description, "This ladder is cumulative: each level expects everything below it.");
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"level-1", "level-2", "level-3"}));
  EXPECT_EQ(f.levels[0].name, "Foundation");
  EXPECT_EQ(f.levels[2].name, "Expert");
  EXPECT_EQ(f.levels[0].summary, "Writes and tests small app features with a mentor's help.");
  EXPECT_EQ(Texts(f, "level-1", "craft"),
            std::vector<std::string>{"Adds a unit test for every bug they fix."});
  EXPECT_EQ(Texts(f, "level-1", "scope"),
            std::vector<std::string>{"Works within one screen or component."});
  EXPECT_EQ(LocOf(f, "level-1", "Works within one screen or component."), (SourceLoc{19, 14}));
  EXPECT_EQ(Range(f.levels[0].guides.typical_years), "0-2");
  EXPECT_EQ(Range(f.levels[1].guides.ic_time_percent), "90-90");
  EXPECT_FALSE(f.levels[1].guides.typical_years.has_value());
  // The table inside a level reads rows as area + criteria.
  EXPECT_EQ(Texts(f, "level-2", "craft"),
            (std::vector<std::string>{"Profiles a slow screen and fixes the cause.",
                                      "Keeps the crash-free rate above the team goal"}));
  EXPECT_EQ(Texts(f, "level-3", "general"),
            std::vector<std::string>{"Sets the release process for all mobile apps."});
  EXPECT_TRUE(f.equivalences.empty());

  EXPECT_EQ(Warnings(imported), (std::vector<std::string>{
                                    "1:1 import/unplaced",      // before the first level
                                    "7:1 import/unplaced",      // heading that is no level
                                    "9:1 import/unplaced",      // its paragraph
                                    "11:1 import/unplaced",     // its list item
                                    "23:1 import/unplaced",     // code block
                                    "32:1 import/equivalence",  // M7 does not exist
                                    "33:1 import/guide",        // "a few years"
                                    "38:1 import/unplaced",     // prose among criteria
                                    "42:59 import/table",       // extra cell
                                    "48:1 import/unplaced",     // "Glossary"
                                    "50:1 import/table",        // table naming no levels
                                    "54:1 import/structure",    // fence never closed
                                    "55:1 import/unplaced",     // item under "Glossary"
                                }));
  for (const Diagnostic& d : imported.diagnostics.items()) {
    EXPECT_FALSE(d.message.empty());
    EXPECT_NE(d.severity, Severity::kError) << d.Format("messy.md");
  }
  const std::string messages = imported.diagnostics.Format("messy.md");
  EXPECT_NE(messages.find("skipped the equivalence with 'M7'"), std::string::npos) << messages;
  EXPECT_NE(messages.find("could not read a range from 'a few years'"), std::string::npos);
  ExpectValidAndRoundTrips(imported);
}

// --- Smaller shapes, inline -----------------------------------------------------------------

TEST(MarkdownImport, TakesIdAndNameFromOptions) {
  MarkdownImportOptions options;
  options.id = "data";
  options.name = "Data ladder";
  const MarkdownImport imported =
      ImportMarkdown("# Ignored title\n\n## Junior\n- Does a thing.\n", options);
  EXPECT_EQ(imported.framework.id, "data");
  EXPECT_EQ(imported.framework.name, "Data ladder");
}

TEST(MarkdownImport, ReversesLevelsListedHighestFirst) {
  const MarkdownImport imported = ImportMarkdown(
      "## L3 Senior\n- Leads.\n\n## L2 Core\n- Delivers.\n\n## L1 Associate\n- Learns.\n", {});
  EXPECT_EQ(LevelIds(imported.framework), (std::vector<std::string>{"L1", "L2", "L3"}));
  EXPECT_EQ(Bands(imported.framework), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(Located(imported.diagnostics, Severity::kNote).front(), "1:1 import/order");
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, ReversesSeniorityWordsListedHighestFirst) {
  const MarkdownImport imported =
      ImportMarkdown("## Principal\n- A.\n## Senior\n- B.\n## Junior\n- C.\n", {});
  EXPECT_EQ(LevelIds(imported.framework),
            (std::vector<std::string>{"junior", "senior", "principal"}));
}

TEST(MarkdownImport, ReadsIdsWrittenAfterTheName) {
  const MarkdownImport imported = ImportMarkdown(
      "## Senior engineer (L3)\n- A.\n## Staff engineer — L4\n- B.\n## Level 5: Principal\n- C.\n",
      {});
  EXPECT_EQ(LevelIds(imported.framework), (std::vector<std::string>{"L3", "L4", "level-5"}));
  EXPECT_EQ(imported.framework.levels[0].name, "Senior engineer");
  EXPECT_EQ(imported.framework.levels[1].name, "Staff engineer");
  EXPECT_EQ(imported.framework.levels[2].name, "Principal");
}

TEST(MarkdownImport, LevelByAreaTable) {
  const MarkdownImport imported = ImportMarkdown(
      "| Level | Delivery | Typical experience | Summary |\n"
      "|---|---|---|---|\n"
      "| E1 Graduate | Ships a task | 0-1 years | Learns the codebase. |\n"
      "| E2 Engineer | Ships a feature; Tests it | 1-4 years | Works alone. |\n",
      {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"E1", "E2"}));
  EXPECT_EQ(AreaIds(f), std::vector<std::string>{"delivery"});
  EXPECT_EQ(Texts(f, "E2", "delivery"), (std::vector<std::string>{"Ships a feature", "Tests it"}));
  EXPECT_EQ(Range(f.levels[1].guides.typical_years), "1-4");
  EXPECT_EQ(f.levels[0].summary, "Learns the codebase.");
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, SetextHeadingsAndTrackHeadings) {
  const MarkdownImport imported = ImportMarkdown(
      "Ladder\n======\n\n"
      "Individual contributor track\n----------------------------\n\n"
      "### IC1 Engineer\n- Writes code.\n### IC2 Senior\n- Designs.\n\n"
      "## Management track\n\n### M1 Manager\n- Manages.\n\nEngineer equivalent: IC2\n",
      {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(f.name, "Ladder");
  EXPECT_EQ(TrackIds(f), (std::vector<std::string>{"individual-contributor", "management"}));
  EXPECT_EQ(f.tracks[0].name, "Individual contributor");
  EXPECT_EQ(f.tracks[1].name, "Management");
  EXPECT_EQ(f.FindLevel("M1")->tracks, std::vector<std::string>{"management"});
  EXPECT_EQ(f.FindLevel("M1")->low_grade, f.FindLevel("IC2")->low_grade);
  ASSERT_EQ(f.equivalences.size(), 1u);
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, NamesTracksAfterTheirPrefixOrTheEquivalenceLabel) {
  const MarkdownImport imported =
      ImportMarkdown("## X1 Engineer\n- a\n\n(Management) equivalent: Y1\n\n## Y1 Lead\n- b\n", {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(TrackIds(f), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(f.tracks[0].name, "X");           // no equivalence label names it
  EXPECT_EQ(f.tracks[1].name, "Management");  // "(Management) equivalent: Y1"
  ASSERT_EQ(f.equivalences.size(), 1u);
  EXPECT_EQ(f.equivalences[0].levels, (std::vector<std::string>{"X1", "Y1"}));
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, SkipsEquivalencesThatCannotHold) {
  // Same track, then an order that contradicts the tracks (IC1 ≈ M2 but IC2 ≈ M1).
  const MarkdownImport imported = ImportMarkdown(
      "## IC1\n- a\n\nIC equivalent: IC2\n\n## IC2\n- b\n\nManagement equivalent: M1\n\n"
      "## M1\n- c\n## M2\n- d\n\nEngineer equivalent: IC1\n",
      {});
  EXPECT_EQ(Warnings(imported),
            (std::vector<std::string>{"4:1 import/equivalence", "16:1 import/equivalence"}));
  ASSERT_EQ(imported.framework.equivalences.size(), 1u);
  EXPECT_EQ(imported.framework.equivalences[0].levels, (std::vector<std::string>{"IC2", "M1"}));
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, ManyLevelsGetNumberedGrades) {
  std::string markdown;
  for (int i = 1; i <= 30; ++i) markdown += fmt::format("## L{}\n- Does step {}.\n", i, i);
  const MarkdownImport imported = ImportMarkdown(markdown, {});
  ASSERT_EQ(imported.framework.scale.grades.size(), 30u);
  EXPECT_EQ(imported.framework.scale.grades.front().id, "G01");
  EXPECT_EQ(imported.framework.levels.back().low_grade, "G30");
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, OneLevelSpansTheTwoGradesAScaleNeeds) {
  const MarkdownImport imported = ImportMarkdown("## Senior\n- Decides.\n", {});
  EXPECT_EQ(Bands(imported.framework), std::vector<std::string>{"A-B"});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, CleansInlineMarkdownFromCriteria) {
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n- Writes **clear** [design docs](https://example.com) using `adr` &amp; _templates_ "
      "in snake_case.\n- [x] Ticked item.\n",
      {});
  EXPECT_EQ(Texts(imported.framework, "L1", "general"),
            (std::vector<std::string>{
                "Writes clear design docs using adr & templates in snake_case.", "Ticked item."}));
}

// --- Malformed input: never a crash, always a clear diagnostic ------------------------------

TEST(MarkdownImport, EmptyInputIsAnErrorNotACrash) {
  for (const std::string& input :
       {std::string(), std::string("\n\n  \n"), std::string("\xEF\xBB\xBF")}) {
    const MarkdownImport imported = ImportMarkdown(input, {});
    ASSERT_EQ(imported.diagnostics.items().size(), 1u) << imported.diagnostics.Format("empty.md");
    EXPECT_EQ(imported.diagnostics.items()[0].code, "import/no-levels");
    EXPECT_EQ(imported.diagnostics.items()[0].severity, Severity::kError);
    EXPECT_FALSE(imported.framework.id.empty());
  }
}

TEST(MarkdownImport, OnlyProseWarnsForEachParagraphAndFails) {
  const MarkdownImport imported = ImportMarkdown(
      "We value kindness.\nAnd clear writing.\n\n  Promotions happen twice a year.\n", {});
  EXPECT_EQ(Warnings(imported),
            (std::vector<std::string>{"1:1 import/unplaced", "4:3 import/unplaced"}));
  EXPECT_EQ(Located(imported.diagnostics, Severity::kError),
            std::vector<std::string>{"0:0 import/no-levels"});
  EXPECT_NE(imported.diagnostics.Format("x.md").find("x.md: error: found no levels"),
            std::string::npos);
}

TEST(MarkdownImport, RaggedTableRowsAreReported) {
  const MarkdownImport imported = ImportMarkdown(
      "| Area | L1 | L2 |\n"
      "|---|---|---|\n"
      "| Delivery | Ships a task |\n"
      "| Quality | Tests | Reviews | Audits |\n",
      {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"L1", "L2"}));
  EXPECT_EQ(Texts(f, "L2", "delivery"), std::vector<std::string>{});
  EXPECT_EQ(Texts(f, "L2", "quality"), std::vector<std::string>{"Reviews"});
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{"4:31 import/table"});
  EXPECT_EQ(Located(imported.diagnostics, Severity::kNote),
            std::vector<std::string>{"3:1 import/table"});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, DelimiterRowNarrowerThanTheHeaderMakesNoTable) {
  // GFM: the delimiter row must have as many cells as the header, or there is no table.
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n- a\n\n| Area | L1 | L2 |\n|---|---|\n| Delivery | Ships a task |\n", {});
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{"4:1 import/table"});
  EXPECT_NE(imported.diagnostics.Format("x.md").find("with as many cells as the header"),
            std::string::npos);
}

TEST(MarkdownImport, TableRowOfOnlyAPipeEndsTheTable) {
  // Found by fuzzing: a body row "|" has no cells at all. GFM ends the table there and reads the
  // lines after it as a paragraph; both are reported.
  const MarkdownImport imported =
      ImportMarkdown("| Area | L1 |\n|---|---|\n|\n| Delivery | Ships |\n", {});
  EXPECT_EQ(Warnings(imported), (std::vector<std::string>{"1:1 import/table", "3:1 import/table"}));
  EXPECT_EQ(Located(imported.diagnostics, Severity::kError),
            std::vector<std::string>{"0:0 import/no-levels"});
}

TEST(MarkdownImport, TableRowWithoutDelimiterIsReported) {
  const MarkdownImport imported =
      ImportMarkdown("## L1\n- Ships.\n\n| Area | L1 |\n| Delivery | Ships |\n", {});
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{"4:1 import/table"});
}

TEST(MarkdownImport, UnterminatedStructuresDoNotSwallowTheRest) {
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n```\n- Ships.\n<!-- never closed\n## L2\n- **Unclosed bold: Reviews.\n", {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(LevelIds(f), (std::vector<std::string>{"L1", "L2"}));
  EXPECT_EQ(Texts(f, "L1", "general"), std::vector<std::string>{"Ships."});
  // CommonMark reads a "**" that is never closed as two asterisks, and so does the importer.
  EXPECT_EQ(Texts(f, "L2", "general"), std::vector<std::string>{"**Unclosed bold: Reviews."});
  EXPECT_EQ(Warnings(imported),
            (std::vector<std::string>{"2:1 import/structure", "4:1 import/structure"}));
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, UnclosedFenceInAListOrQuoteDoesNotSwallowTheRest) {
  // CommonMark ends such a fence with its list item or quote; the importer ends it at once.
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n- Ships.\n  ```\n- Reviews.\n\n> ```\n> quoted\n\n## L2\n- Leads.\n", {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(Texts(f, "L1", "general"), (std::vector<std::string>{"Ships.", "Reviews."}));
  EXPECT_EQ(Texts(f, "L2", "general"), std::vector<std::string>{"Leads."});
  EXPECT_EQ(Warnings(imported),
            (std::vector<std::string>{"3:3 import/structure", "6:3 import/structure",
                                      "7:3 import/unplaced"}));
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, CodeAndHtmlAreSkippedWithTheirLinesButCommentsSilently) {
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n<!-- a note\n     for writers -->\n- Ships.\n\n<div>\nhello\n</div>\n\n"
      "    indented code\n\n~~~\ncode\n~~~\n",
      {});
  EXPECT_EQ(Texts(imported.framework, "L1", "general"), std::vector<std::string>{"Ships."});
  EXPECT_EQ(Warnings(imported),
            (std::vector<std::string>{"6:1 import/unplaced", "10:5 import/unplaced",
                                      "12:1 import/unplaced"}));
  const std::string messages = imported.diagnostics.Format("x.md");
  EXPECT_NE(messages.find("skipped HTML (lines 6-8)"), std::string::npos) << messages;
  EXPECT_NE(messages.find("skipped a code block (lines 10-10)"), std::string::npos) << messages;
  EXPECT_NE(messages.find("skipped a code block (lines 12-14)"), std::string::npos) << messages;
}

TEST(MarkdownImport, PositionsCountThroughEscapesAndEntities) {
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n- **Area \\*x\\*:** Ships &amp; tests.\n\n"
      "| Area | L1 |\n|---|---|\n| Delivery | a &amp; b; c \\| d |\n",
      {});
  const model::Framework& f = imported.framework;
  EXPECT_EQ(f.areas[0].name, "Area *x*");
  EXPECT_EQ(LocOf(f, "L1", "Ships & tests."), (SourceLoc{2, 19}));
  EXPECT_EQ(LocOf(f, "L1", "a & b"), (SourceLoc{6, 14}));
  EXPECT_EQ(LocOf(f, "L1", "c | d"), (SourceLoc{6, 25}));
}

TEST(MarkdownImport, NoBreakSpacesAndControlCharactersReadAsSpaces) {
  const MarkdownImport imported = ImportMarkdown(
      "## L1\n- Ships&nbsp;&nbsp;fast&#1;and\tsafely.\n\n"
      "| Area | L1 |\n|---|---|\n| Delivery | &nbsp; |\n",
      {});
  EXPECT_EQ(Texts(imported.framework, "L1", "general"),
            std::vector<std::string>{"Ships fast and safely."});
  EXPECT_EQ(Texts(imported.framework, "L1", "delivery"), std::vector<std::string>{});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, DeeplyNestedInputIsReadWithoutRecursion) {
  std::string markdown = std::string(20000, '>') + " quoted\n\n";
  for (int i = 0; i < 5000; ++i) markdown += "- ";
  markdown += "item\n";
  const MarkdownImport imported = ImportMarkdown(markdown, {});
  EXPECT_EQ(Located(imported.diagnostics, Severity::kError),
            std::vector<std::string>{"0:0 import/no-levels"});
}

TEST(MarkdownImport, ManyUnclosedFencesCostBoundedTime) {
  // Each fence never closed makes the reader read the document again; past 64 of them, one runs
  // on to the end of the document as CommonMark reads it.
  std::string markdown = "## L1\n- a\n";
  for (int i = 0; i < 3000; ++i) markdown += "```x\n";  // lines 3-3002
  const MarkdownImport imported = ImportMarkdown(markdown, {});
  EXPECT_EQ(imported.diagnostics.WarningCount(), 65);
  const std::string messages = imported.diagnostics.Format("x.md");
  EXPECT_NE(messages.find("x.md:67:1: warning: this code fence is never closed; lines 67-3002 "
                          "were read as part of it"),
            std::string::npos)
      << messages;
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, ImportsInParallel) {
  const std::string path = std::string(YARDSTICK_SOURCE_DIR) + "/tests/ladder/markdown/messy.md";
  const Result<std::string> text = ReadTextFile(path);
  ASSERT_TRUE(text.ok());
  const MarkdownImport expected = ImportMarkdown(*text, {});
  std::vector<std::string> failures(4);
  std::vector<std::thread> threads;
  for (std::string& failure : failures) {
    threads.emplace_back([&] {
      for (int round = 0; round < 25 && failure.empty(); ++round) {
        const MarkdownImport imported = ImportMarkdown(*text, {});
        failure = FrameworkDifferences(expected.framework, imported.framework);
        if (imported.diagnostics.Format("x") != expected.diagnostics.Format("x")) {
          failure += "different diagnostics";
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& failure : failures) EXPECT_EQ(failure, "");
}

TEST(MarkdownImport, BinaryInputIsAnError) {
  const std::string junk("## L1\n- ok\n\x01\x02\x00\xff\xfe", 15);
  const MarkdownImport imported = ImportMarkdown(junk, {});
  ASSERT_EQ(Located(imported.diagnostics, Severity::kError),
            std::vector<std::string>{"3:3 import/binary"});
}

TEST(MarkdownImport, InvalidUtf8IsReplacedAndReported) {
  const MarkdownImport imported = ImportMarkdown("## L1\n- Ships \xff\xfe fast.\n", {});
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{"2:9 import/encoding"});
  EXPECT_EQ(Texts(imported.framework, "L1", "general"), std::vector<std::string>{"Ships ?? fast."});
  ExpectValidAndRoundTrips(imported);
}

TEST(MarkdownImport, ListItemBeforeAnyLevelIsReported) {
  const MarkdownImport imported = ImportMarkdown("# Title\n\n  * Stray item\n\n## L1\n- a\n", {});
  EXPECT_EQ(Warnings(imported), std::vector<std::string>{"3:3 import/unplaced"});
}

/// Random documents assembled from Markdown fragments and junk bytes: the importer must never
/// crash, and whenever it reports no error its YAML must load cleanly (as the fuzz target checks).
TEST(MarkdownImport, RandomDocumentsNeverBreakTheImporter) {
  const std::vector<std::string> fragments = {"# Title\n",
                                              "## L1 Core\n",
                                              "## T5/L5 Staff\n",
                                              "### Delivery\n",
                                              "- item\n",
                                              "  - nested\n",
                                              "1. numbered\n",
                                              "**Label:**\n",
                                              "- **Area:** text\n",
                                              "Prose line.\n",
                                              "\n",
                                              "| Area | L1 | L2 |\n",
                                              "|---|---|---|\n",
                                              "| a | b; c | d<br>e |\n",
                                              "```\n",
                                              "<!--\n",
                                              "-->\n",
                                              "Typical experience: 3-5 years\n",
                                              "Time as IC: 150%\n",
                                              "Management equivalent: L5\n",
                                              "Engineer equivalent: T5\n",
                                              "## Senior\n",
                                              "## L1 Core\n",
                                              "===\n",
                                              "---\n",
                                              "> quoted\n",
                                              "\t- tabbed\n",
                                              "## \n",
                                              "- \n",
                                              "|\n",
                                              "## Level 2\n",
                                              "\xC3\x28",
                                              "\xE2\x82",
                                              "\r\n",
                                              "\r",
                                              "**",
                                              ":",
                                              "## IC3 (M1)\n",
                                              "### T5\n"};
  std::mt19937 random(20240611);
  for (int round = 0; round < 400; ++round) {
    std::string markdown;
    const int pieces = static_cast<int>(random() % 40);
    for (int i = 0; i < pieces; ++i) markdown += fragments[random() % fragments.size()];
    const MarkdownImport imported = ImportMarkdown(markdown, {});
    if (imported.diagnostics.HasErrors()) continue;
    const std::string yaml = WriteFrameworkYaml(imported.framework);
    const LoadedFramework loaded = LoadFramework(yaml);
    ASSERT_TRUE(loaded.ok()) << "input:\n"
                             << markdown << "\nyaml:\n"
                             << yaml << "\n"
                             << loaded.diagnostics.Format("written.yaml");
    ASSERT_EQ(FrameworkDifferences(imported.framework, loaded.framework), "") << "input:\n"
                                                                              << markdown;
  }
}

}  // namespace
}  // namespace yardstick::ladder
