#include "server/calibration_routes.h"

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "org/permissions.h"
#include "review/calibrate_cycle_job.h"
#include "review/cycle_inputs_job.h"
#include "server/api_error.h"
#include "server/json_body.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

/// z for a two-sided 90% interval: the report's "clearly" (review/cycle_report.h).
constexpr double kZ90 = 1.6449;

/// |assignments| as JSON: all of them when |everything|, else those |rater_id| rates.
nlohmann::json AssignmentsJson(const std::vector<model::BenchmarkAssignment>& assignments,
                               const std::string& rater_id, bool everything) {
  nlohmann::json list = nlohmann::json::array();
  for (const model::BenchmarkAssignment& assignment : assignments) {
    if (!everything && assignment.rater_id != rater_id) continue;
    list.push_back({{"person_id", assignment.person_id}, {"rater_id", assignment.rater_id}});
  }
  return list;
}

/// The people team and calibrators see every assignment; anyone else those they rate.
HttpResponse GetBenchmarks(RequestContext& ctx) {
  Result<review::CycleScope> scope = review::LoadCycleScope(ctx.store, ctx.request.Param("id"));
  if (!scope.ok()) return ErrorFromStatus(scope.status());
  bool everything = false;  // Calibrates() is true for the people team too
  for (const std::string& group : scope->groups()) everything |= ctx.who().Calibrates(group);
  return HttpResponse::Json(
      {{"assignments", AssignmentsJson(scope->benchmarks(), ctx.who().person_id, everything)}});
}

HttpResponse AssignBenchmarks(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  const std::string cycle_id = ctx.request.Param("id");
  const std::string& actor = ctx.who().person_id;
  if (Status s = review::RequireMayAssignBenchmarks(ctx.store, actor); !s.ok()) {
    return ErrorFromStatus(s);
  }
  Result<bool> suggested = OptionalBool(*body, "suggested", false);
  if (!suggested.ok()) return ErrorFromStatus(suggested.status());
  std::vector<model::BenchmarkAssignment> assignments;
  if (*suggested) {
    Result<std::vector<engine::BenchmarkSuggestion>> suggestions =
        review::SuggestBenchmarks(ctx.store, cycle_id);
    if (!suggestions.ok()) return ErrorFromStatus(suggestions.status());
    for (const engine::BenchmarkSuggestion& each : *suggestions) {
      assignments.push_back({each.person_id, each.rater_id});
    }
  } else {
    const auto found = body->find("assignments");
    if (found == body->end() || !found->is_array() || found->empty()) {
      return ErrorFromStatus(Status::InvalidArgument(
          "'assignments': expected [{\"person_id\", \"rater_id\"}, …], or \"suggested\": true"));
    }
    for (const nlohmann::json& item : *found) {
      Result<std::string> person =
          item.is_object()
              ? StringField(item, "person_id")
              : Result<std::string>(Status::InvalidArgument("'assignments': expected objects"));
      if (!person.ok()) return ErrorFromStatus(person.status());
      Result<std::string> rater = StringField(item, "rater_id");
      if (!rater.ok()) return ErrorFromStatus(rater.status());
      assignments.push_back({*person, *rater});
    }
  }
  if (!assignments.empty()) {
    if (Status s = review::AssignBenchmarks(ctx.store, cycle_id, assignments, actor); !s.ok()) {
      return ErrorFromStatus(s);
    }
  }
  Result<std::vector<model::BenchmarkAssignment>> all = ctx.store.Benchmarks(cycle_id);
  if (!all.ok()) return ErrorFromStatus(all.status());
  return HttpResponse::Json({{"assignments", AssignmentsJson(*all, actor, true)}});
}

HttpResponse GetSuggestions(RequestContext& ctx) {
  if (Status s = review::RequireMayAssignBenchmarks(ctx.store, ctx.who().person_id); !s.ok()) {
    return ErrorFromStatus(s);
  }
  Result<std::vector<engine::BenchmarkSuggestion>> suggestions =
      review::SuggestBenchmarks(ctx.store, ctx.request.Param("id"));
  if (!suggestions.ok()) return ErrorFromStatus(suggestions.status());
  nlohmann::json list = nlohmann::json::array();
  for (const engine::BenchmarkSuggestion& each : *suggestions) {
    list.push_back({{"person_id", each.person_id},
                    {"rater_id", each.rater_id},
                    {"raters_connected", each.raters_connected}});
  }
  return HttpResponse::Json({{"suggestions", list}});
}

