// The store's schema, as numbered migrations applied in order when a database is opened.
//
// Each migration is SQL written once for both engines, with tokens replaced per dialect: {{id}}
// (an auto-numbered integer primary key), {{append_only:TABLE}} (triggers that refuse UPDATE and
// DELETE on TABLE) and {{frozen_when_closed:TABLE}} (triggers that refuse any change to TABLE's
// rows of a closed cycle). Applied versions are recorded in schema_migrations; a database
// recording a version this build does not know was written by a newer Yardstick and is refused.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace yardstick::store {

struct Migration {
  int version;
  std::string description;
  std::string sql;  ///< with {{…}} tokens
};

/// Every migration this build knows, in order.
const std::vector<Migration>& Migrations();

/// The newest schema version this build knows.
int LatestSchemaVersion();

/// |sql| with the dialect tokens replaced.
std::string RenderForDialect(const std::string& sql, Dialect dialect);

/// Brings |database| up to LatestSchemaVersion(), each migration in its own transaction, and
/// returns the version it is at. Refuses (FailedPrecondition) a database from a newer build.
Result<int> Migrate(Database& database, const std::string& now);

}  // namespace yardstick::store
