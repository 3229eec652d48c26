#include "review/roles_job.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "base/text.h"
#include "org/permissions.h"

namespace yardstick::review {
namespace {

/// Ok when |actor_id| may change roles now.
Status RequireMayChangeRoles(store::Store& store, const std::string& actor_id) {
  Result<std::vector<model::RoleGrant>> grants = store.Roles();
  if (!grants.ok()) return grants.status();
  std::optional<org::Actor> actor;
  if (!actor_id.empty()) {
    Result<org::Actor> loaded = org::LoadActor(store, actor_id);
    if (!loaded.ok()) return loaded.status();
    actor = std::move(*loaded);
  }
  return org::RequireMayGrantRoles(actor ? &*actor : nullptr, *grants);
}

/// Ok when |grant| names an active person and, for a calibrator, an existing group.
Status CheckGrant(store::Store& store, const model::RoleGrant& grant) {
  Result<std::optional<model::Person>> person = store.GetPerson(grant.person_id);
  if (!person.ok()) return person.status();
  if (!*person) return Status::NotFound(fmt::format("there is no person '{}'", grant.person_id));
  if ((*person)->status != model::PersonStatus::kActive) {
    return Status::FailedPrecondition(fmt::format("{} has left", grant.person_id));
  }
  if (grant.group.empty()) return Status::Ok();
  if (grant.role != model::Role::kCalibrator) {
    return Status::InvalidArgument(fmt::format(
        "--group is for calibrators; the {} role covers every group", model::ToString(grant.role)));
  }
  Result<std::vector<model::ComparisonGroup>> groups = store.Groups();
  if (!groups.ok()) return groups.status();
  std::vector<std::string> ids;
  for (const model::ComparisonGroup& group : *groups) ids.push_back(group.id);
  if (std::find(ids.begin(), ids.end(), grant.group) == ids.end()) {
    return Status::NotFound(fmt::format("there is no comparison group '{}'{}", grant.group,
                                        DidYouMean(grant.group, ids)));
  }
  return Status::Ok();
}

}  // namespace

Status GrantRole(store::Store& store, const model::RoleGrant& grant, const std::string& actor_id) {
  if (Status s = RequireMayChangeRoles(store, actor_id); !s.ok()) return s;
  if (Status s = CheckGrant(store, grant); !s.ok()) return s;
  return store.GrantRole(grant, actor_id.empty() ? "cli" : actor_id);
}

Status RevokeRole(store::Store& store, const model::RoleGrant& grant, const std::string& actor_id) {
  if (Status s = RequireMayChangeRoles(store, actor_id); !s.ok()) return s;
  if (grant.role == model::Role::kPeopleTeam) {
    Result<std::vector<model::RoleGrant>> grants = store.Roles();
    if (!grants.ok()) return grants.status();
    const auto people_team = std::count_if(grants->begin(), grants->end(), [](const auto& held) {
      return held.role == model::Role::kPeopleTeam;
    });
    if (people_team == 1 && grants->end() != std::find(grants->begin(), grants->end(), grant)) {
      return Status::FailedPrecondition(fmt::format(
          "{} is the only people-team member left; grant the role to someone else first",
          grant.person_id));
    }
  }
  return store.RevokeRole(grant, actor_id.empty() ? "cli" : actor_id);
}

}  // namespace yardstick::review
