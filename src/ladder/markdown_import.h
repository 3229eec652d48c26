// Importing a ladder published as Markdown into a framework.
//
// Career ladders are usually published as Markdown: level headings with area sub-headings and
// criteria bullets, level headings with inline area labels ("Knowledge & Experience:") followed by
// bullets, an area × level table, "Management equivalent" lines, and track prefixes like "T5/L5".
// ImportMarkdown() recognises these shapes and builds a framework; whatever it cannot place is
// reported as a warning with its line and column, never dropped silently. Stateless, thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostic.h"
#include "model/framework.h"

namespace yardstick::ladder {

struct MarkdownImportOptions {
  std::string id;    ///< framework id; derived from the first heading when empty
  std::string name;  ///< framework name; the first heading when empty
};

struct MarkdownImport {
  model::Framework framework;
  /// Warnings for content that could not be placed; errors when nothing usable was found.
  Diagnostics diagnostics;
};

MarkdownImport ImportMarkdown(std::string_view markdown, const MarkdownImportOptions& options);

}  // namespace yardstick::ladder
