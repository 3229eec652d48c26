#include "ladder/site.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace yardstick::ladder {
namespace {

namespace fs = std::filesystem;
using model::Criterion;
using model::Framework;
using model::Level;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kHostile[] = "<script>alert(1)</script> & \"x\"";
constexpr char kHostileEscaped[] = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";

Level MakeLevel(std::string id, std::string name, std::string low, std::string high,
                std::vector<std::string> tracks) {
  Level level;
  level.id = std::move(id);
  level.name = std::move(name);
  level.low_grade = std::move(low);
  level.high_grade = std::move(high);
  level.tracks = std::move(tracks);
  level.summary = "Summary of " + level.name + ".";
  return level;
}

void AddCriterion(Level& level, std::string area, std::string text) {
  Criterion criterion;
  criterion.area = std::move(area);
  criterion.text = std::move(text);
  level.criteria.push_back(std::move(criterion));
}

/// Two tracks share L1-L2, then split into L3-L4 (ic) and M1-M2 (manager). Cumulative criteria,
/// one equivalence, one transition, a position with an allowance, one pay family and a rubric.
Framework SmallLadder() {
  Framework framework;
  framework.id = "small";
  framework.name = "R&D <ladder>";
  framework.description = "A ladder for tests.";
  framework.cumulative_criteria = true;
  for (const char* grade : {"A", "B", "C", "D", "E", "F"}) {
    framework.scale.grades.push_back({grade, {}});
  }
  framework.tracks = {{"ic", "Individual contributor", "Builds things.", {}},
                      {"manager", "Manager", "", {}}};
  framework.areas = {{"delivery", "Delivery", "", {}, {}},
                     {"people", "People", "", {"manager"}, {}}};

  Level l1 = MakeLevel("L1", "Associate", "A", "B", {});
  l1.guides.typical_years = model::NumberRange{0, 2, false};
  AddCriterion(l1, "delivery", "Ships well-defined tasks with tests.");
  Level l2 = MakeLevel("L2", "Core", "C", "C", {"ic", "manager"});
  AddCriterion(l2, "delivery", "Breaks a project into tasks.");
  AddCriterion(l2, "delivery", kHostile);
  Level l3 = MakeLevel("L3", "Senior", "D", "E", {"ic"});
  l3.guides.typical_years = model::NumberRange{5, 0, true};
  l3.guides.ic_time_percent = model::NumberRange{80, 100, false};
  AddCriterion(l3, "delivery", "Chooses between viable designs and says why.");
  Level l4 = MakeLevel("L4", "Staff", "F", "F", {"ic"});
  AddCriterion(l4, "delivery", "Sets the technical direction of a group of teams.");
  Level m1 = MakeLevel("M1", "Manager", "D", "E", {"manager"});
  AddCriterion(m1, "people", "Runs a one-to-one with each report every week.");
  Level m2 = MakeLevel("M2", "Senior manager", "F", "F", {"manager"});
  framework.levels = {l1, l2, l3, l4, m1, m2};

  framework.equivalences = {{{"L4", "M2"}, {}}};
  framework.transitions = {{"L3", "M1", true, {}}};

  model::Position lead;
  lead.id = "tech-lead";
  lead.name = "Tech lead";
  lead.track = "ic";
  lead.min_level = "L2";
  lead.max_level = "L4";
  lead.allowance = 7777;
  framework.positions = {lead};

  framework.pay.currency = "EUR";
  model::PayFamily family;
  family.id = "engineering";
  family.name = "Engineering";
  const std::vector<std::pair<std::string, double>> base = {
      {"A", 41111}, {"B", 42222}, {"C", 53333}, {"D", 64444}, {"E", 75555}, {"F", 86666}};
  for (const auto& [grade, amount] : base) family.base.push_back({grade, amount, {}});
  framework.pay.families = {family};

  model::Rubric rubric;
  rubric.areas = {{"persuasion", "Persuasion", "", 1, 7, {"director", "teammates"}, {}}};
  model::RubricOutcomes outcomes;
  outcomes.min_points = 1;
  outcomes.max_points = 14;
  outcomes.measures = {"User satisfaction"};
  rubric.outcomes = outcomes;
  rubric.table = {{0, 10, "A", {}}, {11, 21, "B", {}}};
  framework.rubric = rubric;
  return framework;
}

std::map<std::string, std::string> ByPath(const std::vector<SiteFile>& files) {
  std::map<std::string, std::string> out;
  for (const SiteFile& file : files) out[file.path] = file.content;
  return out;
}

/// For every occurrence of |prefix| in |text|, the characters after it up to the next '"'.
std::vector<std::string> ValuesAfter(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at + 1)) {
    const size_t start = at + prefix.size();
    out.push_back(text.substr(start, text.find('"', start) - start));
  }
  return out;
}

