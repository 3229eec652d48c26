// RequestContext: what a handler works with — the request, a store connection of its own, the
// clock, the shared caches and, on routes for signed-in people, who is asking.
#pragma once

#include <optional>
#include <string>

#include "base/clock.h"
#include "org/authenticator.h"
#include "org/permissions.h"
#include "server/framework_cache.h"
#include "server/http_types.h"
#include "store/store.h"

namespace yardstick::server {

/// How the server is set up, as far as handlers care.
struct ApiOptions {
  /// Mark the session cookie Secure (only sent over HTTPS): on when the server is reached through
  /// an HTTPS proxy. Off by default because it listens on plain HTTP on 127.0.0.1.
  bool secure_cookies = false;
  std::string session_cookie = "ys_session";
  /// Session lifetime, idle timeout and sign-in throttling.
  org::AuthOptions auth;
};

struct RequestContext {
  const HttpRequest& request;
  store::Store& store;
  const Clock& clock;
  const ApiOptions& options;
  FrameworkCache& frameworks;
  /// Who is asking; set on every route for signed-in people (Audience::kSignedIn).
  std::optional<org::Actor> actor;
  /// The session cookie's token when signed in by session (empty for an API token).
  std::string session_token;
  /// That session's CSRF token (empty for an API token).
  std::string csrf_token;

  /// The actor; only on routes for signed-in people.
  [[nodiscard]] const org::Actor& who() const { return *actor; }
};

}  // namespace yardstick::server
