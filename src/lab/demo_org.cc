#include "lab/demo_org.h"

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <utility>

#include <fmt/format.h>

namespace yardstick::lab {
namespace {

// Tuning: every number that shapes the organisation ------------------------------------------

constexpr int kMaxPeople = 10'000'000;
constexpr int kHistoryDays = 8 * 365 + 2;  ///< hires over the last eight years
constexpr int kCycles = 8;                 ///< review cycles: two a year, the last four years
constexpr int kProductPercent = 15;        ///< the rest is engineering
constexpr int kLeaverDivisor = 25;         ///< one person in 25 has left
constexpr int kMinTeam = 4;                ///< direct reports of every manager below the top
constexpr int kMaxTeam = 9;
constexpr int kPreferredSpan = 8;  ///< the tree is made deep enough for spans up to this
constexpr int kMaxHeight = 16;
constexpr int kUniformHirePermille = 400;  ///< the rest of the hires lean towards recent years
constexpr int kUnderHiredPermille = 250;   ///< hired below the level they grew into
constexpr int kUnderHiredPromotionPermille = 150;  ///< their chance of a promotion per cycle
constexpr int kPromotionPermille = 30;             ///< everyone else's
constexpr int kFirstPromotionDays = 180;           ///< nobody is promoted in their first six months
constexpr int kInternDays = 365;        ///< intern grades: only people hired in the last year
constexpr int kLeaverMinDays = 90;      ///< nobody leaves in their first three months
constexpr int kTechLeadPermille = 500;  ///< teams whose most senior IC leads technically
constexpr char kIdPrefix[] = "E";
constexpr char kEmailDomain[] = "example.com";

constexpr int kRoleCount = 5;  ///< DemoOrg::Role values

// Names ----------------------------------------------------------------------------------------

/// A name as shown, and as written in an email address (lower-case ASCII letters).
struct Name {
  const char* shown;
  const char* email;
};

// clang-format off
constexpr Name kFirstNames[] = {
    {"Aaliyah", "aaliyah"}, {"Abebe", "abebe"}, {"Adaeze", "adaeze"}, {"Aditi", "aditi"},
    {"Ahmed", "ahmed"}, {"Aiko", "aiko"}, {"Alejandro", "alejandro"}, {"Amara", "amara"},
    {"Amir", "amir"}, {"Ana", "ana"}, {"Andrés", "andres"}, {"Anika", "anika"}, {"Arjun", "arjun"},
    {"Astrid", "astrid"}, {"Aylin", "aylin"}, {"Bao", "bao"}, {"Beatriz", "beatriz"},
    {"Benjamin", "benjamin"}, {"Björn", "bjorn"}, {"Camila", "camila"}, {"Chen", "chen"},
    {"Chidi", "chidi"}, {"Chloé", "chloe"}, {"Daniel", "daniel"}, {"Dariusz", "dariusz"},
    {"Deepika", "deepika"}, {"Diego", "diego"}, {"Dmitri", "dmitri"}, {"Elena", "elena"},
    {"Emeka", "emeka"}, {"Emma", "emma"}, {"Fatima", "fatima"}, {"Felipe", "felipe"},
    {"Freya", "freya"}, {"Gabriel", "gabriel"}, {"Grace", "grace"}, {"Hana", "hana"},
    {"Hamza", "hamza"}, {"Hiroshi", "hiroshi"}, {"Ibrahim", "ibrahim"}, {"Ingrid", "ingrid"},
    {"Isabela", "isabela"}, {"Ivan", "ivan"}, {"Jamal", "jamal"}, {"Ji-woo", "jiwoo"},
    {"Jonas", "jonas"}, {"José", "jose"}, {"Juan", "juan"}, {"Kaito", "kaito"}, {"Kavya", "kavya"},
    {"Kemal", "kemal"}, {"Kwame", "kwame"}, {"Lakshmi", "lakshmi"}, {"Layla", "layla"},
    {"Leila", "leila"}, {"Liam", "liam"}, {"Lina", "lina"}, {"Luca", "luca"}, {"Łukasz", "lukasz"},
    {"Mai", "mai"}, {"Malik", "malik"}, {"Mariam", "mariam"}, {"Mateo", "mateo"}, {"Mei", "mei"},
    {"Miguel", "miguel"}, {"Min-jun", "minjun"}, {"Nadia", "nadia"}, {"Naveen", "naveen"},
    {"Nia", "nia"}, {"Noah", "noah"}, {"Nomvula", "nomvula"}, {"Olga", "olga"}, {"Omar", "omar"},
    {"Oluwaseun", "oluwaseun"}, {"Priya", "priya"}, {"Rafael", "rafael"}, {"Rahul", "rahul"},
    {"Renée", "renee"}, {"Rohan", "rohan"}, {"Sakura", "sakura"}, {"Samuel", "samuel"},
    {"Sana", "sana"}, {"Santiago", "santiago"}, {"Sara", "sara"}, {"Siddharth", "siddharth"},
    {"Sofia", "sofia"}, {"Søren", "soren"}, {"Tariq", "tariq"}, {"Thandiwe", "thandiwe"},
    {"Tomasz", "tomasz"}, {"Valentina", "valentina"}, {"Wei", "wei"}, {"Yara", "yara"},
    {"Yusuf", "yusuf"}, {"Zainab", "zainab"}, {"Zoë", "zoe"},
};

constexpr Name kLastNames[] = {
    {"Abara", "abara"}, {"Adeyemi", "adeyemi"}, {"Agarwal", "agarwal"}, {"Ahmadi", "ahmadi"},
    {"Alvarez", "alvarez"}, {"Andersen", "andersen"}, {"Banerjee", "banerjee"},
    {"Becker", "becker"}, {"Bianchi", "bianchi"}, {"Boateng", "boateng"}, {"Castillo", "castillo"},
    {"Chatterjee", "chatterjee"}, {"Chen", "chen"}, {"Cohen", "cohen"}, {"Costa", "costa"},
    {"da Silva", "dasilva"}, {"Delacroix", "delacroix"}, {"Demir", "demir"},
    {"Dimitrov", "dimitrov"}, {"Dubois", "dubois"}, {"Eze", "eze"}, {"Fernández", "fernandez"},
    {"Fischer", "fischer"}, {"Flores", "flores"}, {"García", "garcia"}, {"Gupta", "gupta"},
    {"Haddad", "haddad"}, {"Hansen", "hansen"}, {"Hashemi", "hashemi"}, {"Hernández", "hernandez"},
    {"Hoang", "hoang"}, {"Hosseini", "hosseini"}, {"Ivanova", "ivanova"}, {"Jansen", "jansen"},
    {"Jensen", "jensen"}, {"Johnson", "johnson"}, {"Kang", "kang"}, {"Kapoor", "kapoor"},
    {"Kaya", "kaya"}, {"Kim", "kim"}, {"Kowalski", "kowalski"}, {"Kumar", "kumar"},
    {"Larsen", "larsen"}, {"Le", "le"}, {"Lee", "lee"}, {"Li", "li"}, {"Lindqvist", "lindqvist"},
    {"Liu", "liu"}, {"López", "lopez"}, {"Mahlangu", "mahlangu"}, {"Martin", "martin"},
    {"Mendes", "mendes"}, {"Mensah", "mensah"}, {"Meyer", "meyer"}, {"Mohammed", "mohammed"},
    {"Moreau", "moreau"}, {"Müller", "muller"}, {"Murphy", "murphy"}, {"Nakamura", "nakamura"},
    {"Nguyen", "nguyen"}, {"Novak", "novak"}, {"Nowak", "nowak"}, {"Nwosu", "nwosu"},
    {"O'Brien", "obrien"}, {"Okafor", "okafor"}, {"Okonkwo", "okonkwo"}, {"Olsen", "olsen"},
    {"Park", "park"}, {"Patel", "patel"}, {"Pereira", "pereira"}, {"Petrov", "petrov"},
    {"Popescu", "popescu"}, {"Quispe", "quispe"}, {"Rahman", "rahman"}, {"Ramírez", "ramirez"},
    {"Reddy", "reddy"}, {"Rossi", "rossi"}, {"Sánchez", "sanchez"}, {"Santos", "santos"},
    {"Sato", "sato"}, {"Schmidt", "schmidt"}, {"Shah", "shah"}, {"Singh", "singh"},
    {"Suzuki", "suzuki"}, {"Takahashi", "takahashi"}, {"Tan", "tan"}, {"Tanaka", "tanaka"},
    {"Tran", "tran"}, {"van den Berg", "vandenberg"}, {"Wang", "wang"}, {"Watanabe", "watanabe"},
    {"Williams", "williams"}, {"Yamamoto", "yamamoto"}, {"Yılmaz", "yilmaz"}, {"Zhang", "zhang"},
    {"Zhou", "zhou"},
};

// clang-format on

constexpr int kFirstNameCount = static_cast<int>(std::size(kFirstNames));
constexpr int kLastNameCount = static_cast<int>(std::size(kLastNames));

// What each group looks like ------------------------------------------------------------------

struct GradeWeight {
  const char* grade;
  int weight;
};

/// The track and position of a role, and how its people's current grades are distributed.
struct RoleSpec {
  const char* track;
  const char* position;             ///< "": the group has no such role
  std::vector<GradeWeight> grades;  ///< empty: grades come from another role (tech leads)
};

struct GroupSpec {
  const char* id;
  /// Grades up to this one (interns) are held only by people hired within the last year.
  const char* intern_top_grade;
  std::array<RoleSpec, kRoleCount> roles;  ///< indexed by Role
};

// clang-format off
/// Engineering: a pyramid of ICs centred on Core and Senior, managers from Senior up, a CTO.
GroupSpec EngineeringSpec() {
  return {"engineering", "C", {{
      // Role::kIc
      {"ic", "software-engineer",
       {{"A", 10}, {"B", 10}, {"C", 10}, {"D", 30}, {"E", 50}, {"F", 70}, {"G", 140}, {"H", 160},
        {"I", 160}, {"J", 130}, {"K", 70}, {"L", 40}, {"M", 20}, {"N", 7}, {"O", 3}}},
      // Role::kTechLead: chosen among the ICs, keeping their grades
      {"ic", "tech-lead", {}},
      // Role::kManager: manages ICs
      {"manager", "engineering-manager",
       {{"I", 25}, {"J", 30}, {"K", 25}, {"L", 12}, {"M", 6}, {"N", 2}}},
      // Role::kDirector: manages managers
      {"manager", "director-of-engineering", {{"K", 30}, {"L", 35}, {"M", 25}, {"N", 8}, {"O", 2}}},
      // Role::kHead: the CTO, at the top of the whole tree
      {"manager", "director-of-engineering", {{"O", 1}}},
  }}};
}

/// Product: most product managers rest at Intermediate 5 (J); group product managers lead.
GroupSpec ProductSpec() {
  return {"product", "C", {{
      // Role::kIc
      {"ic", "product-manager",
       {{"A", 5}, {"B", 5}, {"C", 5}, {"D", 40}, {"E", 60}, {"F", 90}, {"G", 110}, {"H", 120},
        {"I", 120}, {"J", 150}, {"K", 70}, {"L", 40}, {"M", 25}, {"N", 10}, {"O", 4}, {"P", 1}}},
      // Role::kTechLead: none in product
      {"ic", "", {}},
      // Role::kManager: manages product managers
      {"manager", "group-product-manager", {{"N", 75}, {"O", 25}}},
      // Role::kDirector: manages group product managers
      {"manager", "group-product-manager", {{"O", 60}, {"P", 40}}},
      // Role::kHead: the head of product, reporting to the CTO
      {"manager", "group-product-manager", {{"P", 1}}},
  }}};
}
// clang-format on

// Randomness -----------------------------------------------------------------------------------

/// xoshiro256** seeded through splitmix64, with integer draws only: the same sequence on every
/// machine and standard library.
class Random {
 public:
  explicit Random(std::uint64_t seed) {
    for (std::uint64_t& word : state_) word = SplitMix(seed);
  }

