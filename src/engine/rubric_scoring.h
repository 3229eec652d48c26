// Scoring a points rubric (model::Rubric): each area scored by its named sources, outcomes
// weighted by the person's involvement, the total looked up in the rubric's points → grade
// table — with the working kept, so the grade can be explained line by line.
//
// An area's score is the mean of its sources' scores (each source once). Outcomes are summed as
// points × involvement (0 to 1) when the rubric weights them by involvement, else as points, and
// capped at the outcomes' maximum. The total is rounded to the nearest whole point (halves up)
// before the table lookup. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "model/framework.h"
#include "model/rubric_sheet.h"

namespace yardstick::engine {

using model::OutcomeScore;
using model::SourceScore;

struct AreaWorking {
  model::RubricArea area;  ///< a copy: a scoring outlives the framework it came from
  std::vector<SourceScore> scores;
  double mean = 0;
};

struct RubricScoring {
  std::vector<AreaWorking> areas;  ///< in the rubric's order
  std::vector<OutcomeScore> outcomes;
  double outcome_points = 0;  ///< after weighting and the cap
  double total = 0;
  int rounded = 0;
  std::string grade;
};

/// Scores |rubric|. InvalidArgument, naming the first problem: an unknown area (with
/// did-you-mean), a source the area does not name, a source scoring an area twice, points off
/// the area's range, an involvement outside 0-1, an area nobody scored, or a total outside the
/// table.
Result<RubricScoring> ScoreRubric(const model::Rubric& rubric,
                                  const std::vector<SourceScore>& scores,
                                  const std::vector<OutcomeScore>& outcomes);

}  // namespace yardstick::engine
