#include "server/people_routes.h"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "server/api_error.h"
#include "server/json_views.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

/// The person |id| when the one asking may see them; the refusal otherwise. Unknown ids and
/// people the caller may not see get the same 404, so a refusal tells nothing of who exists.
Result<model::Person> VisiblePerson(RequestContext& ctx, const std::string& id) {
  Result<std::optional<model::Person>> person = ctx.store.GetPerson(id);
  if (!person.ok()) return person.status();
  const Status not_found = Status::NotFound(fmt::format("no person '{}' that you may see", id));
  if (!*person) return not_found;
  Status may = org::RequireMaySeePerson(ctx.store, ctx.who(), **person);
  if (may.code() == Status::Code::kPermissionDenied) return not_found;
  if (!may.ok()) return may;
  return std::move(**person);
}

HttpResponse GetPerson(RequestContext& ctx) {
  Result<model::Person> person = VisiblePerson(ctx, ctx.request.Param("id"));
  if (!person.ok()) return ErrorFromStatus(person.status());
  Result<std::shared_ptr<const org::OrgFrameworks>> frameworks = ctx.frameworks.Get(ctx.store);
  if (!frameworks.ok()) return ErrorFromStatus(frameworks.status());
  return HttpResponse::Json(PersonJson(*person, **frameworks));
}

HttpResponse GetHistory(RequestContext& ctx) {
  Result<model::Person> person = VisiblePerson(ctx, ctx.request.Param("id"));
  if (!person.ok()) return ErrorFromStatus(person.status());
  Result<std::vector<model::LevelChange>> history = ctx.store.LevelHistory(person->id);
  if (!history.ok()) return ErrorFromStatus(history.status());
  nlohmann::json changes = nlohmann::json::array();
  for (const model::LevelChange& change : *history) changes.push_back(LevelChangeJson(change));
  return HttpResponse::Json({{"person_id", person->id}, {"history", changes}});
}

/// Everyone the one asking may list: the whole organisation for the people team and executives;
/// otherwise themselves, their reporting line and the groups they calibrate.
HttpResponse ListPeople(RequestContext& ctx) {
  const org::Actor& actor = ctx.who();
  store::PeopleQuery query;
  query.group = ctx.request.Query("group");
  query.manager_id = ctx.request.Query("manager");
  query.include_left = ctx.request.Query("include_left") == "true";
  Result<std::shared_ptr<const org::OrgFrameworks>> frameworks = ctx.frameworks.Get(ctx.store);
  if (!frameworks.ok()) return ErrorFromStatus(frameworks.status());
  const std::string level = ctx.request.Query("level");
  Result<std::vector<model::Person>> people = ctx.store.ListPeople(query);
  if (!people.ok()) return ErrorFromStatus(people.status());
  const bool everyone =
      actor.Holds(model::Role::kPeopleTeam) || actor.Holds(model::Role::kExecutive);
  std::vector<std::string> line;
  if (!everyone) {
    Result<std::vector<std::string>> below = ctx.store.ReportingLine(actor.person_id);
    if (!below.ok()) return ErrorFromStatus(below.status());
    line = std::move(*below);  // sorted by id
  }
  const size_t limit = 1000;
  nlohmann::json list = nlohmann::json::array();
  size_t total = 0;
  for (const model::Person& person : *people) {
    const bool visible = everyone || person.id == actor.person_id ||
                         actor.Calibrates(person.group) ||
                         std::binary_search(line.begin(), line.end(), person.id);
    if (!visible) continue;
    if (!level.empty()) {
      const model::Framework* framework = (*frameworks)->ForPerson(person);
      const model::Level* held = framework == nullptr ? nullptr : org::LevelOf(*framework, person);
      if (held == nullptr || held->id != level) continue;
    }
    // Only the people sent are written as JSON; the rest are counted.
    if (++total <= limit) list.push_back(PersonSummaryJson(person, **frameworks));
  }
  return HttpResponse::Json({{"people", list}, {"total", total}, {"truncated", total > limit}});
}

/// The manager tree below |id| (themselves included), as far as the caller may see it.
HttpResponse GetTree(RequestContext& ctx) {
  Result<model::Person> root = VisiblePerson(ctx, ctx.request.Param("id"));
  if (!root.ok()) return ErrorFromStatus(root.status());
  Result<std::shared_ptr<const org::OrgFrameworks>> frameworks = ctx.frameworks.Get(ctx.store);
  if (!frameworks.ok()) return ErrorFromStatus(frameworks.status());
  constexpr int kMaxDepth = 3;
  int depth = 0;
  try {
    depth = std::clamp(std::stoi(ctx.request.Query("depth", "1")), 1, kMaxDepth);
  } catch (const std::exception&) {
    return ErrorResponse(400, error_code::kBadRequest, "depth: expected a whole number, 1 to 3");
  }
  const org::Actor& actor = ctx.who();
  bool whole_tree = false;  // set below, before the walk
  std::function<Result<nlohmann::json>(const model::Person&, int)> node =
      [&](const model::Person& person, int left) -> Result<nlohmann::json> {
    nlohmann::json json = PersonSummaryJson(person, **frameworks);
    if (left == 0) return json;
    store::PeopleQuery query;
    query.manager_id = person.id;
    Result<std::vector<model::Person>> reports = ctx.store.ListPeople(query);
    if (!reports.ok()) return reports.status();
    json["reports"] = nlohmann::json::array();
    for (const model::Person& report : *reports) {
      if (!whole_tree && !actor.Calibrates(report.group)) continue;
      Result<nlohmann::json> child = node(report, left - 1);
      if (!child.ok()) return child.status();
      json["reports"].push_back(std::move(*child));
    }
    return json;
  };
  // Below someone the caller may see as themselves or as a manager above them, everyone is
  // theirs to see; the people team and executives see everyone; a calibrator sees the tree only
  // as far as it stays in the groups they calibrate.
  whole_tree = actor.person_id == root->id || actor.Holds(model::Role::kPeopleTeam) ||
               actor.Holds(model::Role::kExecutive);
  if (!whole_tree) {
    Result<bool> above = org::IsAbove(ctx.store, actor, root->id);
    if (!above.ok()) return ErrorFromStatus(above.status());
    whole_tree = *above;
  }
  Result<nlohmann::json> tree = node(*root, depth);
  if (!tree.ok()) return ErrorFromStatus(tree.status());
  return HttpResponse::Json(*tree);
}

}  // namespace

void AddPeopleRoutes(Router& router) {
  router.Add({"GET", "/api/people", Audience::kSignedIn,
              "People the caller may see, filtered by group, level, manager", ListPeople});
  router.Add({"GET", "/api/people/{id}", Audience::kSignedIn,
              "A person's record: level, position, band", GetPerson});
  router.Add({"GET", "/api/people/{id}/history", Audience::kSignedIn, "A person's level history",
              GetHistory});
  router.Add({"GET", "/api/org/tree/{id}", Audience::kSignedIn,
              "The manager tree below a person, to a depth of 1-3", GetTree});
}

}  // namespace yardstick::server
