// Api: the whole HTTP API as one function from request to response. It finds the route, leases
// a store connection, works out who is asking (session cookie or API token), refuses what the
// route's audience, the CSRF rule or the content type do not allow, and runs the handler. The
// web server (http_server.h) is only its transport; tests call Handle() directly.
#pragma once

#include <memory>

#include "base/clock.h"
#include "server/framework_cache.h"
#include "server/http_types.h"
#include "server/request_context.h"
#include "server/router.h"
#include "server/sign_in_cache.h"
#include "server/store_pool.h"

namespace yardstick::server {

class Api {
 public:
  Api(std::unique_ptr<store::Store> store, const Clock& clock, ApiOptions options = {});

  /// The response to |request|. Never throws: a handler's exception is a logged 500.
  HttpResponse Handle(HttpRequest request);

  /// Housekeeping for the server to run now and then (hourly): forgets the sign-in attempts
  /// throttling no longer needs. Returns how many it forgot.
  Result<std::int64_t> Maintain();

  [[nodiscard]] const Router& router() const { return router_; }
  [[nodiscard]] const ApiOptions& options() const { return options_; }

 private:
  HttpResponse Dispatch(HttpRequest& request);
  /// Who holds session cookie (|session|) or API token |token|, from the cache or the store.
  Result<SignInCache::Holder> Identify(store::Store& store, const std::string& token, bool session);

  StorePool stores_;
  const Clock& clock_;
  ApiOptions options_;
  FrameworkCache frameworks_;
  SignInCache sign_ins_;
  Router router_;
};

/// True for methods that change state (everything but GET, HEAD and OPTIONS).
bool ChangesState(std::string_view method);

}  // namespace yardstick::server
