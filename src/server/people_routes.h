// The people and organisation part of the API: records, level history, lists and the manager
// tree, each filtered by who may see what (org/permissions.h).
#pragma once

#include "server/router.h"

namespace yardstick::server {

/// GET /api/people, /api/people/{id}, /api/people/{id}/history, /api/org/tree/{id}.
void AddPeopleRoutes(Router& router);

}  // namespace yardstick::server
