#include "store/migrations.h"

#include <fmt/format.h>

namespace yardstick::store {
namespace {

constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE frameworks (
  hash TEXT PRIMARY KEY,
  framework_id TEXT NOT NULL CHECK (framework_id <> ''),
  name TEXT NOT NULL,
  yaml TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  loaded_by TEXT NOT NULL
);
CREATE INDEX frameworks_by_id ON frameworks (framework_id, loaded_at);

CREATE TABLE framework_heads (
  framework_id TEXT PRIMARY KEY,
  hash TEXT NOT NULL REFERENCES frameworks (hash)
);

CREATE TABLE comparison_groups (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  framework_id TEXT NOT NULL REFERENCES framework_heads (framework_id)
);

CREATE TABLE people (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL CHECK (name <> ''),
  email TEXT NOT NULL CHECK (email LIKE '%_@_%'),
  group_id TEXT NOT NULL REFERENCES comparison_groups (id),
  track TEXT NOT NULL CHECK (track <> ''),
  grade TEXT NOT NULL CHECK (grade <> ''),
  position_id TEXT CHECK (position_id <> ''),
  manager_id TEXT REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
  hire_date TEXT NOT NULL,
  hired_at_grade TEXT NOT NULL CHECK (hired_at_grade <> ''),
  status TEXT NOT NULL CHECK (status IN ('active', 'left')),
  left_date TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (manager_id IS NULL OR manager_id <> id),
  CHECK ((status = 'left') = (left_date IS NOT NULL))
);
CREATE UNIQUE INDEX people_by_email ON people (email);
CREATE INDEX people_by_manager ON people (manager_id);
CREATE INDEX people_by_group ON people (group_id, grade);

CREATE TABLE position_assignments (
  id {{id}},
  person_id TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
  position_id TEXT NOT NULL CHECK (position_id <> ''),
  start_date TEXT NOT NULL,
  end_date TEXT,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX position_assignments_by_person ON position_assignments (person_id, start_date);

CREATE TABLE level_history (
  id {{id}},
  person_id TEXT NOT NULL REFERENCES people (id) DEFERRABLE INITIALLY DEFERRED,
  from_grade TEXT,
  to_grade TEXT NOT NULL CHECK (to_grade <> ''),
  effective_date TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason <> ''),
  decision_id TEXT,
  approver TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX level_history_by_person ON level_history (person_id, effective_date);

CREATE TABLE cycles (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  name TEXT NOT NULL,
  framework_hash TEXT NOT NULL REFERENCES frameworks (hash),
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('open', 'rating', 'calibrating', 'decided', 'closed')),
  created_at TEXT NOT NULL,
  CHECK (period_end >= period_start)
);

CREATE TABLE assessments (
  id {{id}},
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  rater_id TEXT NOT NULL REFERENCES people (id),
  grade DOUBLE PRECISION NOT NULL,
  evidence TEXT NOT NULL DEFAULT '',
  criteria TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  UNIQUE (cycle_id, person_id, rater_id),
  CHECK (person_id <> rater_id)
);

CREATE TABLE stack_ranks (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  rater_id TEXT NOT NULL REFERENCES people (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  rank INTEGER NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (cycle_id, rater_id, person_id),
  UNIQUE (cycle_id, rater_id, rank)
);

CREATE TABLE calibrated_results (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  performed DOUBLE PRECISION NOT NULL,
  se DOUBLE PRECISION NOT NULL CHECK (se >= 0),
  PRIMARY KEY (cycle_id, person_id)
);

CREATE TABLE rater_leniencies (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  rater_id TEXT NOT NULL REFERENCES people (id),
  leniency DOUBLE PRECISION NOT NULL,
  se DOUBLE PRECISION NOT NULL CHECK (se >= 0),
  PRIMARY KEY (cycle_id, rater_id)
);

CREATE TABLE decisions (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL CHECK (kind IN ('promote', 'hold', 'plan', 'exit', 'bonus', 'exception')),
  from_grade TEXT,
  to_grade TEXT,
  amount DOUBLE PRECISION,
  reason TEXT NOT NULL DEFAULT '',
  justification TEXT,
  approver TEXT,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'applied')),
  CHECK (kind <> 'exception' OR (justification IS NOT NULL AND justification <> ''
                                 AND approver IS NOT NULL AND approver <> ''))
);

CREATE TABLE audit_log (
  id {{id}},
  at TEXT NOT NULL,
  actor TEXT NOT NULL CHECK (actor <> ''),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id);
{{append_only:audit_log}}
{{append_only:frameworks}}
)sql";