/// The text of the <section> whose id is |id|, up to its closing tag (sections are not nested).
std::string SectionById(const std::string& page, const std::string& id) {
  const size_t start = page.find("id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  const size_t end = page.find("</section>", start);
  return page.substr(start, end - start);
}

TEST(SiteTest, BuildsTheExpectedFiles) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  std::set<std::string> paths;
  for (const auto& [path, content] : files) paths.insert(path);
  EXPECT_EQ(paths, (std::set<std::string>{"index.html", "track-ic.html", "track-manager.html",
                                          "compare.html", "tracks.html", "positions.html",
                                          "pay.html", "rubric.html", "style.css"}));
  EXPECT_THAT(files.at("style.css"), HasSubstr("@media print"));
}

TEST(SiteTest, LeavesOutPagesTheFrameworkHasNoContentFor) {
  Framework framework = SmallLadder();
  framework.rubric.reset();
  framework.positions.clear();
  const auto files = ByPath(BuildSite(framework, {}));
  EXPECT_EQ(files.count("rubric.html"), 0u);
  EXPECT_EQ(files.count("positions.html"), 0u);
  EXPECT_THAT(files.at("index.html"), Not(HasSubstr("rubric.html")));
}

TEST(SiteTest, EachTrackPageListsExactlyItsLevelsLowestFirst) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string prefix = "<section class=\"level\" id=\"level-";
  EXPECT_EQ(ValuesAfter(files.at("track-ic.html"), prefix),
            (std::vector<std::string>{"L1", "L2", "L3", "L4"}));
  EXPECT_EQ(ValuesAfter(files.at("track-manager.html"), prefix),
            (std::vector<std::string>{"L1", "L2", "M1", "M2"}));
}

TEST(SiteTest, TrackPageShowsBandGuidesAndMarksSharedLevels) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string l1 = SectionById(files.at("track-ic.html"), "level-L1");
  EXPECT_THAT(l1, HasSubstr("Grades A–B"));
  EXPECT_THAT(l1, HasSubstr("Shared with Manager"));
  EXPECT_THAT(l1, HasSubstr("Guides, not requirements"));
  EXPECT_THAT(l1, HasSubstr("0–2 years"));
  const std::string l3 = SectionById(files.at("track-ic.html"), "level-L3");
  EXPECT_THAT(l3, HasSubstr("Grades D–E"));
  EXPECT_THAT(l3, HasSubstr("5+ years"));
  EXPECT_THAT(l3, HasSubstr("80–100%"));
  EXPECT_THAT(l3, Not(HasSubstr("Shared with")));
}

