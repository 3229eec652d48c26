// Runs the data-driven framework cases in tests/ladder/cases/*.test: each case is a framework file
// and the exact diagnostics `yardstick framework check` (or, for cases named "lint: …", `lint`)
// must print for it.
#include <cstdlib>
#include <iostream>

#include <gtest/gtest.h>

#include "case_file.h"
#include "ladder/framework_loader.h"
#include "ladder/lint.h"

namespace yardstick::ladder {
namespace {

using testing::TestCase;

std::vector<std::string> Render(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    // Drop the file name: cases pin line, column, severity and message.
    lines.push_back(diagnostic.Format("f").substr(diagnostic.loc.line > 0 ? 2 : 3));
  }
  return lines;
}

class FrameworkCase : public ::testing::TestWithParam<TestCase> {};

TEST_P(FrameworkCase, PrintsExactlyTheExpectedDiagnostics) {
  const TestCase& test_case = GetParam();
  LoadedFramework loaded = LoadFramework(test_case.input);
  if (test_case.name.rfind("lint: ", 0) == 0) {
    loaded.diagnostics.Append(LintFramework(loaded.framework));
  }
  const std::vector<std::string> actual = Render(loaded.diagnostics);
  testing::ExpectOutput(test_case, actual);
}

INSTANTIATE_TEST_SUITE_P(Cases, FrameworkCase,
                         ::testing::ValuesIn(testing::ReadCaseDirectory(YARDSTICK_SOURCE_DIR
                                                                        "/tests/ladder/cases",
                                                                        ".test")),
                         [](const auto& info) { return testing::TestName(info.param); });

}  // namespace
}  // namespace yardstick::ladder
