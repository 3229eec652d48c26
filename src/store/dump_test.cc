#include "store/dump.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/clock.h"
#include "model/people_changes.h"
#include "store/migrations.h"
#include "store/sqlite_database.h"
#include "store/store.h"
#include "store_engines.h"

namespace yardstick::store {
namespace {

using testing::Engine;
using testing::EngineLabel;
using testing::ScratchDatabase;

constexpr const char* kFrameworkV1 = R"(format: yardstick/v1
id: tiny
name: Tiny
scale: {grades: [A, B, C, D]}
tracks: [{id: ic, name: IC}]
levels:
  - {id: L1, name: One, grades: A-B}
  - {id: L2, name: Two, grades: C-D}
)";

constexpr const char* kFrameworkV2 = R"(format: yardstick/v1
id: tiny
name: Tiny "two"
scale: {grades: [A, B, C, D]}
tracks: [{id: ic, name: IC}]
levels:
  - {id: L1, name: Één, grades: A-B}
  - {id: L2, name: Two, grades: C-D}
)";

model::Person MakePerson(std::string id, std::string name, std::string manager, std::string grade) {
  model::Person person;
  person.id = std::move(id);
  person.name = std::move(name);
  person.email = person.id + "@example.com";
  person.group = "eng";
  person.track = "ic";
  person.grade = grade;
  person.manager_id = std::move(manager);
  person.hire_date = *model::Date::Parse("2019-03-01");
  person.hired_at_grade = "A";
  return person;
}

/// The start of a dump of this build's schema, up to the tables.
std::string Header() {
  return fmt::format(R"({{"format":"yardstick-dump","format_version":1,"schema_version":{})",
                     LatestSchemaVersion());
}

/// A store whose clock says what the test says, on a fresh database of one engine.
struct TestStore {
  std::unique_ptr<ScratchDatabase> scratch;
  std::unique_ptr<FakeClock> clock = std::make_unique<FakeClock>("2026-01-15T09:00:00Z");
  std::unique_ptr<Store> store;

  Database& database() { return store->database(); }
};

TestStore NewStore(Engine engine) {
  TestStore test_store;
  Result<std::unique_ptr<ScratchDatabase>> scratch = ScratchDatabase::Create(engine);
  EXPECT_TRUE(scratch.ok()) << "cannot make a " << EngineLabel(engine)
                            << " test database: " << scratch.status().message();
  if (!scratch.ok()) return test_store;
  test_store.scratch = std::move(*scratch);
  Result<std::unique_ptr<Store>> store = Store::Open(test_store.scratch->url(), *test_store.clock);
  EXPECT_TRUE(store.ok()) << store.status().message();
  if (store.ok()) test_store.store = std::move(*store);
  return test_store;
}

void Exec(Database& database, const std::string& sql, const Params& params) {
  const Status status = database.Run(sql, params);
  ASSERT_TRUE(status.ok()) << sql << ": " << status.message();
}

