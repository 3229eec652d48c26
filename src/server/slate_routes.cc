#include "server/slate_routes.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <functional>

#include <fmt/format.h>

#include "base/file.h"
#include "io/csv_writer.h"
#include "io/xlsx_writer.h"
#include "org/permissions.h"
#include "review/apply_slate_job.h"
#include "review/cycle_inputs_job.h"
#include "review/decide_cycle_job.h"
#include "review/payroll_job.h"
#include "review/slate_review_job.h"
#include "server/api_error.h"
#include "server/json_body.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

/// A decision as JSON; its bonus only when |with_pay|.
nlohmann::json DecisionJson(const model::Decision& decision, const model::Person* person,
                            bool with_pay) {
  return {{"person_id", decision.person_id},
          {"name", person != nullptr ? person->name : decision.person_id},
          {"proposal", model::ToString(decision.proposal)},
          {"from_grade", decision.from_grade},
          {"to_grade", decision.to_grade},
          {"performed", decision.performed},
          {"se", decision.se},
          {"streak", decision.streak},
          {"reason", decision.reason},
          {"flags", decision.flags},
          {"executive_level", decision.executive_level},
          {"position_change", decision.position_change},
          {"bonus", with_pay && decision.bonus ? nlohmann::json(*decision.bonus) : nullptr},
          {"status", model::ToString(decision.status)},
          {"review_note", decision.review_note},
          {"justification", decision.justification},
          {"approver", decision.approver},
          {"awaiting_approval", review::AwaitsExecutive(decision)}};
}

nlohmann::json DecisionsJson(const std::vector<model::Decision>& decisions,
                             const review::CycleScope* scope, bool with_pay) {
  nlohmann::json list = nlohmann::json::array();
  for (const model::Decision& decision : decisions) {
    list.push_back(DecisionJson(
        decision, scope != nullptr ? scope->Find(decision.person_id) : nullptr, with_pay));
  }
  return list;
}

HttpResponse Decide(RequestContext& ctx) {
  Result<review::DecidedCycle> decided =
      review::DecideCycle(ctx.store, ctx.request.Param("id"), ctx.who().person_id);
  if (!decided.ok()) return ErrorFromStatus(decided.status());
  return HttpResponse::Json(
      {{"decisions", decided->slate.size()}, {"past_cycles", decided->past_cycles}});
}

/// The slate: the people team (with bonuses) and executives (without).
HttpResponse GetSlate(RequestContext& ctx) {
  const org::Actor& actor = ctx.who();
  const bool people_team = actor.Holds(model::Role::kPeopleTeam);
  if (!people_team && !actor.Holds(model::Role::kExecutive)) {
    return ErrorFromStatus(
        Status::PermissionDenied("the slate is for the people team and executives"));
  }
  Result<review::CycleScope> scope = review::LoadCycleScope(ctx.store, ctx.request.Param("id"));
  if (!scope.ok()) return ErrorFromStatus(scope.status());
  Result<std::vector<model::Decision>> slate = ctx.store.Decisions(scope->cycle().id);
  if (!slate.ok()) return ErrorFromStatus(slate.status());
  const model::SlateTally tally = model::Tally(*slate);
  int awaiting = 0;
  for (const model::Decision& decision : *slate) awaiting += review::AwaitsExecutive(decision);
  return HttpResponse::Json({{"cycle_id", scope->cycle().id},
                             {"state", model::ToString(scope->cycle().state)},
                             {"currency", people_team ? scope->framework().pay.currency : ""},
                             {"tally",
                              {{"proposed", tally.proposed},
                               {"accepted", tally.accepted},
                               {"rejected", tally.rejected},
                               {"applied", tally.applied},
                               {"awaiting_approval", awaiting}}},
                             {"decisions", DecisionsJson(*slate, &*scope, people_team)}});
}

HttpResponse ReviewSlate(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::vector<std::string>> people = StringList(*body, "people");
  Result<bool> accept = OptionalBool(*body, "accept", true);
  Result<std::string> note = OptionalString(*body, "note");
  for (const Status& status : {people.status(), accept.status(), note.status()}) {
    if (!status.ok()) return ErrorFromStatus(status);
  }
  review::ReviewRequest request;
  request.cycle_id = ctx.request.Param("id");
  request.people = *people;
  request.accept = *accept;
  request.note = *note;
  request.actor = ctx.who().person_id;
  Result<review::ReviewOutcome> outcome = review::ReviewSlate(ctx.store, request);
  if (!outcome.ok()) return ErrorFromStatus(outcome.status());
  return HttpResponse::Json({{"reviewed", DecisionsJson(outcome->reviewed, nullptr, true)},
                             {"skipped", outcome->skipped}});
}

