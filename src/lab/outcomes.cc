#include "lab/outcomes.h"

#include <cmath>
#include <limits>

namespace yardstick::lab {

const std::array<MetricInfo, kMetricCount> kMetrics = {{
    {Metric::kCyclesToStable, "cycles_to_stable", "cycles to stable level", false, true,
     "How many review cycles people hired below the grade their ability settles at wait until "
     "they first hold it (a stay that ends first counts the cycles it had)."},
    {Metric::kReachedStable, "reached_stable", "reached stable level", true, false,
     "Of those people, the share who got to their stable grade while in the company."},
    {Metric::kPromotionsPerYear, "promotions_per_person_year", "promotions / person-year", false,
     false, "Promotions per person per year."},
    {Metric::kWrongPromotions, "wrong_promotions", "wrong promotions", true, true,
     "The share of promotions to a grade above what the person's true ability supported then."},
    {Metric::kWrongPromotionCycles, "wrong_promotion_cycles", "wrong promotion length (cycles)",
     false, true,
     "How many cycles a wrong promotion stays wrong: until the ability catches up or the person "
     "leaves (nobody is demoted)."},
    {Metric::kAboveAbility, "above_ability", "person-years above ability", true, true,
     "The share of all time worked at a grade above the true ability (entrenchment)."},
    {Metric::kBelowAbility, "below_ability", "person-years below ability", true, true,
     "The share of all time worked at a grade below the true ability (under-recognition)."},
    {Metric::kTopLeaving, "top_performer_leaving", "top-performer leaving / year", true, true,
     "How many of the top tenth by ability leave per year."},
    {Metric::kLeaving, "leaving", "leaving / year", true, true, "How many people leave per year."},
    {Metric::kCostPerValue, "cost_per_value", "cost per value delivered", false, true,
     "Payroll and bonuses divided by what the ability delivered is worth on the same pay scale "
     "(1.00: everyone paid exactly for their ability)."},
}};

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double Ratio(double numerator, double denominator) {
  return denominator > 0 ? numerator / denominator : kNaN;
}

/// Two-sided 95% Student's t quantile for |freedom| degrees of freedom.
double T95(int freedom) {
  static constexpr double kTable[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306,
                                      2.262,  2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
                                      2.110,  2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
                                      2.060,  2.056, 2.052, 2.048, 2.045, 2.042};
  if (freedom <= 30) return kTable[freedom - 1];
  if (freedom <= 60) return 2.000;
  if (freedom <= 120) return 1.980;
  return 1.960;
}

}  // namespace

int TrueGrade(double ability) { return static_cast<int>(std::floor(ability + 0.5)); }

Outcomes MeasureOutcomes(const ReplicationHistory& history) {
  double below_stable = 0, reached = 0, wait = 0;
  double promotions = 0, wrong = 0, wrong_cycles = 0;
  double person_cycles = 0, above = 0, below = 0;
  double top_cycles = 0, top_left = 0, left = 0;
  double pay = 0, value = 0;
  for (const Stay& stay : history.stays) {
    const std::vector<CycleRecord>& cycles = stay.cycles;
    if (cycles.empty()) continue;
    if (cycles.front().held < stay.stable_grade) {
      ++below_stable;
      size_t first = 0;
      while (first < cycles.size() && cycles[first].held < stay.stable_grade) ++first;
      wait += static_cast<double>(first);
      reached += first < cycles.size();
    }
    for (size_t k = 0; k < cycles.size(); ++k) {
      const CycleRecord& record = cycles[k];
      ++person_cycles;
      above += record.held > TrueGrade(record.ability);
      below += record.held < TrueGrade(record.ability);
      top_cycles += record.top;
      pay += record.pay;
      value += record.value;
      if (k == 0 || record.held <= cycles[k - 1].held) continue;
      ++promotions;
      if (record.held <= TrueGrade(record.ability)) continue;
      ++wrong;
      for (size_t j = k; j < cycles.size() && cycles[j].held > TrueGrade(cycles[j].ability); ++j) {
        ++wrong_cycles;
      }
    }
    if (stay.left) {
      ++left;
      top_left += cycles.back().top;
    }
  }
  const double person_years = person_cycles * history.cycle_years;
  Outcomes out;
  out[static_cast<size_t>(Metric::kCyclesToStable)] = Ratio(wait, below_stable);
  out[static_cast<size_t>(Metric::kReachedStable)] = Ratio(reached, below_stable);
  out[static_cast<size_t>(Metric::kPromotionsPerYear)] = Ratio(promotions, person_years);
  out[static_cast<size_t>(Metric::kWrongPromotions)] = Ratio(wrong, promotions);
  out[static_cast<size_t>(Metric::kWrongPromotionCycles)] = Ratio(wrong_cycles, wrong);
  out[static_cast<size_t>(Metric::kAboveAbility)] = Ratio(above, person_cycles);
  out[static_cast<size_t>(Metric::kBelowAbility)] = Ratio(below, person_cycles);
  out[static_cast<size_t>(Metric::kTopLeaving)] = Ratio(top_left, top_cycles * history.cycle_years);
  out[static_cast<size_t>(Metric::kLeaving)] = Ratio(left, person_years);
  out[static_cast<size_t>(Metric::kCostPerValue)] = Ratio(pay, value);
  return out;
}

Estimate Summarise(std::span<const double> values) {
  Estimate estimate;
  double sum = 0;
  for (double value : values) {
    if (std::isnan(value)) continue;
    sum += value;
    ++estimate.replications;
  }
  if (estimate.replications == 0) return {kNaN, kNaN, 0};
  estimate.mean = sum / estimate.replications;
  if (estimate.replications < 2) return estimate;
  double squares = 0;
  for (double value : values) {
    if (!std::isnan(value)) squares += (value - estimate.mean) * (value - estimate.mean);
  }
  const double sd = std::sqrt(squares / (estimate.replications - 1));
  estimate.half_width = T95(estimate.replications - 1) * sd / std::sqrt(estimate.replications);
  return estimate;
}

std::array<Estimate, kMetricCount> SummariseOutcomes(std::span<const Outcomes> replications) {
  std::array<Estimate, kMetricCount> out;
  std::vector<double> values(replications.size());
  for (size_t metric = 0; metric < kMetricCount; ++metric) {
    for (size_t r = 0; r < replications.size(); ++r) values[r] = replications[r][metric];
    out[metric] = Summarise(values);
  }
  return out;
}

}  // namespace yardstick::lab
