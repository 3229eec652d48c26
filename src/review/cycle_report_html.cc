#include "review/cycle_report_html.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/text.h"
#include "ladder/html.h"

namespace yardstick::review {
namespace {

using ladder::html::Attr;
using ladder::html::Escape;
using Json = nlohmann::ordered_json;

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --band: #f4f6f9; --flag: #fff1c2;
        --flag-ink: #7a4b00; --exception: #fde2e1; --exception-ink: #9b1c1c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #fff; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
p.meta, p.note, footer { color: var(--muted); }
nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: .75rem 0; }
nav a { color: #1f5fbf; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; }
.summary div { background: var(--band); border-radius: .4rem; padding: .5rem .75rem; }
.summary b { display: block; font-size: 1.3rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
figure { margin: 0; min-width: 0; }
.chart { position: relative; height: 16rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { background: var(--band); position: sticky; top: 0; }
td.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.exception td { background: var(--exception); }
.badge { display: inline-block; padding: 0 .4rem; border-radius: .3rem; font-size: .8rem;
         font-weight: 600; }
.badge.exception { background: var(--exception-ink); color: #fff; }
td.flag { background: var(--flag); color: var(--flag-ink); font-weight: 600; }
.muted { color: var(--muted); }
input[type=search] { width: 100%; max-width: 24rem; padding: .4rem .6rem; font: inherit;
                     border: 1px solid var(--line); border-radius: .3rem; margin: .25rem 0 .5rem; }
@media (max-width: 40rem) {
  body { font-size: 14px; }
  .charts { grid-template-columns: 1fr; }
  th, td { padding: .25rem .35rem; }
}
@media print { nav, input[type=search] { display: none; } }
)css";

// Draws the charts from the page's JSON; fills nothing from it as HTML (textContent and canvas
// only). Chart.js is loaded before it.
constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var filter = document.getElementById('slate-filter');
  if (filter) {
    filter.addEventListener('input', function () {
      var needle = filter.value.toLowerCase();
      document.querySelectorAll('#slate-table tbody tr').forEach(function (row) {
        row.hidden = needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0;
      });
    });
  }
  if (typeof Chart === 'undefined') return;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  var counts = { y: { beginAtZero: true, ticks: { precision: 0 } } };
  data.groups.forEach(function (group, index) {
    var canvas = document.getElementById('group-chart-' + index);
    if (!canvas) return;
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: group.chart_grades,
        datasets: [
          { label: 'held', data: group.chart_held, backgroundColor: '#8da0cb' },
          { label: 'performed', data: group.chart_performed, backgroundColor: '#fc8d62' }
        ]
      },
      options: { scales: counts, plugins: { title: { display: true, text: group.id } } }
    });
  });
  var teams = document.getElementById('team-chart');
  if (teams && data.by_team.length > 0) {
    teams.parentNode.style.height = (4 + 1.6 * data.by_team.length) + 'rem';
    var label = function (team) { return team.name ? team.name + ' (' + team.id + ')' : team.id || '(no manager)'; };
    var series = function (key) { return data.by_team.map(function (team) { return team[key]; }); };
    new Chart(teams, {
      type: 'bar',
      data: {
        labels: data.by_team.map(label),
        datasets: [
          { label: 'promotions', data: series('promotions'), backgroundColor: '#1b9e77' },
          { label: 'plans', data: series('plans'), backgroundColor: '#d95f02' },
          { label: 'bonuses', data: series('bonuses'), backgroundColor: '#7570b3' }
        ]
      },
      options: { indexAxis: 'y', scales: { x: counts.y } }
    });
  }
})();
)js";

std::string Name(const model::Person* person) { return person == nullptr ? "" : person->name; }

/// "Ada Lovelace (E1)", or the id alone, escaped.
std::string Who(const std::string& id, const model::Person* person, std::string_view none) {
  if (id.empty()) return fmt::format("<span class=\"muted\">{}</span>", Escape(none));
  if (person == nullptr) return Escape(id);
  return fmt::format("{} <span class=\"muted\">{}</span>", Escape(person->name), Escape(id));
}

std::string Td(std::string_view text, std::string_view css_class = "") {
  return ladder::html::TextElement("td", text, css_class.empty() ? "" : Attr("class", css_class));
}

