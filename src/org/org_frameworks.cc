#include "org/org_frameworks.h"

#include <fmt/format.h>

#include "ladder/framework_loader.h"

namespace yardstick::org {

Result<OrgFrameworks> OrgFrameworks::Load(store::Store& store) {
  OrgFrameworks result;
  Result<std::vector<model::ComparisonGroup>> groups = store.Groups();
  if (!groups.ok()) return groups.status();
  for (const model::ComparisonGroup& group : *groups) {
    result.groups_[group.id] = group;
    if (result.frameworks_.count(group.framework_id) > 0) continue;
    Result<std::optional<store::StoredFramework>> stored =
        store.CurrentFramework(group.framework_id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) {
      return Status::NotFound(fmt::format("group '{}' uses framework '{}', which is not loaded",
                                          group.id, group.framework_id));
    }
    ladder::LoadedFramework loaded = ladder::LoadFramework((*stored)->yaml);
    if (!loaded.ok()) {
      return Status::FailedPrecondition(fmt::format(
          "the stored framework '{}' ({}) does not validate:\n{}", group.framework_id,
          (*stored)->hash.substr(0, 12), loaded.diagnostics.Format(group.framework_id + ".yaml")));
    }
    result.frameworks_.emplace(group.framework_id, std::move(loaded.framework));
  }
  return result;
}

const model::Framework* OrgFrameworks::ForGroup(const std::string& group_id) const {
  const auto group = groups_.find(group_id);
  if (group == groups_.end()) return nullptr;
  const auto framework = frameworks_.find(group->second.framework_id);
  return framework == frameworks_.end() ? nullptr : &framework->second;
}

const model::Level* LevelOf(const model::Framework& framework, const model::Person& person) {
  return framework.LevelAt(person.track, framework.scale.IndexOf(person.grade));
}

}  // namespace yardstick::org
