// Writing a framework back out as YAML in the documented format (docs/framework-format.md).
//
// The output loads with ladder::LoadFramework() into an equal framework (source positions aside),
// so importers can produce files people then edit by hand. Stateless and thread-safe.
#pragma once

#include <string>

#include "model/framework.h"

namespace yardstick::ladder {

/// The framework as YAML text, in the key order of the format reference.
std::string WriteFrameworkYaml(const model::Framework& framework);

}  // namespace yardstick::ladder