std::string Num(std::string_view text) { return Td(text, "num"); }

std::string HeaderRow(const std::vector<std::pair<std::string, bool>>& columns) {
  std::string row = "<tr>";
  for (const auto& [header, numeric] : columns) {
    row += ladder::html::TextElement("th", header, numeric ? Attr("class", "num") : "");
  }
  return row + "</tr>";
}

std::string Table(const std::string& head, const std::string& body, std::string_view id = "") {
  return fmt::format(
      "<div class=\"scroll\"><table{}><thead>{}</thead><tbody>{}</tbody></table>"
      "</div>\n",
      id.empty() ? "" : Attr("id", id), head, body);
}

std::string Money(double amount, const std::string& currency) {
  return FormatAmount(amount, 2) + " " + currency;
}

std::string Rate(double rate) { return fmt::format("{:.0f}%", 100 * rate); }

std::string Summary(const SlateReport& report) {
  const OutcomeCounts& t = report.total;
  std::string out = "<div class=\"summary\">";
  const auto item = [&out](const std::string& value, std::string_view what) {
    out += fmt::format("<div><b>{}</b>{}</div>", Escape(value), Escape(what));
  };
  item(std::to_string(t.people), "people on the slate");
  item(std::to_string(t.promotions), "promotions");
  item(std::to_string(t.exceptions), "of them exceptions");
  item(std::to_string(t.plans), "plans and exit conversations");
  item(std::to_string(t.bonuses), "bonuses");
  item(Money(t.bonus_total, report.currency), "in bonuses");
  return out + "</div>\n";
}

std::string GroupsSection(const SlateReport& report) {
  const model::Scale& scale = report.cycle->scope->framework().scale;
  std::string out =
      "<section id=\"groups\"><h2>Performed against held grades</h2>\n<p class=\"note\">Per "
      "comparison group: how many people hold each grade, and how many performed at it this "
      "cycle (their calibrated performed grade, rounded).</p>\n<div class=\"charts\">";
  for (size_t i = 0; i < report.cycle->groups.size(); ++i) {
    const ReportGroup& group = report.cycle->groups[i];
    out += fmt::format(
        "<figure><div class=\"chart\"><canvas id=\"group-chart-{}\" role=\"img\"{}></canvas>"
        "</div><figcaption><details><summary>{}: {} calibrated</summary>",
        i, Attr("aria-label", "Held and performed grades in group " + group.group_id),
        Escape(group.group_id), group.people.size());
    std::string body;
    for (int grade = scale.size() - 1; grade >= 0; --grade) {
      const auto at = static_cast<size_t>(grade);
      if (group.held_count[at] == 0 && group.performed_count[at] == 0) continue;
      body += "<tr>" + Td(scale.IdAt(grade)) + Num(std::to_string(group.held_count[at])) +
              Num(std::to_string(group.performed_count[at])) + "</tr>";
    }
    out += Table(HeaderRow({{"grade", false}, {"held", true}, {"performed", true}}), body);
    out += "</details></figcaption></figure>\n";
  }
  return out + "</div></section>\n";
}

std::string CountsTable(const SlateReport& report, const std::vector<OutcomeCounts>& rows,
                        std::string_view key, std::string_view none) {
  std::string body;
  for (const OutcomeCounts& c : rows) {
    body += "<tr><td>" + Who(c.id, c.who, none) + "</td>" + Num(std::to_string(c.people)) +
            Num(std::to_string(c.promotions)) + Num(std::to_string(c.exceptions)) +
            Num(std::to_string(c.plans)) + Num(std::to_string(c.bonuses)) +
            Num(Money(c.bonus_total, report.currency)) + Num(std::to_string(c.rejected)) +
            Num(std::to_string(c.not_calibrated)) + "</tr>";
  }
  return Table(HeaderRow({{std::string(key), false},
                          {"people", true},
                          {"promotions", true},
                          {"exceptions", true},
                          {"plans", true},
                          {"bonuses", true},
                          {"bonus total", true},
                          {"rejected", true},
                          {"not calibrated", true}}),
               body);
}

std::string ProposalLabel(const SlateEntry& entry) {
  const model::Decision& d = *entry.decision;
  std::string label = Escape(model::ToString(d.proposal));
  if (d.to_grade != d.from_grade)
    label += Escape(fmt::format(" {} → {}", d.from_grade, d.to_grade));
  if (entry.exception()) label = "<span class=\"badge exception\">exception</span> " + label;
  return label;
}

