// Calibrating a stored review cycle: read its ratings and stack ranks, calibrate each comparison
// group (cycle_calibration.h), and store the performed grades and rater leniencies, replacing any
// earlier run, in one transaction with an audit entry summarising the run.
//
// Only while the cycle is calibrating — inputs are closed by then, so the results always match
// them. Uses the store it is given from one thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "review/cycle_calibration.h"
#include "store/store.h"

namespace yardstick::review {

struct CalibratedCycle {
  model::Scale scale;  ///< of the pinned framework, to read the results
  std::vector<GroupCalibration> groups;
};

/// Calibrates cycle |cycle_id| and stores the results. FailedPrecondition when the cycle is not
/// calibrating; NotFound for an unknown cycle.
Result<CalibratedCycle> CalibrateStoredCycle(store::Store& store, const std::string& cycle_id,
                                             const std::string& actor);

}  // namespace yardstick::review
