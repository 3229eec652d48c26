// The calibration routes of a review cycle: benchmark assignments (who rates whom across
// teams, and the suggestions that would link every rater), running calibration, and the
// calibration board — performed against held grades, each rater's leniency with its interval,
// who stands out — for the people team and the group's calibrators. Nothing here shows pay.
#pragma once

#include "server/router.h"

namespace yardstick::server {

void AddCalibrationRoutes(Router& router);

}  // namespace yardstick::server
