// `yardstick rubric score`: a framework's points rubric scored, with the working shown
// (engine/rubric_scoring.h).
#include <charconv>
#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"
#include "engine/rubric_scoring.h"

namespace yardstick::cli {
namespace {

std::optional<double> Number(std::string_view text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

/// "AREA:SOURCE=POINTS".
std::optional<engine::SourceScore> ParseScore(const std::string& spec) {
  const size_t colon = spec.find(':');
  const size_t equals = spec.find('=', colon == std::string::npos ? 0 : colon);
  if (colon == std::string::npos || equals == std::string::npos) return std::nullopt;
  const std::optional<double> points = Number(std::string_view(spec).substr(equals + 1));
  if (!points) return std::nullopt;
  return engine::SourceScore{spec.substr(0, colon), spec.substr(colon + 1, equals - colon - 1),
                             *points};
}

/// "NAME=POINTS" or "NAME=POINTS@SHARE".
std::optional<engine::OutcomeScore> ParseOutcome(const std::string& spec) {
  const size_t equals = spec.rfind('=');
  if (equals == std::string::npos || equals == 0) return std::nullopt;
  const std::string_view rest = std::string_view(spec).substr(equals + 1);
  const size_t at = rest.find('@');
  const std::optional<double> points = Number(rest.substr(0, at));
  const std::optional<double> share =
      at == std::string_view::npos ? std::optional<double>(1) : Number(rest.substr(at + 1));
  if (!points || !share) return std::nullopt;
  return engine::OutcomeScore{spec.substr(0, equals), *points, *share};
}

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
      std::optional<engine::SourceScore> score = ParseScore(spec);
      if (!score) {
        std::cerr << fmt::format("yardstick: --score '{}': expected AREA:SOURCE=POINTS\n", spec);
        return kExitFailure;
      }
      scores.push_back(*score);
    }
    std::vector<engine::OutcomeScore> outcomes;
    for (const std::string& spec : args->outcomes) {
      std::optional<engine::OutcomeScore> outcome = ParseOutcome(spec);
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
    for (const engine::AreaWorking& area : scoring->areas) {
      std::string sources;
      for (const engine::SourceScore& s : area.scores) {
        sources += fmt::format("{}{} {:g}", sources.empty() ? "" : ", ", s.source, s.points);
      }
      std::cout << fmt::format("{:<14} {:>5.2f}  ({})\n", area.area->name, area.mean, sources);
    }
    if (framework.rubric->outcomes) {
      std::string items;
      for (const engine::OutcomeScore& o : scoring->outcomes) {
        items += fmt::format("{}{} {:g} × {:g}", items.empty() ? "" : ", ", o.name, o.points,
                             o.involvement);
      }
      std::cout << fmt::format("{:<14} {:>5.2f}  ({})\n", framework.rubric->outcomes->name,
                               scoring->outcome_points, items.empty() ? "none" : items);
    }
    std::cout << fmt::format("{:<14} {:>5.2f}  → {} points → grade {}\n", "Total", scoring->total,
                             scoring->rounded, scoring->grade);
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> RubricCommands() {
  return {{"rubric", "score", "Score a points rubric and show the working", ScoreSetup}};
}

}  // namespace yardstick::cli
