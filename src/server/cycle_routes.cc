#include "server/cycle_routes.h"

#include <set>

#include <fmt/format.h>

#include "org/permissions.h"
#include "review/cycle_inputs_job.h"
#include "server/api_error.h"
#include "server/json_body.h"
#include "server/json_views.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

/// The error for |status| where the target is someone the caller may not see: a refusal reads
/// as "not found", as everywhere in the API.
HttpResponse NotVisibleAsNotFound(const Status& status, const std::string& what) {
  if (status.code() == Status::Code::kPermissionDenied) {
    return ErrorFromStatus(Status::NotFound(fmt::format("no {} that you may see", what)));
  }
  return ErrorFromStatus(status);
}

/// A 400 listing |problems| (each with its field, when known).
HttpResponse Problems(const Diagnostics& problems, const std::vector<std::string>& fields) {
  nlohmann::json list = nlohmann::json::array();
  std::string first;
  for (size_t i = 0; i < problems.items().size(); ++i) {
    const Diagnostic& problem = problems.items()[i];
    if (problem.severity != Severity::kError) continue;
    nlohmann::json item = {{"message", problem.message}};
    if (i < fields.size() && !fields[i].empty()) item["field"] = fields[i];
    if (first.empty()) first = problem.message;
    list.push_back(std::move(item));
  }
  return ErrorResponse(400, error_code::kBadRequest, first, {{"problems", std::move(list)}});
}

HttpResponse ListCycles(RequestContext& ctx) {
  Result<std::vector<model::Cycle>> cycles = ctx.store.Cycles();
  if (!cycles.ok()) return ErrorFromStatus(cycles.status());
  nlohmann::json list = nlohmann::json::array();
  for (const model::Cycle& cycle : *cycles) list.push_back(CycleJson(cycle));
  return HttpResponse::Json({{"cycles", list}});
}

HttpResponse OpenCycle(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> name = StringField(*body, "name");
  Result<std::string> framework = StringField(*body, "framework");
  Result<std::string> period = StringField(*body, "period");
  Result<std::string> id = OptionalString(*body, "id");
  for (const Status& status : {name.status(), framework.status(), period.status(), id.status()}) {
    if (!status.ok()) return ErrorFromStatus(status);
  }
  Result<model::Cycle> cycle =
      review::OpenCycle(ctx.store, {*name, *framework, *period, *id, ctx.who().person_id});
  if (!cycle.ok()) return ErrorFromStatus(cycle.status());
  return HttpResponse::Json(CycleJson(*cycle), 201);
}

HttpResponse GetCycle(RequestContext& ctx) {
  const org::Actor& actor = ctx.who();
  Result<review::CycleScope> scope = review::LoadCycleScope(ctx.store, ctx.request.Param("id"));
  if (!scope.ok()) return ErrorFromStatus(scope.status());
  Result<std::vector<model::Rating>> ratings = ctx.store.Ratings(scope->cycle().id);
  if (!ratings.ok()) return ErrorFromStatus(ratings.status());
  std::set<std::string> rated;
  for (const model::Rating& rating : *ratings) rated.insert(rating.person_id);
  int people = 0;
  scope->ForEachInCycle([&](const model::Person&) { ++people; });
  bool calibrates = false;
  for (const std::string& group : scope->groups()) calibrates |= actor.Calibrates(group);
  int rates = static_cast<int>(scope->TeamOf(actor.person_id).size());
  for (const model::BenchmarkAssignment& assignment : scope->benchmarks()) {
    rates += assignment.rater_id == actor.person_id ? 1 : 0;
  }
  nlohmann::json json = CycleJson(scope->cycle());
  json["people"] = people;
  json["rated"] = rated.size();
  json["me"] = {{"people_team", actor.Holds(model::Role::kPeopleTeam)},
                {"executive", actor.Holds(model::Role::kExecutive)},
                {"calibrates", calibrates},
                {"rates", rates}};
  return HttpResponse::Json(json);
}