// Version 2: what raters record in a cycle — ratings name a grade of the pinned scale (they
// replace version 1's numeric assessments, which nothing wrote), benchmark assignments — and a
// closed cycle is immutable: the cycle row and everything recorded for it.
constexpr const char* kSchemaV2 = R"sql(
DROP TABLE assessments;

CREATE TABLE ratings (
  id {{id}},
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  rater_id TEXT NOT NULL REFERENCES people (id),
  grade TEXT NOT NULL CHECK (grade <> ''),
  evidence TEXT NOT NULL DEFAULT '',
  criteria TEXT NOT NULL DEFAULT '',
  benchmark INTEGER NOT NULL CHECK (benchmark IN (0, 1)),
  rated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (cycle_id, person_id, rater_id),
  CHECK (person_id <> rater_id)
);
CREATE INDEX ratings_by_rater ON ratings (cycle_id, rater_id);

CREATE TABLE benchmark_assignments (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  rater_id TEXT NOT NULL REFERENCES people (id),
  assigned_by TEXT NOT NULL CHECK (assigned_by <> ''),
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (cycle_id, person_id, rater_id),
  CHECK (person_id <> rater_id)
);

{{frozen_when_closed:cycles}}
{{frozen_when_closed:ratings}}
{{frozen_when_closed:benchmark_assignments}}
{{frozen_when_closed:stack_ranks}}
{{frozen_when_closed:calibrated_results}}
{{frozen_when_closed:rater_leniencies}}
{{frozen_when_closed:decisions}}
)sql";

// Version 3: roles beyond the manager tree (people team, calibrators, executives), and the
// evidence a cycle collects besides ratings: self-reviews, peer and upward feedback (requested,
// then given) and rubric sheets (the scores a rater collected; the grade they give is a rating).
constexpr const char* kSchemaV3 = R"sql(
CREATE TABLE roles (
  person_id TEXT NOT NULL REFERENCES people (id),
  role TEXT NOT NULL CHECK (role IN ('people-team', 'calibrator', 'executive')),
  group_id TEXT NOT NULL DEFAULT '',
  granted_by TEXT NOT NULL CHECK (granted_by <> ''),
  granted_at TEXT NOT NULL,
  PRIMARY KEY (person_id, role, group_id),
  CHECK (role = 'calibrator' OR group_id = '')
);

CREATE TABLE feedback (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  giver_id TEXT NOT NULL REFERENCES people (id),
  kind TEXT NOT NULL CHECK (kind IN ('self', 'peer', 'upward')),
  source TEXT NOT NULL DEFAULT '',
  requested_by TEXT NOT NULL CHECK (requested_by <> ''),
  requested_at TEXT NOT NULL,
  given_at TEXT,
  text TEXT,
  grade TEXT,
  scores TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (cycle_id, person_id, giver_id),
  CHECK ((kind = 'self') = (person_id = giver_id)),
  CHECK ((given_at IS NULL) = (text IS NULL)),
  CHECK (given_at IS NOT NULL OR (grade IS NULL AND scores = ''))
);
CREATE INDEX feedback_by_giver ON feedback (cycle_id, giver_id);

CREATE TABLE rubric_sheets (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  rater_id TEXT NOT NULL REFERENCES people (id),
  evidence TEXT NOT NULL DEFAULT '',
  scores TEXT NOT NULL,
  outcomes TEXT NOT NULL DEFAULT '',
  scored_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (cycle_id, person_id, rater_id),
  CHECK (person_id <> rater_id)
);

{{frozen_when_closed:feedback}}
{{frozen_when_closed:rubric_sheets}}
)sql";

// Version 4: a cycle's decisions as the decision engine proposes them and the people team
// reviews them — one row per person (replacing version 1's decisions table, which nothing
// wrote). An exception always carries its justification and approver.
constexpr const char* kSchemaV4 = R"sql(
DROP TABLE decisions;

