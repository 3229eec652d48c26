#include "ladder/markdown_import.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "base/text.h"
#include "ladder/markdown_blocks.h"
#include "model/framework_validation.h"

namespace yardstick::ladder {
namespace {

using markdown::Block;
using markdown::BlockKind;
using markdown::TableRow;

// Diagnostic codes, stable so that scripts can name them.
constexpr const char* kCodeUnplaced = "import/unplaced";
constexpr const char* kCodeNoLevels = "import/no-levels";
constexpr const char* kCodeBinary = "import/binary";
constexpr const char* kCodeEncoding = "import/encoding";
constexpr const char* kCodeStructure = "import/structure";
constexpr const char* kCodeTable = "import/table";
constexpr const char* kCodeGuide = "import/guide";
constexpr const char* kCodeEquivalence = "import/equivalence";
constexpr const char* kCodeSummary = "import/summary";
constexpr const char* kCodeDescription = "import/description";
constexpr const char* kCodeArea = "import/default-area";
constexpr const char* kCodeDuplicate = "import/duplicate-level";
constexpr const char* kCodeOrder = "import/order";
constexpr const char* kCodeInvalid = "import/invalid";

/// Longest excerpt of skipped text quoted in a message.
constexpr size_t kExcerptLength = 48;
/// The deepest Markdown heading; a restriction set by a label ends at any heading.
constexpr int kAnyHeading = 7;

// ---------------------------------------------------------------------------------------------
// Characters and words.

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string UpperCase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = Upper(c);
  return out;
}

/// Lower-case ASCII words of |text|; everything else separates words.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsAlnum(c)) {
      word += Lower(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool HasWord(const std::vector<std::string>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

template <size_t N>
bool HasAnyWord(const std::vector<std::string>& words,
                const std::array<std::string_view, N>& candidates) {
  return std::any_of(candidates.begin(), candidates.end(),
                     [&](std::string_view word) { return HasWord(words, word); });
}

/// An id made of the ASCII letters and digits of |text|: "Knowledge & Experience" →
/// "knowledge-experience". Empty when |text| has no ASCII letter or digit.
std::string Slug(std::string_view text) {
  std::string out;
  bool separator = false;
  for (char c : text) {
    if (!IsAlnum(c)) {
      separator = true;
      continue;
    }
    if (separator && !out.empty()) out += '-';
    separator = false;
    out += Lower(c);
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

/// A short quotable excerpt of |text| for messages.
std::string Excerpt(std::string_view text) {
  text = Trim(text);
  if (text.size() <= kExcerptLength) return std::string(text);
  size_t cut = kExcerptLength;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

bool StartsWithDash(std::string_view text) {
  return StartsWith(text, "-") || StartsWith(text, "–") || StartsWith(text, "—");
}

/// Removes separators that join an id to a name: spaces, ':', '-', '–', '—', '.', '|', ')'.
std::string_view TrimSeparators(std::string_view text) {
  while (true) {
    text = Trim(text);
    if (StartsWith(text, "–") || StartsWith(text, "—")) {
      text.remove_prefix(3);
    } else if (!text.empty() && std::string_view(":-.|)").find(text.front()) != std::string::npos) {
      text.remove_prefix(1);
    } else {
      break;
    }
  }
  while (true) {
    text = Trim(text);
    if (!text.empty() && std::string_view(":-|(").find(text.back()) != std::string::npos) {
      text.remove_suffix(1);
    } else if (text.size() >= 3 &&
               (text.substr(text.size() - 3) == "–" || text.substr(text.size() - 3) == "—")) {
      text.remove_suffix(3);
    } else {
      break;
    }
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Level headings: "L2 Core engineer", "T5/L5 Senior", "Senior (L3)", "Level 3", "Staff".

struct LevelHeading {
  std::vector<std::string> ids;  ///< ids as written; empty when the name gives the level
  std::string name;
  bool explicit_id = false;
  double number = -1;  ///< for ordering levels named without an id ("Engineer II" → 2)
  int rank = -1;       ///< seniority of the words in the name, for ordering
};

/// "L2", "T5", "IC3", "SDE2", "L5.1": one to four letters, then digits.
bool IsLevelIdToken(std::string_view token) {
  size_t letters = 0;
  while (letters < token.size() && IsAlpha(token[letters])) ++letters;
  if (letters == 0 || letters > 4 || letters == token.size()) return false;
  size_t i = letters;
  size_t digits = 0;
  while (i < token.size() && IsDigit(token[i])) ++i, ++digits;
  if (digits == 0 || digits > 2) return false;
  if (i < token.size() && token[i] == '.') {
    ++i;
    if (i == token.size()) return false;
    while (i < token.size() && IsDigit(token[i])) ++i;
  }
  return i == token.size();
}

/// The id-like token at the start of |text|: letters and digits, and ".digits".
std::string_view LeadingToken(std::string_view text) {
  size_t end = 0;
  while (end < text.size() && IsAlnum(text[end])) ++end;
  if (end + 1 < text.size() && text[end] == '.' && IsDigit(text[end + 1])) {
    ++end;
    while (end < text.size() && IsDigit(text[end])) ++end;
  }
  return text.substr(0, end);
}

/// Reads "T5 / L5 & M5" at the start of |text|; |consumed| is how much was read.
std::vector<std::string> ReadIdList(std::string_view text, size_t* consumed) {
  std::vector<std::string> ids;
  size_t pos = 0;
  *consumed = 0;
  while (true) {
    while (pos < text.size() && IsBlank(text[pos])) ++pos;
    const std::string_view token = LeadingToken(text.substr(pos));
    if (!IsLevelIdToken(token)) break;
    ids.emplace_back(token);
    pos += token.size();
    *consumed = pos;
    size_t after = pos;
    while (after < text.size() && IsBlank(text[after])) ++after;
    if (after >= text.size() || std::string_view("/&,").find(text[after]) == std::string::npos) {
      break;
    }
    pos = after + 1;
  }
  return ids;
}

/// Every word of |text| is an id of a list: "T5/L5", "L3".
std::vector<std::string> ReadWholeIdList(std::string_view text) {
  size_t consumed = 0;
  std::vector<std::string> ids = ReadIdList(Trim(text), &consumed);
  if (consumed != Trim(text).size()) return {};
  return ids;
}

struct SeniorityWord {
  std::string_view word;
  int rank;
};
constexpr std::array<SeniorityWord, 28> kSeniorityWords = {{
    {"intern", 0},        {"apprentice", 1},   {"trainee", 1},      {"graduate", 2},
    {"entry", 2},         {"novice", 2},       {"beginner", 2},     {"junior", 3},
    {"associate", 3},     {"mid", 4},          {"intermediate", 4}, {"engineer", 4},
    {"developer", 4},     {"practitioner", 4}, {"core", 4},         {"specialist", 5},
    {"senior", 5},        {"lead", 6},         {"staff", 6},        {"manager", 6},
    {"expert", 6},        {"architect", 7},    {"principal", 7},    {"director", 8},
    {"distinguished", 8}, {"head", 8},         {"fellow", 9},       {"vp", 10},
}};

/// Words that mark a section about the ladder rather than a level of it.
constexpr std::array<std::string_view, 22> kSectionWords = {
    "introduction", "overview",   "about",     "appendix", "faq",      "glossary",
    "process",      "principles", "changelog", "history",  "contents", "references",
    "resources",    "notes",      "how",       "why",      "what",     "purpose",
    "track",        "path",       "ladder",    "framework"};

int SeniorityRank(const std::vector<std::string>& words) {
  int rank = -1;
  for (const std::string& word : words) {
    for (const SeniorityWord& entry : kSeniorityWords) {
      if (word == entry.word) rank = std::max(rank, entry.rank);
    }
  }
  return rank;
}

/// The number at the end of a name, for ordering: "Engineer II" → 2, "Engineer 3" → 3; else -1.
double TrailingNumber(std::string_view name) {
  const size_t space = name.find_last_of(' ');
  const std::string_view last = space == std::string_view::npos ? name : name.substr(space + 1);
  if (!last.empty() && std::all_of(last.begin(), last.end(), IsDigit)) {
    return std::strtod(std::string(last).c_str(), nullptr);
  }
  constexpr std::array<std::string_view, 10> kRoman = {"I",  "II",  "III",  "IV", "V",
                                                       "VI", "VII", "VIII", "IX", "X"};
  const auto roman = std::find(kRoman.begin(), kRoman.end(), last);
  if (space != std::string_view::npos && roman != kRoman.end()) {
    return static_cast<double>(roman - kRoman.begin() + 1);
  }
  return -1;
}

/// The digits at the end of an id ("T5" → 5, "level-3" → 3), or -1.
double NumberOfId(std::string_view id) {
  size_t start = id.size();
  while (start > 0 && (IsDigit(id[start - 1]) || id[start - 1] == '.')) --start;
  while (start < id.size() && id[start] == '.') ++start;
  if (start == id.size()) return -1;
  return std::strtod(std::string(id.substr(start)).c_str(), nullptr);
}

std::string LettersOfId(std::string_view id) {
  size_t letters = 0;
  while (letters < id.size() && IsAlpha(id[letters])) ++letters;
  return UpperCase(id.substr(0, letters));
}

/// "Level 3", "Level 3: Core".
std::optional<LevelHeading> ParseNumberedLevel(std::string_view text) {
  if (text.size() < 7 || !EqualsIgnoreCase(text.substr(0, 6), "level ")) return std::nullopt;
  std::string_view rest = Trim(text.substr(6));
  size_t digits = 0;
  while (digits < rest.size() && IsDigit(rest[digits])) ++digits;
  if (digits == 0 || digits > 2 || (digits < rest.size() && IsAlnum(rest[digits]))) {
    return std::nullopt;
  }
  LevelHeading heading;
  heading.ids = {"level-" + std::string(rest.substr(0, digits))};
  heading.explicit_id = true;
  heading.name = std::string(TrimSeparators(rest.substr(digits)));
  if (heading.name.empty()) heading.name = "Level " + std::string(rest.substr(0, digits));
  return heading;
}

/// Ids written after the name: "Senior (L3)", "Senior (T5/L5)", "Senior — L3".
std::optional<LevelHeading> ParseTrailingIds(std::string_view text) {
  LevelHeading heading;
  heading.explicit_id = true;
  if (!text.empty() && text.back() == ')') {
    const size_t open = text.rfind('(');
    if (open != std::string_view::npos) {
      heading.ids = ReadWholeIdList(text.substr(open + 1, text.size() - open - 2));
      heading.name = std::string(TrimSeparators(text.substr(0, open)));
      if (!heading.ids.empty()) return heading;
    }
  }
  for (std::string_view separator : {" - ", " – ", " — ", ": "}) {
    const size_t at = text.rfind(separator);
    if (at == std::string_view::npos) continue;
    heading.ids = ReadWholeIdList(text.substr(at + separator.size()));
    heading.name = std::string(TrimSeparators(text.substr(0, at)));
    if (!heading.ids.empty()) return heading;
  }
  return std::nullopt;
}

/// A level named by its words only: "Senior", "3. Staff engineer", "Engineer II".
std::optional<LevelHeading> ParseNamedLevel(std::string_view text) {
  LevelHeading heading;
  size_t digits = 0;
  while (digits < text.size() && IsDigit(text[digits])) ++digits;
  if (digits > 0 && digits < text.size() &&
      std::string_view(".):").find(text[digits]) != std::string::npos) {
    heading.number = std::strtod(std::string(text.substr(0, digits)).c_str(), nullptr);
    text = Trim(text.substr(digits + 1));
  }
  const std::vector<std::string> words = Words(text);
  if (HasAnyWord(words, kSectionWords)) return std::nullopt;
  heading.rank = SeniorityRank(words);
  if (heading.rank < 0) return std::nullopt;
  heading.name = std::string(TrimSeparators(text));
  if (heading.number < 0) heading.number = TrailingNumber(heading.name);
  return heading;
}

/// Reads a heading (or table header cell) that names a level, or nothing.
std::optional<LevelHeading> ParseLevelHeading(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  size_t consumed = 0;
  std::vector<std::string> ids = ReadIdList(text, &consumed);
  if (!ids.empty() && (consumed == text.size() || !IsAlnum(text[consumed]))) {
    LevelHeading heading;
    heading.ids = std::move(ids);
    heading.explicit_id = true;
    heading.name = std::string(TrimSeparators(text.substr(consumed)));
    return heading;
  }
  if (auto numbered = ParseNumberedLevel(text)) return numbered;
  if (auto trailing = ParseTrailingIds(text)) return trailing;
  return ParseNamedLevel(text);
}

/// "Management track", "Individual contributor path": the levels under it are on that track.
bool IsTrackHeading(std::string_view text) {
  const std::vector<std::string> words = Words(text);
  return HasWord(words, "track") || HasWord(words, "path");
}

bool IsSummaryHeading(std::string_view text) {
  constexpr std::array<std::string_view, 6> kSummaryNames = {
      "summary", "overview", "description", "about", "in short", "in a nutshell"};
  const std::string lowered = ToLower(Trim(text));
  return std::find(kSummaryNames.begin(), kSummaryNames.end(), lowered) != kSummaryNames.end();
}

// ---------------------------------------------------------------------------------------------
// Labels: "**Leadership:**", "Knowledge & Experience:", "Time as IC: 60-80%".

struct InlineLabel {
  std::string label;       ///< without the colon
  std::string rest;        ///< the text after the label
  size_t rest_offset = 0;  ///< where |rest| starts in the labelled text
  bool bold = false;
  bool colon = false;  ///< "Label:" or "**Label** —", not just bold text
};

size_t SkipBlanks(std::string_view text, size_t pos) {
  while (pos < text.size() && IsBlank(text[pos])) ++pos;
  return pos;
}

/// "**Label:** rest", "**Label**: rest", "**Label** — rest", "**Label**".
std::optional<InlineLabel> ParseBoldLabel(const markdown::Text& labelled) {
  const std::string_view text = labelled.plain;
  InlineLabel label;
  label.bold = true;
  std::string_view inner = Trim(text.substr(0, labelled.strong_prefix));
  size_t rest = SkipBlanks(text, labelled.strong_prefix);
  if (!inner.empty() && inner.back() == ':') {
    inner.remove_suffix(1);
    label.colon = true;
  } else if (rest < text.size() && text[rest] == ':') {
    label.colon = true;
    rest = SkipBlanks(text, rest + 1);
  } else if (StartsWithDash(text.substr(rest))) {
    label.colon = true;
    rest = SkipBlanks(text, rest + (text[rest] == '-' ? 1 : 3));
  } else if (rest < text.size()) {
    return std::nullopt;  // emphasis that opens a sentence: "**Always** writes tests"
  }
  label.label = std::string(Trim(inner));
  label.rest = std::string(Trim(text.substr(rest)));
  label.rest_offset = rest;
  if (label.label.empty()) return std::nullopt;
  return label;
}

std::optional<InlineLabel> ParsePlainLabel(std::string_view text) {
  constexpr size_t kLongestLabel = 60;
  constexpr size_t kMostLabelWords = 6;
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > kLongestLabel) return std::nullopt;
  if (colon + 1 < text.size() && !IsBlank(text[colon + 1])) return std::nullopt;  // "10:30"
  const std::string_view head = text.substr(0, colon);
  if (Words(head).size() > kMostLabelWords || head.find('.') != std::string_view::npos) {
    return std::nullopt;
  }
  InlineLabel label;
  label.colon = true;
  label.label = std::string(Trim(head));
  label.rest_offset = SkipBlanks(text, colon + 1);
  label.rest = std::string(Trim(text.substr(label.rest_offset)));
  if (label.label.empty()) return std::nullopt;
  return label;
}

std::optional<InlineLabel> ParseInlineLabel(const markdown::Text& text) {
  if (text.strong_prefix > 0) return ParseBoldLabel(text);
  return ParsePlainLabel(text.plain);
}

bool IsEquivalenceLabel(std::string_view label) {
  const std::vector<std::string> words = Words(label);
  return HasWord(words, "equivalent") || HasWord(words, "equivalence");
}

/// "Management" in "Management equivalent", with the writer's capitals; "" for "Equivalent".
std::string TrackWordOf(std::string_view label) {
  const std::vector<std::string> words = Words(label);
  if (words.size() < 2 || words[0] == "equivalent" || words[0] == "equivalence") return "";
  size_t start = 0;
  while (start < label.size() && !IsAlnum(label[start])) ++start;
  return std::string(label.substr(start, words[0].size()));
}

// ---------------------------------------------------------------------------------------------
// Soft guides: "Typical experience: 3-5 years", "Time as IC: 60-80%", "8+ years".

enum class GuideKind { kNone, kTypicalYears, kLeadershipYears, kIcTime };

GuideKind ClassifyGuide(std::string_view label) {
  const std::vector<std::string> words = Words(label);
  if (IsEquivalenceLabel(label)) return GuideKind::kNone;
  constexpr std::array<std::string_view, 5> kYears = {"years", "year", "yrs", "experience",
                                                      "tenure"};
  constexpr std::array<std::string_view, 3> kTime = {"time", "share", "work"};
  constexpr std::array<std::string_view, 4> kIc = {"ic", "individual", "coding", "hands"};
  constexpr std::array<std::string_view, 5> kLeading = {"leadership", "leading", "management",
                                                        "managing", "people"};
  const bool years = HasAnyWord(words, kYears);
  if (HasAnyWord(words, kTime) && HasAnyWord(words, kIc)) return GuideKind::kIcTime;
  if (years && HasAnyWord(words, kLeading)) return GuideKind::kLeadershipYears;
  if (years) return GuideKind::kTypicalYears;
  return GuideKind::kNone;
}

/// A label that can only mean a guide: a value that is not a range is a mistake to report, not
/// a criterion ("Typical experience: several years").
bool IsUnmistakableGuide(std::string_view label, GuideKind kind) {
  const std::vector<std::string> words = Words(label);
  return kind == GuideKind::kIcTime || kind == GuideKind::kLeadershipYears ||
         HasWord(words, "typical") || HasWord(words, "typically") || HasWord(words, "years");
}

struct GuideToken {
  enum class Kind { kNumber, kSymbol, kWord } kind;
  std::string text;
  double value = 0;
};

std::vector<GuideToken> GuideTokens(std::string_view text) {
  std::vector<GuideToken> tokens;
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (IsBlank(c)) {
      ++i;
    } else if (IsDigit(c)) {
      size_t end = i;
      while (end < text.size() && (IsDigit(text[end]) || text[end] == '.')) ++end;
      while (end > i && text[end - 1] == '.') --end;
      const std::string number(text.substr(i, end - i));
      tokens.push_back({GuideToken::Kind::kNumber, number, std::strtod(number.c_str(), nullptr)});
      i = end;
    } else if (IsAlpha(c)) {
      size_t end = i;
      while (end < text.size() && IsAlpha(text[end])) ++end;
      tokens.push_back({GuideToken::Kind::kWord, ToLower(text.substr(i, end - i)), 0});
      i = end;
    } else if (StartsWith(text.substr(i), "–") || StartsWith(text.substr(i), "—")) {
      tokens.push_back({GuideToken::Kind::kSymbol, "-", 0});
      i += 3;
    } else {
      tokens.push_back({GuideToken::Kind::kSymbol, std::string(1, c), 0});
      i += 1;
    }
  }
  return tokens;
}

/// Reads "3-5 years", "3 to 5 years", "8+ years", "at least 8 years", "60-80%", "5".
std::optional<model::NumberRange> ParseGuideRange(std::string_view value) {
  const std::vector<GuideToken> tokens = GuideTokens(value);
  constexpr std::array<std::string_view, 9> kLeading = {"about",         "around",    "approx",
                                                        "approximately", "typically", "usually",
                                                        "roughly",       "at",        "least"};
  constexpr std::array<std::string_view, 15> kTrailing = {
      "years", "year", "yrs",     "yr", "of",   "experience", "time",     "the",
      "or",    "more", "percent", "ic", "work", "plus",       "typically"};
  using Kind = GuideToken::Kind;
  model::NumberRange range;
  size_t i = 0;
  const auto is = [&](Kind kind, std::string_view text) {
    return i < tokens.size() && tokens[i].kind == kind && tokens[i].text == text;
  };
  for (; i < tokens.size() && !(tokens[i].kind == Kind::kNumber); ++i) {
    const bool filler = tokens[i].kind == Kind::kWord ? std::find(kLeading.begin(), kLeading.end(),
                                                                  tokens[i].text) != kLeading.end()
                                                      : tokens[i].text == "~";
    if (!filler) return std::nullopt;
    if (tokens[i].text == "least") range.open_ended = true;
  }
  if (i == tokens.size()) return std::nullopt;
  range.min = range.max = tokens[i++].value;
  if (is(Kind::kSymbol, "%")) ++i;
  if (is(Kind::kSymbol, "+")) {
    range.open_ended = true;
    ++i;
  } else if (is(Kind::kSymbol, "-") || is(Kind::kWord, "to")) {
    ++i;
    if (i == tokens.size() || tokens[i].kind != Kind::kNumber) return std::nullopt;
    range.max = tokens[i++].value;
  }
  for (; i < tokens.size(); ++i) {
    const GuideToken& token = tokens[i];
    const bool filler =
        token.kind == Kind::kWord
            ? std::find(kTrailing.begin(), kTrailing.end(), token.text) != kTrailing.end()
            : (token.text == "%" || token.text == "." || token.text == "+");
    if (!filler) return std::nullopt;
    if (token.text == "more" || token.text == "plus" || token.text == "+") range.open_ended = true;
  }
  if (range.max < range.min) return std::nullopt;
  if (range.open_ended) range.max = range.min;
  return range;
}

// ---------------------------------------------------------------------------------------------
// Tables.

enum class TableShape { kAreaByLevel, kLevelByArea, kAreaRows, kUnknown };

bool IsAreaColumnName(std::string_view text) {
  constexpr std::array<std::string_view, 14> kNames = {
      "",          "area", "areas",    "competency", "competencies", "skill",      "skills",
      "dimension", "axis", "category", "pillar",     "theme",        "focus area", "attribute"};
  const std::string lowered = ToLower(Trim(text));
  return std::find(kNames.begin(), kNames.end(), lowered) != kNames.end();
}

bool IsLevelColumnName(std::string_view text) {
  constexpr std::array<std::string_view, 7> kNames = {"level", "levels", "role",    "roles",
                                                      "title", "grade",  "position"};
  const std::string lowered = ToLower(Trim(text));
  return std::find(kNames.begin(), kNames.end(), lowered) != kNames.end();
}

/// A cell that says "nothing here": "", "-", "—", "n/a".
bool IsEmptyCell(std::string_view text) {
  const std::string lowered = ToLower(Trim(text));
  return lowered.empty() || lowered == "-" || lowered == "–" || lowered == "—" ||
         lowered == "n/a" || lowered == "none";
}

struct CellPiece {
  std::string text;
  SourceLoc loc;
};

/// The criteria in a table cell: separated by "<br>" or ';'.
std::vector<CellPiece> SplitCell(const markdown::Text& cell) {
  std::vector<CellPiece> pieces;
  const std::string_view text = cell.plain;
  size_t start = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const bool separator = i == text.size() || text[i] == ';' ||
                           std::binary_search(cell.breaks.begin(), cell.breaks.end(), i);
    if (!separator) continue;
    const std::string_view piece = text.substr(start, i - start);
    if (!IsEmptyCell(piece)) {
      pieces.push_back({std::string(Trim(piece)), cell.At(SkipBlanks(text, start))});
    }
    start = i + 1;
  }
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// The importer: reads blocks in order, keeping track of the level, area and track they belong to.

enum class Section { kPreamble, kTitle, kLevel, kLevelSummary, kSkipped };

/// A level as found in the document, before grades are invented for it.
struct DraftLevel {
  model::Level level;
  std::string prefix;  ///< the letters of an explicit id, upper case: "T" for "T5"
  double number = -1;  ///< for ordering: 5 for "T5"
  int rank = -1;       ///< seniority of the name's words, for ordering
  bool split = false;  ///< named together with levels of other tracks ("T5/L5")
  std::string track;   ///< set by a track heading
};

/// "Management equivalent: L5", resolved once every level is known.
struct DraftEquivalence {
  std::vector<int> levels;           ///< the levels the line belongs to
  std::vector<std::string> targets;  ///< the levels it names, as written
  std::string track_word;            ///< "Management"
  SourceLoc loc;
};

struct Link {
  int a = 0;
  int b = 0;
  SourceLoc loc;
};

/// A restriction that holds for one list item and the items nested in it.
struct ItemScope {
  int depth = 0;  ///< the item's nesting depth
  std::vector<int> levels;
};

struct Context {
  Section section = Section::kPreamble;
  std::string heading;      ///< the skipped heading, for messages
  std::vector<int> levels;  ///< the levels of the current level heading
  int level_depth = 0;
  std::string area;       ///< the current area id
  std::vector<int> only;  ///< a restriction to some of |levels| ("### T5"); empty for none
  int only_depth = 0;
  std::optional<ItemScope> scope;
  bool has_content = false;  ///< an area or a criterion has been read for the level
};

struct TrackHeading {
  std::string id;
  std::string name;
  int depth = 0;
};

struct RowLabel {
  enum class Kind { kArea, kSummary, kGuide, kEquivalence } kind = Kind::kArea;
  std::string area;  ///< area id for kArea
  GuideKind guide = GuideKind::kNone;
  std::string text;  ///< the label as written
};

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kTrackNames = {{
    {"T", "Technical"},
    {"L", "Leadership"},
    {"M", "Management"},
    {"IC", "Individual contributor"},
    {"E", "Engineering"},
}};

constexpr std::string_view kSingleTrackId = "main";
constexpr std::string_view kSingleTrackName = "Main";

class Importer {
 public:
  Importer(const MarkdownImportOptions& options, Diagnostics& diagnostics)
      : options_(options), diagnostics_(diagnostics) {}

  void Read(const std::vector<Block>& blocks) {
    blocks_ = &blocks;
    for (block_index_ = 0; block_index_ < blocks.size(); ++block_index_) {
      const Block& block = blocks[block_index_];
      switch (block.kind) {
        case BlockKind::kHeading:
          ReadHeading(block);
          break;
        case BlockKind::kParagraph:
          ReadParagraph(block);
          break;
        case BlockKind::kListItem:
          ReadListItem(block);
          break;
        case BlockKind::kTable:
          ReadTable(block);
          break;
        case BlockKind::kCode:
          ReadCode(block);
          break;
        case BlockKind::kHtml:
          ReadHtml(block);
          break;
      }
    }
  }

  model::Framework Build();

 private:
  // --- Where we are.
  [[nodiscard]] bool InLevel() const { return !context_.levels.empty(); }

  [[nodiscard]] std::vector<int> Targets() const {
    if (context_.scope) return context_.scope->levels;
    if (!context_.only.empty()) return context_.only;
    return context_.levels;
  }

  [[nodiscard]] bool NextBlockIsListItem() const {
    return block_index_ + 1 < blocks_->size() &&
           (*blocks_)[block_index_ + 1].kind == BlockKind::kListItem;
  }

  [[nodiscard]] std::string LevelIds(const std::vector<int>& levels) const {
    std::vector<std::string> ids;
    ids.reserve(levels.size());
    for (int index : levels) ids.push_back(levels_[index].level.id);
    return QuotedList(ids);
  }

  // --- Headings.
  void ReadHeading(const Block& block);
  void StartTitle(const std::string& text, SourceLoc loc);
  void StartLevel(const LevelHeading& heading, const Block& block);
  void ReadSubHeading(const std::string& text, const Block& block);
  void StartTrack(const std::string& text, const Block& block);
  void SkipSection(const std::string& text, const Block& block);

  // --- Levels and areas.
  int FindLevel(std::string_view id) const;
  int CreateOrMergeLevel(const std::string& id, const LevelHeading& heading, SourceLoc loc,
                         bool from_heading);
  std::vector<int> LevelsFor(const LevelHeading& heading, SourceLoc loc, bool from_heading);
  std::string EnsureArea(const std::string& name, SourceLoc loc);
  std::string CurrentArea(SourceLoc loc);
  std::vector<int> MatchRestriction(const std::string& label) const;
  void AddCriterion(const std::vector<int>& levels, const std::string& area,
                    const std::string& text, SourceLoc loc);

  // --- Paragraphs and list items.
  void ReadParagraph(const Block& block);
  bool ReadDirective(const markdown::Text& text);
  bool ApplyLabel(const InlineLabel& label, const markdown::Text& text,
                  std::optional<int> item_depth);
  void ReadProse(const std::string& raw, SourceLoc loc);
  void SetSummaryOrDescription(const std::string& text, SourceLoc loc,
                               const std::vector<int>& levels);
  void WarnUnplaced(SourceLoc loc, std::string_view what, std::string_view text);
  void ReadListItem(const Block& block);
  void ReadCode(const Block& block);
  void ReadHtml(const Block& block);
  void SetGuide(const std::vector<int>& levels, GuideKind kind, const model::NumberRange& range,
                SourceLoc loc);
  void RecordEquivalence(const std::vector<int>& levels, const std::string& label,
                         std::string_view value, SourceLoc loc);

  // --- Tables.
  void ReadTable(const Block& block);
  [[nodiscard]] TableShape ShapeOf(const Block& block) const;
  void ReadAreaByLevelTable(const Block& block);
  void ReadLevelByAreaTable(const Block& block);
  void ReadAreaRowsTable(const Block& block);
  void WarnRaggedRows(const Block& block);
  RowLabel ClassifyLabel(const markdown::Text& label,
                         const std::vector<const markdown::Text*>& cells);
  void ApplyCell(const std::vector<int>& levels, const RowLabel& label, const markdown::Text& cell);
  std::vector<int> LevelsForCell(const markdown::Text& cell);

  // --- Building the framework.
  [[nodiscard]] bool ListedHighestFirst() const;
  void AssignTracks();
  [[nodiscard]] std::vector<std::string> TracksOf(int level) const;
  [[nodiscard]] std::vector<std::vector<int>> Chains() const;
  [[nodiscard]] int Root(int level) const;
  [[nodiscard]] std::optional<std::vector<int>> ComputePositions() const;
  [[nodiscard]] std::string SharedTrack(int root_a, int root_b) const;
  void TryLink(int a, int b, SourceLoc loc);
  int ResolveTarget(std::string_view target) const;
  void ResolveEquivalences();
  void ExtendBandsUpwards(const std::vector<std::vector<int>>& chains, const std::vector<int>& low,
                          std::vector<int>& high) const;
  void CloseGaps(const std::vector<std::vector<int>>& chains, std::vector<int>& low,
                 const std::vector<int>& high) const;
  void AssignGrades(model::Framework& framework);
  [[nodiscard]] std::vector<model::Track> MakeTracks() const;
  [[nodiscard]] std::vector<model::Equivalence> MakeEquivalences(
      const std::vector<int>& final_order) const;

  const MarkdownImportOptions& options_;
  Diagnostics& diagnostics_;
  const std::vector<Block>* blocks_ = nullptr;
  size_t block_index_ = 0;
  Context context_;
  std::optional<TrackHeading> track_heading_;

  std::string title_;
  std::string description_;
  std::vector<DraftLevel> levels_;
  std::vector<model::Area> areas_;
  std::vector<DraftEquivalence> equivalences_;
  std::vector<Link> links_;
  std::map<std::string, std::string> track_names_;       ///< from track headings, by track id
  std::map<std::string, std::string> track_name_hints_;  ///< from equivalence labels, by prefix
  bool noted_default_area_ = false;

  // Set by Build().
  std::vector<int> order_;  ///< levels lowest first, before grades are known
  std::vector<std::string> track_ids_;
  std::vector<int> parent_;
  std::map<int, SourceLoc> link_locs_;
};

// --- Headings -------------------------------------------------------------------------------

void Importer::ReadHeading(const Block& block) {
  const std::string& text = block.text.plain;
  if (context_.only_depth >= block.depth) context_.only.clear();
  context_.scope.reset();
  const std::optional<LevelHeading> heading = ParseLevelHeading(text);
  const bool explicit_id = heading && heading->explicit_id;
  if (title_.empty() && levels_.empty() && block.depth == 1 && !explicit_id) {
    StartTitle(text, block.loc);
    return;
  }
  const bool below_level = InLevel() && block.depth > context_.level_depth;
  // "### T5" under "## T5/L5" singles out one of the heading's levels; it starts no new level.
  const bool restriction = below_level && !MatchRestriction(text).empty();
  if (heading && !restriction && (explicit_id || !below_level)) {
    StartLevel(*heading, block);
  } else if (below_level) {
    ReadSubHeading(text, block);
  } else if (IsTrackHeading(text)) {
    StartTrack(text, block);
  } else {
    SkipSection(text, block);
  }
}

void Importer::StartTitle(const std::string& text, SourceLoc loc) {
  title_ = text;
  if (title_.empty()) {
    diagnostics_.Warning(loc, kCodeUnplaced, "skipped an empty title heading");
  }
  context_ = Context{};
  context_.section = Section::kTitle;
}

void Importer::StartLevel(const LevelHeading& heading, const Block& block) {
  if (track_heading_ && block.depth <= track_heading_->depth) track_heading_.reset();
  std::vector<int> levels = LevelsFor(heading, block.loc, /*from_heading=*/true);
  context_ = Context{};
  context_.section = Section::kLevel;
  context_.levels = std::move(levels);
  context_.level_depth = block.depth;
}

void Importer::ReadSubHeading(const std::string& text, const Block& block) {
  context_.section = Section::kLevel;
  if (std::vector<int> only = MatchRestriction(text); !only.empty()) {
    context_.only = std::move(only);
    context_.only_depth = block.depth;
    context_.area.clear();
    return;
  }
  if (IsSummaryHeading(text)) {
    context_.section = Section::kLevelSummary;
    context_.area.clear();
    return;
  }
  if (text.empty()) {
    diagnostics_.Warning(block.loc, kCodeUnplaced,
                         "skipped an empty heading; the area before it continues");
    return;
  }
  context_.area = EnsureArea(text, block.text.loc);
  context_.has_content = true;
}

void Importer::StartTrack(const std::string& text, const Block& block) {
  std::vector<std::string> kept;
  for (const std::string& word : Words(text)) {
    if (word != "track" && word != "path" && word != "the" && word != "career")
      kept.push_back(word);
  }
  TrackHeading track;
  track.id = Slug(Join(kept, " "));
  if (track.id.empty()) track.id = fmt::format("track-{}", track_names_.size() + 1);
  // The name keeps the writer's capitals: "Management track" → "Management".
  std::string name = text;
  for (std::string_view suffix : {" track", " Track", " path", " Path"}) {
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
      name.resize(name.size() - suffix.size());
    }
  }
  track.name = std::string(Trim(name));
  track.depth = block.depth;
  track_names_.emplace(track.id, track.name);
  track_heading_ = track;
  context_ = Context{};
  context_.section = Section::kSkipped;
  context_.heading = text;
}

void Importer::SkipSection(const std::string& text, const Block& block) {
  if (track_heading_ && block.depth <= track_heading_->depth) track_heading_.reset();
  diagnostics_.Warning(
      block.loc, kCodeUnplaced,
      fmt::format("skipped heading '{}': it names no level, area or track", Excerpt(text)));
  context_ = Context{};
  context_.section = Section::kSkipped;
  context_.heading = text;
}

// --- Levels and areas -----------------------------------------------------------------------

int Importer::FindLevel(std::string_view id) const {
  for (size_t i = 0; i < levels_.size(); ++i) {
    if (EqualsIgnoreCase(levels_[i].level.id, id)) return static_cast<int>(i);
  }
  return -1;
}

int Importer::CreateOrMergeLevel(const std::string& id, const LevelHeading& heading, SourceLoc loc,
                                 bool from_heading) {
  if (const int found = FindLevel(id); found >= 0) {
    DraftLevel& draft = levels_[found];
    if (from_heading) {
      diagnostics_.Note(loc, kCodeDuplicate,
                        fmt::format("level '{}' appears again (first at line {}); what follows "
                                    "is added to it",
                                    draft.level.id, draft.level.loc.line));
    }
    if (draft.level.name == draft.level.id && !heading.name.empty()) {
      draft.level.name = heading.name;
    }
    return found;
  }
  DraftLevel draft;
  draft.level.id = id;
  draft.level.name = heading.name.empty() ? id : heading.name;
  draft.level.loc = loc;
  draft.level.grades_loc = loc;
  draft.prefix = IsLevelIdToken(id) ? LettersOfId(id) : "";
  draft.number = heading.explicit_id ? NumberOfId(id) : heading.number;
  draft.rank = heading.rank;
  if (track_heading_) draft.track = track_heading_->id;
  levels_.push_back(std::move(draft));
  return static_cast<int>(levels_.size()) - 1;
}

std::vector<int> Importer::LevelsFor(const LevelHeading& heading, SourceLoc loc,
                                     bool from_heading) {
  std::vector<std::string> ids = heading.ids;
  if (ids.empty()) {
    std::string slug = Slug(heading.name);
    if (slug.empty()) slug = fmt::format("level-{}", levels_.size() + 1);
    ids.push_back(slug);
  }
  std::vector<int> group;
  for (const std::string& id : ids) {
    const int index = CreateOrMergeLevel(id, heading, loc, from_heading);
    if (std::find(group.begin(), group.end(), index) == group.end()) group.push_back(index);
  }
  if (group.size() > 1) {
    for (size_t k = 0; k < group.size(); ++k) {
      levels_[group[k]].split = true;
      if (k > 0) links_.push_back({group[0], group[k], loc});
    }
  }
  return group;
}

std::string Importer::EnsureArea(const std::string& name, SourceLoc loc) {
  std::string id = Slug(name);
  if (id.empty()) id = fmt::format("area-{}", areas_.size() + 1);
  for (const model::Area& area : areas_) {
    if (area.id == id) return id;
  }
  model::Area area;
  area.id = id;
  area.name = name;
  area.loc = loc;
  areas_.push_back(std::move(area));
  return id;
}

std::string Importer::CurrentArea(SourceLoc loc) {
  if (!context_.area.empty()) return context_.area;
  if (!noted_default_area_) {
    diagnostics_.Note(loc, kCodeArea,
                      "criteria written without an area heading or label were put in area "
                      "'General'");
    noted_default_area_ = true;
  }
  context_.area = EnsureArea("General", loc);
  return context_.area;
}

/// The levels of the current heading that |label| singles out: "T5", "L5 only", "Technical
/// track". A bare track name ("Leadership") stays an area: it is a common area name.
std::vector<int> Importer::MatchRestriction(const std::string& label) const {
  if (context_.levels.size() < 2) return {};
  std::vector<std::string> words = Words(label);
  const bool says_track =
      HasWord(words, "track") || HasWord(words, "path") || HasWord(words, "only");
  std::erase_if(words, [](const std::string& word) {
    return word == "track" || word == "path" || word == "only" || word == "level";
  });
  const std::string wanted = Join(words, " ");
  std::vector<int> matched;
  for (int index : context_.levels) {
    const DraftLevel& draft = levels_[index];
    std::string track_name;
    for (const auto& [prefix, name] : kTrackNames) {
      if (prefix == draft.prefix) track_name = ToLower(name);
    }
    const bool by_id = wanted == ToLower(draft.level.id) ||
                       (!draft.prefix.empty() && wanted == ToLower(draft.prefix));
    const bool by_track_name = says_track && !track_name.empty() && wanted == track_name;
    if (by_id || by_track_name) matched.push_back(index);
  }
  return matched;
}

void Importer::AddCriterion(const std::vector<int>& levels, const std::string& area,
                            const std::string& text, SourceLoc loc) {
  if (text.empty()) return;
  for (int index : levels) {
    model::Criterion criterion;
    criterion.area = area;
    criterion.text = text;
    criterion.loc = loc;
    criterion.area_loc = loc;
    levels_[index].level.criteria.push_back(std::move(criterion));
  }
  context_.has_content = true;
}

// --- Paragraphs and list items --------------------------------------------------------------

void Importer::ReadParagraph(const Block& block) {
  std::string prose;
  SourceLoc prose_loc;
  const auto flush = [&] {
    if (!prose.empty()) ReadProse(prose, prose_loc);
    prose.clear();
  };
  for (size_t i = 0; i < block.lines.size(); ++i) {
    const markdown::Text& line = block.lines[i];
    if (ReadDirective(line)) {
      flush();
      continue;
    }
    const std::optional<InlineLabel> label = ParseInlineLabel(line);
    const bool last = i + 1 == block.lines.size();
    const bool is_label = label && ((label->bold && (label->colon || label->rest.empty())) ||
                                    (label->rest.empty() && last && NextBlockIsListItem()));
    if (is_label && InLevel()) {
      flush();
      ApplyLabel(*label, line, std::nullopt);
      continue;
    }
    if (prose.empty()) prose_loc = line.loc;
    prose += (prose.empty() ? "" : " ") + line.plain;
  }
  flush();
}

/// Guides and equivalences: "Typical experience: 3-5 years", "Management equivalent: L5".
/// Returns true when |text| was one (placed or reported).
bool Importer::ReadDirective(const markdown::Text& text) {
  const SourceLoc loc = text.loc;
  const std::optional<InlineLabel> label = ParseInlineLabel(text);
  if (!label || !label->colon || label->rest.empty()) return false;
  if (IsEquivalenceLabel(label->label)) {
    if (!InLevel()) {
      WarnUnplaced(loc, "an equivalence outside any level", text.plain);
    } else {
      RecordEquivalence(Targets(), label->label, label->rest, loc);
    }
    return true;
  }
  const GuideKind kind = ClassifyGuide(label->label);
  if (kind == GuideKind::kNone) return false;
  const std::optional<model::NumberRange> range = ParseGuideRange(label->rest);
  if (!range) {
    if (!IsUnmistakableGuide(label->label, kind)) return false;
    diagnostics_.Warning(loc, kCodeGuide,
                         fmt::format("skipped guide '{}': could not read a range from '{}' "
                                     "(write e.g. '3-5 years', '8+ years' or '60-80%')",
                                     label->label, Excerpt(label->rest)));
    return true;
  }
  if (!InLevel()) {
    WarnUnplaced(loc, "a guide outside any level", text.plain);
    return true;
  }
  SetGuide(Targets(), kind, *range, loc);
  return true;
}

void Importer::SetGuide(const std::vector<int>& levels, GuideKind kind,
                        const model::NumberRange& range, SourceLoc loc) {
  if (kind == GuideKind::kIcTime && range.max > 100) {
    diagnostics_.Warning(loc, kCodeGuide, "skipped a share of IC time above 100%");
    return;
  }
  for (int index : levels) {
    model::SoftGuides& guides = levels_[index].level.guides;
    if (kind == GuideKind::kTypicalYears) guides.typical_years = range;
    if (kind == GuideKind::kLeadershipYears) guides.leadership_years = range;
    if (kind == GuideKind::kIcTime) guides.ic_time_percent = range;
    if (guides.loc.line == 0) guides.loc = loc;
  }
}

void Importer::RecordEquivalence(const std::vector<int>& levels, const std::string& label,
                                 std::string_view value, SourceLoc loc) {
  DraftEquivalence equivalence;
  equivalence.levels = levels;
  equivalence.track_word = TrackWordOf(label);
  equivalence.loc = loc;
  std::string text(value);
  for (std::string_view separator : {" or ", " and ", "/", ",", "&"}) {
    for (size_t at = text.find(separator); at != std::string::npos;
         at = text.find(separator, at + 1)) {
      text.replace(at, separator.size(), "|");
    }
  }
  for (size_t start = 0; start <= text.size();) {
    size_t end = text.find('|', start);
    if (end == std::string::npos) end = text.size();
    const std::string target(TrimSeparators(std::string_view(text).substr(start, end - start)));
    if (!target.empty()) equivalence.targets.push_back(target);
    start = end + 1;
  }
  equivalences_.push_back(std::move(equivalence));
}

/// A label inside a level: an area ("**Delivery:**") or a restriction to some of the heading's
/// levels ("**T5:**"). Text after the label is a criterion. Returns false outside a level.
bool Importer::ApplyLabel(const InlineLabel& label, const markdown::Text& text,
                          std::optional<int> item_depth) {
  if (!InLevel()) return false;
  const SourceLoc rest_loc = text.At(label.rest_offset);
  if (std::vector<int> only = MatchRestriction(label.label); !only.empty()) {
    if (item_depth) {
      context_.scope = ItemScope{*item_depth, only};
    } else if (label.rest.empty()) {
      context_.only = only;
      context_.only_depth = kAnyHeading;
    }
    AddCriterion(only, CurrentArea(rest_loc), label.rest, rest_loc);
    return true;
  }
  context_.section = Section::kLevel;
  context_.area = EnsureArea(label.label, text.loc);
  context_.has_content = true;
  AddCriterion(Targets(), context_.area, label.rest, rest_loc);
  return true;
}

void Importer::WarnUnplaced(SourceLoc loc, std::string_view what, std::string_view text) {
  std::string where;
  switch (context_.section) {
    case Section::kSkipped:
      where =
          fmt::format("it is under heading '{}', which names no level", Excerpt(context_.heading));
      break;
    case Section::kLevel:
    case Section::kLevelSummary:
      where = "only list items are read as criteria once a level's areas have begun";
      break;
    default:
      where = levels_.empty() ? "it comes before the first level" : "it belongs to no level";
  }
  diagnostics_.Warning(loc, kCodeUnplaced,
                       fmt::format("skipped {} '{}': {}", what, Excerpt(text), where));
}

void Importer::ReadProse(const std::string& text, SourceLoc loc) {
  if (text.empty()) return;
  if (StartsWith(text, "|")) {
    diagnostics_.Warning(loc, kCodeTable,
                         "skipped a line that looks like a table row: a table needs a delimiter "
                         "row such as '|---|---|' under its header, with as many cells as the "
                         "header");
    return;
  }
  if (context_.section == Section::kTitle) {
    description_ += (description_.empty() ? "" : "\n\n") + text;
    diagnostics_.Note(loc, kCodeDescription,
                      "text under the title was taken as the framework's description");
    return;
  }
  const bool summary_place = context_.section == Section::kLevelSummary || !context_.has_content;
  if (InLevel() && summary_place) {
    SetSummaryOrDescription(text, loc, Targets());
    return;
  }
  WarnUnplaced(loc, InLevel() ? "a paragraph" : "text", text);
}

void Importer::SetSummaryOrDescription(const std::string& text, SourceLoc loc,
                                       const std::vector<int>& levels) {
  bool summary = false;
  for (int index : levels) {
    model::Level& level = levels_[index].level;
    if (level.summary.empty()) {
      level.summary = text;
      summary = true;
    } else {
      level.description += (level.description.empty() ? "" : "\n\n") + text;
    }
  }
  diagnostics_.Note(loc, summary ? kCodeSummary : kCodeDescription,
                    fmt::format("this paragraph was taken as the {} of level {}",
                                summary ? "summary" : "description", LevelIds(levels)));
}

void Importer::ReadListItem(const Block& block) {
  const markdown::Text& text = block.text;
  if (context_.scope && block.depth <= context_.scope->depth) context_.scope.reset();
  if (!InLevel()) {
    if (!ReadDirective(text)) WarnUnplaced(block.loc, "list item", text.plain);
    return;
  }
  if (ReadDirective(text)) return;
  if (context_.section == Section::kLevelSummary) {
    ReadProse(text.plain, text.loc);
    return;
  }
  const std::optional<InlineLabel> label = ParseInlineLabel(text);
  const bool is_label =
      label && ((label->bold && label->colon) || (label->rest.empty() && block.has_children));
  if (is_label) {
    ApplyLabel(*label, text, block.depth);
    return;
  }
  AddCriterion(Targets(), CurrentArea(text.loc), text.plain, text.loc);
}

// --- Code and HTML --------------------------------------------------------------------------

/// "…; it was ignored…" for a block that is never closed, by how the reader recovered from it.
std::string NeverClosed(const Block& block, std::string_view what) {
  if (block.end_line > block.loc.line) {
    return fmt::format("this {} is never closed; lines {}-{} were read as part of it", what,
                       block.loc.line, block.end_line);
  }
  return fmt::format(
      "this {} is never closed; {} and the lines after it read as normal text", what,
      block.kind == BlockKind::kCode ? "it was ignored" : "its first line was ignored");
}

void Importer::ReadCode(const Block& block) {
  if (!block.closed) {
    diagnostics_.Warning(block.loc, kCodeStructure, NeverClosed(block, "code fence"));
    return;
  }
  diagnostics_.Warning(block.loc, kCodeUnplaced,
                       fmt::format("skipped a code block (lines {}-{}): code is not part of a "
                                   "ladder",
                                   block.loc.line, block.end_line));
}

void Importer::ReadHtml(const Block& block) {
  if (!block.closed) {
    diagnostics_.Warning(block.loc, kCodeStructure, NeverClosed(block, "HTML comment"));
    return;
  }
  if (block.comment) return;  // a note to the ladder's writers, not part of the ladder
  diagnostics_.Warning(block.loc, kCodeUnplaced,
                       fmt::format("skipped HTML (lines {}-{}): only Markdown is imported; write "
                                   "the content as Markdown to import it",
                                   block.loc.line, block.end_line));
}

// --- Tables ---------------------------------------------------------------------------------

void Importer::ReadTable(const Block& block) {
  const TableRow& header = block.rows.front();
  if (header.cells.size() < 2) {
    diagnostics_.Warning(block.loc, kCodeTable,
                         "skipped a table with a single column: it names no level or area");
    return;
  }
  if (block.rows.size() < 2) {
    diagnostics_.Warning(block.loc, kCodeTable, "skipped a table with a header but no rows");
    return;
  }
  WarnRaggedRows(block);
  switch (ShapeOf(block)) {
    case TableShape::kAreaByLevel:
      ReadAreaByLevelTable(block);
      break;
    case TableShape::kLevelByArea:
      ReadLevelByAreaTable(block);
      break;
    case TableShape::kAreaRows:
      ReadAreaRowsTable(block);
      break;
    case TableShape::kUnknown:
      diagnostics_.Warning(block.loc, kCodeTable,
                           "skipped a table: could not tell which cells name levels (an area × "
                           "level table has the area column first, e.g. 'Area', and level names "
                           "in the other header cells)");
      break;
  }
}

TableShape Importer::ShapeOf(const Block& block) const {
  const std::vector<markdown::Text>& header = block.rows.front().cells;
  const std::string& first = header[0].plain;
  int header_levels = 0;
  for (size_t c = 1; c < header.size(); ++c) {
    if (ParseLevelHeading(header[c].plain)) ++header_levels;
  }
  int row_levels = 0;
  const int rows = static_cast<int>(block.rows.size()) - 1;
  for (size_t r = 1; r < block.rows.size(); ++r) {
    if (ParseLevelHeading(block.rows[r].cells.front().plain)) ++row_levels;
  }
  if (InLevel() && header_levels == 0) return TableShape::kAreaRows;
  if (IsLevelColumnName(first) || (header_levels == 0 && row_levels > 0 && row_levels * 2 >= rows &&
                                   !IsAreaColumnName(first))) {
    return TableShape::kLevelByArea;
  }
  if (IsAreaColumnName(first) || header_levels > 0) return TableShape::kAreaByLevel;
  return TableShape::kUnknown;
}

void Importer::WarnRaggedRows(const Block& block) {
  const size_t columns = block.rows.front().cells.size();
  for (size_t r = 1; r < block.rows.size(); ++r) {
    const TableRow& row = block.rows[r];
    if (!row.ignored_cells.empty()) {
      diagnostics_.Warning(row.ignored_cells.front(), kCodeTable,
                           fmt::format("skipped {} cell(s) beyond the table's {} columns",
                                       row.ignored_cells.size(), columns));
    } else if (row.cells.size() < columns) {
      diagnostics_.Note(row.loc, kCodeTable,
                        fmt::format("this row has {} of the table's {} cells; the missing cells "
                                    "were read as empty",
                                    row.cells.size(), columns));
    }
  }
}

std::vector<int> Importer::LevelsForCell(const markdown::Text& cell) {
  const std::string& text = cell.plain;
  if (text.empty()) return {};
  std::optional<LevelHeading> heading = ParseLevelHeading(text);
  if (!heading) {
    heading = LevelHeading{};
    heading->name = text;
  }
  return LevelsFor(*heading, cell.loc, /*from_heading=*/false);
}

RowLabel Importer::ClassifyLabel(const markdown::Text& label_cell,
                                 const std::vector<const markdown::Text*>& cells) {
  RowLabel label;
  label.text = label_cell.plain;
  if (IsSummaryHeading(label.text)) {
    label.kind = RowLabel::Kind::kSummary;
    return label;
  }
  if (IsEquivalenceLabel(label.text)) {
    label.kind = RowLabel::Kind::kEquivalence;
    return label;
  }
  const GuideKind guide = ClassifyGuide(label.text);
  bool ranges = guide != GuideKind::kNone;
  for (const markdown::Text* cell : cells) {
    if (ranges && !IsEmptyCell(cell->plain) && !ParseGuideRange(cell->plain)) ranges = false;
  }
  if (guide != GuideKind::kNone && (ranges || IsUnmistakableGuide(label.text, guide))) {
    label.kind = RowLabel::Kind::kGuide;
    label.guide = guide;
    return label;
  }
  label.area = EnsureArea(label.text, label_cell.loc);
  return label;
}

void Importer::ApplyCell(const std::vector<int>& levels, const RowLabel& label,
                         const markdown::Text& cell) {
  if (IsEmptyCell(cell.plain)) return;
  if (levels.empty()) {
    diagnostics_.Warning(
        cell.loc, kCodeTable,
        fmt::format("skipped cell '{}': its column or row names no level", Excerpt(cell.plain)));
    return;
  }
  switch (label.kind) {
    case RowLabel::Kind::kArea:
      for (const CellPiece& piece : SplitCell(cell)) {
        AddCriterion(levels, label.area, piece.text, piece.loc);
      }
      break;
    case RowLabel::Kind::kSummary:
      SetSummaryOrDescription(cell.plain, cell.loc, levels);
      break;
    case RowLabel::Kind::kGuide:
      if (const auto range = ParseGuideRange(cell.plain)) {
        SetGuide(levels, label.guide, *range, cell.loc);
      } else {
        diagnostics_.Warning(cell.loc, kCodeGuide,
                             fmt::format("skipped guide '{}': could not read a range from '{}'",
                                         label.text, Excerpt(cell.plain)));
      }
      break;
    case RowLabel::Kind::kEquivalence:
      RecordEquivalence(levels, label.text, cell.plain, cell.loc);
      break;
  }
}

void Importer::ReadAreaByLevelTable(const Block& block) {
  const std::vector<markdown::Text>& header = block.rows.front().cells;
  std::vector<std::vector<int>> column_levels(header.size());
  for (size_t c = 1; c < header.size(); ++c) column_levels[c] = LevelsForCell(header[c]);
  std::optional<RowLabel> previous;
  for (size_t r = 1; r < block.rows.size(); ++r) {
    const TableRow& row = block.rows[r];
    const size_t columns = std::min(row.cells.size(), header.size());
    std::vector<const markdown::Text*> cells;
    for (size_t c = 1; c < columns; ++c) cells.push_back(&row.cells[c]);
    if (row.cells[0].plain.empty() && !previous) {
      for (const markdown::Text* cell : cells) {
        if (!IsEmptyCell(cell->plain)) {
          diagnostics_.Warning(
              cell->loc, kCodeTable,
              fmt::format("skipped cell '{}': its row names no area", Excerpt(cell->plain)));
        }
      }
      continue;
    }
    if (!row.cells[0].plain.empty()) previous = ClassifyLabel(row.cells[0], cells);
    for (size_t c = 1; c < columns; ++c) ApplyCell(column_levels[c], *previous, row.cells[c]);
  }
}

void Importer::ReadLevelByAreaTable(const Block& block) {
  const std::vector<markdown::Text>& header = block.rows.front().cells;
  std::vector<RowLabel> column_labels(header.size());
  for (size_t c = 1; c < header.size(); ++c) {
    std::vector<const markdown::Text*> cells;
    for (size_t r = 1; r < block.rows.size(); ++r) {
      if (c < block.rows[r].cells.size()) cells.push_back(&block.rows[r].cells[c]);
    }
    column_labels[c] = ClassifyLabel(header[c], cells);
  }
  for (size_t r = 1; r < block.rows.size(); ++r) {
    const TableRow& row = block.rows[r];
    const std::vector<int> levels = LevelsForCell(row.cells[0]);
    const size_t columns = std::min(row.cells.size(), header.size());
    for (size_t c = 1; c < columns; ++c) ApplyCell(levels, column_labels[c], row.cells[c]);
  }
}

void Importer::ReadAreaRowsTable(const Block& block) {
  const std::vector<markdown::Text>& header = block.rows.front().cells;
  const std::vector<int> levels = Targets();
  std::optional<RowLabel> previous;
  for (size_t r = 1; r < block.rows.size(); ++r) {
    const TableRow& row = block.rows[r];
    const size_t columns = std::min(row.cells.size(), header.size());
    std::vector<const markdown::Text*> cells;
    for (size_t c = 1; c < columns; ++c) cells.push_back(&row.cells[c]);
    if (!row.cells[0].plain.empty()) {
      previous = ClassifyLabel(row.cells[0], cells);
    } else if (!previous) {
      previous = RowLabel{};
      previous->area = CurrentArea(row.cells[0].loc);
    }
    for (const markdown::Text* cell : cells) ApplyCell(levels, *previous, *cell);
  }
  context_.has_content = true;
}

// --- Building the framework -----------------------------------------------------------------

/// True when numbered ids (per prefix), or failing those seniority words, only ever go down.
bool Importer::ListedHighestFirst() const {
  std::map<std::string, std::vector<double>> numbers;
  std::vector<double> ranks;
  for (const DraftLevel& draft : levels_) {
    if (draft.number >= 0) numbers[draft.prefix].push_back(draft.number);
    if (draft.rank >= 0) ranks.push_back(draft.rank);
  }
  const auto direction = [](const std::vector<double>& values, bool* up, bool* down) {
    for (size_t i = 1; i < values.size(); ++i) {
      if (values[i] > values[i - 1]) *up = true;
      if (values[i] < values[i - 1]) *down = true;
    }
  };
  bool up = false;
  bool down = false;
  for (const auto& [prefix, values] : numbers) direction(values, &up, &down);
  if (up || down) return down && !up;
  direction(ranks, &up, &down);
  return down && !up;
}

void Importer::AssignTracks() {
  std::set<std::string> prefixes;
  std::set<std::string> split_prefixes;
  for (const DraftLevel& draft : levels_) {
    if (!draft.prefix.empty()) prefixes.insert(draft.prefix);
    if (draft.split) split_prefixes.insert(draft.prefix);
  }
  const bool by_prefix = prefixes.size() >= 2;
  size_t first_split = order_.size();
  for (size_t k = 0; k < order_.size(); ++k) {
    if (levels_[order_[k]].split) first_split = std::min(first_split, k);
  }
  for (size_t k = 0; k < order_.size(); ++k) {
    DraftLevel& draft = levels_[order_[k]];
    std::string track;
    if (!draft.track.empty()) {
      track = draft.track;
    } else if (by_prefix && !draft.prefix.empty()) {
      // Levels below the first split ("L1".."L4" before "T5/L5") are shared by the tracks.
      const bool shared = k < first_split && split_prefixes.count(draft.prefix) > 0;
      if (!shared) track = ToLower(draft.prefix);
    }
    if (track.empty()) continue;
    draft.level.tracks = {track};
    if (std::find(track_ids_.begin(), track_ids_.end(), track) == track_ids_.end()) {
      track_ids_.push_back(track);
    }
  }
  if (track_ids_.empty()) track_ids_.emplace_back(kSingleTrackId);
}

std::vector<std::string> Importer::TracksOf(int level) const {
  const std::vector<std::string>& tracks = levels_[level].level.tracks;
  return tracks.empty() ? track_ids_ : tracks;
}

std::vector<std::vector<int>> Importer::Chains() const {
  std::vector<std::vector<int>> chains;
  for (const std::string& track : track_ids_) {
    std::vector<int> chain;
    for (int index : order_) {
      const std::vector<std::string> tracks = TracksOf(index);
      if (std::find(tracks.begin(), tracks.end(), track) != tracks.end()) chain.push_back(index);
    }
    chains.push_back(std::move(chain));
  }
  return chains;
}

int Importer::Root(int level) const {
  while (parent_[level] != level) level = parent_[level];
  return level;
}

/// One position per class of equivalent levels: each level sits above the one before it on every
/// track it is on. Nothing when the equivalences contradict that order.
std::optional<std::vector<int>> Importer::ComputePositions() const {
  const size_t count = levels_.size();
  std::vector<std::vector<int>> above(count);
  std::vector<int> waiting(count, 0);
  for (const std::vector<int>& chain : Chains()) {
    for (size_t k = 0; k + 1 < chain.size(); ++k) {
      const int lower = Root(chain[k]);
      const int upper = Root(chain[k + 1]);
      if (lower == upper) return std::nullopt;
      above[lower].push_back(upper);
      ++waiting[upper];
    }
  }
  std::vector<int> position(count, 0);
  std::vector<int> ready;
  size_t roots = 0;
  for (size_t i = 0; i < count; ++i) {
    if (Root(static_cast<int>(i)) != static_cast<int>(i)) continue;
    ++roots;
    if (waiting[i] == 0) ready.push_back(static_cast<int>(i));
  }
  size_t placed = 0;
  while (!ready.empty()) {
    const int lower = ready.back();
    ready.pop_back();
    ++placed;
    for (int upper : above[lower]) {
      position[upper] = std::max(position[upper], position[lower] + 1);
      if (--waiting[upper] == 0) ready.push_back(upper);
    }
  }
  if (placed != roots) return std::nullopt;
  std::vector<int> by_level(count);
  for (size_t i = 0; i < count; ++i) by_level[i] = position[Root(static_cast<int>(i))];
  return by_level;
}

/// A track that some level of class |root_a| and some level of class |root_b| are both on.
std::string Importer::SharedTrack(int root_a, int root_b) const {
  std::set<std::string> tracks_a;
  std::vector<int> members_b;
  for (size_t i = 0; i < levels_.size(); ++i) {
    const int root = Root(static_cast<int>(i));
    if (root == root_a) {
      for (const std::string& track : TracksOf(static_cast<int>(i))) tracks_a.insert(track);
    } else if (root == root_b) {
      members_b.push_back(static_cast<int>(i));
    }
  }
  for (int member : members_b) {
    for (const std::string& track : TracksOf(member)) {
      if (tracks_a.count(track) > 0) return track;
    }
  }
  return "";
}

void Importer::TryLink(int a, int b, SourceLoc loc) {
  const int root_a = Root(a);
  const int root_b = Root(b);
  if (root_a == root_b) return;
  const std::string& id_a = levels_[a].level.id;
  const std::string& id_b = levels_[b].level.id;
  if (const std::string track = SharedTrack(root_a, root_b); !track.empty()) {
    diagnostics_.Warning(loc, kCodeEquivalence,
                         fmt::format("skipped the equivalence of '{}' and '{}': both are on track "
                                     "'{}', and equivalent levels must be on different tracks",
                                     id_a, id_b, track));
    return;
  }
  parent_[root_b] = root_a;
  if (!ComputePositions()) {
    parent_[root_b] = root_b;
    diagnostics_.Warning(loc, kCodeEquivalence,
                         fmt::format("skipped the equivalence of '{}' and '{}': it contradicts the "
                                     "order of the levels on their tracks",
                                     id_a, id_b));
    return;
  }
  const SourceLoc first = link_locs_.count(root_b) ? link_locs_.at(root_b) : loc;
  if (!link_locs_.count(root_a)) link_locs_[root_a] = first;
}

int Importer::ResolveTarget(std::string_view target) const {
  size_t consumed = 0;
  const std::vector<std::string> ids = ReadIdList(target, &consumed);
  if (!ids.empty()) {
    if (const int found = FindLevel(ids.front()); found >= 0) return found;
  }
  const std::string slug = Slug(target);
  for (size_t i = 0; i < levels_.size(); ++i) {
    const model::Level& level = levels_[i].level;
    if (EqualsIgnoreCase(level.id, slug) || Slug(level.name) == slug) return static_cast<int>(i);
  }
  return -1;
}

void Importer::ResolveEquivalences() {
  parent_.resize(levels_.size());
  for (size_t i = 0; i < parent_.size(); ++i) parent_[i] = static_cast<int>(i);
  for (const Link& link : links_) TryLink(link.a, link.b, link.loc);
  for (const DraftEquivalence& equivalence : equivalences_) {
    if (equivalence.targets.empty()) {
      diagnostics_.Warning(equivalence.loc, kCodeEquivalence,
                           "skipped an equivalence that names no level");
    }
    for (const std::string& target : equivalence.targets) {
      const int found = ResolveTarget(target);
      if (found < 0) {
        diagnostics_.Warning(equivalence.loc, kCodeEquivalence,
                             fmt::format("skipped the equivalence with '{}': the document "
                                         "defines no such level",
                                         Excerpt(target)));
        continue;
      }
      if (!equivalence.track_word.empty() && !levels_[found].prefix.empty()) {
        track_name_hints_.emplace(levels_[found].prefix, equivalence.track_word);
      }
      for (int level : equivalence.levels) {
        if (level != found) TryLink(level, found, equivalence.loc);
      }
    }
  }
}

std::string GradeId(int index, int count) {
  constexpr int kLetters = 26;
  if (count <= kLetters) return std::string(1, static_cast<char>('A' + index));
  const int width = std::max(2, static_cast<int>(std::to_string(count).size()));
  return fmt::format("G{:0{}}", index + 1, width);
}

/// A level's band reaches up to just below the next level on each of its tracks.
void Importer::ExtendBandsUpwards(const std::vector<std::vector<int>>& chains,
                                  const std::vector<int>& low, std::vector<int>& high) const {
  std::vector<int> next_low(levels_.size(), INT_MAX);
  for (const std::vector<int>& chain : chains) {
    for (size_t k = 0; k + 1 < chain.size(); ++k) {
      next_low[chain[k]] = std::min(next_low[chain[k]], low[chain[k + 1]]);
    }
  }
  for (size_t i = 0; i < levels_.size(); ++i) {
    high[i] = next_low[i] == INT_MAX ? low[i] : next_low[i] - 1;
  }
}

/// A level whose band stops early on one of its tracks leaves a gap on another: the next level
/// there reaches down to close it, when that overlaps nothing on that level's own tracks.
void Importer::CloseGaps(const std::vector<std::vector<int>>& chains, std::vector<int>& low,
                         const std::vector<int>& high) const {
  for (const std::vector<int>& chain : chains) {
    for (size_t k = 0; k + 1 < chain.size(); ++k) {
      const int above = chain[k + 1];
      const int wanted = high[chain[k]] + 1;
      if (wanted >= low[above]) continue;
      bool free = true;
      for (const std::vector<int>& other : chains) {
        const auto at = std::find(other.begin(), other.end(), above);
        if (at != other.end() && at != other.begin() && high[*(at - 1)] >= wanted) free = false;
      }
      if (free) low[above] = wanted;
    }
  }
}

void Importer::AssignGrades(model::Framework& framework) {
  std::vector<int> low = *ComputePositions();
  std::vector<int> high(levels_.size());
  const std::vector<std::vector<int>> chains = Chains();
  ExtendBandsUpwards(chains, low, high);
  CloseGaps(chains, low, high);
  int top = *std::max_element(high.begin(), high.end());
  if (top < 1) {  // a scale needs two grades: the single band spans both
    std::fill(high.begin(), high.end(), 1);
    top = 1;
  }
  for (int grade = 0; grade <= top; ++grade) {
    framework.scale.grades.push_back({GradeId(grade, top + 1), SourceLoc{}});
  }
  for (size_t i = 0; i < levels_.size(); ++i) {
    levels_[i].level.low_grade = framework.scale.grades[low[i]].id;
    levels_[i].level.high_grade = framework.scale.grades[high[i]].id;
  }
}

std::vector<model::Track> Importer::MakeTracks() const {
  std::vector<model::Track> tracks;
  for (const std::string& id : track_ids_) {
    model::Track track;
    track.id = id;
    const std::string prefix = UpperCase(id);
    if (id == kSingleTrackId && track_ids_.size() == 1) track.name = kSingleTrackName;
    if (const auto named = track_names_.find(id); named != track_names_.end()) {
      track.name = named->second;
    }
    for (const auto& [letters, name] : kTrackNames) {
      if (track.name.empty() && letters == prefix) track.name = name;
    }
    if (const auto hint = track_name_hints_.find(prefix);
        track.name.empty() && hint != track_name_hints_.end()) {
      track.name = hint->second;
    }
    if (track.name.empty()) track.name = prefix;
    tracks.push_back(std::move(track));
  }
  return tracks;
}

std::vector<model::Equivalence> Importer::MakeEquivalences(
    const std::vector<int>& final_order) const {
  std::vector<model::Equivalence> equivalences;
  std::map<int, size_t> by_root;
  for (int index : final_order) {
    const int root = Root(index);
    bool has_partner = false;
    for (size_t j = 0; j < levels_.size(); ++j) {
      if (static_cast<int>(j) != index && Root(static_cast<int>(j)) == root) has_partner = true;
    }
    if (!has_partner) continue;
    if (!by_root.count(root)) {
      by_root[root] = equivalences.size();
      model::Equivalence equivalence;
      equivalence.loc = link_locs_.count(root) ? link_locs_.at(root) : levels_[index].level.loc;
      equivalences.push_back(std::move(equivalence));
    }
    equivalences[by_root[root]].levels.push_back(levels_[index].level.id);
  }
  return equivalences;
}

/// Criteria of one area together, areas in the order the level first used them: the file format
/// groups criteria by area.
void GroupCriteriaByArea(model::Level& level) {
  std::vector<std::string> areas;
  for (const model::Criterion& criterion : level.criteria) {
    if (std::find(areas.begin(), areas.end(), criterion.area) == areas.end()) {
      areas.push_back(criterion.area);
    }
  }
  std::stable_sort(level.criteria.begin(), level.criteria.end(),
                   [&](const model::Criterion& a, const model::Criterion& b) {
                     return std::find(areas.begin(), areas.end(), a.area) <
                            std::find(areas.begin(), areas.end(), b.area);
                   });
}

model::Framework Importer::Build() {
  model::Framework framework;
  framework.name = !options_.name.empty() ? options_.name
                   : !title_.empty()      ? title_
                                          : "Imported ladder";
  framework.id = !options_.id.empty() ? options_.id : Slug(framework.name);
  if (framework.id.empty()) framework.id = "imported-ladder";
  framework.description = description_;
  if (levels_.empty()) {
    diagnostics_.Error(SourceLoc{}, kCodeNoLevels,
                       "found no levels: write each level as a heading ('## L2 Core engineer', "
                       "'## Senior') or as a column of an area × level table");
    return framework;
  }
  for (size_t i = 0; i < levels_.size(); ++i) order_.push_back(static_cast<int>(i));
  if (ListedHighestFirst()) {
    std::reverse(order_.begin(), order_.end());
    diagnostics_.Note(levels_.front().level.loc, kCodeOrder,
                      "the document lists levels highest first; they were imported lowest first");
  }
  AssignTracks();
  ResolveEquivalences();
  AssignGrades(framework);
  framework.tracks = MakeTracks();
  std::vector<int> final_order = order_;
  const auto low_of = [&](int index) { return framework.BandOf(levels_[index].level).first; };
  std::stable_sort(final_order.begin(), final_order.end(),
                   [&](int a, int b) { return low_of(a) < low_of(b); });
  for (int index : final_order) {
    GroupCriteriaByArea(levels_[index].level);
    framework.levels.push_back(levels_[index].level);
  }
  framework.equivalences = MakeEquivalences(final_order);
  framework.areas = areas_;
  return framework;
}

}  // namespace

MarkdownImport ImportMarkdown(std::string_view markdown, const MarkdownImportOptions& options) {
  MarkdownImport result;
  const markdown::Document document = markdown::ReadDocument(markdown);
  if (document.invalid_utf8) {
    result.diagnostics.Warning(*document.invalid_utf8, kCodeEncoding,
                               "the input is not valid UTF-8 here; invalid bytes were replaced by "
                               "'?'");
  }
  if (document.nul_byte) {
    result.diagnostics.Error(*document.nul_byte, kCodeBinary,
                             "the input holds a NUL byte: it looks like a binary file, not "
                             "Markdown");
    result.framework.id = options.id.empty() ? "imported-ladder" : options.id;
    result.framework.name = options.name.empty() ? "Imported ladder" : options.name;
    return result;
  }
  Importer importer(options, result.diagnostics);
  importer.Read(document.blocks);
  result.framework = importer.Build();
  if (!result.diagnostics.HasErrors()) {
    const Diagnostics problems = model::Validate(result.framework);
    for (const Diagnostic& problem : problems.items()) {
      Diagnostic reported = problem;
      if (reported.severity == Severity::kError) {
        reported.message = "the imported framework is not valid: " + reported.message;
        reported.code = kCodeInvalid;
      }
      result.diagnostics.Add(std::move(reported));
    }
  }
  result.diagnostics.SortByLocation();
  return result;
}

}  // namespace yardstick::ladder
