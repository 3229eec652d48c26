// Applying a reviewed slate: the accepted promotions (and exceptions) become grades, level
// history and position moves; every accepted decision is marked applied. One transaction on the
// store, so a failure or a killed process leaves everything as it was.
//
// Only while the cycle is decided, and only by the people team (org/permissions.h). Decisions
// still proposed are left for later: applying again applies what has been accepted since. A
// promotion is applied only to someone still active and still at the grade the slate decided
// from; otherwise nothing is applied and the error names them (reject their decision, or decide
// the cycle again). A promotion past the person's position band moves them to the position whose
// band holds the new grade (engine::PositionAfterPromotion). Level history names the decision
// ("CYCLE/PERSON") and its approver: the executive for an exception or a bestowed level, the
// person applying it otherwise. Uses the store it is given from one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/date.h"
#include "model/decision.h"
#include "model/people_changes.h"
#include "store/store.h"

namespace yardstick::review {

struct ApplyRequest {
  std::string cycle_id;
  /// The day promotions take effect; default: the day after the cycle's period ends.
  std::optional<model::Date> effective;
  std::string actor;
};

/// What applying did.
struct AppliedSlate {
  std::vector<model::Decision> applied;    ///< the decisions applied now, by person id
  std::vector<model::PersonUpdate> moves;  ///< the grade (and position) changes among them
  model::Date effective;
  int still_proposed = 0;  ///< decisions nobody has accepted or rejected yet
  int applied_before = 0;  ///< decisions applied by an earlier run
};

/// Applies the accepted decisions of |request|'s cycle, all or nothing.
Result<AppliedSlate> ApplySlate(store::Store& store, const ApplyRequest& request);

}  // namespace yardstick::review
