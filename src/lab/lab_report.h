// The policy lab's results as text: a terminal table of every outcome per policy (mean ± the
// half-width of its 95% confidence interval), the frontier of a threshold sweep with its
// recommendation, and both as CSV tables (io/export_table.h) for spreadsheets. Formatting only: the
// caller writes the files. Pure, thread-safe.
#pragma once

#include <span>
#include <string>

#include "io/export_table.h"
#include "lab/lab_runner.h"
#include "lab/tuning.h"

namespace yardstick::lab {

/// A cell as the table shows it: "41.2% ± 1.3", "3.1 ± 0.2", "n/a".
std::string FormatEstimate(const Estimate& estimate, const MetricInfo& info);

/// One row per outcome, one column per policy, then a legend naming each policy in full.
std::string FormatOutcomeTable(std::span<const PolicyOutcome> outcomes);

/// One row per policy and outcome: policy, metric, mean, ci_low, ci_high, replications.
/// Points into |outcomes|, which must outlive it.
io::ExportTable OutcomeCsvTable(std::span<const PolicyOutcome> outcomes);

/// The frontier of |result| (fastest first) and the recommended setting, in words.
std::string FormatTuning(const TuningResult& result);

/// One row per setting swept: far_above, slightly_above, periods, on_frontier, recommended, then
/// the mean and interval of every outcome. Points into |result|, which must outlive it.
io::ExportTable TuningCsvTable(const TuningResult& result);

}  // namespace yardstick::lab
