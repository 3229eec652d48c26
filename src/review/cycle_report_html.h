// The cycle report as one self-contained HTML page, for the people team: the slate (exceptions
// highlighted), a chart per comparison group of held against performed grades, proposals by team
// and by rater with bonuses, the exceptions with their justification and approver, and the
// attribute breakdowns with the four-fifths rule explained and its flags highlighted.
//
// The page requests nothing: its style is inline, the charting library (Chart.js) is inlined in a
// script, and the data the charts draw is JSON in a <script type="application/json"> element
// (with "</" written "<\/"). Its Content-Security-Policy allows no fetching at all. Every text
// that comes from people — names, reasons, justifications, attribute values — is HTML-escaped
// (ladder/html.h); the tables are HTML, so they read without scripts too. Laid out for a laptop
// and a phone. Pure: no I/O. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "review/slate_report.h"

namespace yardstick::review {

/// The page of |report|, with |chart_js| (io::ChartJsBundle()) inlined as its charting library.
std::string RenderCycleReportHtml(const SlateReport& report, std::string_view chart_js);

/// |report|'s data as the page embeds it (JSON; for the charts and for anyone reading the page).
std::string CycleReportJson(const SlateReport& report);

}  // namespace yardstick::review
