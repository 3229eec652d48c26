#include "server/api.h"

#include <iostream>

#include <sodium.h>

#include "auth/tokens.h"
#include "base/fault_injection.h"
#include "model/utc_time.h"
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

Result<SignInCache::Holder> Api::Identify(store::Store& store, const std::string& token,
                                          bool session) {
  // Sessions only: API tokens are revoked from the command line, which should take effect at
  // once, and a script's requests come one at a time anyway.
  const std::string key = session ? auth::TokenHash(token) : "";
  const std::optional<std::int64_t> now = model::ParseUtcSeconds(clock_.NowUtc());
  if (session && now) {
    if (std::optional<SignInCache::Holder> known = sign_ins_.Find(key, *now)) return *known;
  }
  const std::uint64_t generation = sign_ins_.generation();
  org::Authenticator authenticator(store, clock_, options_.auth);
  Result<org::Principal> principal =
      session ? authenticator.FromSessionToken(token) : authenticator.FromApiToken(token);
  if (!principal.ok()) return principal.status();
  Result<org::Actor> actor = org::LoadActor(store, principal->person_id);
  if (!actor.ok()) return Status::Unauthenticated("this account's person is no longer active");
  SignInCache::Holder holder{std::move(*principal), std::move(*actor)};
  if (session) sign_ins_.Remember(key, holder, generation);
  return holder;
}

HttpResponse Api::Handle(HttpRequest request) {
  const bool changes_state = ChangesState(request.method);
  // Whatever a change did, who holds which token is checked afresh from the next request on.
  struct ForgetSignIns {
    SignInCache& cache;
    bool active;
    ~ForgetSignIns() {
      if (active) cache.ForgetAll();
    }
  } forget{sign_ins_, changes_state};
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
  // One snapshot for the request's reads (a write inside ends it and runs on its own).
  if (Status snapshot = store.BeginReadSnapshot(); !snapshot.ok()) return ErrorFromStatus(snapshot);
  struct EndSnapshot {
    store::Store& store;
    ~EndSnapshot() { store.EndReadSnapshot(); }
  } end_snapshot{store};
  RequestContext ctx{request, store, clock_, options_, frameworks_, std::nullopt, "", ""};

  // Who is asking: an API token (Authorization: Bearer …) or the session cookie.
  std::optional<SignInCache::Holder> holder;
  const std::string authorization = request.Header("authorization");
  const std::string cookie = request.Cookie(options_.session_cookie);
  if (authorization.rfind("Bearer ", 0) == 0) {
    Result<SignInCache::Holder> by_token = Identify(store, authorization.substr(7), false);
    if (!by_token.ok()) return ErrorFromStatus(by_token.status());
    holder = std::move(*by_token);
  } else if (!cookie.empty()) {
    Result<SignInCache::Holder> by_session = Identify(store, cookie, true);
    if (by_session.ok()) {
      holder = std::move(*by_session);
      ctx.session_token = cookie;
      ctx.csrf_token = holder->principal.csrf_token;
    } else if (route.audience != Audience::kPublic) {
      return ErrorFromStatus(by_session.status());
    }
  }
  const std::optional<org::Principal> principal =
      holder ? std::optional<org::Principal>(holder->principal) : std::nullopt;
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
    ctx.actor = std::move(holder->actor);
  }
  DelayIfInjected("request-handler");
  return route.handler(ctx);
}

}  // namespace yardstick::server
