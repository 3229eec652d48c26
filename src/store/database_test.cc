// The driver contract, run against both engines: every test here must pass on SQLite and on
// PostgreSQL alike, so the store above can be written once.
#include "store/database.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "store_engines.h"

namespace yardstick::store {
namespace {

using ::yardstick::testing::AllEngines;
using ::yardstick::testing::EngineName;
using ::yardstick::testing::EngineTest;

constexpr std::int64_t kMinInt = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

/// Texts that break naive quoting, escaping or encoding.
const std::vector<std::string>& AwkwardTexts() {
  static const std::vector<std::string> texts = {
      "",
      "plain",
      " leading and trailing ",
      "tab\there",
      "line\nbreak",
      "carriage\r\nreturn",
      "back\\slash",
      "\\N",
      "\\.",
      "it's \"quoted\"",
      "'; DROP TABLE items; --",
      "? and $1",
      "naïve café — Łódź, 東京",
      "emoji 🎉 👩‍💻",
  };
  return texts;
}

const std::vector<double>& AwkwardReals() {
  static const std::vector<double> reals = {0.0,
                                            0.1,
                                            -2.5,
                                            1e-300,
                                            1.7976931348623157e308,
                                            2.2250738585072014e-308,
                                            1.0 / 3.0,
                                            123456789.123456789,
                                            -1e15};
  return reals;
}

class DatabaseTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    db_ = Connect();
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(db_->ExecuteScript(
                       "CREATE TABLE items (id INTEGER PRIMARY KEY, i BIGINT, r DOUBLE PRECISION, "
                       "s TEXT);"
                       "CREATE TABLE parents (id TEXT PRIMARY KEY);"
                       "CREATE TABLE children (id TEXT PRIMARY KEY CHECK (id <> ''), "
                       "  name TEXT NOT NULL UNIQUE, "
                       "  parent_id TEXT REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);")
                    .ok());
  }

  /// A new connection to this test's database, or nullptr after recording why.
  std::unique_ptr<Database> Connect() {
    Result<std::unique_ptr<Database>> opened = scratch().Open();
    if (!opened.ok()) {
      ADD_FAILURE() << opened.status().message();
      return nullptr;
    }
    return std::move(opened).value();
  }

  std::int64_t Count(std::string_view table) {
    Result<Rows> rows = db_->Query(std::string("SELECT COUNT(*) FROM ") + std::string(table), {});
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() ? rows->front().Int(0) : -1;
  }

  std::unique_ptr<Database> db_;
};

/// Every awkward value, one per row (id 1, 2, …), each column NULL in some row.
std::vector<Params> AwkwardRows() {
  std::vector<Params> rows;
  rows.push_back({std::int64_t{1}, nullptr, nullptr, nullptr});
  rows.push_back({std::int64_t{2}, kMinInt, 0.0, std::string("min")});
  rows.push_back({std::int64_t{3}, kMaxInt, 0.0, std::string("max")});
  rows.push_back({std::int64_t{4}, std::int64_t{0}, 0.0, std::string("zero")});
  for (double real : AwkwardReals()) {
    rows.push_back({static_cast<std::int64_t>(rows.size() + 1), std::int64_t{-1}, real, nullptr});
  }
  for (const std::string& text : AwkwardTexts()) {
    rows.push_back({static_cast<std::int64_t>(rows.size() + 1), nullptr, nullptr, text});
  }
  return rows;
}

void ExpectAwkwardRowsStored(Database& db) {
  Result<Rows> stored = db.Query("SELECT id, i, r, s FROM items ORDER BY id", {});
  ASSERT_TRUE(stored.ok()) << stored.status().message();
  const std::vector<Params> expected = AwkwardRows();
  ASSERT_EQ(stored->size(), expected.size());
  for (size_t row = 0; row < expected.size(); ++row) {
    for (size_t column = 0; column < expected[row].size(); ++column) {
      EXPECT_EQ(stored->at(row).at(column), expected[row][column])
          << "row " << row + 1 << ", column " << column;
    }
  }
}

TEST_P(DatabaseTest, ValuesRoundTripThroughBoundParameters) {
  for (const Params& row : AwkwardRows()) {
    ASSERT_TRUE(db_->Run("INSERT INTO items (id, i, r, s) VALUES (?, ?, ?, ?)", row).ok());
  }
  ExpectAwkwardRowsStored(*db_);
}

