#include "lab/lab_report.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::lab {

std::string FormatEstimate(const Estimate& estimate, const MetricInfo& info) {
  if (std::isnan(estimate.mean)) return "n/a";
  if (info.percent) {
    return fmt::format("{:.1f}% ± {:.1f}", estimate.mean * 100, estimate.half_width * 100);
  }
  return fmt::format("{:.2f} ± {:.2f}", estimate.mean, estimate.half_width);
}

std::string FormatOutcomeTable(std::span<const PolicyOutcome> outcomes) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"outcome"};
  for (const PolicyOutcome& outcome : outcomes) header.push_back(outcome.label);
  rows.push_back(header);
  for (size_t metric = 0; metric < kMetricCount; ++metric) {
    std::vector<std::string> row{std::string(kMetrics[metric].header)};
    for (const PolicyOutcome& outcome : outcomes) {
      row.push_back(FormatEstimate(outcome.summary[metric], kMetrics[metric]));
    }
    rows.push_back(std::move(row));
  }
  std::vector<size_t> widths(header.size(), 0);
  for (const auto& row : rows) {
    for (size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], CodePoints(row[column]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t column = 0; column < row.size(); ++column) {
      const size_t pad = widths[column] - CodePoints(row[column]);
      // The outcome names read left-aligned, the numbers right-aligned.
      line += column == 0 ? row[column] + std::string(pad, ' ')
                          : "  " + std::string(pad, ' ') + row[column];
    }
    out += line + "\n";
  }
  const int replications = outcomes.empty() ? 0 : static_cast<int>(outcomes[0].replications.size());
  out += fmt::format("\nmean ± half-width of the 95% confidence interval over {} replication{}\n",
                     replications, replications == 1 ? "" : "s");
  for (const PolicyOutcome& outcome : outcomes) {
    out += fmt::format("  {}: {}\n", outcome.label, outcome.policy);
  }
  return out;
}

io::ExportTable OutcomeCsvTable(std::span<const PolicyOutcome> outcomes) {
  using io::CellType;
  return {"outcomes",
          {{"policy"},
           {"label"},
           {"outcome"},
           {"mean", CellType::kNumber},
           {"ci_low", CellType::kNumber},
           {"ci_high", CellType::kNumber},
           {"replications", CellType::kNumber}},
          outcomes.size() * kMetricCount,
          [outcomes](size_t index, std::vector<std::string>& cells) {
            const PolicyOutcome& outcome = outcomes[index / kMetricCount];
            const size_t metric = index % kMetricCount;
            const Estimate& estimate = outcome.summary[metric];
            auto number = [](double value) {
              return std::isnan(value) ? std::string() : fmt::format("{:.6g}", value);
            };
            cells[0] = outcome.policy;
            cells[1] = outcome.label;
            cells[2] = std::string(kMetrics[metric].key);
            cells[3] = number(estimate.mean);
            cells[4] = number(estimate.mean - estimate.half_width);
            cells[5] = number(estimate.mean + estimate.half_width);
            cells[6] = std::to_string(estimate.replications);
          }};
}

}  // namespace yardstick::lab
