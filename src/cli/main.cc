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

constexpr Group kGroups[] = {
    {"framework", "Check, lint, import and publish ladders (framework files)"},
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
  std::vector<Command> commands = FrameworkCommands();
  for (Command& command : commands) {
    CLI::App* sub = groups.at(command.group)->add_subcommand(command.name, command.help);
    Action run = command.setup(*sub);
    sub->callback([action, run] { *action = run; });
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    const int code = app.exit(error);
    return code == 0 ? kExitOk : kExitFailure;
  }
  return *action ? (*action)() : kExitFailure;
}
