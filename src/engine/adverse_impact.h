// Adverse impact: whether a cycle's promotions and performance plans fall evenly across the values
// of a person attribute the people team chooses (gender, location, …), by the four-fifths rule.
//
// For each value of the attribute: how many people hold it, how many of them are promoted and how
// many get a plan, and the rates. A promotion is a favourable outcome: each value's promotion rate
// is compared with the highest promotion rate of any value, and a ratio under four fifths (0.8)
// is flagged. A plan is an adverse outcome: the lowest plan rate of any value is compared with
// each value's plan rate, and a ratio under 0.8 is flagged (a value whose plan rate is 0 has
// ratio 1: nobody in it got one).
//
// The four-fifths rule is a rule of thumb, not a statistical test, and with few people a single
// decision moves a rate a long way. So:
//   - a value held by fewer than kMinPeopleToJudge people is shown with its counts and rates but
//     is not judged (no ratio, never flagged) and is not the reference the others are compared
//     with;
//   - people whose value is not known (not given) are shown as "(not given)" and not judged
//     either: they are not a group that shares anything;
//   - when no judged value has any promotion, there is no rate to compare with: no promotion
//     ratio is given. When no judged value has any plan, every plan ratio is 1.
// Pure: no I/O. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace yardstick::engine {

/// Ratios under this are flagged (the four-fifths rule).
inline constexpr double kFourFifths = 0.8;
/// Values held by fewer people than this are shown but not judged.
inline constexpr int kMinPeopleToJudge = 5;
/// The label of the people whose value is not known.
inline constexpr const char* kNotGiven = "(not given)";

/// One person's outcomes, with their value of the attribute (nullopt: not given).
struct PersonOutcome {
  std::optional<std::string> value;
  bool promoted = false;
  bool plan = false;  ///< a performance plan or an exit conversation
};

/// One value of the attribute.
struct ImpactRow {
  std::string value;  ///< kNotGiven for the people whose value is not known
  int people = 0;
  int promotions = 0;
  int plans = 0;
  double promotion_rate = 0;  ///< promotions / people
  double plan_rate = 0;       ///< plans / people
  /// False for a value held by fewer than kMinPeopleToJudge people, and for kNotGiven.
  bool judged = false;
  /// promotion_rate / the highest judged promotion rate; nullopt when not judged or when no
  /// judged value has a promotion.
  std::optional<double> promotion_ratio;
  /// The lowest judged plan rate / plan_rate (1 when plan_rate is 0); nullopt when not judged.
  std::optional<double> plan_ratio;
  bool promotion_flagged = false;  ///< promotion_ratio < kFourFifths
  bool plan_flagged = false;       ///< plan_ratio < kFourFifths
};

/// The breakdown of one attribute.
struct AdverseImpact {
  std::string attribute;
  std::vector<ImpactRow> rows;  ///< by value, kNotGiven last
  /// Judged values fewer than two: nothing could be compared.
  bool nothing_to_compare = true;
};

/// The breakdown of |attribute| over |outcomes| (one per person).
AdverseImpact MeasureAdverseImpact(std::string attribute,
                                   const std::vector<PersonOutcome>& outcomes);

}  // namespace yardstick::engine
