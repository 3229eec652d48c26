#include "server/pay_routes.h"

#include "org/pay_job.h"
#include "server/api_error.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

HttpResponse GetPersonPay(RequestContext& ctx) {
  const std::string id = ctx.request.Param("id");
  // Someone the caller may not see at all is not found, as everywhere in the API; someone they
  // may see (a calibrator's group, say) but whose pay is not theirs to see is forbidden.
  Result<std::optional<model::Person>> person = ctx.store.GetPerson(id);
  if (!person.ok()) return ErrorFromStatus(person.status());
  const Status not_found = Status::NotFound("no person '" + id + "' that you may see");
  if (!*person) return ErrorFromStatus(not_found);
  if (Status may = org::RequireMaySeePerson(ctx.store, ctx.who(), **person); !may.ok()) {
    return ErrorFromStatus(may.code() == Status::Code::kPermissionDenied ? not_found : may);
  }
  Result<org::PersonPay> pay = org::PayOf(ctx.store, id, ctx.who().person_id);
  if (!pay.ok()) return ErrorFromStatus(pay.status());
  const engine::PayDerivation& d = pay->pay;
  return HttpResponse::Json(
      {{"person_id", id},
       {"framework", pay->framework_id},
       {"family", d.family},
       {"grade", d.grade},
       {"base", d.base},
       {"position", d.position.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.position)},
       {"allowance", d.allowance},
       {"total", d.total},
       {"currency", d.currency},
       {"period", d.period}});
}

}  // namespace

void AddPayRoutes(Router& router) {
  router.Add({"GET", "/api/pay/people/{id}", Audience::kSignedIn,
              "How a person's pay is derived (the person, their managers, the people team)",
              GetPersonPay});
}

}  // namespace yardstick::server
