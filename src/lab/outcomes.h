// The outcomes the policy lab compares, computed from one replication's history
// (lab/history.h), and their means with 95% confidence intervals over replications.
//
// Definitions (a cycle's "true grade" is its ability rounded, as a rater without leniency or noise
// would grade it: ability 7.4 holds grade 7 rightly, 7.6 grade 8):
//   cycles to stable level   for people hired (or starting) below the grade their ability
//                            settles at: cycles from their first until they first hold it; a
//                            stay that ends first counts with the cycles it had (a restricted
//                            mean: it can only understate the wait)
//   reached stable level     the share of those people who got there while in the company
//   promotions / person-year
//   wrong promotions         the share of promotions to a grade above the true grade in the
//                            first cycle held
//   wrong promotion length   cycles such a promotion stays above the true grade (until the
//                            ability catches up or the stay ends)
//   above ability            the share of person-years spent holding a grade above the true
//                            grade (entrenchment)
//   below ability            … below it (under-recognition)
//   top-performer leaving    leavers per person-year among the top tenth by ability
//   leaving                  leavers per person-year, everyone
//   cost per value           payroll and bonuses divided by what the ability delivered is worth
//                            on the same pay scale (1.00: paid exactly for the ability)
// Pure computation: no I/O. Thread-safe.
#pragma once

#include <array>
#include <span>
#include <string_view>
#include <vector>

#include "lab/history.h"

namespace yardstick::lab {

enum class Metric {
  kCyclesToStable,
  kReachedStable,
  kPromotionsPerYear,
  kWrongPromotions,
  kWrongPromotionCycles,
  kAboveAbility,
  kBelowAbility,
  kTopLeaving,
  kLeaving,
  kCostPerValue,
};
inline constexpr size_t kMetricCount = 10;

struct MetricInfo {
  Metric metric;
  std::string_view key;     ///< for CSV and JSON: "wrong_promotions"
  std::string_view header;  ///< for tables: "wrong promotions"
  bool percent;             ///< shown as a percentage (the value is a share)
  bool lower_is_better;
  std::string_view meaning;  ///< one plain sentence, for readers of reports
};
/// Every metric, in the order tables show them.
extern const std::array<MetricInfo, kMetricCount> kMetrics;

using Outcomes = std::array<double, kMetricCount>;

/// The grade |ability| supports: its nearest grade.
int TrueGrade(double ability);

/// The outcomes of one replication. A metric with nothing to measure (no promotions, nobody
/// below their stable level) is NaN.
Outcomes MeasureOutcomes(const ReplicationHistory& history);

/// A mean over replications with the half-width of its 95% confidence interval (Student's t; 0
/// with one replication). NaN replications are left out; all NaN gives NaN.
struct Estimate {
  double mean = 0;
  double half_width = 0;
  int replications = 0;  ///< replications that measured it
};
Estimate Summarise(std::span<const double> values);

/// The summaries of every metric over |replications|.
std::array<Estimate, kMetricCount> SummariseOutcomes(std::span<const Outcomes> replications);

}  // namespace yardstick::lab
