// Which benchmark people to add so that calibration can compare every rater with every other.
//
// Leniencies can only be told apart between raters linked, directly or through others, by people
// they both rated (benchmark people). SuggestBenchmarks() finds the groups of raters already
// linked by the existing ratings and proposes cross-ratings that join them, largest group
// first: each suggestion asks one rater of the largest group to rate one person of another
// group's team (or, for a group with no team of its own, one of its raters to rate a person of
// the largest group), so every suggestion connects a whole group at once and the list is a
// spanning tree over the groups: groups − 1 suggestions connect everyone. The person suggested is
// the middle of their team's stack rank (a middling performer is far from the scale's ends, so
// their ratings are not clipped); raters are asked in turn, and the raters of each group joined
// take their turn too, so no one rater gets them all.
// It does not add redundancy within an already connected group. Pure computation; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "engine/calibration.h"

namespace yardstick::engine {

struct BenchmarkSuggestion {
  std::string person_id;     ///< the benchmark person
  std::string rater_id;      ///< who should rate them (from another group)
  int raters_connected = 0;  ///< raters this rating links to the largest group
};

/// Suggests at most |max_suggestions| cross-ratings (all that are needed when negative). |teams|
/// are the stack ranks (rater → their people, best first); |ratings| the ratings so far.
std::vector<BenchmarkSuggestion> SuggestBenchmarks(const std::vector<StackRank>& teams,
                                                   const std::vector<Rating>& ratings,
                                                   int max_suggestions = -1);

}  // namespace yardstick::engine
