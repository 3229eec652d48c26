#include "ladder/site.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

#include "base/file.h"
#include "base/text.h"
#include "ladder/html.h"
#include "ladder/site_assets.h"

namespace yardstick::ladder {
namespace {

namespace fs = std::filesystem;
using html::Attr;
using html::Element;
using html::Escape;
using html::Link;
using html::TextElement;
using model::Area;
using model::Criterion;
using model::Framework;
using model::Level;
using model::NumberRange;
using model::PayFamily;
using model::Position;
using model::Track;

constexpr std::string_view kIndexFile = "index.html";
constexpr std::string_view kCompareFile = "compare.html";
constexpr std::string_view kAcrossFile = "tracks.html";
constexpr std::string_view kPositionsFile = "positions.html";
constexpr std::string_view kPayFile = "pay.html";
constexpr std::string_view kRubricFile = "rubric.html";
constexpr std::string_view kStyleFile = "style.css";

// ------------------------------------------------------------------------------------------------
// Text formatting. Locale-independent, so the same framework always gives the same bytes.

std::string FormatNumber(double value) { return fmt::format("{}", value); }

/// 52000 → "52,000"; 1234.5 → "1,234.50".
std::string FormatAmount(double amount) {
  const bool whole = std::abs(amount - std::round(amount)) < 0.005;
  std::string text =
      whole ? fmt::format("{:.0f}", std::abs(amount)) : fmt::format("{:.2f}", std::abs(amount));
  const size_t point = text.find('.');
  const size_t integer_end = point == std::string::npos ? text.size() : point;
  std::string grouped;
  for (size_t i = 0; i < integer_end; ++i) {
    if (i > 0 && (integer_end - i) % 3 == 0) grouped += ',';
    grouped += text[i];
  }
  grouped += text.substr(integer_end);
  return amount < 0 ? "-" + grouped : grouped;
}

/// "3–5", "8+", "2".
std::string FormatRange(const NumberRange& range) {
  if (range.open_ended) return FormatNumber(range.min) + "+";
  if (range.min == range.max) return FormatNumber(range.min);
  return FormatNumber(range.min) + "–" + FormatNumber(range.max);
}

std::string FormatYears(const NumberRange& range) {
  const bool one = !range.open_ended && range.min == 1 && range.max == 1;
  return FormatRange(range) + (one ? " year" : " years");
}

std::string FormatPercent(const NumberRange& range) { return FormatRange(range) + "%"; }

/// "2 grades", "1 grade", "0.5 grade".
std::string Grades(double count) {
  return FormatNumber(count) + (count > 1 ? " grades" : " grade");
}

std::string Plural(size_t count, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

/// Writes a list as "a, b and c".
std::string Sentence(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += (i + 1 == parts.size()) ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string Table(std::string_view head_cells, std::string_view body_rows,
                  std::string_view css_class = "") {
  const std::string attributes = css_class.empty() ? "" : Attr("class", css_class);
  return Element(
      "div",
      Element("table", Element("thead", Element("tr", head_cells)) + Element("tbody", body_rows),
              attributes),
      Attr("class", "table-wrap"));
}

/// A column of a table head; numeric columns are right-aligned.
struct Column {
  std::string_view label;
  bool numeric = false;
};

std::string HeadCells(const std::vector<Column>& columns) {
  std::string out;
  for (const Column& column : columns) {
    out += TextElement("th", column.label,
                       Attr("scope", "col") + (column.numeric ? Attr("class", "num") : ""));
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Questions about the framework the pages ask.

/// A criterion expected at a level, with the level that states it.
struct Expectation {
  const Level* level = nullptr;
  const Criterion* criterion = nullptr;
};

/// The expectations of one competency area.
struct AreaGroup {
  std::string area_id;
  std::string name;
  std::vector<Expectation> items;
};

/// Groups |items| by area, in the framework's area order (unknown areas last, by first use), and
/// leaves out areas that do not apply to |track_id|.
std::vector<AreaGroup> GroupByArea(const Framework& framework,
                                   const std::vector<Expectation>& items,
                                   std::string_view track_id) {
  std::vector<AreaGroup> groups;
  for (const Area& area : framework.areas) {
    if (Framework::AreaOnTrack(area, track_id)) groups.push_back({area.id, area.name, {}});
  }
  for (const Expectation& item : items) {
    const std::string& area_id = item.criterion->area;
    const Area* area = framework.FindArea(area_id);
    if (area != nullptr && !Framework::AreaOnTrack(*area, track_id)) continue;
    auto group = std::find_if(groups.begin(), groups.end(),
                              [&](const AreaGroup& g) { return g.area_id == area_id; });
    if (group == groups.end()) {
      groups.push_back({area_id, area_id, {}});
      group = std::prev(groups.end());
    }
    group->items.push_back(item);
  }
  return groups;
}

std::vector<Expectation> OwnExpectations(const Level& level) {
  std::vector<Expectation> items;
  for (const Criterion& criterion : level.criteria) items.push_back({&level, &criterion});
  return items;
}

/// The expectations of the levels below |index| on a track, lowest level first.
std::vector<Expectation> InheritedExpectations(const std::vector<const Level*>& track_levels,
                                               size_t index) {
  std::vector<Expectation> items;
  for (size_t i = 0; i < index; ++i) {
    for (const Criterion& criterion : track_levels[i]->criteria) {
      items.push_back({track_levels[i], &criterion});
    }
  }
  return items;
}

const AreaGroup* FindGroup(const std::vector<AreaGroup>& groups, std::string_view area_id) {
  for (const AreaGroup& group : groups) {
    if (group.area_id == area_id) return &group;
  }
  return nullptr;
}

bool HasText(const AreaGroup* group, std::string_view text) {
  if (group == nullptr) return false;
  return std::any_of(group->items.begin(), group->items.end(),
                     [&](const Expectation& item) { return item.criterion->text == text; });
}

/// The levels an equivalence pairs |level| with, in the order written, without repeats.
std::vector<const Level*> EquivalentsOf(const Framework& framework, const Level& level) {
  std::vector<const Level*> result;
  for (const model::Equivalence& equivalence : framework.equivalences) {
    if (std::find(equivalence.levels.begin(), equivalence.levels.end(), level.id) ==
        equivalence.levels.end()) {
      continue;
    }
    for (const std::string& id : equivalence.levels) {
      const Level* other = framework.FindLevel(id);
      if (other == nullptr || other == &level) continue;
      if (std::find(result.begin(), result.end(), other) == result.end()) result.push_back(other);
    }
  }
  return result;
}

/// A move allowed from a level, and whether it is allowed back.
struct Move {
  const Level* to = nullptr;
  bool both_ways = true;
};

std::vector<Move> MovesFrom(const Framework& framework, const Level& level) {
  std::vector<Move> moves;
  for (const model::Transition& transition : framework.transitions) {
    const Level* from = framework.FindLevel(transition.from_level);
    const Level* to = framework.FindLevel(transition.to_level);
    if (from == nullptr || to == nullptr) continue;
    if (from == &level) moves.push_back({to, transition.both_ways});
    if (to == &level && transition.both_ways) moves.push_back({from, true});
  }
  return moves;
}

/// True if |level|'s id is its name in other clothes ("senior-2" for "Senior 2"), so showing both
/// would stutter.
bool IdSpellsName(const Level& level) {
  const auto letters = [](std::string_view text) {
    std::string out;
    for (const char c : text) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
    }
    return out;
  };
  return !level.name.empty() && letters(level.id) == letters(level.name);
}

bool BandsOverlap(std::pair<int, int> a, std::pair<int, int> b) {
  return a.first >= 0 && b.first >= 0 && a.first <= b.second && b.first <= a.second;
}

std::optional<double> BaseFor(const PayFamily& family, std::string_view grade) {
  for (const PayFamily::Step& step : family.base) {
    if (step.grade == grade) return step.amount;
  }
  return std::nullopt;
}

// ------------------------------------------------------------------------------------------------
// The site.

struct NavItem {
  std::string file;
  std::string label;
};

class SiteBuilder {
 public:
  SiteBuilder(const Framework& framework, const SiteOptions& options);
  [[nodiscard]] std::vector<SiteFile> Build() const;

 private:
  // Names, links and labels (all return HTML).
  [[nodiscard]] std::string TrackFile(std::string_view track_id) const;
  [[nodiscard]] std::string TrackName(std::string_view track_id) const;
  [[nodiscard]] std::string TrackNames(const std::vector<std::string>& track_ids) const;
  [[nodiscard]] std::string HomeTrack(const Level& level, std::string_view preferred) const;
  [[nodiscard]] std::string LevelHref(const Level& level, std::string_view track_id) const;
  [[nodiscard]] std::string LevelLabel(const Level& level) const;
  [[nodiscard]] std::string LevelShort(const Level& level) const;
  [[nodiscard]] std::string LevelLink(const Level& level, std::string_view track_id = "") const;
  [[nodiscard]] std::string GradeSpan(std::pair<int, int> band) const;
  [[nodiscard]] std::string BandText(const Level& level) const;
  [[nodiscard]] std::string BoundLabel(std::string_view level_or_grade) const;
  [[nodiscard]] std::string Money(double amount) const;
  [[nodiscard]] std::string PerPeriod() const;
  [[nodiscard]] std::optional<std::pair<double, double>> PayRange(const PayFamily& family,
                                                                  const Level& level) const;
  [[nodiscard]] std::string LevelsAtGrade(int grade, const std::vector<std::string>& tracks) const;
  [[nodiscard]] bool ShowsPay() const;

  // The frame every page shares.
  [[nodiscard]] std::vector<NavItem> NavItems() const;
  [[nodiscard]] std::string Page(std::string_view file, std::string_view title,
                                 std::string_view body) const;

  // index.html
  [[nodiscard]] std::string IndexPage() const;
  [[nodiscard]] std::string ScaleSection() const;
  [[nodiscard]] std::string TracksTable() const;
  [[nodiscard]] std::string SplitText(const Track& track) const;
  [[nodiscard]] std::string PagesSection() const;
  [[nodiscard]] std::string PoliciesSection() const;

  // track-<id>.html
  [[nodiscard]] std::string TrackPage(const Track& track) const;
  [[nodiscard]] std::string LevelToc(const std::vector<const Level*>& levels) const;
  [[nodiscard]] std::string LevelSection(const Track& track,
                                         const std::vector<const Level*>& levels,
                                         size_t index) const;
  [[nodiscard]] std::string GuidesBlock(const Level& level) const;
  [[nodiscard]] std::string AreaBlocks(const std::vector<AreaGroup>& groups, bool show_level,
                                       std::string_view heading_tag,
                                       std::string_view list_class) const;
  [[nodiscard]] std::string CriteriaBlock(const Track& track,
                                          const std::vector<const Level*>& levels,
                                          size_t index) const;
  [[nodiscard]] std::string CriterionItem(const Expectation& item, bool show_level,
                                          std::string_view badge_html = "") const;
  [[nodiscard]] std::string FactsBlock(const Track& track, const Level& level) const;

  // compare.html
  [[nodiscard]] std::string ComparePage() const;
  [[nodiscard]] std::string ChangeSection(const Track& track, const Level& lower,
                                          const Level& higher) const;
  [[nodiscard]] std::string SharedSteps(const Track& track, const std::vector<const Level*>& levels,
                                        size_t& index) const;
  [[nodiscard]] std::string ChangeBody(const Track& track, const Level& lower,
                                       const Level& higher) const;
  [[nodiscard]] const Track* SameStepEarlier(const Track& track, const Level& lower,
                                             const Level& higher) const;
  [[nodiscard]] std::string DeltaRows(const Level& lower, const Level& higher) const;
  [[nodiscard]] std::string NewCriteria(const Track& track, const Level& lower,
                                        const Level& higher) const;
  [[nodiscard]] std::string SideBySide(const Track& track, const Level& lower,
                                       const Level& higher) const;

  // tracks.html, positions.html, pay.html, rubric.html
  [[nodiscard]] std::string AcrossPage() const;
  [[nodiscard]] std::string GradeGrid() const;
  [[nodiscard]] std::string EquivalencesTable() const;
  [[nodiscard]] std::string TransitionsTable() const;
  [[nodiscard]] std::string PositionsPage() const;
  [[nodiscard]] std::string PayPage() const;
  [[nodiscard]] std::string PayFamilySection(const PayFamily& family) const;
  [[nodiscard]] std::string RubricPage() const;

  const Framework& framework_;
  SiteOptions options_;
  std::vector<std::string> track_files_;  ///< parallel to framework_.tracks
};

SiteBuilder::SiteBuilder(const Framework& framework, const SiteOptions& options)
    : framework_(framework), options_(options) {
  for (const Track& track : framework_.tracks) {
    const std::string stem = "track-" + html::Slug(track.id);
    std::string file = stem + ".html";
    for (int suffix = 2;
         std::find(track_files_.begin(), track_files_.end(), file) != track_files_.end();
         ++suffix) {
      file = fmt::format("{}-{}.html", stem, suffix);
    }
    track_files_.push_back(file);
  }
}

std::vector<SiteFile> SiteBuilder::Build() const {
  std::vector<SiteFile> files;
  files.push_back({std::string(kIndexFile), IndexPage()});
  for (const Track& track : framework_.tracks) {
    files.push_back({TrackFile(track.id), TrackPage(track)});
  }
  files.push_back({std::string(kCompareFile), ComparePage()});
  files.push_back({std::string(kAcrossFile), AcrossPage()});
  if (!framework_.positions.empty()) {
    files.push_back({std::string(kPositionsFile), PositionsPage()});
  }
  if (ShowsPay()) files.push_back({std::string(kPayFile), PayPage()});
  if (framework_.rubric) files.push_back({std::string(kRubricFile), RubricPage()});
  files.push_back({std::string(kStyleFile), std::string(SiteStylesheet())});
  return files;
}

// --- Names, links and labels --------------------------------------------------------------------

std::string SiteBuilder::TrackFile(std::string_view track_id) const {
  for (size_t i = 0; i < framework_.tracks.size(); ++i) {
    if (framework_.tracks[i].id == track_id) return track_files_[i];
  }
  return std::string(kIndexFile);
}

std::string SiteBuilder::TrackName(std::string_view track_id) const {
  const Track* track = framework_.FindTrack(track_id);
  return Escape(track != nullptr ? track->name : track_id);
}

std::string SiteBuilder::TrackNames(const std::vector<std::string>& track_ids) const {
  std::vector<std::string> names;
  names.reserve(track_ids.size());
  for (const std::string& id : track_ids) names.push_back(TrackName(id));
  return Sentence(names);
}

std::string SiteBuilder::HomeTrack(const Level& level, std::string_view preferred) const {
  if (!preferred.empty() && Framework::LevelOnTrack(level, preferred)) {
    return std::string(preferred);
  }
  const std::vector<std::string> tracks = framework_.TracksOf(level);
  return tracks.empty() ? "" : tracks.front();
}

std::string SiteBuilder::LevelHref(const Level& level, std::string_view track_id) const {
  return TrackFile(HomeTrack(level, track_id)) + "#level-" + html::Slug(level.id);
}

std::string SiteBuilder::LevelLabel(const Level& level) const {
  if (IdSpellsName(level)) return Escape(level.name);
  std::string id = TextElement("span", level.id, Attr("class", "lid"));
  if (level.name.empty()) return id;
  return id + " " + Escape(level.name);
}

/// The id ("L3"), or the name when the id only spells it ("senior-2" for "Senior 2").
std::string SiteBuilder::LevelShort(const Level& level) const {
  return Escape(IdSpellsName(level) ? level.name : level.id);
}

std::string SiteBuilder::LevelLink(const Level& level, std::string_view track_id) const {
  return Link(LevelHref(level, track_id), LevelLabel(level));
}

std::string SiteBuilder::GradeSpan(std::pair<int, int> band) const {
  const auto [low, high] = band;
  if (low < 0 || high < 0) return "?";
  if (low == high) return Escape(framework_.scale.IdAt(low));
  return Escape(framework_.scale.IdAt(low)) + "–" + Escape(framework_.scale.IdAt(high));
}

std::string SiteBuilder::BandText(const Level& level) const {
  const auto band = framework_.BandOf(level);
  return (band.first == band.second ? "Grade " : "Grades ") + GradeSpan(band);
}

std::string SiteBuilder::BoundLabel(std::string_view level_or_grade) const {
  if (const Level* level = framework_.FindLevel(level_or_grade)) return LevelLink(*level);
  return "grade " + Escape(level_or_grade);
}

std::string SiteBuilder::Money(double amount) const {
  return FormatAmount(amount) + " " + Escape(framework_.pay.currency);
}

std::string SiteBuilder::PerPeriod() const {
  return framework_.pay.period == "month" ? "per month" : "per year";
}

std::optional<std::pair<double, double>> SiteBuilder::PayRange(const PayFamily& family,
                                                               const Level& level) const {
  const auto [low, high] = framework_.BandOf(level);
  std::optional<std::pair<double, double>> range;
  for (int grade = low; grade >= 0 && grade <= high; ++grade) {
    const std::optional<double> base = BaseFor(family, framework_.scale.IdAt(grade));
    if (!base) continue;
    if (!range) range = std::make_pair(*base, *base);
    range->first = std::min(range->first, *base);
    range->second = std::max(range->second, *base);
  }
  return range;
}

/// The levels each of |tracks| has at |grade|, as links, one per distinct level.
std::string SiteBuilder::LevelsAtGrade(int grade, const std::vector<std::string>& tracks) const {
  std::vector<const Level*> seen;
  std::vector<std::string> parts;
  for (const std::string& track : tracks) {
    const Level* level = framework_.LevelAt(track, grade);
    if (level == nullptr || std::find(seen.begin(), seen.end(), level) != seen.end()) continue;
    seen.push_back(level);
    parts.push_back(LevelLink(*level, track));
  }
  return Join(parts, ", ");
}

bool SiteBuilder::ShowsPay() const { return options_.show_pay && !framework_.pay.families.empty(); }

// --- The page frame -----------------------------------------------------------------------------

std::vector<NavItem> SiteBuilder::NavItems() const {
  std::vector<NavItem> items = {{std::string(kIndexFile), "Overview"}};
  for (const Track& track : framework_.tracks) items.push_back({TrackFile(track.id), track.name});
  items.push_back({std::string(kCompareFile), "Compare levels"});
  items.push_back({std::string(kAcrossFile), "Across tracks"});
  if (!framework_.positions.empty()) items.push_back({std::string(kPositionsFile), "Positions"});
  if (ShowsPay()) items.push_back({std::string(kPayFile), "Pay"});
  if (framework_.rubric) items.push_back({std::string(kRubricFile), "Rubric"});
  return items;
}

std::string SiteBuilder::Page(std::string_view file, std::string_view title,
                              std::string_view body) const {
  std::string nav;
  for (const NavItem& item : NavItems()) {
    const std::string current = item.file == file ? Attr("aria-current", "page") : "";
    nav += Element("li", Link(item.file, Escape(item.label), current));
  }
  const std::string page_title =
      file == kIndexFile ? framework_.name : std::string(title) + " · " + framework_.name;
  std::string out = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += "<meta name=\"generator\" content=\"Yardstick\">\n";
  out += TextElement("title", page_title) + "\n";
  out += "<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n";
  out += "<a class=\"skip\" href=\"#main\">Skip to content</a>\n";
  out += "<header class=\"site-header\"><div class=\"wrap\">";
  out += Link(kIndexFile, Escape(framework_.name), Attr("class", "brand"));
  out += Element("nav", Element("ul", nav), Attr("aria-label", "Pages"));
  out += "</div></header>\n<main id=\"main\" class=\"wrap\">\n";
  out += body;
  out += "\n</main>\n<footer class=\"site-footer\"><div class=\"wrap\">";
  out += Escape(framework_.name) + " · framework <code>" + Escape(framework_.id) +
         "</code> · published with Yardstick";
  out += "</div></footer>\n</body>\n</html>\n";
  return out;
}

// --- index.html ---------------------------------------------------------------------------------

std::string SiteBuilder::IndexPage() const {
  std::string body = "<div class=\"page-head\">";
  body += TextElement("h1", framework_.name);
  if (!framework_.description.empty()) {
    body += TextElement("p", framework_.description, Attr("class", "lead"));
  }
  body += "</div>\n";
  body += ScaleSection();
  body += TracksTable();
  body += PagesSection();
  body += PoliciesSection();
  return Page(kIndexFile, framework_.name, body);
}

std::string SiteBuilder::ScaleSection() const {
  if (framework_.scale.grades.empty()) return "";
  std::string chips;
  for (const model::Scale::Grade& grade : framework_.scale.grades) {
    chips += TextElement("li", grade.id);
  }
  std::string out = "<section class=\"block\"><h2>The grade scale</h2>";
  out += fmt::format(
      "<p>{} grades, lowest first. Levels are bands of grades, and performance is rated on the "
      "same "
      "scale: “this period they performed at grade {}”, not “meets expectations”.</p>",
      framework_.scale.size(), Escape(framework_.scale.IdAt(framework_.scale.size() / 2)));
  out += Element("ol", chips, Attr("class", "scale"));
  out += "</section>\n";
  return out;
}

std::string SiteBuilder::TracksTable() const {
  std::string rows;
  for (const Track& track : framework_.tracks) {
    const std::vector<const Level*> levels = framework_.LevelsOfTrack(track.id);
    std::string name = Link(TrackFile(track.id), Escape(track.name));
    if (!track.description.empty()) {
      name += TextElement("p", track.description, Attr("class", "note"));
    }
    std::string span = "—";
    if (!levels.empty()) {
      std::string items;
      for (const Level* level : levels) {
        const bool shared = framework_.TracksOf(*level).size() > 1;
        items += Element(
            "li",
            LevelLink(*level, track.id) + " " +
                Element("span", GradeSpan(framework_.BandOf(*level)), Attr("class", "grades")),
            shared ? Attr("class", "shared") : "");
      }
      span = Element("ol", items, Attr("class", "level-chips"));
    }
    rows += Element("tr", Element("th", name, Attr("scope", "row")) + Element("td", span) +
                              Element("td", SplitText(track)));
  }
  std::string out = "<section class=\"block\"><h2>Tracks</h2>";
  out +=
      "<p>A level listed on several tracks is <span class=\"shared-key\">shared</span>; tracks "
      "split where their levels stop being shared.</p>";
  out += Table(HeadCells({{"Track"}, {"Levels"}, {"Where it splits"}}), rows, "tracks");
  out += "</section>\n";
  return out;
}

/// "Shares L1–L2 with Manager; splits after L2 Core", one line per other track, with the levels
/// a person may move across from.
std::string SiteBuilder::SplitText(const Track& track) const {
  const std::vector<const Level*> levels = framework_.LevelsOfTrack(track.id);
  std::string lines;
  for (const Track& other : framework_.tracks) {
    if (other.id == track.id) continue;
    std::vector<size_t> shared;
    std::vector<std::string> movers;
    for (size_t i = 0; i < levels.size(); ++i) {
      if (Framework::LevelOnTrack(*levels[i], other.id)) {
        shared.push_back(i);
        continue;
      }
      const std::vector<Move> moves = MovesFrom(framework_, *levels[i]);
      if (std::any_of(moves.begin(), moves.end(), [&](const Move& move) {
            return Framework::LevelOnTrack(*move.to, other.id);
          })) {
        movers.push_back(LevelShort(*levels[i]));
      }
    }
    const std::string other_link = Link(TrackFile(other.id), Escape(other.name));
    std::string line;
    if (shared.empty()) {
      line = "Separate from " + other_link;
    } else {
      line = "Shares " + LevelShort(*levels[shared.front()]);
      if (shared.size() > 1) line += "–" + LevelShort(*levels[shared.back()]);
      line += " with " + other_link;
      line += shared.back() + 1 < levels.size()
                  ? "; splits after " + LevelLabel(*levels[shared.back()])
                  : "; no split";
    }
    if (!movers.empty()) line += "; can move across from " + Sentence(movers);
    lines += Element("li", line);
  }
  if (lines.empty()) return "The only track";
  return Element("ul", lines, Attr("class", "plain"));
}

std::string SiteBuilder::PagesSection() const {
  struct Card {
    std::string_view file;
    std::string_view title;
    std::string_view text;
  };
  std::vector<Card> cards = {
      {kCompareFile, "Compare levels", "What changes from one level to the next, area by area."},
      {kAcrossFile, "Across tracks",
       "Which level each track has at each grade, equivalent levels and moves between tracks."}};
  if (!framework_.positions.empty()) {
    cards.push_back({kPositionsFile, "Positions",
                     "Roles in the hierarchy, the levels they may be held at and their "
                     "allowances."});
  }
  if (ShowsPay()) cards.push_back({kPayFile, "Pay", "Base pay per grade and per level."});
  if (framework_.rubric) {
    cards.push_back({kRubricFile, "Rubric", "The points sheet that turns scores into a grade."});
  }
  std::string items;
  for (const Card& card : cards) {
    items += Element("li", Link(card.file, Escape(card.title)) + TextElement("p", card.text));
  }
  return "<section class=\"block\"><h2>More</h2>" + Element("ul", items, Attr("class", "cards")) +
         "</section>\n";
}

std::string SiteBuilder::PoliciesSection() const {
  const model::Policies& policies = framework_.policies;
  std::vector<std::string> items;
  items.push_back(
      fmt::format("Performing at least {} above the held level proposes a promotion at once.",
                  Grades(policies.promotion.far_above)));
  items.push_back(
      fmt::format("Performing at least {} above it for {} consecutive cycles proposes a promotion.",
                  Grades(policies.promotion.slightly_above), policies.promotion.periods));
  items.push_back(fmt::format(
      "Performing at least {} below it opens a performance-improvement conversation; {} cycles "
      "in a row below lead to an exit conversation.",
      Grades(policies.plan.below), policies.plan.exit_after));
  if (options_.show_pay && policies.bonus.method == model::BonusPolicy::Method::kPayDifference) {
    items.push_back(fmt::format(
        "Performing at least {} above the held level earns a bonus for the period: the difference "
        "in base pay, up to {}% of the person's base pay.",
        Grades(policies.bonus.min_gap), FormatNumber(policies.bonus.cap_percent)));
  }
  std::vector<std::string> bestowed;
  for (const std::string& id : policies.executive_approval) {
    const Level* level = framework_.FindLevel(id);
    bestowed.push_back(level != nullptr ? LevelLink(*level) : Escape(id));
  }
  if (!bestowed.empty()) {
    items.push_back("Promotions to " + Sentence(bestowed) + " need an executive approver.");
  }
  std::string list;
  for (const std::string& item : items) list += Element("li", item);
  return "<section class=\"block\"><h2>How levels are used</h2>"
         "<p>Levels rest on evidence of what a person does, never on years served. Nobody has to "
         "ask for a promotion: each review cycle applies these rules.</p>" +
         Element("ul", list) + "</section>\n";
}

// --- track-<id>.html ----------------------------------------------------------------------------

std::string SiteBuilder::TrackPage(const Track& track) const {
  const std::vector<const Level*> levels = framework_.LevelsOfTrack(track.id);
  std::string body = "<div class=\"page-head\">";
  body += TextElement("p", "Track", Attr("class", "eyebrow"));
  body += TextElement("h1", track.name);
  if (!track.description.empty())
    body += TextElement("p", track.description, Attr("class", "lead"));
  std::string intro = "Levels are listed lowest first. ";
  if (framework_.cumulative_criteria) {
    intro +=
        "Criteria are cumulative: each level also expects everything listed for the levels "
        "below it. ";
  }
  intro += "Guides such as years of experience are typical ranges, never requirements.";
  body += TextElement("p", intro);
  body += "</div>\n";
  body += LevelToc(levels);
  for (size_t i = 0; i < levels.size(); ++i) body += LevelSection(track, levels, i);
  if (levels.empty()) body += "<p>This track has no levels yet.</p>";
  return Page(TrackFile(track.id), track.name, body);
}

std::string SiteBuilder::LevelToc(const std::vector<const Level*>& levels) const {
  if (levels.size() < 2) return "";
  std::string items;
  for (const Level* level : levels) {
    const std::string band =
        Element("span", GradeSpan(framework_.BandOf(*level)), Attr("class", "toc-band"));
    const bool shared = framework_.TracksOf(*level).size() > 1;
    items += Element("li", Link("#level-" + html::Slug(level->id), LevelLabel(*level) + band),
                     shared ? Attr("class", "shared") : "");
  }
  return Element("nav", Element("ol", items, Attr("class", "level-toc")),
                 Attr("aria-label", "Levels"));
}

std::string SiteBuilder::LevelSection(const Track& track, const std::vector<const Level*>& levels,
                                      size_t index) const {
  const Level& level = *levels[index];
  std::string meta = Element("span", BandText(level), Attr("class", "band"));
  std::vector<std::string> others;
  for (const std::string& id : framework_.TracksOf(level)) {
    if (id != track.id) others.push_back(id);
  }
  if (!others.empty()) {
    meta += Element("span", "Shared with " + TrackNames(others), Attr("class", "tag"));
  }
  std::string out = "<section class=\"level\"" + Attr("id", "level-" + html::Slug(level.id)) + ">";
  out += "<div class=\"level-head\">" + Element("h2", LevelLabel(level)) +
         Element("div", meta, Attr("class", "level-meta")) + "</div>";
  if (!level.summary.empty()) out += TextElement("p", level.summary, Attr("class", "summary"));
  if (!level.description.empty()) {
    out += TextElement("p", level.description, Attr("class", "description"));
  }
  out += GuidesBlock(level);
  out += CriteriaBlock(track, levels, index);
  out += FactsBlock(track, level);
  out += "</section>\n";
  return out;
}

std::string SiteBuilder::GuidesBlock(const Level& level) const {
  const model::SoftGuides& guides = level.guides;
  std::string rows;
  const auto row = [&rows](std::string_view label, const std::string& value) {
    rows += Element("div", TextElement("dt", label) + TextElement("dd", value));
  };
  if (guides.typical_years) row("Typical experience", FormatYears(*guides.typical_years));
  if (guides.leadership_years)
    row("Leading people or projects", FormatYears(*guides.leadership_years));
  if (guides.ic_time_percent)
    row("Time on individual work", FormatPercent(*guides.ic_time_percent));
  if (rows.empty()) return "";
  return "<aside class=\"guides\" aria-label=\"Soft guides\">"
         "<p class=\"guides-label\">Guides, not requirements</p>" +
         Element("dl", rows) + "</aside>";
}

std::string SiteBuilder::CriterionItem(const Expectation& item, bool show_level,
                                       std::string_view badge_html) const {
  std::string inner(badge_html);
  if (show_level) inner += Element("span", LevelShort(*item.level), Attr("class", "from"));
  inner += TextElement("span", item.criterion->text, Attr("class", "text"));
  if (item.criterion->weight != 1.0) {
    inner += TextElement("span", "×" + FormatNumber(item.criterion->weight),
                         Attr("class", "weight") + Attr("title",
                                                        "weight when levelling from "
                                                        "evidence"));
  }
  return Element("li", inner);
}

std::string SiteBuilder::AreaBlocks(const std::vector<AreaGroup>& groups, bool show_level,
                                    std::string_view heading_tag,
                                    std::string_view list_class) const {
  std::string areas;
  for (const AreaGroup& group : groups) {
    if (group.items.empty()) continue;
    std::string items;
    for (const Expectation& item : group.items) items += CriterionItem(item, show_level);
    areas += Element(
        "div",
        TextElement(heading_tag, group.name) + Element("ul", items, Attr("class", list_class)),
        Attr("class", "area"));
  }
  return areas.empty() ? "" : Element("div", areas, Attr("class", "areas"));
}

std::string SiteBuilder::CriteriaBlock(const Track& track, const std::vector<const Level*>& levels,
                                       size_t index) const {
  const Level& level = *levels[index];
  const bool inherits = framework_.cumulative_criteria && index > 0;
  const std::string own = AreaBlocks(GroupByArea(framework_, OwnExpectations(level), track.id),
                                     false, "h3", "criteria-list");
  size_t inherited_count = 0;
  std::string inherited;
  if (inherits) {
    const std::vector<AreaGroup> groups =
        GroupByArea(framework_, InheritedExpectations(levels, index), track.id);
    for (const AreaGroup& group : groups) inherited_count += group.items.size();
    inherited = AreaBlocks(groups, true, "h4", "criteria-list inherited");
  }
  if (own.empty() && inherited_count == 0) return "";
  std::string out =
      "<div class=\"criteria\"><h3 class=\"criteria-title\">What this level does</h3>";
  if (inherits) {
    const Level& previous = *levels[index - 1];
    const std::string below = Link("#level-" + html::Slug(previous.id), LevelLabel(previous)) +
                              (index > 1 ? " and below" : "");
    out += own.empty() ? "<p class=\"inherits\">Everything from " + below +
                             ". No new criteria are written for " + LevelShort(level) + ".</p>"
                       : "<p class=\"inherits\">Plus everything from " + below +
                             ". Only what is new at " + LevelShort(level) + " is listed here.</p>";
  }
  out += own;
  if (inherited_count > 0) {
    out += Element(
        "details",
        TextElement("summary", fmt::format("Show the {} inherited from lower levels",
                                           Plural(inherited_count, "criterion", "criteria"))) +
            inherited,
        Attr("class", "inherited"));
  }
  out += "</div>";
  return out;
}

std::string SiteBuilder::FactsBlock(const Track& track, const Level& level) const {
  std::string rows;
  const auto row = [&rows](std::string_view label, const std::string& value_html) {
    rows += Element("div", TextElement("dt", label) + Element("dd", value_html));
  };
  std::vector<std::string> equivalents;
  for (const Level* other : EquivalentsOf(framework_, level)) {
    equivalents.push_back(LevelLink(*other) + " (" + TrackNames(framework_.TracksOf(*other)) + ")");
  }
  if (!equivalents.empty()) row("Equivalent to", Sentence(equivalents));
  std::vector<std::string> moves;
  for (const Move& move : MovesFrom(framework_, level)) {
    moves.push_back(LevelLink(*move.to) + " (" + TrackNames(framework_.TracksOf(*move.to)) + ")" +
                    (move.both_ways ? " and back" : ""));
  }
  if (!moves.empty()) row("Can move to", Sentence(moves) + ", keeping the grade");
  std::vector<std::string> positions;
  for (const Position& position : framework_.positions) {
    if (!position.track.empty() && position.track != track.id) continue;
    const auto low = framework_.ResolveBound(position.min_level);
    const auto high = framework_.ResolveBound(position.max_level);
    if (!BandsOverlap({low.first, high.second}, framework_.BandOf(level))) continue;
    positions.push_back(Link(std::string(kPositionsFile) + "#position-" + html::Slug(position.id),
                             Escape(position.name)));
  }
  if (!positions.empty()) row("Positions held at this level", Join(positions, ", "));
  if (ShowsPay()) {
    if (const PayFamily* family = framework_.PayFamilyFor(track.id)) {
      if (const auto range = PayRange(*family, level)) {
        const std::string amounts = range->first == range->second
                                        ? Money(range->first)
                                        : FormatAmount(range->first) + "–" + Money(range->second);
        row("Base pay", amounts + " " + PerPeriod());
      }
    }
  }
  if (rows.empty()) return "";
  return Element("dl", rows, Attr("class", "facts"));
}

// --- compare.html -------------------------------------------------------------------------------

std::string SiteBuilder::ComparePage() const {
  std::string body = "<div class=\"page-head\">";
  body += "<h1>Compare levels</h1>";
  body += framework_.cumulative_criteria
              ? "<p class=\"lead\">What changes from one level to the next on each track. Criteria "
                "are cumulative, so only what is new at the higher level is listed: everything "
                "from the lower level still applies.</p>"
              : "<p class=\"lead\">What changes from one level to the next on each track, with "
                "both levels’ criteria side by side.</p>";
  std::string jumps;
  for (const Track& track : framework_.tracks) {
    jumps += Element("li", Link("#compare-" + html::Slug(track.id), Escape(track.name)));
  }
  if (framework_.tracks.size() > 1) body += Element("ul", jumps, Attr("class", "jump"));
  body += "</div>\n";
  for (const Track& track : framework_.tracks) {
    const std::vector<const Level*> levels = framework_.LevelsOfTrack(track.id);
    body += "<h2 class=\"track-title\"" + Attr("id", "compare-" + html::Slug(track.id)) + ">" +
            Link(TrackFile(track.id), Escape(track.name)) + "</h2>\n";
    if (levels.size() < 2) body += "<p>This track has a single level: nothing to compare.</p>";
    for (size_t i = 1; i < levels.size();) {
      if (SameStepEarlier(track, *levels[i - 1], *levels[i]) == nullptr) {
        body += ChangeSection(track, *levels[i - 1], *levels[i]);
        ++i;
      } else {
        body += SharedSteps(track, levels, i);
      }
    }
  }
  return Page(kCompareFile, "Compare levels", body);
}

std::string ChangeId(const Track& track, const Level& lower, const Level& higher) {
  return "change-" + html::Slug(track.id) + "-" + html::Slug(lower.id) + "-" +
         html::Slug(higher.id);
}

std::string SiteBuilder::ChangeBody(const Track& track, const Level& lower,
                                    const Level& higher) const {
  return Element("dl", DeltaRows(lower, higher), Attr("class", "deltas")) +
         (framework_.cumulative_criteria ? NewCriteria(track, lower, higher)
                                         : SideBySide(track, lower, higher));
}

/// An earlier track on which the step lower → higher reads exactly the same, or nullptr.
const Track* SiteBuilder::SameStepEarlier(const Track& track, const Level& lower,
                                          const Level& higher) const {
  const std::string body = ChangeBody(track, lower, higher);
  for (const Track& earlier : framework_.tracks) {
    if (&earlier == &track) break;
    const std::vector<const Level*> levels = framework_.LevelsOfTrack(earlier.id);
    for (size_t i = 1; i < levels.size(); ++i) {
      if (levels[i - 1] == &lower && levels[i] == &higher &&
          ChangeBody(earlier, lower, higher) == body) {
        return &earlier;
      }
    }
  }
  return nullptr;
}

std::string SiteBuilder::ChangeSection(const Track& track, const Level& lower,
                                       const Level& higher) const {
  std::string out = "<section class=\"change\"" + Attr("id", ChangeId(track, lower, higher)) + ">";
  out += Element("h3", LevelLink(lower, track.id) + " <span class=\"arrow\">→</span> " +
                           LevelLink(higher, track.id));
  out += ChangeBody(track, lower, higher);
  out += "</section>\n";
  return out;
}

/// The run of steps from |index| on that read the same on one earlier track, as links to them;
/// advances |index| past the run.
std::string SiteBuilder::SharedSteps(const Track& track, const std::vector<const Level*>& levels,
                                     size_t& index) const {
  const Track* earlier = SameStepEarlier(track, *levels[index - 1], *levels[index]);
  std::string links;
  for (; index < levels.size() &&
         SameStepEarlier(track, *levels[index - 1], *levels[index]) == earlier;
       ++index) {
    const Level& lower = *levels[index - 1];
    const Level& higher = *levels[index];
    links += Element("li",
                     Link("#" + ChangeId(*earlier, lower, higher),
                          LevelShort(lower) + " → " + LevelShort(higher)),
                     Attr("id", ChangeId(track, lower, higher)));
  }
  return "<section class=\"change shared-steps\"><p>Shared with " +
         Link("#compare-" + html::Slug(earlier->id), Escape(earlier->name)) +
         ", where these steps read the same:</p>" +
         Element("ol", links, Attr("class", "step-links")) + "</section>\n";
}

std::string SiteBuilder::DeltaRows(const Level& lower, const Level& higher) const {
  std::string rows;
  const auto row = [&rows](std::string_view label, const std::string& value_html) {
    rows += Element("div", TextElement("dt", label) + Element("dd", value_html));
  };
  const auto change = [](const std::string& from_html, const std::string& to_html) {
    return Element("span", from_html.empty() ? "—" : from_html, Attr("class", "was")) +
           " <span class=\"arrow\">→</span> " +
           Element("span", to_html.empty() ? "—" : to_html, Attr("class", "now"));
  };
  row("Grades", change(GradeSpan(framework_.BandOf(lower)), GradeSpan(framework_.BandOf(higher))));
  if (lower.summary != higher.summary) {
    const auto summary = [this](const Level& level, std::string_view css_class) {
      return Element("p",
                     Element("span", LevelShort(level), Attr("class", "lid")) + " " +
                         Escape(level.summary.empty() ? "—" : level.summary),
                     Attr("class", css_class));
    };
    row("Summary",
        Element("div", summary(lower, "was") + summary(higher, "now"), Attr("class", "summaries")));
  }
  const auto guide = [&](std::string_view label, const std::optional<NumberRange>& from,
                         const std::optional<NumberRange>& to, auto format) {
    const std::string a = from ? format(*from) : "";
    const std::string b = to ? format(*to) : "";
    if (a != b) row(label, change(Escape(a), Escape(b)));
  };
  guide("Typical experience", lower.guides.typical_years, higher.guides.typical_years, FormatYears);
  guide("Leading people or projects", lower.guides.leadership_years, higher.guides.leadership_years,
        FormatYears);
  guide("Time on individual work", lower.guides.ic_time_percent, higher.guides.ic_time_percent,
        FormatPercent);
  return rows;
}

std::string SiteBuilder::NewCriteria(const Track& track, const Level& lower,
                                     const Level& higher) const {
  const std::string areas = AreaBlocks(GroupByArea(framework_, OwnExpectations(higher), track.id),
                                       false, "h4", "criteria-list new");
  const std::string out = "<p class=\"inherits\">New at " + LevelShort(higher) +
                          ", on top of everything expected at " + LevelShort(lower) + ":</p>";
  if (areas.empty())
    return out + "<p class=\"none\">No new criteria are written for this step.</p>";
  return out + areas;
}

std::string SiteBuilder::SideBySide(const Track& track, const Level& lower,
                                    const Level& higher) const {
  const std::vector<AreaGroup> was = GroupByArea(framework_, OwnExpectations(lower), track.id);
  const std::vector<AreaGroup> now = GroupByArea(framework_, OwnExpectations(higher), track.id);
  std::string rows;
  for (const AreaGroup& after : now) {
    const AreaGroup* before = FindGroup(was, after.area_id);
    if (after.items.empty() && (before == nullptr || before->items.empty())) continue;
    std::string left;
    if (before != nullptr) {
      for (const Expectation& item : before->items) left += CriterionItem(item, false);
    }
    std::string right;
    for (const Expectation& item : after.items) {
      const bool repeated = HasText(before, item.criterion->text);
      right += CriterionItem(item, false,
                             repeated ? "<span class=\"badge same\">same</span>"
                                      : "<span class=\"badge new\">new</span>");
    }
    rows += Element("tr", TextElement("th", after.name, Attr("scope", "row")) +
                              Element("td", Element("ul", left, Attr("class", "criteria-list"))) +
                              Element("td", Element("ul", right, Attr("class", "criteria-list"))));
  }
  for (const AreaGroup& before : was) {
    if (FindGroup(now, before.area_id) != nullptr || before.items.empty()) continue;
    std::string left;
    for (const Expectation& item : before.items) left += CriterionItem(item, false);
    rows += Element("tr", TextElement("th", before.name, Attr("scope", "row")) +
                              Element("td", Element("ul", left, Attr("class", "criteria-list"))) +
                              "<td></td>");
  }
  if (rows.empty()) return "<p class=\"none\">No criteria are written for these levels.</p>";
  const std::string head = TextElement("th", "Area", Attr("scope", "col")) +
                           Element("th", LevelLabel(lower), Attr("scope", "col")) +
                           Element("th", LevelLabel(higher), Attr("scope", "col"));
  return Table(head, rows, "side-by-side");
}

// --- tracks.html ---------------------------------------------------------------------------------

std::string SiteBuilder::AcrossPage() const {
  std::string body =
      "<div class=\"page-head\"><h1>Across tracks</h1><p class=\"lead\">Which level each track "
      "has at each grade, highest grade at the top. A level spanning several tracks is shared by "
      "them.</p></div>\n";
  body += GradeGrid();
  body += EquivalencesTable();
  body += TransitionsTable();
  return Page(kAcrossFile, "Across tracks", body);
}

std::string SiteBuilder::GradeGrid() const {
  const int grades = framework_.scale.size();
  const size_t tracks = framework_.tracks.size();
  if (grades == 0 || tracks == 0) return "";
  std::vector<std::vector<const Level*>> cell(grades, std::vector<const Level*>(tracks, nullptr));
  for (size_t t = 0; t < tracks; ++t) {
    for (const Level* level : framework_.LevelsOfTrack(framework_.tracks[t].id)) {
      const auto [low, high] = framework_.BandOf(*level);
      for (int g = low; g <= high; ++g) cell[g][t] = level;
    }
  }
  std::vector<std::vector<bool>> covered(grades, std::vector<bool>(tracks, false));
  std::string rows;
  for (int g = grades - 1; g >= 0; --g) {
    std::string cells = TextElement("th", framework_.scale.IdAt(g), Attr("scope", "row"));
    for (size_t t = 0; t < tracks; ++t) {
      if (covered[g][t]) continue;
      const Level* level = cell[g][t];
      if (level == nullptr) {
        cells += "<td class=\"empty\"></td>";
        continue;
      }
      int height = 1;
      while (g - height >= 0 && cell[g - height][t] == level) ++height;
      size_t width = 1;
      while (t + width < tracks && cell[g][t + width] == level && !covered[g][t + width]) ++width;
      for (int r = 0; r < height; ++r) {
        for (size_t c = 0; c < width; ++c) covered[g - r][t + c] = true;
      }
      std::string attributes = Attr("class", width > 1 ? "level-cell shared" : "level-cell");
      if (height > 1) attributes += fmt::format(" rowspan=\"{}\"", height);
      if (width > 1) attributes += fmt::format(" colspan=\"{}\"", width);
      cells += Element("td", LevelLink(*level, framework_.tracks[t].id), attributes);
    }
    rows += Element("tr", cells);
  }
  std::string head = TextElement("th", "Grade", Attr("scope", "col"));
  for (size_t t = 0; t < tracks; ++t) {
    head += Element("th", Link(track_files_[t], Escape(framework_.tracks[t].name)),
                    Attr("scope", "col"));
  }
  return "<section class=\"block\"><h2>Levels by grade</h2>" + Table(head, rows, "grid") +
         "</section>\n";
}

std::string SiteBuilder::EquivalencesTable() const {
  if (framework_.equivalences.empty()) return "";
  std::string items;
  for (const model::Equivalence& equivalence : framework_.equivalences) {
    std::vector<std::string> parts;
    for (const std::string& id : equivalence.levels) {
      const Level* level = framework_.FindLevel(id);
      parts.push_back(level == nullptr ? Escape(id)
                                       : LevelLink(*level) + " <span class=\"note\">(" +
                                             TrackNames(framework_.TracksOf(*level)) + ")</span>");
    }
    items += Element("li", Join(parts, " <span class=\"arrow\">≈</span> "));
  }
  return "<section class=\"block\"><h2>Equivalent levels</h2><p>Levels on different tracks that "
         "count as the same.</p>" +
         Element("ul", items, Attr("class", "equivalences")) + "</section>\n";
}

std::string SiteBuilder::TransitionsTable() const {
  if (framework_.transitions.empty()) return "";
  std::string rows;
  for (const model::Transition& transition : framework_.transitions) {
    const auto side = [this](const std::string& id) {
      const Level* level = framework_.FindLevel(id);
      if (level == nullptr) return Escape(id);
      return LevelLink(*level) + " <span class=\"note\">(" +
             TrackNames(framework_.TracksOf(*level)) + ")</span>";
    };
    rows += Element("tr", Element("td", side(transition.from_level)) +
                              Element("td", side(transition.to_level)) +
                              TextElement("td", transition.both_ways ? "Both ways" : "One way"));
  }
  return "<section class=\"block\"><h2>Moves between tracks</h2><p>A person may move between "
         "these levels without a change of grade.</p>" +
         Table(HeadCells({{"From"}, {"To"}, {"Direction"}}), rows) + "</section>\n";
}

// --- positions.html ----------------------------------------------------------------------------

std::string SiteBuilder::PositionsPage() const {
  std::string rows;
  for (const Position& position : framework_.positions) {
    std::string name = Escape(position.name);
    if (!position.description.empty()) {
      name += TextElement("p", position.description, Attr("class", "note"));
    }
    const auto low = framework_.ResolveBound(position.min_level);
    const auto high = framework_.ResolveBound(position.max_level);
    std::string allowance = "None";
    if (position.allowance > 0) {
      allowance = options_.show_pay ? Money(position.allowance) + " " + PerPeriod() : "Yes";
    }
    rows += Element(
        "tr",
        Element("th", name,
                Attr("scope", "row") + Attr("id", "position-" + html::Slug(position.id))) +
            Element("td", position.track.empty() ? "Any" : TrackName(position.track)) +
            Element("td", BoundLabel(position.min_level) + " – " + BoundLabel(position.max_level)) +
            Element("td", GradeSpan({low.first, high.second})) +
            Element("td", allowance, Attr("class", "num")));
  }
  std::string body =
      "<div class=\"page-head\"><h1>Positions</h1><p class=\"lead\">Roles in the hierarchy are "
      "separate from levels. Each may be held by people within a band of levels; an allowance is "
      "paid only while the role is held and stops when the person leaves it, without any change "
      "of level.</p></div>\n";
  body += Table(HeadCells({{"Position"}, {"Track"}, {"Levels"}, {"Grades"}, {"Allowance", true}}),
                rows, "positions");
  return Page(kPositionsFile, "Positions", body);
}

// --- pay.html -----------------------------------------------------------------------------------

std::string SiteBuilder::PayPage() const {
  std::string body = "<div class=\"page-head\"><h1>Pay</h1>";
  body +=
      "<p class=\"lead\">Base pay follows the grade, with no individual exceptions. Amounts "
      "are in " +
      Escape(framework_.pay.currency) + " " + PerPeriod() + ".</p></div>\n";
  for (const PayFamily& family : framework_.pay.families) body += PayFamilySection(family);
  return Page(kPayFile, "Pay", body);
}

std::string SiteBuilder::PayFamilySection(const PayFamily& family) const {
  std::vector<std::string> tracks;
  for (const Track& track : framework_.tracks) {
    if (framework_.PayFamilyFor(track.id) == &family) tracks.push_back(track.id);
  }
  std::string out = "<section class=\"block\"" + Attr("id", "family-" + html::Slug(family.id)) +
                    ">" + TextElement("h2", family.name);
  out += tracks.empty() ? "<p>Pays no track.</p>"
                        : "<p>Pays the " + TrackNames(tracks) +
                              (tracks.size() > 1 ? " tracks" : " track") + ".</p>";
  std::string grade_rows;
  for (int g = 0; g < framework_.scale.size(); ++g) {
    const std::optional<double> base = BaseFor(family, framework_.scale.IdAt(g));
    grade_rows += Element("tr", TextElement("th", framework_.scale.IdAt(g), Attr("scope", "row")) +
                                    Element("td", base ? Money(*base) : "—", Attr("class", "num")) +
                                    Element("td", LevelsAtGrade(g, tracks)));
  }
  out += "<div class=\"pay-tables\"><div>" + TextElement("h3", "By grade") +
         Table(HeadCells({{"Grade"}, {"Base pay", true}, {"Levels"}}), grade_rows, "pay") +
         "</div>";
  std::vector<const Level*> levels;
  for (const std::string& track : tracks) {
    for (const Level* level : framework_.LevelsOfTrack(track)) {
      if (std::find(levels.begin(), levels.end(), level) == levels.end()) levels.push_back(level);
    }
  }
  std::stable_sort(levels.begin(), levels.end(), [this](const Level* a, const Level* b) {
    return framework_.BandOf(*a).first < framework_.BandOf(*b).first;
  });
  std::string level_rows;
  for (const Level* level : levels) {
    const auto range = PayRange(family, *level);
    const std::string amounts =
        !range ? "—"
               : (range->first == range->second
                      ? Money(range->first)
                      : FormatAmount(range->first) + "–" + Money(range->second));
    level_rows += Element("tr", Element("th", LevelLink(*level), Attr("scope", "row")) +
                                    Element("td", GradeSpan(framework_.BandOf(*level))) +
                                    Element("td", amounts, Attr("class", "num")));
  }
  out += "<div>" + TextElement("h3", "By level") +
         Table(HeadCells({{"Level"}, {"Grades"}, {"Base pay", true}}), level_rows, "pay") +
         "</div></div></section>\n";
  return out;
}

// --- rubric.html --------------------------------------------------------------------------------

std::string SiteBuilder::RubricPage() const {
  const model::Rubric& rubric = *framework_.rubric;
  std::string body =
      "<div class=\"page-head\"><h1>Rubric</h1><p class=\"lead\">A points sheet: each area is "
      "scored by the sources named, and the total points give a grade on the scale.</p></div>\n";
  std::string rows;
  for (const model::RubricArea& area : rubric.areas) {
    std::string name = Escape(area.name);
    if (!area.description.empty()) {
      name += TextElement("p", area.description, Attr("class", "note"));
    }
    rows +=
        Element("tr", Element("th", name, Attr("scope", "row")) +
                          TextElement("td", fmt::format("{}–{}", area.min_points, area.max_points),
                                      Attr("class", "num")) +
                          TextElement("td", Join(area.sources, ", ")));
  }
  body += "<section class=\"block\"><h2>Scored areas</h2>" +
          Table(HeadCells({{"Area"}, {"Points", true}, {"Scored by"}}), rows) + "</section>\n";
  if (rubric.outcomes) {
    const model::RubricOutcomes& outcomes = *rubric.outcomes;
    body += "<section class=\"block\">" + TextElement("h2", outcomes.name);
    if (!outcomes.description.empty()) body += TextElement("p", outcomes.description);
    body += fmt::format(
        "<p>Scored {}–{} points{}.</p>", outcomes.min_points, outcomes.max_points,
        outcomes.weighted_by_involvement ? ", multiplied by the person’s share of the work" : "");
    std::string measures;
    for (const std::string& measure : outcomes.measures) measures += TextElement("li", measure);
    if (!measures.empty()) body += "<p>Measured by:</p>" + Element("ul", measures);
    body += "</section>\n";
  }
  std::vector<std::string> all_tracks;
  for (const Track& track : framework_.tracks) all_tracks.push_back(track.id);
  std::string table_rows;
  for (const model::PointsBand& band : rubric.table) {
    const int grade = framework_.scale.IndexOf(band.grade);
    table_rows +=
        Element("tr", TextElement("td", fmt::format("{}–{}", band.min_points, band.max_points),
                                  Attr("class", "num")) +
                          TextElement("td", band.grade) +
                          Element("td", grade < 0 ? "" : LevelsAtGrade(grade, all_tracks)));
  }
  body +=
      "<section class=\"block\"><h2>From points to a grade</h2>" +
      fmt::format("<p>Totals run from {} to {} points.</p>", rubric.MinTotal(), rubric.MaxTotal()) +
      Table(HeadCells({{"Total points", true}, {"Grade"}, {"Levels at that grade"}}), table_rows) +
      "</section>\n";
  return Page(kRubricFile, "Rubric", body);
}

// ------------------------------------------------------------------------------------------------
// Writing files.

/// True if |relative| stays inside the site directory.
bool IsSafeRelativePath(const fs::path& relative) {
  if (relative.empty() || relative.is_absolute() || relative.has_root_name()) return false;
  return std::none_of(relative.begin(), relative.end(),
                      [](const fs::path& part) { return part == ".."; });
}

}  // namespace

std::vector<SiteFile> BuildSite(const model::Framework& framework, const SiteOptions& options) {
  return SiteBuilder(framework, options).Build();
}

Status WriteSite(const std::vector<SiteFile>& files, const std::string& directory) {
  const fs::path root(directory);
  std::error_code error;
  fs::create_directories(root, error);
  if (error || !fs::is_directory(root)) {
    const std::string reason = error ? error.message() : "not a directory";
    return Status::IoError(fmt::format("{}: cannot create directory: {}", directory, reason));
  }
  for (const SiteFile& file : files) {
    const fs::path relative(file.path);
    if (!IsSafeRelativePath(relative)) {
      return Status::InvalidArgument(
          fmt::format("{}: a site file must be a relative path inside the site", file.path));
    }
    const fs::path target = root / relative;
    fs::create_directories(target.parent_path(), error);
    if (error) {
      return Status::IoError(fmt::format("{}: cannot create directory: {}",
                                         target.parent_path().string(), error.message()));
    }
    Status status = WriteTextFileAtomically(target.string(), file.content);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace yardstick::ladder