/// An organisation touching every table, with the values engines disagree about most easily:
/// doubles that have no short binary form, text with quotes, line breaks and non-ASCII letters,
/// NULLs, ids whose byte order differs from dictionary order, and identity ids with gaps.
void Populate(Store& store, FakeClock& clock) {
  Result<std::string> first = store.PutFramework("tiny", "Tiny", kFrameworkV1, "admin");
  ASSERT_TRUE(first.ok()) << first.status().message();
  clock.Set("2026-01-15T09:05:00Z");
  Result<std::string> hash = store.PutFramework("tiny", "Tiny \"two\"", kFrameworkV2, "admin");
  ASSERT_TRUE(hash.ok()) << hash.status().message();
  ASSERT_TRUE(store.PutGroup({"eng", "Engineering ⚙", "tiny"}, "admin").ok());

  model::PeopleChanges hires;
  hires.reason = "import";
  hires.effective = *model::Date::Parse("2020-01-01");
  hires.added.push_back(MakePerson("B1", "Zoë O'Brien-Łukasiewicz", "", "D"));
  hires.added.push_back(
      MakePerson("a2", "Quote \"Q\" Person, with comma\nand a new line", "B1", "C"));
  hires.added.push_back(MakePerson("_3", "日本 太郎 🚀", "a2", "B"));
  // Managed by someone later in id order: restore must defer the manager check.
  hires.added.push_back(MakePerson("0", "Tab\there; back\\slash", "a2", "A"));
  hires.added[1].position = "eng-manager";
  hires.added[2].position = "";
  ASSERT_TRUE(store.ApplyPeopleChanges(hires, "hris").ok());

  clock.Set("2026-02-01T10:00:00Z");
  model::PeopleChanges changes;
  changes.reason = "promotion";
  changes.effective = *model::Date::Parse("2026-02-01");
  model::Person promoted = hires.added[2];
  promoted.grade = "C";
  promoted.position = "senior";
  changes.updated.push_back({hires.added[2], promoted});
  model::Person leaver = hires.added[3];
  leaver.status = model::PersonStatus::kLeft;
  leaver.left_date = *model::Date::Parse("2026-01-31");
  changes.updated.push_back({hires.added[3], leaver});
  ASSERT_TRUE(store.ApplyPeopleChanges(changes, "hris").ok());

  Database& database = store.database();
  Exec(database,
       "INSERT INTO cycles (id, name, framework_hash, period_start, period_end, state, created_at) "
       "VALUES (?, ?, ?, ?, ?, ?, ?)",
       {"2025-H2", "Second half ☀", *hash, "2025-07-01", "2025-12-31", "decided",
        "2026-01-02T08:00:00Z"});
  const char* rating =
      "INSERT INTO ratings (id, cycle_id, person_id, rater_id, grade, evidence, criteria, "
      "benchmark, rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Exec(database, rating,
       {std::int64_t{5}, "2025-H2", "a2", "B1", "B", "Led \"Atlas\";\r\nshipped it", "",
        std::int64_t{0}, "2026-01-03T08:00:00Z"});
  Exec(database, rating,
       {std::int64_t{17}, "2025-H2", "_3", "a2", "C", "", "x\ny", std::int64_t{0},
        "2026-01-03T08:00:00Z"});
  Exec(database, rating,
       {std::int64_t{18}, "2025-H2", "0", "a2", "A", "∑ ≥ 1", "", std::int64_t{1},
        "2026-01-03T08:00:00Z"});
  if (database.dialect() == Dialect::kPostgres) {
    // PostgreSQL's identity does not see ids written explicitly (SQLite's rowid does): move it
    // past them, as a restore does, so that both engines number the next row alike.
    Exec(database, "SELECT setval(pg_get_serial_sequence('ratings', 'id'), MAX(id)) FROM ratings",
         {});
  }
  Exec(database,
       "INSERT INTO benchmark_assignments (cycle_id, person_id, rater_id, assigned_by, "
       "assigned_at) VALUES (?, ?, ?, ?, ?)",
       {"2025-H2", "0", "a2", "people-team", "2026-01-02T09:00:00Z"});
  const char* rank =
      "INSERT INTO stack_ranks (cycle_id, rater_id, person_id, rank) VALUES (?, ?, ?, ?)";
  Exec(database, rank, {"2025-H2", "a2", "_3", std::int64_t{2}});
  Exec(database, rank, {"2025-H2", "a2", "0", std::int64_t{1}});
  const char* result =
      "INSERT INTO calibrated_results (cycle_id, person_id, performed, se) VALUES (?, ?, ?, ?)";
  Exec(database, result, {"2025-H2", "a2", 8.4, 0.1});
  Exec(database, result, {"2025-H2", "_3", 3.0, 1e-300});
  Exec(database, result, {"2025-H2", "0", -0.25, 123456789.125});
  Exec(database,
       "INSERT INTO rater_leniencies (cycle_id, rater_id, leniency, se) VALUES (?, ?, ?, ?)",
       {"2025-H2", "a2", -1.0 / 3.0, 2.0 / 3.0});
  const char* decision =
      "INSERT INTO decisions (cycle_id, person_id, proposal, from_grade, to_grade, performed, se, "
      "streak, flags, reason, bonus, status, justification, approver, decided_at) VALUES (?, ?, "
      "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  Exec(database, decision,
       {"2025-H2", "_3", "promote-now", "B", "C", 3.0, 0.25, std::int64_t{1}, "", "far above",
        nullptr, "applied", "", "", "2026-01-06T08:00:00Z"});
  Exec(database, decision,
       {"2025-H2", "a2", "no-change", "C", "C", 8.4, 0.1, std::int64_t{0}, "past the band\nflag",
        "at level", 1234.56, "accepted", "", "", "2026-01-06T08:00:00Z"});
  Exec(database, decision,
       {"2025-H2", "0", "exception", "A", "B", nullptr, nullptr, std::int64_t{0}, "", "", nullptr,
        "proposed", "Board \"said\" so\n(twice)", "ceo", "2026-01-06T08:00:00Z"});
  Exec(database,
       "INSERT INTO feedback (cycle_id, person_id, giver_id, kind, source, requested_by, "
       "requested_at, given_at, text, grade, scores) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
       {"2025-H2", "a2", "_3", "upward", "team", "people-team", "2026-01-02T09:00:00Z",
        "2026-01-04T09:00:00Z", "Clear \"goals\",\nalways", "C", R"([{"area":"t","points":4.5}])"});
  Exec(database,
       "INSERT INTO feedback (cycle_id, person_id, giver_id, kind, requested_by, requested_at) "
       "VALUES (?, ?, ?, ?, ?, ?)",
       {"2025-H2", "_3", "_3", "self", "people-team", "2026-01-02T09:00:00Z"});
  Exec(database,
       "INSERT INTO rubric_sheets (cycle_id, person_id, rater_id, evidence, scores, outcomes, "
       "scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
       {"2025-H2", "_3", "a2", "ü", R"([{"area":"t","source":"team","points":5}])", "[]",
        "2026-01-05T09:00:00Z"});
  // Closed last: the schema refuses rows for a closed cycle, and a restore must cope with that.
  Exec(database, "UPDATE cycles SET state = 'closed' WHERE id = ?", {"2025-H2"});
  Exec(database,
       "INSERT INTO roles (person_id, role, group_id, granted_by, granted_at) VALUES (?, ?, ?, ?, "
       "?)",
       {"B1", "calibrator", "eng", "admin", "2026-01-02T07:00:00Z"});
  // Accounts are dumped with their password hashes; sessions, API tokens and login attempts are
  // not (UndumpedTables()), so a dump restores accounts and leaves everyone signed out.
  const char* account =
      "INSERT INTO accounts (person_id, password_hash, created_at, created_by, "
      "password_changed_at, disabled) VALUES (?, ?, ?, ?, ?, ?)";
  Exec(database, account,
       {"B1", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA", "2026-01-02T07:00:00Z", "admin",
        "2026-01-02T07:00:00Z", std::int64_t{0}});
  Exec(database, account,
       {"a2", "$argon2id$v=19$m=65536,t=2,p=1$c2FsdDI$aGFzaDI", "2026-01-02T07:00:00Z", "admin",
        "2026-01-03T07:00:00Z", std::int64_t{1}});
  Exec(database,
       "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, expires_at, "
       "last_seen_at, address) VALUES (?, ?, ?, ?, ?, ?, ?)",
       {"5e55", "B1", "c5rf", "2026-01-02T07:00:00Z", "2026-01-02T19:00:00Z",
        "2026-01-02T07:00:00Z", "192.0.2.1"});
  Exec(database,
       "INSERT INTO api_tokens (id, token_hash, person_id, name, created_at) VALUES (?, ?, ?, ?, "
       "?)",
       {"0a1b2c3d4e5f", "70ce", "B1", "script", "2026-01-02T07:00:00Z"});
  Exec(database, "INSERT INTO login_attempts (login, address, at, succeeded) VALUES (?, ?, ?, ?)",
       {"b1", "192.0.2.1", "2026-01-02T07:00:00Z", std::int64_t{1}});
  // A cycle still being rated, for tests that add to the organisation.
  Exec(database,
       "INSERT INTO cycles (id, name, framework_hash, period_start, period_end, state, created_at) "
       "VALUES (?, ?, ?, ?, ?, ?, ?)",
       {"2026-H1", "First half", *hash, "2026-01-01", "2026-06-30", "rating",
        "2026-01-02T08:30:00Z"});
}