HttpResponse Calibrate(RequestContext& ctx) {
  Result<review::CalibratedCycle> calibrated =
      review::CalibrateStoredCycle(ctx.store, ctx.request.Param("id"), ctx.who().person_id);
  if (!calibrated.ok()) return ErrorFromStatus(calibrated.status());
  size_t people = 0;
  for (const review::GroupCalibration& group : calibrated->groups) {
    people += group.result.people.size();
  }
  return HttpResponse::Json({{"groups", calibrated->groups.size()}, {"people", people}});
}

/// The board of the groups the caller calibrates (every group for the people team).
HttpResponse GetBoard(RequestContext& ctx) {
  const org::Actor& actor = ctx.who();
  const std::string cycle_id = ctx.request.Param("id");
  Result<review::CycleScope> scope = review::LoadCycleScope(ctx.store, cycle_id);
  if (!scope.ok()) return ErrorFromStatus(scope.status());
  bool calibrates_any = false;
  for (const std::string& group : scope->groups()) calibrates_any |= actor.Calibrates(group);
  if (!calibrates_any) {
    return ErrorFromStatus(Status::PermissionDenied(
        "the calibration board is for the people team and the cycle's calibrators"));
  }
  Result<review::LoadedCycleReport> loaded = review::LoadCycleReport(ctx.store, cycle_id);
  if (!loaded.ok()) return ErrorFromStatus(loaded.status());
  Result<std::vector<model::Rating>> ratings = ctx.store.Ratings(cycle_id);
  if (!ratings.ok()) return ErrorFromStatus(ratings.status());
  std::map<std::string, std::vector<std::string>> raters_of;
  std::map<std::string, int> ratings_by;
  for (const model::Rating& rating : *ratings) {
    raters_of[rating.person_id].push_back(rating.rater_id);
    ++ratings_by[rating.rater_id];
  }
  const model::Scale& scale = loaded->scope->framework().scale;
  nlohmann::json grades = nlohmann::json::array();
  for (int i = 0; i < scale.size(); ++i) grades.push_back(scale.IdAt(i));
  nlohmann::json people = nlohmann::json::array();
  nlohmann::json raters = nlohmann::json::array();
  nlohmann::json issues = nlohmann::json::array();
  nlohmann::json groups = nlohmann::json::array();
  for (const review::ReportGroup& group : loaded->report.groups) {
    if (!actor.Calibrates(group.group_id)) continue;
    groups.push_back({{"id", group.group_id},
                      {"held_count", group.held_count},
                      {"performed_count", group.performed_count},
                      {"unrated", group.unrated}});
    for (const review::ReportPerson& each : group.people) {
      const model::Person& person = *each.person;
      people.push_back({{"id", person.id},
                        {"name", person.name},
                        {"group", group.group_id},
                        {"manager_id", person.manager_id},
                        {"grade_held", person.grade},
                        {"held", each.held},
                        {"performed", each.performed},
                        {"se", each.se},
                        {"performed_text", scale.Describe(each.performed)},
                        {"direction", each.direction},
                        {"raters", raters_of[person.id]}});
    }
    for (const review::ReportRater& rater : group.raters) {
      const double low = rater.leniency - kZ90 * rater.se;
      const double high = rater.leniency + kZ90 * rater.se;
      raters.push_back({{"rater_id", rater.rater_id},
                        {"name", rater.rater != nullptr ? rater.rater->name : rater.rater_id},
                        {"group", group.group_id},
                        {"leniency", rater.leniency},
                        {"se", rater.se},
                        {"low", low},
                        {"high", high},
                        {"ratings", ratings_by[rater.rater_id]},
                        {"outlier", low > 0 || high < 0}});
    }
    for (const std::string& issue : group.issues) issues.push_back(issue);
  }
  return HttpResponse::Json({{"cycle_id", cycle_id},
                             {"scale", grades},
                             {"groups", groups},
                             {"people", people},
                             {"raters", raters},
                             {"issues", issues}});
}

}  // namespace

void AddCalibrationRoutes(Router& router) {
  router.Add({"GET", "/api/cycles/{id}/benchmarks", Audience::kSignedIn,
              "Benchmark assignments (all for the people team and calibrators, else one's own)",
              GetBenchmarks});
  router.Add({"POST", "/api/cycles/{id}/benchmarks", Audience::kSignedIn,
              "Assign benchmark people, or the suggested ones (the people team)",
              AssignBenchmarks});
  router.Add({"GET", "/api/cycles/{id}/benchmarks/suggestions", Audience::kSignedIn,
              "The fewest cross-team ratings that link every rater (the people team)",
              GetSuggestions});
  router.Add({"POST", "/api/cycles/{id}/calibration", Audience::kSignedIn,
              "Calibrate the cycle (the people team, its calibrators)", Calibrate});
  router.Add({"GET", "/api/cycles/{id}/calibration", Audience::kSignedIn,
              "The calibration board of the groups one calibrates", GetBoard});
}

}  // namespace yardstick::server
