// Tuning the absolute-scale rules' thresholds: a sweep over how far above is "far", how far is
// "slightly" and for how many cycles, each setting run over the same replications, then the
// frontier of speed (cycles to stable level) against wrong promotions and the fastest setting
// within a limit on wrong promotions. Pure computation: no I/O. Thread-safe for distinct calls.
#pragma once

#include <optional>
#include <vector>

#include "lab/absolute_rules_policy.h"
#include "lab/lab_runner.h"

namespace yardstick::lab {

struct TuningGrid {
  std::vector<double> far_above{1.0, 1.5, 2.0, 2.5, 3.0};
  std::vector<double> slightly_above{0.25, 0.5, 0.75, 1.0};
  std::vector<int> periods{1, 2, 3, 4};
};

struct TuningPoint {
  model::PromotionPolicy thresholds;
  std::array<Estimate, kMetricCount> summary;
  bool on_frontier = false;  ///< no other setting is at least as fast with fewer wrong promotions
};

struct TuningResult {
  std::vector<TuningPoint> points;  ///< every setting swept (slightly below far), grid order
  /// The fastest setting whose mean share of wrong promotions is within the limit; nullopt when
  /// none is.
  std::optional<size_t> recommended;
  double max_wrong_promotions = 0;
};

/// Runs every setting of |grid| (confidence and the rest from |base|) with |evidence| over
/// options.replications replications, and picks the recommendation for |max_wrong_promotions|
/// (a share, 0 to 1). Options must be valid.
TuningResult Tune(const LabRunOptions& options, const model::Framework& framework,
                  const model::PromotionPolicy& base, const TuningGrid& grid, Evidence evidence,
                  double max_wrong_promotions, const ProgressCallback& progress = {});

/// The indices of |result|'s frontier points, fastest first.
std::vector<size_t> FrontierBySpeed(const TuningResult& result);

/// Marks the frontier and picks the recommendation among |result|.points (for tests and Tune).
void ChooseThresholds(TuningResult& result);

}  // namespace yardstick::lab