  std::uint64_t Next() {
    const std::uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t shifted = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= shifted;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [0, bound); bound > 0. Unbiased: rejects the short last stretch.
  std::uint64_t Below(std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
      const std::uint64_t draw = Next();
      if (draw >= threshold) return draw % bound;
    }
  }

  /// Uniform in [low, high]; low <= high.
  int Between(int low, int high) {
    return low + static_cast<int>(Below(static_cast<std::uint64_t>(high - low) + 1));
  }

  bool Chance(int permille) { return static_cast<int>(Below(1000)) < permille; }

 private:
  static std::uint64_t SplitMix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::array<std::uint64_t, 4> state_{};
};

/// Integer weights over grade indexes; draws one grade.
class GradeTable {
 public:
  void Add(int grade, int weight) {
    if (weight <= 0) return;
    total_ += weight;
    entries_.push_back({grade, total_});
  }
  [[nodiscard]] bool empty() const { return total_ == 0; }
  [[nodiscard]] int Pick(Random& random) const {
    const auto target = static_cast<int>(random.Below(static_cast<std::uint64_t>(total_)));
    for (const auto& [grade, cumulative] : entries_) {
      if (target < cumulative) return grade;
    }
    return entries_.back().first;
  }

 private:
  std::vector<std::pair<int, int>> entries_;  ///< grade, cumulative weight
  int total_ = 0;
};

// Dates ----------------------------------------------------------------------------------------

/// 1970-01-01 was a Thursday; day 4 was a Monday.
int MondayOnOrBefore(int day) { return day - (((day - 4) % 7) + 7) % 7; }
int MondayOnOrAfter(int day) { return MondayOnOrBefore(day + 6); }

// The shape of the manager tree ----------------------------------------------------------------
//
// A subtree of height h is a manager whose reports are managers of subtrees of height h - 1, down
// to height 1: a manager of 4-9 ICs. Below a manager of height h there can be between
// MinBelow(h) and MaxBelow(h) people; every count from 4 up except 10-19 fits some height.

std::int64_t Saturate(std::int64_t value) {
  return std::min<std::int64_t>(value, std::int64_t{1} << 50);
}

std::int64_t MinBelow(int height) {
  return height <= 1 ? kMinTeam : Saturate(kMinTeam * (1 + MinBelow(height - 1)));
}

std::int64_t MaxBelow(int height) {
  return height <= 1 ? kMaxTeam : Saturate(kMaxTeam * (1 + MaxBelow(height - 1)));
}

/// span + span^2 + … + span^height: the people below a manager whose tree has this span.
std::int64_t Reach(int span, int height) {
  std::int64_t total = 0;
  std::int64_t layer = 1;
  for (int level = 0; level < height; ++level) {
    layer = Saturate(layer * span);
    total = Saturate(total + layer);
  }
  return total;
}

bool FitsHeight(std::int64_t below, int height) {
  return below >= MinBelow(height) && below <= MaxBelow(height);
}

/// The height of a tree of |below| people with spans of about kPreferredSpan or less.
int ChooseHeight(std::int64_t below) {
  int fallback = 1;
  for (int height = 1; height <= kMaxHeight; ++height) {
    if (!FitsHeight(below, height)) continue;
    if (below <= Reach(kPreferredSpan, height)) return height;
    fallback = height;
  }
  return fallback;
}

/// The nearest count to |below| that some tree shape fits (never 1-3 or 10-19).
int FittingCount(int below) {
  if (below < kMinTeam) return below < 2 ? 0 : kMinTeam;
  if (below > kMaxTeam && below < MinBelow(2)) {
    return below < (kMaxTeam + MinBelow(2)) / 2 ? kMaxTeam : static_cast<int>(MinBelow(2));
  }
  return below;
}

}  // namespace

// The builder ----------------------------------------------------------------------------------

/// Builds a DemoOrg step by step; used once by DemoOrg::Generate.
class DemoOrgBuilder {
 public:
  /// What one role of a group resolves to on its framework.
  struct RoleBand {
    bool exists = false;
    int low = 0;  ///< grade band: track band ∩ position band
    int high = -1;
    GradeTable all;      ///< current grades, for people hired in the last year
    GradeTable settled;  ///< the same without intern grades
  };

