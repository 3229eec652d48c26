// The ladders part of the API: the frameworks the organisation runs on — scale, tracks, levels
// with their bands and criteria, positions, the pay scale and the policies. Open to everyone
// signed in: what is expected at each level, and what each grade pays, is the same for all.
#pragma once

#include "server/router.h"

namespace yardstick::server {

/// GET /api/frameworks, /api/frameworks/{id}.
void AddLadderRoutes(Router& router);

}  // namespace yardstick::server
