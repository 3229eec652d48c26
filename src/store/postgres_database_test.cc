// What is particular to the PostgreSQL driver: placeholder numbering, types only PostgreSQL has,
// connection failures, and PostgreSQL's transaction rules. The contract both engines share is in
// database_test.cc.
#include "store/postgres_database.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "pg_cluster.h"
#include "store_engines.h"

namespace yardstick::store {
namespace {

using ::yardstick::testing::Engine;
using ::yardstick::testing::PgCluster;
using ::yardstick::testing::ScratchDatabase;

TEST(PostgresPlaceholdersTest, NumbersEachQuestionMark) {
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?)"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3)");
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("VALUES (?,?)"), "VALUES ($1,$2)");
}

TEST(PostgresPlaceholdersTest, LeavesStatementsWithoutPlaceholdersAlone) {
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders(""), "");
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT 1"), "SELECT 1");
}

TEST(PostgresPlaceholdersTest, SkipsQuotedText) {
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT '?', \"?\", ?"), "SELECT '?', \"?\", $1");
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT 'it''s ?' || ?, \"a\"\"?\" FROM t"),
            "SELECT 'it''s ?' || $1, \"a\"\"?\" FROM t");
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT '', ?, ''''"), "SELECT '', $1, ''''");
}

TEST(PostgresPlaceholdersTest, SkipsEscapeStringsAndComments) {
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT E'it\\'s ?', ?"),
            "SELECT E'it\\'s ?', $1");
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT ? -- why?\n, ?"),
            "SELECT $1 -- why?\n, $2");
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT /* a? /* b? */ c? */ ?"),
            "SELECT /* a? /* b? */ c? */ $1");
}

TEST(PostgresPlaceholdersTest, KeepsUnterminatedQuotesAsTheyAre) {
  EXPECT_EQ(PostgresDatabase::NumberPlaceholders("SELECT ?, 'open ?"), "SELECT $1, 'open ?");
}

class PostgresDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<ScratchDatabase>> scratch = ScratchDatabase::Create(Engine::kPostgres);
    ASSERT_TRUE(scratch.ok()) << scratch.status().message();
    scratch_ = std::move(scratch).value();
    Result<std::unique_ptr<Database>> opened = scratch_->Open();
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    db_ = std::move(opened).value();
  }

  std::unique_ptr<ScratchDatabase> scratch_;
  std::unique_ptr<Database> db_;
};

TEST_F(PostgresDatabaseTest, MapsColumnTypesToValues) {
  Result<Rows> rows = db_->Query(
      "SELECT 1::smallint, 2::integer, 3::bigint, 0.5::real, 0.25::double precision, "
      "12.50::numeric, true, false, DATE '2024-02-29', 'text'::varchar, NULL::integer",
      {});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  const Row& row = rows->front();
  EXPECT_EQ(row.at(0), Value(std::int64_t{1}));
  EXPECT_EQ(row.at(1), Value(std::int64_t{2}));
  EXPECT_EQ(row.at(2), Value(std::int64_t{3}));
  EXPECT_EQ(row.at(3), Value(0.5));
  EXPECT_EQ(row.at(4), Value(0.25));
  EXPECT_EQ(row.at(5), Value(12.5));
  EXPECT_EQ(row.at(6), Value(std::int64_t{1})) << "booleans read as SQLite stores them";
  EXPECT_EQ(row.at(7), Value(std::int64_t{0}));
  EXPECT_EQ(row.at(8), Value(std::string("2024-02-29")));
  EXPECT_EQ(row.at(9), Value(std::string("text")));
  EXPECT_TRUE(row.IsNull(10));
}

TEST_F(PostgresDatabaseTest, TextParametersTakeTheTypeTheStatementGives) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (n INTEGER, d DATE, flag BOOLEAN)").ok());
  ASSERT_TRUE(db_->Run("INSERT INTO t VALUES (?, ?, ?)",
                       {std::string("42"), std::string("2024-01-31"), std::string("true")})
                  .ok());
  ASSERT_TRUE(db_->Run("INSERT INTO t VALUES (?, ?, ?)", {std::int64_t{7}, nullptr, nullptr}).ok());
  Result<Rows> rows = db_->Query("SELECT n, d, flag FROM t WHERE d > ? OR n = ? ORDER BY n",
                                 {std::string("2024-01-01"), std::int64_t{7}});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->at(0).at(0), Value(std::int64_t{7}));
  EXPECT_EQ(rows->at(1).at(0), Value(std::int64_t{42}));
  EXPECT_EQ(rows->at(1).Text(1), "2024-01-31");
  EXPECT_EQ(rows->at(1).Int(2), 1);
}

