#include "org/people_import.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "base/text.h"
#include "org/manager_loops.h"
#include "org/text_index.h"

namespace yardstick::org {
namespace {

using io::PersonField;
using io::PersonRow;
using model::Person;
using model::PersonStatus;

/// A loop longer than this is shown with its middle left out.
inline constexpr size_t kLoopShown = 10;
/// Salaries closer than this to the scale are equal (rounding to cents).
inline constexpr double kSalaryTolerance = 0.005;

/// "G-O", or "A-C, G-O" for a band with a gap.
std::string GradeRanges(const model::Scale& scale, const std::vector<bool>& covered) {
  std::vector<std::string> ranges;
  for (size_t low = 0; low < covered.size(); ++low) {
    if (!covered[low]) continue;
    size_t high = low;
    while (high + 1 < covered.size() && covered[high + 1]) ++high;
    const std::string& first = scale.IdAt(static_cast<int>(low));
    ranges.push_back(high == low ? first : first + "-" + scale.IdAt(static_cast<int>(high)));
    low = high;
  }
  return ranges.empty() ? "none" : Join(ranges, ", ");
}

/// " (did you mean 'x'?)" or, when nothing is close, " (known: 'a' and 'b')".
std::string Hint(std::string_view word, const std::vector<std::string>& known) {
  std::string hint = DidYouMean(word, known);
  if (!hint.empty() || known.empty()) return hint;
  return " (known: " + QuotedList(known) + ")";
}

/// What the planner asks of one framework, worked out once.
class LadderIndex {
 public:
  struct Band {
    std::vector<bool> covered;  ///< by grade index
    std::string text;           ///< e.g. "G-O"
  };
  struct PositionBand {
    const model::Position* position = nullptr;
    int low = -1;
    int high = -1;
    std::string text;
  };

  explicit LadderIndex(const model::Framework& framework) : framework_(framework) {
    for (const model::Track& track : framework.tracks) IndexTrack(track.id);
    for (const model::Position& position : framework.positions) IndexPosition(position);
  }

  [[nodiscard]] const model::Framework& framework() const { return framework_; }
  [[nodiscard]] const Band* TrackBand(std::string_view track) const {
    auto it = tracks_.find(std::string(track));
    return it == tracks_.end() ? nullptr : &it->second;
  }
  [[nodiscard]] const PositionBand* Position(std::string_view id) const {
    auto it = positions_.find(std::string(id));
    return it == positions_.end() ? nullptr : &it->second;
  }
  [[nodiscard]] const std::vector<std::string>& track_ids() const { return track_ids_; }
  [[nodiscard]] const std::vector<std::string>& position_ids() const { return position_ids_; }
  /// Base pay at |grade| for people on |track|, if the pay scale has it.
  [[nodiscard]] std::optional<double> BasePay(std::string_view track, int grade) const {
    auto it = base_pay_.find(std::string(track));
    if (it == base_pay_.end() || grade < 0) return std::nullopt;
    return it->second[static_cast<size_t>(grade)];
  }

 private:
  void IndexTrack(const std::string& track) {
    track_ids_.push_back(track);
    Band band{std::vector<bool>(static_cast<size_t>(framework_.scale.size()), false), ""};
    for (const model::Level* level : framework_.LevelsOfTrack(track)) {
      const auto [low, high] = framework_.BandOf(*level);
      for (int grade = low; grade <= high; ++grade) band.covered[static_cast<size_t>(grade)] = true;
    }
    band.text = GradeRanges(framework_.scale, band.covered);
    tracks_.emplace(track, std::move(band));
    std::vector<std::optional<double>> pay(static_cast<size_t>(framework_.scale.size()));
    if (const model::PayFamily* family = framework_.PayFamilyFor(track)) {
      for (const model::PayFamily::Step& step : family->base) {
        const int grade = framework_.scale.IndexOf(step.grade);
        if (grade >= 0) pay[static_cast<size_t>(grade)] = step.amount;
      }
    }
    base_pay_.emplace(track, std::move(pay));
  }

  void IndexPosition(const model::Position& position) {
    position_ids_.push_back(position.id);
    const auto [low, high] = framework_.BandOf(position);
    PositionBand band{&position, low, high, ""};
    if (band.low >= 0 && band.high >= 0) {
      band.text = band.low == band.high
                      ? framework_.scale.IdAt(band.low)
                      : framework_.scale.IdAt(band.low) + "-" + framework_.scale.IdAt(band.high);
    }
    positions_.emplace(position.id, std::move(band));
  }

