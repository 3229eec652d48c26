// The lab's reports: the terminal table, the CSV table and the HTML page.
#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "lab/lab_report.h"
#include "lab/lab_report_html.h"
#include "lab_fixture.h"

namespace yardstick::lab {
namespace {

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::vector<PolicyOutcome> TwoPolicies() {
  std::vector<PolicyOutcome> outcomes(2);
  outcomes[0].label = "time norms";
  outcomes[0].policy = "time norms (every 2 y)";
  outcomes[1].label = "<b>sly</b>";
  outcomes[1].policy = "a name with </script> in it";
  for (PolicyOutcome& outcome : outcomes) {
    outcome.replications.resize(3);
    for (Estimate& estimate : outcome.summary) estimate = {0.25, 0.05, 3};
  }
  outcomes[1].summary[static_cast<size_t>(Metric::kWrongPromotions)] = {NAN, NAN, 0};
  return outcomes;
}

TEST(LabReport, TableShowsEveryOutcomeWithItsInterval) {
  const std::string table = FormatOutcomeTable(TwoPolicies());
  for (const MetricInfo& info : kMetrics) EXPECT_TRUE(Contains(table, info.header));
  EXPECT_TRUE(Contains(table, "25.0% ± 5.0"));  // a share
  EXPECT_TRUE(Contains(table, "0.25 ± 0.05"));  // a count
  EXPECT_TRUE(Contains(table, "n/a"));          // nothing measured
  EXPECT_TRUE(Contains(table, "over 3 replications"));
}

TEST(LabReport, CsvHasARowPerPolicyAndOutcome) {
  const std::vector<PolicyOutcome> outcomes = TwoPolicies();
  const io::ExportTable table = OutcomeCsvTable(outcomes);
  ASSERT_EQ(table.row_count, 2 * kMetricCount);
  std::vector<std::string> cells(table.columns.size());
  table.row(kMetricCount + static_cast<size_t>(Metric::kWrongPromotions), cells);
  EXPECT_EQ(cells[2], "wrong_promotions");
  EXPECT_EQ(cells[3], "");  // NaN is an empty cell
  table.row(0, cells);
  EXPECT_EQ(cells[4], "0.2");
  EXPECT_EQ(cells[5], "0.3");
}

TEST(LabReport, HtmlPageIsSelfContainedAndEscaped) {
  const std::vector<PolicyOutcome> outcomes = TwoPolicies();
  LabRunOptions run;
  TuningResult tuning;
  tuning.max_wrong_promotions = 0.1;
  tuning.points.resize(2);
  tuning.points[0].summary = outcomes[0].summary;
  tuning.points[0].on_frontier = true;
  tuning.points[1].summary[static_cast<size_t>(Metric::kCyclesToStable)] = {NAN, NAN, 0};
  tuning.recommended = 0;
  const std::string page =
      RenderLabReportHtml({&testing::EngineeringLadder(), &run, outcomes, &tuning}, "/* chart */");
  EXPECT_TRUE(Contains(page, "default-src 'none'"));
  EXPECT_FALSE(Contains(page, "src=\"http"));
  EXPECT_TRUE(Contains(page, "/* chart */"));
  EXPECT_FALSE(Contains(page, "<b>sly</b>"));
  EXPECT_TRUE(Contains(page, "&lt;b&gt;sly&lt;/b&gt;"));
  EXPECT_FALSE(Contains(page, "with </script> in it")) << "the JSON cannot end its element";
  EXPECT_TRUE(Contains(page, "id=\"tuning\""));
  EXPECT_TRUE(Contains(page, "(recommended)"));
  const nlohmann::json data = nlohmann::json::parse(
      LabReportJson({&testing::EngineeringLadder(), &run, outcomes, &tuning}));
  EXPECT_EQ(data["policies"].size(), 2u);
  EXPECT_TRUE(data["policies"][1]["summary"][3]["mean"].is_null());
  EXPECT_EQ(data["tuning"]["points"].size(), 1u);  // the one with nothing measured is left out
  // Without a sweep, no tuning section.
  EXPECT_FALSE(
      Contains(RenderLabReportHtml({&testing::EngineeringLadder(), &run, outcomes, nullptr}, ""),
               "id=\"tuning\""));
}

}  // namespace
}  // namespace yardstick::lab
