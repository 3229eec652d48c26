// Calibrating a stored review cycle: read its ratings and stack ranks, calibrate each comparison
// group (cycle_calibration.h), and store the performed grades and rater leniencies, replacing any
// earlier run, in one transaction with an audit entry summarising the run.
//
// Only while the cycle is calibrating — inputs are closed by then, so the results always match
// them. Uses the store it is given from one thread.
#pragma once

#include <string>
#include <vector>

#include <memory>
#include "base/status.h"

#include "review/cycle_calibration.h"
#include "review/cycle_report.h"
#include "store/store.h"

namespace yardstick::review {

struct CalibratedCycle {
  model::Scale scale;  ///< of the pinned framework, to read the results
  std::vector<GroupCalibration> groups;
};

/// A cycle's report with what it points into.
struct LoadedCycleReport {
  std::unique_ptr<CycleScope> scope;
  std::vector<GroupCalibration> calibration;  ///< a fresh run, for its issues
  CycleReport report;
};

/// The report of calibrated cycle |cycle_id| (review/cycle_report.h): its stored results, and the
/// issues of a fresh, deterministic run on the same inputs. FailedPrecondition before the cycle
/// has been calibrated.
Result<LoadedCycleReport> LoadCycleReport(store::Store& store, const std::string& cycle_id);

/// Calibrates cycle |cycle_id| and stores the results. FailedPrecondition when the cycle is not
/// calibrating; NotFound for an unknown cycle; PermissionDenied unless |actor_id| is the people
/// team or calibrates every group of the cycle.
Result<CalibratedCycle> CalibrateStoredCycle(store::Store& store, const std::string& cycle_id,
                                             const std::string& actor_id);

}  // namespace yardstick::review
