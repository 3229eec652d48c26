#include "review/cycle_evidence_job.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "io/csv_writer.h"
#include "io/named_csv.h"
#include "org/permissions.h"

namespace yardstick::review {
namespace {

/// Ok if |cycle| takes |what| now: while it is open or rating.
Status RequireOpenOrRating(const model::Cycle& cycle, std::string_view what) {
  if (cycle.state == model::CycleState::kOpen || cycle.state == model::CycleState::kRating) {
    return Status::Ok();
  }
  return Status::FailedPrecondition(fmt::format("cycle '{}' is {}: {} while it is open or rating",
                                                cycle.id, model::ToString(cycle.state), what));
}

/// Ok when |actor| may request feedback about everyone in |requests|.
Status RequireMayRequest(const CycleScope& scope, const org::Actor& actor,
                         const std::vector<model::Feedback>& requests) {
  if (actor.Holds(model::Role::kPeopleTeam)) return Status::Ok();
  for (const model::Feedback& request : requests) {
    const model::Person* person = scope.Find(request.person_id);
    if (person != nullptr && person->manager_id == actor.person_id) continue;
    return Status::PermissionDenied(
        fmt::format("{} may not request feedback about {}: only their manager and the people "
                    "team may",
                    actor.person_id, request.person_id));
  }
  return Status::Ok();
}

/// Ok when |actor| may read what was said about |person_id|: the people team, the person's
/// manager and their assigned benchmark raters.
Status RequireMayReadEvidence(const CycleScope& scope, const org::Actor& actor,
                              const std::string& person_id) {
  const model::Person* person = scope.Find(person_id);
  if (person == nullptr || !scope.InCycle(*person)) {
    return Status::NotFound(fmt::format("{} is not in cycle '{}'", person_id, scope.cycle().id));
  }
  if (actor.Holds(model::Role::kPeopleTeam) || person->manager_id == actor.person_id ||
      scope.IsAssignedBenchmark(person_id, actor.person_id)) {
    return Status::Ok();
  }
  return Status::PermissionDenied(
      fmt::format("{} may not read the evidence about {}: their raters and the people team may",
                  actor.person_id, person_id));
}

}  // namespace

Result<FeedbackPlan> RequestFeedback(store::Store& store, std::istream* csv, bool self_reviews,
                                     const InputRequest& request) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, request.cycle_id, request.actor);
  if (!loaded.ok()) return loaded.status();
  const CycleScope& scope = loaded->scope;
  if (Status s = RequireOpenOrRating(scope.cycle(), "feedback is requested"); !s.ok()) return s;
  FeedbackPlan plan;
  if (csv != nullptr) {
    plan = PlanFeedbackRequests(scope, io::NamedCsv::Read(*csv, FeedbackRequestColumns()));
    if (!plan.ok()) return plan;
  }
  if (Status s = RequireMayRequest(scope, loaded->actor, plan.feedback); !s.ok()) return s;
  Result<std::vector<model::Feedback>> requested = store.Feedback(request.cycle_id);
  if (!requested.ok()) return requested.status();
  // What was asked before stays as it was: only new requests are made (and counted).
  std::set<std::pair<std::string, std::string>> asked;
  for (const model::Feedback& each : *requested) asked.emplace(each.person_id, each.giver_id);
  std::erase_if(plan.feedback, [&](const model::Feedback& each) {
    return asked.count({each.person_id, each.giver_id}) != 0;
  });
  if (self_reviews) {
    if (Status s = org::RequirePeopleTeam(loaded->actor, "request everyone's self-review");
        !s.ok()) {
      return s;
    }
    for (model::Feedback& self : SelfReviewRequests(scope, *requested)) {
      plan.feedback.push_back(std::move(self));
    }
  }
  if (request.dry_run) return plan;
  if (Status s = store.RequestFeedback(request.cycle_id, scope.cycle().state, plan.feedback,
                                       request.actor);
      !s.ok()) {
    return s;
  }
  return plan;
}

Result<FeedbackPlan> GiveFeedback(store::Store& store, std::istream& csv,
                                  const InputRequest& request) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, request.cycle_id, request.actor);
  if (!loaded.ok()) return loaded.status();
  const CycleScope& scope = loaded->scope;
  if (Status s = RequireOpenOrRating(scope.cycle(), "feedback is given"); !s.ok()) return s;
  Result<std::vector<model::Feedback>> requested = store.Feedback(request.cycle_id);
  if (!requested.ok()) return requested.status();
  FeedbackPlan plan = PlanFeedback(scope, io::NamedCsv::Read(csv, FeedbackColumns()), *requested);
  if (!plan.ok()) return plan;
  for (const model::Feedback& given : plan.feedback) {
    if (Status s = org::RequireOwnOrPeopleTeam(loaded->actor, given.giver_id, "feedback");
        !s.ok()) {
      return s;
    }
  }
  if (request.dry_run) return plan;
  if (Status s =
          store.GiveFeedback(request.cycle_id, scope.cycle().state, plan.feedback, request.actor);
      !s.ok()) {
    return s;
  }
  return plan;
}

Result<std::vector<model::Feedback>> FeedbackAbout(store::Store& store, const std::string& cycle_id,
                                                   const std::string& person_id,
                                                   const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  if (Status s = RequireMayReadEvidence(loaded->scope, loaded->actor, person_id); !s.ok()) {
    return s;
  }
  Result<std::vector<model::Feedback>> feedback = store.Feedback(cycle_id);
  if (!feedback.ok()) return feedback.status();
  std::vector<model::Feedback> about;
  for (model::Feedback& each : *feedback) {
    if (each.person_id == person_id) about.push_back(std::move(each));
  }
  return about;
}

