#include "lab/lab_report_html.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lab/absolute_rules_policy.h"
#include "lab/lab_report.h"
#include "ladder/html.h"

namespace yardstick::lab {
namespace {

using Json = nlohmann::json;
using ladder::html::Escape;
using ladder::html::TextElement;

constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --band: #f3f5f8; --good: #e4f4e8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: var(--ink); background: #fff; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); }
p.meta, p.note, footer { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
figure { margin: 0; min-width: 0; }
figcaption { font-size: .85rem; color: var(--muted); }
.chart { position: relative; height: 15rem; }
.chart.wide { height: 22rem; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
th { background: var(--band); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.recommended td { background: var(--good); font-weight: 600; }
@media (max-width: 40rem) { body { font-size: 14px; } .charts { grid-template-columns: 1fr; } }
)css";

constexpr std::string_view kScript = R"js(
(function () {
  const data = JSON.parse(document.getElementById('lab-data').textContent);
  const colours = ['#8a94a6', '#c9853a', '#b05fa8', '#4f8fd6', '#2e9e5b'];
  // Whiskers for the 95% intervals, drawn over each bar.
  const whiskers = {
    id: 'whiskers',
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx;
      chart.data.datasets.forEach((set, d) => {
        if (!set.intervals) return;
        chart.getDatasetMeta(d).data.forEach((bar, i) => {
          const [low, high] = set.intervals[i];
          if (low === null) return;
          const y = chart.scales.y;
          ctx.save();
          ctx.strokeStyle = '#1d2330';
          ctx.beginPath();
          ctx.moveTo(bar.x, y.getPixelForValue(low));
          ctx.lineTo(bar.x, y.getPixelForValue(high));
          ctx.moveTo(bar.x - 6, y.getPixelForValue(low));
          ctx.lineTo(bar.x + 6, y.getPixelForValue(low));
          ctx.moveTo(bar.x - 6, y.getPixelForValue(high));
          ctx.lineTo(bar.x + 6, y.getPixelForValue(high));
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };
  const scale = (metric) => (metric.percent ? 100 : 1);
  data.metrics.forEach((metric, m) => {
    const canvas = document.getElementById('metric-' + metric.key);
    if (!canvas || !data.policies.length) return;
    const k = scale(metric);
    const value = (p) => (p.summary[m].mean === null ? null : p.summary[m].mean * k);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.policies.map((p) => p.label),
        datasets: [{
          label: metric.header,
          data: data.policies.map(value),
          backgroundColor: data.policies.map((p, i) => colours[i % colours.length]),
          intervals: data.policies.map((p) => p.summary[m].mean === null ? [null, null] :
              [(p.summary[m].mean - p.summary[m].half_width) * k,
               (p.summary[m].mean + p.summary[m].half_width) * k]),
        }],
      },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true,
                  text: metric.percent ? '%' : metric.header } } },
      },
      plugins: [whiskers],
    });
  });
  const canvas = document.getElementById('frontier-chart');
  if (canvas && data.tuning) {
    const point = (p) => ({ x: p.cycles_to_stable, y: p.wrong_promotions * 100, p });
    const pts = data.tuning.points;
    new Chart(canvas, {
      type: 'scatter',
      data: { datasets: [
        { label: 'other settings', data: pts.filter((p) => !p.on_frontier).map(point),
          backgroundColor: '#c5cad3' },
        { label: 'frontier', data: pts.filter((p) => p.on_frontier).map(point)
              .sort((a, b) => a.x - b.x),
          backgroundColor: '#4f8fd6', showLine: true, borderColor: '#4f8fd6' },
        { label: 'recommended', data: pts.filter((p) => p.recommended).map(point),
          backgroundColor: '#2e9e5b', pointRadius: 8 },
      ] },
      options: {
        maintainAspectRatio: false, animation: false,
        plugins: { tooltip: { callbacks: { label: (c) => {
          const p = c.raw.p;
          return `far ${p.far_above}, slightly ${p.slightly_above} × ${p.periods}: ` +
                 `${c.raw.x.toFixed(2)} cycles, ${c.raw.y.toFixed(1)}% wrong`;
        } } } },
        scales: {
          x: { title: { display: true, text: 'cycles to stable level (faster →, left)' } },
          y: { beginAtZero: true, title: { display: true, text: 'wrong promotions (%)' } },
        },
      },
    });
  }
})();
)js";