std::string SlateSection(const SlateReport& report) {
  const model::Scale& scale = report.cycle->scope->framework().scale;
  std::string body;
  for (const SlateEntry& entry : report.slate) {
    const model::Decision& d = *entry.decision;
    const bool calibrated = d.proposal != model::Proposal::kNotCalibrated;
    std::string notes = Escape(d.reason);
    for (const std::string& flag : d.flags) notes += "<br>! " + Escape(flag);
    if (!d.justification.empty()) notes += "<br>Justification: " + Escape(d.justification);
    if (!d.review_note.empty()) notes += "<br>Note: " + Escape(d.review_note);
    body += fmt::format(
        "<tr{}>{}<td>{}</td><td>{}</td>{}{}{}<td>{}</td></tr>",
        entry.exception() ? Attr("class", "exception") : "", Td(d.person_id),
        Escape(Name(entry.person)), ProposalLabel(entry),
        Td(calibrated ? fmt::format("{} ± {:.1f}", scale.Describe(d.performed), kZ90 * d.se) : "",
           "nowrap"),
        Num(d.bonus ? Money(*d.bonus, report.currency) : ""),
        Td(std::string(model::ToString(d.status)) +
           (d.approver.empty() ? "" : ", approved by " + d.approver)),
        notes);
  }
  return "<section id=\"slate\"><h2>The slate</h2>\n"
         "<p class=\"note\">Every decision of the cycle; exceptions — promotions the evidence "
         "does not support, justified and approved — are highlighted. Performed grades with "
         "their 90% interval.</p>\n"
         "<input type=\"search\" id=\"slate-filter\" placeholder=\"Filter the slate\" "
         "aria-label=\"Filter the slate\">\n" +
         Table(HeaderRow({{"id", false},
                          {"name", false},
                          {"proposal", false},
                          {"performed", false},
                          {"bonus", true},
                          {"status", false},
                          {"reason", false}}),
               body, "slate-table") +
         "</section>\n";
}

std::string ExceptionsSection(const SlateReport& report) {
  std::string out = "<section id=\"exceptions\"><h2>Exceptions</h2>\n";
  if (report.exceptions.empty()) {
    return out + "<p>No exceptions: every promotion follows from the evidence.</p></section>\n";
  }
  std::string body;
  for (const SlateEntry* entry : report.exceptions) {
    const model::Decision& d = *entry->decision;
    body += "<tr class=\"exception\">" + Td(d.person_id) + Td(Name(entry->person)) +
            Td(fmt::format("{} → {}", d.from_grade, d.to_grade)) + Td(d.justification) +
            Td(d.approver) + Td(std::string(model::ToString(d.status))) + "</tr>";
  }
  return out +
         "<p class=\"note\">Promotions the performance evidence does not support, each with its "
         "written justification and approver.</p>\n" +
         Table(HeaderRow({{"id", false},
                          {"name", false},
                          {"promotion", false},
                          {"justification", false},
                          {"approver", false},
                          {"status", false}}),
               body) +
         "</section>\n";
}

std::string Ratio(const std::optional<double>& ratio, bool flagged) {
  if (!ratio) return Td("—", "num");
  return Td(fmt::format("{:.2f}{}", *ratio, flagged ? " under 4/5" : ""),
            flagged ? "num flag" : "num");
}