HttpResponse AdvanceCycle(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> to = OptionalString(*body, "to");
  Result<bool> allow_unrated = OptionalBool(*body, "allow_unrated", false);
  if (!to.ok()) return ErrorFromStatus(to.status());
  if (!allow_unrated.ok()) return ErrorFromStatus(allow_unrated.status());
  std::optional<model::CycleState> target;
  if (!to->empty()) {
    target = model::ParseCycleState(*to);
    if (!target) {
      return ErrorFromStatus(Status::InvalidArgument(fmt::format(
          "'to': '{}' is not a state; states go open, rating, calibrating, decided, closed", *to)));
    }
  }
  const std::string id = ctx.request.Param("id");
  Result<review::CycleMove> moved =
      review::AdvanceCycle(ctx.store, id, target, *allow_unrated, ctx.who().person_id);
  if (!moved.ok()) return ErrorFromStatus(moved.status());
  Result<std::optional<model::Cycle>> cycle = ctx.store.GetCycle(id);
  if (!cycle.ok()) return ErrorFromStatus(cycle.status());
  if (!*cycle) return ErrorFromStatus(Status::Internal("the cycle moved on has gone"));
  return HttpResponse::Json(CycleJson(**cycle));
}

nlohmann::json RatingJson(const model::Rating& rating, std::int64_t version) {
  return {{"person_id", rating.person_id},
          {"rater_id", rating.rater_id},
          {"grade", rating.grade},
          {"evidence", rating.evidence},
          {"criteria", rating.criteria},
          {"benchmark", rating.benchmark},
          {"version", version}};
}

HttpResponse GetTeam(RequestContext& ctx) {
  const std::string rater = ctx.request.Query("rater", ctx.who().person_id);
  Result<review::RaterTeam> team =
      review::LoadRaterTeam(ctx.store, ctx.request.Param("id"), rater, ctx.who().person_id);
  if (!team.ok()) return NotVisibleAsNotFound(team.status(), "person '" + rater + "'");
  nlohmann::json people = nlohmann::json::array();
  int benchmarks = 0;
  for (const review::TeamMember& member : team->members) {
    benchmarks += member.benchmark ? 1 : 0;
    people.push_back(
        {{"id", member.person.id},
         {"name", member.person.name},
         {"grade", member.person.grade},
         {"group", member.person.group},
         {"position", member.person.position},
         {"relation", member.benchmark ? "benchmark" : "report"},
         {"rating", member.rating ? RatingJson(*member.rating, member.version) : nullptr}});
  }
  return HttpResponse::Json(
      {{"rater_id", team->rater_id},
       {"cycle", CycleJson(team->cycle)},
       {"people", people},
       {"rank", {{"order", team->rank}, {"version", review::RankVersion(team->rank)}}},
       {"benchmarks_to_rate", benchmarks}});
}

/// The stored rating of |person_id| by |rater_id|, for a 409's "current", or null.
nlohmann::json CurrentRating(RequestContext& ctx, const std::string& cycle_id,
                             const std::string& person_id, const std::string& rater_id) {
  Result<std::vector<store::VersionedRating>> ratings = ctx.store.RatingsBy(cycle_id, rater_id);
  if (!ratings.ok()) return nullptr;
  for (const store::VersionedRating& stored : *ratings) {
    if (stored.rating.person_id == person_id) return RatingJson(stored.rating, stored.version);
  }
  return nullptr;
}

/// A 409 for a stale write, with the value stored now.
HttpResponse StaleWithCurrent(const Status& status, nlohmann::json current) {
  return ErrorResponse(409, error_code::kStale, status.message(),
                       {{"current", std::move(current)}});
}