  struct ResolvedGroup {
    DemoOrg::GroupData data;
    model::ComparisonGroup group;
    std::array<RoleBand, kRoleCount> roles;
  };

  DemoOrgBuilder(const DemoOrgOptions& options, std::vector<ResolvedGroup> groups)
      : options_(options), groups_(std::move(groups)), random_(options.seed) {}

  /// What the demo needs from |framework| for one group, or why the framework lacks it.
  static Result<ResolvedGroup> Resolve(const GroupSpec& spec, const model::Framework& framework);

  DemoOrg Build();

 private:
  using Member = DemoOrg::Member;
  using Role = DemoOrg::Role;

  static Result<RoleBand> ResolveRole(const RoleSpec& spec, const model::Framework& framework,
                                      const char* intern_top_grade);
  static std::vector<DemoOrg::Cycle> PastCycles(const model::Date& today, int count);

  /// A manager whose reports are still to be created: |below| people in a tree of |height|.
  struct Job {
    int node;
    int below;
    int height;
  };

  int AddMember(int manager, int group, Role role);
  void BuildTree();
  void Expand(const Job& job, std::vector<Job>& jobs);
  int ChooseSpan(int below, int height);
  std::vector<int> SplitSizes(int total, int parts, int height);
  void AssignHireDays();
  std::vector<int> HireOrder();
  std::vector<int> SortedHireDays(int count);
  void AssignGrades(Member& member, int cycles_before);
  void PickTechLeads();
  void AddLeavers();
  void AddLeaver(int group, const std::vector<int>& managers);
  void SortByHireDay();
  void NumberEmails();
  void IndexBatches();
  void Summarise();

