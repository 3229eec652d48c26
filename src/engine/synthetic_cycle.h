// Synthetic review cycles with known truth, for tests and benchmarks of calibration.
//
// A generated cycle is one comparison group: people in teams of about team_size, one rater
// (manager) per team. Each person has a true performance (mean + N(0, performance_sd²)) on a
// scale 1…scale_size and each rater a true leniency N(0, leniency_sd²). Every person is rated by
// their own rater; benchmarks_per_team people of each team are also rated by raters_per_benchmark
// raters of other teams, chosen at random. A rating is truth + leniency + N(0, rating_noise²),
// rounded to an integer and clipped to the scale. Each rater's stack rank orders their team by
// truth + N(0, rank_noise²) (noisier truth, not the ratings).
//
// Deterministic by seed on every platform (engine/random.h draws everything). Pure computation.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/calibration.h"

namespace yardstick::engine {

struct SyntheticCycleOptions {
  int people = 2000;
  int team_size = 8;
  double performance_sd = 1.0;
  double leniency_sd = 1.0;
  double rating_noise = 0.7;
  double rank_noise = 0.35;
  int benchmarks_per_team = 2;
  int raters_per_benchmark = 1;
  int scale_size = 15;
  uint64_t seed = 1;
};

struct SyntheticPerson {
  std::string id;
  double level = 0;  ///< true performance on the scale
  int team = 0;      ///< index of the team (and of its rater)
};

struct SyntheticRater {
  std::string id;
  double leniency = 0;
};

struct SyntheticCycle {
  std::vector<SyntheticPerson> people;
  std::vector<SyntheticRater> raters;  ///< rater t leads team t
  CalibrationInput input;              ///< ratings, stack ranks and scale bounds
};

/// Generates a cycle; options must be sane (people ≥ 2, team_size ≥ 1, scale_size ≥ 2).
Result<SyntheticCycle> GenerateSyntheticCycle(const SyntheticCycleOptions& options);

}  // namespace yardstick::engine
