// Crash safety: a process killed with SIGKILL in the middle of a large import, or of applying a
// cycle's slate, leaves the database exactly as it was, on SQLite and on PostgreSQL.
//
// The change runs as the real `yardstick people import` (`cycle apply`) process. YARDSTICK_FAULT
// makes it pause after every row is written and before the commit (base/fault_injection.h) — the
// worst moment to die — and the test kills it there. The dump of the database afterwards must
// equal the dump before, byte for byte; and the same command without the fault must change it.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "base/file.h"
#include "ladder/framework_loader.h"
#include "store/dump.h"
#include "store/store.h"
#include "store_engines.h"

namespace yardstick::store {
namespace {

constexpr int kPeople = 50000;

/// A valid HRIS export of |count| engineers: E0 at the top, E1–E100 under E0, the rest under them.
std::string LargeExport(int count) {
  std::string csv = "id,name,email,group,track,grade,hire_date,manager_id\n";
  csv.reserve(static_cast<size_t>(count) * 80);
  for (int i = 0; i < count; ++i) {
    const std::string manager = i == 0 ? "" : i <= 100 ? "E0" : fmt::format("E{}", 1 + i % 100);
    csv += fmt::format("E{0},Person {0},person{0}@example.com,engineering,ic,{1},2022-05-01,{2}\n",
                       i, i <= 100 ? "K" : "G", manager);
  }
  return csv;
}

struct Outcome {
  bool killed_by_signal = false;
  int exit_code = -1;
  std::string stderr_text;
};

/// Runs `yardstick ARGS`; with |fault|, kills it once it pauses there.
Outcome RunYardstick(const std::vector<std::string>& args, const char* fault) {
  int pipe_fds[2];
  EXPECT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  if (child == 0) {
    dup2(pipe_fds[1], STDERR_FILENO);
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDOUT_FILENO);
    close(pipe_fds[0]);
    if (fault != nullptr) setenv("YARDSTICK_FAULT", fault, 1);
    std::vector<char*> argv = {const_cast<char*>(YARDSTICK_BINARY)};
    for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execv(YARDSTICK_BINARY, argv.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  Outcome outcome;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
    if (n <= 0) break;
    outcome.stderr_text.append(buffer, static_cast<size_t>(n));
    if (fault != nullptr &&
        outcome.stderr_text.find(std::string("paused at ") + fault) != std::string::npos) {
      kill(child, SIGKILL);
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  outcome.killed_by_signal = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
  if (WIFEXITED(status)) outcome.exit_code = WEXITSTATUS(status);
  return outcome;
}

/// Runs `yardstick people import CSV --db URL`; with |fault|, kills it once it pauses there.
Outcome RunImport(const std::string& csv_path, const std::string& url, const char* fault) {
  return RunYardstick({"people", "import", csv_path, "--db", url, "--actor", "crash-test"}, fault);
}

/// The database at |url| as a canonical dump ("" after a failed expectation).
std::string DumpOf(const testing::ScratchDatabase& scratch) {
  auto database = scratch.Open();
  EXPECT_TRUE(database.ok());
  if (!database.ok()) return "";
  auto text = DumpDatabaseText(**database);
  EXPECT_TRUE(text.ok()) << text.status().message();
  return text.ok() ? *text : "";
}

class CrashSafetyTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    auto store = Store::Open(url());
    ASSERT_TRUE(store.ok()) << store.status().message();
    const auto yaml = ReadTextFile(YARDSTICK_SOURCE_DIR "/frameworks/engineering.yaml");
    ASSERT_TRUE(yaml.ok());
    ASSERT_TRUE((*store)->PutFramework("engineering", "Engineering", *yaml, "setup").ok());
    ASSERT_TRUE((*store)->PutGroup({"engineering", "Engineering", "engineering"}, "setup").ok());
    csv_path_ = ::testing::TempDir() + fmt::format("crash_{}_{}.csv", getpid(), counter_++);
    std::ofstream(csv_path_) << LargeExport(kPeople);
  }
  void TearDown() override { std::remove(csv_path_.c_str()); }

  std::string Dump() { return DumpOf(scratch()); }

  std::string csv_path_;
  static inline int counter_ = 0;
};

TEST_P(CrashSafetyTest, KillingAnImportBeforeItCommitsLeavesTheDatabaseAsItWas) {
  const std::string before = Dump();
  ASSERT_FALSE(before.empty());

  const Outcome killed = RunImport(csv_path_, url(), "people-before-commit");
  ASSERT_TRUE(killed.killed_by_signal) << "the import was not killed mid-way:\n"
                                       << killed.stderr_text;
  if (engine() == testing::Engine::kSqlite) {
    // A bulk load runs in a rollback journal (Database::BeginBulkLoad): the kill left it hot, and
    // opening the database rolls it back.
    EXPECT_TRUE(std::filesystem::exists(url() + "-journal"));
  }
  EXPECT_EQ(Dump(), before);

  // The same import, left alone, does change the database: the test above could fail.
  const Outcome finished = RunImport(csv_path_, url(), nullptr);
  ASSERT_EQ(finished.exit_code, 0) << finished.stderr_text;
  const std::string after = Dump();
  EXPECT_NE(after, before);
  auto store = Store::Open(url());
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->AllPeople()->size(), static_cast<size_t>(kPeople));
}

INSTANTIATE_TEST_SUITE_P(Engines, CrashSafetyTest, testing::AllEngines(), testing::EngineName);

// Applying a slate: the demo organisation's calibrated engineering cycle, decided, every proposal
// accepted — its promotions, plans and no-changes applied in one transaction.
class ApplyCrashSafetyTest : public testing::EngineTest {
 protected:
  static constexpr const char* kCycle = "engineering-2026-h1";

