#include "engine/pay.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace yardstick::engine {
namespace {

Result<const model::PayFamily*> FamilyFor(const model::Framework& framework,
                                          std::string_view track) {
  const model::PayFamily* family = framework.PayFamilyFor(track);
  if (family == nullptr) {
    return Status::NotFound(
        fmt::format("framework '{}' has no pay family for track '{}'", framework.id, track));
  }
  return family;
}

}  // namespace

Result<double> FamilyPay(const model::Framework& framework, const model::PayFamily& family,
                         int grade_index) {
  const std::string& grade = framework.scale.IdAt(grade_index);
  for (const model::PayFamily::Step& step : family.base) {
    if (step.grade == grade) return step.amount;
  }
  return Status::NotFound(
      fmt::format("pay family '{}' has no base pay for grade {}", family.id, grade));
}

Result<double> BasePay(const model::Framework& framework, std::string_view track, int grade_index) {
  if (grade_index < 0 || grade_index >= framework.scale.size()) {
    return Status::NotFound(fmt::format("grade {} is off the scale", grade_index));
  }
  Result<const model::PayFamily*> family = FamilyFor(framework, track);
  if (!family.ok()) return family.status();
  return FamilyPay(framework, **family, grade_index);
}

Result<double> BasePayAt(const model::Framework& framework, std::string_view track,
                         double grade_value) {
  const double top = framework.scale.size() - 1;
  const double value = std::clamp(grade_value, 0.0, top);
  const int low = static_cast<int>(std::floor(value));
  Result<double> low_pay = BasePay(framework, track, low);
  if (!low_pay.ok() || low == value) return low_pay;
  Result<double> high_pay = BasePay(framework, track, low + 1);
  if (!high_pay.ok()) return high_pay;
  return *low_pay + (value - low) * (*high_pay - *low_pay);
}

Result<PayDerivation> DerivePay(const model::Framework& framework, const model::Person& person) {
  const int grade = framework.scale.IndexOf(person.grade);
  if (grade < 0) {
    return Status::NotFound(fmt::format("{}'s grade {} is not on the scale of framework '{}'",
                                        person.id, person.grade, framework.id));
  }
  Result<const model::PayFamily*> family = FamilyFor(framework, person.track);
  if (!family.ok()) return family.status();
  Result<double> base = FamilyPay(framework, **family, grade);
  if (!base.ok()) return base.status();
  PayDerivation pay{(*family)->id,          person.grade,        *base, person.position, 0, 0,
                    framework.pay.currency, framework.pay.period};
  if (!person.position.empty()) {
    const model::Position* position = framework.FindPosition(person.position);
    if (position == nullptr) {
      return Status::NotFound(fmt::format("{}'s position '{}' is not in framework '{}'", person.id,
                                          person.position, framework.id));
    }
    pay.allowance = position->allowance;
  }
  pay.total = pay.base + pay.allowance;
  return pay;
}

}  // namespace yardstick::engine
