// Ratings entered for a review cycle (by CSV now, by the browser later), judged before anything
// is stored: who may rate whom, on which scale, with which criteria.
//
// A CSV of ratings has the columns person_id, rater_id and grade (required), evidence and
// criteria (optional; criterion handles separated by ';': an id, or LEVEL/AREA/N as `yardstick
// level criteria` lists them). Each row must name an active person in one of the cycle's groups
// and a rater who is active, is not that person, is in the same comparison group, and is either
// the person's manager or assigned to rate them as a benchmark person; the grade must be on the
// pinned framework's scale and every criterion one of its criteria. A person is rated once by each
// rater. Every problem is reported, located; the plan holds ratings only when there is none. Pure:
// no I/O, stateless, thread-safe.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "io/named_csv.h"
#include "model/rating.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

/// The columns a ratings CSV has.
const io::NamedColumns& RatingColumns();

struct RatingsPlan {
  std::vector<model::Rating> ratings;  ///< in file order; empty when there are errors
  Diagnostics diagnostics;

  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Judges every row of |csv| (read with RatingColumns()) against |scope|.
RatingsPlan PlanRatings(const CycleScope& scope, const io::NamedCsv& csv);

/// Why |rater| may never rate |person| (the same person, or another comparison group), or "".
std::string WhyNeverRater(const model::Person& person, const model::Person& rater);

/// Why |rater_id| may not rate |person_id| in |scope|, or "" when they may. Shared with other
/// ways of entering ratings (the browser).
std::string WhyNotRater(const CycleScope& scope, const model::Person& person,
                        const model::Person& rater);

}  // namespace yardstick::review
