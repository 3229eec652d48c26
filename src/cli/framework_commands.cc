// `yardstick framework check|lint|import|site`: thin wrappers over ladder/.
#include <filesystem>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "base/file.h"
#include "cli/command.h"
#include "ladder/framework_loader.h"
#include "ladder/framework_writer.h"
#include "ladder/lint.h"
#include "ladder/markdown_import.h"
#include "ladder/site.h"

namespace yardstick::cli {
namespace {

/// Loads and validates |path|; prints its diagnostics. Returns nullopt when it cannot be read.
std::optional<ladder::LoadedFramework> LoadAndReport(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text.ok()) {
    std::cerr << "yardstick: " << text.status().message() << "\n";
    return std::nullopt;
  }
  ladder::LoadedFramework loaded = ladder::LoadFramework(*text);
  std::cout << loaded.diagnostics.Format(path);
  return loaded;
}

std::string Plural(int count, std::string_view word) {
  return fmt::format("{} {}{}", count, word, count == 1 ? "" : "s");
}

Action CheckSetup(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("files", *files, "Framework files (YAML)")->required()->check(CLI::ExistingFile);
  return [files] {
    int errors = 0;
    bool unreadable = false;
    for (const std::string& path : *files) {
      const auto loaded = LoadAndReport(path);
      if (!loaded) {
        unreadable = true;
        continue;
      }
      errors += loaded->diagnostics.ErrorCount();
    }
    std::cerr << fmt::format("checked {}: {}\n", Plural(static_cast<int>(files->size()), "file"),
                             Plural(errors, "error"));
    if (unreadable) return kExitFailure;
    return errors > 0 ? kExitProblems : kExitOk;
  };
}

Action LintSetup(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto strict = std::make_shared<bool>(false);
  app.add_option("files", *files, "Framework files (YAML)")->required()->check(CLI::ExistingFile);
  app.add_flag("--strict", *strict, "Exit non-zero on warnings too");
  app.footer(
      "Silence one finding deliberately by giving the criterion an 'allow' list naming the term "
      "or the rule, e.g.\n  - text: Keeps a deep on-call rota of three people\n    allow: [deep]");
  return [files, strict] {
    int errors = 0;
    int warnings = 0;
    bool unreadable = false;
    for (const std::string& path : *files) {
      const auto loaded = LoadAndReport(path);
      if (!loaded) {
        unreadable = true;
        continue;
      }
      errors += loaded->diagnostics.ErrorCount();
      const Diagnostics lint = ladder::LintFramework(loaded->framework);
      std::cout << lint.Format(path);
      warnings += lint.WarningCount();
    }
    std::cerr << fmt::format("linted {}: {}, {}\n", Plural(static_cast<int>(files->size()), "file"),
                             Plural(errors, "error"), Plural(warnings, "warning"));
    if (unreadable) return kExitFailure;
    return errors > 0 || (*strict && warnings > 0) ? kExitProblems : kExitOk;
  };
}

struct ImportArgs {
  std::string input;
  std::string output;
  ladder::MarkdownImportOptions options;
  bool force = false;
};

Action ImportSetup(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  app.add_option("markdown", args->input, "A ladder published as Markdown")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("-o,--output", args->output, "Where to write the framework (default: stdout)");
  app.add_option("--id", args->options.id, "Framework id (default: from the first heading)");
  app.add_option("--name", args->options.name, "Framework name (default: the first heading)");
  app.add_flag("--force", args->force, "Replace the output file if it exists");
  return [args] {
    Result<std::string> text = ReadTextFile(args->input);
    if (!text.ok()) {
      std::cerr << "yardstick: " << text.status().message() << "\n";
      return kExitFailure;
    }
    const ladder::MarkdownImport imported = ladder::ImportMarkdown(*text, args->options);
    std::cerr << imported.diagnostics.Format(args->input);
    if (imported.diagnostics.HasErrors()) return kExitProblems;
    const std::string yaml = ladder::WriteFrameworkYaml(imported.framework);
    // The written file must load cleanly; anything else is a bug in the importer.
    const ladder::LoadedFramework check = ladder::LoadFramework(yaml);
    if (!check.ok()) {
      std::cerr << "yardstick: internal error: the imported framework does not validate:\n"
                << check.diagnostics.Format("<import>");
      return kExitFailure;
    }
    if (args->output.empty()) {
      std::cout << yaml;
      return kExitOk;
    }
    if (!args->force && std::filesystem::exists(args->output)) {
      std::cerr << "yardstick: " << args->output << " exists; pass --force to replace it\n";
      return kExitFailure;
    }
    const Status written = WriteTextFileAtomically(args->output, yaml);
    if (!written.ok()) {
      std::cerr << "yardstick: " << written.message() << "\n";
      return kExitFailure;
    }
    std::cerr << fmt::format("wrote {}: {}, {} unplaced\n", args->output,
                             Plural(static_cast<int>(imported.framework.levels.size()), "level"),
                             imported.diagnostics.WarningCount());
    return kExitOk;
  };
}

struct SiteArgs {
  std::string input;
  std::string output;
  bool no_pay = false;
};

Action SiteSetup(CLI::App& app) {
  auto args = std::make_shared<SiteArgs>();
  app.add_option("framework", args->input, "Framework file (YAML)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("-o,--output", args->output, "Directory to write the site into")->required();
  app.add_flag("--no-pay", args->no_pay, "Leave pay bands out of the site");
  return [args] {
    const auto loaded = LoadAndReport(args->input);
    if (!loaded) return kExitFailure;
    if (!loaded->ok()) {
      std::cerr << "yardstick: fix the errors above before publishing\n";
      return kExitProblems;
    }
    ladder::SiteOptions options;
    options.show_pay = !args->no_pay;
    const auto files = ladder::BuildSite(loaded->framework, options);
    const Status written = ladder::WriteSite(files, args->output);
    if (!written.ok()) {
      std::cerr << "yardstick: " << written.message() << "\n";
      return kExitFailure;
    }
    std::cerr << fmt::format("wrote {} to {}\n", Plural(static_cast<int>(files.size()), "file"),
                             args->output);
    return kExitOk;
  };
}

struct LoadArgs {
  std::vector<std::string> files;
  std::string db;
  std::string actor = "cli";
};

Action LoadSetup(CLI::App& app) {
  auto args = std::make_shared<LoadArgs>();
  app.add_option("files", args->files, "Framework files (YAML)")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--actor", args->actor, "Who is loading it, for the audit log");
  AddDatabaseOption(app, args->db);
  return [args] {
    // Validate every file before storing any, so a bad file stores nothing.
    std::vector<std::pair<ladder::LoadedFramework, std::string>> loaded;
    for (const std::string& path : args->files) {
      auto framework = LoadAndReport(path);
      if (!framework) return kExitFailure;
      if (!framework->ok()) {
        std::cerr << "yardstick: " << path << " has errors; nothing was loaded\n";
        return kExitProblems;
      }
      loaded.emplace_back(std::move(*framework), *ReadTextFile(path));
    }
    auto store = OpenStoreOrReport(args->db, OpenMode::kCreateIfMissing);
    if (!store) return kExitFailure;
    for (const auto& [framework, text] : loaded) {
      const auto before = store->CurrentFramework(framework.framework.id);
      Result<std::string> hash =
          store->PutFramework(framework.framework.id, framework.framework.name, text, args->actor);
      if (!hash.ok()) {
        std::cerr << "yardstick: " << hash.status().message() << "\n";
        return kExitFailure;
      }
      const bool unchanged = before.ok() && before->has_value() && (*before)->hash == *hash;
      std::cout << fmt::format("{} {} (version {})\n", unchanged ? "unchanged" : "loaded",
                               framework.framework.id, hash->substr(0, 12));
    }
    return kExitOk;
  };
}

}  // namespace

std::vector<Command> FrameworkCommands() {
  return {
      {"framework", "check", "Validate framework files; print every error as file:line:col",
       CheckSetup},
      {"framework", "lint", "Warn on criteria that are not testable", LintSetup},
      {"framework", "import", "Turn a Markdown ladder into a framework file", ImportSetup},
      {"framework", "site", "Publish a framework as a static HTML site", SiteSetup},
      {"framework", "load", "Store framework versions in the database (validated first)",
       LoadSetup},
  };
}

}  // namespace yardstick::cli
