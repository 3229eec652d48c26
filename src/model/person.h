// People and their history: the organisation's side of Yardstick.
//
// A Person is what an HRIS export says about someone plus where they stand on the ladder: their
// comparison group (people of similar vocation, who are rated against each other), track, grade,
// position and manager. Pay is never a field here: it is derived from the pay scale. A
// LevelChange is one entry of a person's level history; an AuditEntry one entry of the append-only
// audit log. Plain value types, no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/date.h"

namespace yardstick::model {

enum class PersonStatus { kActive, kLeft };

/// "active" or "left".
const char* ToString(PersonStatus status);
std::optional<PersonStatus> ParsePersonStatus(std::string_view text);

struct Person {
  std::string id;  ///< the employee id from the HRIS, an arbitrary string
  std::string name;
  std::string email;
  std::string group;       ///< comparison group id
  std::string track;       ///< a track of the group's framework
  std::string grade;       ///< a grade of the group's framework scale
  std::string position;    ///< a position id of the framework; empty for none
  std::string manager_id;  ///< empty for the top of the tree
  Date hire_date;
  std::string hired_at_grade;
  PersonStatus status = PersonStatus::kActive;
  std::optional<Date> left_date;

  friend bool operator==(const Person&, const Person&) = default;
};

/// People of similar vocation who are compared with each other, all on one framework.
struct ComparisonGroup {
  std::string id;
  std::string name;
  std::string framework_id;

  friend bool operator==(const ComparisonGroup&, const ComparisonGroup&) = default;
};

/// One change of a person's grade, and why.
struct LevelChange {
  std::int64_t id = 0;  ///< assigned by the store
  std::string person_id;
  std::string from_grade;  ///< empty for the grade someone was hired at
  std::string to_grade;
  Date effective;
  std::string reason;       ///< e.g. "hired", "promotion", "import", "correction"
  std::string decision_id;  ///< the decision that caused it, if any
  std::string approver;

  friend bool operator==(const LevelChange&, const LevelChange&) = default;
};

/// One entry of the append-only audit log: who changed what, when, from what to what.
struct AuditEntry {
  std::int64_t id = 0;  ///< assigned by the store, increasing
  std::string at;       ///< UTC time, ISO 8601 with seconds: 2026-11-21T10:15:00Z
  std::string actor;    ///< who made the change (a user id, or "system")
  std::string action;   ///< e.g. "person.create", "person.update", "framework.load"
  std::string entity;   ///< e.g. "person"
  std::string entity_id;
  std::string before;  ///< JSON of the old value, empty when created
  std::string after;   ///< JSON of the new value, empty when deleted

  friend bool operator==(const AuditEntry&, const AuditEntry&) = default;
};

}  // namespace yardstick::model