TEST_P(DatabaseTest, ValuesRoundTripThroughInsertRows) {
  ASSERT_TRUE(db_->InsertRows("items", {"id", "i", "r", "s"}, AwkwardRows()).ok());
  ExpectAwkwardRowsStored(*db_);
}

TEST_P(DatabaseTest, SelectedParametersKeepTheirType) {
  Result<Rows> rows = db_->Query("SELECT ?, ?, ?, ?", {kMaxInt, 0.1, std::string("text"), nullptr});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().at(0), Value(kMaxInt));
  EXPECT_EQ(rows->front().at(1), Value(0.1));
  EXPECT_EQ(rows->front().at(2), Value(std::string("text")));
  EXPECT_TRUE(rows->front().IsNull(3));
}

TEST_P(DatabaseTest, QuestionMarksInsideQuotesAreNotPlaceholders) {
  Result<Rows> rows =
      db_->Query("SELECT 'what?', 'it''s ?', ? AS \"odd?name\"", {std::string("bound")});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().Text(0), "what?");
  EXPECT_EQ(rows->front().Text(1), "it's ?");
  EXPECT_EQ(rows->front().Text(2), "bound");
}

TEST_P(DatabaseTest, FiltersAndCountsWithParameters) {
  ASSERT_TRUE(db_->InsertRows("items", {"id", "i", "r", "s"}, AwkwardRows()).ok());
  Result<Rows> rows = db_->Query("SELECT COUNT(*), MIN(id) FROM items WHERE i = ? AND r > ?",
                                 {std::int64_t{-1}, 0.05});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().at(0), Value(std::int64_t{4}));  // 0.1, 1e308, 1/3, 123456789.12…
  EXPECT_EQ(rows->front().at(1), Value(std::int64_t{6}));
  Result<Rows> text = db_->Query("SELECT id FROM items WHERE s = ?", {std::string("tab\there")});
  ASSERT_TRUE(text.ok()) << text.status().message();
  ASSERT_EQ(text->size(), 1u);
}

TEST_P(DatabaseTest, WrongNumberOfParametersIsABug) {
  EXPECT_EQ(db_->Query("SELECT ?, ?", {std::int64_t{1}}).status().code(), Status::Code::kInternal);
  EXPECT_EQ(db_->InsertRows("items", {"id", "s"}, {{std::int64_t{1}}}).code(),
            Status::Code::kInternal);
  EXPECT_EQ(Count("items"), 0);
}

TEST_P(DatabaseTest, ConstraintViolationsAreFailedPreconditions) {
  ASSERT_TRUE(db_->Run("INSERT INTO children (id, name) VALUES ('a', 'Ann')").ok());
  const Status duplicate = db_->Run("INSERT INTO children (id, name) VALUES (?, ?)",
                                    {std::string("a"), std::string("Another")});
  EXPECT_EQ(duplicate.code(), Status::Code::kFailedPrecondition) << duplicate.message();
  EXPECT_EQ(db_->Run("INSERT INTO children (id, name) VALUES ('b', NULL)").code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(db_->Run("INSERT INTO children (id, name) VALUES ('', 'Empty')").code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(db_->Run("INSERT INTO children (id, name) VALUES ('c', 'Ann')").code(),
            Status::Code::kFailedPrecondition);
  // InsertRows runs inside the caller's transaction (on its own, SQLite keeps the rows before a
  // failing one).
  ASSERT_TRUE(db_->Begin().ok());
  const Status in_bulk = db_->InsertRows(
      "children", {"id", "name"},
      {{std::string("d"), std::string("Dee")}, {std::string("a"), std::string("Again")}});
  EXPECT_EQ(in_bulk.code(), Status::Code::kFailedPrecondition) << in_bulk.message();
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count("children"), 1);
  // The connection is still usable.
  EXPECT_TRUE(db_->Run("INSERT INTO children (id, name) VALUES ('e', 'Eve')").ok());
}

TEST_P(DatabaseTest, SyntaxErrorsAreIoErrorsThatQuoteTheEngine) {
  const Status status = db_->Run("SELEKT 1");
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_NE(status.message().find("SELEKT"), std::string::npos) << status.message();
}

TEST_P(DatabaseTest, RollbackLeavesNothing) {
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Run("INSERT INTO items (id, s) VALUES (1, 'one')").ok());
  ASSERT_TRUE(db_->InsertRows("items", {"id", "s"}, {{std::int64_t{2}, std::string("two")}}).ok());
  EXPECT_EQ(Count("items"), 2);
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count("items"), 0);
}

