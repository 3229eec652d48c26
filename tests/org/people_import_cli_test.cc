// `yardstick people import` end to end on SQLite: exit codes, diagnostics as FILE:line:field,
// the dry-run diff, and that only a good, non-dry run writes.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "base/file.h"
#include "org/import_fixture.h"
#include "store/store.h"

namespace yardstick::org {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class PeopleImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           fmt::format("yardstick-import-cli-{}-{}", getpid(),
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    db_ = (dir_ / "org.db").string();
    Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Result<std::string> yaml =
        ReadTextFile(std::string(YARDSTICK_SOURCE_DIR) + "/frameworks/engineering.yaml");
    ASSERT_TRUE(yaml.ok());
    ASSERT_TRUE((*store)->PutFramework("engineering", "Engineering", *yaml, "test").ok());
    ASSERT_TRUE((*store)->PutGroup({"engineering", "Engineering", "engineering"}, "test").ok());
  }

  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string WriteCsv(const std::string& name, const std::string& text) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path) << text;
    return path;
  }

  /// Runs `yardstick people import ARGS --db DB`.
  CliRun Import(const std::string& args) {
    const std::string err_path = (dir_ / "stderr.txt").string();
    const std::string command = fmt::format("'{}' people import {} --db '{}' 2>'{}'",
                                            YARDSTICK_BINARY, args, db_, err_path);
    CliRun run;
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
    const int status = pclose(pipe);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = ReadTextFile(err_path).value();
    return run;
  }

  size_t PeopleStored() {
    Result<std::unique_ptr<store::Store>> store = store::Store::Open(db_);
    return store.ok() ? (*store)->AllPeople()->size() : 0;
  }

  std::filesystem::path dir_;
  std::string db_;
};

TEST_F(PeopleImportCliTest, ABadFileIsReportedAndNothingIsWritten) {
  const std::string csv = WriteCsv("bad.csv",
                                   "id,name,email,group,track,grade,hire_date\n"
                                   "E1,Grace Hopper,grace@example.com,engineering,manager,M,"
                                   "2015-03-01\n"
                                   "E2,Alan Turing,alan.example.com,engineering,manager,B,"
                                   "2018-06-01\n");
  const CliRun run = Import(fmt::format("'{}' --effective 2026-11-21", csv));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out, fmt::format("{0}:3:3: error: bad email 'alan.example.com': expected "
                                 "name@domain, e.g. ada@example.com\n"
                                 "{0}:3:6: error: grade 'B' is outside the manager track, which "
                                 "covers grades G-O\n",
                                 csv));
  EXPECT_EQ(run.err, fmt::format("{}: 2 errors; nothing was imported\n", csv));
  EXPECT_EQ(PeopleStored(), 0u);
}

TEST_F(PeopleImportCliTest, ADryRunPrintsTheDiffAndWritesNothing) {
  const std::string csv = WriteCsv("people.csv", testing::kUnchangedCsv);
  const CliRun run = Import(fmt::format("'{}' --dry-run --effective 2026-11-21", csv));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out.substr(0, run.out.find('\n')), "4 to add, 0 to change, 0 leaving, 0 unchanged");
  EXPECT_NE(run.out.find("+ E1 Grace Hopper (engineering, manager, M)\n"), std::string::npos);
  EXPECT_EQ(run.err, "dry run: nothing was written\n");
  EXPECT_EQ(PeopleStored(), 0u);
}

TEST_F(PeopleImportCliTest, ImportsWithMappedColumnsAndThenHasNothingToChange) {
  std::string text = testing::kUnchangedCsv;
  text.replace(0, 2, "Employee ID");
  const std::string csv = WriteCsv("hris.csv", text);
  const std::string args = fmt::format("'{}' --map id='Employee ID' --actor hr-bot", csv);
  const CliRun first = Import(args);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(PeopleStored(), 4u);
  const CliRun second = Import(args);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, "0 to add, 0 to change, 0 leaving, 4 unchanged\n");
  EXPECT_EQ(second.err, "nothing to change\n");
}

TEST_F(PeopleImportCliTest, BadUsageIsExitCodeTwo) {
  const std::string csv = WriteCsv("people.csv", testing::kUnchangedCsv);
  const CliRun map = Import(fmt::format("'{}' --map emal=Mail", csv));
  EXPECT_EQ(map.exit_code, 2);
  EXPECT_EQ(map.err,
            "yardstick: --map 'emal=Mail': unknown field 'emal' (did you mean 'email'?)\n");
  const CliRun date = Import(fmt::format("'{}' --effective 21/11/2026", csv));
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_EQ(date.err, "yardstick: --effective '21/11/2026': expected a date as YYYY-MM-DD\n");
  EXPECT_EQ(PeopleStored(), 0u);
}

}  // namespace
}  // namespace yardstick::org
