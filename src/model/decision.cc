#include "model/decision.h"

#include <array>

namespace yardstick::model {
namespace {

constexpr std::array<std::string_view, 7> kProposalNames = {
    "promote-now",       "promote",        "no-change", "plan",
    "exit-conversation", "not-calibrated", "exception"};
constexpr std::array<std::string_view, 4> kStatusNames = {"proposed", "accepted", "rejected",
                                                          "applied"};

}  // namespace

std::string_view ToString(Proposal proposal) {
  return kProposalNames[static_cast<size_t>(proposal)];
}

std::optional<Proposal> ParseProposal(std::string_view text) {
  for (size_t i = 0; i < kProposalNames.size(); ++i) {
    if (kProposalNames[i] == text) return static_cast<Proposal>(i);
  }
  return std::nullopt;
}

bool IsPromotion(Proposal proposal) {
  return proposal == Proposal::kPromoteNow || proposal == Proposal::kPromote ||
         proposal == Proposal::kException;
}

std::string_view ToString(DecisionStatus status) {
  return kStatusNames[static_cast<size_t>(status)];
}

std::optional<DecisionStatus> ParseDecisionStatus(std::string_view text) {
  for (size_t i = 0; i < kStatusNames.size(); ++i) {
    if (kStatusNames[i] == text) return static_cast<DecisionStatus>(i);
  }
  return std::nullopt;
}

SlateTally Tally(const std::vector<Decision>& slate) {
  SlateTally tally;
  for (const Decision& decision : slate) {
    switch (decision.status) {
      case DecisionStatus::kProposed:
        ++tally.proposed;
        break;
      case DecisionStatus::kAccepted:
        ++tally.accepted;
        break;
      case DecisionStatus::kRejected:
        ++tally.rejected;
        break;
      case DecisionStatus::kApplied:
        ++tally.applied;
        break;
    }
  }
  return tally;
}

}  // namespace yardstick::model
