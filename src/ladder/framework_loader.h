// Loading a framework from its YAML text.
//
// The loader turns YAML into a model::Framework, reporting structural mistakes (YAML syntax,
// unknown keys with a did-you-mean, wrong value types, missing required keys, malformed ranges)
// with the line and column where they were written. LoadFramework() then runs model validation, so
// one call reports every mistake in the file, not just the first. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "model/framework.h"

namespace yardstick::ladder {

struct LoadedFramework {
  model::Framework framework;  ///< as much as could be read, even when there are errors
  Diagnostics diagnostics;     ///< sorted by position in the file
  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Reads the YAML text of a framework: structural checks only.
LoadedFramework ParseFramework(std::string_view yaml_text);

/// Reads the YAML text of a framework and validates it (structure, then model rules).
LoadedFramework LoadFramework(std::string_view yaml_text);

}  // namespace yardstick::ladder
