// `yardstick calibrate` end to end: exit codes, located input errors with nothing written, the
// outputs' shape, warnings on stderr, and `calibrate synth` feeding it.
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "base/file.h"
#include "case_file.h"

namespace yardstick {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string err;
};

class CalibrateCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           fmt::format("yardstick-calibrate-cli-{}-{}", getpid(),
                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(Path(name)) << text;
    return Path(name);
  }

  /// Runs `yardstick ARGS` with stderr captured.
  CliRun Run(const std::string& args) {
    const std::string err_path = Path("stderr.txt");
    const std::string command =
        fmt::format("'{}' {} >/dev/null 2>'{}'", YARDSTICK_BINARY, args, err_path);
    const int status = std::system(command.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.err = ReadTextFile(err_path).value();
    return run;
  }

  std::filesystem::path dir_;
};

TEST_F(CalibrateCliTest, BadInputIsLocatedAndNothingIsWritten) {
  const std::string ratings = Write("ratings.csv",
                                    "person_id,rater_id,rating\n"
                                    "P1,R1,7\n"
                                    "P2,R1,eight\n"
                                    "R1,R1,9\n");
  const std::string ranks = Write("ranks.csv",
                                  "rater_id,person_id,rank\n"
                                  "R1,P1,1\n"
                                  "R1,P2,1\n");
  const CliRun run = Run(fmt::format("calibrate --ratings '{}' --ranks '{}' --out '{}'", ratings,
                                     ranks, Path("out.csv")));
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find(ratings + ":3:3: error: rating 'eight' is not a number"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(ratings + ":4:2: error: R1 rates themselves"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(ranks + ":3:3: error: R1 gives rank 1 twice"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("nothing was written"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(Path("out.csv")));
}

TEST_F(CalibrateCliTest, SynthThenCalibrateWritesEveryPersonAndRater) {
  ASSERT_EQ(
      Run(fmt::format("calibrate synth --people 200 --seed 5 --out-dir '{}'", Path("c"))).exit_code,
      0);
  for (const char* name : {"ratings.csv", "ranks.csv", "truth.csv", "truth_raters.csv"}) {
    EXPECT_TRUE(std::filesystem::exists(Path(std::string("c/") + name))) << name;
  }
  // An extra team that no benchmark person connects, with its stack rank.
  std::ofstream(Path("c/ratings.csv"), std::ios::app) << "X1,RX,7\r\nX2,RX,9\r\n";
  std::ofstream(Path("c/ranks.csv"), std::ios::app) << "RX,X2,1\r\nRX,X1,2\r\n";
  const CliRun run = Run(
      fmt::format("calibrate --ratings '{}' --ranks '{}' --out '{}' --raters-out '{}'",
                  Path("c/ratings.csv"), Path("c/ranks.csv"), Path("est.csv"), Path("raters.csv")));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("warning: 1 rater not connected"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("RX is not connected"), std::string::npos) << run.err;
  // … and how to fix it: someone of the main group rates RX's middle person, X2.
  EXPECT_NE(run.err.find("note: 1 more benchmark rating would connect every rater"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find(" rates X2 (connects 1 rater)"), std::string::npos) << run.err;
  const std::vector<std::string> estimates =
      testing::SplitLines(ReadTextFile(Path("est.csv")).value());
  ASSERT_EQ(estimates.size(), 1u + 202u);
  EXPECT_EQ(estimates[0], "person_id,level,se");
  const std::vector<std::string> raters =
      testing::SplitLines(ReadTextFile(Path("raters.csv")).value());
  ASSERT_EQ(raters.size(), 1u + 25u + 1u);
  EXPECT_EQ(raters[0], "rater_id,leniency,se");
}

}  // namespace
}  // namespace yardstick
