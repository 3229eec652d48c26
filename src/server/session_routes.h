// Signing in and out, and "who am I": the session part of the API. A session is an HttpOnly,
// SameSite=Strict cookie; its CSRF token is given to the page in the JSON (never in a cookie)
// and must come back in X-CSRF-Token with every change.
#pragma once

#include "server/router.h"

namespace yardstick::server {

/// POST /api/session (sign in), DELETE /api/session (sign out), GET /api/session (who am I),
/// PUT /api/session/password (change one's own password; signs out everywhere).
void AddSessionRoutes(Router& router);

}  // namespace yardstick::server
