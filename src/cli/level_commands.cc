// `yardstick level criteria|suggest`: levelling a new hire (or anyone without history) from the
// criteria they have demonstrated, never from years (engine/levelling.h).
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "base/file.h"
#include "base/text.h"
#include "cli/command.h"
#include "engine/levelling.h"

namespace yardstick::cli {
namespace {

struct CriteriaArgs {
  std::string framework;
  std::string track;
};

Action CriteriaSetup(CLI::App& app) {
  auto args = std::make_shared<CriteriaArgs>();
  app.add_option("framework", args->framework, "Framework file (YAML)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--track", args->track, "The track, e.g. ic")->required();
  app.footer("Prints every criterion of the track with the handle `level suggest` takes.");
  return [args] {
    int exit_code = kExitOk;
    const std::optional<FrameworkFile> file = LoadFrameworkFileOrReport(args->framework, exit_code);
    if (!file) return exit_code;
    const model::Framework* framework = &file->framework;
    if (framework->FindTrack(args->track) == nullptr) {
      std::cerr << fmt::format("yardstick: unknown track '{}' in framework '{}'\n", args->track,
                               framework->id);
      return kExitProblems;
    }
    std::string level;
    for (const engine::CriterionHandle& h : engine::TrackCriteria(*framework, args->track)) {
      if (h.level->id != level) {
        level = h.level->id;
        std::cout << fmt::format("{} {}\n", h.level->id, h.level->name);
      }
      std::cout << fmt::format("  {:<28} {}\n", h.handle, h.criterion->text);
    }
    return kExitOk;
  };
}

struct SuggestArgs {
  std::string framework;
  std::string track;
  std::vector<std::string> shown;
  std::string shown_file;
  std::optional<double> years;
};

Action SuggestSetup(CLI::App& app) {
  auto args = std::make_shared<SuggestArgs>();
  app.add_option("framework", args->framework, "Framework file (YAML)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--track", args->track, "The track, e.g. ic")->required();
  app.add_option("--shown", args->shown,
                 "Handles of the criteria demonstrated (see `level criteria`), comma-separated")
      ->delimiter(',');
  app.add_option("--shown-file", args->shown_file, "A file of handles, one per line")
      ->check(CLI::ExistingFile);
  app.add_option("--years", args->years,
                 "Years of relevant experience: compared with the level's soft guide and "
                 "reported, never used to choose the level");
  app.footer(
      "A level is met when the criteria shown carry at least 75% of its criteria's weight with "
      "every area at least at 50%; the suggestion is the highest level met with every level "
      "below it met too, and the grade within its band rises with progress towards the next.");
  return [args] {
    int exit_code = kExitOk;
    const std::optional<FrameworkFile> file = LoadFrameworkFileOrReport(args->framework, exit_code);
    if (!file) return exit_code;
    const model::Framework* framework = &file->framework;
    std::set<std::string> shown;
    for (const std::string& handle : args->shown) {
      if (!Trim(handle).empty()) shown.emplace(Trim(handle));
    }
    if (!args->shown_file.empty()) {
      Result<std::string> text = ReadTextFile(args->shown_file);
      if (!text.ok()) {
        std::cerr << "yardstick: " << text.status().message() << "\n";
        return kExitFailure;
      }
      std::istringstream lines(*text);
      for (std::string line; std::getline(lines, line);) {
        if (!Trim(line).empty()) shown.emplace(Trim(line));
      }
    }
    Result<engine::LevellingSuggestion> suggestion =
        engine::SuggestLevel(*framework, args->track, shown, args->years);
    if (!suggestion.ok()) {
      std::cerr << "yardstick: " << suggestion.status().message() << "\n";
      return kExitProblems;
    }
    for (const engine::LevelFinding& f : suggestion->working) {
      std::cout << fmt::format(
          "{:<6} {:>2} of {:>2} criteria, {:>3.0f}% of the weight{} -> {}\n", f.level->id,
          f.demonstrated, f.criteria, 100 * f.share,
          f.weakest_area.empty()
              ? ""
              : fmt::format(", weakest area {} at {:.0f}%", f.weakest_area, 100 * f.weakest_share),
          f.met ? "met" : "not met");
    }
    if (suggestion->level == nullptr) {
      std::cout << "suggested: below the first level of the track: not enough evidence\n";
    } else {
      std::cout << fmt::format("suggested: grade {} ({} {})\n", suggestion->grade,
                               suggestion->level->id, suggestion->level->name);
    }
    if (!suggestion->years_note.empty()) std::cout << "years: " << suggestion->years_note << "\n";
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> LevelCommands() {
  return {
      {"level", "criteria", "The criteria of a track, with the handles `level suggest` takes",
       CriteriaSetup},
      {"level", "suggest", "Suggest a starting grade from the criteria demonstrated", SuggestSetup},
  };
}

}  // namespace yardstick::cli