CREATE TABLE decisions (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  proposal TEXT NOT NULL CHECK (proposal IN ('promote-now', 'promote', 'no-change', 'plan',
                                             'exit-conversation', 'not-calibrated', 'exception')),
  from_grade TEXT NOT NULL,
  to_grade TEXT NOT NULL,
  performed DOUBLE PRECISION,
  se DOUBLE PRECISION,
  streak INTEGER NOT NULL DEFAULT 0,
  executive_level TEXT NOT NULL DEFAULT '',
  position_change TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  bonus DOUBLE PRECISION,
  status TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'applied')),
  review_note TEXT NOT NULL DEFAULT '',
  justification TEXT NOT NULL DEFAULT '',
  approver TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (cycle_id, person_id),
  CHECK (proposal <> 'exception' OR (justification <> '' AND approver <> '')),
  CHECK (status <> 'rejected' OR review_note <> '')
);

{{frozen_when_closed:decisions}}
)sql";

// Version 5: faster large inserts on SQLite, same rules. SQLite checks a CHECK constraint's IN
// list of more than two values by building a temporary index for every row (1.1 s per million
// decisions), so the decisions table is rebuilt with the same checks spelled as ORs; and the
// trigger that refuses rows of a closed cycle runs after the insert instead of before (the
// statement is undone all the same; 0.6 s less per million rows). PostgreSQL gets the same table.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE decisions_v5 (
  cycle_id TEXT NOT NULL REFERENCES cycles (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  proposal TEXT NOT NULL CHECK (proposal = 'promote-now' OR proposal = 'promote' OR
                                proposal = 'no-change' OR proposal = 'plan' OR
                                proposal = 'exit-conversation' OR proposal = 'not-calibrated' OR
                                proposal = 'exception'),
  from_grade TEXT NOT NULL,
  to_grade TEXT NOT NULL,
  performed DOUBLE PRECISION,
  se DOUBLE PRECISION,
  streak INTEGER NOT NULL DEFAULT 0,
  executive_level TEXT NOT NULL DEFAULT '',
  position_change TEXT NOT NULL DEFAULT '',
  flags TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL,
  bonus DOUBLE PRECISION,
  status TEXT NOT NULL CHECK (status = 'proposed' OR status = 'accepted' OR
                              status = 'rejected' OR status = 'applied'),
  review_note TEXT NOT NULL DEFAULT '',
  justification TEXT NOT NULL DEFAULT '',
  approver TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (cycle_id, person_id),
  CHECK (proposal <> 'exception' OR (justification <> '' AND approver <> '')),
  CHECK (status <> 'rejected' OR review_note <> '')
);
INSERT INTO decisions_v5 SELECT * FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_v5 RENAME TO decisions;
{{frozen_when_closed:decisions}}

{{refreeze_inserts:ratings}}
{{refreeze_inserts:benchmark_assignments}}
{{refreeze_inserts:stack_ranks}}
{{refreeze_inserts:calibrated_results}}
{{refreeze_inserts:rater_leniencies}}
{{refreeze_inserts:feedback}}
{{refreeze_inserts:rubric_sheets}}
)sql";

// Version 6: signing in, for the web server. An account gives a person a password (libsodium's
// Argon2id string; never the password). Sessions and API tokens are stored by the SHA-256 of the
// secret token, never the token. Login attempts are kept so that throttling survives a restart.
// People are found by email case-insensitively, through an index on the lower-cased email.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE accounts (
  person_id TEXT PRIMARY KEY REFERENCES people (id),
  password_hash TEXT NOT NULL CHECK (password_hash <> ''),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL CHECK (created_by <> ''),
  password_changed_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled = 0 OR disabled = 1)
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY CHECK (token_hash <> ''),
  person_id TEXT NOT NULL REFERENCES accounts (person_id),
  csrf_token TEXT NOT NULL CHECK (csrf_token <> ''),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at TEXT,
  address TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_by_person ON sessions (person_id);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY CHECK (id <> ''),
  token_hash TEXT NOT NULL UNIQUE CHECK (token_hash <> ''),
  person_id TEXT NOT NULL REFERENCES accounts (person_id),
  name TEXT NOT NULL CHECK (name <> ''),
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_by_person ON api_tokens (person_id);

