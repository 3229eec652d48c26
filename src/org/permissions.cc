#include "org/permissions.h"

#include <algorithm>

#include <fmt/format.h>

namespace yardstick::org {

bool Actor::Holds(model::Role role) const {
  return std::any_of(grants.begin(), grants.end(),
                     [&](const model::RoleGrant& grant) { return grant.role == role; });
}

bool Actor::Calibrates(std::string_view group) const {
  return Holds(model::Role::kPeopleTeam) ||
         std::any_of(grants.begin(), grants.end(), [&](const model::RoleGrant& grant) {
           return grant.role == model::Role::kCalibrator &&
                  (grant.group.empty() || grant.group == group);
         });
}

Result<Actor> LoadActor(store::Store& store, const std::string& person_id) {
  if (person_id.empty()) {
    return Status::InvalidArgument(
        "say who you are: --as PERSON_ID (or set YARDSTICK_AS); what you may do depends on it");
  }
  Result<std::optional<model::Person>> person = store.GetPerson(person_id);
  if (!person.ok()) return person.status();
  if (!*person) {
    return Status::NotFound(fmt::format("--as {}: there is no such person", person_id));
  }
  if ((*person)->status != model::PersonStatus::kActive) {
    return Status::FailedPrecondition(fmt::format("--as {}: {} has left", person_id, person_id));
  }
  Result<std::vector<model::RoleGrant>> grants = store.Roles();
  if (!grants.ok()) return grants.status();
  Actor actor{person_id, {}};
  for (model::RoleGrant& grant : *grants) {
    if (grant.person_id == person_id) actor.grants.push_back(std::move(grant));
  }
  return actor;
}

Status RequirePeopleTeam(const Actor& actor, std::string_view what) {
  if (actor.Holds(model::Role::kPeopleTeam)) return Status::Ok();
  return Status::PermissionDenied(
      fmt::format("{} may not {}: only the people team may", actor.person_id, what));
}

Status RequireMayCalibrate(const Actor& actor, const std::string& cycle_id,
                           const std::set<std::string>& groups) {
  for (const std::string& group : groups) {
    if (!actor.Calibrates(group)) {
      return Status::PermissionDenied(fmt::format(
          "{} may not calibrate cycle '{}': it covers group '{}', which they do not calibrate "
          "(the people team and the group's calibrators may)",
          actor.person_id, cycle_id, group));
    }
  }
  return Status::Ok();
}

Status RequireOwnOrPeopleTeam(const Actor& actor, const std::string& owner, std::string_view what) {
  if (actor.person_id == owner || actor.Holds(model::Role::kPeopleTeam)) return Status::Ok();
  return Status::PermissionDenied(
      fmt::format("{} may not enter {}'s {}: only {} and the people team may", actor.person_id,
                  owner, what, owner));
}

Result<bool> IsAbove(store::Store& store, const Actor& actor, const std::string& person_id) {
  Result<std::vector<std::string>> managers = store.ManagersOf(person_id);
  if (!managers.ok()) return managers.status();
  return std::find(managers->begin(), managers->end(), actor.person_id) != managers->end();
}

Status RequireMaySeePerson(store::Store& store, const Actor& actor, const model::Person& person) {
  if (actor.person_id == person.id || actor.Holds(model::Role::kPeopleTeam) ||
      actor.Holds(model::Role::kExecutive) || actor.Calibrates(person.group)) {
    return Status::Ok();
  }
  Result<bool> above = IsAbove(store, actor, person.id);
  if (!above.ok()) return above.status();
  if (*above) return Status::Ok();
  return Status::PermissionDenied(
      fmt::format("{} may not see {}'s record: only they, their managers, the people team, "
                  "executives and their group's calibrators may",
                  actor.person_id, person.id));
}

Status RequireMaySeePay(store::Store& store, const Actor& actor, const std::string& person_id) {
  if (actor.person_id == person_id || actor.Holds(model::Role::kPeopleTeam)) return Status::Ok();
  Result<bool> above = IsAbove(store, actor, person_id);
  if (!above.ok()) return above.status();
  if (*above) return Status::Ok();
  return Status::PermissionDenied(
      fmt::format("{} may not see {}'s pay: only they, their managers and the people team may",
                  actor.person_id, person_id));
}

namespace {

/// Ok for the people team, or for anyone while nobody holds the role; |what| as in
/// RequirePeopleTeam, |only| says what only the people team does ("grants roles").
Status RequirePeopleTeamOnceThereIsOne(const Actor* actor,
                                       const std::vector<model::RoleGrant>& grants,
                                       std::string_view what, std::string_view only) {
  const bool anyone_people_team = std::any_of(
      grants.begin(), grants.end(),
      [](const model::RoleGrant& grant) { return grant.role == model::Role::kPeopleTeam; });
  if (!anyone_people_team) return Status::Ok();
  if (actor == nullptr) {
    return Status::InvalidArgument(fmt::format(
        "say who you are: --as PERSON_ID (or set YARDSTICK_AS); only the people team {}", only));
  }
  return RequirePeopleTeam(*actor, what);
}

}  // namespace

Status RequireMayGrantRoles(const Actor* actor, const std::vector<model::RoleGrant>& grants) {
  return RequirePeopleTeamOnceThereIsOne(actor, grants, "grant or revoke roles", "grants roles");
}

Status RequireMayManageAccounts(const Actor* actor, const std::vector<model::RoleGrant>& grants) {
  return RequirePeopleTeamOnceThereIsOne(actor, grants, "manage accounts", "manages accounts");
}

}  // namespace yardstick::org
