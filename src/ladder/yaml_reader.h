// Reading YAML nodes with located, human-readable errors.
//
// A thin layer over yaml-cpp for input files people write by hand: MapReader checks a mapping's
// keys against the keys allowed there (unknown keys get a did-you-mean, duplicated keys are
// reported) and reads typed values, reporting "expected a number, found a list" style errors at the
// value's line and column. Nothing here throws. Not thread-safe to share one reader; cheap to make.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "base/diagnostic.h"
#include "model/framework.h"

namespace yardstick::ladder {

/// The 1-based position of |node| in its file (0:0 when yaml-cpp has none).
SourceLoc LocOf(const YAML::Node& node);

/// "a mapping", "a list", "a string", "nothing": what a node is, for error messages.
std::string DescribeNode(const YAML::Node& node);

/// Parses "A-C", "A–C", "A..C" or "A" into {low, high} (both trimmed); nullopt if empty or
/// malformed.
std::optional<std::pair<std::string, std::string>> SplitRange(std::string_view text);

/// Parses a number range: "3-5", "3", "8+", optionally ending in "%" when |percent| is allowed.
std::optional<model::NumberRange> ParseNumberRange(std::string_view text, bool percent);

/// Parses a plain number ("2", "0.5"), or a percentage ("80%", and a bare number means percent)
/// when |percent| is true.
std::optional<double> ParseNumber(std::string_view text, bool percent);

class MapReader {
 public:
  /// Checks that |node| is a mapping whose keys are all in |allowed|; |what| names the mapping in
  /// messages ("level", "pay family"). Problems go to |diagnostics|.
  MapReader(const YAML::Node& node, std::string what, std::vector<std::string> allowed,
            Diagnostics& diagnostics);

  /// False when the node was not a mapping (already reported).
  [[nodiscard]] bool valid() const { return valid_; }
  [[nodiscard]] SourceLoc loc() const { return ladder::LocOf(node_); }
  [[nodiscard]] bool Has(std::string_view key) const;
  /// The value under |key|, or an undefined node.
  [[nodiscard]] YAML::Node Get(std::string_view key) const;
  /// Where |key|'s value is, or the mapping's position when absent.
  [[nodiscard]] SourceLoc LocOf(std::string_view key) const;

  /// A scalar as text. Reports a missing required key or a non-scalar value.
  std::optional<std::string> String(std::string_view key, bool required);
  /// A scalar read with ParseNumber().
  std::optional<double> Number(std::string_view key, bool required, bool percent = false);
  /// A whole number.
  std::optional<int> Integer(std::string_view key, bool required);
  std::optional<bool> Boolean(std::string_view key, bool required);
  /// A list of scalars (a single scalar counts as a list of one); empty when absent or wrong.
  std::vector<std::string> StringList(std::string_view key, bool required,
                                      SourceLoc* loc = nullptr);
  /// A list node (reports a non-list); undefined when absent and not required.
  YAML::Node List(std::string_view key, bool required);
  /// A mapping node (reports a non-mapping); undefined when absent and not required.
  YAML::Node Map(std::string_view key, bool required);

  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  std::optional<std::string> ScalarText(std::string_view key, bool required,
                                        std::string_view expected);
  void ReportMissing(std::string_view key);
  void ReportType(std::string_view key, const YAML::Node& value, std::string_view expected);

  YAML::Node node_;
  std::string what_;
  /// Keys suggested for misspelled ones: their absence is already explained.
  std::vector<std::string> suggested_;
  Diagnostics& diagnostics_;
  bool valid_ = false;
};

}  // namespace yardstick::ladder
