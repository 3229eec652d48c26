// Stack ranks entered for a review cycle: each rater's total order of their own team.
//
// A CSV of stack ranks has the columns rater_id, person_id and rank (1 = best). For each rater
// in the file, the people ranked must be exactly their team in the cycle (the active people in
// the cycle's groups who report to them directly), each once, with ranks 1, 2, … n without gaps
// or ties. A rater's ranking replaces any earlier one. Every problem is reported, located; the
// plan holds rankings only when there is none. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "io/named_csv.h"
#include "model/rating.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

/// The columns a stack-ranks CSV has.
const io::NamedColumns& StackRankColumns();

struct StackRanksPlan {
  std::vector<model::StackRank> ranks;  ///< by rater id; empty when there are errors
  Diagnostics diagnostics;

  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Judges every row of |csv| (read with StackRankColumns()) against |scope|.
StackRanksPlan PlanStackRanks(const CycleScope& scope, const io::NamedCsv& csv);

}  // namespace yardstick::review
