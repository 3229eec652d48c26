// The pay part of the API: how a person's pay is derived from the scale. Only the person, the
// managers above them and the people team see it, and every read is in the audit log.
#pragma once

#include "server/router.h"

namespace yardstick::server {

/// GET /api/pay/people/{id}.
void AddPayRoutes(Router& router);

}  // namespace yardstick::server
