// Store engines for tests: one parameterized suite runs against SQLite and against PostgreSQL.
//
//   class PeopleStoreTest : public EngineTest {};
//   TEST_P(PeopleStoreTest, KeepsAPerson) {
//     auto store = store::Store::Open(url());
//     ASSERT_TRUE(store.ok()) << store.status().message();
//     …
//   }
//   INSTANTIATE_TEST_SUITE_P(Engines, PeopleStoreTest, AllEngines(), EngineName);
//
// Each test gets a fresh, empty database: a new SQLite file in its own directory under
// ScratchRoot() (memory if it can), or a new database on this process's shared PgCluster (started
// on first use, stopped at exit). Tests are named …/Sqlite and …/Postgres, so
// --gtest_filter='*Postgres*' picks one engine. If PostgreSQL is not installed the Postgres tests
// fail, saying to run scripts/install-deps.sh. Not thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace yardstick::testing {

enum class Engine { kSqlite, kPostgres };

/// "Sqlite" or "Postgres".
std::string EngineLabel(Engine engine);
void PrintTo(Engine engine, std::ostream* out);

/// Both engines, for INSTANTIATE_TEST_SUITE_P.
inline auto AllEngines() { return ::testing::Values(Engine::kSqlite, Engine::kPostgres); }
/// Names parameterized tests after their engine: Suite.Test/Sqlite, Suite.Test/Postgres.
std::string EngineName(const ::testing::TestParamInfo<Engine>& info);

/// A fresh, empty database on one engine, for one test; removed when destroyed.
class ScratchDatabase {
 public:
  static Result<std::unique_ptr<ScratchDatabase>> Create(Engine engine);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  [[nodiscard]] Engine engine() const { return engine_; }
  /// What OpenDatabase and Store::Open take: a file path or a postgresql:// URL.
  [[nodiscard]] const std::string& url() const { return url_; }
  /// A new connection to this database.
  [[nodiscard]] Result<std::unique_ptr<store::Database>> Open() const;

 private:
  ScratchDatabase(Engine engine, std::string url, std::string directory)
      : engine_(engine), url_(std::move(url)), directory_(std::move(directory)) {}

  Engine engine_;
  std::string url_;
  std::string directory_;  ///< SQLite: the directory holding the file (and its -wal, -shm)
};

/// A test fixture parameterized by engine, with a fresh database per test. A subclass that
/// overrides SetUp() calls EngineTest::SetUp() first and returns if it failed:
///   void SetUp() override {
///     EngineTest::SetUp();
///     if (HasFatalFailure()) return;
///     …
///   }
class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override;

  [[nodiscard]] Engine engine() const { return GetParam(); }
  /// This test's database, for OpenDatabase or Store::Open.
  [[nodiscard]] const std::string& url() const { return scratch_->url(); }
  [[nodiscard]] const ScratchDatabase& scratch() const { return *scratch_; }

 private:
  std::unique_ptr<ScratchDatabase> scratch_;
};

}  // namespace yardstick::testing
