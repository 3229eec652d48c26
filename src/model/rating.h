// What raters record in a review cycle: ratings on the absolute grade scale and stack ranks of
// their teams. Plain types, no I/O.
#pragma once

#include <string>
#include <vector>

namespace yardstick::model {

/// "This period, |person_id| performed at grade |grade|", said by |rater_id|.
struct Rating {
  std::string person_id;
  std::string rater_id;
  std::string grade;  ///< a grade of the cycle's framework scale, e.g. "K"
  std::string evidence;
  std::vector<std::string> criteria;  ///< ids of the framework's criteria demonstrated
  /// True when the rater is not the person's manager but was assigned to rate them as a
  /// benchmark person (to tie raters' leniencies together).
  bool benchmark = false;

  friend bool operator==(const Rating&, const Rating&) = default;
};

/// A rater's total order of their own team, best first.
struct StackRank {
  std::string rater_id;
  std::vector<std::string> people;

  friend bool operator==(const StackRank&, const StackRank&) = default;
};

/// |rater_id| is to rate |person_id| in a cycle, as a benchmark person from another team.
struct BenchmarkAssignment {
  std::string person_id;
  std::string rater_id;

  friend bool operator==(const BenchmarkAssignment&, const BenchmarkAssignment&) = default;
};

}  // namespace yardstick::model
