// The API's JSON shapes of the organisation's records: a person with their level, position and
// band as their framework names them, and level changes. docs/api.md documents each shape; the
// handlers send only these, so a field appears in one place.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "model/cycle.h"
#include "model/person.h"
#include "org/org_frameworks.h"

namespace yardstick::server {

/// A band of grades as {min, max} grade ids, or null when either end is not on the scale.
nlohmann::json BandJson(const model::Framework& framework, std::pair<int, int> band);

/// A person: id, name, email, group, track, grade, level {id, name, band}, position {id, name,
/// band, allowance}, manager_id, hire_date, hired_at_grade, status, left_date.
nlohmann::json PersonJson(const model::Person& person, const org::OrgFrameworks& frameworks);

/// A short entry for lists: id, name, group, track, grade, level id, manager_id, status.
nlohmann::json PersonSummaryJson(const model::Person& person, const org::OrgFrameworks& frameworks);

/// A review cycle: id, name, framework, framework_hash, period {text, start, end}, state,
/// opened_at.
nlohmann::json CycleJson(const model::Cycle& cycle);

/// A level change: effective, from_grade (null when hired), to_grade, reason, decision_id,
/// approver.
nlohmann::json LevelChangeJson(const model::LevelChange& change);

}  // namespace yardstick::server