HttpResponse RecordException(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> person = StringField(*body, "person_id");
  Result<std::string> to = StringField(*body, "to_grade");
  Result<std::string> justification = StringField(*body, "justification");
  Result<std::string> approver = StringField(*body, "approver");
  for (const Status& status :
       {person.status(), to.status(), justification.status(), approver.status()}) {
    if (!status.ok()) return ErrorFromStatus(status);
  }
  review::ExceptionRequest request{ctx.request.Param("id"), *person,   *to,
                                   *justification,          *approver, ctx.who().person_id,
                                   /*approved=*/false};
  Result<model::Decision> recorded = review::RecordException(ctx.store, request);
  if (!recorded.ok()) return ErrorFromStatus(recorded.status());
  return HttpResponse::Json(DecisionJson(*recorded, nullptr, true), 201);
}

HttpResponse Approve(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::vector<std::string>> people = StringList(*body, "people");
  if (!people.ok()) return ErrorFromStatus(people.status());
  Result<std::vector<model::Decision>> approved =
      review::ApproveDecisions(ctx.store, ctx.request.Param("id"), *people, ctx.who().person_id);
  if (!approved.ok()) return ErrorFromStatus(approved.status());
  return HttpResponse::Json({{"approved", DecisionsJson(*approved, nullptr, false)}});
}

HttpResponse Apply(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> effective = OptionalString(*body, "effective");
  if (!effective.ok()) return ErrorFromStatus(effective.status());
  review::ApplyRequest request{ctx.request.Param("id"), std::nullopt, ctx.who().person_id};
  if (!effective->empty()) {
    request.effective = model::Date::Parse(*effective);
    if (!request.effective) {
      return ErrorFromStatus(Status::InvalidArgument("'effective': expected a date as YYYY-MM-DD"));
    }
  }
  Result<review::AppliedSlate> applied = review::ApplySlate(ctx.store, request);
  if (!applied.ok()) return ErrorFromStatus(applied.status());
  return HttpResponse::Json({{"applied", applied->applied.size()},
                             {"moves", applied->moves.size()},
                             {"effective", applied->effective.ToString()},
                             {"still_proposed", applied->still_proposed},
                             {"applied_before", applied->applied_before}});
}

/// What |write| writes to a scratch file, read back; the file is gone afterwards.
Result<std::string> RenderFile(const std::string& name,
                               const std::function<Status(const std::string&)>& write) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "yardstick-download-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return Status::IoError("could not make a scratch directory for a download");
  }
  const std::string path = pattern + "/" + name;
  Status written = write(path);
  Result<std::string> bytes = written.ok() ? ReadTextFile(path) : Result<std::string>(written);
  std::error_code ignored;
  std::filesystem::remove_all(pattern, ignored);
  return bytes;
}

HttpResponse GetPayroll(RequestContext& ctx) {
  const std::string cycle_id = ctx.request.Param("id");
  Result<review::Payroll> payroll = review::CyclePayroll(ctx.store, cycle_id, ctx.who().person_id);
  if (!payroll.ok()) return ErrorFromStatus(payroll.status());
  const std::string format = ctx.request.Query("format", "json");
  if (format == "csv" || format == "xlsx") {
    const io::ExportTable table = review::PayrollTable(*payroll);
    const std::string name = fmt::format("payroll-{}.{}", cycle_id, format);
    Result<std::string> bytes = RenderFile(name, [&](const std::string& path) {
      return format == "csv" ? io::WriteCsv(table, path) : io::WriteXlsx({&table}, path);
    });
    if (!bytes.ok()) return ErrorFromStatus(bytes.status());
    HttpResponse response;
    response.content_type =
        format == "csv" ? "text/csv; charset=utf-8"
                        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    response.body = std::move(*bytes);
    response.headers.emplace_back("Content-Disposition",
                                  fmt::format("attachment; filename=\"{}\"", name));
    return response;
  }
  if (format != "json") {
    return ErrorFromStatus(
        Status::InvalidArgument(fmt::format("format '{}': expected json, csv or xlsx", format)));
  }
  nlohmann::json lines = nlohmann::json::array();
  for (const review::PayrollLine& line : payroll->lines) {
    lines.push_back({{"person_id", line.person.id},
                     {"name", line.person.name},
                     {"grade_held", line.grade_held},
                     {"performed", line.performed},
                     {"bonus", line.bonus ? nlohmann::json(*line.bonus) : nullptr},
                     {"change", line.change},
                     {"base_pay", line.base_pay},
                     {"allowance", line.allowance}});
  }
  return HttpResponse::Json({{"cycle_id", payroll->cycle_id},
                             {"currency", payroll->currency},
                             {"pay_period", payroll->pay_period},
                             {"payable", payroll->payable.ToString()},
                             {"total_bonus", payroll->total_bonus},
                             {"lines", lines}});
}

