// The decision routes of a review cycle: deciding the slate, the people team's review of it
// (accept, reject, exceptions), the executive's approval, applying it, the payroll it pays, and
// one person's outcome of a cycle. Bonuses are pay: the slate shows them to the people team
// only, a person's outcome to those who may see that person's pay.
#pragma once

#include "server/router.h"

namespace yardstick::server {

void AddSlateRoutes(Router& router);

}  // namespace yardstick::server