CREATE TABLE login_attempts (
  id {{id}},
  login TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  succeeded INTEGER NOT NULL CHECK (succeeded = 0 OR succeeded = 1),
  throttled INTEGER NOT NULL DEFAULT 0 CHECK (throttled = 0 OR throttled = 1),
  CHECK (succeeded = 0 OR throttled = 0)
);
CREATE INDEX login_attempts_by_login ON login_attempts (login, at);
CREATE INDEX login_attempts_by_address ON login_attempts (address, at);
CREATE INDEX login_attempts_by_time ON login_attempts (at);

CREATE INDEX people_by_lower_email ON people (LOWER(email));
)sql";

/// SQLite's trigger refusing new rows of |table| for a closed cycle. It runs after the insert:
/// RAISE(ABORT) undoes the statement either way, and an AFTER trigger costs less per row.
std::string SqliteClosedNoInsertTrigger(const std::string& table) {
  return fmt::format(
      "CREATE TRIGGER {0}_closed_no_insert AFTER INSERT ON {0} "
      "WHEN (SELECT state FROM cycles WHERE id = NEW.cycle_id) = 'closed' BEGIN "
      "SELECT RAISE(ABORT, '{0}: the cycle is closed, and a closed cycle never changes'); "
      "END;\n",
      table);
}

/// Triggers that refuse any change to |table|'s rows of a closed cycle (for the cycles table
/// itself: to a closed cycle's row; deleting a cycle is refused in any state).
std::string FrozenWhenClosedTriggers(const std::string& table, Dialect dialect) {
  const bool cycles = table == "cycles";
  const std::string key = cycles ? "id" : "cycle_id";
  const auto closed = [&](const char* row) {
    return fmt::format("(SELECT state FROM cycles WHERE id = {}.{}) = 'closed'", row, key);
  };
  if (dialect == Dialect::kSqlite) {
    const auto trigger = [&](const std::string& name, const std::string& when_op,
                             const std::string& when) {
      return fmt::format(
          "CREATE TRIGGER {0}_{1} BEFORE {2} ON {0} {3}BEGIN "
          "SELECT RAISE(ABORT, '{0}: the cycle is closed, and a closed cycle never changes'); "
          "END;\n",
          table, name, when_op, when.empty() ? "" : "WHEN " + when + " ");
    };
    if (cycles) {
      return trigger("closed_no_update", "UPDATE", "OLD.state = 'closed'") +
             fmt::format(
                 "CREATE TRIGGER cycles_no_delete BEFORE DELETE ON cycles BEGIN "
                 "SELECT RAISE(ABORT, 'cycles: a cycle is never deleted'); END;\n");
    }
    return SqliteClosedNoInsertTrigger(table) +
           trigger("closed_no_update", "UPDATE", closed("OLD") + " OR " + closed("NEW")) +
           trigger("closed_no_delete", "DELETE", closed("OLD"));
  }
  const std::string old_closed = cycles ? "OLD.state = 'closed'" : closed("OLD");
  const std::string new_closed = cycles ? "FALSE" : closed("NEW");
  const std::string on_delete =
      cycles ? fmt::format(
                   "RAISE EXCEPTION 'cycles: a cycle is never deleted' USING ERRCODE = "
                   "'integrity_constraint_violation';")
             : "";
  return fmt::format(
      "CREATE OR REPLACE FUNCTION {0}_frozen_when_closed() RETURNS trigger LANGUAGE plpgsql AS $$ "
      "BEGIN "
      "IF TG_OP = 'DELETE' THEN {4} END IF; "
      "IF (TG_OP <> 'INSERT' AND {1}) OR (TG_OP <> 'DELETE' AND {2}) THEN "
      "RAISE EXCEPTION '{0}: the cycle is closed, and a closed cycle never changes' USING "
      "ERRCODE = 'integrity_constraint_violation'; END IF; "
      "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$;\n"
      "CREATE TRIGGER {0}_frozen_when_closed BEFORE INSERT OR UPDATE OR DELETE ON {0} "
      "FOR EACH ROW EXECUTE FUNCTION {0}_frozen_when_closed();\n",
      table, old_closed, new_closed, key, on_delete.empty() ? "NULL;" : on_delete);
}

