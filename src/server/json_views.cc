#include "server/json_views.h"

namespace yardstick::server {
namespace {

nlohmann::json OrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json BandJson(const model::Framework& framework, std::pair<int, int> band) {
  if (band.first < 0 || band.second < 0) return nullptr;
  nlohmann::json json = nlohmann::json::object();
  json["min"] = framework.scale.IdAt(band.first);
  json["max"] = framework.scale.IdAt(band.second);
  return json;
}

nlohmann::json PersonJson(const model::Person& person, const org::OrgFrameworks& frameworks) {
  // Built member by member, not from nested initializer lists, which nlohmann copies a second
  // time: this is on the path of every request for a person.
  nlohmann::json json = nlohmann::json::object();
  json["id"] = person.id;
  json["name"] = person.name;
  json["email"] = person.email;
  json["group"] = person.group;
  json["track"] = person.track;
  json["grade"] = person.grade;
  json["level"] = nullptr;
  json["position"] = nullptr;
  json["manager_id"] = OrNull(person.manager_id);
  json["hire_date"] = person.hire_date.ToString();
  json["hired_at_grade"] = person.hired_at_grade;
  json["status"] = model::ToString(person.status);
  json["left_date"] = person.left_date ? nlohmann::json(person.left_date->ToString()) : nullptr;
  const model::Framework* framework = frameworks.ForPerson(person);
  if (framework == nullptr) return json;
  json["framework"] = framework->id;
  if (const model::Level* level = org::LevelOf(*framework, person); level != nullptr) {
    nlohmann::json& held = json["level"];
    held["id"] = level->id;
    held["name"] = level->name;
    held["summary"] = level->summary;
    held["band"] = BandJson(*framework, framework->BandOf(*level));
  }
  if (!person.position.empty()) {
    nlohmann::json& position_json = json["position"];
    const model::Position* position = framework->FindPosition(person.position);
    position_json["id"] = person.position;
    position_json["name"] = nullptr;
    position_json["band"] = nullptr;
    if (position != nullptr) {
      position_json["name"] = position->name;
      position_json["band"] = BandJson(*framework, framework->BandOf(*position));
      position_json["allowance"] = position->allowance;
    }
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