TEST_P(DatabaseTest, InTransactionRollsBackWhenTheBodyFails) {
  const Status status = InTransaction(*db_, [&] {
    if (Status s = db_->Run("INSERT INTO children (id, name) VALUES ('a', 'Ann')"); !s.ok()) {
      return s;
    }
    return db_->Run("INSERT INTO children (id, name) VALUES ('a', 'Ann again')");
  });
  EXPECT_EQ(status.code(), Status::Code::kFailedPrecondition);
  EXPECT_EQ(Count("children"), 0);
  EXPECT_TRUE(db_->Begin().ok()) << "no transaction is left open";
  EXPECT_TRUE(db_->Rollback().ok());
}

TEST_P(DatabaseTest, CommittedRowsAreSeenByAnotherConnection) {
  std::unique_ptr<Database> other = Connect();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Run("INSERT INTO items (id, s) VALUES (1, 'one')").ok());
  Result<Rows> before = other->Query("SELECT COUNT(*) FROM items", {});
  ASSERT_TRUE(before.ok()) << before.status().message();
  EXPECT_EQ(before->front().Int(0), 0);
  ASSERT_TRUE(db_->Commit().ok());
  Result<Rows> after = other->Query("SELECT COUNT(*) FROM items", {});
  ASSERT_TRUE(after.ok()) << after.status().message();
  EXPECT_EQ(after->front().Int(0), 1);
}

TEST_P(DatabaseTest, AReadSnapshotSeesOneStateUntilItEndsAndAWriteEndsItFirst) {
  std::unique_ptr<Database> other = Connect();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(db_->BeginReadSnapshot().ok());
  EXPECT_EQ(Count("items"), 0);
  ASSERT_TRUE(other->Run("INSERT INTO items (id, s) VALUES (1, 'one')").ok());
  // SQLite keeps the state of the snapshot's first read; PostgreSQL has no snapshot here and
  // sees each commit at once.
  EXPECT_EQ(Count("items"), engine() == testing::Engine::kSqlite ? 0 : 1);
  db_->EndReadSnapshot();
  EXPECT_EQ(Count("items"), 1);
  // A write inside a snapshot ends it and starts from the newest state.
  ASSERT_TRUE(db_->BeginReadSnapshot().ok());
  EXPECT_EQ(Count("items"), 1);
  ASSERT_TRUE(other->Run("INSERT INTO items (id, s) VALUES (2, 'two')").ok());
  ASSERT_TRUE(db_->Run("INSERT INTO items (id, s) VALUES (3, 'three')").ok());
  EXPECT_EQ(Count("items"), 3);
  db_->EndReadSnapshot();
}

TEST_P(DatabaseTest, TheDataVersionChangesWithEveryCommitWhoeverMakesIt) {
  if (engine() != testing::Engine::kSqlite) {
    // PostgreSQL has no such number: callers check the data itself.
    ASSERT_TRUE(db_->BeginReadSnapshot().ok());
    EXPECT_EQ(Count("items"), 0);
    EXPECT_EQ(db_->DataVersion(), std::nullopt);
    db_->EndReadSnapshot();
    return;
  }
  std::unique_ptr<Database> other = Connect();
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(db_->DataVersion(), std::nullopt);  // no read transaction open
  const auto version_in_a_snapshot = [&]() {
    EXPECT_TRUE(db_->BeginReadSnapshot().ok());
    Count("items");  // the snapshot's first read opens the read transaction
    const std::optional<uint64_t> version = db_->DataVersion();
    db_->EndReadSnapshot();
    return version;
  };
  const std::optional<uint64_t> first = version_in_a_snapshot();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(version_in_a_snapshot(), first);  // nothing changed
  ASSERT_TRUE(other->Run("INSERT INTO items (id, s) VALUES (1, 'one')").ok());
  const std::optional<uint64_t> after_other = version_in_a_snapshot();
  EXPECT_NE(after_other, first);
  ASSERT_TRUE(db_->Run("INSERT INTO items (id, s) VALUES (2, 'two')").ok());
  EXPECT_NE(version_in_a_snapshot(), after_other);
  // Inside a write transaction there is none: the number changes only at the commit.
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Run("INSERT INTO items (id, s) VALUES (3, 'three')").ok());
  EXPECT_EQ(db_->DataVersion(), std::nullopt);
  ASSERT_TRUE(db_->Rollback().ok());
}

