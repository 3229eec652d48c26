// Ratings and stack ranks for a demo review cycle, made up the way real ones come about: each
// person performs near their grade (a little above or below, by a personal amount), each rater
// has a leniency, each rating some noise and is rounded to a grade on the scale; managers rank
// their team by a noisier view of the same truth; assigned benchmark raters rate their people
// too. Deterministic for a seed. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "model/framework.h"
#include "model/person.h"
#include "model/rating.h"

namespace yardstick::lab {

struct DemoCycleInputs {
  std::vector<model::Rating> ratings;
  std::vector<model::StackRank> ranks;
};

/// Ratings by every manager of each of |team_of|'s people, by each benchmark rater of theirs,
/// and each manager's stack rank of their team. |people| are the cycle's people (active, in its
/// groups); a person is rated by their manager when the manager is among |people| too.
DemoCycleInputs GenerateDemoCycle(const std::vector<model::Person>& people,
                                  const std::vector<model::BenchmarkAssignment>& benchmarks,
                                  const model::Scale& scale, std::uint64_t seed);

}  // namespace yardstick::lab
