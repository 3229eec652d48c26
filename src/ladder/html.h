// Small HTML helpers for the static site: escaping, safe names and element builders.
//
// Everything that comes from a framework file is text and must go through Escape() before it
// reaches a page; the builders take HTML that is already safe (|inner_html|) and text that is not
// (|text|), and say which in their names. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace yardstick::ladder::html {

/// |text| with &, <, >, " and ' replaced by entities: safe in element content and in quoted
/// attribute values.
std::string Escape(std::string_view text);

/// |id| made safe for a file name and a URL fragment: ASCII letters, digits, '_', '-' and '.' are
/// kept, every other byte becomes '_', and a leading '.' becomes '_'. Never empty.
std::string Slug(std::string_view id);

/// <tag attributes>inner_html</tag>. |attributes| is written as is (build it with Attr()).
std::string Element(std::string_view tag, std::string_view inner_html,
                    std::string_view attributes = "");

/// <tag attributes>escaped text</tag>.
std::string TextElement(std::string_view tag, std::string_view text,
                        std::string_view attributes = "");

/// ` name="escaped value"`, with the leading space.
std::string Attr(std::string_view name, std::string_view value);

/// <a href="href">inner_html</a>; |href| is escaped.
std::string Link(std::string_view href, std::string_view inner_html,
                 std::string_view attributes = "");

/// The head of a self-contained page: doctype, charset, viewport, a Content-Security-Policy that
/// allows no fetching at all (only inline style and scripts), the escaped |title| and |style|;
/// ends with "<body>\n". Reports that bundle a chart library (review/cycle_report_html.h,
/// lab/lab_report_html.h) start from it and end with ChartPageEnd.
std::string SelfContainedPageStart(std::string_view title, std::string_view style);

/// The end of such a page, from "</main>": a footer crediting Chart.js, |json| as the data the
/// charts draw (<script type="application/json" id="|data_id|">, with "</" written "<\/" so it
/// cannot end the element), the inlined |chart_js| without its source-map comment (the map is not
/// in the page, and developer tools would try to fetch it), then |script|, which draws the charts.
std::string ChartPageEnd(std::string_view data_id, std::string_view json, std::string_view chart_js,
                         std::string_view script);

}  // namespace yardstick::ladder::html
