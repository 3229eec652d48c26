// The demo organisation: a realistic, made-up company to try Yardstick on.
//
// DemoOrg::Generate builds an organisation of N people (300 by default, up to millions) on the
// engineering and product ladders: about 85% engineers and 15% product managers, a manager tree
// under a CTO (directors, managers with teams of 4-9, individual contributors, some senior ICs as
// tech leads), grades in a pyramid inside every track and position band, hire dates over the last
// eight years, promotions at the past review cycles (twice a year, the last four years) and a few
// people who left. It is delivered as the batches of changes that build it, in order:
//
//   1. the hires, one batch per hiring day (new people start on Mondays), each person added at
//      the grade they were hired at, so their level history starts with "hired";
//   2. one batch per past review cycle, effective at the cycle's end, holding that cycle's
//      promotions (reason "promotion") and the people who left during it.
//
// Apply them with store::Store::ApplyPeopleChanges in order. Managers are hired no later than
// their reports, so every batch only names managers that exist once it is applied.
//
// Pure and deterministic: no I/O, no clock, no std:: random distributions (their output differs
// between standard libraries). The same options give the same organisation on every machine.
// Time and memory are O(N): people are kept compactly (a few dozen bytes each) and each batch is
// built only when asked for, so a million people need well under a gigabyte. A DemoOrg is
// immutable once generated and safe to read from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "model/date.h"
#include "model/framework.h"
#include "model/people_changes.h"
#include "model/person.h"

namespace yardstick::lab {

struct DemoOrgOptions {
  int people = 300;        ///< everyone ever hired, including those who left; 1 to 10,000,000
  std::uint64_t seed = 1;  ///< the same seed (and today) gives the same organisation
  model::Date today;       ///< hires and review cycles lie before this day
};

/// What a generated organisation holds, for summaries and tests.
struct DemoOrgSummary {
  int people = 0;
  int active = 0;
  int left = 0;
  int engineering = 0;  ///< people in the engineering group, active or left
  int product = 0;      ///< people in the product group, active or left
  int managers = 0;     ///< active people with direct reports
  int tech_leads = 0;
  int promotions = 0;  ///< level changes at review cycles
  int cycles = 0;      ///< past review cycles (one batch each)
  int hire_batches = 0;
  model::Date first_hire;
  model::Date first_cycle_end;
  model::Date last_cycle_end;
};

class DemoOrg {
 public:
  /// Generates the organisation. InvalidArgument for a people count out of range or a
  /// framework without the tracks, positions or grades the demo uses (those of the built-in
  /// frameworks/engineering.yaml and frameworks/product.yaml).
  static Result<DemoOrg> Generate(const DemoOrgOptions& options,
                                  const model::Framework& engineering,
                                  const model::Framework& product);

  /// The comparison groups everyone belongs to: "engineering" and "product", each on its
  /// framework. Store them before applying the batches.
  [[nodiscard]] const std::vector<model::ComparisonGroup>& groups() const { return groups_; }

  /// The number of batches: the hiring days, then the review cycles.
  [[nodiscard]] int batch_count() const;
  /// Batch |index| (0 <= index < batch_count()), built on demand.
  [[nodiscard]] model::PeopleChanges Batch(int index) const;
  /// Every batch, in the order to apply them (convenient for small organisations).
  [[nodiscard]] std::vector<model::PeopleChanges> Batches() const;

  /// Everyone as they stand once every batch is applied, ordered by id.
  [[nodiscard]] std::vector<model::Person> FinalPeople() const;

  [[nodiscard]] const DemoOrgSummary& summary() const { return summary_; }

 private:
  friend class DemoOrgBuilder;

  /// The role a person plays; decides their track, position and grade distribution.
  enum class Role : std::uint8_t { kIc, kTechLead, kManager, kDirector, kHead };

  /// One person, compactly. Indexes are positions in id order (index 0 is the first id).
  struct Member {
    std::int32_t manager = -1;       ///< index of the manager; -1 for the top of the tree
    std::int32_t hire_day = 0;       ///< days since 1970-01-01
    std::int32_t left_day = 0;       ///< meaningful when left_cycle >= 0
    std::uint32_t email_number = 0;  ///< 0: none; otherwise appended to the email's name part
    std::uint16_t first_name = 0;
    std::uint16_t last_name = 0;
    std::uint16_t promoted = 0;  ///< bit c: promoted one grade at the end of cycle c
    std::uint8_t group = 0;      ///< index into groups()
    Role role = Role::kIc;
    std::uint8_t hired_grade = 0;  ///< index on the group framework's scale
    std::uint8_t final_grade = 0;
    std::int8_t left_cycle = -1;  ///< the cycle whose batch records the leaving; -1 if active
  };

  /// A past review cycle; its batch takes effect on |end_day|.
  struct Cycle {
    std::int32_t start_day = 0;
    std::int32_t end_day = 0;
  };

  /// What a group's people need from its framework, resolved to strings once.
  struct GroupData {
    std::string id;
    std::vector<std::string> grades;         ///< the scale, lowest first
    std::vector<std::string> role_track;     ///< per Role
    std::vector<std::string> role_position;  ///< per Role
  };

  DemoOrg() = default;

  [[nodiscard]] model::Person PersonAt(int index, int grade, bool left) const;
  [[nodiscard]] std::string IdOf(int index) const;
  [[nodiscard]] int GradeBefore(const Member& member, int cycle) const;
  [[nodiscard]] model::PeopleChanges HireBatch(int index) const;
  [[nodiscard]] model::PeopleChanges CycleBatch(int cycle) const;

  std::vector<Member> members_;  ///< in id order, which is hire order
  std::vector<GroupData> group_data_;
  std::vector<model::ComparisonGroup> groups_;
  std::vector<Cycle> cycles_;
  /// Hire batch b holds members [hire_batch_starts_[b], hire_batch_starts_[b + 1]).
  std::vector<std::int32_t> hire_batch_starts_;
  /// Members changed at each cycle (promoted or left), in id order.
  std::vector<std::vector<std::int32_t>> cycle_members_;
  int id_width_ = 6;
  DemoOrgSummary summary_;
};

}  // namespace yardstick::lab
