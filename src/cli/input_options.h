// What every command that enters a cycle input from a file shares (`cycle ratings`, `cycle
// ranks`, `feedback give`, `rubric enter`, …): the options and how a judged file is reported.
#pragma once

#include <iostream>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "cli/command.h"

namespace yardstick::cli {

struct InputArgs {
  std::string cycle;
  std::string file;
  bool dry_run = false;
  std::string actor;
  std::string db;
};

/// Prints a judged input: its problems, then (when there are none) what was or would be stored.
template <typename Plan>
int ReportInput(const InputArgs& args, const Result<Plan>& plan, const std::string& stored) {
  if (!plan.ok()) return ReportFailure(plan.status());
  std::cout << plan->diagnostics.Format(args.file);
  if (!plan->ok()) {
    const int errors = plan->diagnostics.ErrorCount();
    std::cerr << fmt::format("{}: {} error{}; nothing was recorded\n", args.file, errors,
                             errors == 1 ? "" : "s");
    return kExitProblems;
  }
  std::cout << stored;
  std::cerr << (args.dry_run ? "dry run: nothing was written\n" : "");
  return kExitOk;
}

/// Adds the options every input command has; |what| names the file's contents.
inline std::shared_ptr<InputArgs> AddInputOptions(CLI::App& app, const std::string& what) {
  auto args = std::make_shared<InputArgs>();
  app.add_option("cycle", args->cycle, "Cycle id")->required();
  app.add_option("file", args->file, what)->required()->check(CLI::ExistingFile);
  app.add_flag("--dry-run", args->dry_run, "Check the file; write nothing");
  AddActorOption(app, args->actor);
  AddDatabaseOption(app, args->db);
  return args;
}

}  // namespace yardstick::cli
