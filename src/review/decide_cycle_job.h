// Deciding a calibrated cycle: each person's calibrated result in this cycle and in the earlier
// cycles on the same ladder (decided or closed, ending before this one starts — with the grade
// they held at each one's end, from their level history) go through the decision engine
// (engine/decision_rules.h), and the slate is stored, replacing an earlier one.
//
// Only while the cycle is calibrating and once it has been calibrated; the people team decides
// (org/permissions.h). Uses the store it is given from one thread.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "model/decision.h"
#include "model/framework.h"
#include "store/store.h"

namespace yardstick::review {

struct DecidedCycle {
  std::vector<model::Decision> slate;  ///< by person id
  model::Scale scale;                  ///< of the pinned framework, to read the results
  std::string currency;                ///< of the pinned framework's pay
  int past_cycles = 0;                 ///< earlier cycles taken into account
  double period_share = 0;             ///< the cycle's period as a share of the pay period
};

/// Decides cycle |cycle_id| as |actor_id| and stores the slate.
Result<DecidedCycle> DecideCycle(store::Store& store, const std::string& cycle_id,
                                 const std::string& actor_id);

/// The cycle's period as a share of |pay_period| ("year" or "month"): whole months count as
/// months (a half-year is 0.5 of a year, 6 months), other periods by days (of 365 a year).
double PeriodShare(const model::Period& period, const std::string& pay_period);

}  // namespace yardstick::review
