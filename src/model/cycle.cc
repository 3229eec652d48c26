#include "model/cycle.h"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

namespace yardstick::model {
namespace {

constexpr std::array<std::string_view, 5> kStateNames = {"open", "rating", "calibrating", "decided",
                                                         "closed"};

constexpr std::string_view kPeriodForms =
    "expected a period as 2026, 2026-H2, 2026-Q3, 2026-09 or 2026-07-01..2026-12-31";

/// Parses all of |text| as a positive decimal number.
std::optional<int> Number(std::string_view text) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

/// The last day of |month| (1-12) in |year|.
Date LastDayOf(int year, int month) {
  const Date first_of_next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
  return first_of_next.AddDays(-1);
}

/// Months |first|..|last| of |year|, as a period.
Period Months(int year, int first, int last) {
  return {Date{year, first, 1}, LastDayOf(year, last)};
}

}  // namespace

std::string_view ToString(CycleState state) { return kStateNames[static_cast<size_t>(state)]; }

std::optional<CycleState> ParseCycleState(std::string_view text) {
  for (size_t i = 0; i < kStateNames.size(); ++i) {
    if (kStateNames[i] == text) return static_cast<CycleState>(i);
  }
  return std::nullopt;
}

std::optional<CycleState> NextState(CycleState state) {
  if (state == CycleState::kClosed) return std::nullopt;
  return static_cast<CycleState>(static_cast<int>(state) + 1);
}

Result<Period> Period::Parse(std::string_view text) {
  const auto bad = [&](std::string_view why) {
    return Status::InvalidArgument(fmt::format("period '{}': {}", text, why));
  };
  if (const size_t dots = text.find(".."); dots != std::string_view::npos) {
    const std::optional<Date> start = Date::Parse(text.substr(0, dots));
    const std::optional<Date> end = Date::Parse(text.substr(dots + 2));
    if (!start || !end) return bad(kPeriodForms);
    if (*end < *start) return bad("the end is before the start");
    return Period{*start, *end};
  }
  const std::optional<int> year = Number(text.substr(0, 4));
  if (text.size() < 4 || !year || *year < 1900) return bad(kPeriodForms);
  const std::string_view rest = text.substr(4);
  if (rest.empty()) return Months(*year, 1, 12);
  if (rest.size() == 3 && rest[0] == '-') {
    const char kind = rest[1];
    const std::optional<int> part = Number(rest.substr(2));
    if ((kind == 'H' || kind == 'h') && part && *part >= 1 && *part <= 2) {
      return Months(*year, *part * 6 - 5, *part * 6);
    }
    if ((kind == 'Q' || kind == 'q') && part && *part >= 1 && *part <= 4) {
      return Months(*year, *part * 3 - 2, *part * 3);
    }
    const std::optional<int> month = Number(rest.substr(1));
    if (month && *month >= 1 && *month <= 12) return Months(*year, *month, *month);
  }
  return bad(kPeriodForms);
}

std::string Period::ToString() const { return start.ToString() + ".." + end.ToString(); }

Status CheckTransition(const Cycle& cycle, CycleState target) {
  const std::optional<CycleState> next = NextState(cycle.state);
  if (!next) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is closed, and a closed cycle never changes", cycle.id));
  }
  if (target != *next) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' is {}: it can only move on to {}, not to {}", cycle.id,
                    ToString(cycle.state), ToString(*next), ToString(target)));
  }
  return Status::Ok();
}

Status CheckReady(const Cycle& cycle, CycleState target, const CycleProgress& progress,
                  bool allow_unrated) {
  if (Status allowed = CheckTransition(cycle, target); !allowed.ok()) return allowed;
  if (target == CycleState::kCalibrating && !progress.unrated.empty() && !allow_unrated) {
    constexpr size_t kShown = 5;
    std::string names;
    for (size_t i = 0; i < std::min(kShown, progress.unrated.size()); ++i) {
      names += (i == 0 ? "" : ", ") + progress.unrated[i];
    }
    if (progress.unrated.size() > kShown) {
      names += fmt::format(" and {} more", progress.unrated.size() - kShown);
    }
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' cannot stop rating yet: {} {} no rating ({}); rate {} or move on with "
        "--allow-unrated",
        cycle.id,
        progress.unrated.size() == 1 ? "1 person"
                                     : fmt::format("{} people", progress.unrated.size()),
        progress.unrated.size() == 1 ? "has" : "have", names, "them"));
  }
  if (target == CycleState::kDecided && progress.calibrated == 0) {
    return Status::FailedPrecondition(
        fmt::format("cycle '{}' has not been calibrated: run `yardstick cycle calibrate {}` first",
                    cycle.id, cycle.id));
  }
  if (target == CycleState::kDecided && progress.decided == 0) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' has no slate yet: run `yardstick cycle decide {}` first", cycle.id, cycle.id));
  }
  if (target == CycleState::kClosed && progress.proposed > 0) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' cannot close yet: {} decision{} still proposed; accept or reject {} "
        "(`yardstick cycle accept|reject`)",
        cycle.id, progress.proposed, progress.proposed == 1 ? " is" : "s are",
        progress.proposed == 1 ? "it" : "them"));
  }
  if (target == CycleState::kClosed && progress.accepted > 0) {
    return Status::FailedPrecondition(fmt::format(
        "cycle '{}' cannot close yet: {} accepted decision{} not applied; run `yardstick cycle "
        "apply {}` first",
        cycle.id, progress.accepted, progress.accepted == 1 ? " is" : "s are", cycle.id));
  }
  return Status::Ok();
}

}  // namespace yardstick::model
