// Who may do what beyond what the manager tree decides: the rules every front end (the CLI now,
// the server later) has checked before a job reads anything sensitive or writes anything.
//
// Pay is seen by the person, by everyone above them in the manager tree and by the people team —
// never by a peer.
// The people team runs cycles: opens them, moves them on, assigns benchmark people, requests
// feedback, calibrates, and enters any input on anyone's behalf (forms collected on paper, a
// spreadsheet from a manager). A calibrator calibrates cycles whose comparison groups they
// calibrate. Everyone else enters only their own inputs: a rater their ratings, stack ranks and
// rubric sheets, a giver their feedback. Refusals are PermissionDenied and say who may. The first
// people-team member is granted by whoever holds the database; after that only the people team
// grants roles. Stateless and thread-safe, given the actor.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/role.h"
#include "store/store.h"

namespace yardstick::org {

/// The person asking, with the roles they hold.
struct Actor {
  std::string person_id;
  std::vector<model::RoleGrant> grants;

  [[nodiscard]] bool Holds(model::Role role) const;
  /// True for a calibrator of |group| (or of every group), and for the people team.
  [[nodiscard]] bool Calibrates(std::string_view group) const;
};

/// The active person |person_id| and their grants. InvalidArgument when |person_id| is empty
/// (nobody said who they are); NotFound for an unknown person, FailedPrecondition for one who
/// has left.
Result<Actor> LoadActor(store::Store& store, const std::string& person_id);

/// Ok for the people team; else PermissionDenied saying that only the people team may |what|
/// (e.g. "open a cycle").
Status RequirePeopleTeam(const Actor& actor, std::string_view what);

/// Ok for the people team and for a calibrator of every one of |groups| (the groups of cycle
/// |cycle_id|).
Status RequireMayCalibrate(const Actor& actor, const std::string& cycle_id,
                           const std::set<std::string>& groups);

/// Ok when |actor| is |owner| or the people team: |what| is |owner|'s to enter (e.g. "ratings").
Status RequireOwnOrPeopleTeam(const Actor& actor, const std::string& owner, std::string_view what);

/// Ok when |actor| may see |person_id|'s pay: themselves, anyone above them in the manager tree,
/// the people team. PermissionDenied otherwise.
Status RequireMaySeePay(store::Store& store, const Actor& actor, const std::string& person_id);

/// True when |actor| is above |person_id| in the manager tree (not when they are the person).
Result<bool> IsAbove(store::Store& store, const Actor& actor, const std::string& person_id);

/// Ok when |actor| may see |person|'s record (level, position, band, level history): themselves,
/// anyone above them in the manager tree, the people team, executives, and calibrators of the
/// person's comparison group. PermissionDenied otherwise — which says nothing of the record, so
/// a refusal does not tell whether the person exists beyond what the caller gave.
Status RequireMaySeePerson(store::Store& store, const Actor& actor, const model::Person& person);

/// Ok when |actor| may grant and revoke roles: the people team, or anyone while nobody holds
/// the people-team role (the first grant). |grants| is every grant stored.
Status RequireMayGrantRoles(const Actor* actor, const std::vector<model::RoleGrant>& grants);

/// Ok when |actor| may manage other people's accounts (create them, reset passwords, disable,
/// list): the people team, or anyone while nobody holds the people-team role (setting up).
/// |grants| is every grant stored.
Status RequireMayManageAccounts(const Actor* actor, const std::vector<model::RoleGrant>& grants);

}  // namespace yardstick::org