Json EstimateJson(const Estimate& estimate) {
  if (std::isnan(estimate.mean)) return {{"mean", nullptr}, {"half_width", nullptr}};
  return {{"mean", estimate.mean}, {"half_width", estimate.half_width}};
}

const Estimate& Of(const std::array<Estimate, kMetricCount>& summary, Metric metric) {
  return summary[static_cast<size_t>(metric)];
}

std::string Cell(const std::string& text) { return TextElement("td", text, " class=\"num\""); }

std::string Setup(const LabReport& report) {
  const SimulationOptions& o = report.run->simulation;
  std::string out = "<section id=\"setup\"><h2>What was simulated</h2>\n";
  out += TextElement(
      "p",
      fmt::format(
          "An organisation of {} people in teams of {} on the {} ladder, over {} review cycles "
          "({:g} years), {} times over (replications) from seed {}. Every person has a true "
          "ability that grows along a personal curve: most plateau within a few years, {:g}% keep "
          "rising, {:g}% decline. People are hired at the grade their evidence supports (with a "
          "noise of {:g} grades). Each cycle managers rate their team — each manager is lenient "
          "or severe by a spread of {:g} grades, each rating has a noise of {:g} grades — rank "
          "their team, and rate a few benchmark people of other teams. People leave more often "
          "when paid below what their ability is worth and when left a grade below it for long, "
          "and are replaced by new hires.",
          o.people, o.team_size, report.framework->name, o.cycles, o.cycles * o.cycle_years,
          report.run->replications, report.run->seed, o.rising_share * 100, o.declining_share * 100,
          o.hire_noise, o.leniency_sd, o.rating_noise));
  out += TextElement(
      "p",
      "Every number below is an average over the replications, with its 95% confidence "
      "interval: the whiskers on the charts, the ± in the tables. Where two intervals do not "
      "overlap, the difference is not luck of the draw.",
      " class=\"note\"");
  return out + "</section>\n";
}

std::string Comparison(const LabReport& report) {
  std::string out = "<section id=\"comparison\"><h2>The policies compared</h2>\n<ul>\n";
  for (const PolicyOutcome& outcome : report.outcomes) {
    out += "<li><b>" + Escape(outcome.label) + "</b>: " + Escape(outcome.policy) + "</li>\n";
  }
  out += "</ul>\n<div class=\"charts\">\n";
  for (const MetricInfo& info : kMetrics) {
    out += fmt::format(
        "<figure><div class=\"chart\"><canvas id=\"metric-{}\" role=\"img\" "
        "aria-label=\"{}\"></canvas></div><figcaption><b>{}</b> ({}). {}</figcaption></figure>\n",
        info.key, Escape(info.header), Escape(info.header),
        info.lower_is_better ? "lower is better" : "higher is better", Escape(info.meaning));
  }
  out += "</div>\n<h3>All outcomes</h3>\n<div class=\"scroll\"><table>\n<tr><th>outcome</th>";
  for (const PolicyOutcome& outcome : report.outcomes) {
    out += TextElement("th", outcome.label, " class=\"num\"");
  }
  out += "<th>what it means</th></tr>\n";
  for (size_t metric = 0; metric < kMetricCount; ++metric) {
    out += "<tr>" + TextElement("td", std::string(kMetrics[metric].header));
    for (const PolicyOutcome& outcome : report.outcomes) {
      out += Cell(FormatEstimate(outcome.summary[metric], kMetrics[metric]));
    }
    out += TextElement("td", std::string(kMetrics[metric].meaning)) + "</tr>\n";
  }
  return out + "</table></div>\n</section>\n";
}

