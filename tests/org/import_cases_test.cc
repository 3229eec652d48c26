// Runs the data-driven HRIS import cases in tests/org/import_cases/*.test against the fixed
// organisation of import_fixture.h. Each case is a CSV file and the exact output of planning its
// import: every diagnostic (`line:field: error: message`, field being the 1-based column), and,
// when there is no error, the dry-run diff and the salary deviations.
//
// Lines at the top of a case that start with '@' set options (see ReadImportDirectives).
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>

#include "case_file.h"
#include "io/people_csv.h"
#include "org/import_diff.h"
#include "org/import_fixture.h"
#include "org/people_import.h"

namespace yardstick::org {
namespace {

using testing::TestCase;

std::vector<std::string> Render(const ImportPlan& plan) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : plan.diagnostics.items()) {
    // Drop the file name: cases pin line, field, severity and message.
    lines.push_back(diagnostic.Format("f").substr(diagnostic.loc.line > 0 ? 2 : 3));
  }
  if (!plan.ok()) return lines;
  const DiffOptions all{0};
  for (const std::string& line : testing::SplitLines(
           FormatImportDiff(plan, all) + FormatSalaryDeviations(plan.salary_deviations, all))) {
    lines.push_back(line);
  }
  return lines;
}

class ImportCase : public ::testing::TestWithParam<TestCase> {};

TEST_P(ImportCase, PrintsExactlyTheExpectedOutput) {
  const TestCase& test_case = GetParam();
  const testing::ImportCaseSetup setup = testing::ReadImportDirectives(test_case.input);
  ASSERT_TRUE(setup.errors.empty()) << setup.errors.front();
  std::istringstream in(setup.csv);
  const io::PeopleCsv csv = io::ReadPeopleCsv(in, setup.mapping);
  const ImportPlan plan = PlanPeopleImport(testing::ImportFixtureOrg(), csv, setup.options);
  const std::vector<std::string> actual = Render(plan);
  testing::ExpectOutput(test_case, actual);
  if (!plan.ok()) {
    EXPECT_TRUE(plan.changes.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ImportCase,
                         ::testing::ValuesIn(testing::ReadCaseDirectory(YARDSTICK_SOURCE_DIR
                                                                        "/tests/org/import_cases",
                                                                        ".test")),
                         [](const auto& info) { return testing::TestName(info.param); });

}  // namespace
}  // namespace yardstick::org