Result<nlohmann::json> Parse(const std::string& text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) return Status::InvalidArgument("not JSON");
  return json;
}

/// The dump of a freshly opened, empty database.
std::string EmptyDump(Engine engine) {
  TestStore empty = NewStore(engine);
  if (!empty.store) return "";
  Result<std::string> text = DumpDatabaseText(empty.database());
  EXPECT_TRUE(text.ok()) << text.status().message();
  return text.ok() ? *text : "";
}

// The table list against the schema the migrations create -------------------------------------

DumpType SqliteType(const std::string& declared) {
  if (declared == "TEXT") return DumpType::kText;
  if (declared == "INTEGER") return DumpType::kInteger;
  EXPECT_EQ(declared, "DOUBLE PRECISION");
  return DumpType::kReal;
}

DumpType PostgresType(const std::string& declared) {
  if (declared == "text") return DumpType::kText;
  if (declared == "bigint" || declared == "integer") return DumpType::kInteger;
  EXPECT_EQ(declared, "double precision");
  return DumpType::kReal;
}

struct SchemaTable {
  std::vector<DumpColumn> columns;
  std::vector<std::string> primary_key;
  bool identity = false;
};

/// What the schema says, by table (schema_migrations left out), read from the engine's catalog.
std::map<std::string, SchemaTable> ReadSchema(Database& database) {
  std::map<std::string, SchemaTable> schema;
  if (database.dialect() == Dialect::kSqlite) {
    Result<Rows> tables = database.Query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'schema_migrations'",
        {});
    EXPECT_TRUE(tables.ok()) << tables.status().message();
    if (!tables.ok()) return schema;
    for (const Row& table : *tables) {
      SchemaTable& entry = schema[table.Text(0)];
      Result<Rows> columns = database.Query(
          "SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid", {table.Text(0)});
      EXPECT_TRUE(columns.ok()) << columns.status().message();
      if (!columns.ok()) continue;
      std::map<std::int64_t, std::string> key;
      for (const Row& column : *columns) {
        entry.columns.push_back({column.Text(0), SqliteType(column.Text(1))});
        if (column.Int(2) > 0) key[column.Int(2)] = column.Text(0);
      }
      for (const auto& [position, name] : key) entry.primary_key.push_back(name);
      // An INTEGER PRIMARY KEY is SQLite's auto-numbered rowid.
      entry.identity = entry.primary_key.size() == 1 && entry.columns.size() > 0 &&
                       std::any_of(entry.columns.begin(), entry.columns.end(), [&](auto& c) {
                         return c.name == entry.primary_key[0] && c.type == DumpType::kInteger;
                       });
    }
    return schema;
  }
  Result<Rows> columns = database.Query(
      "SELECT table_name, column_name, data_type, is_identity FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND table_name <> 'schema_migrations' "
      "ORDER BY table_name, ordinal_position",
      {});
  EXPECT_TRUE(columns.ok()) << columns.status().message();
  if (!columns.ok()) return schema;
  for (const Row& column : *columns) {
    SchemaTable& entry = schema[column.Text(0)];
    entry.columns.push_back({column.Text(1), PostgresType(column.Text(2))});
    if (column.Text(3) == "YES") entry.identity = true;
  }
  Result<Rows> keys = database.Query(
      "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc "
      "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
      "AND kcu.table_schema = tc.table_schema "
      "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() "
      "ORDER BY tc.table_name, kcu.ordinal_position",
      {});
  EXPECT_TRUE(keys.ok()) << keys.status().message();
  if (!keys.ok()) return schema;
  for (const Row& key : *keys) {
    if (schema.count(key.Text(0)) > 0) schema[key.Text(0)].primary_key.push_back(key.Text(1));
  }
  return schema;
}

std::string Describe(const std::vector<DumpColumn>& columns) {
  std::string text;
  for (const DumpColumn& column : columns) {
    const char* type = column.type == DumpType::kText      ? "text"
                       : column.type == DumpType::kInteger ? "integer"
                                                           : "real";
    text += fmt::format("{}{}:{}", text.empty() ? "" : ", ", column.name, type);
  }
  return text;
}

class DumpSchemaTest : public ::testing::TestWithParam<Engine> {};

