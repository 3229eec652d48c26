#include "ladder/html.h"

namespace yardstick::ladder::html {
namespace {

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

}  // namespace yardstick::ladder::html
