// Small text helpers shared by every layer: edit distance for "did you mean" hints, trimming,
// case folding and joining. Pure functions, no locale, ASCII case rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace yardstick {

/// Levenshtein distance between |a| and |b| (case-sensitive).
int EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to |word| if it is close enough to be a plausible typo, else "".
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" when a close candidate exists, else "".
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

std::string_view Trim(std::string_view text);
std::string ToLower(std::string_view text);
bool StartsWith(std::string_view text, std::string_view prefix);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
/// |amount| with |decimals| decimals and its thousands grouped: "216,889.02", "56,000".
std::string FormatAmount(double amount, int decimals);
/// |lines| joined with newlines, for a list kept in one text column.
std::string JoinLines(const std::vector<std::string>& lines);
/// The lines of |text| as JoinLines wrote them ("" gives none).
std::vector<std::string> SplitLines(std::string_view text);
/// The parts of |text| between |separator|s, each trimmed, the empty ones left out.
std::vector<std::string> SplitAndTrim(std::string_view text, char separator);
/// The characters (UTF-8 code points) of |text|: its width in a terminal for most text.
size_t CodePoints(std::string_view text);
/// Quoted list: 'a', 'b' and 'c'.
std::string QuotedList(const std::vector<std::string>& parts);

}  // namespace yardstick
