// Fuzzes the framework loader end to end: YAML parsing, structure checks, validation and lint.
// Any input must produce diagnostics, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ladder/framework_loader.h"
#include "ladder/lint.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const yardstick::ladder::LoadedFramework loaded = yardstick::ladder::LoadFramework(text);
  (void)yardstick::ladder::LintFramework(loaded.framework);
  for (const auto& diagnostic : loaded.diagnostics.items()) (void)diagnostic.Format("fuzz");
  return 0;
}
