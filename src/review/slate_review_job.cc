#include "review/slate_review_job.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "base/text.h"
#include "review/cycle_inputs_job.h"

namespace yardstick::review {
Result<SlateContext> LoadDecidedSlate(store::Store& store, const std::string& cycle_id,
                                      const std::string& actor_id, std::string_view what) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  if (Status s = org::RequirePeopleTeam(loaded->actor, what); !s.ok()) return s;
  const model::Cycle& cycle = loaded->scope.cycle();
  if (cycle.state != model::CycleState::kDecided) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: its slate is reviewed while it is decided{}", cycle_id,
                    model::ToString(cycle.state),
                    cycle.state == model::CycleState::kCalibrating
                        ? " (`yardstick cycle decide`, then `yardstick cycle advance`)"
                        : ""));
  }
  Result<std::vector<model::Decision>> slate = store.Decisions(cycle_id);
  if (!slate.ok()) return slate.status();
  return SlateContext{std::move(*loaded), std::move(*slate)};
}

namespace {

/// Ok when |approver_id| holds the executive role.
Status RequireExecutive(store::Store& store, const std::string& approver_id,
                        std::string_view needed_for) {
  if (approver_id.empty()) {
    return Status::FailedPrecondition(
        fmt::format("{} needs an executive approver: give --approver", needed_for));
  }
  Result<org::Actor> approver = org::LoadActor(store, approver_id);
  if (!approver.ok()) return approver.status();
  if (!approver->Holds(model::Role::kExecutive)) {
    return Status::PermissionDenied(fmt::format(
        "{} needs an executive approver, and {} is not an executive", needed_for, approver_id));
  }
  return Status::Ok();
}

}  // namespace

Result<ReviewOutcome> ReviewSlate(store::Store& store, const ReviewRequest& request) {
  Result<SlateContext> context =
      LoadDecidedSlate(store, request.cycle_id, request.actor, "review a cycle's slate");
  if (!context.ok()) return context.status();
  if (!request.accept && Trim(request.note).empty()) {
    return Status::InvalidArgument("a rejection says why: give --reason");
  }
  const bool every_open = request.people.empty();
  std::set<std::string> wanted(request.people.begin(), request.people.end());
  ReviewOutcome outcome;
  std::vector<model::Decision> changes;
  for (const model::Decision& decision : context->slate) {
    if (every_open ? decision.status != model::DecisionStatus::kProposed
                   : wanted.erase(decision.person_id) == 0) {
      continue;
    }
    if (decision.status == model::DecisionStatus::kApplied) {
      return Status::FailedPrecondition(
          fmt::format("{}'s decision has been applied already", decision.person_id));
    }
    if (request.accept && decision.proposal == model::Proposal::kException) {
      // Recorded to await its approver (RecordException without approval): only an executive
      // accepts it (ApproveDecisions). It may still be rejected.
      if (every_open) {
        outcome.skipped.push_back(decision.person_id);
        continue;
      }
      return Status::FailedPrecondition(
          fmt::format("{}'s exception awaits an executive's approval: the executive approves it",
                      decision.person_id));
    }
    model::Decision reviewed = decision;
    reviewed.status =
        request.accept ? model::DecisionStatus::kAccepted : model::DecisionStatus::kRejected;
    reviewed.review_note = request.note;
    if (request.accept && !decision.executive_level.empty() &&
        decision.proposal != model::Proposal::kException) {
      const std::string needed_for =
          fmt::format("the promotion of {} to {} (level {} is bestowed)", decision.person_id,
                      decision.to_grade, decision.executive_level);
      if (every_open && request.approver.empty()) {
        outcome.skipped.push_back(decision.person_id);
        continue;
      }
      if (Status s = RequireExecutive(store, request.approver, needed_for); !s.ok()) return s;
      reviewed.approver = request.approver;
    }
    changes.push_back(std::move(reviewed));
  }
  if (!wanted.empty()) {
    return Status::NotFound(fmt::format("no decision in cycle '{}' for {}", request.cycle_id,
                                        Join({wanted.begin(), wanted.end()}, ", ")));
  }
  if (Status s = store.UpdateDecisions(request.cycle_id, model::CycleState::kDecided, changes,
                                       request.actor);
      !s.ok()) {
    return s;
  }
  outcome.reviewed = std::move(changes);
  return outcome;
}

