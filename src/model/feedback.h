// Evidence a review cycle collects besides ratings: self-reviews, peer feedback and upward
// feedback (from a direct report about their manager). Each is requested first, then given.
// It informs the rater and counts as a score only where the framework's rubric names the
// source it was requested as (model::RubricArea::sources). Plain types, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yardstick::model {

enum class FeedbackKind {
  kSelf,    ///< the person about themselves
  kPeer,    ///< a colleague who is not their manager
  kUpward,  ///< a direct report about their manager
};

/// "self", "peer", "upward".
std::string_view ToString(FeedbackKind kind);
/// The kind named |text| (as ToString writes it), or nullopt.
std::optional<FeedbackKind> ParseFeedbackKind(std::string_view text);

/// Points a feedback giver gives one area of the rubric.
struct AreaPoints {
  std::string area;
  double points = 0;

  friend bool operator==(const AreaPoints&, const AreaPoints&) = default;
};

/// Feedback about |person_id| from |giver_id| in a cycle: requested, and once |given|, what was
/// said.
struct Feedback {
  std::string person_id;
  std::string giver_id;
  FeedbackKind kind = FeedbackKind::kPeer;
  /// The rubric source the giver speaks as (e.g. "teammates"), or "" for evidence only.
  std::string source;
  std::string requested_by;
  bool given = false;
  std::string text;
  std::string grade;               ///< optional: "performed at grade K", on the cycle's scale
  std::vector<AreaPoints> scores;  ///< only with a source, for the areas that name it

  friend bool operator==(const Feedback&, const Feedback&) = default;
};

}  // namespace yardstick::model
