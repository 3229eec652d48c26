#include "engine/calibration.h"

#include <cmath>
#include <map>
#include <unordered_map>

#include <gtest/gtest.h>

#include "engine/benchmark_suggestion.h"
#include "engine/synthetic_cycle.h"

namespace yardstick::engine {
namespace {

SyntheticCycle Generate(uint64_t seed, int people = 2000) {
  SyntheticCycleOptions options;
  options.people = people;
  options.seed = seed;
  Result<SyntheticCycle> cycle = GenerateSyntheticCycle(options);
  EXPECT_TRUE(cycle.ok());
  return *std::move(cycle);
}

CalibrationResult Fit(const CalibrationInput& input, bool use_ranks = true) {
  CalibrationOptions options;
  options.use_ranks = use_ranks;
  Result<CalibrationResult> result = Calibrate(input, options);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return *std::move(result);
}

std::unordered_map<std::string, double> Truth(const SyntheticCycle& cycle) {
  std::unordered_map<std::string, double> truth;
  for (const SyntheticPerson& person : cycle.people) truth[person.id] = person.level;
  return truth;
}

double Rmse(const CalibrationResult& result, const SyntheticCycle& cycle) {
  const auto truth = Truth(cycle);
  double sum = 0;
  for (const PersonEstimate& person : result.people) {
    const double error = person.level - truth.at(person.person_id);
    sum += error * error;
  }
  return std::sqrt(sum / static_cast<double>(result.people.size()));
}

/// The naive answer: the mean of a person's ratings.
double RawRmse(const SyntheticCycle& cycle) {
  std::unordered_map<std::string, std::pair<double, int>> sums;
  for (const Rating& rating : cycle.input.ratings) {
    auto& entry = sums[rating.person_id];
    entry.first += rating.value;
    entry.second += 1;
  }
  const auto truth = Truth(cycle);
  double sum = 0;
  for (const auto& [id, entry] : sums) {
    const double error = entry.first / entry.second - truth.at(id);
    sum += error * error;
  }
  return std::sqrt(sum / static_cast<double>(sums.size()));
}

/// Share of people whose 90% interval (level ± 1.645 se) contains the truth.
double Coverage90(const CalibrationResult& result, const SyntheticCycle& cycle) {
  const auto truth = Truth(cycle);
  int inside = 0;
  for (const PersonEstimate& person : result.people) {
    inside += std::abs(person.level - truth.at(person.person_id)) <= 1.6448536 * person.se;
  }
  return inside / static_cast<double>(result.people.size());
}

TEST(CalibrationTest, BeatsRawRatingsAndRanksBeatRatingsOnly) {
  const SyntheticCycle cycle = Generate(7);
  const CalibrationResult ratings_only = Fit(cycle.input, false);
  const CalibrationResult with_ranks = Fit(cycle.input, true);
  const double raw = RawRmse(cycle);
  const double plain = Rmse(ratings_only, cycle);
  const double ranked = Rmse(with_ranks, cycle);
  RecordProperty("raw", std::to_string(raw));
  std::cout << "raw " << raw << " ratings-only " << plain << " with ranks " << ranked << " sigma "
            << with_ranks.variance.rating_noise_sd << " tau_p "
            << with_ranks.variance.performance_sd << " tau_r " << with_ranks.variance.leniency_sd
            << " s " << with_ranks.variance.rank_noise_sd << " em "
            << with_ranks.stats.variance_iterations << " newton " << with_ranks.stats.newton_steps
            << " cg " << with_ranks.stats.cg_iterations << "\n";
  EXPECT_LT(plain, raw);
  EXPECT_LT(ranked, 0.92 * plain);
}

TEST(CalibrationTest, NinetyPercentIntervalsCoverAboutNinetyPercent) {
  for (uint64_t seed : {11, 12, 13}) {
    const SyntheticCycle cycle = Generate(seed);
    for (bool ranks : {false, true}) {
      const CalibrationResult result = Fit(cycle.input, ranks);
      const double coverage = Coverage90(result, cycle);
      std::cout << "seed " << seed << " ranks " << ranks << " coverage " << coverage << "\n";
      EXPECT_GE(coverage, 0.85) << "seed " << seed << " ranks " << ranks;
      EXPECT_LE(coverage, 0.95) << "seed " << seed << " ranks " << ranks;
    }
  }
}

TEST(CalibrationTest, SameInputSameOutput) {
  const SyntheticCycle cycle = Generate(21, 600);
  const CalibrationResult first = Fit(cycle.input);
  const CalibrationResult second = Fit(cycle.input);
  ASSERT_EQ(first.people.size(), second.people.size());
  for (size_t k = 0; k < first.people.size(); ++k) {
    EXPECT_EQ(first.people[k].level, second.people[k].level);
    EXPECT_EQ(first.people[k].se, second.people[k].se);
  }
  ASSERT_EQ(first.raters.size(), second.raters.size());
  for (size_t k = 0; k < first.raters.size(); ++k) {
    EXPECT_EQ(first.raters[k].leniency, second.raters[k].leniency);
    EXPECT_EQ(first.raters[k].se, second.raters[k].se);
  }
}

/// Two teams of six; each rater also rates half of the other team, always |offset| grades
/// above (RB) what the other rater gave. Returns the input.
CalibrationInput TwoTeamsWithOffset(double offset) {
  CalibrationInput input;
  input.scale_min = 1;
  input.scale_max = 15;
  const double a_grades[] = {5, 6, 7, 8, 9, 7};
  const double b_grades[] = {9, 10, 8, 11, 9, 10};
  for (int k = 0; k < 6; ++k) {
    input.ratings.push_back({"a" + std::to_string(k), "RA", a_grades[k]});
    input.ratings.push_back({"b" + std::to_string(k), "RB", b_grades[k]});
  }
  for (int k = 0; k < 3; ++k) {
    input.ratings.push_back({"a" + std::to_string(k), "RB", a_grades[k] + offset});
    input.ratings.push_back({"b" + std::to_string(k), "RA", b_grades[k] - offset});
  }
  return input;
}

TEST(CalibrationTest, RecoversAConstantOffsetBetweenTwoRaters) {
  for (double offset : {2.0, -1.0}) {
    const CalibrationResult result = Fit(TwoTeamsWithOffset(offset));
    ASSERT_EQ(result.raters.size(), 2u);
    const double difference = result.raters[1].leniency - result.raters[0].leniency;
    EXPECT_EQ(result.raters[1].rater_id, "RB");
    EXPECT_NEAR(difference, offset, 0.1) << "offset " << offset;
    // Calibrated levels line both teams up: b0 is graded 9 by RB and 9 - offset by RA.
    std::map<std::string, double> level;
    for (const PersonEstimate& person : result.people) level[person.person_id] = person.level;
    EXPECT_NEAR(level["b0"] - level["a0"], (9 - offset) - 5, 0.1);
    EXPECT_TRUE(result.raters[0].connected);
    EXPECT_TRUE(result.raters[1].connected);
  }
}

TEST(CalibrationTest, ReportsATeamNoBenchmarkConnects) {
  SyntheticCycle cycle = Generate(31, 400);
  for (int k = 0; k < 8; ++k) {
    cycle.input.ratings.push_back({"X" + std::to_string(k), "RX", double(6 + k % 4)});
  }
  const CalibrationResult result = Fit(cycle.input);
  int unconnected = 0;
  for (const CalibrationIssue& issue : result.issues) {
    if (issue.kind != CalibrationIssueKind::kUnconnectedRater) continue;
    ++unconnected;
    EXPECT_EQ(issue.rater_id, "RX");
    EXPECT_NE(DescribeIssue(issue).find("fixed at 0"), std::string::npos) << DescribeIssue(issue);
  }
  EXPECT_EQ(unconnected, 1);
  const RaterEstimate& rx = result.raters.back();
  ASSERT_EQ(rx.rater_id, "RX");
  EXPECT_FALSE(rx.connected);
  EXPECT_EQ(rx.leniency, 0);
  EXPECT_DOUBLE_EQ(rx.se, result.variance.leniency_sd);
  // Its people carry the unknown leniency in their uncertainty.
  double connected_se = 0;
  double unconnected_se = 0;
  for (const PersonEstimate& person : result.people) {
    (person.person_id[0] == 'X' ? unconnected_se : connected_se) += person.se;
  }
  EXPECT_GT(unconnected_se / 8, connected_se / static_cast<double>(result.people.size() - 8));
}

TEST(CalibrationTest, ReportsAStackRankThatContradictsTheGrades) {
  CalibrationInput input = TwoTeamsWithOffset(1);
  // RA ranks a3 (graded 8) first, then a1 (6), a0 (5): consistent; then a2 (7): contradicts
  // a1 and a0, both ranked above it and graded lower.
  input.ranks.push_back({"RA", {"a3", "a1", "a0", "a2"}});
  const CalibrationResult result = Fit(input);
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const CalibrationIssue& issue : result.issues) {
    if (issue.kind != CalibrationIssueKind::kRankContradictsRating) continue;
    EXPECT_EQ(issue.rater_id, "RA");
    pairs.emplace_back(issue.person_id, issue.other_person_id);
  }
  const std::vector<std::pair<std::string, std::string>> expected = {{"a1", "a2"}, {"a0", "a2"}};
  EXPECT_EQ(pairs, expected);
}

TEST(CalibrationTest, EstimatesAnUnratedPersonFromTheStackRank) {
  CalibrationInput input = TwoTeamsWithOffset(1);
  // "new" has no rating; RA ranks them between a4 (graded 9) and a2 (graded 7).
  input.ranks.push_back({"RA", {"a4", "new", "a2", "a1", "a0"}});
  const CalibrationResult result = Fit(input);
  std::map<std::string, PersonEstimate> by_id;
  for (const PersonEstimate& person : result.people) by_id[person.person_id] = person;
  ASSERT_TRUE(by_id.count("new"));
  EXPECT_EQ(by_id["new"].ratings, 0);
  EXPECT_LT(by_id["new"].level, by_id["a4"].level);
  EXPECT_GT(by_id["new"].level, by_id["a2"].level);
  EXPECT_GT(by_id["new"].se, by_id["a2"].se);
  bool reported = false;
  for (const CalibrationIssue& issue : result.issues) {
    reported |= issue.kind == CalibrationIssueKind::kUnratedPerson && issue.person_id == "new";
  }
  EXPECT_TRUE(reported);
}

TEST(CalibrationTest, RefusesInputWithoutOneMeaning) {
  struct Case {
    const char* what;
    CalibrationInput input;
    const char* message;
  };
  CalibrationInput base = TwoTeamsWithOffset(1);
  std::vector<Case> cases;
  cases.push_back({"self rating", base, "RA rates themselves"});
  cases.back().input.ratings.push_back({"RA", "RA", 5});
  cases.push_back({"twice", base, "RA rates a0 twice"});
  cases.back().input.ratings.push_back({"a0", "RA", 5});
  cases.push_back({"off scale", base, "outside the scale 1–15"});
  cases.back().input.ratings.push_back({"a9", "RA", 16});
  cases.push_back({"two lists", base, "a1 is in the stack ranks of both RA and RB"});
  cases.back().input.ranks = {{"RA", {"a0", "a1"}}, {"RB", {"a1", "b0"}}};
  cases.push_back({"no ratings", {}, "no ratings"});
  for (const Case& c : cases) {
    Result<CalibrationResult> result = Calibrate(c.input);
    ASSERT_FALSE(result.ok()) << c.what;
    EXPECT_NE(result.status().message().find(c.message), std::string::npos)
        << c.what << ": " << result.status().message();
  }
}

TEST(SyntheticCycleTest, SameSeedSameCycleAndTheSeedMatters) {
  SyntheticCycleOptions options;
  options.people = 300;
  const SyntheticCycle first = *GenerateSyntheticCycle(options);
  const SyntheticCycle second = *GenerateSyntheticCycle(options);
  options.seed = 2;
  const SyntheticCycle other = *GenerateSyntheticCycle(options);
  ASSERT_EQ(first.input.ratings.size(), second.input.ratings.size());
  bool any_difference = false;
  for (size_t k = 0; k < first.input.ratings.size(); ++k) {
    EXPECT_EQ(first.input.ratings[k].value, second.input.ratings[k].value);
    EXPECT_EQ(first.input.ratings[k].rater_id, second.input.ratings[k].rater_id);
    any_difference |= k < other.input.ratings.size() &&
                      first.input.ratings[k].value != other.input.ratings[k].value;
  }
  EXPECT_TRUE(any_difference);
  // Shape: every person rated by their own rater, 2 benchmarks × 1 extra rating per team,
  // integer grades on the scale, one stack rank per team covering it.
  EXPECT_EQ(first.input.ratings.size(), 300u + 2 * first.raters.size());
  for (const Rating& rating : first.input.ratings) {
    EXPECT_EQ(rating.value, std::round(rating.value));
    EXPECT_GE(rating.value, 1);
    EXPECT_LE(rating.value, 15);
  }
  size_t ranked = 0;
  for (const StackRank& rank : first.input.ranks) ranked += rank.person_ids.size();
  EXPECT_EQ(ranked, 300u);
}

TEST(BenchmarkSuggestionTest, JoinsEveryGroupOfRatersToTheLargest) {
  // Four teams; RA and RB are already linked (RB rates a1), RC and RD stand alone.
  std::vector<StackRank> teams = {{"RA", {"a0", "a1", "a2"}},
                                  {"RB", {"b0", "b1", "b2"}},
                                  {"RC", {"c0", "c1", "c2"}},
                                  {"RD", {"d0", "d1", "d2"}}};
  CalibrationInput input;
  for (const StackRank& team : teams) {
    int grade = 6;
    for (const std::string& person : team.person_ids) {
      input.ratings.push_back({person, team.rater_id, double(grade++)});
    }
  }
  input.ratings.push_back({"a1", "RB", 8});
  input.ranks = teams;
  const std::vector<BenchmarkSuggestion> suggestions = SuggestBenchmarks(teams, input.ratings);
  ASSERT_EQ(suggestions.size(), 2u);
  EXPECT_EQ(suggestions[0].person_id, "c1");  // the middle of RC's stack rank
  EXPECT_TRUE(suggestions[0].rater_id == "RA" || suggestions[0].rater_id == "RB");
  EXPECT_NE(suggestions[0].rater_id, suggestions[1].rater_id);  // asked in turn
  EXPECT_EQ(SuggestBenchmarks(teams, input.ratings, 1).size(), 1u);
  // Before: RC and RD are unconnected. After rating the suggestions: nobody is.
  auto unconnected = [](const CalibrationInput& in) {
    int count = 0;
    for (const CalibrationIssue& issue : Fit(in).issues) {
      count += issue.kind == CalibrationIssueKind::kUnconnectedRater;
    }
    return count;
  };
  EXPECT_EQ(unconnected(input), 2);
  for (const BenchmarkSuggestion& suggestion : suggestions) {
    input.ratings.push_back({suggestion.person_id, suggestion.rater_id, 7});
  }
  EXPECT_EQ(unconnected(input), 0);
  EXPECT_TRUE(SuggestBenchmarks(teams, input.ratings).empty());
}

TEST(Calibration, KnownVariancesSkipTheirEstimateAndGiveTheSameFit) {
  const SyntheticCycle cycle = Generate(11);
  const CalibrationResult estimated = Fit(cycle.input);
  CalibrationOptions options;
  options.known_variances = estimated.variance;
  Result<CalibrationResult> known = Calibrate(cycle.input, options);
  ASSERT_TRUE(known.ok()) << known.status().message();
  EXPECT_EQ(known->stats.variance_iterations, 0);
  EXPECT_DOUBLE_EQ(known->variance.rank_noise_sd, estimated.variance.rank_noise_sd);
  ASSERT_EQ(known->people.size(), estimated.people.size());
  for (size_t k = 0; k < known->people.size(); ++k) {
    EXPECT_NEAR(known->people[k].level, estimated.people[k].level, 1e-4);
  }
  // Rank noise 0 is estimated; a non-positive spread is refused.
  options.known_variances->rank_noise_sd = 0;
  EXPECT_NEAR(Calibrate(cycle.input, options)->variance.rank_noise_sd,
              estimated.variance.rank_noise_sd, 1e-3);
  options.known_variances->rating_noise_sd = 0;
  EXPECT_FALSE(Calibrate(cycle.input, options).ok());
}

}  // namespace
}  // namespace yardstick::engine
