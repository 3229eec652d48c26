#include "engine/adverse_impact.h"

#include <algorithm>
#include <map>

namespace yardstick::engine {
namespace {

using Count = int ImpactRow::*;

/// True when |a|'s rate of |count| is below |b|'s: a.count / a.people < b.count / b.people.
bool Below(const ImpactRow& a, const ImpactRow& b, Count count) {
  return static_cast<long long>(a.*count) * b.people < static_cast<long long>(b.*count) * a.people;
}

/// True when |a|'s rate of |count| is under four fifths of |b|'s: 5 a.rate < 4 b.rate.
bool UnderFourFifths(const ImpactRow& a, const ImpactRow& b, Count count) {
  static_assert(kFourFifths == 0.8, "the cross-multiplication below is by 5 and 4");
  return 5LL * (a.*count) * b.people < 4LL * (b.*count) * a.people;
}

}  // namespace

AdverseImpact MeasureAdverseImpact(std::string attribute,
                                   const std::vector<PersonOutcome>& outcomes) {
  std::map<std::string, ImpactRow> by_value;
  ImpactRow not_given;
  not_given.value = kNotGiven;
  for (const PersonOutcome& outcome : outcomes) {
    ImpactRow& row = outcome.value ? by_value[*outcome.value] : not_given;
    if (outcome.value) row.value = *outcome.value;
    ++row.people;
    row.promotions += outcome.promoted ? 1 : 0;
    row.plans += outcome.plan ? 1 : 0;
  }
  AdverseImpact impact;
  impact.attribute = std::move(attribute);
  for (auto& [value, row] : by_value) impact.rows.push_back(std::move(row));
  if (not_given.people > 0) impact.rows.push_back(std::move(not_given));

  // The references: the judged values with the highest promotion rate and the lowest plan rate.
  // Rates are compared by cross-multiplying counts, so that a ratio of exactly four fifths is
  // never flagged by a rounding error.
  const ImpactRow* most_promoted = nullptr;
  const ImpactRow* fewest_plans = nullptr;
  int judged = 0;
  for (ImpactRow& row : impact.rows) {
    row.promotion_rate = double(row.promotions) / row.people;
    row.plan_rate = double(row.plans) / row.people;
    row.judged = row.value != kNotGiven && row.people >= kMinPeopleToJudge;
    if (!row.judged) continue;
    ++judged;
    if (most_promoted == nullptr || Below(*most_promoted, row, &ImpactRow::promotions)) {
      most_promoted = &row;
    }
    if (fewest_plans == nullptr || Below(row, *fewest_plans, &ImpactRow::plans)) {
      fewest_plans = &row;
    }
  }
  impact.nothing_to_compare = judged < 2;
  for (ImpactRow& row : impact.rows) {
    if (!row.judged) continue;
    if (most_promoted->promotions > 0) {
      row.promotion_ratio = row.promotion_rate / most_promoted->promotion_rate;
      row.promotion_flagged = UnderFourFifths(row, *most_promoted, &ImpactRow::promotions);
    }
    if (row.plans == 0) {
      row.plan_ratio = 1.0;
    } else {
      row.plan_ratio = fewest_plans->plan_rate / row.plan_rate;
      row.plan_flagged = UnderFourFifths(*fewest_plans, row, &ImpactRow::plans);
    }
  }
  return impact;
}

}  // namespace yardstick::engine