std::string Frontier(const LabReport& report) {
  const TuningResult& tuning = *report.tuning;
  std::string out =
      "<section id=\"tuning\"><h2>Tuning the thresholds</h2>\n"
      "<p>Each dot is one setting of Yardstick's promotion rules (how far above is \"far\", how "
      "far is \"slightly\", for how many cycles). Settings on the frontier are the fastest for "
      "their share of wrong promotions; the recommended one is the fastest within the limit.</p>"
      "\n<figure><div class=\"chart wide\"><canvas id=\"frontier-chart\" role=\"img\" "
      "aria-label=\"Speed against wrong promotions\"></canvas></div></figure>\n";
  out += TextElement(
      "p", fmt::format("Limit on wrong promotions: {:g}%.", tuning.max_wrong_promotions * 100));
  if (!tuning.recommended) {
    out += "<p><b>No setting stays within the limit.</b></p>\n";
  }
  out +=
      "<div class=\"scroll\"><table>\n<tr><th>setting</th><th class=\"num\">cycles to stable "
      "level</th><th class=\"num\">wrong promotions</th><th class=\"num\">reached stable "
      "level</th><th class=\"num\">top-performer leaving / year</th></tr>\n";
  for (size_t k : FrontierBySpeed(tuning)) {
    const TuningPoint& point = tuning.points[k];
    const bool recommended = tuning.recommended == k;
    out += recommended ? "<tr class=\"recommended\">" : "<tr>";
    out += TextElement(
        "td", DescribeThresholds(point.thresholds) + (recommended ? " (recommended)" : ""));
    for (Metric metric : {Metric::kCyclesToStable, Metric::kWrongPromotions, Metric::kReachedStable,
                          Metric::kTopLeaving}) {
      out += Cell(FormatEstimate(Of(point.summary, metric), kMetrics[static_cast<size_t>(metric)]));
    }
    out += "</tr>\n";
  }
  return out + "</table></div>\n</section>\n";
}

}  // namespace

std::string LabReportJson(const LabReport& report) {
  Json data;
  data["metrics"] = Json::array();
  for (const MetricInfo& info : kMetrics) {
    data["metrics"].push_back({{"key", info.key},
                               {"header", info.header},
                               {"percent", info.percent},
                               {"lower_is_better", info.lower_is_better}});
  }
  data["policies"] = Json::array();
  for (const PolicyOutcome& outcome : report.outcomes) {
    Json summary = Json::array();
    for (const Estimate& estimate : outcome.summary) summary.push_back(EstimateJson(estimate));
    data["policies"].push_back(
        {{"label", outcome.label}, {"name", outcome.policy}, {"summary", summary}});
  }
  if (report.tuning != nullptr) {
    Json points = Json::array();
    for (size_t k = 0; k < report.tuning->points.size(); ++k) {
      const TuningPoint& point = report.tuning->points[k];
      const double speed = Of(point.summary, Metric::kCyclesToStable).mean;
      const double wrong = Of(point.summary, Metric::kWrongPromotions).mean;
      if (std::isnan(speed) || std::isnan(wrong)) continue;
      points.push_back({{"far_above", point.thresholds.far_above},
                        {"slightly_above", point.thresholds.slightly_above},
                        {"periods", point.thresholds.periods},
                        {"cycles_to_stable", speed},
                        {"wrong_promotions", wrong},
                        {"on_frontier", point.on_frontier},
                        {"recommended", report.tuning->recommended == k}});
    }
    data["tuning"] = {{"max_wrong_promotions", report.tuning->max_wrong_promotions},
                      {"points", points}};
  }
  return data.dump();
}

std::string RenderLabReportHtml(const LabReport& report, std::string_view chart_js) {
  const std::string title = "Promotion policy lab";
  std::string page = ladder::html::SelfContainedPageStart(title, kStyle) + "<header>\n";
  page += TextElement("h1", title) + "\n";
  page += TextElement("p",
                      fmt::format("Ladder {} ({}); made by `yardstick lab`.",
                                  report.framework->name, report.framework->id),
                      " class=\"meta\"") +
          "\n</header>\n<main>\n";
  page += Setup(report);
  if (!report.outcomes.empty()) page += Comparison(report);
  if (report.tuning != nullptr) page += Frontier(report);
  page += ladder::html::ChartPageEnd("lab-data", LabReportJson(report), chart_js, kScript);
  return page;
}

}  // namespace yardstick::lab
