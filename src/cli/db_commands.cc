// `yardstick db dump|restore`: a whole database as one JSON file, and back, on either engine.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "io/atomic_file.h"
#include "store/dump.h"

namespace yardstick::cli {
namespace {

/// The exit code for a failed restore: the dump's fault, or the job could not be done.
int RestoreExitCode(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kFailedPrecondition:
      return kExitProblems;
    default:
      return kExitFailure;
  }
}

struct DumpArgs {
  std::string db;
  std::string output;
};

Action DumpSetup(CLI::App& app) {
  auto args = std::make_shared<DumpArgs>();
  AddDatabaseOption(app, args->db);
  app.add_option("-o,--output", args->output, "Write the dump to FILE (default: standard output)");
  app.footer(
      "The dump is canonical JSON: the same data gives the same bytes on SQLite and PostgreSQL. "
      "Restore it with `yardstick db restore FILE --db URL` into an empty database.");
  return [args] {
    auto store = OpenStoreOrReport(args->db);
    if (!store) return kExitFailure;
    const auto report = [](const Status& status) {
      std::cerr << "yardstick: " << status.message() << "\n";
      return kExitFailure;
    };
    if (args->output.empty() || args->output == "-") {
      const Status written = store::WriteDump(store->database(), std::cout);
      std::cout.flush();
      if (!written.ok()) return report(written);
      return std::cout ? kExitOk : report(Status::IoError("cannot write to standard output"));
    }
    Result<io::AtomicFile> file = io::AtomicFile::Create(args->output);
    if (!file.ok()) return report(file.status());
    {
      std::ofstream out(file->temp_path(), std::ios::binary);
      const Status written = store::WriteDump(store->database(), out);
      out.close();
      if (!written.ok()) return report(written);
      if (!out) return report(Status::IoError(fmt::format("{}: write failed", args->output)));
    }
    if (Status committed = file->Commit(); !committed.ok()) return report(committed);
    std::cerr << fmt::format("dumped {} to {}\n", store->database().description(), args->output);
    return kExitOk;
  };
}

struct RestoreArgs {
  std::string file;
  std::string db;
};

Action RestoreSetup(CLI::App& app) {
  auto args = std::make_shared<RestoreArgs>();
  app.add_option("file", args->file, "A dump written by `yardstick db dump`")
      ->required()
      ->check(CLI::ExistingFile);
  AddDatabaseOption(app, args->db);
  app.footer(
      "The database must be new or empty; the whole dump is restored in one transaction, or "
      "nothing is.");
  return [args] {
    std::ifstream in(args->file, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format("yardstick: {}: cannot open: {}\n", args->file,
                               std::strerror(errno));
      return kExitFailure;
    }
    // A SQLite file this restore creates is removed again if the restore fails.
    const bool created = IsMissingSqliteFile(args->db);
    auto store = OpenStoreOrReport(args->db, OpenMode::kCreateIfMissing);
    if (!store) return kExitFailure;
    if (Status restored = store::RestoreDump(store->database(), in); !restored.ok()) {
      std::cerr << fmt::format("yardstick: {}: {}\n", args->file, restored.message());
      store.reset();
      if (created) {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) {
          std::filesystem::remove(args->db + suffix, ignored);
        }
      }
      return RestoreExitCode(restored);
    }
    std::cerr << fmt::format("restored {} into {}\n", args->file, store->database().description());
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> DatabaseCommands() {
  return {
      {"db", "dump", "Write the whole database as canonical JSON (stdout or -o FILE)", DumpSetup},
      {"db", "restore", "Load a dump into a new, empty database (SQLite or PostgreSQL)",
       RestoreSetup},
  };
}

}  // namespace yardstick::cli