Result<model::Decision> RecordException(store::Store& store, const ExceptionRequest& request) {
  Result<SlateContext> context =
      LoadDecidedSlate(store, request.cycle_id, request.actor, "record an exception");
  if (!context.ok()) return context.status();
  const auto found = std::find_if(context->slate.begin(), context->slate.end(),
                                  [&](const auto& d) { return d.person_id == request.person_id; });
  if (found == context->slate.end()) {
    return Status::NotFound(
        fmt::format("no decision in cycle '{}' for {}", request.cycle_id, request.person_id));
  }
  if (Trim(request.justification).empty()) {
    return Status::InvalidArgument(
        "an exception needs a written justification: give --justification");
  }
  const model::Scale& scale = context->loaded.scope.framework().scale;
  const int to = scale.IndexOf(request.to_grade);
  const int from = scale.IndexOf(found->from_grade);
  if (to < 0) {
    return Status::InvalidArgument(fmt::format("grade '{}' is not on the scale of framework '{}'",
                                               request.to_grade,
                                               context->loaded.scope.framework().id));
  }
  if (to <= from) {
    return Status::InvalidArgument(
        fmt::format("an exception promotes: {} holds {}, and {} is not above it", request.person_id,
                    found->from_grade, request.to_grade));
  }
  if (model::IsPromotion(found->proposal) && found->proposal != model::Proposal::kException &&
      to <= scale.IndexOf(found->to_grade)) {
    return Status::FailedPrecondition(fmt::format(
        "the evidence supports {} for {} already: accept the proposal (`yardstick cycle accept`) "
        "instead of recording an exception",
        found->to_grade, request.person_id));
  }
  if (Status s = RequireExecutive(
          store, request.approver,
          fmt::format("an exception promoting {} to {}", request.person_id, request.to_grade));
      !s.ok()) {
    return s;
  }
  model::Decision exception = *found;
  exception.proposal = model::Proposal::kException;
  exception.to_grade = request.to_grade;
  exception.status =
      request.approved ? model::DecisionStatus::kAccepted : model::DecisionStatus::kProposed;
  exception.justification = request.justification;
  exception.approver = request.approver;
  exception.review_note = "";
  if (Status s = store.UpdateDecisions(request.cycle_id, model::CycleState::kDecided, {exception},
                                       request.actor);
      !s.ok()) {
    return s;
  }
  return exception;
}

bool AwaitsExecutive(const model::Decision& decision) {
  return decision.status == model::DecisionStatus::kProposed &&
         (decision.proposal == model::Proposal::kException ||
          (model::IsPromotion(decision.proposal) && !decision.executive_level.empty()));
}

Result<std::vector<model::Decision>> ApproveDecisions(store::Store& store,
                                                      const std::string& cycle_id,
                                                      const std::vector<std::string>& people,
                                                      const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  if (!loaded->actor.Holds(model::Role::kExecutive)) {
    return Status::PermissionDenied(
        "only an executive approves exceptions and promotions into bestowed levels");
  }
  const model::Cycle& cycle = loaded->scope.cycle();
  if (cycle.state != model::CycleState::kDecided) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: its slate is approved while it is decided", cycle_id,
                    model::ToString(cycle.state)));
  }
  if (people.empty()) return Status::InvalidArgument("name the people whose decisions you approve");
  Result<std::vector<model::Decision>> slate = store.Decisions(cycle_id);
  if (!slate.ok()) return slate.status();
  std::vector<model::Decision> approved;
  for (const std::string& person_id : std::set<std::string>(people.begin(), people.end())) {
    const auto found = std::find_if(slate->begin(), slate->end(),
                                    [&](const auto& d) { return d.person_id == person_id; });
    if (found == slate->end()) {
      return Status::NotFound(fmt::format("no decision in cycle '{}' for {}", cycle_id, person_id));
    }
    if (!AwaitsExecutive(*found)) {
      return Status::FailedPrecondition(
          fmt::format("{}'s decision ({}, {}) awaits no executive approval", person_id,
                      model::ToString(found->proposal), model::ToString(found->status)));
    }
    model::Decision decision = *found;
    decision.status = model::DecisionStatus::kAccepted;
    decision.approver = actor_id;
    approved.push_back(std::move(decision));
  }
  if (Status s = store.UpdateDecisions(cycle_id, model::CycleState::kDecided, approved, actor_id);
      !s.ok()) {
    return s;
  }
  return approved;
}

}  // namespace yardstick::review