/// One person's outcome of a cycle: the people team and everyone above them at any time; the
/// person once the cycle is closed. Anyone else gets the API's 404.
HttpResponse GetOutcome(RequestContext& ctx) {
  const org::Actor& actor = ctx.who();
  const std::string person_id = ctx.request.Param("person");
  const Status not_found =
      Status::NotFound(fmt::format("no outcome for '{}' that you may see", person_id));
  Result<review::CycleScope> scope = review::LoadCycleScope(ctx.store, ctx.request.Param("id"));
  if (!scope.ok()) return ErrorFromStatus(scope.status());
  const model::Cycle& cycle = scope->cycle();
  const model::Person* person = scope->Find(person_id);
  if (person == nullptr) return ErrorFromStatus(not_found);
  bool may = actor.Holds(model::Role::kPeopleTeam);
  if (!may) {
    Result<bool> above = org::IsAbove(ctx.store, actor, person_id);
    if (!above.ok()) return ErrorFromStatus(above.status());
    may = *above;
  }
  if (!may && person_id == actor.person_id) {
    if (cycle.state != model::CycleState::kClosed) {
      return ErrorFromStatus(Status::FailedPrecondition(fmt::format(
          "your ratings and decision of cycle '{}' are shown once it is closed", cycle.id)));
    }
    may = true;
  }
  if (!may) return ErrorFromStatus(not_found);
  Result<std::vector<model::Rating>> ratings = ctx.store.Ratings(cycle.id);
  Result<std::vector<store::Store::PerformedResult>> results =
      ctx.store.CalibratedResults(cycle.id);
  Result<std::vector<model::Decision>> slate = ctx.store.Decisions(cycle.id);
  for (const Status& status : {ratings.status(), results.status(), slate.status()}) {
    if (!status.ok()) return ErrorFromStatus(status);
  }
  nlohmann::json about = nlohmann::json::array();
  for (const model::Rating& rating : *ratings) {
    if (rating.person_id != person_id) continue;
    about.push_back({{"rater_id", rating.rater_id},
                     {"grade", rating.grade},
                     {"evidence", rating.evidence},
                     {"criteria", rating.criteria},
                     {"benchmark", rating.benchmark}});
  }
  nlohmann::json performed = nullptr;
  for (const store::Store::PerformedResult& result : *results) {
    if (result.person_id != person_id) continue;
    performed = {{"performed", result.performed},
                 {"se", result.se},
                 {"text", scope->framework().scale.Describe(result.performed)}};
  }
  nlohmann::json decision = nullptr;
  for (const model::Decision& each : *slate) {
    if (each.person_id == person_id) decision = DecisionJson(each, person, /*with_pay=*/true);
  }
  return HttpResponse::Json({{"cycle", cycle.id},
                             {"person_id", person_id},
                             {"name", person->name},
                             {"grade_held", person->grade},
                             {"result", performed},
                             {"decision", decision},
                             {"ratings", about}});
}

}  // namespace

void AddSlateRoutes(Router& router) {
  router.Add({"POST", "/api/cycles/{id}/slate", Audience::kSignedIn,
              "Decide a calibrated cycle: the proposals (the people team)", Decide});
  router.Add({"GET", "/api/cycles/{id}/slate", Audience::kSignedIn,
              "The slate and its review (the people team with bonuses, executives)", GetSlate});
  router.Add({"POST", "/api/cycles/{id}/slate/review", Audience::kSignedIn,
              "Accept or reject proposals (the people team)", ReviewSlate});
  router.Add({"POST", "/api/cycles/{id}/exceptions", Audience::kSignedIn,
              "Record an exception for an executive to approve (the people team)",
              RecordException});
  router.Add({"POST", "/api/cycles/{id}/slate/approve", Audience::kSignedIn,
              "Approve exceptions and bestowed levels (executives)", Approve});
  router.Add({"POST", "/api/cycles/{id}/apply", Audience::kSignedIn,
              "Apply the accepted decisions (the people team)", Apply});
  router.Add({"GET", "/api/cycles/{id}/payroll", Audience::kSignedIn,
              "What payroll pays because of the cycle, as JSON, CSV or XLSX (the people team)",
              GetPayroll});
  router.Add({"GET", "/api/cycles/{id}/people/{person}", Audience::kSignedIn,
              "A person's ratings, result and decision in a cycle", GetOutcome});
}

}  // namespace yardstick::server
