// Reading calibration input from CSV files: ratings and stack ranks for `yardstick calibrate`.
//
//   ratings.csv  person_id,rater_id,rating   one row per rating; a benchmark person has several
//   ranks.csv    rater_id,person_id,rank     rank 1 is the best; each rater's ranks are 1…n
//
// Columns are found by name (case-insensitive, in any order); other columns are ignored with a
// warning. Every problem is reported as a Diagnostic located at line and field, all of them
// rather than the first: an empty id, a rating that is not a number or lies off the scale, a rater
// rating themselves, a second rating of the same person by the same rater, a rank that is not a
// positive whole number, a rank or person given twice for one rater, a person in two raters'
// stack ranks, a gap in a rater's ranks. Stateless functions, thread-safe.
#pragma once

#include <istream>
#include <optional>
#include <vector>

#include "base/diagnostic.h"
#include "engine/calibration.h"

namespace yardstick::io {

/// The scale ratings must lie on; an unset end is not checked.
struct RatingBounds {
  std::optional<double> min;
  std::optional<double> max;
};

/// Reads ratings from |in| into |ratings| (in file order); problems go to |diagnostics|.
void ReadRatingsCsv(std::istream& in, const RatingBounds& bounds,
                    std::vector<engine::Rating>& ratings, Diagnostics& diagnostics);

/// Reads stack ranks from |in| into |ranks| (one per rater, in order of first appearance, people
/// best first); problems go to |diagnostics|.
void ReadRanksCsv(std::istream& in, std::vector<engine::StackRank>& ranks,
                  Diagnostics& diagnostics);

}  // namespace yardstick::io
