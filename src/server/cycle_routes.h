// The review cycle's routes: cycles (list, open, show, move on), and what raters enter in them —
// a rater's team with what they have entered so far, one rating and one stack rank at a time
// with optimistic versioning (a stale write gets 409 and the current value).
#pragma once

#include "server/router.h"

namespace yardstick::server {

void AddCycleRoutes(Router& router);

}  // namespace yardstick::server
