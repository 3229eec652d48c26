// The criteria linter: are a framework's criteria testable?
//
// A level means something only if someone can check whether a person meets it. LintFramework()
// warns on criteria and level summaries that describe an internal state ("understands", "is
// familiar with"), that are synonyms of "good" ("excellent", "strong", "deep"), or that turn years
// of experience into a requirement — and says why, with a hint toward an observable behaviour or
// outcome. A criterion silences a rule deliberately with `allow: [term]` or `allow: [rule]`.
// Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "model/framework.h"

namespace yardstick::ladder {

/// One family of untestable wording.
struct LintRule {
  std::string code;                ///< e.g. "lint/internal-state"
  std::vector<std::string> terms;  ///< lower-case words or phrases, matched as whole words
  std::string why;                 ///< why this wording cannot be tested
  std::string hint;                ///< what to write instead
};

/// The rules the linter applies, in the order it reports them.
const std::vector<LintRule>& LintRules();

/// Warnings (Severity::kWarning, codes "lint/…") for every untestable criterion and summary.
Diagnostics LintFramework(const model::Framework& framework);

/// The terms of |rules| found in |text| (whole words, case-insensitive), with their rule.
struct LintFinding {
  const LintRule* rule;
  std::string term;
  size_t offset;  ///< byte offset in |text|
};
std::vector<LintFinding> FindUntestableWording(const std::string& text);

}  // namespace yardstick::ladder
