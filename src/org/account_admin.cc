#include "org/account_admin.h"

#include <optional>

#include "org/permissions.h"

namespace yardstick::org {

Status RequireMayManageAccounts(store::Store& store, const std::string& actor_id) {
  Result<std::vector<model::RoleGrant>> grants = store.Roles();
  if (!grants.ok()) return grants.status();
  std::optional<Actor> actor;
  if (!actor_id.empty()) {
    Result<Actor> loaded = LoadActor(store, actor_id);
    if (!loaded.ok()) return loaded.status();
    actor = std::move(*loaded);
  }
  return RequireMayManageAccounts(actor ? &*actor : nullptr, *grants);
}

}  // namespace yardstick::org
