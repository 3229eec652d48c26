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

namespace {

/// |rows| as aligned columns: the first left-aligned, the others right-aligned.
std::string Columns(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t column = 0; column < row.size(); ++column) {
      widths[column] = std::max(widths[column], CodePoints(row[column]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    for (size_t column = 0; column < row.size(); ++column) {
      const std::string pad(widths[column] - CodePoints(row[column]), ' ');
      out += column == 0 ? row[column] + pad : "  " + pad + row[column];
    }
    out += "\n";
  }
  return out;
}

std::string Number(double value) {
  return std::isnan(value) ? std::string() : fmt::format("{:.6g}", value);
}

const Estimate& Of(const std::array<Estimate, kMetricCount>& summary, Metric metric) {
  return summary[static_cast<size_t>(metric)];
}

const MetricInfo& InfoOf(Metric metric) { return kMetrics[static_cast<size_t>(metric)]; }

}  // namespace

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
  std::string out = Columns(rows);
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
            cells[0] = outcome.policy;
            cells[1] = outcome.label;
            cells[2] = std::string(kMetrics[metric].key);
            cells[3] = Number(estimate.mean);
            cells[4] = Number(estimate.mean - estimate.half_width);
            cells[5] = Number(estimate.mean + estimate.half_width);
            cells[6] = std::to_string(estimate.replications);
          }};
}

std::string FormatTuning(const TuningResult& result) {
  constexpr Metric kShown[] = {Metric::kCyclesToStable, Metric::kWrongPromotions,
                               Metric::kReachedStable,  Metric::kAboveAbility,
                               Metric::kBelowAbility,   Metric::kTopLeaving,
                               Metric::kCostPerValue};
  const std::vector<size_t> frontier = FrontierBySpeed(result);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"far", "slightly", "periods"};
  for (Metric metric : kShown) header.emplace_back(InfoOf(metric).header);
  rows.push_back(header);
  for (size_t k : frontier) {
    const TuningPoint& point = result.points[k];
    std::vector<std::string> row{
        fmt::format("{:g}{}", point.thresholds.far_above, result.recommended == k ? " *" : ""),
        fmt::format("{:g}", point.thresholds.slightly_above),
        std::to_string(point.thresholds.periods)};
    for (Metric metric : kShown) {
      row.push_back(FormatEstimate(Of(point.summary, metric), InfoOf(metric)));
    }
    rows.push_back(std::move(row));
  }
  std::string out = fmt::format(
      "The frontier: {} of {} settings, each the fastest for its share of wrong promotions "
      "(no other setting is as fast with fewer)\n\n",
      frontier.size(), result.points.size());
  out += Columns(rows);
  const std::string limit = fmt::format("{:g}%", result.max_wrong_promotions * 100);
  if (!result.recommended) {
    out += fmt::format(
        "\nNo setting keeps wrong promotions within {}: raise the limit, or reduce the rating "
        "noise (more benchmark ratings, calibration).\n",
        limit);
    return out;
  }
  const TuningPoint& best = result.points[*result.recommended];
  const Estimate& wrong = Of(best.summary, Metric::kWrongPromotions);
  out += fmt::format(
      "\nRecommended (*) for at most {} wrong promotions: far above {:g}, slightly above {:g} "
      "for {} cycle{} ({}% confidence) — {} cycles to stable level, {} wrong promotions.\n"
      "In the framework file:\n  policies:\n    promotion:\n      far_above: {:g}\n"
      "      slightly_above: {:g}\n      periods: {}\n",
      limit, best.thresholds.far_above, best.thresholds.slightly_above, best.thresholds.periods,
      best.thresholds.periods == 1 ? "" : "s", best.thresholds.confidence * 100,
      FormatEstimate(Of(best.summary, Metric::kCyclesToStable), InfoOf(Metric::kCyclesToStable)),
      FormatEstimate(wrong, InfoOf(Metric::kWrongPromotions)), best.thresholds.far_above,
      best.thresholds.slightly_above, best.thresholds.periods);
  return out;
}

io::ExportTable TuningCsvTable(const TuningResult& result) {
  using io::CellType;
  std::vector<io::ExportColumn> columns{{"far_above", CellType::kNumber},
                                        {"slightly_above", CellType::kNumber},
                                        {"periods", CellType::kNumber},
                                        {"confidence", CellType::kNumber},
                                        {"on_frontier"},
                                        {"recommended"}};
  for (const MetricInfo& info : kMetrics) {
    for (const char* part : {"", "_ci_low", "_ci_high"}) {
      columns.push_back({std::string(info.key) + part, CellType::kNumber});
    }
  }
  return {"tuning", std::move(columns), result.points.size(),
          [&result](size_t index, std::vector<std::string>& cells) {
            const TuningPoint& point = result.points[index];
            cells[0] = Number(point.thresholds.far_above);
            cells[1] = Number(point.thresholds.slightly_above);
            cells[2] = std::to_string(point.thresholds.periods);
            cells[3] = Number(point.thresholds.confidence);
            cells[4] = point.on_frontier ? "yes" : "no";
            cells[5] = result.recommended == index ? "yes" : "no";
            size_t cell = 6;
            for (const Estimate& estimate : point.summary) {
              cells[cell++] = Number(estimate.mean);
              cells[cell++] = Number(estimate.mean - estimate.half_width);
              cells[cell++] = Number(estimate.mean + estimate.half_width);
            }
          }};
}

}  // namespace yardstick::lab
