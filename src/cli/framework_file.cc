// Reading a framework file for a command: the text as read and the validated framework.
#include <iostream>

#include "base/file.h"
#include "cli/command.h"
#include "ladder/framework_loader.h"

namespace yardstick::cli {

std::optional<FrameworkFile> LoadFrameworkFileOrReport(const std::string& path, int& exit_code) {
  Result<std::string> text = ReadTextFile(path);
  if (!text.ok()) {
    std::cerr << "yardstick: " << text.status().message() << "\n";
    exit_code = kExitFailure;
    return std::nullopt;
  }
  ladder::LoadedFramework loaded = ladder::LoadFramework(*text);
  if (!loaded.ok()) {
    std::cerr << loaded.diagnostics.Format(path);
    exit_code = kExitProblems;
    return std::nullopt;
  }
  return FrameworkFile{std::move(*text), std::move(loaded.framework)};
}

}  // namespace yardstick::cli
