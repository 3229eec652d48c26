// An HRIS import at scale: a generated export of a large organisation (a manager tree eight wide,
// engineering managers and engineers, salaries on the scale but for every hundredth person)
// parses and plans without a problem, in time that grows with the rows, not their square.
//
// By default 50,000 rows, to keep the suite fast. For the benchmark:
//   YARDSTICK_IMPORT_ROWS=1000000 yardstick_tests --gtest_filter='ImportScale*'
// prints the parse and plan times; YARDSTICK_IMPORT_CSV_OUT=people.csv also writes the export,
// for timing `yardstick people import` itself.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "io/people_csv.h"
#include "org/import_fixture.h"
#include "org/people_import.h"

namespace yardstick::org {
namespace {

/// Reports to (i - 1) / 8: everyone below the first eighth manages someone.
int ManagerOf(int person) { return person == 0 ? -1 : (person - 1) / 8; }

/// A full export of |rows| people on the engineering ladder, twelve columns.
std::string GenerateExport(int rows) {
  static constexpr const char* kGrades = "ABCDEFGHIJKLMNO";
  static constexpr double kPay[] = {30000, 33000, 36000, 42000, 46000,  50000,  56000, 62000,
                                    70000, 78000, 88000, 98000, 110000, 125000, 145000};
  std::string out =
      "id,name,email,group,track,grade,position,manager_id,hire_date,hired_at_grade,status,"
      "salary\n";
  out.reserve(static_cast<size_t>(rows) * 140);
  for (int i = 0; i < rows; ++i) {
    const bool manages = i < (rows + 6) / 8;
    const int grade = manages ? 8 + i % 7 : i % 15;  // managers I-O, engineers A-O
    const double salary = kPay[grade] + (manages ? 6000 : 0) + (i % 100 == 99 ? 1000 : 0);
    const int manager = ManagerOf(i);
    out += fmt::format(
        "P{},\"Person {}, the {}th\",person.{}@example.com,engineering,{},{},{},{},{}-{:02}-{:02},"
        "{},active,{}\n",
        i, i, i, i, manages ? "manager" : "ic", kGrades[grade],
        manages ? "engineering-manager" : "software-engineer",
        manager < 0 ? "" : fmt::format("P{}", manager), 2005 + i % 20, 1 + i % 12, 1 + i % 28,
        kGrades[manages ? 8 : grade], salary);
  }
  return out;
}

int RowsWanted() {
  const char* rows = std::getenv("YARDSTICK_IMPORT_ROWS");
  return rows != nullptr ? std::atoi(rows) : 50000;
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(ImportScaleTest, ALargeExportParsesAndPlansCleanly) {
  const int rows = RowsWanted();
  const std::string text = GenerateExport(rows);
  if (const char* out = std::getenv("YARDSTICK_IMPORT_CSV_OUT")) std::ofstream(out) << text;
  OrgState org = testing::ImportFixtureOrg();
  org.people.clear();

  const auto parse_start = std::chrono::steady_clock::now();
  std::istringstream in(text);
  const io::PeopleCsv csv = io::ReadPeopleCsv(in);
  const double parse_seconds = SecondsSince(parse_start);
  const auto plan_start = std::chrono::steady_clock::now();
  const ImportPlan plan = PlanPeopleImport(org, csv, {false, testing::kImportEffective});
  const double plan_seconds = SecondsSince(plan_start);
  std::cout << fmt::format("{} rows, {:.1f} MB: parse {:.2f} s, plan {:.2f} s\n", rows,
                           static_cast<double>(text.size()) / 1e6, parse_seconds, plan_seconds);

  ASSERT_TRUE(plan.ok()) << plan.diagnostics.Format("people.csv").substr(0, 2000);
  EXPECT_EQ(plan.changes.added.size(), static_cast<size_t>(rows));
  EXPECT_EQ(plan.salary_deviations.size(), static_cast<size_t>(rows / 100));
}

TEST(ImportScaleTest, ALoopAtTheBottomOfADeepTreeIsFound) {
  const int rows = std::min(RowsWanted(), 50000);
  std::string text = GenerateExport(rows);
  // The top person now reports to the last one: everything on that line of the tree loops.
  const std::string top = "engineering-manager,,";
  text.replace(text.find(top), top.size(), fmt::format("engineering-manager,P{},", rows - 1));
  std::istringstream in(text);
  const io::PeopleCsv csv = io::ReadPeopleCsv(in);
  OrgState org = testing::ImportFixtureOrg();
  org.people.clear();
  const ImportPlan plan = PlanPeopleImport(org, csv, {false, testing::kImportEffective});
  ASSERT_EQ(plan.diagnostics.ErrorCount(), 1) << plan.diagnostics.Format("f");
  EXPECT_NE(plan.diagnostics.items()[0].message.find("manager loop: P0 → P"), std::string::npos)
      << plan.diagnostics.items()[0].message;
}

}  // namespace
}  // namespace yardstick::org
