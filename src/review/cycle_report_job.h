// Loading everything the cycle report shows, for the people team: the calibrated results
// (calibrate_cycle_job.h's LoadCycleReport), the slate and the ratings that say who rated whom.
// The report shows bonuses, and pay is sensitive: only the people team may see it
// (org/permissions.h), and every read is recorded in the audit log ("cycle-report.read").
// Uses the store it is given from one thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "model/decision.h"
#include "model/rating.h"
#include "review/calibrate_cycle_job.h"
#include "store/store.h"

namespace yardstick::review {

/// What the cycle report is built from.
struct CycleReportInputs {
  LoadedCycleReport loaded;
  std::vector<model::Decision> decisions;  ///< empty before `cycle decide`
  std::vector<model::Rating> ratings;
  std::string currency;  ///< of the pinned framework's pay
};

/// Loads cycle |cycle_id|'s report inputs as |actor_id|. PermissionDenied unless the actor is the
/// people team (checked before anything of the cycle is read); NotFound for an unknown cycle;
/// FailedPrecondition before the cycle has been calibrated.
Result<CycleReportInputs> LoadCycleReportInputs(store::Store& store, const std::string& cycle_id,
                                                const std::string& actor_id);

/// Records in the audit log that |actor_id| read cycle |cycle_id|'s report.
Status RecordCycleReportRead(store::Store& store, const std::string& cycle_id,
                             const std::string& actor_id);

}  // namespace yardstick::review
