// Synthetic review cycles with known truth, for tests and benchmarks of calibration, and the
// rating step of the policy lab (lab/simulation.h), which keeps its own people and raters.
//
// A generated cycle is one comparison group: people in teams of about team_size, one rater
// (manager) per team. Each person has a true performance (mean + N(0, performance_sd²)) on a
// scale lowest_grade…lowest_grade + scale_size − 1 and each rater a true leniency
// N(0, leniency_sd²). Every person is rated by
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
#include "engine/random.h"

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
  /// The value of the lowest grade (1: grades 1…scale_size; 0: grade indices).
  int lowest_grade = 1;
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

/// The rating step alone: replaces |cycle|.input with ratings, benchmark ratings and stack ranks
/// of |cycle|'s people as they stand (true levels, raters' leniencies), drawing from |random|.
/// People of team t must be people[t·team_size …] (the layout GenerateSyntheticCycle makes), with
/// one rater per team; the noise, benchmark and scale settings come from |options| (its people
/// count, spreads and seed are not used). Layout, which callers may rely on: team by team, the
/// team's own rater's ratings of its people in order, then that team's benchmark ratings; one
/// stack rank per team, in team order.
void RateSyntheticCycle(const SyntheticCycleOptions& options, RandomSource& random,
                        SyntheticCycle& cycle);

}  // namespace yardstick::engine
