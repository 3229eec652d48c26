// Store: roles beyond the manager tree (people team, calibrators, executives).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/store.h"

namespace yardstick::store {
namespace {

std::string GrantJson(const model::RoleGrant& grant) {
  nlohmann::ordered_json json;
  json["person_id"] = grant.person_id;
  json["role"] = model::ToString(grant.role);
  json["group"] = grant.group;
  return json.dump();
}

std::string GrantId(const model::RoleGrant& grant) {
  return grant.group.empty()
             ? fmt::format("{}/{}", grant.person_id, model::ToString(grant.role))
             : fmt::format("{}/{}/{}", grant.person_id, model::ToString(grant.role), grant.group);
}

/// Whether |grant| is held; inside a transaction.
Result<bool> Held(Database& database, const model::RoleGrant& grant) {
  Result<Rows> held =
      database.Query("SELECT 1 FROM roles WHERE person_id = ? AND role = ? AND group_id = ?",
                     {grant.person_id, std::string(model::ToString(grant.role)), grant.group});
  if (!held.ok()) return held.status();
  return !held->empty();
}

}  // namespace

Status Store::GrantRole(const model::RoleGrant& grant, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    const std::string role(model::ToString(grant.role));
    Result<bool> held = Held(*database_, grant);
    if (!held.ok()) return held.status();
    if (*held) return Status::Ok();
    Status granted = database_->Run(
        "INSERT INTO roles (person_id, role, group_id, granted_by, granted_at) VALUES (?, ?, ?, "
        "?, ?)",
        {grant.person_id, role, grant.group, actor, clock_.NowUtc()});
    if (!granted.ok()) return granted;
    return Audit(actor, "role.grant", "role", GrantId(grant), nullptr, GrantJson(grant));
  });
}

Status Store::RevokeRole(const model::RoleGrant& grant, const std::string& actor) {
  return InTransaction(*database_, [&]() -> Status {
    const std::string role(model::ToString(grant.role));
    Result<bool> held = Held(*database_, grant);
    if (!held.ok()) return held.status();
    if (!*held) {
      return Status::NotFound(fmt::format("{} does not hold the role {}{}", grant.person_id, role,
                                          grant.group.empty() ? "" : " for group " + grant.group));
    }
    Status revoked =
        database_->Run("DELETE FROM roles WHERE person_id = ? AND role = ? AND group_id = ?",
                       {grant.person_id, role, grant.group});
    if (!revoked.ok()) return revoked;
    return Audit(actor, "role.revoke", "role", GrantId(grant), GrantJson(grant), nullptr);
  });
}

Result<std::vector<model::RoleGrant>> Store::Roles() {
  Result<Rows> rows = database_->Query(
      "SELECT person_id, role, group_id FROM roles ORDER BY person_id, role, group_id", {});
  if (!rows.ok()) return rows.status();
  std::vector<model::RoleGrant> grants;
  for (const Row& row : *rows) {
    const std::optional<model::Role> role = model::ParseRole(row.Text(1));
    if (!role) return Status::Internal(fmt::format("unknown role '{}' stored", row.Text(1)));
    grants.push_back({row.Text(0), *role, row.Text(2)});
  }
  return grants;
}

}  // namespace yardstick::store
