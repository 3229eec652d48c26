// The browser-side files Yardstick bundles into the pages it writes, so that a page is one
// self-contained file that requests nothing when it is opened.
//
// They are npm packages in web/ (pinned by web/package-lock.json, installed by
// scripts/install-deps.sh) embedded at build time by cmake/web_assets.cmake; each function returns
// a file exactly as shipped, licence header included. Thread-safe.
#pragma once

#include <string_view>

namespace yardstick::io {

/// Chart.js's UMD bundle (web/node_modules/chart.js/dist/chart.umd.js; MIT licence, its header
/// comment included): a script defining the global `Chart`.
std::string_view ChartJsBundle();

}  // namespace yardstick::io
