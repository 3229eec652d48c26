// The `yardstick` program: parses the command line and runs one sub-command.
#include <iostream>
#include <map>
#include <memory>

#include "cli/command.h"

namespace {

struct Group {
  const char* name;
  const char* help;
};

// Sub-command groups, in the order `yardstick --help` lists them.
constexpr Group kGroups[] = {
    {"framework", "Check, lint, import, publish and load ladders (framework files)"},
    {"group", "Comparison groups: people rated against each other on one framework"},
    {"people", "People: show, list, import from an HRIS export, export"},
    {"org", "The organisation: the manager tree"},
    {"history", "Level history: every change of grade, with reason and approver"},
    {"cycle", "Review cycles: open, list, show, advance (open → rating → … → closed)"},
    {"level", "Levelling from evidence: a starting grade from the criteria demonstrated"},
    {"rubric", "Points rubrics: a grade from area scores and outcomes, with the working"},
    {"role", "Roles: the people team, calibrators, executives"},
    {"user", "Accounts for signing in: add, reset a password, disable, enable, list"},
    {"token", "API tokens for scripts: create, revoke, list your own"},
    {"feedback", "Self-reviews, peer and upward feedback in a cycle: request, give, show"},
    {"pay", "Pay: one scale per grade and role, allowances with positions, nothing per person"},
    {"db", "The whole database: dump to JSON, restore (SQLite or PostgreSQL)"},
    {"demo", "A realistic demo organisation to try Yardstick on"},
    {"calibrate", "Calibrate ratings across raters from CSV files; synthetic cycles"},
    {"lab", "The policy lab: promotion policies compared on a simulated organisation"},
    {"serve", "The web app and its API over HTTP, on 127.0.0.1:8080 by default"},
};

// Every command set; each returns rows naming one of the groups above.
using CommandSet = std::vector<yardstick::cli::Command> (*)();
constexpr CommandSet kCommandSets[] = {
    yardstick::cli::FrameworkCommands, yardstick::cli::OrgCommands,
    yardstick::cli::PeopleCommands,    yardstick::cli::ExportCommands,
    yardstick::cli::DatabaseCommands,  yardstick::cli::DemoCommands,
    yardstick::cli::CycleCommands,     yardstick::cli::CalibrateCommands,
    yardstick::cli::LevelCommands,     yardstick::cli::RubricCommands,
    yardstick::cli::RoleCommands,      yardstick::cli::EvidenceCommands,
    yardstick::cli::DecisionCommands,  yardstick::cli::PayCommands,
    yardstick::cli::ServeCommands,     yardstick::cli::UserCommands,
    yardstick::cli::LabCommands,
};

}  // namespace

int main(int argc, char** argv) {
  using namespace yardstick::cli;
  CLI::App app{
      "Yardstick: levelling, performance reviews, promotions and pay on one absolute "
      "scale.",
      "yardstick"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("yardstick 0.1.0"));

  std::map<std::string, CLI::App*> groups;
  for (const Group& group : kGroups) {
    groups[group.name] = app.add_subcommand(group.name, group.help)->require_subcommand(1);
  }

  auto action = std::make_shared<Action>();
  for (CommandSet command_set : kCommandSets) {
    for (Command& command : command_set()) {
      CLI::App* group = groups.at(command.group);
      if (command.name.empty()) {
        // The group runs on its own too; its sub-commands stay optional and win when given.
        group->require_subcommand(0, 1);
        Action run = command.setup(*group);
        group->callback([action, run, group] {
          if (group->get_subcommands().empty()) *action = run;
        });
        continue;
      }
      CLI::App* sub = group->add_subcommand(command.name, command.help);
      Action run = command.setup(*sub);
      sub->callback([action, run] { *action = run; });
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitFailure;
  }
  return *action ? (*action)() : kExitFailure;
}
