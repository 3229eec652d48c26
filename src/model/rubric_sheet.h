// A rubric sheet: the scores a rater collects for one person in a cycle on the framework's
// points rubric (model::Rubric) — each area scored by its named sources, and the period's
// outcomes with the person's share of each. engine/rubric_scoring.h turns it into a grade.
// Plain types and the text forms people type them in, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yardstick::model {

/// |source| gives area |area| |points|.
struct SourceScore {
  std::string area;
  std::string source;
  double points = 0;

  friend bool operator==(const SourceScore&, const SourceScore&) = default;
};

/// One result of the period: its points and the person's share of the work (0 to 1).
struct OutcomeScore {
  std::string name;
  double points = 0;
  double involvement = 1;

  friend bool operator==(const OutcomeScore&, const OutcomeScore&) = default;
};

/// What |rater_id| scored for |person_id|.
struct RubricSheet {
  std::string person_id;
  std::string rater_id;
  std::string evidence;
  std::vector<SourceScore> scores;
  std::vector<OutcomeScore> outcomes;

  friend bool operator==(const RubricSheet&, const RubricSheet&) = default;
};

/// A number written the way people type it ("5", "4.5"), or nullopt.
std::optional<double> ParseNumber(std::string_view text);
/// "AREA:SOURCE=POINTS", e.g. "persuasion:director=5"; nullopt when malformed.
std::optional<SourceScore> ParseSourceScore(std::string_view spec);
/// "NAME=POINTS" or "NAME=POINTS@SHARE", e.g. "Checkout redesign=10@0.5"; nullopt when
/// malformed.
std::optional<OutcomeScore> ParseOutcomeScore(std::string_view spec);
/// The forms the parsers read: "persuasion:director=5", "Checkout redesign=10@0.5".
std::string ToString(const SourceScore& score);
std::string ToString(const OutcomeScore& outcome);

}  // namespace yardstick::model