HttpResponse PutRating(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  review::RatingEntry entry;
  entry.cycle_id = ctx.request.Param("id");
  entry.person_id = ctx.request.Param("person");
  entry.actor = ctx.who().person_id;
  Result<std::string> rater = OptionalString(*body, "rater_id", entry.actor);
  Result<std::string> grade = StringField(*body, "grade");
  Result<std::string> evidence = OptionalString(*body, "evidence");
  Result<std::vector<std::string>> criteria = StringList(*body, "criteria");
  Result<std::int64_t> version = OptionalInt(*body, "version", -1);
  for (const Status& status :
       {rater.status(), grade.status(), evidence.status(), criteria.status(), version.status()}) {
    if (!status.ok()) return ErrorFromStatus(status);
  }
  if (*version < 0) {
    return ErrorFromStatus(Status::InvalidArgument(
        "'version': expected the version of the rating read (0 when there was none)"));
  }
  entry.rater_id = *rater;
  entry.grade = *grade;
  entry.evidence = *evidence;
  entry.criteria = *criteria;
  entry.seen_version = *version;
  Result<review::EnteredRating> entered = review::EnterRating(ctx.store, entry);
  if (!entered.ok()) {
    if (entered.status().code() == Status::Code::kStale) {
      return StaleWithCurrent(entered.status(),
                              CurrentRating(ctx, entry.cycle_id, entry.person_id, entry.rater_id));
    }
    return ErrorFromStatus(entered.status());
  }
  if (!entered->stored) return Problems(entered->problems, entered->fields);
  return HttpResponse::Json(RatingJson(entered->stored->rating, entered->stored->version));
}

HttpResponse PutRank(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::vector<std::string>> order = StringList(*body, "order");
  Result<std::string> version = OptionalString(*body, "version");
  if (!order.ok()) return ErrorFromStatus(order.status());
  if (!version.ok()) return ErrorFromStatus(version.status());
  const std::string cycle_id = ctx.request.Param("id");
  const std::string rater = ctx.request.Param("rater");
  Result<review::StackRanksPlan> plan =
      review::EnterStackRank(ctx.store, cycle_id, rater, *order, *version, ctx.who().person_id);
  if (!plan.ok()) {
    if (plan.status().code() == Status::Code::kStale) {
      std::vector<std::string> current;
      Result<std::vector<model::StackRank>> ranks = ctx.store.StackRanks(cycle_id);
      if (ranks.ok()) {
        for (const model::StackRank& rank : *ranks) {
          if (rank.rater_id == rater) current = rank.people;
        }
      }
      return StaleWithCurrent(plan.status(),
                              {{"order", current}, {"version", review::RankVersion(current)}});
    }
    return ErrorFromStatus(plan.status());
  }
  if (!plan->ok()) return Problems(plan->diagnostics, {});
  return HttpResponse::Json(
      {{"rater_id", rater}, {"order", *order}, {"version", review::RankVersion(*order)}});
}

}  // namespace

void AddCycleRoutes(Router& router) {
  router.Add({"GET", "/api/cycles", Audience::kSignedIn, "Every review cycle", ListCycles});
  router.Add({"POST", "/api/cycles", Audience::kSignedIn,
              "Open a cycle on a framework's current version (the people team)", OpenCycle});
  router.Add({"GET", "/api/cycles/{id}", Audience::kSignedIn,
              "A cycle, its progress and what the caller does in it", GetCycle});
  router.Add({"POST", "/api/cycles/{id}/advance", Audience::kSignedIn,
              "Move a cycle to its next state (the people team)", AdvanceCycle});
  router.Add({"GET", "/api/cycles/{id}/team", Audience::kSignedIn,
              "The people a rater rates, with their ratings and stack rank so far", GetTeam});
  router.Add({"PUT", "/api/cycles/{id}/ratings/{person}", Audience::kSignedIn,
              "Rate a person (their rater or the people team), if unchanged since read",
              PutRating});
  router.Add({"PUT", "/api/cycles/{id}/ranks/{rater}", Audience::kSignedIn,
              "A rater's stack rank of their team, if unchanged since read", PutRank});
}

}  // namespace yardstick::server
