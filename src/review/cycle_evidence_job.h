// Entering and reading the evidence a review cycle collects besides ratings, against the store:
// feedback (requested, then given: review/feedback_input.h) and rubric sheets
// (review/rubric_sheets.h), with who may do it checked (org/permissions.h).
//
// Feedback is requested and given while the cycle is open or rating; rubric sheets are entered
// while it is rating (their grades are ratings). The store re-checks the state in the writing
// transaction. A bad row, a dry run or a failing store leaves the database as it was. Uses the
// store it is given from one thread.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "review/cycle_inputs_job.h"
#include "review/feedback_input.h"
#include "review/rubric_sheets.h"
#include "store/store.h"

namespace yardstick::review {

/// Requests the feedback in |csv| (may be null) and, with |self_reviews|, a self-review from
/// everyone in the cycle not asked yet (the people team only). Each request is the people team's
/// to make, or the person's manager's. The plan holds the new requests: one made before is left
/// as it was.
Result<FeedbackPlan> RequestFeedback(store::Store& store, std::istream* csv, bool self_reviews,
                                     const InputRequest& request);

/// Records the feedback given in |csv|; each giver enters their own, the people team anyone's.
Result<FeedbackPlan> GiveFeedback(store::Store& store, std::istream& csv,
                                  const InputRequest& request);

/// The feedback requested about |person_id| in cycle |cycle_id| and what was given, for a rater:
/// the people team, the person's manager and their assigned benchmark raters may read it.
Result<std::vector<model::Feedback>> FeedbackAbout(store::Store& store, const std::string& cycle_id,
                                                   const std::string& person_id,
                                                   const std::string& actor_id);

/// Records the rubric sheets in |csv| and the ratings they give; each rater enters their own,
/// the people team anyone's. FailedPrecondition when the pinned framework has no rubric.
Result<RubricSheetsPlan> EnterRubricSheets(store::Store& store, std::istream& csv,
                                           const InputRequest& request);

/// A rubric-sheets CSV to fill in: the header and a row per person |rater_id| rates (their team
/// and assigned benchmark people), or per person in the cycle with their manager when
/// |rater_id| is empty.
Result<std::string> RubricSheetTemplate(store::Store& store, const std::string& cycle_id,
                                        const std::string& rater_id);

/// A person's rubric sheets in a cycle, scored again with the feedback given so far, and the
/// grade each rater's stored rating holds now. Readable by the same people as FeedbackAbout.
struct PersonRubric {
  struct Sheet {
    ScoredSheet scored;
    std::string rated_grade;  ///< the rater's rating now ("" if none)
  };
  model::Rubric rubric;  ///< of the pinned framework
  std::vector<Sheet> sheets;
  std::vector<std::string> problems;  ///< sheets that no longer score, with why
};
Result<PersonRubric> RubricOf(store::Store& store, const std::string& cycle_id,
                              const std::string& person_id, const std::string& actor_id);

}  // namespace yardstick::review
