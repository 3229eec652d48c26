// Feedback a review cycle collects besides ratings (model/feedback.h), judged before anything is
// stored: first requested, then given.
//
// A CSV of requests has the columns person_id and giver_id, and optionally kind (self, peer,
// upward; by default self when they are the same person, upward when the person is the giver's
// manager, peer otherwise) and source: the rubric source the giver speaks as, which must be one
// the pinned framework's rubric names. The person must be in the cycle; the giver active; a
// person's manager rates them rather than giving feedback.
//
// A CSV of feedback given has the columns person_id, giver_id and text, and optionally grade
// (on the pinned scale) and scores ("area=points; area=points", only for feedback requested as
// a rubric source, each area one that names that source, the points in its range). Each must
// have been requested. Every problem is reported, located; a plan holds rows only when there is
// none. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <vector>

#include "base/diagnostic.h"
#include "io/named_csv.h"
#include "model/feedback.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

const io::NamedColumns& FeedbackRequestColumns();
const io::NamedColumns& FeedbackColumns();

struct FeedbackPlan {
  std::vector<model::Feedback> feedback;  ///< in file order; empty when there are errors
  Diagnostics diagnostics;

  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Judges the requests in |csv| (read with FeedbackRequestColumns()).
FeedbackPlan PlanFeedbackRequests(const CycleScope& scope, const io::NamedCsv& csv);

/// A self-review request for everyone in the cycle who has not been asked for one yet.
std::vector<model::Feedback> SelfReviewRequests(const CycleScope& scope,
                                                const std::vector<model::Feedback>& requested);

/// Judges the feedback in |csv| (read with FeedbackColumns()) against what was |requested|.
FeedbackPlan PlanFeedback(const CycleScope& scope, const io::NamedCsv& csv,
                          const std::vector<model::Feedback>& requested);

/// Every source the framework's rubric names, sorted, without repeats (empty without a rubric).
std::vector<std::string> RubricSources(const model::Framework& framework);

}  // namespace yardstick::review
