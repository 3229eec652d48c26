#include "ladder/lint.h"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::ladder {
namespace {

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '\''; }

/// Offset of |term| in |lowered| as a whole word, or npos.
size_t FindWord(const std::string& lowered, const std::string& term) {
  size_t at = lowered.find(term);
  while (at != std::string::npos) {
    const bool starts = at == 0 || !IsWordChar(lowered[at - 1]);
    const size_t end = at + term.size();
    const bool ends = end == lowered.size() || !IsWordChar(lowered[end]);
    if (starts && ends) return at;
    at = lowered.find(term, at + 1);
  }
  return std::string::npos;
}

bool Allowed(const std::vector<std::string>& allow, const LintFinding& finding) {
  return std::any_of(allow.begin(), allow.end(), [&](const std::string& entry) {
    const std::string lowered = ToLower(entry);
    return lowered == finding.term || lowered == finding.rule->code ||
           "lint/" + lowered == finding.rule->code;
  });
}

std::string Message(std::string_view what, const LintFinding& finding) {
  return fmt::format("{} says '{}': {}; {} [{}]", what, finding.term, finding.rule->why,
                     finding.rule->hint, finding.rule->code);
}

}  // namespace

const std::vector<LintRule>& LintRules() {
  static const std::vector<LintRule> rules = {
      {"lint/internal-state",
       {"understands", "understand", "understanding of", "has the capability to",
        "has the ability to", "has the potential to", "is familiar with", "familiarity with",
        "knows", "knowledge of", "is aware of", "awareness of", "appreciates", "believes", "feels",
        "has a sense of"},
       "an internal state that nobody can observe",
       "say what the person does or delivers that shows it (e.g. 'explains the trade-off to a new "
       "teammate', 'fixes the failure without help')"},
      {"lint/synonym-of-good",
       {"mastery",     "master of",   "excellent",    "excellence", "exceptional", "outstanding",
        "strong",      "world-class", "world class",  "deep",       "deeply",      "expert",
        "expertise",   "solid",       "superb",       "great",      "good",        "proficient",
        "proficiency", "advanced",    "best-in-class"},
       "a synonym of 'good' that each rater reads differently",
       "name the behaviour or outcome that separates this level from the one below (e.g. "
       "'decides between several viable designs and writes down why')"},
      {"lint/years-as-gate",
       {"years of experience", "years experience", "years in the role", "years of service"},
       "years served measure time, not ability, and must never gate a level",
       "move the number to the level's 'guides: typical_years' and state the achievement instead"},
  };
  return rules;
}

std::vector<LintFinding> FindUntestableWording(const std::string& text) {
  const std::string lowered = ToLower(text);
  std::vector<LintFinding> findings;
  for (const LintRule& rule : LintRules()) {
    for (const std::string& term : rule.terms) {
      const size_t at = FindWord(lowered, term);
      if (at == std::string::npos) continue;
      // "understanding of" contains "understand"-like prefixes; keep the longest term per spot.
      const bool covered = std::any_of(findings.begin(), findings.end(), [&](const auto& other) {
        return at >= other.offset && at < other.offset + other.term.size();
      });
      if (!covered) findings.push_back({&rule, term, at});
    }
  }
  std::sort(findings.begin(), findings.end(),
            [](const LintFinding& a, const LintFinding& b) { return a.offset < b.offset; });
  return findings;
}

Diagnostics LintFramework(const model::Framework& framework) {
  Diagnostics diagnostics;
  for (const model::Level& level : framework.levels) {
    for (const LintFinding& finding : FindUntestableWording(level.summary)) {
      diagnostics.Warning(level.summary_loc, finding.rule->code,
                          Message(fmt::format("the summary of level '{}'", level.id), finding));
    }
    for (const model::Criterion& criterion : level.criteria) {
      for (const LintFinding& finding : FindUntestableWording(criterion.text)) {
        if (Allowed(criterion.lint_allow, finding)) continue;
        diagnostics.Warning(criterion.loc, finding.rule->code,
                            Message(fmt::format("a criterion of level '{}'", level.id), finding));
      }
    }
  }
  diagnostics.SortByLocation();
  return diagnostics;
}

}  // namespace yardstick::ladder
