// The policy lab's results as one self-contained HTML page a people team can read without help:
// what was simulated, a chart per outcome comparing the policies (with the 95% interval drawn as
// whiskers), the full table with every outcome explained in a sentence, and — after a threshold
// sweep — the speed / wrong-promotion frontier with the recommended setting.
//
// The page requests nothing: the style is inline, the charting library (Chart.js, bundled with
// the program: io::ChartJsBundle()) is inlined, and the data the charts draw is JSON in a
// <script type="application/json"> element (ladder/html.h: SelfContainedPageStart, ScriptSafe).
// The tables are HTML, so the numbers read without scripts too. Pure: no I/O. Thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "lab/lab_runner.h"
#include "lab/tuning.h"
#include "model/framework.h"

namespace yardstick::lab {

struct LabReport {
  const model::Framework* framework = nullptr;
  const LabRunOptions* run = nullptr;
  std::span<const PolicyOutcome> outcomes;  ///< a comparison (lab run); may be empty
  const TuningResult* tuning = nullptr;     ///< a sweep (lab tune); may be null
};

/// The page of |report|, with |chart_js| inlined as its charting library.
std::string RenderLabReportHtml(const LabReport& report, std::string_view chart_js);

/// |report|'s data as the page embeds it (JSON).
std::string LabReportJson(const LabReport& report);

}  // namespace yardstick::lab
