#include "model/role.h"

#include <array>

namespace yardstick::model {
namespace {

constexpr std::array<std::string_view, 3> kRoleNames = {"people-team", "calibrator", "executive"};

}  // namespace

std::string_view ToString(Role role) { return kRoleNames[static_cast<size_t>(role)]; }

std::optional<Role> ParseRole(std::string_view text) {
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == text) return static_cast<Role>(i);
  }
  return std::nullopt;
}

std::vector<std::string> RoleNames() { return {kRoleNames.begin(), kRoleNames.end()}; }

}  // namespace yardstick::model
