// A review cycle's decisions: for each person, what the decision engine proposed
// (engine/decision_rules.h) and what the people team made of it. Plain types, no I/O.
//
// There is no "potential" anywhere: a proposal follows from performance alone. A promotion the
// evidence does not support can only be an exception — with a written justification and an
// approver — and stays marked as one in every report.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yardstick::model {

enum class Proposal {
  kPromoteNow,        ///< far above: to the grade the evidence supports
  kPromote,           ///< slightly above for the last few cycles: one grade
  kNoChange,          ///< at level (or above, not yet for long enough)
  kPlan,              ///< below: a performance-improvement plan
  kExitConversation,  ///< below for the last few cycles
  kNotCalibrated,     ///< no result this cycle: nothing to decide from
  kException,         ///< a promotion the evidence does not support, justified and approved
};

/// "promote-now", "promote", "no-change", "plan", "exit-conversation", "not-calibrated",
/// "exception".
std::string_view ToString(Proposal proposal);
std::optional<Proposal> ParseProposal(std::string_view text);
/// True for the proposals that change a grade.
bool IsPromotion(Proposal proposal);

enum class DecisionStatus { kProposed, kAccepted, kRejected, kApplied };

/// "proposed", "accepted", "rejected", "applied".
std::string_view ToString(DecisionStatus status);
std::optional<DecisionStatus> ParseDecisionStatus(std::string_view text);

/// One person's decision in a cycle.
struct Decision {
  std::string person_id;
  Proposal proposal = Proposal::kNoChange;
  std::string from_grade;
  std::string to_grade;
  double performed = 0;  ///< calibrated, on grade indices
  double se = 0;
  int streak = 0;
  std::string executive_level;  ///< a bestowed level the promotion reaches: needs an executive
  std::string position_change;  ///< the position the promotion needs
  std::vector<std::string> flags;
  std::string reason;
  std::optional<double> bonus;  ///< for the period, in the pay currency
  DecisionStatus status = DecisionStatus::kProposed;
  std::string review_note;    ///< why it was accepted or rejected
  std::string justification;  ///< an exception's written justification
  std::string approver;       ///< an exception's or a bestowed level's approver

  friend bool operator==(const Decision&, const Decision&) = default;
};

/// How far the review of a slate has come: its decisions counted by status.
struct SlateTally {
  int proposed = 0;
  int accepted = 0;  ///< accepted and not applied yet
  int rejected = 0;
  int applied = 0;
};
SlateTally Tally(const std::vector<Decision>& slate);

}  // namespace yardstick::model
