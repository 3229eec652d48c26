// `yardstick rubric score`: a framework's points rubric scored, with the working shown
// (engine/rubric_scoring.h).
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "engine/rubric_scoring.h"
#include "review/rubric_sheets.h"

namespace yardstick::cli {
namespace {

struct ScoreArgs {
  std::string framework;
  std::vector<std::string> scores;
  std::vector<std::string> outcomes;
};

Action ScoreSetup(CLI::App& app) {
  auto args = std::make_shared<ScoreArgs>();
  app.add_option("framework", args->framework, "Framework file (YAML) with a rubric")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--score", args->scores,
                 "AREA:SOURCE=POINTS, e.g. persuasion:director=5 (repeat for every source)")
      ->required();
  app.add_option("--outcome", args->outcomes,
                 "NAME=POINTS@SHARE, e.g. \"Checkout redesign=10@0.5\" (share of the work, 0-1; "
                 "repeatable)");
  app.footer(
      "An area scores the mean of its sources; outcomes add points × share; the total, rounded "
      "to a whole point, is looked up in the rubric's points → grade table.");
  return [args] {
    int exit_code = kExitOk;
    const std::optional<FrameworkFile> file = LoadFrameworkFileOrReport(args->framework, exit_code);
    if (!file) return exit_code;
    const model::Framework& framework = file->framework;
    if (!framework.rubric) {
      std::cerr << fmt::format("yardstick: framework '{}' has no rubric\n", framework.id);
      return kExitProblems;
    }
    std::vector<engine::SourceScore> scores;
    for (const std::string& spec : args->scores) {
      std::optional<engine::SourceScore> score = model::ParseSourceScore(spec);
      if (!score) {
        std::cerr << fmt::format("yardstick: --score '{}': expected AREA:SOURCE=POINTS\n", spec);
        return kExitFailure;
      }
      scores.push_back(*score);
    }
    std::vector<engine::OutcomeScore> outcomes;
    for (const std::string& spec : args->outcomes) {
      std::optional<engine::OutcomeScore> outcome = model::ParseOutcomeScore(spec);
      if (!outcome) {
        std::cerr << fmt::format("yardstick: --outcome '{}': expected NAME=POINTS@SHARE\n", spec);
        return kExitFailure;
      }
      outcomes.push_back(*outcome);
    }
    Result<engine::RubricScoring> scoring =
        engine::ScoreRubric(*framework.rubric, scores, outcomes);
    if (!scoring.ok()) {
      std::cerr << "yardstick: " << scoring.status().message() << "\n";
      return kExitProblems;
    }
    std::cout << review::FormatRubricWorking(*framework.rubric, *scoring);
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> RubricCommands() {
  return {{"rubric", "score", "Score a points rubric and show the working", ScoreSetup}};
}

}  // namespace yardstick::cli