  void SetUp() override {
    EngineTest::SetUp();
    if (HasFatalFailure()) return;
    const std::vector<std::vector<std::string>> steps = {
        {"demo", "init", "--people", "3000", "--seed", "1", "--today", "2026-11-21", "--frameworks",
         YARDSTICK_SOURCE_DIR "/frameworks"},
        {"cycle", "decide", kCycle},
        {"cycle", "advance", kCycle},
        {"cycle", "accept", kCycle, "--all", "--approver", "E000001"}};
    for (std::vector<std::string> step : steps) {
      step.insert(step.end(), {"--db", url()});
      if (step[0] == "cycle") step.insert(step.end(), {"--as", "E000001"});
      const Outcome outcome = RunYardstick(step, nullptr);
      ASSERT_EQ(outcome.exit_code, 0) << step[0] << " " << step[1] << ":\n" << outcome.stderr_text;
    }
  }

  Outcome Apply(const char* fault) {
    return RunYardstick({"cycle", "apply", kCycle, "--as", "E000001", "--db", url()}, fault);
  }
};

TEST_P(ApplyCrashSafetyTest, KillingAnApplyBeforeItCommitsLeavesTheDatabaseAsItWas) {
  const std::string before = DumpOf(scratch());
  ASSERT_FALSE(before.empty());

  const Outcome killed = Apply("slate-before-commit");
  ASSERT_TRUE(killed.killed_by_signal) << "the apply was not killed mid-way:\n"
                                       << killed.stderr_text;
  EXPECT_EQ(DumpOf(scratch()), before);

  // Left alone, the same apply changes grades and marks every decision applied.
  const Outcome finished = Apply(nullptr);
  ASSERT_EQ(finished.exit_code, 0) << finished.stderr_text;
  EXPECT_NE(DumpOf(scratch()), before);
  auto store = Store::Open(url());
  ASSERT_TRUE(store.ok());
  auto decisions = (*store)->Decisions(kCycle);
  ASSERT_TRUE(decisions.ok());
  ASSERT_FALSE(decisions->empty());
  int promoted = 0;
  for (const model::Decision& decision : *decisions) {
    EXPECT_EQ(decision.status, model::DecisionStatus::kApplied) << decision.person_id;
    if (model::IsPromotion(decision.proposal)) {
      ++promoted;
      auto person = (*store)->GetPerson(decision.person_id);
      ASSERT_TRUE(person.ok() && person->has_value());
      EXPECT_EQ((*person)->grade, decision.to_grade) << decision.person_id;
    }
  }
  EXPECT_GT(promoted, 0) << "the demo cycle should promote someone, or the test shows little";
}

INSTANTIATE_TEST_SUITE_P(Engines, ApplyCrashSafetyTest, testing::AllEngines(), testing::EngineName);

}  // namespace
}  // namespace yardstick::store
