#include "ladder/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <set>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::ladder {
namespace {

bool IsAbsent(const YAML::Node& node) { return !node.IsDefined() || node.IsNull(); }

std::string StripPercent(std::string_view text, bool percent, bool* had_percent) {
  std::string_view trimmed = Trim(text);
  *had_percent = false;
  if (percent && !trimmed.empty() && trimmed.back() == '%') {
    trimmed.remove_suffix(1);
    trimmed = Trim(trimmed);
    *had_percent = true;
  }
  return std::string(trimmed);
}

std::optional<double> ParsePlainNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

SourceLoc LocOf(const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {};
  return {mark.line + 1, mark.column + 1};
}

std::string DescribeNode(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  return "'" + node.Scalar() + "'";
}

std::optional<std::pair<std::string, std::string>> SplitRange(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  for (std::string_view separator : {"..", "\xE2\x80\x93", "-"}) {  // "..", en dash, hyphen
    const size_t at = text.find(separator);
    if (at == std::string_view::npos) continue;
    const std::string low(Trim(text.substr(0, at)));
    const std::string high(Trim(text.substr(at + separator.size())));
    if (low.empty() || high.empty()) return std::nullopt;
    return std::make_pair(low, high);
  }
  return std::make_pair(std::string(text), std::string(text));
}

std::optional<double> ParseNumber(std::string_view text, bool percent) {
  bool had_percent = false;
  return ParsePlainNumber(StripPercent(text, percent, &had_percent));
}

std::optional<model::NumberRange> ParseNumberRange(std::string_view text, bool percent) {
  bool had_percent = false;
  std::string body = StripPercent(text, percent, &had_percent);
  if (!body.empty() && body.back() == '+') {
    body.pop_back();
    const auto low = ParsePlainNumber(body);
    if (!low) return std::nullopt;
    return model::NumberRange{*low, *low, true};
  }
  // A leading minus would be a negative number, which no range here allows: treat as malformed.
  if (!body.empty() && body.front() == '-') return std::nullopt;
  const auto parts = SplitRange(body);
  if (!parts) return std::nullopt;
  const auto low = ParsePlainNumber(parts->first);
  const auto high = ParsePlainNumber(parts->second);
  if (!low || !high) return std::nullopt;
  return model::NumberRange{*low, *high, false};
}

MapReader::MapReader(const YAML::Node& node, std::string what, std::vector<std::string> allowed,
                     Diagnostics& diagnostics)
    : node_(node), what_(std::move(what)), diagnostics_(diagnostics) {
  if (!node.IsMap()) {
    diagnostics_.Error(
        ladder::LocOf(node), "type",
        fmt::format("expected a mapping for the {}, found {}", what_, DescribeNode(node)));
    return;
  }
  valid_ = true;
  std::set<std::string> seen;
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) {
      diagnostics_.Error(
          ladder::LocOf(key), "type",
          fmt::format("expected a key name in the {}, found {}", what_, DescribeNode(key)));
      continue;
    }
    const std::string& name = key.Scalar();
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      diagnostics_.Error(
          ladder::LocOf(key), "unknown-key",
          fmt::format("unknown key '{}' in {}{}", name, what_, DidYouMean(name, allowed)));
      const std::string suggestion = ClosestMatch(name, allowed);
      if (!suggestion.empty()) suggested_.push_back(suggestion);
    } else if (!seen.insert(name).second) {
      diagnostics_.Error(ladder::LocOf(key), "duplicate-key",
                         fmt::format("key '{}' appears twice in the same {}", name, what_));
    }
  }
}

bool MapReader::Has(std::string_view key) const { return !IsAbsent(Get(key)); }

YAML::Node MapReader::Get(std::string_view key) const {
  if (!valid_) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& entry : node_) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) return entry.second;
  }
  return YAML::Node(YAML::NodeType::Undefined);
}

SourceLoc MapReader::LocOf(std::string_view key) const {
  const YAML::Node value = Get(key);
  if (value.IsDefined()) {
    const SourceLoc loc = ladder::LocOf(value);
    if (loc.line > 0) return loc;
  }
  return loc();
}

void MapReader::ReportMissing(std::string_view key) {
  if (std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end()) return;
  diagnostics_.Error(loc(), "missing-key", fmt::format("the {} needs '{}'", what_, key));
}

void MapReader::ReportType(std::string_view key, const YAML::Node& value,
                           std::string_view expected) {
  diagnostics_.Error(ladder::LocOf(value), "type",
                     fmt::format("expected {} for '{}' in {}, found {}", expected, key, what_,
                                 DescribeNode(value)));
}

std::optional<std::string> MapReader::ScalarText(std::string_view key, bool required,
                                                 std::string_view expected) {
  const YAML::Node value = Get(key);
  if (IsAbsent(value)) {
    if (required && valid_) ReportMissing(key);
    return std::nullopt;
  }
  if (!value.IsScalar()) {
    ReportType(key, value, expected);
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<std::string> MapReader::String(std::string_view key, bool required) {
  return ScalarText(key, required, "a text");
}

std::optional<double> MapReader::Number(std::string_view key, bool required, bool percent) {
  const YAML::Node value = Get(key);
  const std::string_view expected = percent ? "a percentage like 80%" : "a number";
  const auto text = ScalarText(key, required, expected);
  if (!text) return std::nullopt;
  const auto number = ParseNumber(*text, percent);
  if (!number) ReportType(key, value, expected);
  return number;
}

std::optional<int> MapReader::Integer(std::string_view key, bool required) {
  const YAML::Node value = Get(key);
  const auto number = Number(key, required);
  if (!number) return std::nullopt;
  if (*number != static_cast<double>(static_cast<int>(*number))) {
    ReportType(key, value, "a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*number);
}

std::optional<bool> MapReader::Boolean(std::string_view key, bool required) {
  const YAML::Node value = Get(key);
  const auto text = ScalarText(key, required, "true or false");
  if (!text) return std::nullopt;
  const std::string lowered = ToLower(*text);
  if (lowered == "true" || lowered == "yes") return true;
  if (lowered == "false" || lowered == "no") return false;
  ReportType(key, value, "true or false");
  return std::nullopt;
}

std::vector<std::string> MapReader::StringList(std::string_view key, bool required,
                                               SourceLoc* loc) {
  const YAML::Node value = Get(key);
  if (loc != nullptr) *loc = LocOf(key);
  if (IsAbsent(value)) {
    if (required && valid_) ReportMissing(key);
    return {};
  }
  if (value.IsScalar()) return {value.Scalar()};
  if (!value.IsSequence()) {
    ReportType(key, value, "a list");
    return {};
  }
  std::vector<std::string> items;
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) {
      ReportType(key, item, "a list of names");
      continue;
    }
    items.push_back(item.Scalar());
  }
  return items;
}

YAML::Node MapReader::List(std::string_view key, bool required) {
  const YAML::Node value = Get(key);
  if (IsAbsent(value)) {
    if (required && valid_) ReportMissing(key);
    return YAML::Node(YAML::NodeType::Undefined);
  }
  if (!value.IsSequence()) {
    ReportType(key, value, "a list");
    return YAML::Node(YAML::NodeType::Undefined);
  }
  return value;
}

YAML::Node MapReader::Map(std::string_view key, bool required) {
  const YAML::Node value = Get(key);
  if (IsAbsent(value)) {
    if (required && valid_) ReportMissing(key);
    return YAML::Node(YAML::NodeType::Undefined);
  }
  if (!value.IsMap()) {
    ReportType(key, value, "a mapping");
    return YAML::Node(YAML::NodeType::Undefined);
  }
  return value;
}

}  // namespace yardstick::ladder