TEST(SiteTest, CumulativeTrackPageMarksInheritedCriteria) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string l3 = SectionById(files.at("track-ic.html"), "level-L3");
  EXPECT_THAT(l3, HasSubstr("Plus everything from <a href=\"#level-L2\">"));
  // The level's own criterion comes before the inherited ones, which sit in a marked block.
  const size_t own = l3.find("Chooses between viable designs");
  const size_t inherited_block = l3.find("<details class=\"inherited\">");
  const size_t inherited = l3.find("Breaks a project into tasks.");
  ASSERT_NE(own, std::string::npos);
  ASSERT_NE(inherited_block, std::string::npos);
  EXPECT_LT(own, inherited_block);
  EXPECT_GT(inherited, inherited_block);
  EXPECT_THAT(l3, HasSubstr("<span class=\"from\">L2</span>"));
  // The lowest level inherits nothing.
  EXPECT_THAT(SectionById(files.at("track-ic.html"), "level-L1"),
              Not(HasSubstr("Plus everything")));
}

TEST(SiteTest, AreasOfOtherTracksStayOffATrackPage) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  EXPECT_THAT(files.at("track-manager.html"), HasSubstr("Runs a one-to-one"));
  EXPECT_THAT(files.at("track-ic.html"), Not(HasSubstr("Runs a one-to-one")));
}

TEST(SiteTest, TrackPageShowsEquivalentsTransitionsPositionsAndPay) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& ic = files.at("track-ic.html");
  const std::string l4 = SectionById(ic, "level-L4");
  EXPECT_THAT(l4, HasSubstr("Equivalent to"));
  EXPECT_THAT(l4, HasSubstr("href=\"track-manager.html#level-M2\""));
  const std::string l3 = SectionById(ic, "level-L3");
  EXPECT_THAT(l3, HasSubstr("href=\"track-manager.html#level-M1\""));
  EXPECT_THAT(l3, HasSubstr("Tech lead"));
  EXPECT_THAT(l3, HasSubstr("64,444–75,555 EUR per year"));
  EXPECT_THAT(SectionById(ic, "level-L2"), HasSubstr("53,333 EUR per year"));
  EXPECT_THAT(SectionById(ic, "level-L1"), Not(HasSubstr("Tech lead")));
  // The transition is both ways, so M1 offers the move back.
  EXPECT_THAT(SectionById(files.at("track-manager.html"), "level-M1"),
              HasSubstr("href=\"track-ic.html#level-L3\""));
}

TEST(SiteTest, ComparePageListsOnlyWhatIsNewAtTheHigherLevel) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& compare = files.at("compare.html");
  const std::string step = SectionById(compare, "change-ic-L2-L3");
  ASSERT_FALSE(step.empty());
  EXPECT_THAT(step, HasSubstr("Chooses between viable designs and says why."));
  EXPECT_THAT(step, Not(HasSubstr("Breaks a project into tasks.")));
  EXPECT_THAT(step, Not(HasSubstr("Ships well-defined tasks")));
  EXPECT_THAT(step, HasSubstr("<span class=\"was\">C</span>"));
  EXPECT_THAT(step, HasSubstr("<span class=\"now\">D–E</span>"));
  EXPECT_THAT(step, HasSubstr("Summary of Senior."));
  // Every adjacent pair of every track has a step, shared levels included.
  EXPECT_THAT(ValuesAfter(compare, " id=\"change-"),
              (std::vector<std::string>{"ic-L1-L2", "ic-L2-L3", "ic-L3-L4", "manager-L1-L2",
                                        "manager-L2-M1", "manager-M1-M2"}));
  EXPECT_THAT(SectionById(compare, "change-manager-L2-M1"), HasSubstr("Runs a one-to-one"));
}

TEST(SiteTest, ComparePageShowsASharedStepOnce) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& compare = files.at("compare.html");
  const std::string again = SectionById(compare, "change-manager-L1-L2");
  EXPECT_THAT(again, HasSubstr("href=\"#change-ic-L1-L2\""));
  EXPECT_THAT(again, Not(HasSubstr("Breaks a project into tasks.")));
  EXPECT_THAT(SectionById(compare, "change-ic-L1-L2"), HasSubstr("Breaks a project into tasks."));
}

