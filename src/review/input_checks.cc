#include "review/input_checks.h"

#include <vector>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::review {

const model::Person* NamedPerson(const CycleScope& scope, const std::string& field,
                                 std::string_view role, SourceLoc loc, Diagnostics& diagnostics) {
  if (field.empty()) {
    diagnostics.Error(loc, "empty-field", fmt::format("{}_id is empty", role));
    return nullptr;
  }
  const model::Person* person = scope.Find(field);
  if (person == nullptr) {
    diagnostics.Error(loc, fmt::format("unknown-{}", role),
                      fmt::format("unknown {} '{}': not in the organisation", role, field));
    return nullptr;
  }
  if (person->status != model::PersonStatus::kActive) {
    diagnostics.Error(loc, "left",
                      fmt::format("{} '{}' has left{}", role, field,
                                  person->left_date ? " on " + person->left_date->ToString() : ""));
    return nullptr;
  }
  return person;
}

const model::Person* InCycleOrReport(const CycleScope& scope, const model::Person* person,
                                     SourceLoc loc, Diagnostics& diagnostics) {
  if (person == nullptr || scope.InCycle(*person)) return person;
  diagnostics.Error(
      loc, "not-in-cycle",
      fmt::format("{} is in group '{}', which cycle '{}' does not cover (it "
                  "rates groups on framework '{}')",
                  person->id, person->group, scope.cycle().id, scope.cycle().framework_id));
  return nullptr;
}

bool CheckGrade(const CycleScope& scope, const std::string& grade, SourceLoc loc,
                Diagnostics& diagnostics) {
  const model::Framework& framework = scope.framework();
  if (framework.scale.IndexOf(grade) >= 0) return true;
  std::vector<std::string> ids;
  for (const model::Scale::Grade& each : framework.scale.grades) ids.push_back(each.id);
  const model::Scale& scale = framework.scale;
  const std::string range =
      scale.size() == 0 ? "" : scale.IdAt(0) + "-" + scale.IdAt(scale.size() - 1);
  diagnostics.Error(loc, "unknown-grade",
                    fmt::format("grade '{}' is not on the scale of framework '{}' ({}){}", grade,
                                framework.id, range, DidYouMean(grade, ids)));
  return false;
}

}  // namespace yardstick::review