TEST_P(DatabaseTest, DeferredForeignKeysAreCheckedAtCommit) {
  const Status status = InTransaction(*db_, [&] {
    return db_->Run("INSERT INTO children (id, name, parent_id) VALUES ('a', 'Ann', 'nobody')");
  });
  // SQLite reports this from COMMIT through ExecuteScript, as an IoError; PostgreSQL as a
  // constraint violation. Either way nothing is written and no transaction is left open.
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(Count("children"), 0);
  EXPECT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Run("INSERT INTO parents (id) VALUES ('p')").ok());
  ASSERT_TRUE(db_->Run("INSERT INTO children (id, name, parent_id) VALUES ('a', 'Ann', 'p')").ok());
  EXPECT_TRUE(db_->Commit().ok());
}

TEST_P(DatabaseTest, TransactionsDoNotNest) {
  EXPECT_FALSE(db_->Commit().ok());
  EXPECT_FALSE(db_->Rollback().ok());
  ASSERT_TRUE(db_->Begin().ok());
  EXPECT_FALSE(db_->Begin().ok());
  EXPECT_TRUE(db_->Commit().ok());
}

TEST_P(DatabaseTest, InsertRowsLoadsManyRows) {
  constexpr int kRows = 50000;  // several COPY chunks on PostgreSQL
  std::vector<Params> rows;
  rows.reserve(kRows);
  for (int id = 1; id <= kRows; ++id) {
    rows.push_back({std::int64_t{id}, std::int64_t{id} * 3, id / 7.0,
                    "person " + std::to_string(id) + "\twith a tab and some padding text"});
  }
  const Status inserted = InTransaction(*db_, [&] {
    return db_->InsertRows("items", {"id", "i", "r", "s"}, rows);
  });
  ASSERT_TRUE(inserted.ok()) << inserted.message();
  Result<Rows> sums = db_->Query("SELECT COUNT(*), SUM(i), MAX(s) FROM items", {});
  ASSERT_TRUE(sums.ok()) << sums.status().message();
  EXPECT_EQ(sums->front().Int(0), kRows);
  EXPECT_EQ(sums->front().Int(1), std::int64_t{3} * kRows * (kRows + 1) / 2);
  EXPECT_EQ(sums->front().Text(2), "person 9999\twith a tab and some padding text");
}

TEST_P(DatabaseTest, StartInsertWritesBatchAfterBatchAsOneInsert) {
  ASSERT_TRUE(db_->Begin().ok());
  {
    Result<std::unique_ptr<RowInserter>> inserter = db_->StartInsert("items", {"id", "s"});
    ASSERT_TRUE(inserter.ok()) << inserter.status().message();
    for (int batch = 0; batch < 3; ++batch) {
      std::vector<Params> rows;
      for (int i = 1; i <= 20000; ++i) {  // several COPY chunks per batch on PostgreSQL
        rows.push_back({std::int64_t{batch * 20000 + i}, "row\t" + std::to_string(i)});
      }
      ASSERT_TRUE((*inserter)->Write(rows).ok());
    }
    ASSERT_TRUE((*inserter)->Write({}).ok());
    const Status finished = (*inserter)->Finish();
    ASSERT_TRUE(finished.ok()) << finished.message();
  }
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Count("items"), 60000);
  Result<Rows> last = db_->Query("SELECT s FROM items WHERE id = ?", {std::int64_t{60000}});
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->front().Text(0), "row\t20000");
}

TEST_P(DatabaseTest, AnInsertThatFailsOrIsLeftUnfinishedLeavesTheConnectionUsable) {
  ASSERT_TRUE(db_->Run("INSERT INTO children (id, name) VALUES ('c', 'Cy')").ok());
  ASSERT_TRUE(db_->Begin().ok());
  {
    Result<std::unique_ptr<RowInserter>> inserter = db_->StartInsert("children", {"id", "name"});
    ASSERT_TRUE(inserter.ok()) << inserter.status().message();
    std::vector<Params> rows;
    for (int i = 0; i < 30000; ++i)
      rows.push_back({"k" + std::to_string(i), "K" + std::to_string(i)});
    ASSERT_TRUE((*inserter)->Write(rows).ok());
    // A second Cy breaks the UNIQUE name: refused at once (SQLite) or when the COPY ends.
    Status failed = (*inserter)->Write({{std::string("d"), std::string("Cy")}});
    if (failed.ok()) failed = (*inserter)->Finish();
    EXPECT_EQ(failed.code(), Status::Code::kFailedPrecondition) << failed.message();
  }
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count("children"), 1);
  ASSERT_TRUE(db_->Begin().ok());
  {
    Result<std::unique_ptr<RowInserter>> inserter = db_->StartInsert("children", {"id", "name"});
    ASSERT_TRUE(inserter.ok()) << inserter.status().message();
    ASSERT_TRUE((*inserter)->Write({{std::string("e"), std::string("Eve")}}).ok());
  }  // dropped unfinished
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count("children"), 1);
  EXPECT_TRUE(db_->Run("INSERT INTO children (id, name) VALUES ('f', 'Fay')").ok());
  EXPECT_EQ(Count("children"), 2);
}

