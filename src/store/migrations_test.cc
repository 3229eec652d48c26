#include "store/migrations.h"

#include <gtest/gtest.h>

#include "store/store.h"
#include "store_engines.h"

namespace yardstick::store {
namespace {

class MigrationTest : public testing::EngineTest {
 protected:
  /// Opens this test's database and applies the migrations up to |version| only, as an older
  /// Yardstick would have left it.
  std::unique_ptr<Database> DatabaseAtVersion(int version) {
    Result<std::unique_ptr<Database>> opened = OpenDatabase(url());
    EXPECT_TRUE(opened.ok()) << opened.status().message();
    if (!opened.ok()) return nullptr;
    Database& database = **opened;
    EXPECT_TRUE(database
                    .ExecuteScript("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                   "description TEXT NOT NULL, applied_at TEXT NOT NULL)")
                    .ok());
    for (const Migration& migration : Migrations()) {
      if (migration.version > version) break;
      const Status applied = InTransaction(database, [&] {
        if (Status s = database.ExecuteScript(RenderForDialect(migration.sql, database.dialect()));
            !s.ok()) {
          return s;
        }
        return database.Run("INSERT INTO schema_migrations VALUES (?, ?, 'then')",
                            {std::int64_t{migration.version}, migration.description});
      });
      EXPECT_TRUE(applied.ok()) << migration.version << ": " << applied.message();
    }
    return std::move(*opened);
  }

