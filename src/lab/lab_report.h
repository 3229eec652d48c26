// The policy lab's results as text: a terminal table of every outcome per policy (mean ± the
// half-width of its 95% confidence interval) and the same as a CSV table (io/export_table.h) for
// spreadsheets. Formatting only: the caller writes the files. Pure, thread-safe.
#pragma once

#include <span>
#include <string>

#include "io/export_table.h"
#include "lab/lab_runner.h"

namespace yardstick::lab {

/// A cell as the table shows it: "41.2% ± 1.3", "3.1 ± 0.2", "n/a".
std::string FormatEstimate(const Estimate& estimate, const MetricInfo& info);

/// One row per outcome, one column per policy, then a legend naming each policy in full.
std::string FormatOutcomeTable(std::span<const PolicyOutcome> outcomes);

/// One row per policy and outcome: policy, metric, mean, ci_low, ci_high, replications.
/// Points into |outcomes|, which must outlive it.
io::ExportTable OutcomeCsvTable(std::span<const PolicyOutcome> outcomes);

}  // namespace yardstick::lab
