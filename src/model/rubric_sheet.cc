#include "model/rubric_sheet.h"

#include <charconv>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::model {

std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<SourceScore> ParseSourceScore(std::string_view spec) {
  const size_t colon = spec.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const size_t equals = spec.find('=', colon);
  if (equals == std::string_view::npos) return std::nullopt;
  const std::string_view area = Trim(spec.substr(0, colon));
  const std::string_view source = Trim(spec.substr(colon + 1, equals - colon - 1));
  const std::optional<double> points = ParseNumber(spec.substr(equals + 1));
  if (area.empty() || source.empty() || !points) return std::nullopt;
  return SourceScore{std::string(area), std::string(source), *points};
}

std::optional<OutcomeScore> ParseOutcomeScore(std::string_view spec) {
  const size_t equals = spec.rfind('=');
  if (equals == std::string_view::npos) return std::nullopt;
  const std::string_view name = Trim(spec.substr(0, equals));
  const std::string_view rest = spec.substr(equals + 1);
  const size_t at = rest.find('@');
  const std::optional<double> points = ParseNumber(rest.substr(0, at));
  const std::optional<double> share =
      at == std::string_view::npos ? std::optional<double>(1) : ParseNumber(rest.substr(at + 1));
  if (name.empty() || !points || !share) return std::nullopt;
  return OutcomeScore{std::string(name), *points, *share};
}

std::string ToString(const SourceScore& score) {
  return fmt::format("{}:{}={}", score.area, score.source, score.points);
}

std::string ToString(const OutcomeScore& outcome) {
  return outcome.involvement == 1
             ? fmt::format("{}={}", outcome.name, outcome.points)
             : fmt::format("{}={}@{}", outcome.name, outcome.points, outcome.involvement);
}

}  // namespace yardstick::model
