// The frameworks an organisation runs on, as loaded from its store.
//
// Every comparison group names a framework; the store keeps each framework's YAML text. This
// reads the current version of each framework the groups use, parses and validates it, and
// answers "which ladder applies to this person?". A stored framework that no longer validates is
// reported as an error naming the framework, never silently skipped.
#pragma once

#include <map>
#include <string>

#include "base/status.h"
#include "model/framework.h"
#include "model/person.h"
#include "store/store.h"

namespace yardstick::org {

class OrgFrameworks {
 public:
  /// Loads the groups and the current version of every framework they use.
  static Result<OrgFrameworks> Load(store::Store& store);

  /// The framework of a comparison group, or nullptr for an unknown group.
  [[nodiscard]] const model::Framework* ForGroup(const std::string& group_id) const;
  /// The framework that applies to |person| (through their group), or nullptr.
  [[nodiscard]] const model::Framework* ForPerson(const model::Person& person) const {
    return ForGroup(person.group);
  }
  [[nodiscard]] const std::map<std::string, model::ComparisonGroup>& groups() const {
    return groups_;
  }
  [[nodiscard]] const std::map<std::string, model::Framework>& frameworks() const {
    return frameworks_;
  }

 private:
  std::map<std::string, model::ComparisonGroup> groups_;
  std::map<std::string, model::Framework> frameworks_;  ///< by framework id
};

/// The level a person holds on their track, or nullptr when their grade is on no level.
const model::Level* LevelOf(const model::Framework& framework, const model::Person& person);

}  // namespace yardstick::org