// Adding a table or a column to the migrations without adding it to DumpedTables() fails here.
TEST_P(DumpSchemaTest, DumpedTablesAreExactlyTheSchema) {
  TestStore test_store = NewStore(GetParam());
  ASSERT_TRUE(test_store.store);
  const std::map<std::string, SchemaTable> schema = ReadSchema(test_store.database());
  std::set<std::string> dumped;
  for (const DumpTable& table : DumpedTables()) {
    dumped.insert(table.name);
    const auto found = schema.find(table.name);
    ASSERT_NE(found, schema.end())
        << "the dump lists a table the schema does not have: " << table.name;
    EXPECT_EQ(Describe(table.columns), Describe(found->second.columns))
        << "columns (name:type, in schema order) of " << table.name;
    EXPECT_EQ(table.primary_key, found->second.primary_key) << "primary key of " << table.name;
    EXPECT_EQ(table.identity, found->second.identity) << "identity id of " << table.name;
  }
  // Left out on purpose, each with its reason; never both dumped and left out.
  std::set<std::string> undumped;
  for (const UndumpedTable& table : UndumpedTables()) {
    undumped.insert(table.name);
    EXPECT_EQ(schema.count(table.name), 1u)
        << "UndumpedTables() lists a table the schema does not have: " << table.name;
    EXPECT_EQ(dumped.count(table.name), 0u) << table.name << " is both dumped and left out";
    EXPECT_FALSE(table.why.empty()) << table.name;
  }
  for (const auto& [name, table] : schema) {
    EXPECT_EQ(dumped.count(name) + undumped.count(name), 1u)
        << "table " << name
        << " is in the schema but neither in DumpedTables() nor in UndumpedTables() (dump.cc)";
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, DumpSchemaTest, testing::AllEngines(), testing::EngineName);

TEST(DumpTablesTest, ParentsComeBeforeTheirChildren) {
  Result<std::unique_ptr<Database>> database = SqliteDatabase::Open(":memory:");
  ASSERT_TRUE(database.ok());
  Result<int> migrated = Migrate(**database, "2026-01-01T00:00:00Z");
  ASSERT_TRUE(migrated.ok()) << migrated.status().message();
  std::set<std::string> seen;
  for (const DumpTable& table : DumpedTables()) {
    Result<Rows> parents =
        (*database)->Query("SELECT \"table\" FROM pragma_foreign_key_list(?)", {table.name});
    ASSERT_TRUE(parents.ok()) << parents.status().message();
    for (const Row& parent : *parents) {
      EXPECT_TRUE(parent.Text(0) == table.name || seen.count(parent.Text(0)) > 0)
          << table.name << " references " << parent.Text(0) << ", which comes after it";
    }
    seen.insert(table.name);
  }
}

// Round trips, within and across engines -----------------------------------------------------

struct EnginePair {
  Engine from;
  Engine to;
};

std::string PairName(const ::testing::TestParamInfo<EnginePair>& info) {
  return EngineLabel(info.param.from) + "To" + EngineLabel(info.param.to);
}

class DumpRoundTripTest : public ::testing::TestWithParam<EnginePair> {};

/// The same further changes, applied to a store: a new hire and an assessment numbered by the
/// engine. After a restore they must get the same ids on both sides.
void ChangeMore(Store& store, FakeClock& clock) {
  clock.Set("2026-03-01T12:00:00Z");
  model::PeopleChanges hire;
  hire.reason = "hired";
  hire.effective = *model::Date::Parse("2026-03-01");
  hire.added.push_back(MakePerson("new", "Nouvelle Recrue", "B1", "B"));
  const Status applied = store.ApplyPeopleChanges(hire, "hris");
  ASSERT_TRUE(applied.ok()) << applied.message();
  Exec(store.database(),
       "INSERT INTO ratings (cycle_id, person_id, rater_id, grade, benchmark, rated_at) "
       "VALUES (?, ?, ?, ?, ?, ?)",
       {"2026-H1", "new", "B1", "B", std::int64_t{0}, "2026-03-01T12:00:00Z"});
}

TEST_P(DumpRoundTripTest, RestoredDatabaseDumpsIdentically) {
  TestStore source = NewStore(GetParam().from);
  ASSERT_TRUE(source.store);
  Populate(*source.store, *source.clock);
  ASSERT_FALSE(HasFatalFailure());
  Result<nlohmann::ordered_json> dump = DumpDatabase(source.database());
  ASSERT_TRUE(dump.ok()) << dump.status().message();
  const std::string text = FormatDump(*dump);

  TestStore target = NewStore(GetParam().to);
  ASSERT_TRUE(target.store);
  Result<nlohmann::json> parsed = Parse(text);
  ASSERT_TRUE(parsed.ok());
  const Status restored = RestoreDatabase(target.database(), *parsed);
  ASSERT_TRUE(restored.ok()) << restored.message();
  Result<std::string> again = DumpDatabaseText(target.database());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(text, *again);

  // Ids continue from the restored ones on both sides: nothing collides, nothing diverges.
  ChangeMore(*source.store, *source.clock);
  ChangeMore(*target.store, *target.clock);
  Result<std::string> source_after = DumpDatabaseText(source.database());
  Result<std::string> target_after = DumpDatabaseText(target.database());
  ASSERT_TRUE(source_after.ok() && target_after.ok());
  EXPECT_EQ(*source_after, *target_after);
  EXPECT_NE(*source_after, text);
}

// Accounts come back with their hashes (people sign in as before); sessions, API tokens and
// login attempts do not (everyone signs in again; tokens are made anew).
TEST_P(DumpRoundTripTest, AccountsAreRestoredButNotSessionsTokensOrAttempts) {
  TestStore source = NewStore(GetParam().from);
  ASSERT_TRUE(source.store);
  Populate(*source.store, *source.clock);
  ASSERT_FALSE(HasFatalFailure());
  Result<std::string> text = DumpDatabaseText(source.database());
  ASSERT_TRUE(text.ok()) << text.status().message();
  for (const UndumpedTable& table : UndumpedTables()) {
    EXPECT_EQ(text->find("\"" + table.name + "\""), std::string::npos) << table.name;
  }
  EXPECT_EQ(text->find("5e55"), std::string::npos);
  EXPECT_EQ(text->find("c5rf"), std::string::npos);

  TestStore target = NewStore(GetParam().to);
  ASSERT_TRUE(target.store);
  Result<nlohmann::json> parsed = Parse(*text);
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(RestoreDatabase(target.database(), *parsed).ok());
  Result<std::vector<Account>> accounts = target.store->Accounts();
  ASSERT_TRUE(accounts.ok()) << accounts.status().message();
  ASSERT_EQ(accounts->size(), 2u);
  EXPECT_EQ((*accounts)[0].person_id, "B1");
  EXPECT_EQ((*accounts)[0].password_hash, "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA");
  EXPECT_TRUE((*accounts)[1].disabled);
  for (const UndumpedTable& table : UndumpedTables()) {
    Result<Rows> rows = target.database().Query("SELECT COUNT(*) FROM " + table.name, {});
    ASSERT_TRUE(rows.ok()) << rows.status().message();
    EXPECT_EQ(rows->front().Int(0), 0) << table.name;
  }
}

TEST_P(DumpRoundTripTest, ValuesAreExactAndTyped) {
  TestStore source = NewStore(GetParam().from);
  ASSERT_TRUE(source.store);
  Populate(*source.store, *source.clock);
  ASSERT_FALSE(HasFatalFailure());
  Result<std::string> text = DumpDatabaseText(source.database());
  ASSERT_TRUE(text.ok()) << text.status().message();
  TestStore target = NewStore(GetParam().to);
  ASSERT_TRUE(target.store);
  std::istringstream in(*text);  // this time read as it is restored
  const Status restored = RestoreDump(target.database(), in);
  ASSERT_TRUE(restored.ok()) << restored.message();

  // Read back through the target engine itself, not through its dump.
  Result<Rows> ratings = target.database().Query(
      "SELECT id, grade, evidence FROM ratings WHERE cycle_id = '2025-H2' ORDER BY id", {});
  ASSERT_TRUE(ratings.ok()) << ratings.status().message();
  ASSERT_EQ(ratings->size(), 3u);
  EXPECT_EQ((*ratings)[0].Int(0), 5);
  EXPECT_EQ((*ratings)[0].Text(2), "Led \"Atlas\";\r\nshipped it");
  EXPECT_EQ((*ratings)[1].Int(0), 17);
  EXPECT_EQ((*ratings)[2].Text(2), "∑ ≥ 1");
  Result<Rows> results = target.database().Query(
      "SELECT performed, se FROM calibrated_results WHERE cycle_id = '2025-H2' ORDER BY "
      "performed",
      {});
  ASSERT_TRUE(results.ok()) << results.status().message();
  ASSERT_EQ(results->size(), 3u);
  EXPECT_EQ((*results)[0].Real(1), 123456789.125);
  EXPECT_EQ((*results)[1].Real(1), 1e-300);
  EXPECT_EQ((*results)[2].Real(0), 8.4);
  Result<Rows> leniency = target.database().Query("SELECT leniency, se FROM rater_leniencies", {});
  ASSERT_TRUE(leniency.ok());
  EXPECT_EQ(leniency->front().Real(0), -1.0 / 3.0);
  EXPECT_EQ(leniency->front().Real(1), 2.0 / 3.0);
  Result<std::optional<model::Person>> person = target.store->GetPerson("a2");
  ASSERT_TRUE(person.ok() && person->has_value());
  EXPECT_EQ((*person)->name, "Quote \"Q\" Person, with comma\nand a new line");
  EXPECT_TRUE((*person)->position == "eng-manager");

  // The text itself: shortest exact numbers, typed values, NULLs.
  EXPECT_NE(text->find(R"("performed":8.4,)"), std::string::npos);
  EXPECT_NE(text->find(R"("se":1e-300})"), std::string::npos);
  EXPECT_NE(text->find(R"("se":0.1})"), std::string::npos);
  EXPECT_NE(text->find(R"("grade":"C",)"), std::string::npos);
  EXPECT_NE(text->find(R"("benchmark":1,)"), std::string::npos);
  EXPECT_NE(text->find(R"("performed":3.0,)"), std::string::npos);
  EXPECT_NE(text->find(R"("bonus":null,)"), std::string::npos);
  EXPECT_NE(text->find(R"("bonus":1234.56,)"), std::string::npos);
  EXPECT_NE(text->find(R"("id":17,)"), std::string::npos);
  EXPECT_NE(text->find(R"("version":2})"), std::string::npos);
  EXPECT_NE(text->find("日本 太郎 🚀"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, DumpRoundTripTest,
                         ::testing::Values(EnginePair{Engine::kSqlite, Engine::kSqlite},
                                           EnginePair{Engine::kSqlite, Engine::kPostgres},
                                           EnginePair{Engine::kPostgres, Engine::kSqlite},
                                           EnginePair{Engine::kPostgres, Engine::kPostgres}),
                         PairName);

// The same changes on either engine give the same bytes, with no restore in between.
TEST(DumpAcrossEnginesTest, SameChangesGiveTheSameDump) {
  TestStore sqlite = NewStore(Engine::kSqlite);
  TestStore postgres = NewStore(Engine::kPostgres);
  ASSERT_TRUE(sqlite.store && postgres.store);
  Populate(*sqlite.store, *sqlite.clock);
  Populate(*postgres.store, *postgres.clock);
  ASSERT_FALSE(HasFatalFailure());
  Result<std::string> from_sqlite = DumpDatabaseText(sqlite.database());
  Result<std::string> from_postgres = DumpDatabaseText(postgres.database());
  ASSERT_TRUE(from_sqlite.ok()) << from_sqlite.status().message();
  ASSERT_TRUE(from_postgres.ok()) << from_postgres.status().message();
  EXPECT_EQ(*from_sqlite, *from_postgres);
}

// Ordering does not depend on the order the engine returns rows in (a locale's collation).
class ReversingDatabase final : public Database {
 public:
  explicit ReversingDatabase(Database& inner) : inner_(inner) {}
  [[nodiscard]] Dialect dialect() const override { return inner_.dialect(); }
  [[nodiscard]] std::string description() const override { return inner_.description(); }
  Status ExecuteScript(std::string_view sql) override { return inner_.ExecuteScript(sql); }
  Result<Rows> Query(std::string_view sql, const Params& params) override {
    Result<Rows> rows = inner_.Query(sql, params);
    if (rows.ok()) std::reverse(rows->begin(), rows->end());
    return rows;
  }
  Status InsertRows(std::string_view table, const std::vector<std::string>& columns,
                    const std::vector<Params>& rows) override {
    return inner_.InsertRows(table, columns, rows);
  }
  Result<std::vector<SchemaObject>> BulkLoadObstacles(std::string_view table) override {
    return inner_.BulkLoadObstacles(table);
  }
  Status Begin() override { return inner_.Begin(); }
  Status Commit() override { return inner_.Commit(); }
  Status Rollback() override { return inner_.Rollback(); }

 private:
  Database& inner_;
};

TEST(DumpOrderTest, RowsAreInByteOrderOfTheirKeysWhateverTheEngineReturns) {
  TestStore source = NewStore(Engine::kSqlite);
  ASSERT_TRUE(source.store);
  Populate(*source.store, *source.clock);
  ASSERT_FALSE(HasFatalFailure());
  Result<std::string> plain = DumpDatabaseText(source.database());
  ReversingDatabase reversing(source.database());
  Result<std::string> reversed = DumpDatabaseText(reversing);
  ASSERT_TRUE(plain.ok() && reversed.ok());
  EXPECT_EQ(*plain, *reversed);
  // Byte order: digits, then upper case, then '_', then lower case.
  const size_t zero = plain->find(R"({"id":"0",)");
  const size_t b1 = plain->find(R"({"id":"B1",)");
  const size_t underscore = plain->find(R"({"id":"_3",)");
  const size_t a2 = plain->find(R"({"id":"a2",)");
  EXPECT_TRUE(zero < b1 && b1 < underscore && underscore < a2) << *plain;
}

TEST(DumpFormatTest, WritingTableByTableGivesTheSameBytes) {
  TestStore source = NewStore(Engine::kSqlite);
  ASSERT_TRUE(source.store);
  std::ostringstream empty;
  ASSERT_TRUE(WriteDump(source.database(), empty).ok());
  EXPECT_EQ(empty.str(), *DumpDatabaseText(source.database()));
  Populate(*source.store, *source.clock);
  ASSERT_FALSE(HasFatalFailure());
  std::ostringstream full;
  ASSERT_TRUE(WriteDump(source.database(), full).ok());
  EXPECT_EQ(full.str(), *DumpDatabaseText(source.database()));
}

TEST(DumpFormatTest, OneRowPerLineAndParsesBack) {
  TestStore source = NewStore(Engine::kSqlite);
  ASSERT_TRUE(source.store);
  Populate(*source.store, *source.clock);
  ASSERT_FALSE(HasFatalFailure());
  Result<nlohmann::ordered_json> dump = DumpDatabase(source.database());
  ASSERT_TRUE(dump.ok());
  const std::string text = FormatDump(*dump);
  EXPECT_EQ(text.rfind(Header() + R"(,"tables":{)"
                                  "\n\"frameworks\":[\n{\"hash\":",
                       0),
            0u);
  EXPECT_EQ(nlohmann::ordered_json::parse(text), *dump);
  EXPECT_NE(text.find("\n\"stack_ranks\":[\n{\"cycle_id\":\"2025-H2\",\"rater_id\":\"a2\","
                      "\"person_id\":\"0\",\"rank\":1},\n{"),
            std::string::npos);
  EXPECT_NE(text.find("\n\"position_assignments\":[\n"), std::string::npos);
  EXPECT_EQ(text.substr(text.size() - 7), "}\n]\n}}\n");
}

// Refusals: nothing changes -------------------------------------------------------------------

class DumpRestoreTest : public ::testing::TestWithParam<Engine> {};

/// A dump of a populated SQLite store, in dump order, to break in various ways.
nlohmann::ordered_json GoodDump() {
  TestStore source = NewStore(Engine::kSqlite);
  if (!source.store) return {};
  Populate(*source.store, *source.clock);
  Result<nlohmann::ordered_json> dump = DumpDatabase(source.database());
  EXPECT_TRUE(dump.ok());
  return dump.ok() ? *dump : nlohmann::ordered_json();
}

/// The two ways in: a parsed document, and text parsed as it is restored.
enum class RestorePath { kDocument, kStream };

Status Restore(Database& database, const nlohmann::ordered_json& dump, RestorePath path) {
  if (path == RestorePath::kDocument) {
    return RestoreDatabase(database, nlohmann::json::parse(dump.dump()));
  }
  std::istringstream in(FormatDump(dump));
  return RestoreDump(database, in);
}

TEST_P(DumpRestoreTest, RefusesADatabaseThatHoldsDataAndChangesNothing) {
  TestStore target = NewStore(GetParam());
  ASSERT_TRUE(target.store);
  Result<std::string> hash = target.store->PutFramework("other", "Other", kFrameworkV1, "admin");
  ASSERT_TRUE(hash.ok());
  Result<std::string> before = DumpDatabaseText(target.database());
  ASSERT_TRUE(before.ok());

  const nlohmann::ordered_json good = GoodDump();
  for (RestorePath path : {RestorePath::kDocument, RestorePath::kStream}) {
    const Status restored = Restore(target.database(), good, path);
    EXPECT_EQ(restored.code(), Status::Code::kAlreadyExists);
    EXPECT_NE(restored.message().find("nothing was restored: the database already holds data "
                                      "(table frameworks has rows); restore into a new, empty "
                                      "database"),
              std::string::npos)
        << restored.message();
    Result<std::string> after = DumpDatabaseText(target.database());
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(*before, *after);
  }
}

struct BrokenDump {
  std::string name;
  std::function<void(nlohmann::ordered_json&)> damage;
  Status::Code code;
  std::string message;
};

std::vector<BrokenDump> BrokenDumps() {
  using Code = Status::Code;
  return {
      {"not an object", [](nlohmann::ordered_json& d) { d = nlohmann::ordered_json::array(); },
       Code::kInvalidArgument, "not a Yardstick dump: not a JSON object"},
      {"wrong marker", [](nlohmann::ordered_json& d) { d["format"] = "pg_dump"; },
       Code::kInvalidArgument,
       R"(not a Yardstick dump: 'format' is "pg_dump", expected "yardstick-dump")"},
      {"no marker", [](nlohmann::ordered_json& d) { d.erase("format"); }, Code::kInvalidArgument,
       "not a Yardstick dump: 'format' is missing"},
      {"newer format",
       [](nlohmann::ordered_json& d) { d["format_version"] = kDumpFormatVersion + 1; },
       Code::kFailedPrecondition,
       "the dump has format version 2, this build reads version 1: "
       "upgrade Yardstick"},
      {"newer schema",
       [](nlohmann::ordered_json& d) { d["schema_version"] = LatestSchemaVersion() + 1; },
       Code::kFailedPrecondition,
       fmt::format("the dump has schema version {}, written by a newer Yardstick; this build "
                   "knows versions up to {}. Upgrade Yardstick to restore it.",
                   LatestSchemaVersion() + 1, LatestSchemaVersion())},
      {"older schema", [](nlohmann::ordered_json& d) { d["schema_version"] = 0; },
       Code::kFailedPrecondition, "the dump has schema version 0 but"},
      {"missing table", [](nlohmann::ordered_json& d) { d["tables"].erase("decisions"); },
       Code::kInvalidArgument, "the dump has no table 'decisions'"},
      {"unknown table",
       [](nlohmann::ordered_json& d) { d["tables"]["salaries"] = nlohmann::ordered_json::array(); },
       Code::kInvalidArgument,
       fmt::format("the dump has a table 'salaries' that schema version {} does not",
                   LatestSchemaVersion())},
      {"unknown column",
       [](nlohmann::ordered_json& d) { d["tables"]["people"][1]["salary"] = 90000; },
       Code::kInvalidArgument, "tables.people[1]: table people has no column salary"},
      {"missing column", [](nlohmann::ordered_json& d) { d["tables"]["people"][2].erase("email"); },
       Code::kInvalidArgument, "tables.people[2]: no value for column email"},
      {"text where a number belongs",
       [](nlohmann::ordered_json& d) { d["tables"]["calibrated_results"][0]["se"] = "high"; },
       Code::kInvalidArgument,
       R"(tables.calibrated_results[0].se: expected a number or null, found "high")"},
      {"number where text belongs",
       [](nlohmann::ordered_json& d) { d["tables"]["people"][0]["name"] = 7; },
       Code::kInvalidArgument, "tables.people[0].name: expected text or null, found 7"},
      {"fraction where an integer belongs",
       [](nlohmann::ordered_json& d) { d["tables"]["stack_ranks"][0]["rank"] = 1.5; },
       Code::kInvalidArgument,
       "tables.stack_ranks[0].rank: expected an integer or null, found 1.5"},
      // Violations the schema catches, late in the dump, after other tables were written.
      {"check constraint",
       [](nlohmann::ordered_json& d) { d["tables"]["decisions"][0]["proposal"] = "raise"; },
       Code::kFailedPrecondition, "tables.decisions[0..2]: "},
      {"not null",
       [](nlohmann::ordered_json& d) { d["tables"]["audit_log"][3]["actor"] = nullptr; },
       Code::kFailedPrecondition, "tables.audit_log[0.."},
      {"duplicate key",
       [](nlohmann::ordered_json& d) {
         d["tables"]["audit_log"][4]["id"] = d["tables"]["audit_log"][3]["id"];
       },
       Code::kFailedPrecondition, "tables.audit_log[0.."},
      // Checked only at commit (deferred): everything was written by then, and is rolled back.
      {"manager who does not exist",
       [](nlohmann::ordered_json& d) { d["tables"]["people"][0]["manager_id"] = "nobody"; },
       Code::kFailedPrecondition, "nobody"},
  };
}

TEST_P(DumpRestoreTest, ABrokenDumpLeavesTheDatabaseEmpty) {
  const nlohmann::ordered_json good = GoodDump();
  ASSERT_FALSE(good.is_null());
  TestStore target = NewStore(GetParam());
  ASSERT_TRUE(target.store);
  Result<std::string> empty = DumpDatabaseText(target.database());
  ASSERT_TRUE(empty.ok()) << empty.status().message();
  // One database takes every broken dump in turn: each failure must leave it as it was.
  for (RestorePath path : {RestorePath::kDocument, RestorePath::kStream}) {
    for (const BrokenDump& broken : BrokenDumps()) {
      SCOPED_TRACE(broken.name + (path == RestorePath::kStream ? ", streamed" : ", parsed first"));
      nlohmann::ordered_json dump = good;
      broken.damage(dump);
      const Status restored = Restore(target.database(), dump, path);
      EXPECT_EQ(restored.code(), broken.code) << restored.message();
      EXPECT_NE(restored.message().find(broken.message), std::string::npos) << restored.message();
      Result<std::string> after = DumpDatabaseText(target.database());
      ASSERT_TRUE(after.ok()) << after.status().message();
      EXPECT_EQ(*after, *empty);
    }
  }
  // And it is still usable: the good dump restores.
  const Status retried = Restore(target.database(), good, RestorePath::kStream);
  EXPECT_TRUE(retried.ok()) << retried.message();
}

// What only text read as it is restored can get wrong.
TEST_P(DumpRestoreTest, AStreamedDumpThatIsCutShortOrOutOfOrderRestoresNothing) {
  const std::string good = FormatDump(GoodDump());
  TestStore target = NewStore(GetParam());
  ASSERT_TRUE(target.store);
  Result<std::string> empty = DumpDatabaseText(target.database());
  ASSERT_TRUE(empty.ok());
  nlohmann::ordered_json reordered = GoodDump();
  nlohmann::ordered_json people = reordered["tables"]["people"];
  reordered["tables"].erase("people");
  reordered["tables"]["people"] = people;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {good.substr(0, good.size() / 2), "not valid JSON: [json.exception.parse_error.101]"},
      {good.substr(0, good.size() - 2), "not valid JSON: "},  // only the final "}" is missing
      {good + "{}", "not valid JSON: "},                      // all tables read, then garbage
      {"", "not valid JSON: "},
      {"42", "not a Yardstick dump: not a JSON object"},
      {Header() + "}", "not a Yardstick dump: 'tables' is missing or not an object"},
      {Header() + R"(,"tables":[]})", "not a Yardstick dump: 'tables' is missing or not an object"},
      {Header() + R"(,"tables":{}})", "the dump has no table 'frameworks'"},
      {FormatDump(reordered), "the dump has no table 'people'"},
  };
  for (const auto& [text, message] : cases) {
    SCOPED_TRACE(text.substr(0, 80));
    std::istringstream in(text);
    const Status restored = RestoreDump(target.database(), in);
    EXPECT_EQ(restored.code(), Status::Code::kInvalidArgument) << restored.message();
    EXPECT_NE(restored.message().find(message), std::string::npos) << restored.message();
    Result<std::string> after = DumpDatabaseText(target.database());
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(*after, *empty);
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, DumpRestoreTest, testing::AllEngines(), testing::EngineName);

// JSON has no numbers for infinities: they are written as strings, and read back on either engine.
TEST(DumpAcrossEnginesTest, InfiniteRealsRoundTrip) {
  TestStore sqlite = NewStore(Engine::kSqlite);
  ASSERT_TRUE(sqlite.store);
  Populate(*sqlite.store, *sqlite.clock);
  ASSERT_FALSE(HasFatalFailure());
  const double infinity = std::numeric_limits<double>::infinity();
  Exec(sqlite.database(),
       "INSERT INTO calibrated_results (cycle_id, person_id, performed, se) VALUES (?, ?, ?, ?)",
       {"2026-H1", "B1", infinity, infinity});
  Exec(sqlite.database(),
       "INSERT INTO rater_leniencies (cycle_id, rater_id, leniency, se) VALUES (?, ?, ?, ?)",
       {"2026-H1", "B1", -infinity, 0.0});
  Result<std::string> text = DumpDatabaseText(sqlite.database());
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_NE(text->find(R"("person_id":"B1","performed":"Infinity","se":"Infinity"})"),
            std::string::npos);
  EXPECT_NE(text->find(R"("leniency":"-Infinity","se":0.0})"), std::string::npos);

  TestStore postgres = NewStore(Engine::kPostgres);
  ASSERT_TRUE(postgres.store);
  const Status restored = RestoreDatabase(postgres.database(), *Parse(*text));
  ASSERT_TRUE(restored.ok()) << restored.message();
  Result<std::string> again = DumpDatabaseText(postgres.database());
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(*text, *again);
  Result<Rows> rows = postgres.database().Query(
      "SELECT performed FROM calibrated_results WHERE person_id = ?", {"B1"});
  ASSERT_TRUE(rows.ok() && rows->size() == 1);
  EXPECT_EQ(rows->front().Real(0), infinity);
}

TEST(DumpTest, RefusesTextThatIsNotUtf8NamingTheRow) {
  TestStore sqlite = NewStore(Engine::kSqlite);
  ASSERT_TRUE(sqlite.store);
  Populate(*sqlite.store, *sqlite.clock);
  ASSERT_FALSE(HasFatalFailure());
  Exec(sqlite.database(), "UPDATE people SET name = ? WHERE id = ?", {"Zo\xEB (Latin-1)", "B1"});
  Result<nlohmann::ordered_json> dump = DumpDatabase(sqlite.database());
  ASSERT_FALSE(dump.ok());
  EXPECT_NE(dump.status().message().find(
                "cannot dump people.name of the row with id = B1: the text is not valid UTF-8"),
            std::string::npos)
      << dump.status().message();
}

TEST(DumpTest, RefusesADatabaseWithoutTheSchema) {
  Result<std::unique_ptr<Database>> database = SqliteDatabase::Open(":memory:");
  ASSERT_TRUE(database.ok());
  Result<nlohmann::ordered_json> dump = DumpDatabase(**database);
  ASSERT_FALSE(dump.ok());
  EXPECT_NE(dump.status().message().find("holds no Yardstick schema"), std::string::npos)
      << dump.status().message();
}

TEST(DumpTest, EmptyDatabaseDumpsEveryTableEmpty) {
  const std::string empty = EmptyDump(Engine::kSqlite);
  std::string expected = Header() + R"(,"tables":{)" + "\n";
  for (size_t i = 0; i < DumpedTables().size(); ++i) {
    expected += fmt::format("\"{}\":[]{}\n", DumpedTables()[i].name,
                            i + 1 == DumpedTables().size() ? "" : ",");
  }
  expected += "}}\n";
  EXPECT_EQ(empty, expected);
}

}  // namespace
}  // namespace yardstick::store