TEST(SiteTest, ASharedStepReadingDifferentlyOnAnotherTrackIsShownInFull) {
  Framework framework = SmallLadder();
  AddCriterion(framework.levels[1], "people", "Pairs with a new starter in their first week.");
  const auto files = ByPath(BuildSite(framework, {}));
  const std::string again = SectionById(files.at("compare.html"), "change-manager-L1-L2");
  EXPECT_THAT(again, HasSubstr("Pairs with a new starter"));
  EXPECT_THAT(again, HasSubstr("Breaks a project into tasks."));
  EXPECT_THAT(SectionById(files.at("compare.html"), "change-ic-L1-L2"),
              Not(HasSubstr("Pairs with a new starter")));
}

TEST(SiteTest, NonCumulativeComparePutsBothLevelsSideBySide) {
  Framework framework = SmallLadder();
  framework.cumulative_criteria = false;
  AddCriterion(framework.levels[2], "delivery", "Breaks a project into tasks.");
  const auto files = ByPath(BuildSite(framework, {}));
  const std::string step = SectionById(files.at("compare.html"), "change-ic-L2-L3");
  EXPECT_THAT(step, HasSubstr("side-by-side"));
  EXPECT_THAT(step, HasSubstr("Chooses between viable designs"));
  EXPECT_THAT(step,
              HasSubstr("<li><span class=\"badge new\">new</span><span class=\"text\">Chooses"));
  EXPECT_THAT(step,
              HasSubstr("<li><span class=\"badge same\">same</span><span class=\"text\">Breaks"));
  const size_t lower = step.find("Breaks a project into tasks.");
  ASSERT_NE(lower, std::string::npos);
  EXPECT_NE(step.find("Breaks a project into tasks.", lower + 1), std::string::npos);
  // Without cumulative criteria, a level does not claim to include the ones below.
  EXPECT_THAT(files.at("track-ic.html"), Not(HasSubstr("Plus everything")));
}

TEST(SiteTest, EscapesEverythingTakenFromTheFramework) {
  const std::vector<SiteFile> files = BuildSite(SmallLadder(), {});
  for (const SiteFile& file : files) {
    EXPECT_THAT(file.content, Not(HasSubstr("<script"))) << file.path;
    EXPECT_THAT(file.content, Not(HasSubstr("<ladder>"))) << file.path;
  }
  const auto by_path = ByPath(files);
  EXPECT_THAT(by_path.at("track-ic.html"), HasSubstr(kHostileEscaped));
  EXPECT_THAT(by_path.at("compare.html"), HasSubstr(kHostileEscaped));
  EXPECT_THAT(by_path.at("index.html"), HasSubstr("<title>R&amp;D &lt;ladder&gt;</title>"));
}

TEST(SiteTest, EscapesIdsInAttributesAndFileNames) {
  Framework framework = SmallLadder();
  framework.tracks[1].id = "../x\"y";
  for (Level& level : framework.levels) {
    for (std::string& track : level.tracks) {
      if (track == "manager") track = framework.tracks[1].id;
    }
  }
  framework.areas[1].tracks = {framework.tracks[1].id};
  const auto files = ByPath(BuildSite(framework, {}));
  EXPECT_EQ(files.count("track-_._x_y.html"), 1u);
  for (const auto& [path, content] : files) {
    EXPECT_EQ(path.find('/'), std::string::npos) << path;
    EXPECT_THAT(content, Not(HasSubstr("x\"y"))) << path;
  }
}

