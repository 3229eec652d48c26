// Rubric sheets entered for a review cycle: the scores a rater collected for a person on the
// pinned framework's points rubric, turned into the grade they give (a rating), with the working.
//
// A rubric-sheets CSV has one row per person: person_id and rater_id (required, the same rules as
// ratings: the rater is the person's manager or an assigned benchmark rater, in their comparison
// group), evidence, outcomes ("Checkout redesign=10@0.5; Agency portal=8@0.25": points and the
// person's share) and one column per area and source, "AREA:SOURCE" (e.g. persuasion:director),
// holding that source's points. Feedback given about the person as a rubric source counts too:
// each area and source is scored by the mean of what the sheet and every such giver gave it. The
// total is looked up in the rubric's table (engine/rubric_scoring.h) and the grade becomes the
// rater's rating of the person. Every problem is reported, located; the plan holds sheets only
// when there is none. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "engine/rubric_scoring.h"
#include "io/named_csv.h"
#include "model/feedback.h"
#include "model/rating.h"
#include "model/rubric_sheet.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

/// One score that went into an area's source score: from the sheet (|giver_id| empty) or from
/// feedback given as that source.
struct Contribution {
  std::string area;
  std::string source;
  std::string giver_id;
  double points = 0;
};

/// A sheet scored: what went in and the working.
struct ScoredSheet {
  model::RubricSheet sheet;
  std::vector<Contribution> contributions;
  engine::RubricScoring scoring;
};

/// Scores |sheet| on |rubric| together with the |feedback| given about the person as a rubric
/// source. InvalidArgument says what is missing or wrong (engine::ScoreRubric).
Result<ScoredSheet> ScoreSheet(const model::Rubric& rubric, const model::RubricSheet& sheet,
                               const std::vector<model::Feedback>& feedback);

/// The columns of a rubric-sheets CSV for |rubric|: person_id, rater_id, evidence, outcomes and
/// "AREA:SOURCE" for every area and source, in the rubric's order.
std::vector<std::string> RubricSheetColumnNames(const model::Rubric& rubric);

struct RubricSheetsPlan {
  std::vector<ScoredSheet> sheets;     ///< in file order; empty when there are errors
  std::vector<model::Rating> ratings;  ///< the grade each sheet gives, as the rater's rating
  Diagnostics diagnostics;

  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Judges every row of |csv| (read with the columns of RubricSheetColumnNames) against |scope|,
/// whose framework has a rubric, with the cycle's |feedback|.
RubricSheetsPlan PlanRubricSheets(const CycleScope& scope, const io::NamedCsv& csv,
                                  const std::vector<model::Feedback>& feedback);

/// The working, a line per area, the outcomes and the total:
///   Persuasion      5.50  (director 5, teammates 6 from E000013 6, E000017 6)
std::string FormatRubricWorking(const model::Rubric& rubric, const engine::RubricScoring& scoring,
                                const std::vector<Contribution>& contributions = {});

}  // namespace yardstick::review
