// Whole-file reads and atomic writes, for the layers that may touch the file system (ladder/,
// store/, front ends). The engine and the model never include this.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace yardstick {

/// Reads a whole file; an IoError names the path and the reason.
Result<std::string> ReadTextFile(const std::string& path);

/// Writes |content| to |path| atomically (a temporary file beside it, then rename): a failure
/// leaves any previous file as it was and no temporary behind.
Status WriteTextFileAtomically(const std::string& path, std::string_view content);

}  // namespace yardstick
