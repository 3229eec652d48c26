#include "ladder/html.h"

namespace yardstick::ladder::html {
namespace {

/// |json| safe inside a <script> element: "</" and "<!--" cannot end or confuse it.
std::string ScriptSafe(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size(); ++i) {
    if (json.substr(i, 2) == "</") {
      out += "<\\/";
      ++i;
    } else if (json.substr(i, 4) == "<!--") {
      out += "\\u003c!--";
      i += 3;
    } else {
      out += json[i];
    }
  }
  return out;
}

/// |script| without a trailing source-map comment.
std::string_view WithoutSourceMap(std::string_view script) {
  const size_t at = script.rfind("//# sourceMappingURL=");
  return at == std::string_view::npos ? script : script.substr(0, at);
}

bool IsSlugChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.';
}

}  // namespace

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Slug(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  for (const char c : id) out += IsSlugChar(c) ? c : '_';
  if (out.empty()) return "_";
  if (out.front() == '.') out.front() = '_';
  return out;
}

std::string Element(std::string_view tag, std::string_view inner_html,
                    std::string_view attributes) {
  std::string out;
  out.reserve(tag.size() * 2 + attributes.size() + inner_html.size() + 5);
  out += '<';
  out += tag;
  out += attributes;
  out += '>';
  out += inner_html;
  out += "</";
  out += tag;
  out += '>';
  return out;
}

std::string TextElement(std::string_view tag, std::string_view text, std::string_view attributes) {
  return Element(tag, Escape(text), attributes);
}

std::string Attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  out += Escape(value);
  out += '"';
  return out;
}

std::string Link(std::string_view href, std::string_view inner_html, std::string_view attributes) {
  return Element("a", inner_html, Attr("href", href) + std::string(attributes));
}

std::string SelfContainedPageStart(std::string_view title, std::string_view style) {
  return "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing is fetched: no network, no fonts, no images; only the inline style and scripts.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "script-src 'unsafe-inline'; style-src 'unsafe-inline'\">\n" +
         TextElement("title", title) + "\n<style>" + std::string(style) +
         "</style>\n</head>\n<body>\n";
}

std::string ChartPageEnd(std::string_view data_id, std::string_view json, std::string_view chart_js,
                         std::string_view script) {
  return "</main>\n<footer><p>Made by Yardstick. Charts drawn with Chart.js (MIT licence; its "
         "licence header is kept in the script below).</p></footer>\n"
         "<script type=\"application/json\" id=\"" +
         Escape(data_id) + "\">" + ScriptSafe(json) + "</script>\n<script>\n" +
         std::string(WithoutSourceMap(chart_js)) + "\n</script>\n<script>" + std::string(script) +
         "</script>\n</body>\n</html>\n";
}

}  // namespace yardstick::ladder::html