  [[nodiscard]] const RoleBand& BandOf(const Member& member) const {
    return groups_[member.group].roles[static_cast<int>(member.role)];
  }

  DemoOrgOptions options_;
  std::vector<ResolvedGroup> groups_;
  Random random_;
  DemoOrg org_;
  std::vector<Member>& members_ = org_.members_;
  std::vector<std::uint8_t> first_line_;  ///< per member during the build: manages ICs
  int today_ = 0;
  int product_people_ = 0;
};

Result<DemoOrgBuilder::ResolvedGroup> DemoOrgBuilder::Resolve(const GroupSpec& spec,
                                                              const model::Framework& framework) {
  ResolvedGroup resolved;
  resolved.group = {spec.id, framework.name, framework.id};
  resolved.data.id = spec.id;
  for (const model::Scale::Grade& grade : framework.scale.grades) {
    resolved.data.grades.push_back(grade.id);
  }
  for (int role = 0; role < kRoleCount; ++role) {
    const RoleSpec& role_spec = spec.roles[role];
    resolved.data.role_track.push_back(role_spec.track);
    resolved.data.role_position.push_back(role_spec.position);
    if (*role_spec.position == '\0') continue;  // the group has no such role
    Result<RoleBand> band = ResolveRole(role_spec, framework, spec.intern_top_grade);
    if (!band.ok()) {
      return Status::InvalidArgument(
          fmt::format("framework '{}' cannot hold the demo organisation: {}", framework.id,
                      band.status().message()));
    }
    resolved.roles[role] = std::move(*band);
  }
  return resolved;
}

Result<DemoOrgBuilder::RoleBand> DemoOrgBuilder::ResolveRole(const RoleSpec& spec,
                                                             const model::Framework& framework,
                                                             const char* intern_top_grade) {
  int track_low = std::numeric_limits<int>::max();
  int track_high = -1;
  for (const model::Level* level : framework.LevelsOfTrack(spec.track)) {
    track_low = std::min(track_low, framework.BandOf(*level).first);
    track_high = std::max(track_high, framework.BandOf(*level).second);
  }
  if (track_high < 0) return Status::NotFound(fmt::format("no levels on track '{}'", spec.track));
  const model::Position* position = framework.FindPosition(spec.position);
  if (position == nullptr) return Status::NotFound(fmt::format("no position '{}'", spec.position));
  if (!position->track.empty() && position->track != spec.track) {
    return Status::NotFound(
        fmt::format("position '{}' is not on track '{}'", position->id, spec.track));
  }
  RoleBand band;
  band.exists = true;
  band.low = std::max(track_low, framework.ResolveBound(position->min_level).first);
  band.high = std::min(track_high, framework.ResolveBound(position->max_level).second);
  if (band.low < 0 || band.low > band.high) {
    return Status::NotFound(
        fmt::format("position '{}' has no grades on track '{}'", position->id, spec.track));
  }
  const int intern_top = framework.scale.IndexOf(intern_top_grade);
  for (const GradeWeight& weight : spec.grades) {
    const int grade = framework.scale.IndexOf(weight.grade);
    if (grade < band.low || grade > band.high) continue;
    band.all.Add(grade, weight.weight);
    if (grade > intern_top) band.settled.Add(grade, weight.weight);
  }
  if (!spec.grades.empty() && band.all.empty()) {
    return Status::NotFound(
        fmt::format("none of the demo's grades for position '{}' are in its band", position->id));
  }
  if (band.settled.empty()) band.settled = band.all;
  return band;
}

DemoOrg DemoOrgBuilder::Build() {
  today_ = options_.today.ToDays();
  org_.cycles_ = PastCycles(options_.today, kCycles);
  for (const ResolvedGroup& group : groups_) {
    org_.group_data_.push_back(group.data);
    org_.groups_.push_back(group.group);
  }
  members_.reserve(static_cast<size_t>(options_.people));
  BuildTree();
  AssignHireDays();
  const int cycles = static_cast<int>(org_.cycles_.size());
  for (Member& member : members_) AssignGrades(member, cycles);
  PickTechLeads();
  AddLeavers();
  SortByHireDay();
  NumberEmails();
  IndexBatches();
  Summarise();
  return std::move(org_);
}

int DemoOrgBuilder::AddMember(int manager, int group, Role role) {
  Member member;
  member.manager = manager;
  member.group = static_cast<std::uint8_t>(group);
  member.role = role;
  member.first_name = static_cast<std::uint16_t>(random_.Below(kFirstNameCount));
  member.last_name = static_cast<std::uint16_t>(random_.Below(kLastNameCount));
  members_.push_back(member);
  first_line_.push_back(0);
  return static_cast<int>(members_.size()) - 1;
}

/// The active people: a CTO over engineering, whose reports include the head of product.
void DemoOrgBuilder::BuildTree() {
  const int leavers = options_.people / kLeaverDivisor;
  const int active = options_.people - leavers;
  int product = FittingCount(active * kProductPercent / 100 - 1) + 1;
  if (product <= kMinTeam || active - 1 - product < 0) product = 0;
  product_people_ = product;
  const int engineering_below = active - 1 - product;

  std::vector<Job> jobs;
  const int root = AddMember(-1, 0, Role::kHead);
  if (product > 0) {
    const int head = AddMember(root, 1, Role::kHead);
    jobs.push_back({head, product - 1, ChooseHeight(product - 1)});
  }
  // Below 20 people no tree shape fits every team: the CTO manages them all directly.
  const bool flat = engineering_below < MinBelow(2);
  jobs.insert(jobs.begin(), {root, engineering_below, flat ? 1 : ChooseHeight(engineering_below)});
  for (size_t next = 0; next < jobs.size(); ++next) {
    const Job job = jobs[next];  // Expand appends to |jobs|
    Expand(job, jobs);
  }
}

/// Creates the direct reports of |job.node|, queueing the managers among them.
void DemoOrgBuilder::Expand(const Job& job, std::vector<Job>& jobs) {
  const int group = members_[job.node].group;
  if (job.height <= 1) {
    if (job.below > 0) first_line_[job.node] = 1;
    for (int i = 0; i < job.below; ++i) AddMember(job.node, group, Role::kIc);
    return;
  }
  const int span = ChooseSpan(job.below, job.height);
  const Role role = job.height - 1 == 1 ? Role::kManager : Role::kDirector;
  for (int size : SplitSizes(job.below - span, span, job.height - 1)) {
    const int child = AddMember(job.node, group, role);
    jobs.push_back({child, size, job.height - 1});
  }
}

/// How many managers report to a manager of |below| people in a tree of |height| >= 2.
int DemoOrgBuilder::ChooseSpan(int below, int height) {
  const std::int64_t fewest_below = MinBelow(height - 1) + 1;  // per report, with the report
  const std::int64_t most_below = MaxBelow(height - 1) + 1;
  const int lowest =
      std::max<int>(kMinTeam, static_cast<int>((below + most_below - 1) / most_below));
  const int highest = std::min<int>(kMaxTeam, static_cast<int>(below / fewest_below));
  int ideal = kMaxTeam;
  for (int span = kMinTeam; span <= kMaxTeam; ++span) {
    if (Reach(span, height) >= below) {
      ideal = span;
      break;
    }
  }
  static constexpr int kJitter[] = {-1, 0, 0, 1};
  const int span = ideal + kJitter[random_.Below(std::size(kJitter))];
  return std::clamp(span, lowest, std::max(lowest, highest));
}

/// Splits |total| people into |parts| subtrees of |height|, near-equal with some variety.
std::vector<int> DemoOrgBuilder::SplitSizes(int total, int parts, int height) {
  const int low = static_cast<int>(MinBelow(height));
  const int high = static_cast<int>(std::min<std::int64_t>(MaxBelow(height), total));
  const int base = total / parts;
  std::vector<int> sizes(parts, base);
  for (int i = 0; i < total % parts; ++i) ++sizes[i];
  const int spread = std::max(1, base / 3);
  for (int i = 0; i + 1 < parts; ++i) {
    // Move |shift| people from part i to part i + 1, keeping both inside the height's range.
    const int most = std::min(sizes[i] - low, high - sizes[i + 1]);
    const int least = std::max(sizes[i] - high, low - sizes[i + 1]);
    const int shift = std::clamp(random_.Between(-spread, spread), least, most);
    sizes[i] -= shift;
    sizes[i + 1] += shift;
  }
  return sizes;
}

/// Hire days over the last eight years, more of them recent (the company grew), each manager
/// hired no later than their reports: the days are sorted and handed out in a random order in
/// which every manager comes before their reports.
void DemoOrgBuilder::AssignHireDays() {
  const std::vector<int> order = HireOrder();
  const std::vector<int> days = SortedHireDays(static_cast<int>(order.size()));
  for (size_t i = 0; i < order.size(); ++i) members_[order[i]].hire_day = days[i];
}

/// A random order of the members in which every manager precedes their reports.
std::vector<int> DemoOrgBuilder::HireOrder() {
  const int count = static_cast<int>(members_.size());
  std::vector<int> first_report(count + 1, 0);
  for (const Member& member : members_) {
    if (member.manager >= 0) ++first_report[member.manager + 1];
  }
  for (int i = 0; i < count; ++i) first_report[i + 1] += first_report[i];
  std::vector<int> reports(first_report.back());
  std::vector<int> filled(first_report.begin(), first_report.end() - 1);
  for (int i = 0; i < count; ++i) {
    if (members_[i].manager >= 0) reports[filled[members_[i].manager]++] = i;
  }
  std::vector<int> order;
  order.reserve(count);
  std::vector<int> ready = {0};
  while (!ready.empty()) {
    const size_t pick = random_.Below(ready.size());
    const int member = ready[pick];
    ready[pick] = ready.back();
    ready.pop_back();
    order.push_back(member);
    for (int r = first_report[member]; r < first_report[member + 1]; ++r) {
      ready.push_back(reports[r]);
    }
  }
  return order;
}

/// |count| Mondays from eight years ago to last week, sorted; the first is the earliest Monday.
std::vector<int> DemoOrgBuilder::SortedHireDays(int count) {
  const int first = MondayOnOrAfter(today_ - kHistoryDays);
  const int weeks = (MondayOnOrBefore(today_ - 1) - first) / 7 + 1;
  std::vector<int> per_week(weeks, 0);
  per_week[0] = 1;  // the founder
  for (int i = 1; i < count; ++i) {
    int week = random_.Between(0, weeks - 1);
    if (!random_.Chance(kUniformHirePermille)) week = std::max(week, random_.Between(0, weeks - 1));
    ++per_week[week];
  }
  std::vector<int> days;
  days.reserve(count);
  for (int week = 0; week < weeks; ++week)
    days.insert(days.end(), per_week[week], first + 7 * week);
  return days;
}

/// Draws the current grade of |member|, then the promotions that led to it at the cycles before
/// |cycles_before| (the cycle they left in, for leavers); the grade they were hired at follows.
void DemoOrgBuilder::AssignGrades(Member& member, int cycles_before) {
  const RoleBand& band = BandOf(member);
  const bool recent = member.hire_day > today_ - kInternDays;
  const int final_grade = (recent ? band.all : band.settled).Pick(random_);
  const bool under_hired = random_.Chance(kUnderHiredPermille);
  const int chance = under_hired ? kUnderHiredPromotionPermille : kPromotionPermille;
  std::uint16_t promoted = 0;
  for (int cycle = 0; cycle < cycles_before; ++cycle) {
    if (org_.cycles_[cycle].end_day < member.hire_day + kFirstPromotionDays) continue;
    if (random_.Chance(chance)) promoted |= static_cast<std::uint16_t>(1u << cycle);
  }
  // Never below the band: drop the latest promotions the grade has no room for.
  while (std::popcount(promoted) > final_grade - band.low) {
    promoted &= static_cast<std::uint16_t>(~(1u << (15 - std::countl_zero(promoted))));
  }
  member.final_grade = static_cast<std::uint8_t>(final_grade);
  member.promoted = promoted;
  member.hired_grade = static_cast<std::uint8_t>(final_grade - std::popcount(promoted));
}

/// In about half the engineering teams, the IC hired at the highest grade leads technically if
/// the tech-lead position's band holds every grade they have had.
void DemoOrgBuilder::PickTechLeads() {
  std::vector<int> candidate(members_.size(), -1);
  for (int i = 0; i < static_cast<int>(members_.size()); ++i) {
    const Member& member = members_[i];
    const RoleBand& lead = groups_[member.group].roles[static_cast<int>(Role::kTechLead)];
    if (member.role != Role::kIc || member.manager < 0 || !lead.exists) continue;
    if (member.hired_grade < lead.low || member.final_grade > lead.high) continue;
    int& best = candidate[member.manager];
    if (best < 0 || members_[best].hired_grade < member.hired_grade) best = i;
  }
  for (int best : candidate) {
    if (best >= 0 && random_.Chance(kTechLeadPermille)) members_[best].role = Role::kTechLead;
  }
}

/// People who left: ICs of a team in their group, gone during one of the review cycles.
void DemoOrgBuilder::AddLeavers() {
  const int leavers = options_.people - static_cast<int>(members_.size());
  const int product = product_people_ > 0 ? (leavers * kProductPercent + 50) / 100 : 0;
  const int latest_hire = org_.cycles_.back().start_day - kLeaverMinDays;
  for (int group = 0; group < static_cast<int>(groups_.size()); ++group) {
    std::vector<int> managers;
    for (int i = 0; i < static_cast<int>(members_.size()); ++i) {
      if (first_line_[i] && members_[i].group == group && members_[i].hire_day <= latest_hire) {
        managers.push_back(i);
      }
    }
    if (managers.empty()) managers.push_back(0);  // the CTO, hired first
    const int count = group == 1 ? product : leavers - product;
    for (int i = 0; i < count; ++i) AddLeaver(group, managers);
  }
}

void DemoOrgBuilder::AddLeaver(int group, const std::vector<int>& managers) {
  const int manager = managers[random_.Below(managers.size())];
  const int latest_hire = org_.cycles_.back().start_day - kLeaverMinDays;
  const int index = AddMember(manager, group, Role::kIc);
  Member& member = members_[index];
  // A manager hired after the latest possible leaver hire (only the fallback) must not push the
  // draw past it: the leaver still needs a cycle to leave in.
  const int earliest_hire = std::min(members_[manager].hire_day, latest_hire);
  member.hire_day = MondayOnOrBefore(random_.Between(earliest_hire, latest_hire));
  const int cycles = static_cast<int>(org_.cycles_.size());
  int first_cycle = 0;
  while (first_cycle < cycles - 1 &&
         org_.cycles_[first_cycle].start_day < member.hire_day + kLeaverMinDays) {
    ++first_cycle;
  }
  const int cycle = random_.Between(first_cycle, cycles - 1);
  member.left_cycle = static_cast<std::int8_t>(cycle);
  member.left_day = random_.Between(std::max(org_.cycles_[cycle].start_day, member.hire_day + 1),
                                    org_.cycles_[cycle].end_day);
  AssignGrades(member, cycle);
}

/// Ids follow hire order (a counting sort by day, stable), as HRIS employee numbers do.
void DemoOrgBuilder::SortByHireDay() {
  const int count = static_cast<int>(members_.size());
  int earliest = std::numeric_limits<int>::max();
  int latest = std::numeric_limits<int>::min();
  for (const Member& member : members_) {
    earliest = std::min(earliest, member.hire_day);
    latest = std::max(latest, member.hire_day);
  }
  std::vector<int> slot(static_cast<size_t>(latest - earliest) + 2, 0);
  for (const Member& member : members_) ++slot[member.hire_day - earliest + 1];
  for (size_t day = 1; day < slot.size(); ++day) slot[day] += slot[day - 1];
  std::vector<int> new_index(count);
  for (int i = 0; i < count; ++i) new_index[i] = slot[members_[i].hire_day - earliest]++;
  std::vector<Member> sorted(count);
  for (int i = 0; i < count; ++i) {
    Member member = members_[i];
    if (member.manager >= 0) member.manager = new_index[member.manager];
    sorted[new_index[i]] = member;
  }
  members_ = std::move(sorted);
  first_line_.clear();
}

/// Emails are first.last@…; the second person with the same name gets first.last2, and so on.
void DemoOrgBuilder::NumberEmails() {
  std::vector<std::uint32_t> seen(static_cast<size_t>(kFirstNameCount) * kLastNameCount, 0);
  for (Member& member : members_) {
    const std::uint32_t times = ++seen[member.first_name * kLastNameCount + member.last_name];
    member.email_number = times > 1 ? times : 0;
  }
}

void DemoOrgBuilder::IndexBatches() {
  const int count = static_cast<int>(members_.size());
  for (int i = 0; i < count; ++i) {
    if (i == 0 || members_[i].hire_day != members_[i - 1].hire_day) {
      org_.hire_batch_starts_.push_back(i);
    }
  }
  org_.hire_batch_starts_.push_back(count);
  org_.cycle_members_.resize(org_.cycles_.size());
  for (int i = 0; i < count; ++i) {
    const Member& member = members_[i];
    for (size_t cycle = 0; cycle < org_.cycles_.size(); ++cycle) {
      if (member.promoted & (1u << cycle)) org_.cycle_members_[cycle].push_back(i);
    }
    if (member.left_cycle >= 0) org_.cycle_members_[member.left_cycle].push_back(i);
  }
}

void DemoOrgBuilder::Summarise() {
  DemoOrgSummary& summary = org_.summary_;
  std::vector<std::uint8_t> manages(members_.size(), 0);
  for (const Member& member : members_) {
    const bool active = member.left_cycle < 0;
    if (active && member.manager >= 0) manages[member.manager] = 1;
    summary.left += active ? 0 : 1;
    (member.group == 0 ? summary.engineering : summary.product) += 1;
    summary.tech_leads += member.role == Role::kTechLead ? 1 : 0;
    summary.promotions += std::popcount(member.promoted);
  }
  for (std::uint8_t flag : manages) summary.managers += flag;
  summary.people = static_cast<int>(members_.size());
  summary.active = summary.people - summary.left;
  summary.cycles = static_cast<int>(org_.cycles_.size());
  summary.hire_batches = static_cast<int>(org_.hire_batch_starts_.size()) - 1;
  summary.first_hire = model::Date::FromDays(members_.front().hire_day);
  summary.first_cycle_end = model::Date::FromDays(org_.cycles_.front().end_day);
  summary.last_cycle_end = model::Date::FromDays(org_.cycles_.back().end_day);
  org_.id_width_ = std::max(6, static_cast<int>(fmt::formatted_size("{}", summary.people)));
}

/// The last |count| half-year cycles (January-June, July-December) that ended before |today|,
/// oldest first.
std::vector<DemoOrg::Cycle> DemoOrgBuilder::PastCycles(const model::Date& today, int count) {
  int year = today.year;
  int half = 0;  // 0: ends June 30; 1: ends December 31
  if (today <= model::Date{year, 6, 30}) {
    year -= 1;
    half = 1;
  }
  std::vector<DemoOrg::Cycle> cycles(count);
  for (int i = count - 1; i >= 0; --i) {
    const model::Date end = half == 0 ? model::Date{year, 6, 30} : model::Date{year, 12, 31};
    const model::Date start = half == 0 ? model::Date{year, 1, 1} : model::Date{year, 7, 1};
    cycles[i] = {start.ToDays(), end.ToDays()};
    if (half == 0) --year;
    half = 1 - half;
  }
  return cycles;
}

// DemoOrg --------------------------------------------------------------------------------------

Result<DemoOrg> DemoOrg::Generate(const DemoOrgOptions& options,
                                  const model::Framework& engineering,
                                  const model::Framework& product) {
  if (options.people < 1 || options.people > kMaxPeople) {
    return Status::InvalidArgument(
        fmt::format("a demo organisation has 1 to {} people, not {}", kMaxPeople, options.people));
  }
  if (!model::Date::Parse(options.today.ToString())) {
    return Status::InvalidArgument(
        fmt::format("'{}' is not a day of the calendar", options.today.ToString()));
  }
  std::vector<DemoOrgBuilder::ResolvedGroup> groups;
  for (const auto& [spec, framework] :
       {std::pair{EngineeringSpec(), &engineering}, std::pair{ProductSpec(), &product}}) {
    Result<DemoOrgBuilder::ResolvedGroup> resolved = DemoOrgBuilder::Resolve(spec, *framework);
    if (!resolved.ok()) return resolved.status();
    groups.push_back(std::move(*resolved));
  }
  return DemoOrgBuilder(options, std::move(groups)).Build();
}

int DemoOrg::batch_count() const {
  return static_cast<int>(hire_batch_starts_.size()) - 1 + static_cast<int>(cycles_.size());
}

model::PeopleChanges DemoOrg::Batch(int index) const {
  const int hire_batches = static_cast<int>(hire_batch_starts_.size()) - 1;
  return index < hire_batches ? HireBatch(index) : CycleBatch(index - hire_batches);
}

std::vector<model::PeopleChanges> DemoOrg::Batches() const {
  std::vector<model::PeopleChanges> batches;
  batches.reserve(batch_count());
  for (int i = 0; i < batch_count(); ++i) batches.push_back(Batch(i));
  return batches;
}

std::vector<model::Person> DemoOrg::FinalPeople() const {
  std::vector<model::Person> people;
  people.reserve(members_.size());
  for (int i = 0; i < static_cast<int>(members_.size()); ++i) {
    people.push_back(PersonAt(i, members_[i].final_grade, members_[i].left_cycle >= 0));
  }
  return people;
}

std::string DemoOrg::IdOf(int index) const {
  return fmt::format("{}{:0{}}", kIdPrefix, index + 1, id_width_);
}

int DemoOrg::GradeBefore(const Member& member, int cycle) const {
  const unsigned earlier = member.promoted & ((1u << cycle) - 1);
  return member.hired_grade + std::popcount(earlier);
}

model::Person DemoOrg::PersonAt(int index, int grade, bool left) const {
  const Member& member = members_[index];
  const GroupData& group = group_data_[member.group];
  const Name& first = kFirstNames[member.first_name];
  const Name& last = kLastNames[member.last_name];
  const int role = static_cast<int>(member.role);
  model::Person person;
  person.id = IdOf(index);
  person.name = fmt::format("{} {}", first.shown, last.shown);
  person.email =
      member.email_number == 0
          ? fmt::format("{}.{}@{}", first.email, last.email, kEmailDomain)
          : fmt::format("{}.{}{}@{}", first.email, last.email, member.email_number, kEmailDomain);
  person.group = group.id;
  person.track = group.role_track[role];
  person.grade = group.grades[grade];
  person.position = group.role_position[role];
  if (member.manager >= 0) person.manager_id = IdOf(member.manager);
  person.hire_date = model::Date::FromDays(member.hire_day);
  person.hired_at_grade = group.grades[member.hired_grade];
  if (left) {
    person.status = model::PersonStatus::kLeft;
    person.left_date = model::Date::FromDays(member.left_day);
  }
  return person;
}

model::PeopleChanges DemoOrg::HireBatch(int index) const {
  model::PeopleChanges batch;
  const int begin = hire_batch_starts_[index];
  const int end = hire_batch_starts_[index + 1];
  batch.added.reserve(end - begin);
  for (int i = begin; i < end; ++i)
    batch.added.push_back(PersonAt(i, members_[i].hired_grade, false));
  batch.reason = "hired";
  batch.effective = model::Date::FromDays(members_[begin].hire_day);
  return batch;
}

model::PeopleChanges DemoOrg::CycleBatch(int cycle) const {
  model::PeopleChanges batch;
  batch.updated.reserve(cycle_members_[cycle].size());
  for (int index : cycle_members_[cycle]) {
    const Member& member = members_[index];
    const int grade = GradeBefore(member, cycle);
    model::Person before = PersonAt(index, grade, false);
    const bool leaving = member.left_cycle == cycle;
    model::Person after =
        leaving ? PersonAt(index, grade, true) : PersonAt(index, grade + 1, false);
    batch.updated.push_back({std::move(before), std::move(after)});
  }
  batch.reason = "promotion";
  batch.effective = model::Date::FromDays(cycles_[cycle].end_day);
  return batch;
}

}  // namespace yardstick::lab