  const model::Framework& framework_;
  std::map<std::string, Band> tracks_;
  std::map<std::string, PositionBand> positions_;
  std::map<std::string, std::vector<std::optional<double>>> base_pay_;
  std::vector<std::string> track_ids_;
  std::vector<std::string> position_ids_;
};

/// "E7 → E9 → E7", shortened in the middle for long loops.
std::string LoopText(const std::vector<std::string_view>& ids) {
  std::vector<std::string> shown;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids.size() > kLoopShown && i == kLoopShown - 1) {
      shown.push_back(fmt::format("… ({} more)", ids.size() - kLoopShown));
      i = ids.size() - 1;
    }
    shown.emplace_back(ids[i]);
  }
  shown.emplace_back(ids.front());
  return Join(shown, " → ");
}

bool IsEmail(std::string_view email) {
  const size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (char c : email) {
    if (static_cast<unsigned char>(c) <= ' ' || c == ',' || c == ';' || c == '<' || c == '>') {
      return false;
    }
  }
  const std::string_view domain = email.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

/// True for text shaped like YYYY-MM-DD, whether or not the day exists.
bool LooksLikeIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  return true;
}

/// A salary as HRIS exports write it: digits with optional thousands separators and decimals.
std::optional<double> ParseSalary(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c != ',' && c != '_' && c != ' ' && c != '\'') digits += c;
  }
  if (digits.empty()) return std::nullopt;
  for (char c : digits) {
    if ((c < '0' || c > '9') && c != '.') return std::nullopt;
  }
  char* end = nullptr;
  const double value = std::strtod(digits.c_str(), &end);
  if (end != digits.c_str() + digits.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

/// What the planner learnt about one row, for the checks that look across rows.
struct RowFacts {
  bool counted = false;            ///< the first row with its id: it stands for that person
  bool leaving = false;            ///< status left
  bool manager_from_file = false;  ///< false: kept from the stored person (no manager column)
  std::string_view manager;
  int manager_row = -1;  ///< the row that stands for the manager, when they are in the file
};

/// Emails compare case-insensitively. Keys are views: into the text itself when it is already
/// lower case (the usual), else into a lowered copy kept here.
class EmailKeys {
 public:
  std::string_view Key(std::string_view email) {
    if (std::none_of(email.begin(), email.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      return email;
    }
    return lowered_.emplace_back(ToLower(email));
  }

 private:
  std::deque<std::string> lowered_;
};

class Planner {
 public:
  Planner(const OrgState& org, const io::PeopleCsv& csv, const ImportOptions& options)
      : org_(org), csv_(csv), options_(options), facts_(csv.rows.size()) {}

  ImportPlan Run() {
    plan_.diagnostics.Append(csv_.diagnostics);
    if (!csv_.header_ok) return Finish();
    IndexFrameworks();
    IndexStored();
    IndexIds();
    CheckNotEmpty();
    for (size_t i = 0; i < csv_.rows.size(); ++i) {
      if (!csv_.rows[i].malformed()) CheckRow(i);
    }
    CheckManagers();
    CheckLoops();
    if (!options_.partial) AddLeavers();
    return Finish();
  }

 private:
  // Setup ---------------------------------------------------------------------------------------
  void IndexFrameworks() {
    for (const auto& [id, framework] : org_.frameworks) ladders_.emplace(id, framework);
    for (const model::ComparisonGroup& group : org_.groups) {
      groups_.emplace(group.id, &group);
      group_ids_.push_back(group.id);
    }
  }

  void IndexStored() {
    stored_.Reserve(org_.people.size());
    stored_emails_.Reserve(org_.people.size());
    for (size_t i = 0; i < org_.people.size(); ++i) {
      const Person& person = org_.people[i];
      if (!person.id.empty()) stored_.Insert(person.id, static_cast<std::uint32_t>(i));
      if (!person.email.empty()) {
        stored_emails_.Insert(email_keys_.Key(person.email), static_cast<std::uint32_t>(i));
      }
    }
  }

  void IndexIds() {
    file_ids_.Reserve(csv_.rows.size());
    file_emails_.Reserve(csv_.rows.size());
    plan_.changes.added.reserve(csv_.rows.size() - std::min(csv_.rows.size(), stored_.size()));
    for (size_t i = 0; i < csv_.rows.size(); ++i) {
      const PersonRow& row = csv_.rows[i];
      const std::string_view id = row.Get(PersonField::kId);
      if (id.empty()) {
        if (!row.malformed()) Error(row, PersonField::kId, "id-empty", "id is empty");
        continue;
      }
      const auto [first, inserted] = file_ids_.Insert(id, static_cast<std::uint32_t>(i));
      if (inserted) {
        facts_[i].counted = true;
      } else if (!row.malformed()) {
        Error(row, PersonField::kId, "duplicate-id",
              fmt::format("duplicate id '{}': already on line {}", id, csv_.rows[first].line()));
      }
    }
  }

  void CheckNotEmpty() {
    if (options_.partial || !csv_.rows.empty()) return;
    int active = 0;
    for (const Person& person : org_.people) active += person.status == PersonStatus::kActive;
    if (active == 0) return;
    plan_.diagnostics.Error({}, "no-rows",
                            fmt::format("the file lists nobody: a full import would mark all {} "
                                        "active people as left",
                                        active));
    ++errors_;
  }

  // Reporting -----------------------------------------------------------------------------------
  SourceLoc At(const PersonRow& row, PersonField field) const {
    return {row.line(), csv_.layout.ColumnOf(field)};
  }

  void Error(const PersonRow& row, PersonField field, std::string code, std::string message) {
    plan_.diagnostics.Error(At(row, field), std::move(code), std::move(message));
    ++errors_;
  }

  void Warning(const PersonRow& row, PersonField field, std::string code, std::string message) {
    plan_.diagnostics.Warning(At(row, field), std::move(code), std::move(message));
  }

  // One row -------------------------------------------------------------------------------------
  /// The text of a required field; reports it when empty.
  std::string_view Required(const PersonRow& row, PersonField field) {
    const std::string_view value = row.Get(field);
    if (value.empty()) {
      Error(row, field, "empty-field", fmt::format("{} is empty", io::FieldName(field)));
    }
    return value;
  }

  void CheckRow(size_t index) {
    const PersonRow& row = csv_.rows[index];
    const int errors_before = errors_;
    const std::string_view id = row.Get(PersonField::kId);
    const Person* stored = FindStored(id);
    Person person = stored != nullptr ? *stored : Person{};
    person.id = std::string(id);
    person.name = std::string(Required(row, PersonField::kName));
    person.email = std::string(CheckEmail(row, index, facts_[index].counted));
    const LadderIndex* ladder = CheckGroup(row, person);
    const bool track_ok = CheckTrack(row, ladder, person);
    const int grade = CheckGrade(row, PersonField::kGrade, ladder, track_ok, person.track);
    person.grade = std::string(row.Get(PersonField::kGrade));
    CheckPosition(row, track_ok ? ladder : nullptr, grade, person);
    CheckHiredAt(row, ladder, track_ok, stored, person);
    CheckDates(row, stored, person);
    facts_[index].leaving = person.status == PersonStatus::kLeft;
    NoteManager(row, index, stored, person);
    if (track_ok && grade >= 0) CheckSalary(row, *ladder, grade, person);
    if (errors_ == errors_before && errors_ == 0 && facts_[index].counted) {
      Record(stored, std::move(person));
    }
  }

  const Person* FindStored(std::string_view id) const {
    const std::optional<std::uint32_t> index = stored_.Find(id);
    return index ? &org_.people[*index] : nullptr;
  }

  /// Checks the form of the email, and, for the row that stands for a person (|counted|), that
  /// nobody else has it.
  std::string_view CheckEmail(const PersonRow& row, size_t index, bool counted) {
    const std::string_view email = Required(row, PersonField::kEmail);
    if (email.empty()) return email;
    if (!IsEmail(email)) {
      Error(row, PersonField::kEmail, "bad-email",
            fmt::format("bad email '{}': expected name@domain, e.g. ada@example.com", email));
      return email;
    }
    if (!counted) return email;
    const std::string_view key = email_keys_.Key(email);
    if (const std::optional<std::uint32_t> other = file_emails_.Find(key)) {
      const PersonRow& first = csv_.rows[*other];
      Error(row, PersonField::kEmail, "duplicate-email",
            fmt::format("duplicate email '{}': already used by {} on line {}", email,
                        first.Get(PersonField::kId), first.line()));
      return email;
    }
    if (const std::optional<std::uint32_t> owner = stored_emails_.Find(key)) {
      const Person& stored = org_.people[*owner];
      if (stored.id != row.Get(PersonField::kId) && !file_ids_.Contains(stored.id)) {
        Error(row, PersonField::kEmail, "duplicate-email",
              fmt::format("duplicate email '{}': already used by {} ({}), who is not in this file",
                          email, stored.id, stored.name));
      }
    }
    file_emails_.Insert(key, static_cast<std::uint32_t>(index));
    return email;
  }

  const LadderIndex* CheckGroup(const PersonRow& row, Person& person) {
    const std::string_view group = Required(row, PersonField::kGroup);
    person.group = std::string(group);
    if (group.empty()) return nullptr;
    auto it = groups_.find(person.group);
    if (it == groups_.end()) {
      Error(row, PersonField::kGroup, "unknown-group",
            fmt::format("unknown group '{}'{}", group, Hint(group, group_ids_)));
      return nullptr;
    }
    auto ladder = ladders_.find(it->second->framework_id);
    if (ladder == ladders_.end()) {
      Error(row, PersonField::kGroup, "unknown-framework",
            fmt::format("group '{}' uses framework '{}', which is not loaded", group,
                        it->second->framework_id));
      return nullptr;
    }
    return &ladder->second;
  }

  bool CheckTrack(const PersonRow& row, const LadderIndex* ladder, Person& person) {
    const std::string_view track = Required(row, PersonField::kTrack);
    person.track = std::string(track);
    if (track.empty() || ladder == nullptr) return false;
    if (ladder->TrackBand(track) != nullptr) return true;
    Error(row, PersonField::kTrack, "unknown-track",
          fmt::format("unknown track '{}' for framework '{}'{}", track, ladder->framework().id,
                      Hint(track, ladder->track_ids())));
    return false;
  }

  /// Checks a grade field against the scale and the track band; its scale index or -1.
  int CheckGrade(const PersonRow& row, PersonField field, const LadderIndex* ladder, bool track_ok,
                 std::string_view track) {
    const std::string_view grade = io::IsRequired(field) ? Required(row, field) : row.Get(field);
    if (grade.empty() || ladder == nullptr) return -1;
    const model::Scale& scale = ladder->framework().scale;
    const int index = scale.IndexOf(grade);
    if (index < 0) {
      Error(
          row, field, "unknown-grade",
          fmt::format("{} '{}' is not on the scale of framework '{}' ({}-{})", io::FieldName(field),
                      grade, ladder->framework().id, scale.IdAt(0), scale.IdAt(scale.size() - 1)));
      return -1;
    }
    if (!track_ok) return index;
    const LadderIndex::Band& band = *ladder->TrackBand(track);
    if (!band.covered[static_cast<size_t>(index)]) {
      Error(row, field, "grade-outside-track",
            fmt::format("{} '{}' is outside the {} track, which covers grades {}",
                        io::FieldName(field), grade, track, band.text));
    }
    return index;
  }

  /// |ladder| is null when the group or track is unknown: the position cannot be judged.
  void CheckPosition(const PersonRow& row, const LadderIndex* ladder, int grade, Person& person) {
    if (!csv_.layout.Has(PersonField::kPosition)) return;
    const std::string_view id = row.Get(PersonField::kPosition);
    person.position = std::string(id);
    if (id.empty() || ladder == nullptr) return;
    const LadderIndex::PositionBand* band = ladder->Position(id);
    if (band == nullptr) {
      Error(row, PersonField::kPosition, "unknown-position",
            fmt::format("unknown position '{}'{}", id, Hint(id, ladder->position_ids())));
      return;
    }
    const std::string& track = band->position->track;
    if (!track.empty() && track != person.track) {
      Error(row, PersonField::kPosition, "position-track",
            fmt::format("position '{}' is on the {} track, not {}", id, track, person.track));
    } else if (grade >= 0 && band->low >= 0 && (grade < band->low || grade > band->high)) {
      Error(row, PersonField::kPosition, "grade-outside-position",
            fmt::format("grade '{}' is outside the band of position '{}' (grades {})", person.grade,
                        id, band->text));
    }
  }

  void CheckHiredAt(const PersonRow& row, const LadderIndex* ladder, bool track_ok,
                    const Person* stored, Person& person) {
    const std::string_view hired_at = row.Get(PersonField::kHiredAtGrade);
    if (!hired_at.empty()) {
      CheckGrade(row, PersonField::kHiredAtGrade, ladder, track_ok, person.track);
      person.hired_at_grade = std::string(hired_at);
    } else if (csv_.layout.Has(PersonField::kHiredAtGrade) || stored == nullptr) {
      person.hired_at_grade = person.grade;
    }
  }

  std::optional<model::Date> ParseDate(const PersonRow& row, PersonField field) {
    const std::string_view text = row.Get(field);
    if (text.empty()) return std::nullopt;
    std::optional<model::Date> date = model::Date::Parse(text);
    if (!date) {
      Error(row, field, "bad-date",
            fmt::format(
                "bad {} '{}': {}", io::FieldName(field), text,
                LooksLikeIsoDate(text) ? "there is no such day" : "expected a date as YYYY-MM-DD"));
    }
    return date;
  }

  void CheckDates(const PersonRow& row, const Person* stored, Person& person) {
    Required(row, PersonField::kHireDate);
    const std::optional<model::Date> hired = ParseDate(row, PersonField::kHireDate);
    if (hired) person.hire_date = *hired;
    if (hired && *hired > options_.effective) {
      Error(row, PersonField::kHireDate, "hired-after-effective",
            fmt::format("hire date {} is after the effective date {}", hired->ToString(),
                        options_.effective.ToString()));
    }
    person.status = CheckStatus(row);
    const bool has_left_date = !row.Get(PersonField::kLeftDate).empty();
    const std::optional<model::Date> left = ParseDate(row, PersonField::kLeftDate);
    if (person.status == PersonStatus::kActive) {
      person.left_date.reset();
      if (has_left_date) {
        Error(row, PersonField::kLeftDate, "left-date-active",
              "left_date is given but status is 'active'; only people who left have a left_date");
      }
      return;
    }
    if (left) {
      person.left_date = left;
    } else if (!has_left_date && (stored == nullptr || !stored->left_date)) {
      Error(row, PersonField::kStatus, "left-without-date",
            "status is 'left' but left_date is empty");
    }
    if (left && hired && *left < *hired) {
      Error(row, PersonField::kLeftDate, "left-before-hired",
            fmt::format("left date {} is before the hire date {}", left->ToString(),
                        hired->ToString()));
    }
  }

  PersonStatus CheckStatus(const PersonRow& row) {
    const std::string_view text = row.Get(PersonField::kStatus);
    if (text.empty()) return PersonStatus::kActive;
    const std::optional<PersonStatus> status = model::ParsePersonStatus(ToLower(text));
    if (!status) {
      Error(row, PersonField::kStatus, "bad-status",
            fmt::format("bad status '{}': expected 'active' or 'left'", text));
      return PersonStatus::kActive;
    }
    return *status;
  }

  void CheckSalary(const PersonRow& row, const LadderIndex& ladder, int grade,
                   const Person& person) {
    const std::string_view text = row.Get(PersonField::kSalary);
    if (text.empty() || person.status != PersonStatus::kActive) return;
    const std::optional<double> given = ParseSalary(text);
    if (!given) {
      Warning(row, PersonField::kSalary, "bad-salary",
              fmt::format("salary '{}' is not a number; it is not compared", text));
      return;
    }
    std::optional<double> scale = ladder.BasePay(person.track, grade);
    if (!scale) {
      Warning(row, PersonField::kSalary, "no-pay-scale",
              fmt::format("the pay scale has no base pay for grade '{}' on the {} track; the "
                          "salary is not compared",
                          person.grade, person.track));
      return;
    }
    if (const LadderIndex::PositionBand* position = ladder.Position(person.position)) {
      *scale += position->position->allowance;
    }
    if (std::abs(*given - *scale) > kSalaryTolerance) {
      plan_.salary_deviations.push_back({person.id, row.line(), *given, *scale, *given - *scale});
    }
  }

  void Record(const Person* stored, Person person) {
    if (stored == nullptr) {
      plan_.changes.added.push_back(std::move(person));
    } else if (*stored == person) {
      ++plan_.unchanged;
    } else {
      plan_.changes.updated.push_back({*stored, std::move(person)});
    }
  }

  // Managers ------------------------------------------------------------------------------------
  /// Takes the manager from the file, or keeps the stored one when the file has no manager
  /// column; the cross-row checks come later.
  void NoteManager(const PersonRow& row, size_t index, const Person* stored, Person& person) {
    RowFacts& facts = facts_[index];
    facts.manager_from_file = csv_.layout.Has(PersonField::kManagerId);
    if (facts.manager_from_file) {
      facts.manager = row.Get(PersonField::kManagerId);
      person.manager_id = std::string(facts.manager);
    } else if (stored != nullptr) {
      facts.manager = stored->manager_id;
    }
  }

  void CheckManagers() {
    for (size_t i = 0; i < csv_.rows.size(); ++i) {
      if (!csv_.rows[i].malformed() && !facts_[i].manager.empty()) CheckManager(i);
    }
    if (options_.partial) CheckReportsOfLeavers();
  }

  /// In a partial import, a leaver may still manage active people the file does not list.
  void CheckReportsOfLeavers() {
    std::map<size_t, std::vector<std::string>> reports;  // leaver's row → their stored reports
    for (const Person& person : org_.people) {
      if (person.status != PersonStatus::kActive || file_ids_.Contains(person.id)) continue;
      const std::optional<std::uint32_t> manager = file_ids_.Find(person.manager_id);
      if (manager && facts_[*manager].leaving) reports[*manager].push_back(person.id);
    }
    for (auto& [row_index, ids] : reports) {
      const size_t count = ids.size();
      if (count > kLoopShown) {
        ids.resize(kLoopShown);
        ids.push_back(fmt::format("{} more", count - kLoopShown));
      }
      const PersonRow& row = csv_.rows[row_index];
      Error(row, PersonField::kStatus, "leaver-manages",
            fmt::format("{} leaves but still manages {}, who {} not in this file; give them "
                        "another manager",
                        row.Get(PersonField::kId), Join(ids, ", "), count == 1 ? "is" : "are"));
    }
  }

  void CheckManager(size_t index) {
    const PersonRow& row = csv_.rows[index];
    RowFacts& facts = facts_[index];
    const PersonField field = facts.manager_from_file ? PersonField::kManagerId : PersonField::kId;
    const std::string_view manager = facts.manager;
    if (manager == row.Get(PersonField::kId)) {
      Error(row, field, "own-manager",
            fmt::format("{} cannot be their own manager", row.Get(PersonField::kId)));
      return;
    }
    if (const std::optional<std::uint32_t> row_of_manager = file_ids_.Find(manager)) {
      const size_t target = *row_of_manager;
      if (!csv_.rows[target].malformed()) facts.manager_row = static_cast<int>(target);
      if (facts_[target].leaving && !facts.leaving && !csv_.rows[target].malformed()) {
        Error(row, field, "manager-left",
              fmt::format("manager '{}' has left (status 'left' on line {})", manager,
                          csv_.rows[target].line()));
      }
      return;
    }
    CheckStoredManager(row, field, manager, facts.leaving);
  }

  void CheckStoredManager(const PersonRow& row, PersonField field, std::string_view manager,
                          bool leaving) {
    const Person* stored = FindStored(manager);
    if (stored == nullptr) {
      Error(row, field, "unknown-manager",
            fmt::format("unknown manager '{}': {}", manager,
                        options_.partial ? "not in this file and not in the organisation"
                                         : "nobody in this file has that id"));
    } else if (!options_.partial && stored->status == PersonStatus::kActive) {
      Error(row, field, "unknown-manager",
            fmt::format("unknown manager '{}': not in this file, and a full import marks "
                        "everyone missing from it as left",
                        manager));
    } else if (stored->status == PersonStatus::kLeft && !leaving) {
      Error(row, field, "manager-left",
            fmt::format("manager '{}' has left{}", manager,
                        stored->left_date ? " on " + stored->left_date->ToString() : ""));
    }
  }

  /// Loops through the rows' managers; in a partial import also through stored people outside
  /// the file. Nodes are the rows (by index), then those stored people.
  void CheckLoops() {
    std::vector<int> next(csv_.rows.size(), -1);
    for (size_t i = 0; i < csv_.rows.size(); ++i) {
      if (facts_[i].counted && facts_[i].manager_row != static_cast<int>(i)) {
        next[i] = facts_[i].manager_row;
      }
    }
    std::vector<std::string_view> outside;  // ids of the stored nodes
    if (options_.partial) LinkStoredPeople(next, outside);
    for (const std::vector<int>& loop : FindManagerLoops(next)) {
      if (static_cast<size_t>(loop.front()) < csv_.rows.size()) ReportLoop(loop, outside);
    }
  }

  /// Adds the stored people outside the file, and the edges to and from them, to the graph.
  void LinkStoredPeople(std::vector<int>& next, std::vector<std::string_view>& outside) {
    TextIndex node_of;
    std::vector<std::string_view> managers;
    for (const Person& person : org_.people) {
      if (file_ids_.Contains(person.id) || person.manager_id.empty()) continue;
      node_of.Insert(person.id, static_cast<std::uint32_t>(next.size()));
      next.push_back(-1);
      outside.push_back(person.id);
      managers.push_back(person.manager_id);
    }
    auto node = [&](std::string_view id) {
      if (const std::optional<std::uint32_t> row = file_ids_.Find(id))
        return static_cast<int>(*row);
      const std::optional<std::uint32_t> stored = node_of.Find(id);
      return stored ? static_cast<int>(*stored) : -1;
    };
    for (size_t i = 0; i < outside.size(); ++i) {
      next[csv_.rows.size() + i] = node(managers[i]);
    }
    for (size_t i = 0; i < csv_.rows.size(); ++i) {
      if (facts_[i].counted && next[i] < 0 && !facts_[i].manager.empty()) {
        const std::optional<std::uint32_t> stored = node_of.Find(facts_[i].manager);
        if (stored) next[i] = static_cast<int>(*stored);
      }
    }
  }

  std::string_view NodeId(int node, const std::vector<std::string_view>& outside) const {
    const auto index = static_cast<size_t>(node);
    return index < csv_.rows.size() ? csv_.rows[index].Get(PersonField::kId)
                                    : outside[index - csv_.rows.size()];
  }

  void ReportLoop(const std::vector<int>& loop, const std::vector<std::string_view>& outside) {
    std::vector<std::string_view> names;
    for (int node : loop) names.push_back(NodeId(node, outside));
    const auto row_index = static_cast<size_t>(loop.front());
    const PersonField field =
        facts_[row_index].manager_from_file ? PersonField::kManagerId : PersonField::kId;
    Error(csv_.rows[row_index], field, "manager-loop",
          fmt::format("manager loop: {}", LoopText(names)));
  }

  // Leavers and the result ----------------------------------------------------------------------
  void AddLeavers() {
    if (errors_ > 0) return;
    for (const Person& person : org_.people) {
      if (person.status != PersonStatus::kActive || file_ids_.Contains(person.id)) continue;
      Person after = person;
      after.status = PersonStatus::kLeft;
      after.left_date = options_.effective;
      plan_.changes.updated.push_back({person, std::move(after)});
    }
  }

  ImportPlan Finish() {
    plan_.diagnostics.SortByLocation();
    if (plan_.diagnostics.HasErrors()) {
      plan_.changes = model::PeopleChanges{};
      plan_.unchanged = 0;
    }
    plan_.changes.reason = "import";
    plan_.changes.effective = options_.effective;
    return std::move(plan_);
  }

  const OrgState& org_;
  const io::PeopleCsv& csv_;
  const ImportOptions& options_;
  std::vector<RowFacts> facts_;
  std::map<std::string, LadderIndex> ladders_;
  std::map<std::string, const model::ComparisonGroup*> groups_;
  std::vector<std::string> group_ids_;
  TextIndex stored_;  ///< id → index in org_.people
  EmailKeys email_keys_;
  TextIndex stored_emails_;  ///< lower-case email → index in org_.people
  TextIndex file_ids_;       ///< id → the first row with it
  TextIndex file_emails_;    ///< lower-case email → the first row with it
  int errors_ = 0;
  ImportPlan plan_;
};

}  // namespace

ImportPlan PlanPeopleImport(const OrgState& org, const io::PeopleCsv& csv,
                            const ImportOptions& options) {
  return Planner(org, csv, options).Run();
}

}  // namespace yardstick::org
