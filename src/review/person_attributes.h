// The person attributes a cycle report breaks its promotion and plan rates down by (gender,
// location, …). They are sensitive and Yardstick does not store them: the people team passes
// them for one report as a CSV file with an id column (`person_id` or `id`) and any other
// columns, one row per person.
//
// Problems are located diagnostics: bad CSV (csv.h), no id column, an empty or repeated id, a
// repeated column, no attribute column, and ids that are not people of the organisation (one
// error listing the first few). Rows of people who are not in the cycle (other groups, leavers)
// are allowed and ignored; an empty cell is a value not given, as is a person of the cycle with
// no row. Pure: reads the stream it is given, no other I/O.
#pragma once

#include <istream>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostic.h"
#include "base/status.h"
#include "review/cycle_scope.h"

namespace yardstick::review {

struct PersonAttributes {
  /// The attribute columns, as the header names them, in file order.
  std::vector<std::string> columns;
  /// Person id → one value per column ("" when not given).
  std::unordered_map<std::string, std::vector<std::string>> values;
  Diagnostics diagnostics;

  [[nodiscard]] bool ok() const { return !diagnostics.HasErrors(); }
};

/// Reads an attribute file, its ids checked against |scope|'s people.
PersonAttributes ReadPersonAttributes(std::istream& in, const CycleScope& scope);

/// The indices into |attributes|.columns of the columns named |by| (matched ignoring case,
/// spaces, hyphens and underscores), in that order; every column when |by| is empty.
/// InvalidArgument naming an unknown column, with did-you-mean and the columns there are.
Result<std::vector<size_t>> SelectAttributes(const PersonAttributes& attributes,
                                             const std::vector<std::string>& by);

}  // namespace yardstick::review
