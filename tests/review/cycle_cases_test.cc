// Runs the data-driven review-cycle input cases: tests/review/cases/ratings/*.test (a ratings
// CSV) and tests/review/cases/ranks/*.test (a stack-ranks CSV), each with the exact output of
// judging it against the fixed cycle below: every diagnostic (`line:column: error: message`), or,
// when there is none, what would be stored.
//
// The cycle "h2" rates the groups on the built-in engineering ladder: `engineering` and
// `platform`. The organisation is the HRIS fixture's (org/import_fixture.h) plus:
//   E6 Barbara Liskov  ic G  reports to E1           (E1's team: E2, E6)
//   X1 Xavier Leroy    ic H  reports to E1, group platform
//   P1 Marty Cagan     ic G  reports to E1, group product (a group this cycle does not cover)
// and E6 is assigned to rate E3 as a benchmark person.
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest.h>

#include "case_file.h"
#include "org/import_fixture.h"
#include "review/ratings_input.h"
#include "review/stack_ranks_input.h"

namespace yardstick::review {
namespace {

using testing::TestCase;

const CycleScope& FixtureScope() {
  static const CycleScope scope = [] {
    std::vector<model::Person> people = testing::FixturePeople();
    people.push_back(
        testing::FixturePerson("E6", "Barbara Liskov", "ic", "G", "", "E1", "2021-01-01", "G"));
    people.push_back(
        testing::FixturePerson("X1", "Xavier Leroy", "ic", "H", "", "E1", "2021-01-01", "H"));
    people.back().group = "platform";
    people.push_back(
        testing::FixturePerson("P1", "Marty Cagan", "ic", "G", "", "E1", "2021-01-01", "G"));
    people.back().group = "product";
    model::Cycle cycle;
    cycle.id = "h2";
    cycle.framework_id = "engineering";
    cycle.state = model::CycleState::kRating;
    return CycleScope(cycle, testing::EngineeringFramework(), {"engineering", "platform"},
                      std::move(people), {{"E3", "E6"}});
  }();
  return scope;
}

std::vector<std::string> RenderDiagnostics(const Diagnostics& diagnostics) {
  std::vector<std::string> lines;
  for (const Diagnostic& diagnostic : diagnostics.items()) {
    lines.push_back(diagnostic.Format("f").substr(diagnostic.loc.line > 0 ? 2 : 3));
  }
  return lines;
}

std::vector<std::string> JudgeRatings(const std::string& input) {
  std::istringstream in(input);
  const RatingsPlan plan = PlanRatings(FixtureScope(), io::NamedCsv::Read(in, RatingColumns()));
  std::vector<std::string> lines = RenderDiagnostics(plan.diagnostics);
  for (const model::Rating& rating : plan.ratings) {
    lines.push_back(fmt::format(
        "{} by {}: {}{}{}{}", rating.person_id, rating.rater_id, rating.grade,
        rating.criteria.empty() ? "" : fmt::format(" [{}]", fmt::join(rating.criteria, ", ")),
        rating.benchmark ? " (benchmark)" : "",
        rating.evidence.empty() ? "" : " — " + rating.evidence));
  }
  return lines;
}

std::vector<std::string> JudgeRanks(const std::string& input) {
  std::istringstream in(input);
  const StackRanksPlan plan =
      PlanStackRanks(FixtureScope(), io::NamedCsv::Read(in, StackRankColumns()));
  std::vector<std::string> lines = RenderDiagnostics(plan.diagnostics);
  for (const model::StackRank& rank : plan.ranks) {
    lines.push_back(fmt::format("{}: {}", rank.rater_id, fmt::join(rank.people, " > ")));
  }
  return lines;
}

void Check(const TestCase& test_case, const std::vector<std::string>& actual) {
  testing::ExpectOutput(test_case, actual);
}

class RatingCase : public ::testing::TestWithParam<TestCase> {};
TEST_P(RatingCase, JudgesExactlyAsExpected) { Check(GetParam(), JudgeRatings(GetParam().input)); }
INSTANTIATE_TEST_SUITE_P(Cases, RatingCase,
                         ::testing::ValuesIn(testing::ReadCaseDirectory(
                             YARDSTICK_SOURCE_DIR "/tests/review/cases/ratings", ".test")),
                         [](const auto& info) { return testing::TestName(info.param); });

class RankCase : public ::testing::TestWithParam<TestCase> {};
TEST_P(RankCase, JudgesExactlyAsExpected) { Check(GetParam(), JudgeRanks(GetParam().input)); }
INSTANTIATE_TEST_SUITE_P(Cases, RankCase,
                         ::testing::ValuesIn(testing::ReadCaseDirectory(YARDSTICK_SOURCE_DIR
                                                                        "/tests/review/cases/ranks",
                                                                        ".test")),
                         [](const auto& info) { return testing::TestName(info.param); });

}  // namespace
}  // namespace yardstick::review
