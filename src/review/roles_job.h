// Granting and revoking roles (model/role.h) against the store: the grant is checked — an active
// person, a comparison group that exists for a calibrator, no group for the other roles — and
// the one granting must be allowed to (org/permissions.h: the people team, or anyone
// for the very first people-team grant). Uses the store it is given from one thread.
#pragma once

#include <string>

#include "base/status.h"
#include "model/role.h"
#include "store/store.h"

namespace yardstick::review {

/// Grants |grant| as |actor_id| ("" when nobody said who they are). Granting a role already held
/// changes nothing.
Status GrantRole(store::Store& store, const model::RoleGrant& grant, const std::string& actor_id);

/// Revokes |grant| as |actor_id|. NotFound when it is not held.
Status RevokeRole(store::Store& store, const model::RoleGrant& grant, const std::string& actor_id);

}  // namespace yardstick::review