namespace {

/// FailedPrecondition unless the pinned framework has a rubric.
Status RequireRubric(const CycleScope& scope) {
  if (scope.framework().rubric) return Status::Ok();
  return Status::FailedPrecondition(
      fmt::format("framework '{}' (pinned by cycle '{}') has no rubric: rate with `yardstick "
                  "cycle ratings`",
                  scope.framework().id, scope.cycle().id));
}

}  // namespace

Result<RubricSheetsPlan> EnterRubricSheets(store::Store& store, std::istream& csv,
                                           const InputRequest& request) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, request.cycle_id, request.actor);
  if (!loaded.ok()) return loaded.status();
  const CycleScope& scope = loaded->scope;
  if (Status s = RequireRubric(scope); !s.ok()) return s;
  if (scope.cycle().state != model::CycleState::kRating) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: rubric sheets are entered while it is rating",
                    scope.cycle().id, model::ToString(scope.cycle().state)));
  }
  Result<std::vector<model::Feedback>> feedback = store.Feedback(request.cycle_id);
  if (!feedback.ok()) return feedback.status();
  const std::vector<std::string> names = RubricSheetColumnNames(*scope.framework().rubric);
  const io::NamedColumns columns{{"person_id", "rater_id"}, {names.begin() + 2, names.end()}};
  RubricSheetsPlan plan = PlanRubricSheets(scope, io::NamedCsv::Read(csv, columns), *feedback);
  if (!plan.ok()) return plan;
  for (const ScoredSheet& scored : plan.sheets) {
    if (Status s =
            org::RequireOwnOrPeopleTeam(loaded->actor, scored.sheet.rater_id, "rubric sheets");
        !s.ok()) {
      return s;
    }
  }
  if (request.dry_run) return plan;
  std::vector<model::RubricSheet> sheets;
  for (const ScoredSheet& scored : plan.sheets) sheets.push_back(scored.sheet);
  if (Status s = store.PutRubricSheets(request.cycle_id, scope.cycle().state, sheets, plan.ratings,
                                       request.actor);
      !s.ok()) {
    return s;
  }
  return plan;
}

Result<std::string> RubricSheetTemplate(store::Store& store, const std::string& cycle_id,
                                        const std::string& rater_id) {
  Result<CycleScope> scope = LoadCycleScope(store, cycle_id);
  if (!scope.ok()) return scope.status();
  if (Status s = RequireRubric(*scope); !s.ok()) return s;
  const std::vector<std::string> names = RubricSheetColumnNames(*scope->framework().rubric);
  std::string text;
  io::AppendCsvRecord(names, text);
  const auto row = [&](const std::string& person_id, const std::string& rater) {
    std::vector<std::string> fields(names.size());
    fields[0] = person_id;
    fields[1] = rater;
    io::AppendCsvRecord(fields, text);
  };
  if (rater_id.empty()) {
    scope->ForEachInCycle([&](const model::Person& person) {
      const model::Person* manager = scope->Find(person.manager_id);
      if (manager != nullptr && manager->group == person.group && scope->InCycle(*manager)) {
        row(person.id, person.manager_id);
      }
    });
    return text;
  }
  const model::Person* rater = scope->Find(rater_id);
  if (rater == nullptr || !scope->InCycle(*rater)) {
    return Status::NotFound(fmt::format("{} is not in cycle '{}'", rater_id, cycle_id));
  }
  for (const model::Person* person : scope->TeamOf(rater_id)) row(person->id, rater_id);
  for (const model::BenchmarkAssignment& assignment : scope->benchmarks()) {
    if (assignment.rater_id == rater_id) row(assignment.person_id, rater_id);
  }
  return text;
}

Result<PersonRubric> RubricOf(store::Store& store, const std::string& cycle_id,
                              const std::string& person_id, const std::string& actor_id) {
  Result<CycleAndActor> loaded = LoadCycleAndActor(store, cycle_id, actor_id);
  if (!loaded.ok()) return loaded.status();
  const CycleScope& scope = loaded->scope;
  if (Status s = RequireRubric(scope); !s.ok()) return s;
  if (Status s = RequireMayReadEvidence(scope, loaded->actor, person_id); !s.ok()) return s;
  Result<std::vector<model::RubricSheet>> sheets = store.RubricSheets(cycle_id);
  if (!sheets.ok()) return sheets.status();
  Result<std::vector<model::Feedback>> feedback = store.Feedback(cycle_id);
  if (!feedback.ok()) return feedback.status();
  Result<std::vector<model::Rating>> ratings = store.Ratings(cycle_id);
  if (!ratings.ok()) return ratings.status();
  PersonRubric rubric;
  rubric.rubric = *scope.framework().rubric;
  for (const model::RubricSheet& sheet : *sheets) {
    if (sheet.person_id != person_id) continue;
    Result<ScoredSheet> scored = ScoreSheet(*scope.framework().rubric, sheet, *feedback);
    if (!scored.ok()) {
      rubric.problems.push_back(
          fmt::format("the sheet by {}: {}", sheet.rater_id, scored.status().message()));
      continue;
    }
    const auto rating = std::find_if(ratings->begin(), ratings->end(), [&](const auto& r) {
      return r.person_id == person_id && r.rater_id == sheet.rater_id;
    });
    rubric.sheets.push_back({std::move(*scored), rating == ratings->end() ? "" : rating->grade});
  }
  return rubric;
}

}  // namespace yardstick::review