std::string AttributesSection(const SlateReport& report) {
  std::string out =
      "<section id=\"attributes\"><h2>Promotions and plans by attribute</h2>\n"
      "<p>The four-fifths rule is a common first check for adverse impact. For a good outcome "
      "(a promotion), each group's rate is divided by the highest rate of any group; for a bad "
      "one (a performance plan or exit conversation), the lowest rate of any group is divided by "
      "each group's rate. A ratio under 0.8 — four fifths — is flagged: that group fares "
      "noticeably worse than the best-off group, and the decisions behind it deserve a second "
      "look. A flag is not proof of unfairness, and no flag is not proof of fairness: with few "
      "people one decision moves a rate a long way, so groups of fewer than " +
      std::to_string(engine::kMinPeopleToJudge) +
      " people, and people whose attribute was not given, are shown but not judged. A rejected "
      "proposal counts as neither a promotion nor a plan; people who were not calibrated are "
      "left out.</p>\n";
  if (!report.has_slate) return out + "<p>No slate yet: no rates to break down.</p></section>\n";
  if (report.attributes.empty()) {
    return out +
           "<p>No attributes were given (<code>--attributes FILE.csv</code>).</p></section>\n";
  }
  for (const engine::AdverseImpact& impact : report.attributes) {
    std::string body;
    for (const engine::ImpactRow& row : impact.rows) {
      body += "<tr>" + Td(row.value) + Num(std::to_string(row.people)) +
              Num(std::to_string(row.promotions)) + Num(Rate(row.promotion_rate)) +
              Ratio(row.promotion_ratio, row.promotion_flagged) + Num(std::to_string(row.plans)) +
              Num(Rate(row.plan_rate)) + Ratio(row.plan_ratio, row.plan_flagged) +
              Td(row.judged                       ? ""
                 : row.value == engine::kNotGiven ? "not judged: not a group"
                                                  : "not judged: too few people") +
              "</tr>";
    }
    out += ladder::html::TextElement("h3", impact.attribute);
    if (impact.nothing_to_compare) {
      out +=
          "<p class=\"note\">Fewer than two groups large enough to judge: nothing to "
          "compare.</p>\n";
    }
    out += Table(HeaderRow({{"value", false},
                            {"people", true},
                            {"promotions", true},
                            {"promotion rate", true},
                            {"promotion ratio", true},
                            {"plans", true},
                            {"plan rate", true},
                            {"plan ratio", true},
                            {"", false}}),
                 body);
  }
  return out + "</section>\n";
}

Json CountsJson(const std::vector<OutcomeCounts>& rows) {
  Json out = Json::array();
  for (const OutcomeCounts& c : rows) {
    out.push_back({{"id", c.id},
                   {"name", Name(c.who)},
                   {"people", c.people},
                   {"promotions", c.promotions},
                   {"exceptions", c.exceptions},
                   {"plans", c.plans},
                   {"bonuses", c.bonuses},
                   {"bonus_total", c.bonus_total},
                   {"rejected", c.rejected},
                   {"not_calibrated", c.not_calibrated}});
  }
  return out;
}

}  // namespace

