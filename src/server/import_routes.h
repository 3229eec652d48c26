// The people import over the API: an HRIS export (CSV text in a JSON body) judged and planned
// exactly as `yardstick people import` does, shown as a diff on a dry run and applied all or
// nothing otherwise. The people team only.
#pragma once

#include "server/router.h"

namespace yardstick::server {

void AddImportRoutes(Router& router);

}  // namespace yardstick::server
