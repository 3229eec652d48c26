// The cycle report's HTML page (review/cycle_report_html.h) and the bundled Chart.js
// (io/web_assets.h), on the small decided cycle of tests/review/slate_fixture.h.
#include "review/cycle_report_html.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "base/file.h"
#include "io/web_assets.h"
#include "review/slate_fixture.h"

namespace yardstick::review {
namespace {

using testing::SlateFixture;

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

/// The text between |open| and the next "</script>" in |page|.
std::string ScriptAfter(const std::string& page, const std::string& open) {
  const size_t start = page.find(open);
  if (start == std::string::npos) return "";
  const size_t from = start + open.size();
  return page.substr(from, page.find("</script>", from) - from);
}

TEST(WebAssetsTest, ChartJsIsTheInstalledBundle) {
  const Result<std::string> file = ReadTextFile(std::string(YARDSTICK_SOURCE_DIR) +
                                                "/web/node_modules/chart.js/dist/chart.umd.js");
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(io::ChartJsBundle(), *file) << "embedded byte for byte";
  EXPECT_TRUE(io::ChartJsBundle().starts_with("/*!\n * Chart.js v4."));
  EXPECT_TRUE(Contains(io::ChartJsBundle(), "Released under the MIT License"));
  EXPECT_FALSE(Contains(io::ChartJsBundle(), "</script")) << "it could not be inlined";
}

TEST(CycleReportHtmlTest, IsOneSelfContainedPage) {
  SlateFixture fixture;
  const std::string page = RenderCycleReportHtml(fixture.Report(), io::ChartJsBundle());
  EXPECT_TRUE(page.starts_with("<!doctype html>"));
  EXPECT_TRUE(Contains(page, "<meta name=\"viewport\""));
  EXPECT_TRUE(Contains(page, "default-src 'none'"));
  // Chart.js inlined with its licence header, without its source-map comment.
  const std::string bundle(io::ChartJsBundle().substr(0, 2000));
  EXPECT_TRUE(Contains(page, "<script>\n" + bundle));
  EXPECT_FALSE(Contains(page, "sourceMappingURL"));
  // Nothing outside the library refers to anything outside the page.
  std::string own = page;
  own.erase(own.find(bundle), io::ChartJsBundle().size());
  for (const char* external : {"http:", "https:", "src=", "@import", "url("}) {
    EXPECT_FALSE(Contains(own, external)) << external;
  }
  EXPECT_EQ(std::count(page.begin(), page.end(), '\0'), 0);
}

TEST(CycleReportHtmlTest, EscapesEveryTextFromPeople) {
  SlateFixture fixture;
  const std::string page =
      RenderCycleReportHtml(fixture.Report("id,team\nE6,<b>red</b>\n"), io::ChartJsBundle());
  EXPECT_FALSE(Contains(page, "<script>alert(1)</script>"));
  EXPECT_TRUE(Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_TRUE(Contains(page, "Covers the &lt;on-call&gt; lead &amp; more"));
  EXPECT_TRUE(Contains(page, "<title>Cycle report: H2 &lt;2026&gt;</title>"));
  EXPECT_FALSE(Contains(page, "<b>red</b>"));
  EXPECT_TRUE(Contains(page, "&lt;b&gt;red&lt;/b&gt;"));
  // In the JSON, "</" is written "<\/" so that nothing can end the script element early.
  const std::string json =
      ScriptAfter(page, "<script type=\"application/json\" id=\"report-data\">");
  ASSERT_FALSE(json.empty());
  EXPECT_FALSE(Contains(json, "</"));
  EXPECT_TRUE(Contains(json, "<script>alert(1)<\\/script>"));
}

TEST(CycleReportHtmlTest, CarriesTheDataAsJson) {
  SlateFixture fixture;
  const std::string page =
      RenderCycleReportHtml(fixture.Report("id,gender\nE3,F\nE6,M\n"), io::ChartJsBundle());
  const nlohmann::json data = nlohmann::json::parse(
      ScriptAfter(page, "<script type=\"application/json\" id=\"report-data\">"));
  EXPECT_EQ(data["cycle"]["id"], "h2");
  EXPECT_EQ(data["currency"], "EUR");
  ASSERT_EQ(data["groups"].size(), 1u);
  EXPECT_EQ(data["groups"][0]["id"], "engineering");
  EXPECT_EQ(data["groups"][0]["chart_grades"].size(), data["groups"][0]["chart_held"].size());
  EXPECT_EQ(data["slate"].size(), 6u);
  EXPECT_EQ(data["slate"][4]["name"], "<script>alert(1)</script>");
  EXPECT_EQ(data["slate"][4]["exception"], true);
  EXPECT_EQ(data["total"]["bonus_total"], 1500.0);
  EXPECT_EQ(data["by_team"][1]["id"], "E2");
  EXPECT_EQ(data["attributes"][0]["attribute"], "gender");
  // A chart per comparison group, and one of proposals by team.
  EXPECT_TRUE(Contains(page, "<canvas id=\"group-chart-0\""));
  EXPECT_TRUE(Contains(page, "<canvas id=\"team-chart\""));
}

TEST(CycleReportHtmlTest, HighlightsExceptions) {
  SlateFixture fixture;
  const std::string page = RenderCycleReportHtml(fixture.Report(), io::ChartJsBundle());
  EXPECT_TRUE(Contains(page, "<tr class=\"exception\"><td>E6</td>"));
  EXPECT_TRUE(Contains(page, "<span class=\"badge exception\">exception</span>"));
  EXPECT_TRUE(Contains(page, "four-fifths rule"));
  EXPECT_TRUE(Contains(page, "No attributes were given"));
}

TEST(CycleReportHtmlTest, HighlightsFlaggedRatios) {
  // The fixture's organisation is too small to judge; the rule itself is tested in
  // engine/adverse_impact_test.cc. Here: a flagged ratio is marked in the page.
  SlateFixture fixture;
  SlateReport report = fixture.Report();
  std::vector<engine::PersonOutcome> outcomes;
  for (int i = 0; i < 5; ++i) outcomes.push_back({"Lisbon", i < 3, false});
  for (int i = 0; i < 5; ++i) outcomes.push_back({"Berlin", i < 1, i < 2});
  report.attributes.push_back(engine::MeasureAdverseImpact("location", outcomes));
  const std::string page = RenderCycleReportHtml(report, io::ChartJsBundle());
  EXPECT_TRUE(Contains(page, "<h3>location</h3>"));
  EXPECT_TRUE(Contains(page, "<td class=\"num flag\">0.33 under 4/5</td>"));  // 0.2 / 0.6
  EXPECT_TRUE(Contains(page, "<td class=\"num flag\">0.00 under 4/5</td>"));  // 0 / 0.4
}

TEST(CycleReportHtmlTest, WithoutASlateShowsTheGrades) {
  SlateFixture fixture;
  fixture.decisions.clear();
  const std::string page =
      RenderCycleReportHtml(fixture.Report("id,site\nE3,a\n"), io::ChartJsBundle());
  EXPECT_TRUE(Contains(page, "There is no slate yet"));
  EXPECT_TRUE(Contains(page, "<canvas id=\"group-chart-0\""));
  EXPECT_FALSE(Contains(page, "<canvas id=\"team-chart\""));
}

}  // namespace
}  // namespace yardstick::review
