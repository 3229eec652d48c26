#include "model/feedback.h"

#include <array>

namespace yardstick::model {
namespace {

constexpr std::array<std::string_view, 3> kKindNames = {"self", "peer", "upward"};

}  // namespace

std::string_view ToString(FeedbackKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<FeedbackKind> ParseFeedbackKind(std::string_view text) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (kKindNames[i] == text) return static_cast<FeedbackKind>(i);
  }
  return std::nullopt;
}

}  // namespace yardstick::model
