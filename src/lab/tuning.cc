#include "lab/tuning.h"

#include <algorithm>
#include <cmath>

namespace yardstick::lab {
namespace {

double Mean(const TuningPoint& point, Metric metric) {
  return point.summary[static_cast<size_t>(metric)].mean;
}

/// Smaller is better on both; NaN (nothing measured) is worst.
double OrWorst(double value) { return std::isnan(value) ? INFINITY : value; }

}  // namespace

std::vector<size_t> FrontierBySpeed(const TuningResult& result) {
  std::vector<size_t> frontier;
  for (size_t k = 0; k < result.points.size(); ++k) {
    if (result.points[k].on_frontier) frontier.push_back(k);
  }
  std::stable_sort(frontier.begin(), frontier.end(), [&](size_t a, size_t b) {
    return OrWorst(Mean(result.points[a], Metric::kCyclesToStable)) <
           OrWorst(Mean(result.points[b], Metric::kCyclesToStable));
  });
  return frontier;
}

void ChooseThresholds(TuningResult& result) {
  std::vector<TuningPoint>& points = result.points;
  result.recommended.reset();
  for (size_t a = 0; a < points.size(); ++a) {
    const double speed = OrWorst(Mean(points[a], Metric::kCyclesToStable));
    const double wrong = OrWorst(Mean(points[a], Metric::kWrongPromotions));
    bool dominated = false;
    for (size_t b = 0; b < points.size() && !dominated; ++b) {
      const double other_speed = OrWorst(Mean(points[b], Metric::kCyclesToStable));
      const double other_wrong = OrWorst(Mean(points[b], Metric::kWrongPromotions));
      dominated = other_speed <= speed && other_wrong <= wrong &&
                  (other_speed < speed || other_wrong < wrong);
    }
    points[a].on_frontier = !dominated;
    if (wrong > result.max_wrong_promotions) continue;
    if (!result.recommended ||
        speed < OrWorst(Mean(points[*result.recommended], Metric::kCyclesToStable))) {
      result.recommended = a;
    }
  }
}

TuningResult Tune(const LabRunOptions& options, const model::Framework& framework,
                  const model::PromotionPolicy& base, const TuningGrid& grid, Evidence evidence,
                  double max_wrong_promotions, const ProgressCallback& progress) {
  TuningResult result;
  result.max_wrong_promotions = max_wrong_promotions;
  std::vector<PolicyFactory> policies;
  for (double far : grid.far_above) {
    for (double slightly : grid.slightly_above) {
      if (!(slightly < far)) continue;
      for (int periods : grid.periods) {
        model::PromotionPolicy thresholds = base;
        thresholds.far_above = far;
        thresholds.slightly_above = slightly;
        thresholds.periods = periods;
        result.points.push_back({thresholds, {}, false});
        policies.push_back(AbsoluteRulesPolicyFactory(
            thresholds, evidence, options.simulation.cycle_years, options.simulation.track));
      }
    }
  }
  const std::vector<PolicyOutcome> outcomes = RunLab(options, framework, policies, progress);
  for (size_t k = 0; k < outcomes.size(); ++k) result.points[k].summary = outcomes[k].summary;
  ChooseThresholds(result);
  return result;
}

}  // namespace yardstick::lab
