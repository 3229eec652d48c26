// Runs the data-driven cases in tests/io/calibration_cases/*.test: a ratings or ranks CSV file
// and exactly what reading it reports (`line:field: severity: message`), then, when there is no
// error, what was read (one rating or one stack rank per line).
//
// A case's first input line may be a directive: "@ranks" reads the file as ranks.csv (default:
// ratings.csv); "@scale MIN MAX" checks ratings against the scale.
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "case_file.h"
#include "io/calibration_csv.h"

namespace yardstick::io {
namespace {

using testing::TestCase;

std::vector<std::string> ReadCase(const std::string& case_input) {
  std::string csv = case_input;
  bool ranks = false;
  RatingBounds bounds;
  while (!csv.empty() && csv[0] == '@') {
    const size_t end = csv.find('\n');
    std::istringstream directive(csv.substr(1, end - 1));
    std::string name;
    directive >> name;
    if (name == "ranks") ranks = true;
    if (name == "scale") {
      double min = 0;
      double max = 0;
      directive >> min >> max;
      bounds = {min, max};
    }
    csv = end == std::string::npos ? "" : csv.substr(end + 1);
  }
  std::istringstream in(csv);
  Diagnostics diagnostics;
  std::vector<engine::Rating> ratings;
  std::vector<engine::StackRank> stack_ranks;
  if (ranks) {
    ReadRanksCsv(in, stack_ranks, diagnostics);
  } else {
    ReadRatingsCsv(in, bounds, ratings, diagnostics);
  }
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    lines.push_back(diagnostic.Format("f").substr(diagnostic.loc.line > 0 ? 2 : 3));
  }
  if (diagnostics.HasErrors()) return lines;
  for (const engine::Rating& rating : ratings) {
    lines.push_back(
        fmt::format("rating {} by {}: {}", rating.person_id, rating.rater_id, rating.value));
  }
  for (const engine::StackRank& rank : stack_ranks) {
    lines.push_back(
        fmt::format("stack rank of {}: {}", rank.rater_id, fmt::join(rank.person_ids, " > ")));
  }
  return lines;
}

class CalibrationCsvCase : public ::testing::TestWithParam<TestCase> {};

TEST_P(CalibrationCsvCase, ReportsExactlyTheExpectedOutput) {
  const TestCase& test_case = GetParam();
  const std::vector<std::string> actual = ReadCase(test_case.input);
  testing::ExpectOutput(test_case, actual);
}

INSTANTIATE_TEST_SUITE_P(Cases, CalibrationCsvCase,
                         ::testing::ValuesIn(testing::ReadCaseDirectory(
                             YARDSTICK_SOURCE_DIR "/tests/io/calibration_cases", ".test")),
                         [](const auto& info) { return testing::TestName(info.param); });

}  // namespace
}  // namespace yardstick::io
