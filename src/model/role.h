// Roles a person holds beyond what the manager tree says: the people team, calibrators and
// executives. Employees and managers need no grant: who reports to whom decides what they may
// do. Plain types, no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yardstick::model {

enum class Role {
  kPeopleTeam,  ///< runs cycles, enters inputs for anyone, sees everything
  kCalibrator,  ///< calibrates the cycles of their comparison group (or of every group)
  kExecutive,   ///< approves bestowed levels and exceptions
};

/// "people-team", "calibrator", "executive".
std::string_view ToString(Role role);
/// The role named |text| (as ToString writes it), or nullopt.
std::optional<Role> ParseRole(std::string_view text);
/// Every role name, for help texts and did-you-mean.
std::vector<std::string> RoleNames();

/// |person_id| holds |role|; a calibrator's for one comparison group, or every group when
/// |group| is empty (other roles always cover everything).
struct RoleGrant {
  std::string person_id;
  Role role = Role::kPeopleTeam;
  std::string group;

  friend bool operator==(const RoleGrant&, const RoleGrant&) = default;
};

}  // namespace yardstick::model
