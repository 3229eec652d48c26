#include "server/json_views.h"

namespace yardstick::server {
namespace {

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json BandJson(const model::Framework& framework, std::pair<int, int> band) {
  if (band.first < 0 || band.second < 0) return nullptr;
  return {{"min", framework.scale.IdAt(band.first)}, {"max", framework.scale.IdAt(band.second)}};
}

nlohmann::json PersonJson(const model::Person& person, const org::OrgFrameworks& frameworks) {
  nlohmann::json json = {
      {"id", person.id},
      {"name", person.name},
      {"email", person.email},
      {"group", person.group},
      {"track", person.track},
      {"grade", person.grade},
      {"level", nullptr},
      {"position", nullptr},
      {"manager_id", OrNull(person.manager_id)},
      {"hire_date", person.hire_date.ToString()},
      {"hired_at_grade", person.hired_at_grade},
      {"status", model::ToString(person.status)},
      {"left_date", person.left_date ? nlohmann::json(person.left_date->ToString()) : nullptr},
  };
  const model::Framework* framework = frameworks.ForPerson(person);
  if (framework == nullptr) return json;
  json["framework"] = framework->id;
  if (const model::Level* level = org::LevelOf(*framework, person); level != nullptr) {
    json["level"] = {{"id", level->id},
                     {"name", level->name},
                     {"summary", level->summary},
                     {"band", BandJson(*framework, framework->BandOf(*level))}};
  }
  if (!person.position.empty()) {
    const model::Position* position = framework->FindPosition(person.position);
    json["position"] =
        position == nullptr
            ? nlohmann::json{{"id", person.position}, {"name", nullptr}, {"band", nullptr}}
            : nlohmann::json{{"id", position->id},
                             {"name", position->name},
                             {"band", BandJson(*framework, framework->BandOf(*position))},
                             {"allowance", position->allowance}};
  }
  return json;
}

nlohmann::json PersonSummaryJson(const model::Person& person,
                                 const org::OrgFrameworks& frameworks) {
  const model::Framework* framework = frameworks.ForPerson(person);
  const model::Level* level = framework == nullptr ? nullptr : org::LevelOf(*framework, person);
  return {{"id", person.id},
          {"name", person.name},
          {"group", person.group},
          {"track", person.track},
          {"grade", person.grade},
          {"level", level == nullptr ? nlohmann::json(nullptr) : nlohmann::json(level->id)},
          {"manager_id", OrNull(person.manager_id)},
          {"status", model::ToString(person.status)}};
}

nlohmann::json CycleJson(const model::Cycle& cycle) {
  return {{"id", cycle.id},
          {"name", cycle.name},
          {"framework", cycle.framework_id},
          {"framework_hash", cycle.framework_hash},
          {"period",
           {{"text", cycle.period.ToString()},
            {"start", cycle.period.start.ToString()},
            {"end", cycle.period.end.ToString()}}},
          {"state", model::ToString(cycle.state)},
          {"opened_at", cycle.created_at}};
}

nlohmann::json LevelChangeJson(const model::LevelChange& change) {
  return {{"effective", change.effective.ToString()},
          {"from_grade", OrNull(change.from_grade)},
          {"to_grade", change.to_grade},
          {"reason", change.reason},
          {"decision_id", OrNull(change.decision_id)},
          {"approver", OrNull(change.approver)}};
}

}  // namespace yardstick::server
