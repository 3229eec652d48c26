#include "org/import_diff.h"

#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "base/text.h"

namespace yardstick::org {
namespace {

using model::Person;
using model::PersonStatus;
using model::PersonUpdate;

std::string OrNone(const std::string& value) { return value.empty() ? "(none)" : value; }

std::string DateText(const std::optional<model::Date>& date) {
  return date ? date->ToString() : "(none)";
}

/// True for an update that makes an active person leave.
bool IsLeaving(const PersonUpdate& update) {
  return update.before.status == PersonStatus::kActive &&
         update.after.status == PersonStatus::kLeft;
}

struct FieldDiff {
  const char* name;
  std::function<std::string(const Person&)> text;
};

const std::vector<FieldDiff>& Fields() {
  static const std::vector<FieldDiff> fields = {
      {"name", [](const Person& p) { return p.name; }},
      {"email", [](const Person& p) { return p.email; }},
      {"group", [](const Person& p) { return p.group; }},
      {"track", [](const Person& p) { return p.track; }},
      {"grade", [](const Person& p) { return p.grade; }},
      {"position", [](const Person& p) { return OrNone(p.position); }},
      {"manager", [](const Person& p) { return OrNone(p.manager_id); }},
      {"hire_date", [](const Person& p) { return p.hire_date.ToString(); }},
      {"hired_at_grade", [](const Person& p) { return p.hired_at_grade; }},
      {"status", [](const Person& p) { return std::string(model::ToString(p.status)); }},
      {"left_date", [](const Person& p) { return DateText(p.left_date); }},
  };
  return fields;
}

/// Appends lines from |count| items, at most |limit| of them (0: all), then "… and N more".
void AppendCapped(std::string& out, size_t count, int limit, const std::string& what,
                  const std::function<std::string(size_t)>& line) {
  const size_t shown = limit > 0 ? std::min(count, static_cast<size_t>(limit)) : count;
  for (size_t i = 0; i < shown; ++i) out += line(i) + "\n";
  if (shown < count) out += fmt::format("… and {} more {}\n", count - shown, what);
}

}  // namespace

std::string DescribeUpdate(const PersonUpdate& update) {
  std::vector<std::string> parts;
  for (const FieldDiff& field : Fields()) {
    const std::string before = field.text(update.before);
    const std::string after = field.text(update.after);
    if (before != after) parts.push_back(fmt::format("{} {} → {}", field.name, before, after));
  }
  return Join(parts, "; ");
}

std::string FormatImportDiff(const ImportPlan& plan, const DiffOptions& options) {
  const model::PeopleChanges& changes = plan.changes;
  std::vector<const PersonUpdate*> changed;
  std::vector<const PersonUpdate*> leaving;
  for (const PersonUpdate& update : changes.updated) {
    (IsLeaving(update) ? leaving : changed).push_back(&update);
  }
  std::string out =
      fmt::format("{} to add, {} to change, {} leaving, {} unchanged\n", changes.added.size(),
                  changed.size(), leaving.size(), plan.unchanged);
  AppendCapped(out, changes.added.size(), options.limit, "to add", [&](size_t i) {
    const Person& p = changes.added[i];
    return fmt::format("+ {} {} ({}, {}, {})", p.id, p.name, p.group, p.track, p.grade);
  });
  AppendCapped(out, changed.size(), options.limit, "to change", [&](size_t i) {
    return fmt::format("~ {} {}", changed[i]->after.id, DescribeUpdate(*changed[i]));
  });
  AppendCapped(out, leaving.size(), options.limit, "leaving", [&](size_t i) {
    const Person& p = leaving[i]->after;
    return fmt::format("- {} {} left on {}", p.id, p.name, DateText(p.left_date));
  });
  return out;
}

std::string FormatSalaryDeviations(const std::vector<SalaryDeviation>& deviations,
                                   const DiffOptions& options) {
  if (deviations.empty()) return "";
  std::string out =
      fmt::format("{} {} from the pay scale (salaries are compared, never stored):\n",
                  deviations.size(), deviations.size() == 1 ? "salary differs" : "salaries differ");
  AppendCapped(out, deviations.size(), options.limit, "deviations", [&](size_t i) {
    const SalaryDeviation& d = deviations[i];
    return fmt::format("  {} (line {}): {} given, scale {}, difference {:+}", d.person_id, d.line,
                       d.given, d.scale, d.difference);
  });
  return out;
}

}  // namespace yardstick::org
