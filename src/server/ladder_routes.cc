#include "server/ladder_routes.h"

#include "server/api_error.h"
#include "server/json_views.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

nlohmann::json Strings(const std::vector<std::string>& values) {
  nlohmann::json json = nlohmann::json::array();
  for (const std::string& value : values) json.push_back(value);
  return json;
}

nlohmann::json LadderJson(const model::Framework& f) {
  nlohmann::json grades = nlohmann::json::array();
  for (int i = 0; i < f.scale.size(); ++i) grades.push_back(f.scale.IdAt(i));
  nlohmann::json tracks = nlohmann::json::array();
  for (const model::Track& t : f.tracks) {
    tracks.push_back({{"id", t.id}, {"name", t.name}, {"description", t.description}});
  }
  nlohmann::json areas = nlohmann::json::array();
  for (const model::Area& a : f.areas) {
    areas.push_back({{"id", a.id},
                     {"name", a.name},
                     {"description", a.description},
                     {"tracks", Strings(a.tracks)}});
  }
  nlohmann::json levels = nlohmann::json::array();
  for (const model::Level& l : f.levels) {
    nlohmann::json criteria = nlohmann::json::array();
    for (const model::Criterion& c : l.criteria) {
      criteria.push_back({{"id", c.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(c.id)},
                          {"area", c.area},
                          {"text", c.text},
                          {"weight", c.weight}});
    }
    levels.push_back({{"id", l.id},
                      {"name", l.name},
                      {"summary", l.summary},
                      {"description", l.description},
                      {"band", BandJson(f, f.BandOf(l))},
                      {"tracks", Strings(f.TracksOf(l))},
                      {"criteria", criteria}});
  }
  nlohmann::json positions = nlohmann::json::array();
  for (const model::Position& p : f.positions) {
    positions.push_back(
        {{"id", p.id},
         {"name", p.name},
         {"description", p.description},
         {"track", p.track.empty() ? nlohmann::json(nullptr) : nlohmann::json(p.track)},
         {"band", BandJson(f, f.BandOf(p))},
         {"allowance", p.allowance}});
  }
  nlohmann::json families = nlohmann::json::array();
  for (const model::PayFamily& family : f.pay.families) {
    nlohmann::json base = nlohmann::json::object();
    for (const model::PayFamily::Step& step : family.base) base[step.grade] = step.amount;
    families.push_back({{"id", family.id},
                        {"name", family.name},
                        {"tracks", Strings(family.tracks)},
                        {"base", base}});
  }
  nlohmann::json equivalences = nlohmann::json::array();
  for (const model::Equivalence& e : f.equivalences) equivalences.push_back(Strings(e.levels));
  nlohmann::json transitions = nlohmann::json::array();
  for (const model::Transition& t : f.transitions) {
    transitions.push_back({{"from", t.from_level}, {"to", t.to_level}, {"both_ways", t.both_ways}});
  }
  const model::Policies& p = f.policies;
  return {{"id", f.id},
          {"name", f.name},
          {"description", f.description},
          {"cumulative_criteria", f.cumulative_criteria},
          {"scale", grades},
          {"tracks", tracks},
          {"areas", areas},
          {"levels", levels},
          {"equivalences", equivalences},
          {"transitions", transitions},
          {"positions", positions},
          {"pay", {{"currency", f.pay.currency}, {"period", f.pay.period}, {"families", families}}},
          {"policies",
           {{"promotion",
             {{"far_above", p.promotion.far_above},
              {"slightly_above", p.promotion.slightly_above},
              {"periods", p.promotion.periods},
              {"confidence", p.promotion.confidence}}},
            {"plan", {{"below", p.plan.below}, {"exit_after", p.plan.exit_after}}},
            {"executive_approval", Strings(p.executive_approval)}}}};
}

HttpResponse ListFrameworks(RequestContext& ctx) {
  Result<std::shared_ptr<const org::OrgFrameworks>> frameworks = ctx.frameworks.Get(ctx.store);
  if (!frameworks.ok()) return ErrorFromStatus(frameworks.status());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& [id, framework] : (*frameworks)->frameworks()) {
    nlohmann::json groups = nlohmann::json::array();
    for (const auto& [group_id, group] : (*frameworks)->groups()) {
      if (group.framework_id == id) groups.push_back({{"id", group.id}, {"name", group.name}});
    }
    list.push_back({{"id", id}, {"name", framework.name}, {"groups", groups}});
  }
  return HttpResponse::Json({{"frameworks", list}});
}

HttpResponse GetFramework(RequestContext& ctx) {
  Result<std::shared_ptr<const org::OrgFrameworks>> frameworks = ctx.frameworks.Get(ctx.store);
  if (!frameworks.ok()) return ErrorFromStatus(frameworks.status());
  const auto found = (*frameworks)->frameworks().find(ctx.request.Param("id"));
  if (found == (*frameworks)->frameworks().end()) {
    return ErrorResponse(404, error_code::kNotFound,
                         "no framework '" + ctx.request.Param("id") + "' in use here");
  }
  return HttpResponse::Json(LadderJson(found->second));
}

}  // namespace

void AddLadderRoutes(Router& router) {
  router.Add({"GET", "/api/frameworks", Audience::kSignedIn,
              "The frameworks in use and the groups on each", ListFrameworks});
  router.Add({"GET", "/api/frameworks/{id}", Audience::kSignedIn,
              "A ladder: scale, tracks, levels and criteria, positions, pay scale, policies",
              GetFramework});
}

}  // namespace yardstick::server
