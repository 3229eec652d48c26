#include "io/calibration_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "io/csv.h"

namespace yardstick::io {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<double> ParseNumber(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

std::string Quoted(std::string_view text) { return fmt::format("'{}'", text); }

/// Finds the named columns in the header; reports missing and unknown ones. Returns false when a
/// required column is missing (or the file is empty).
bool ReadHeader(CsvReader& reader, CsvRecord& record, const std::vector<std::string>& names,
                std::vector<int>& columns, Diagnostics& diagnostics) {
  std::string expected;
  for (const std::string& name : names) expected += (expected.empty() ? "" : ",") + name;
  if (!reader.Next(record)) return false;  // the reader reports the empty file
  columns.assign(names.size(), -1);
  for (size_t field = 0; field < record.fields.size(); ++field) {
    const std::string name = Lower(Trim(record.fields[field]));
    const int column = static_cast<int>(field) + 1;
    auto found = std::find(names.begin(), names.end(), name);
    if (found == names.end()) {
      diagnostics.Warning({record.line, column}, "unknown-column",
                          fmt::format("unknown column {} is ignored; the columns are {}",
                                      Quoted(record.fields[field]), expected));
      continue;
    }
    int& slot = columns[found - names.begin()];
    if (slot >= 0) {
      diagnostics.Error(
          {record.line, column}, "duplicate-column",
          fmt::format("column {} appears twice (also field {})", Quoted(name), slot + 1));
      return false;
    }
    slot = static_cast<int>(field);
  }
  bool complete = true;
  for (size_t k = 0; k < names.size(); ++k) {
    if (columns[k] >= 0) continue;
    diagnostics.Error({record.line, 1}, "missing-column",
                      fmt::format("missing column {}; expected {}", Quoted(names[k]), expected));
    complete = false;
  }
  return complete;
}

/// The trimmed id in |column|, or reports it empty.
std::string_view Id(const CsvRecord& record, int column, const std::string& name,
                    Diagnostics& diagnostics) {
  const std::string_view id = Trim(record.fields[column]);
  if (id.empty()) {
    diagnostics.Error({record.line, column + 1}, "empty-id", fmt::format("{} is empty", name));
  }
  return id;
}

std::string FormatBound(double value) { return fmt::format("{:g}", value); }

/// Keys seen so far, remembered by a 64-bit hash (one small table entry each, which matters for a
/// million ids) and verified exactly on a match; the rare key whose hash another key already
/// holds goes to an exact table instead.
class SeenKeys {
 public:
  /// If the key was seen, returns the index stored with it; otherwise stores |index| and returns
  /// nullopt. |same(stored)| says whether the key stored under |hash| is this key; |make_key()|
  /// spells the key exactly (called only on a hash collision).
  template <typename Same, typename MakeKey>
  std::optional<size_t> FindOrAdd(uint64_t hash, size_t index, const Same& same,
                                  const MakeKey& make_key) {
    auto [it, inserted] = by_hash_.try_emplace(hash, index);
    if (inserted) return std::nullopt;
    if (same(it->second)) return it->second;
    auto [exact, added] = collided_.try_emplace(make_key(), index);
    if (added) return std::nullopt;
    return exact->second;
  }

 private:
  std::unordered_map<uint64_t, size_t> by_hash_;
  std::unordered_map<std::string, size_t> collided_;
};

uint64_t Hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

}  // namespace

void ReadRatingsCsv(std::istream& in, const RatingBounds& bounds,
                    std::vector<engine::Rating>& ratings, Diagnostics& diagnostics) {
  CsvReader reader(in);
  CsvRecord record;
  std::vector<int> columns;
  if (!ReadHeader(reader, record, {"person_id", "rater_id", "rating"}, columns, diagnostics)) {
    diagnostics.Append(reader.diagnostics());
    diagnostics.SortByLocation();
    return;
  }
  // Every (person, rater) pair read, to report a second rating of it with the first one's line.
  SeenKeys pairs;
  const size_t base = ratings.size();
  std::vector<int> lines;  // line of ratings[base + k]
  while (reader.Next(record)) {
    if (!record.valid) continue;
    const std::string_view person = Id(record, columns[0], "person_id", diagnostics);
    const std::string_view rater = Id(record, columns[1], "rater_id", diagnostics);
    const std::optional<double> value = ParseNumber(record.fields[columns[2]]);
    const SourceLoc value_loc{record.line, columns[2] + 1};
    if (!value) {
      diagnostics.Error(
          value_loc, "bad-rating",
          fmt::format("rating {} is not a number", Quoted(record.fields[columns[2]])));
      continue;
    }
    if ((bounds.min && *value < *bounds.min) || (bounds.max && *value > *bounds.max)) {
      diagnostics.Error(value_loc, "rating-off-scale",
                        fmt::format("rating {} is outside the scale {}–{}", FormatBound(*value),
                                    bounds.min ? FormatBound(*bounds.min) : "",
                                    bounds.max ? FormatBound(*bounds.max) : ""));
      continue;
    }
    if (person.empty() || rater.empty()) continue;
    if (person == rater) {
      diagnostics.Error({record.line, columns[1] + 1}, "self-rating",
                        fmt::format("{} rates themselves; a rater may not rate themselves", rater));
      continue;
    }
    const std::optional<size_t> first = pairs.FindOrAdd(
        Hash(person) * 0x9E3779B97F4A7C15ULL + Hash(rater), ratings.size(),
        [&](size_t k) { return ratings[k].person_id == person && ratings[k].rater_id == rater; },
        [&] { return std::string(person) + '\0' + std::string(rater); });
    if (first) {
      diagnostics.Error({record.line, columns[0] + 1}, "duplicate-rating",
                        fmt::format("{} already rated {} on line {}; keep one rating per rater "
                                    "and person",
                                    rater, person, lines[*first - base]));
      continue;
    }
    ratings.push_back({std::string(person), std::string(rater), *value});
    lines.push_back(record.line);
  }
  diagnostics.Append(reader.diagnostics());
  diagnostics.SortByLocation();
}

void ReadRanksCsv(std::istream& in, std::vector<engine::StackRank>& ranks,
                  Diagnostics& diagnostics) {
  CsvReader reader(in);
  CsvRecord record;
  std::vector<int> columns;
  if (!ReadHeader(reader, record, {"rater_id", "person_id", "rank"}, columns, diagnostics)) {
    diagnostics.Append(reader.diagnostics());
    diagnostics.SortByLocation();
    return;
  }
  struct Entry {
    long rank;
    int line;
    std::string person;
  };
  struct List {
    std::string rater;
    std::vector<Entry> entries;
  };
  std::vector<List> lists;
  std::unordered_map<std::string, size_t> list_of_rater;
  // Every person read, as (list, entry), to report one listed twice.
  SeenKeys people;
  std::vector<std::pair<size_t, size_t>> placed;
  while (reader.Next(record)) {
    if (!record.valid) continue;
    const std::string_view rater = Id(record, columns[0], "rater_id", diagnostics);
    const std::string_view person = Id(record, columns[1], "person_id", diagnostics);
    const std::string_view rank_text = Trim(record.fields[columns[2]]);
    long rank = 0;
    const auto [end, error] =
        std::from_chars(rank_text.data(), rank_text.data() + rank_text.size(), rank);
    if (error != std::errc() || end != rank_text.data() + rank_text.size() || rank < 1) {
      diagnostics.Error({record.line, columns[2] + 1}, "bad-rank",
                        fmt::format("rank {} is not a whole number of 1 or more (1 is the best)",
                                    Quoted(record.fields[columns[2]])));
      continue;
    }
    if (rater.empty() || person.empty()) continue;
    auto [list_it, new_list] = list_of_rater.try_emplace(std::string(rater), lists.size());
    if (new_list) lists.push_back({std::string(rater), {}});
    List& list = lists[list_it->second];
    auto entry_of = [&](size_t k) -> const Entry& {
      return lists[placed[k].first].entries[placed[k].second];
    };
    const std::optional<size_t> first = people.FindOrAdd(
        Hash(person), placed.size(), [&](size_t k) { return entry_of(k).person == person; },
        [&] { return std::string(person); });
    if (first) {
      const std::string& other = lists[placed[*first].first].rater;
      const int other_line = entry_of(*first).line;
      diagnostics.Error(
          {record.line, columns[1] + 1}, "duplicate-person",
          other == rater
              ? fmt::format("{} ranks {} twice (also on line {})", rater, person, other_line)
              : fmt::format("{} is also in the stack rank of {} (line {}); a person is ranked "
                            "only by their own rater",
                            person, other, other_line));
      continue;
    }
    placed.emplace_back(list_it->second, list.entries.size());
    list.entries.push_back({rank, record.line, std::string(person)});
  }
  for (List& list : lists) {
    std::sort(list.entries.begin(), list.entries.end(), [](const Entry& a, const Entry& b) {
      return a.rank != b.rank ? a.rank < b.rank : a.line < b.line;
    });
    long expected = 1;
    for (size_t k = 0; k < list.entries.size(); ++k) {
      const Entry& entry = list.entries[k];
      if (k > 0 && entry.rank == list.entries[k - 1].rank) {
        diagnostics.Error({entry.line, columns[2] + 1}, "duplicate-rank",
                          fmt::format("{} gives rank {} twice (also on line {}); a stack rank is "
                                      "a total order",
                                      list.rater, entry.rank, list.entries[k - 1].line));
        continue;
      }
      if (entry.rank != expected && expected > 0) {
        diagnostics.Error({entry.line, columns[2] + 1}, "rank-gap",
                          fmt::format("{} has no rank {}; ranks must run 1, 2, 3, … without gaps",
                                      list.rater, expected));
        expected = -1;  // one gap per rater is enough
        continue;
      }
      if (expected > 0) ++expected;
    }
    engine::StackRank stack{list.rater, {}};
    stack.person_ids.reserve(list.entries.size());
    for (Entry& entry : list.entries) stack.person_ids.push_back(std::move(entry.person));
    ranks.push_back(std::move(stack));
  }
  diagnostics.Append(reader.diagnostics());
  diagnostics.SortByLocation();
}

}  // namespace yardstick::io