  /// Inserts one decision of |cycle| for person "p".
  static Status InsertDecision(Database& database, const std::string& cycle) {
    return database.Run(
        "INSERT INTO decisions (cycle_id, person_id, proposal, from_grade, to_grade, reason, "
        "status, decided_at) VALUES (?, 'p', 'promote', 'G', 'H', 'above for 3 cycles', "
        "'proposed', 'then')",
        {cycle});
  }
};

// Version 5 rebuilds the decisions table: what a version 4 database holds comes through, and
// the rules (checks, the closed-cycle freeze) hold as before.
TEST_P(MigrationTest, Version5KeepsEveryDecisionAndEveryRule) {
  std::unique_ptr<Database> database = DatabaseAtVersion(4);
  ASSERT_NE(database, nullptr);
  ASSERT_TRUE(database
                  ->ExecuteScript(
                      "INSERT INTO frameworks VALUES ('h', 'eng', 'Engineering', '', 'then', 't');"
                      "INSERT INTO framework_heads VALUES ('eng', 'h');"
                      "INSERT INTO comparison_groups VALUES ('engineering', 'Engineering', 'eng');"
                      "INSERT INTO people (id, name, email, group_id, track, grade, hire_date, "
                      "hired_at_grade, status) VALUES ('p', 'P', 'p@example.org', 'engineering', "
                      "'ic', 'G', '2024-01-01', 'G', 'active');"
                      "INSERT INTO cycles VALUES ('old', 'Old', 'h', '2025-01-01', '2025-06-30', "
                      "'decided', 'then');"
                      "INSERT INTO cycles VALUES ('new', 'New', 'h', '2025-07-01', '2025-12-31', "
                      "'calibrating', 'then');")
                  .ok());
  ASSERT_TRUE(InsertDecision(*database, "old").ok());
  ASSERT_TRUE(database->Run("UPDATE cycles SET state = 'closed' WHERE id = 'old'").ok());
  database.reset();

  Result<std::unique_ptr<Store>> store = Store::Open(url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_EQ((*store)->schema_version(), LatestSchemaVersion());
  Result<std::vector<model::Decision>> kept = (*store)->Decisions("old");
  ASSERT_TRUE(kept.ok()) << kept.status().message();
  ASSERT_EQ(kept->size(), 1u);
  EXPECT_EQ((*kept)[0].person_id, "p");
  EXPECT_EQ((*kept)[0].proposal, model::Proposal::kPromote);
  EXPECT_EQ((*kept)[0].reason, "above for 3 cycles");

  Database& migrated = (*store)->database();
  const Status into_closed = InsertDecision(migrated, "old");
  EXPECT_FALSE(into_closed.ok());
  const Status closed_row_changed =
      migrated.Run("UPDATE decisions SET reason = 'x' WHERE cycle_id = 'old'");
  EXPECT_NE(closed_row_changed.message().find("the cycle is closed"), std::string::npos)
      << closed_row_changed.message();
  EXPECT_NE(migrated.Run("DELETE FROM decisions WHERE cycle_id = 'old'")
                .message()
                .find("the cycle is closed"),
            std::string::npos);
  ASSERT_TRUE(InsertDecision(migrated, "new").ok());
  EXPECT_FALSE(
      migrated.Run("UPDATE decisions SET proposal = 'potential' WHERE cycle_id = 'new'").ok());
  EXPECT_FALSE(migrated.Run("UPDATE decisions SET status = 'rejected' WHERE cycle_id = 'new'")
                   .ok());  // a rejection needs its note
  EXPECT_TRUE(migrated
                  .Run("UPDATE decisions SET status = 'rejected', review_note = 'not yet' "
                       "WHERE cycle_id = 'new'")
                  .ok());
}

// Every table frozen when its cycle closes refuses a new row of a closed cycle, whichever
// version created it (version 5 moved SQLite's insert triggers after the row).
TEST_P(MigrationTest, NoTableTakesARowOfAClosedCycle) {
  Result<std::unique_ptr<Store>> store = Store::Open(url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  Database& database = (*store)->database();
  ASSERT_TRUE(database
                  .ExecuteScript(
                      "INSERT INTO frameworks VALUES ('h', 'eng', 'Engineering', '', 'then', 't');"
                      "INSERT INTO framework_heads VALUES ('eng', 'h');"
                      "INSERT INTO comparison_groups VALUES ('engineering', 'Engineering', 'eng');"
                      "INSERT INTO people (id, name, email, group_id, track, grade, hire_date, "
                      "hired_at_grade, status) VALUES ('p', 'P', 'p@example.org', 'engineering', "
                      "'ic', 'G', '2024-01-01', 'G', 'active'), ('r', 'R', 'r@example.org', "
                      "'engineering', 'ic', 'J', '2024-01-01', 'J', 'active');"
                      "INSERT INTO cycles VALUES ('old', 'Old', 'h', '2025-01-01', '2025-06-30', "
                      "'closed', 'then');")
                  .ok());
  const std::vector<std::string> inserts = {
      "INSERT INTO ratings (cycle_id, person_id, rater_id, grade, benchmark, rated_at) "
      "VALUES ('old', 'p', 'r', 'G', 0, 'then')",
      "INSERT INTO benchmark_assignments VALUES ('old', 'p', 'r', 'x', 'then')",
      "INSERT INTO feedback (cycle_id, person_id, giver_id, kind, requested_by, requested_at) "
      "VALUES ('old', 'p', 'r', 'peer', 'x', 'then')",
      "INSERT INTO rubric_sheets (cycle_id, person_id, rater_id, scores, scored_at) "
      "VALUES ('old', 'p', 'r', '', 'then')",
  };
  for (const std::string& insert : inserts) {
    const Status refused = database.Run(insert);
    EXPECT_NE(refused.message().find("the cycle is closed"), std::string::npos)
        << insert << ": " << refused.message();
  }
  EXPECT_NE(InsertDecision(database, "old").message().find("the cycle is closed"),
            std::string::npos);
}

// Version 6 adds signing in to a version 5 database: accounts for its people, sessions and API
// tokens for accounts only, and the checks on flags.
TEST_P(MigrationTest, Version6AddsAccountsToAnExistingOrganisation) {
  std::unique_ptr<Database> database = DatabaseAtVersion(5);
  ASSERT_NE(database, nullptr);
  ASSERT_TRUE(database
                  ->ExecuteScript(
                      "INSERT INTO frameworks VALUES ('h', 'eng', 'Engineering', '', 'then', 't');"
                      "INSERT INTO framework_heads VALUES ('eng', 'h');"
                      "INSERT INTO comparison_groups VALUES ('engineering', 'Engineering', 'eng');"
                      "INSERT INTO people (id, name, email, group_id, track, grade, hire_date, "
                      "hired_at_grade, status) VALUES ('p', 'P', 'P.Person@example.org', "
                      "'engineering', 'ic', 'G', '2024-01-01', 'G', 'active');")
                  .ok());
  database.reset();

  Result<std::unique_ptr<Store>> store = Store::Open(url());
  ASSERT_TRUE(store.ok()) << store.status().message();
  EXPECT_GE((*store)->schema_version(), 6);
  Database& migrated = (*store)->database();
  const char* account =
      "INSERT INTO accounts (person_id, password_hash, created_at, created_by, "
      "password_changed_at, disabled) VALUES (?, 'h', 'then', 't', 'then', ?)";
  EXPECT_FALSE(migrated.Run(account, {std::string("nobody"), std::int64_t{0}}).ok());
  EXPECT_FALSE(migrated.Run(account, {std::string("p"), std::int64_t{2}}).ok());
  ASSERT_TRUE(migrated.Run(account, {std::string("p"), std::int64_t{0}}).ok());
  const char* session =
      "INSERT INTO sessions (token_hash, person_id, csrf_token, created_at, expires_at, "
      "last_seen_at) VALUES (?, ?, 'c', 'then', 'later', 'then')";
  EXPECT_TRUE(migrated.Run(session, {std::string("t1"), std::string("p")}).ok());
  EXPECT_FALSE(migrated.Run(session, {std::string("t2"), std::string("nobody")}).ok());
  EXPECT_FALSE(migrated
                   .Run("INSERT INTO login_attempts (login, address, at, succeeded) "
                        "VALUES ('p', 'a', 'then', 2)")
                   .ok());
  Result<std::vector<Account>> found = (*store)->AccountsByLogin("x", "p.person@example.org");
  ASSERT_TRUE(found.ok()) << found.status().message();
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].person_id, "p");
}

INSTANTIATE_TEST_SUITE_P(Engines, MigrationTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::store