TEST_F(PostgresDatabaseTest, SpecialDoublesRoundTrip) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id INTEGER, r DOUBLE PRECISION)").ok());
  const double infinity = std::numeric_limits<double>::infinity();
  ASSERT_TRUE(db_->Run("INSERT INTO t VALUES (1, ?), (2, ?), (3, ?), (4, ?)",
                       {infinity, -infinity, 5e-324, -0.0})
                  .ok());
  ASSERT_TRUE(db_->InsertRows("t", {"id", "r"},
                              {{std::int64_t{5}, std::numeric_limits<double>::quiet_NaN()}})
                  .ok());
  Result<Rows> rows = db_->Query("SELECT r FROM t ORDER BY id", {});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->at(0).Real(0), infinity);
  EXPECT_EQ(rows->at(1).Real(0), -infinity);
  EXPECT_EQ(rows->at(2).Real(0), 5e-324);
  EXPECT_TRUE(std::signbit(rows->at(3).Real(0)));
  EXPECT_TRUE(std::isnan(rows->at(4).Real(0)));
}

TEST_F(PostgresDatabaseTest, RefusesTextWithNulCharacters) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (s TEXT)").ok());
  const std::string with_nul("a\0b", 3);
  EXPECT_EQ(db_->Run("INSERT INTO t VALUES (?)", {with_nul}).code(),
            Status::Code::kInvalidArgument);
  EXPECT_EQ(db_->InsertRows("t", {"s"}, {{std::string("fine")}, {with_nul}}).code(),
            Status::Code::kInvalidArgument);
  Result<Rows> rows = db_->Query("SELECT COUNT(*) FROM t", {});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().Int(0), 0) << "the abandoned COPY wrote nothing";
}

TEST_F(PostgresDatabaseTest, ConstraintMessagesCarryTheServersDetail) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id TEXT PRIMARY KEY)").ok());
  ASSERT_TRUE(db_->Run("INSERT INTO t VALUES ('alice')").ok());
  const Status status = db_->Run("INSERT INTO t VALUES (?)", {std::string("alice")});
  EXPECT_EQ(status.code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(status.message().find("duplicate key value violates unique constraint"),
            std::string::npos)
      << status.message();
  EXPECT_NE(status.message().find("Key (id)=(alice) already exists"), std::string::npos)
      << status.message();
}

TEST_F(PostgresDatabaseTest, CommitAfterAFailedStatementReportsTheRollback) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id INTEGER PRIMARY KEY)").ok());
  ASSERT_TRUE(db_->Begin().ok());
  ASSERT_TRUE(db_->Run("INSERT INTO t VALUES (1)").ok());
  EXPECT_FALSE(db_->Run("INSERT INTO t VALUES (1)").ok());
  // PostgreSQL refuses every statement until the transaction ends, unlike SQLite.
  EXPECT_FALSE(db_->Run("INSERT INTO t VALUES (2)").ok());
  const Status committed = db_->Commit();
  EXPECT_EQ(committed.code(), Status::Code::kFailedPrecondition);
  EXPECT_NE(committed.message().find("rolled back"), std::string::npos) << committed.message();
  Result<Rows> rows = db_->Query("SELECT COUNT(*) FROM t", {});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().Int(0), 0);
}

TEST_F(PostgresDatabaseTest, CopyThroughQueryIsRefusedAndTheConnectionRecovers) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id INTEGER)").ok());
  EXPECT_EQ(db_->Run("COPY t FROM STDIN").code(), Status::Code::kInternal);
  EXPECT_EQ(db_->ExecuteScript("COPY t TO STDOUT").code(), Status::Code::kInternal);
  Result<Rows> rows = db_->Query("SELECT COUNT(*) FROM t", {});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().Int(0), 0);
}

TEST_F(PostgresDatabaseTest, RepeatedStatementsArePreparedOncePerParameterTypes) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id BIGINT PRIMARY KEY, name TEXT)").ok());
  for (std::int64_t id = 1; id <= 5; ++id) {
    ASSERT_TRUE(
        db_->Run("INSERT INTO t (id, name) VALUES (?, ?)", {id, "n" + std::to_string(id)}).ok());
  }
  for (int round = 0; round < 3; ++round) {
    Result<Rows> by_number = db_->Query("SELECT name FROM t WHERE id = ?", {std::int64_t{4}});
    Result<Rows> by_text = db_->Query("SELECT name FROM t WHERE id = ?", {std::string("5")});
    ASSERT_TRUE(by_number.ok() && by_text.ok());
    EXPECT_EQ(by_number->front().Text(0), "n4");
    EXPECT_EQ(by_text->front().Text(0), "n5");
  }
  Result<Rows> prepared = db_->Query("SELECT COUNT(*) FROM pg_prepared_statements", {});
  ASSERT_TRUE(prepared.ok()) << prepared.status().message();
  EXPECT_EQ(prepared->front().Int(0), 3);  // the INSERT and the SELECT with two kinds of id
}