TEST(SiteTest, WithoutPayNoAmountOrCurrencyAppears) {
  const std::vector<std::string> amounts = {"41,111", "53,333", "86,666", "7,777",
                                            "EUR",    "41111",  "7777"};
  const auto with_pay = ByPath(BuildSite(SmallLadder(), {.show_pay = true}));
  std::string everything;
  for (const auto& [path, content] : with_pay) everything += content;
  for (const char* amount : {"41,111", "86,666", "7,777 EUR", "EUR"}) {
    EXPECT_THAT(everything, HasSubstr(amount)) << "the test would prove nothing";
  }
  const auto without_pay = ByPath(BuildSite(SmallLadder(), {.show_pay = false}));
  EXPECT_EQ(without_pay.count("pay.html"), 0u);
  for (const auto& [path, content] : without_pay) {
    for (const std::string& amount : amounts) {
      EXPECT_THAT(content, Not(HasSubstr(amount))) << path;
    }
    EXPECT_THAT(content, Not(HasSubstr("href=\"pay.html\""))) << path;
  }
  // The position still says it carries an allowance, without the amount.
  EXPECT_THAT(without_pay.at("positions.html"), HasSubstr("Tech lead"));
}

TEST(SiteTest, PayPageListsBasePayPerGradeAndRangePerLevel) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& pay = files.at("pay.html");
  EXPECT_THAT(pay, HasSubstr("EUR per year"));
  EXPECT_THAT(pay, HasSubstr("41,111 EUR"));
  EXPECT_THAT(pay, HasSubstr("41,111–42,222 EUR"));
  EXPECT_THAT(pay, HasSubstr("86,666 EUR"));
}

TEST(SiteTest, AcrossTracksGridMergesSharedLevelsAndListsEquivalences) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& across = files.at("tracks.html");
  // L1 spans two grades on both tracks: one cell.
  EXPECT_THAT(across, HasSubstr("class=\"level-cell shared\" rowspan=\"2\" colspan=\"2\"><a "
                                "href=\"track-ic.html#level-L1\""));
  EXPECT_THAT(across, HasSubstr("href=\"track-manager.html#level-M1\""));
  EXPECT_THAT(across, HasSubstr("Equivalent levels"));
  EXPECT_THAT(across, HasSubstr("Both ways"));
  // The highest grade comes first.
  EXPECT_LT(across.find("<th scope=\"row\">F</th>"), across.find("<th scope=\"row\">A</th>"));
}

TEST(SiteTest, IndexShowsScaleTracksAndWhereTheySplit) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& index = files.at("index.html");
  EXPECT_THAT(index, HasSubstr("A ladder for tests."));
  EXPECT_THAT(index, HasSubstr("<ol class=\"scale\"><li>A</li><li>B</li>"));
  EXPECT_THAT(index, HasSubstr("Shares L1–L2 with <a href=\"track-manager.html\">Manager</a>; "
                               "splits after <span class=\"lid\">L2</span> Core"));
  EXPECT_THAT(index, HasSubstr("href=\"track-ic.html\""));
  EXPECT_THAT(index, HasSubstr("href=\"compare.html\""));
}

TEST(SiteTest, RubricPageShowsAreasOutcomesAndTable) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  const std::string& rubric = files.at("rubric.html");
  EXPECT_THAT(rubric, HasSubstr("Persuasion"));
  EXPECT_THAT(rubric, HasSubstr("director, teammates"));
  EXPECT_THAT(rubric, HasSubstr("User satisfaction"));
  EXPECT_THAT(rubric, HasSubstr("11–21"));
  EXPECT_THAT(rubric, HasSubstr("Totals run from 1 to 21 points."));
}

TEST(SiteTest, EveryLinkIsRelativeAndLeadsToAPageAndAnchorThatExist) {
  const auto files = ByPath(BuildSite(SmallLadder(), {}));
  int checked = 0;
  for (const auto& [path, content] : files) {
    for (const std::string& href : ValuesAfter(content, "href=\"")) {
      ++checked;
      const size_t hash = href.find('#');
      const std::string target = hash == 0 ? path : href.substr(0, hash);
      ASSERT_EQ(files.count(target), 1u) << path << " links to " << href;
      if (hash == std::string::npos) continue;
      const std::string anchor = href.substr(hash + 1);
      EXPECT_THAT(files.at(target), HasSubstr("id=\"" + anchor + "\""))
          << path << " links to " << href;
    }
  }
  EXPECT_GT(checked, 50);
}

