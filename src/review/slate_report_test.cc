// The slate report (review/slate_report.h) and the attribute file (review/person_attributes.h) on
// the small decided cycle of tests/review/slate_fixture.h.
#include "review/slate_report.h"

#include <sstream>

#include <gtest/gtest.h>

#include "review/slate_fixture.h"

namespace yardstick::review {
namespace {

using testing::SlateFixture;

std::vector<std::string> Lines(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics.items()) lines.push_back(d.Format("a.csv"));
  return lines;
}

PersonAttributes Read(const SlateFixture& fixture, const std::string& csv) {
  std::istringstream in(csv);
  return ReadPersonAttributes(in, *fixture.scope);
}

TEST(SlateReportTest, CountsPromotionsPlansAndBonusesByTeamAndRater) {
  SlateFixture fixture;
  const SlateReport report = fixture.Report();
  ASSERT_TRUE(report.has_slate);
  ASSERT_EQ(report.slate.size(), 6u);
  EXPECT_EQ(report.slate[0].decision->person_id, "E1");
  EXPECT_EQ(report.slate[4].rater_id, "E2");  // E6
  EXPECT_EQ(report.slate[2].rater_id, "E2") << "the manager's rating, not the benchmark rating";
  EXPECT_EQ(report.slate[0].rater_id, "") << "nobody rated E1";

  const OutcomeCounts& t = report.total;
  EXPECT_EQ(t.people, 6);
  EXPECT_EQ(t.promotions, 2) << "E3 and the exception E6; E7's promotion was rejected";
  EXPECT_EQ(t.exceptions, 1);
  EXPECT_EQ(t.plans, 1);
  EXPECT_EQ(t.bonuses, 2);
  EXPECT_DOUBLE_EQ(t.bonus_total, 1500);
  EXPECT_EQ(t.rejected, 1);
  EXPECT_EQ(t.not_calibrated, 1);

  ASSERT_EQ(report.by_team.size(), 3u);
  EXPECT_EQ(report.by_team[0].id, "E1");
  EXPECT_EQ(report.by_team[0].who->name, "Grace Hopper");
  EXPECT_EQ(report.by_team[0].people, 2);  // E2, E7
  EXPECT_EQ(report.by_team[0].promotions, 0);
  EXPECT_EQ(report.by_team[0].rejected, 1);
  EXPECT_EQ(report.by_team[1].id, "E2");
  EXPECT_EQ(report.by_team[1].people, 3);  // E3, E4, E6
  EXPECT_EQ(report.by_team[1].promotions, 2);
  EXPECT_EQ(report.by_team[1].exceptions, 1);
  EXPECT_EQ(report.by_team[1].plans, 1);
  EXPECT_DOUBLE_EQ(report.by_team[1].bonus_total, 1500);
  EXPECT_EQ(report.by_team[2].id, "") << "the top of the tree, last";
  EXPECT_EQ(report.by_team[2].who, nullptr);

  ASSERT_EQ(report.by_rater.size(), 3u);
  EXPECT_EQ(report.by_rater[0].id, "E1");
  EXPECT_EQ(report.by_rater[0].people, 2);
  EXPECT_EQ(report.by_rater[1].id, "E2");
  EXPECT_EQ(report.by_rater[1].people, 3);
  EXPECT_EQ(report.by_rater[2].id, "");
  EXPECT_EQ(report.by_rater[2].not_calibrated, 1);

  ASSERT_EQ(report.exceptions.size(), 1u);
  EXPECT_EQ(report.exceptions[0]->decision->person_id, "E6");
  EXPECT_TRUE(report.attributes.empty());
}

TEST(SlateReportTest, BreaksRatesDownByAttributes) {
  SlateFixture fixture;
  const SlateReport report = fixture.Report(
      "person_id,Gender,location\n"
      "E1,F,Lisbon\n"  // not calibrated: left out
      "E2,F,Lisbon\n"
      "E3,M,\n"
      "E4,F,Berlin\n"
      "E6,M,Lisbon\n"
      "E5,F,Berlin\n",  // has left: allowed, not in the cycle
      {"location", "gender"});
  ASSERT_TRUE(fixture.attributes.ok()) << fixture.attributes.diagnostics.Format("a.csv");
  ASSERT_EQ(report.attributes.size(), 2u);
  const engine::AdverseImpact& location = report.attributes[0];
  EXPECT_EQ(location.attribute, "location");
  ASSERT_EQ(location.rows.size(), 3u);
  EXPECT_EQ(location.rows[0].value, "Berlin");  // E4
  EXPECT_EQ(location.rows[0].plans, 1);
  EXPECT_EQ(location.rows[1].value, "Lisbon");  // E2, E6
  EXPECT_EQ(location.rows[1].people, 2);
  EXPECT_EQ(location.rows[1].promotions, 1);
  EXPECT_EQ(location.rows[2].value, engine::kNotGiven);  // E3 (empty), E7 (no row)
  EXPECT_EQ(location.rows[2].people, 2);
  EXPECT_EQ(location.rows[2].promotions, 1) << "E3; E7's promotion was rejected";
  const engine::AdverseImpact& gender = report.attributes[1];
  EXPECT_EQ(gender.attribute, "Gender");
  ASSERT_EQ(gender.rows.size(), 3u);
  EXPECT_EQ(gender.rows[0].value, "F");
  EXPECT_EQ(gender.rows[0].people, 2);  // E2, E4
  EXPECT_EQ(gender.rows[1].value, "M");
  EXPECT_EQ(gender.rows[1].promotions, 2);
  EXPECT_FALSE(gender.rows[1].judged) << "two people are too few to judge";
}

TEST(SlateReportTest, WithoutASlateTheReportSaysSo) {
  SlateFixture fixture;
  fixture.decisions.clear();
  const SlateReport report = fixture.Report("id,gender\nE3,F\n");
  EXPECT_FALSE(report.has_slate);
  EXPECT_TRUE(report.slate.empty());
  EXPECT_TRUE(report.attributes.empty());
  EXPECT_NE(FormatSlateSummary(report).find("no slate yet"), std::string::npos);
  for (const io::ExportTable& table : SlateReportTables(report)) EXPECT_EQ(table.row_count, 0u);
}

TEST(SlateReportTest, TablesForCsvAndXlsx) {
  SlateFixture fixture;
  const SlateReport report = fixture.Report("id,gender\nE3,F\nE6,M\n");
  const std::vector<io::ExportTable> tables = SlateReportTables(report);
  ASSERT_EQ(tables.size(), 4u);
  EXPECT_EQ(tables[0].title, "Slate");
  EXPECT_EQ(tables[1].title, "By team");
  EXPECT_EQ(tables[2].title, "By rater");
  EXPECT_EQ(tables[3].title, "Adverse impact");
  std::vector<std::string> cells(tables[0].columns.size());
  tables[0].row(4, cells);  // E6
  EXPECT_EQ(cells[0], "E6");
  EXPECT_EQ(cells[5], "exception");
  EXPECT_EQ(cells[6], "exception");
  EXPECT_EQ(cells[11], "500.00");
  EXPECT_EQ(cells[17], "Covers the <on-call> lead & more");
  EXPECT_EQ(cells[18], "E1");
  cells.assign(tables[1].columns.size(), "");
  tables[1].row(1, cells);
  EXPECT_EQ(cells[0], "E2");
  EXPECT_EQ(cells[3], "2");            // promotions
  EXPECT_EQ(cells[7], "1500.00");      // bonus total
  EXPECT_EQ(tables[3].row_count, 3u);  // F, M, (not given)
}

TEST(PersonAttributesTest, ProblemsAreLocated) {
  SlateFixture fixture;
  EXPECT_EQ(Lines(Read(fixture, "name,gender\nE1,F\n").diagnostics),
            std::vector<std::string>{"a.csv:1:1: error: no id column: name the column of person "
                                     "ids 'person_id' or 'id'"});
  EXPECT_EQ(Lines(Read(fixture, "Person ID\nE1\n").diagnostics),
            std::vector<std::string>{"a.csv:1:1: error: no attribute columns: give one or more "
                                     "besides the id (e.g. gender, location)"});
  EXPECT_EQ(
      Lines(Read(fixture,
                 "id,gender,Gender\n"
                 "E1,F,F\n"
                 "E2,M\"x,F\n"
                 ",F,F\n"
                 "E1,F,F\n"
                 "X1,F,F\n"
                 "E3,F\n"
                 "X2,F,F\n")
                .diagnostics),
      (std::vector<std::string>{
          "a.csv:1:3: error: duplicate column 'Gender': column 2 has that name already",
          "a.csv:3:2: error: a quote inside an unquoted field; enclose the whole field in "
          "quotes and double the quote (\"say \"\"hi\"\"\")",
          "a.csv:4:1: error: no person id in this row",
          "a.csv:5:1: error: E1 is given twice (first on line 2)",
          "a.csv:6:1: error: 2 ids are not people of the organisation: X1 (line 6), X2 (line 8)",
          "a.csv:7:3: error: expected 3 fields, as in the header, but found 2"}));
}

TEST(PersonAttributesTest, UnknownIdsListTheFirstFew) {
  SlateFixture fixture;
  std::string csv = "id,gender\n";
  for (int i = 1; i <= 7; ++i) csv += "X" + std::to_string(i) + ",F\n";
  EXPECT_EQ(Lines(Read(fixture, csv).diagnostics),
            std::vector<std::string>{"a.csv:2:1: error: 7 ids are not people of the "
                                     "organisation: X1 (line 2), X2 (line 3), X3 (line 4), X4 "
                                     "(line 5), X5 (line 6) and 2 more"});
}

TEST(PersonAttributesTest, SelectsColumnsByName) {
  SlateFixture fixture;
  const PersonAttributes attributes = Read(fixture, "person_id,Gender,Work Location\nE1,F,x\n");
  ASSERT_TRUE(attributes.ok());
  EXPECT_EQ(*SelectAttributes(attributes, {}), (std::vector<size_t>{0, 1}));
  EXPECT_EQ(*SelectAttributes(attributes, {"work_location"}), (std::vector<size_t>{1}));
  const Result<std::vector<size_t>> unknown = SelectAttributes(attributes, {"gendr"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(),
            "--by gendr: the attribute file has no such column (did you mean 'Gender'?); its "
            "columns are 'Gender' and 'Work Location'");
}

}  // namespace
}  // namespace yardstick::review
