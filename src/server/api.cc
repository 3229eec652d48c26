#include "server/api.h"

#include <iostream>

#include <sodium.h>

#include "base/fault_injection.h"
#include "org/authenticator.h"
#include "server/api_error.h"
#include "server/calibration_routes.h"
#include "server/cycle_routes.h"
#include "server/import_routes.h"
#include "server/ladder_routes.h"
#include "server/pay_routes.h"
#include "server/people_routes.h"
#include "server/session_routes.h"
#include "server/slate_routes.h"

namespace yardstick::server {
namespace {

bool SameToken(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

bool ChangesState(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

Api::Api(std::unique_ptr<store::Store> store, const Clock& clock, ApiOptions options)
    : stores_(std::move(store)), clock_(clock), options_(std::move(options)) {
  AddSessionRoutes(router_);
  AddPeopleRoutes(router_);
  AddPayRoutes(router_);
  AddLadderRoutes(router_);
  AddCycleRoutes(router_);
  AddCalibrationRoutes(router_);
  AddSlateRoutes(router_);
  AddImportRoutes(router_);
}

Result<std::int64_t> Api::Maintain() {
  Result<StorePool::Lease> lease = stores_.Acquire();
  if (!lease.ok()) return lease.status();
  org::Authenticator authenticator(lease->store(), clock_, options_.auth);
  return authenticator.PruneLoginAttempts();
}

HttpResponse Api::Handle(HttpRequest request) {
  try {
    return Dispatch(request);
  } catch (const std::exception& e) {
    std::cerr << "yardstick serve: " << request.method << " " << request.path
              << " failed: " << e.what() << "\n";
    return ErrorFromStatus(Status::Internal(e.what()));
  }
}

HttpResponse Api::Dispatch(HttpRequest& request) {
  Router::Match match = router_.Find(request.method, request.path);
  if (match.route == nullptr) {
    return match.path_known
               ? ErrorResponse(405, error_code::kMethodNotAllowed,
                               request.method + " is not allowed on " + request.path)
               : ErrorResponse(404, error_code::kNotFound, "no such endpoint: " + request.path);
  }
  request.path_params = std::move(match.params);
  const Route& route = *match.route;
  // A browser sends a form across sites without asking; it cannot send JSON that way. Every
  // state change therefore comes as JSON (or with no body at all).
  if (ChangesState(request.method) && !request.body.empty() &&
      request.Header("content-type").rfind("application/json", 0) != 0) {
    return ErrorResponse(415, error_code::kBadRequest,
                         "send the request body as JSON (Content-Type: application/json)");
  }
  Result<StorePool::Lease> lease = stores_.Acquire();
  if (!lease.ok()) return ErrorFromStatus(lease.status());
  store::Store& store = lease->store();
  RequestContext ctx{request, store, clock_, options_, frameworks_, std::nullopt, "", ""};

  // Who is asking: an API token (Authorization: Bearer …) or the session cookie.
  org::Authenticator authenticator(store, clock_, options_.auth);
  std::optional<org::Principal> principal;
  const std::string authorization = request.Header("authorization");
  const std::string cookie = request.Cookie(options_.session_cookie);
  if (authorization.rfind("Bearer ", 0) == 0) {
    Result<org::Principal> by_token = authenticator.FromApiToken(authorization.substr(7));
    if (!by_token.ok()) return ErrorFromStatus(by_token.status());
    principal = std::move(*by_token);
  } else if (!cookie.empty()) {
    Result<org::Principal> by_session = authenticator.FromSessionToken(cookie);
    if (by_session.ok()) {
      principal = std::move(*by_session);
      ctx.session_token = cookie;
      ctx.csrf_token = principal->csrf_token;
    } else if (route.audience != Audience::kPublic) {
      return ErrorFromStatus(by_session.status());
    }
  }
  if (route.audience == Audience::kSignedIn) {
    if (!principal) {
      return ErrorResponse(401, error_code::kUnauthenticated,
                           "sign in first (POST /api/session), or send an API token");
    }
    // Cookies come with every request a browser makes, whoever's page made it: a state change
    // under a session must also carry the session's CSRF token, which only our pages can read.
    if (ChangesState(request.method) && !ctx.session_token.empty() &&
        !SameToken(request.Header("x-csrf-token"), principal->csrf_token)) {
      return ErrorResponse(403, error_code::kCsrf,
                           "this change needs the session's CSRF token in the X-CSRF-Token header");
    }
    Result<org::Actor> actor = org::LoadActor(store, principal->person_id);
    if (!actor.ok()) {
      return ErrorResponse(401, error_code::kUnauthenticated,
                           "this account's person is no longer active");
    }
    ctx.actor = std::move(*actor);
  }
  DelayIfInjected("request-handler");
  return route.handler(ctx);
}

}  // namespace yardstick::server
