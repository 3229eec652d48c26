// FrameworkDifferences: compares two frameworks field by field, for round-trip tests.
//
//   EXPECT_EQ(FrameworkDifferences(written, loaded), "") << yaml;
//
// Source positions (every SourceLoc) are ignored: a framework loaded back from text has its own.
#pragma once

#include <string>

#include "model/framework.h"

namespace yardstick::testing {

/// Every difference between |expected| and |actual|, one per line ("levels[1].name: 'A' != 'B'"),
/// source positions aside; "" when they are equal.
std::string FrameworkDifferences(const model::Framework& expected, const model::Framework& actual);

}  // namespace yardstick::testing