TEST(SiteTest, SurvivesAnEmptyFramework) {
  const auto files = ByPath(BuildSite(Framework{}, {}));
  EXPECT_EQ(files.count("index.html"), 1u);
  EXPECT_EQ(files.count("compare.html"), 1u);
  EXPECT_EQ(files.count("pay.html"), 0u);
}

TEST(SiteTest, SurvivesReferencesThatValidationWouldReject) {
  Framework framework = SmallLadder();
  framework.equivalences.push_back({{"L3", "nope"}, {}});
  framework.transitions.push_back({"nope", "L3", true, {}});
  framework.positions[0].max_level = "nope";
  AddCriterion(framework.levels[2], "nowhere", "Does something in an unknown area.");
  framework.levels.push_back(MakeLevel("X", "Off the scale", "Q", "Z", {"ic"}));
  const auto files = ByPath(BuildSite(framework, {}));
  EXPECT_THAT(files.at("track-ic.html"), HasSubstr("Does something in an unknown area."));
  EXPECT_THAT(files.at("tracks.html"), HasSubstr("nope"));
  EXPECT_THAT(files.at("track-ic.html"), Not(HasSubstr("level-X")));
}

TEST(SiteTest, OutputIsDeterministic) {
  const Framework framework = SmallLadder();
  const std::vector<SiteFile> first = BuildSite(framework, {});
  // Same content at different addresses: output must not depend on pointers.
  const Framework copy = framework;  // NOLINT(performance-unnecessary-copy-initialization)
  const std::vector<SiteFile> second = BuildSite(copy, {});
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].path, second[i].path);
    EXPECT_EQ(first[i].content, second[i].content) << first[i].path;
  }
}

class SiteWriteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("yardstick-site-" + std::string(info->name()) + "-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  fs::path root_;
};

TEST_F(SiteWriteTest, WritesEveryFileAndReplacesOnlyItsOwn) {
  const fs::path site = root_ / "out" / "site";
  fs::create_directories(site);
  std::ofstream(site / "index.html") << "old";
  std::ofstream(site / "keep.txt") << "mine";

  const std::vector<SiteFile> files = BuildSite(SmallLadder(), {});
  const Status status = WriteSite(files, site.string());
  ASSERT_TRUE(status.ok()) << status.message();
  for (const SiteFile& file : files) EXPECT_EQ(Read(site / file.path), file.content) << file.path;
  EXPECT_EQ(Read(site / "keep.txt"), "mine");
  int entries = 0;
  for (const auto& entry : fs::directory_iterator(site)) {
    ++entries;
    EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
  }
  EXPECT_EQ(entries, static_cast<int>(files.size()) + 1);
}

TEST_F(SiteWriteTest, CreatesMissingDirectories) {
  const fs::path site = root_ / "a" / "b";
  ASSERT_TRUE(WriteSite({{"index.html", "hi"}, {"sub/page.html", "there"}}, site.string()).ok());
  EXPECT_EQ(Read(site / "index.html"), "hi");
  EXPECT_EQ(Read(site / "sub" / "page.html"), "there");
}

TEST_F(SiteWriteTest, FailsCleanlyUnderARegularFile) {
  fs::create_directories(root_);
  std::ofstream(root_ / "plain-file") << "x";
  const std::string target = (root_ / "plain-file" / "site").string();
  const Status status = WriteSite({{"index.html", "hi"}}, target);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_THAT(status.message(), HasSubstr(target));
}

TEST_F(SiteWriteTest, RefusesPathsThatLeaveTheSite) {
  const fs::path site = root_ / "site";
  for (const char* path : {"../escape.html", "/tmp/escape.html", ""}) {
    const Status status = WriteSite({{path, "x"}}, site.string());
    EXPECT_FALSE(status.ok()) << path;
  }
  EXPECT_FALSE(fs::exists(root_ / "escape.html"));
}

}  // namespace
}  // namespace yardstick::ladder
