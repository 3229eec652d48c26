// Static assets of the published ladder site: the stylesheet shared by every page.
//
// Kept apart from the page builders so the design can change without touching the HTML code.
// Constant data; thread-safe.
#pragma once

#include <string_view>

namespace yardstick::ladder {

/// style.css: screen layout (system fonts, responsive down to phone width) and a print stylesheet.
std::string_view SiteStylesheet();

}  // namespace yardstick::ladder
