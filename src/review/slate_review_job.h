// The people team's review of a decided cycle's slate (review/decide_cycle_job.h): accepting or
// rejecting each proposal, and recording exceptions.
//
// Only while the cycle is decided, and only by the people team (org/permissions.h). A rejection
// says why. A promotion into a bestowed level (the policies' executive_approval) is accepted only
// with an executive as its approver. A promotion the evidence does not support can only be an
// exception: a grade above what the slate proposes, a written justification and an executive
// approver — and it stays marked as an exception for good. There is no other way to promote
// and no "potential" to give. Uses the store it is given from one thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "model/decision.h"
#include "review/cycle_inputs_job.h"
#include "store/store.h"

namespace yardstick::review {

/// A decided cycle, its slate (by person id) and the person reviewing it.
struct SlateContext {
  CycleAndActor loaded;
  std::vector<model::Decision> slate;
};

/// Loads cycle |cycle_id| and its slate for the people team's |what| ("review a cycle's slate"):
/// PermissionDenied for anyone else, FailedPrecondition unless the cycle is decided.
Result<SlateContext> LoadDecidedSlate(store::Store& store, const std::string& cycle_id,
                                      const std::string& actor_id, std::string_view what);

struct ReviewRequest {
  std::string cycle_id;
  std::vector<std::string> people;  ///< whose proposals; empty: every proposal still open
  bool accept = true;               ///< accept, or reject
  std::string note;                 ///< why (required to reject)
  std::string approver;             ///< an executive, for bestowed levels
  std::string actor;
};

/// What a review did.
struct ReviewOutcome {
  std::vector<model::Decision> reviewed;  ///< as stored now
  /// Proposals left open in a review of "every proposal": those needing an executive approver.
  std::vector<std::string> skipped;
};

/// Accepts or rejects the proposals of |request|, all or nothing.
Result<ReviewOutcome> ReviewSlate(store::Store& store, const ReviewRequest& request);

struct ExceptionRequest {
  std::string cycle_id;
  std::string person_id;
  std::string to_grade;
  std::string justification;
  std::string approver;  ///< an executive
  std::string actor;
  /// True when the approver has approved already (the CLI's --approver: approval given
  /// elsewhere): the exception is accepted at once. False: it waits, proposed, for the approver
  /// to approve it (ApproveDecisions), as in the browser.
  bool approved = true;
};

/// Records a promotion the evidence does not support as an exception: accepted, or awaiting its
/// approver's approval.
Result<model::Decision> RecordException(store::Store& store, const ExceptionRequest& request);

/// True for a proposal only an executive can accept: an exception awaiting approval, or a
/// promotion into a bestowed level, still proposed.
bool AwaitsExecutive(const model::Decision& decision);

/// Approves, as the executive |actor_id|, the proposals of |people| in cycle |cycle_id| that
/// await an executive (AwaitsExecutive): each is accepted with the actor as its approver. All or
/// nothing: PermissionDenied for anyone but an executive, FailedPrecondition for a decision that
/// awaits nobody, NotFound for one not on the slate.
Result<std::vector<model::Decision>> ApproveDecisions(store::Store& store,
                                                      const std::string& cycle_id,
                                                      const std::vector<std::string>& people,
                                                      const std::string& actor_id);

}  // namespace yardstick::review
