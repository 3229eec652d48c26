#include "server/import_routes.h"

#include <sstream>

#include <fmt/format.h>

#include "org/import_diff.h"
#include "org/people_import_job.h"
#include "org/permissions.h"
#include "server/api_error.h"
#include "server/json_body.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

nlohmann::json PersonBrief(const model::Person& person) {
  return {{"id", person.id},       {"name", person.name},   {"group", person.group},
          {"track", person.track}, {"grade", person.grade}, {"manager_id", person.manager_id}};
}

HttpResponse Import(RequestContext& ctx) {
  if (Status s = org::RequirePeopleTeam(ctx.who(), "import people"); !s.ok()) {
    return ErrorFromStatus(s);
  }
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> csv = StringField(*body, "csv");
  Result<bool> dry_run = OptionalBool(*body, "dry_run", true);
  Result<bool> partial = OptionalBool(*body, "partial", false);
  Result<std::string> effective = OptionalString(*body, "effective", ctx.clock.TodayUtc());
  for (const Status& status :
       {csv.status(), dry_run.status(), partial.status(), effective.status()}) {
    if (!status.ok()) return ErrorFromStatus(status);
  }
  org::ImportRequest request;
  request.dry_run = *dry_run;
  request.actor = ctx.who().person_id;
  const std::optional<model::Date> day = model::Date::Parse(*effective);
  if (!day) {
    return ErrorFromStatus(Status::InvalidArgument("'effective': expected a date as YYYY-MM-DD"));
  }
  request.options = {*partial, *day};
  if (const auto columns = body->find("columns"); columns != body->end() && !columns->is_null()) {
    if (!columns->is_object()) {
      return ErrorFromStatus(Status::InvalidArgument(
          "'columns': expected an object of field → header, e.g. {\"id\": \"Employee ID\"}"));
    }
    for (const auto& [field, header] : columns->items()) {
      if (!header.is_string()) {
        return ErrorFromStatus(
            Status::InvalidArgument(fmt::format("'columns.{}': expected a header name", field)));
      }
      const std::string spec = field + "=" + header.get<std::string>();
      if (Status s = io::AddMapping(spec, request.mapping); !s.ok()) return ErrorFromStatus(s);
    }
  }
  std::istringstream in(*csv);
  Result<org::ImportOutcome> outcome = org::ImportPeople(ctx.store, in, request);
  if (!outcome.ok()) return ErrorFromStatus(outcome.status());
  const org::ImportPlan& plan = outcome->plan;
  nlohmann::json problems = nlohmann::json::array();
  for (const Diagnostic& problem : plan.diagnostics.items()) {
    problems.push_back({{"line", problem.loc.line},
                        {"column", problem.loc.column},
                        {"severity", problem.severity == Severity::kError ? "error" : "warning"},
                        {"message", problem.message}});
  }
  nlohmann::json added = nlohmann::json::array();
  for (const model::Person& person : plan.changes.added) added.push_back(PersonBrief(person));
  nlohmann::json changed = nlohmann::json::array();
  nlohmann::json left = nlohmann::json::array();
  for (const model::PersonUpdate& update : plan.changes.updated) {
    if (update.after.status == model::PersonStatus::kLeft &&
        update.before.status != model::PersonStatus::kLeft) {
      left.push_back(PersonBrief(update.after));
    } else {
      changed.push_back({{"id", update.after.id},
                         {"name", update.after.name},
                         {"change", org::DescribeUpdate(update)}});
    }
  }
  nlohmann::json deviations = nlohmann::json::array();
  for (const org::SalaryDeviation& deviation : plan.salary_deviations) {
    deviations.push_back({{"person_id", deviation.person_id},
                          {"line", deviation.line},
                          {"given", deviation.given},
                          {"scale", deviation.scale},
                          {"difference", deviation.difference}});
  }
  nlohmann::json json = {{"ok", plan.ok()},      {"applied", outcome->applied},
                         {"dry_run", *dry_run},  {"effective", day->ToString()},
                         {"added", added},       {"changed", changed},
                         {"left", left},         {"unchanged", plan.unchanged},
                         {"problems", problems}, {"salary_deviations", deviations}};
  return HttpResponse::Json(json, plan.ok() ? 200 : 400);
}

}  // namespace

void AddImportRoutes(Router& router) {
  router.Add({"POST", "/api/people/import", Audience::kSignedIn,
              "Import an HRIS export: the diff on a dry run, all or nothing otherwise (the people "
              "team)",
              Import});
}

}  // namespace yardstick::server