TEST_F(PostgresDatabaseTest, PreparedStatementsFollowSchemaChanges) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id BIGINT); INSERT INTO t VALUES (1)").ok());
  const auto columns = [&] {
    Result<Rows> rows = db_->Query("SELECT * FROM t WHERE id = ?", {std::int64_t{1}});
    EXPECT_TRUE(rows.ok()) << rows.status().message();
    return rows.ok() && !rows->empty() ? rows->front().size() : 0;
  };
  EXPECT_EQ(columns(), 1u);
  EXPECT_EQ(columns(), 1u);  // now prepared
  ASSERT_TRUE(db_->ExecuteScript("ALTER TABLE t ADD COLUMN name TEXT").ok());
  EXPECT_EQ(columns(), 2u);
  EXPECT_EQ(columns(), 2u);
  // Another connection changing the table is noticed too.
  Result<std::unique_ptr<Database>> other = scratch_->Open();
  ASSERT_TRUE(other.ok()) << other.status().message();
  ASSERT_TRUE((*other)->ExecuteScript("ALTER TABLE t ADD COLUMN grade TEXT").ok());
  EXPECT_EQ(columns(), 3u);
  EXPECT_EQ(columns(), 3u);
}

TEST_F(PostgresDatabaseTest, ManyDistinctStatementsStayCorrect) {
  for (int round = 0; round < 2; ++round) {
    for (int n = 0; n < 300; ++n) {
      Result<Rows> rows = db_->Query(fmt::format("SELECT {} + ?", n), {std::int64_t{round}});
      ASSERT_TRUE(rows.ok()) << rows.status().message();
      ASSERT_EQ(rows->front().Int(0), n + round);
    }
  }
  Result<Rows> prepared = db_->Query("SELECT COUNT(*) FROM pg_prepared_statements", {});
  ASSERT_TRUE(prepared.ok()) << prepared.status().message();
  EXPECT_LE(prepared->front().Int(0), 256);
}

TEST_F(PostgresDatabaseTest, PreparedStatementsSurviveAFailedTransaction) {
  ASSERT_TRUE(db_->ExecuteScript("CREATE TABLE t (id BIGINT PRIMARY KEY)").ok());
  for (std::int64_t id = 1; id <= 3; ++id) {
    ASSERT_TRUE(db_->Run("INSERT INTO t VALUES (?)", {id}).ok());
  }
  ASSERT_TRUE(db_->Begin().ok());
  EXPECT_EQ(db_->Run("INSERT INTO t VALUES (?)", {std::int64_t{1}}).code(),
            Status::Code::kFailedPrecondition);
  EXPECT_EQ(db_->Run("INSERT INTO t VALUES (?)", {std::int64_t{4}}).code(),
            Status::Code::kIoError);  // "current transaction is aborted"
  ASSERT_TRUE(db_->Rollback().ok());
  EXPECT_TRUE(db_->Run("INSERT INTO t VALUES (?)", {std::int64_t{4}}).ok());
  Result<Rows> rows = db_->Query("SELECT COUNT(*) FROM t", {});
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  EXPECT_EQ(rows->front().Int(0), 4);
}

TEST_F(PostgresDatabaseTest, DescriptionNeverShowsThePassword) {
  Result<PgCluster*> cluster = PgCluster::Shared();
  ASSERT_TRUE(cluster.ok()) << cluster.status().message();
  // The test cluster trusts every local connection, so a password is accepted and ignored.
  const std::string url = fmt::format(
      "postgresql://yardstick:hunter2@/postgres?host={}&password="
      "swordfish&application_name=yardstick-test",
      (*cluster)->directory());
  Result<std::unique_ptr<Database>> opened = PostgresDatabase::Open(url);
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  const std::string description = (*opened)->description();
  EXPECT_EQ(description.find("hunter2"), std::string::npos) << description;
  EXPECT_EQ(description.find("swordfish"), std::string::npos) << description;
  EXPECT_NE(description.find("application_name=yardstick-test"), std::string::npos) << description;
  EXPECT_EQ((*opened)->dialect(), Dialect::kPostgres);
}

TEST(PostgresConnectionTest, FailureNamesTheSocketAndDatabaseButNotThePassword) {
  const Result<std::unique_ptr<Database>> opened = OpenDatabase(
      "postgresql://yardstick:hunter2@/people?host=/nonexistent/"
      "yardstick-socket&connect_timeout=5");
  ASSERT_FALSE(opened.ok());
  const std::string& message = opened.status().message();
  EXPECT_EQ(opened.status().code(), Status::Code::kIoError);
  EXPECT_NE(message.find("/nonexistent/yardstick-socket"), std::string::npos) << message;
  EXPECT_NE(message.find("\"people\""), std::string::npos) << message;
  EXPECT_NE(message.find("No such file or directory"), std::string::npos) << message;
  EXPECT_EQ(message.find("hunter2"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos) << "one line: " << message;
}

TEST(PostgresConnectionTest, MalformedUrlsDoNotEchoThePassword) {
  const Result<std::unique_ptr<Database>> opened =
      PostgresDatabase::Open("postgresql://yardstick:hunter2@[::1/people");
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.status().code(), Status::Code::kIoError);
  EXPECT_EQ(opened.status().message().find("hunter2"), std::string::npos)
      << opened.status().message();
}

}  // namespace
}  // namespace yardstick::store