TEST_P(DatabaseTest, ABulkLoadTransactionCommitsOrRollsBackLikeAnyOther) {
  const auto journal_mode = [&]() -> std::string {
    if (engine() != testing::Engine::kSqlite) return "wal";
    Result<Rows> rows = db_->Query("PRAGMA journal_mode", {});
    return rows.ok() && !rows->empty() ? rows->front().Text(0) : "?";
  };
  ASSERT_TRUE(db_->BeginBulkLoad().ok());
  ASSERT_TRUE(db_->InsertRows("items", {"id"}, {{std::int64_t{1}}, {std::int64_t{2}}}).ok());
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_EQ(Count("items"), 0);
  EXPECT_EQ(journal_mode(), "wal");  // SQLite went back to the WAL after its rollback journal
  const auto sort_memory = [&]() -> std::string {
    if (engine() != testing::Engine::kPostgres) return "";
    Result<Rows> rows = db_->Query("SELECT current_setting('maintenance_work_mem')", {});
    return rows.ok() && !rows->empty() ? rows->front().Text(0) : "?";
  };
  const std::string sort_memory_before = sort_memory();
  ASSERT_TRUE(db_->BeginBulkLoad().ok());
  if (engine() == testing::Engine::kSqlite) {
    Result<Rows> during = db_->Query("PRAGMA journal_mode", {});
    ASSERT_TRUE(during.ok());
    EXPECT_EQ(during->front().Text(0), "delete");
  } else {
    EXPECT_EQ(sort_memory(), "256MB");  // for this transaction only (the test cluster has less)
  }
  EXPECT_FALSE(db_->BeginBulkLoad().ok());  // no nesting
  ASSERT_TRUE(db_->InsertRows("items", {"id"}, {{std::int64_t{1}}, {std::int64_t{2}}}).ok());
  ASSERT_TRUE(db_->Commit().ok());
  EXPECT_EQ(Count("items"), 2);
  EXPECT_EQ(journal_mode(), "wal");
  EXPECT_EQ(sort_memory(), sort_memory_before);
}

TEST_P(DatabaseTest, ABulkLoadWorksWhileAnotherConnectionHasTheDatabaseOpen) {
  std::unique_ptr<Database> reader = Connect();
  ASSERT_NE(reader, nullptr);
  ASSERT_TRUE(db_->Run("INSERT INTO items (id) VALUES (1)").ok());
  Result<Rows> seen = reader->Query("SELECT COUNT(*) FROM items", {});
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->front().Int(0), 1);
  // SQLite cannot leave the WAL while the reader is there, so it loads in the WAL.
  ASSERT_TRUE(db_->BeginBulkLoad().ok());
  ASSERT_TRUE(db_->InsertRows("items", {"id"}, {{std::int64_t{2}}, {std::int64_t{3}}}).ok());
  seen = reader->Query("SELECT COUNT(*) FROM items", {});
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  EXPECT_EQ(seen->front().Int(0), 1);  // the reader reads on, as before the load
  ASSERT_TRUE(db_->Commit().ok());
  seen = reader->Query("SELECT COUNT(*) FROM items", {});
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->front().Int(0), 3);
}

TEST_P(DatabaseTest, InsertingNoRowsDoesNothing) {
  EXPECT_TRUE(db_->InsertRows("items", {"id", "s"}, {}).ok());
  EXPECT_EQ(Count("items"), 0);
}

TEST_P(DatabaseTest, MultiStatementScriptsRunInOrder) {
  ASSERT_TRUE(db_->ExecuteScript("INSERT INTO items (id) VALUES (1); INSERT INTO items (id) VALUES "
                                 "(2); UPDATE items SET s = 'x' WHERE id = 2;")
                  .ok());
  Result<Rows> rows = db_->Query("SELECT s FROM items ORDER BY id", {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_TRUE(rows->at(0).IsNull(0));
  EXPECT_EQ(rows->at(1).Text(0), "x");
}

INSTANTIATE_TEST_SUITE_P(Engines, DatabaseTest, AllEngines(), EngineName);

}  // namespace
}  // namespace yardstick::store