std::string AppendOnlyTriggers(const std::string& table, Dialect dialect) {
  if (dialect == Dialect::kSqlite) {
    return fmt::format(
        "CREATE TRIGGER {0}_no_update BEFORE UPDATE ON {0} BEGIN "
        "SELECT RAISE(ABORT, '{0} is append-only'); END;\n"
        "CREATE TRIGGER {0}_no_delete BEFORE DELETE ON {0} BEGIN "
        "SELECT RAISE(ABORT, '{0} is append-only'); END;\n",
        table);
  }
  return fmt::format(
      "CREATE FUNCTION {0}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "RAISE EXCEPTION '{0} is append-only' USING ERRCODE = 'integrity_constraint_violation'; "
      "END $$;\n"
      "CREATE TRIGGER {0}_no_change BEFORE UPDATE OR DELETE ON {0} "
      "FOR EACH ROW EXECUTE FUNCTION {0}_append_only();\n",
      table);
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration> migrations = {
      {1, "organisation, cycles and audit log", kSchemaV1},
      {2, "ratings, benchmark assignments; closed cycles are immutable", kSchemaV2},
      {3, "roles; feedback and rubric sheets collected in cycles", kSchemaV3},
      {4, "decisions: the slate of a cycle, one row per person", kSchemaV4},
      {5,
       "faster large inserts: decisions' checks without IN lists, closed-cycle insert "
       "triggers after the row",
       kSchemaV5},
      {6, "accounts, sessions, API tokens and login attempts", kSchemaV6},
  };
  return migrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

std::string RenderForDialect(const std::string& sql, Dialect dialect) {
  std::string text = sql;
  ReplaceAll(text, "{{id}}",
             dialect == Dialect::kSqlite ? "INTEGER PRIMARY KEY"
                                         : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  for (size_t at = text.find("{{append_only:"); at != std::string::npos;
       at = text.find("{{append_only:")) {
    const size_t end = text.find("}}", at);
    const std::string table = text.substr(at + 14, end - at - 14);
    text.replace(at, end + 2 - at, AppendOnlyTriggers(table, dialect));
  }
  for (size_t at = text.find("{{frozen_when_closed:"); at != std::string::npos;
       at = text.find("{{frozen_when_closed:")) {
    const size_t end = text.find("}}", at);
    const std::string table = text.substr(at + 21, end - at - 21);
    text.replace(at, end + 2 - at, FrozenWhenClosedTriggers(table, dialect));
  }
  for (size_t at = text.find("{{refreeze_inserts:"); at != std::string::npos;
       at = text.find("{{refreeze_inserts:")) {
    const size_t end = text.find("}}", at);
    const std::string table = text.substr(at + 19, end - at - 19);
    text.replace(at, end + 2 - at,
                 dialect == Dialect::kSqlite
                     ? fmt::format("DROP TRIGGER {}_closed_no_insert;\n", table) +
                           SqliteClosedNoInsertTrigger(table)
                     : "");
  }
  return text;
}

Result<int> Migrate(Database& database, const std::string& now) {
  Status created = database.ExecuteScript(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
  if (!created.ok()) return created;
  Result<Rows> rows = database.Query("SELECT MAX(version) FROM schema_migrations", {});
  if (!rows.ok()) return rows.status();
  int current =
      rows->empty() || rows->front().IsNull(0) ? 0 : static_cast<int>(rows->front().Int(0));
  if (current > LatestSchemaVersion()) {
    return Status::FailedPrecondition(fmt::format(
        "{}: this database has schema version {}, written by a newer Yardstick; this build knows "
        "versions up to {}. Upgrade Yardstick to open it.",
        database.description(), current, LatestSchemaVersion()));
  }
  for (const Migration& migration : Migrations()) {
    if (migration.version <= current) continue;
    Status applied = InTransaction(database, [&] {
      if (Status s = database.ExecuteScript(RenderForDialect(migration.sql, database.dialect()));
          !s.ok()) {
        return s;
      }
      return database.Run(
          "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
          {static_cast<std::int64_t>(migration.version), migration.description, now});
    });
    if (!applied.ok()) {
      return Status::IoError(fmt::format("migrating to schema version {} failed: {}",
                                         migration.version, applied.message()));
    }
    current = migration.version;
  }
  return current;
}

}  // namespace yardstick::store
