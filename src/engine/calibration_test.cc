#include "engine/calibration.h"

#include <cmath>
#include <map>
#include <unordered_map>

#include <gtest/gtest.h>

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
  return std::sqrt(sum / result.people.size());
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
  return std::sqrt(sum / sums.size());
}

/// Share of people whose 90% interval (level ± 1.645 se) contains the truth.
double Coverage90(const CalibrationResult& result, const SyntheticCycle& cycle) {
  const auto truth = Truth(cycle);
  int inside = 0;
  for (const PersonEstimate& person : result.people) {
    inside += std::abs(person.level - truth.at(person.person_id)) <= 1.6448536 * person.se;
  }
  return double(inside) / result.people.size();
}

TEST(CalibrationTest, BeatsRawRatingsAndRanksBeatRatingsOnly) {
  const SyntheticCycle cycle = Generate(7);
  const CalibrationResult ratings_only = Fit(cycle.input, false);
  const CalibrationResult with_ranks = Fit(cycle.input, true);
  const double raw = RawRmse(cycle);
  const double plain = Rmse(ratings_only, cycle);
  const double ranked = Rmse(with_ranks, cycle);
  RecordProperty("raw", std::to_string(raw));
  std::cout << "raw " << raw << " ratings-only " << plain << " with ranks " << ranked
            << " sigma " << with_ranks.variance.rating_noise_sd << " tau_p "
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

}  // namespace
}  // namespace yardstick::engine
