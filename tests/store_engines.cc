#include "store_engines.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "pg_cluster.h"

namespace yardstick::testing {

std::string EngineLabel(Engine engine) { return engine == Engine::kSqlite ? "Sqlite" : "Postgres"; }

void PrintTo(Engine engine, std::ostream* out) { *out << EngineLabel(engine); }

std::string EngineName(const ::testing::TestParamInfo<Engine>& info) {
  return EngineLabel(info.param);
}

Result<std::unique_ptr<ScratchDatabase>> ScratchDatabase::Create(Engine engine) {
  if (engine == Engine::kPostgres) {
    Result<PgCluster*> cluster = PgCluster::Shared();
    if (!cluster.ok()) return cluster.status();
    Result<std::string> url = (*cluster)->CreateDatabase();
    if (!url.ok()) return url.status();
    return std::unique_ptr<ScratchDatabase>(new ScratchDatabase(engine, *url, ""));
  }
  std::string directory = ScratchRoot() + "/yardstick-sqlite-XXXXXX";
  if (mkdtemp(directory.data()) == nullptr) {
    return Status::IoError(fmt::format("cannot create a directory for a test database: {}: {}",
                                       directory, std::strerror(errno)));
  }
  const std::string path = directory + "/test.db";
  return std::unique_ptr<ScratchDatabase>(new ScratchDatabase(engine, path, directory));
}

ScratchDatabase::~ScratchDatabase() {
  if (engine_ == Engine::kPostgres) {
    // Only ever created on the shared cluster, which is running if this database exists.
    if (Result<PgCluster*> cluster = PgCluster::Shared(); cluster.ok()) {
      (*cluster)->ReleaseDatabase(url_);
    }
    return;
  }
  std::error_code error;
  std::filesystem::remove_all(directory_, error);
}

Result<std::unique_ptr<store::Database>> ScratchDatabase::Open() const {
  return store::OpenDatabase(url_);
}

void EngineTest::SetUp() {
  Result<std::unique_ptr<ScratchDatabase>> scratch = ScratchDatabase::Create(GetParam());
  ASSERT_TRUE(scratch.ok()) << "cannot make a " << EngineLabel(GetParam())
                            << " test database: " << scratch.status().message();
  scratch_ = std::move(scratch).value();
}

}  // namespace yardstick::testing
