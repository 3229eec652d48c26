#include "ladder/lint.h"

#include <gtest/gtest.h>

#include "base/text.h"
#include "framework_fixture.h"

namespace yardstick::ladder {
namespace {

std::vector<std::string> Terms(const std::string& text) {
  std::vector<std::string> terms;
  for (const LintFinding& finding : FindUntestableWording(text)) terms.push_back(finding.term);
  return terms;
}

TEST(Lint, FindsWholeWordsCaseInsensitively) {
  EXPECT_EQ(Terms("UNDERSTANDS the system"), (std::vector<std::string>{"understands"}));
  EXPECT_EQ(Terms("strongly typed, deeply nested"), (std::vector<std::string>{"deeply"}));
  EXPECT_TRUE(Terms("Ships the goodbye screen").empty());
  EXPECT_TRUE(Terms("").empty());
}

TEST(Lint, ReportsFindingsInTextOrderAndPrefersTheLongestPhrase) {
  EXPECT_EQ(Terms("Has a deep understanding of caching and strong opinions"),
            (std::vector<std::string>{"deep", "understanding of", "strong"}));
}

TEST(Lint, EveryRuleHasAReasonAndAHint) {
  for (const LintRule& rule : LintRules()) {
    EXPECT_FALSE(rule.terms.empty()) << rule.code;
    EXPECT_FALSE(rule.why.empty()) << rule.code;
    EXPECT_FALSE(rule.hint.empty()) << rule.code;
    EXPECT_EQ(rule.code.rfind("lint/", 0), 0u) << rule.code;
    for (const std::string& term : rule.terms) {
      EXPECT_EQ(term, ToLower(term)) << "terms are matched in lower case: " << term;
    }
  }
}

TEST(Lint, AllowSilencesByTermOrByRule) {
  model::Framework f = testing::FrameworkFixture("A B")
                           .Track("ic")
                           .Area("craft")
                           .Level("L1", "A-B")
                           .Criterion("craft", "Writes excellent tests")
                           .Criterion("craft", "Understands excellent tests")
                           .Build();
  EXPECT_EQ(LintFramework(f).WarningCount(), 3);
  f.levels[0].criteria[0].lint_allow = {"Excellent"};
  f.levels[0].criteria[1].lint_allow = {"internal-state"};
  const Diagnostics remaining = LintFramework(f);
  ASSERT_EQ(remaining.WarningCount(), 1);
  EXPECT_EQ(remaining.items()[0].code, "lint/synonym-of-good");
}

}  // namespace
}  // namespace yardstick::ladder
