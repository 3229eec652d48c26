// Fuzzes the Markdown importer and the writer behind it: any input must produce a framework and
// diagnostics, never a crash; whenever the import reports no error, its YAML must load cleanly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ladder/framework_loader.h"
#include "ladder/framework_writer.h"
#include "ladder/markdown_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const yardstick::ladder::MarkdownImport imported = yardstick::ladder::ImportMarkdown(text, {});
  if (imported.diagnostics.HasErrors()) return 0;
  const std::string yaml = yardstick::ladder::WriteFrameworkYaml(imported.framework);
  if (!yardstick::ladder::LoadFramework(yaml).ok()) std::abort();  // the importer wrote a bad file
  return 0;
}
