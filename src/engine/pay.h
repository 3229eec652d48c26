// Pay from the scale, never per person: base pay is the pay family of the person's track at their
// grade; the allowance is their position's, paid only while they hold it. Nothing else goes in —
// there is no individual exception to the scale, and changing the scale is a new framework
// version. A real-valued grade (a calibrated performance such as 8.4) is paid by linear
// interpolation between the steps either side, which is what a bonus for performing above one's
// grade is measured with. Pure: no I/O, stateless, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "model/framework.h"
#include "model/person.h"

namespace yardstick::engine {

/// Base pay in pay family |family| at grade |grade_index|. NotFound when the family has no
/// amount for the grade.
Result<double> FamilyPay(const model::Framework& framework, const model::PayFamily& family,
                         int grade_index);

/// Base pay of |track| at grade |grade_index|, per pay period (framework.pay.period).
/// NotFound when no pay family covers the track or the family has no amount for the grade.
Result<double> BasePay(const model::Framework& framework, std::string_view track, int grade_index);

/// Base pay of |track| at a real-valued grade: interpolated between the steps either side,
/// clamped to the scale's ends.
Result<double> BasePayAt(const model::Framework& framework, std::string_view track,
                         double grade_value);

/// How a person's pay is made up.
struct PayDerivation {
  std::string family;  ///< the pay family's id
  std::string grade;
  double base = 0;
  std::string position;  ///< "" when they hold none
  double allowance = 0;
  double total = 0;
  std::string currency;
  std::string period;  ///< "year" or "month"
};

/// |person|'s pay on |framework|: base pay at their grade plus their position's allowance.
/// NotFound as for BasePay, or for a grade or position the framework does not have.
Result<PayDerivation> DerivePay(const model::Framework& framework, const model::Person& person);

}  // namespace yardstick::engine