std::string CycleReportJson(const SlateReport& report) {
  const CycleScope& scope = *report.cycle->scope;
  const model::Scale& scale = scope.framework().scale;
  Json json;
  json["cycle"] = {{"id", scope.cycle().id},
                   {"name", scope.cycle().name},
                   {"period", scope.cycle().period.ToString()},
                   {"state", model::ToString(scope.cycle().state)}};
  json["currency"] = report.currency;
  json["has_slate"] = report.has_slate;
  Json groups = Json::array();
  for (const ReportGroup& group : report.cycle->groups) {
    Json grades = Json::array();
    for (int i = 0; i < scale.size(); ++i) grades.push_back(scale.IdAt(i));
    // The chart shows the grades from the lowest to the highest anyone holds or performed at.
    int low = scale.size();
    int high = -1;
    for (int i = 0; i < scale.size(); ++i) {
      const auto at = static_cast<size_t>(i);
      if (group.held_count[at] == 0 && group.performed_count[at] == 0) continue;
      low = std::min(low, i);
      high = std::max(high, i);
    }
    Json chart_grades = Json::array();
    Json chart_held = Json::array();
    Json chart_performed = Json::array();
    for (int i = low; i <= high; ++i) {
      chart_grades.push_back(scale.IdAt(i));
      chart_held.push_back(group.held_count[static_cast<size_t>(i)]);
      chart_performed.push_back(group.performed_count[static_cast<size_t>(i)]);
    }
    groups.push_back({{"id", group.group_id},
                      {"calibrated", group.people.size()},
                      {"grades", grades},
                      {"held", group.held_count},
                      {"performed", group.performed_count},
                      {"chart_grades", chart_grades},
                      {"chart_held", chart_held},
                      {"chart_performed", chart_performed}});
  }
  json["groups"] = groups;
  Json slate = Json::array();
  for (const SlateEntry& entry : report.slate) {
    const model::Decision& d = *entry.decision;
    Json item = {{"person_id", d.person_id},
                 {"name", Name(entry.person)},
                 {"manager_id", entry.manager_id},
                 {"rater_id", entry.rater_id},
                 {"proposal", model::ToString(d.proposal)},
                 {"exception", entry.exception()},
                 {"from_grade", d.from_grade},
                 {"to_grade", d.to_grade},
                 {"status", model::ToString(d.status)},
                 {"reason", d.reason},
                 {"flags", d.flags}};
    if (d.proposal != model::Proposal::kNotCalibrated) {
      item["performed"] = d.performed;
      item["se"] = d.se;
    }
    if (d.bonus) item["bonus"] = *d.bonus;
    if (!d.review_note.empty()) item["review_note"] = d.review_note;
    if (!d.justification.empty()) item["justification"] = d.justification;
    if (!d.approver.empty()) item["approver"] = d.approver;
    slate.push_back(std::move(item));
  }
  json["slate"] = slate;
  json["total"] = CountsJson({report.total})[0];
  json["by_team"] = CountsJson(report.by_team);
  json["by_rater"] = CountsJson(report.by_rater);
  Json attributes = Json::array();
  for (const engine::AdverseImpact& impact : report.attributes) {
    Json rows = Json::array();
    for (const engine::ImpactRow& row : impact.rows) {
      Json item = {{"value", row.value},
                   {"people", row.people},
                   {"promotions", row.promotions},
                   {"promotion_rate", row.promotion_rate},
                   {"plans", row.plans},
                   {"plan_rate", row.plan_rate},
                   {"judged", row.judged},
                   {"promotion_flagged", row.promotion_flagged},
                   {"plan_flagged", row.plan_flagged}};
      if (row.promotion_ratio) item["promotion_ratio"] = *row.promotion_ratio;
      if (row.plan_ratio) item["plan_ratio"] = *row.plan_ratio;
      rows.push_back(std::move(item));
    }
    attributes.push_back({{"attribute", impact.attribute}, {"rows", rows}});
  }
  json["attributes"] = attributes;
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string RenderCycleReportHtml(const SlateReport& report, std::string_view chart_js) {
  const model::Cycle& cycle = report.cycle->scope->cycle();
  std::string page =
      ladder::html::SelfContainedPageStart("Cycle report: " + cycle.name, kStyle) + "<header>\n";
  page += ladder::html::TextElement("h1", "Cycle report: " + cycle.name) + "\n";
  page += ladder::html::TextElement(
              "p",
              fmt::format("{}, {}, {}. Shows pay: for the people team only.", cycle.id,
                          cycle.period.ToString(), model::ToString(cycle.state)),
              Attr("class", "meta")) +
          "\n";
  page +=
      "<nav><a href=\"#groups\">Grades</a><a href=\"#teams\">By team</a><a href=\"#raters\">By "
      "rater</a><a href=\"#exceptions\">Exceptions</a><a href=\"#attributes\">By "
      "attribute</a><a href=\"#slate\">Slate</a></nav>\n</header>\n<main>\n";
  if (report.has_slate) {
    page += Summary(report);
  } else {
    page +=
        "<p class=\"note\"><b>There is no slate yet</b> (<code>yardstick cycle decide</code> "
        "makes it): only the grades are shown.</p>\n";
  }
  page += GroupsSection(report);
  if (report.has_slate) {
    page +=
        "<section id=\"teams\"><h2>By team</h2>\n<p class=\"note\">A team is a manager's "
        "direct reports.</p>\n<div class=\"chart\"><canvas id=\"team-chart\" "
        "role=\"img\" aria-label=\"Promotions, plans and bonuses by team\"></canvas></div>\n" +
        CountsTable(report, report.by_team, "manager", "(no manager)") + "</section>\n";
    page +=
        "<section id=\"raters\"><h2>By rater</h2>\n<p class=\"note\">A person's rater is the "
        "manager whose rating calibration started from.</p>\n" +
        CountsTable(report, report.by_rater, "rater", "(not rated)") + "</section>\n";
    page += ExceptionsSection(report);
  }
  page += AttributesSection(report);
  if (report.has_slate) page += SlateSection(report);
  page += ladder::html::ChartPageEnd("report-data", CycleReportJson(report), chart_js, kScript);
  return page;
}

}  // namespace yardstick::review
