#include "review/apply_slate_job.h"

#include <fmt/format.h>

#include "base/text.h"
#include "engine/decision_rules.h"
#include "review/slate_review_job.h"

namespace yardstick::review {
namespace {

/// Why the slate's promotion of |person| cannot be applied now, or "" when it can.
std::string Obstacle(const model::Decision& decision, const model::Person* person) {
  if (person == nullptr) return fmt::format("{} is no longer stored", decision.person_id);
  if (person->status != model::PersonStatus::kActive) {
    return fmt::format("{} has left", decision.person_id);
  }
  if (person->grade != decision.from_grade) {
    return fmt::format("{} holds {} now, not {} as when the slate was made", decision.person_id,
                       person->grade, decision.from_grade);
  }
  return "";
}

}  // namespace

Result<AppliedSlate> ApplySlate(store::Store& store, const ApplyRequest& request) {
  Result<SlateContext> context =
      LoadDecidedSlate(store, request.cycle_id, request.actor, "apply a cycle's slate");
  if (!context.ok()) return context.status();
  const CycleScope& scope = context->loaded.scope;
  const model::Framework& framework = scope.framework();
  AppliedSlate outcome;
  outcome.effective = request.effective.value_or(scope.cycle().period.end.AddDays(1));
  model::PeopleChanges changes;
  changes.reason = "promotion";
  changes.effective = outcome.effective;
  std::vector<std::string> obstacles;
  std::vector<std::string> applied_ids;
  const model::SlateTally tally = model::Tally(context->slate);
  outcome.still_proposed = tally.proposed;
  outcome.applied_before = tally.applied;
  for (const model::Decision& decision : context->slate) {
    if (decision.status != model::DecisionStatus::kAccepted) continue;
    if (model::IsPromotion(decision.proposal) && decision.to_grade != decision.from_grade) {
      const model::Person* person = scope.Find(decision.person_id);
      if (std::string obstacle = Obstacle(decision, person); !obstacle.empty()) {
        obstacles.push_back(std::move(obstacle));
        continue;
      }
      model::PersonUpdate move{*person, *person};
      move.after.grade = decision.to_grade;
      move.after.position = engine::PositionAfterPromotion(
          framework, *person, framework.scale.IndexOf(decision.to_grade));
      move.reason = decision.proposal == model::Proposal::kException ? "exception" : "promotion";
      move.decision_id = fmt::format("{}/{}", request.cycle_id, decision.person_id);
      move.approver = decision.approver;
      outcome.moves.push_back(std::move(move));
    }
    applied_ids.push_back(decision.person_id);
    outcome.applied.push_back(decision);
  }
  if (!obstacles.empty()) {
    return Status::FailedPrecondition(
        fmt::format("nothing was applied: {} promotion{} cannot be applied as decided —\n  {}\n"
                    "reject {} (`yardstick cycle reject`) and apply again",
                    obstacles.size(), obstacles.size() == 1 ? "" : "s", Join(obstacles, "\n  "),
                    obstacles.size() == 1 ? "it" : "them"));
  }
  if (applied_ids.empty()) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' has no accepted decision waiting to be applied ({} applied already, {} still "
        "proposed): accept some first (`yardstick cycle accept`)",
        request.cycle_id, outcome.applied_before, outcome.still_proposed));
  }
  changes.updated = outcome.moves;
  if (Status s = store.ApplySlate(request.cycle_id, model::CycleState::kDecided, changes,
                                  applied_ids, request.actor);
      !s.ok()) {
    return s;
  }
  for (model::Decision& decision : outcome.applied)
    decision.status = model::DecisionStatus::kApplied;
  return outcome;
}

}  // namespace yardstick::review
