// Who may manage accounts, checked against the store: the rule of org/permissions.h
// (RequireMayManageAccounts) applied to the person asking, for the `user` commands (and the
// server's people-team pages). The accounts themselves are changed through org::Authenticator.
// Uses the store it is given from one thread.
#pragma once

#include <string>

#include "base/status.h"
#include "store/store.h"

namespace yardstick::org {

/// Ok when |actor_id| ("" when nobody said who they are) may manage other people's accounts now:
/// the people team, or anyone while nobody holds the people-team role. PermissionDenied or
/// InvalidArgument (say who you are) otherwise; NotFound or FailedPrecondition for an unknown or
/// departed |actor_id|.
Status RequireMayManageAccounts(store::Store& store, const std::string& actor_id);

}  // namespace yardstick::org
