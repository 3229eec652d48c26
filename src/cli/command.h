// How the `yardstick` command line is put together.
//
// Each sub-command is a row of a table: its path ("framework check"), a one-line help text and a
// function that declares its options on a CLI11 sub-app and returns the action to run. main.cc
// walks the tables; nothing else knows about argv. Actions return the process exit code.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "io/people_export.h"
#include "model/date.h"
#include "model/framework.h"
#include "store/store.h"

namespace yardstick::cli {

/// Exit codes shared by every sub-command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;  ///< the input has errors (or warnings under --strict)
inline constexpr int kExitFailure = 2;   ///< could not do the job: unreadable file, bad usage

using Action = std::function<int()>;

struct Command {
  std::string group;  ///< e.g. "framework"
  std::string name;   ///< e.g. "check"; empty for the group's own action (`yardstick calibrate`)
  std::string help;
  /// Declares the options on |app| and returns what to run once they are parsed.
  std::function<Action(CLI::App& app)> setup;
};

/// Command sets, one per source file; main.cc lists them in kCommandSets.
std::vector<Command> FrameworkCommands();  ///< framework check|lint|import|site|load
std::vector<Command> OrgCommands();        ///< group …, people show|list, org tree
std::vector<Command> PeopleCommands();     ///< people import
std::vector<Command> ExportCommands();     ///< people export, history export
std::vector<Command> DatabaseCommands();   ///< db dump|restore
std::vector<Command> DemoCommands();       ///< demo init
std::vector<Command> LevelCommands();      ///< level criteria|suggest
std::vector<Command> RubricCommands();     ///< rubric score
std::vector<Command> CycleCommands();      ///< cycle open|list|show|advance
std::vector<Command> CalibrateCommands();  ///< calibrate, calibrate synth
std::vector<Command> RoleCommands();       ///< role grant|revoke|list
std::vector<Command> DecisionCommands();   ///< cycle decide
std::vector<Command> PayCommands();        ///< pay table|person
std::vector<Command> ServeCommands();      ///< serve
std::vector<Command> LabCommands();        ///< lab run|tune
std::vector<Command> UserCommands();       ///< user add|passwd|disable|enable|list, token …
std::vector<Command>
EvidenceCommands();  ///< feedback request|give|show, rubric template|enter|show

/// Adds the `--db URL` option every store-backed command has (default yardstick.db, or the
/// YARDSTICK_DB environment variable).
void AddDatabaseOption(CLI::App& app, std::string& url);

/// Adds the `--as PERSON_ID` option of commands whose permission depends on who runs them (or
/// the YARDSTICK_AS environment variable). org/permissions.h says who may do what.
void AddActorOption(CLI::App& app, std::string& person_id);

/// Prints |status| as "yardstick: MESSAGE" and returns the exit code for it: kExitProblems for
/// what the user can fix (bad input, wrong state, not permitted), kExitFailure otherwise.
int ReportFailure(const Status& status);

/// The day |text| names (YYYY-MM-DD), for an `--effective` option. When it names none, prints why
/// and returns nullopt.
std::optional<model::Date> EffectiveDayOrReport(const std::string& text);

/// Adds the `--format csv|xlsx` option of commands that write a table to a file.
void AddExportFormatOption(CLI::App& app, std::string& format);

/// The format to write |output| in: |format| if given, else from the file's extension. When
/// neither says, prints why and returns nullopt.
std::optional<io::ExportFormat> ExportFormatOrReport(const std::string& format,
                                                     const std::string& output);

/// A framework file as read (the store keeps its text) and as loaded.
struct FrameworkFile {
  std::string yaml;
  model::Framework framework;
};

/// Reads and validates the framework in |path|. On failure prints why (file:line:col for
/// mistakes in the file), sets |exit_code| and returns nullopt.
std::optional<FrameworkFile> LoadFrameworkFileOrReport(const std::string& path, int& exit_code);

/// Whether a command may create the database it is pointed at.
enum class OpenMode {
  kMustExist,        ///< a missing SQLite file is a mistyped --db: refuse, create nothing
  kCreateIfMissing,  ///< commands that put the first things in (framework load, demo init, …)
};

/// True for a SQLite file that does not exist (opening it would create an empty database).
bool IsMissingSqliteFile(const std::string& url);

/// Opens the store at |url|; on failure (or, for kMustExist, a SQLite file that does not exist)
/// prints why to stderr and returns nullptr.
std::unique_ptr<store::Store> OpenStoreOrReport(const std::string& url,
                                                OpenMode mode = OpenMode::kMustExist);

}  // namespace yardstick::cli
