// The payroll export of a review cycle: what payroll pays because of it, right after the
// period — each bonus for performing above one's grade, and the pay of those promoted.
//
// A bonus is paid once, for the period, at once: there is no deferral date and no clawback. It
// is the slate's (engine/decision_rules.h), for every decision applied; a rejected decision pays
// nothing. The export is made once the slate has been reviewed and applied (the cycle decided
// with nothing proposed or accepted-but-unapplied left, or closed), only for the people team
// (org/permissions.h), and every export is recorded in the audit log. Pay after a promotion is
// derived from the current version of the person's ladder (engine::DerivePay): nothing is
// stored per person. Uses the store it is given from one thread.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "io/export_table.h"
#include "model/date.h"
#include "model/person.h"
#include "store/store.h"

namespace yardstick::review {

/// One person's line of the payroll: a bonus, a promotion, or both.
struct PayrollLine {
  model::Person person;    ///< as stored now
  std::string grade_held;  ///< during the period
  std::string performed;   ///< the calibrated performance, as people read it ("J-K (9.4)")
  std::optional<double> bonus;
  std::string change;    ///< "promotion G → H from 2027-01-01" (or "exception …"); "" none
  double base_pay = 0;   ///< now, per pay period
  double allowance = 0;  ///< now, per pay period
};

struct Payroll {
  std::string cycle_id;
  std::string currency;
  std::string pay_period;          ///< "year" or "month": what base pay and allowances are per
  model::Date payable;             ///< the day after the period ends: bonuses are due then, in full
  std::vector<PayrollLine> lines;  ///< by person id
  double total_bonus = 0;
};

/// The payroll of cycle |cycle_id| for |actor_id|.
Result<Payroll> CyclePayroll(store::Store& store, const std::string& cycle_id,
                             const std::string& actor_id);

/// The payroll as one table, for CSV and XLSX; it reads from |payroll|, which must outlive it.
io::ExportTable PayrollTable(const Payroll& payroll);

}  // namespace yardstick::review
