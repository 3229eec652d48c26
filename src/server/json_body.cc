#include "server/json_body.h"

#include <fmt/format.h>

namespace yardstick::server {
namespace {

/// The field |name| of |body|, or nullptr when it is absent or null.
const nlohmann::json* Present(const nlohmann::json& body, const std::string& name) {
  const auto found = body.find(name);
  if (found == body.end() || found->is_null()) return nullptr;
  return &*found;
}

Status Expected(const std::string& name, std::string_view what) {
  return Status::InvalidArgument(fmt::format("'{}': expected {}", name, what));
}

}  // namespace

Result<nlohmann::json> JsonObject(const HttpRequest& request) {
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return Status::InvalidArgument("the request body must be a JSON object");
  }
  return body;
}

Result<std::string> StringField(const nlohmann::json& body, const std::string& name) {
  const nlohmann::json* field = Present(body, name);
  if (field == nullptr || !field->is_string() || field->get<std::string>().empty()) {
    return Expected(name, "a non-empty string");
  }
  return field->get<std::string>();
}

Result<std::string> OptionalString(const nlohmann::json& body, const std::string& name,
                                   std::string fallback) {
  const nlohmann::json* field = Present(body, name);
  if (field == nullptr) return fallback;
  if (!field->is_string()) return Expected(name, "a string");
  return field->get<std::string>();
}

Result<std::vector<std::string>> StringList(const nlohmann::json& body, const std::string& name) {
  const nlohmann::json* field = Present(body, name);
  std::vector<std::string> list;
  if (field == nullptr) return list;
  if (!field->is_array()) return Expected(name, "an array of strings");
  for (const nlohmann::json& item : *field) {
    if (!item.is_string()) return Expected(name, "an array of strings");
    list.push_back(item.get<std::string>());
  }
  return list;
}

Result<bool> OptionalBool(const nlohmann::json& body, const std::string& name, bool fallback) {
  const nlohmann::json* field = Present(body, name);
  if (field == nullptr) return fallback;
  if (!field->is_boolean()) return Expected(name, "true or false");
  return field->get<bool>();
}

Result<std::int64_t> OptionalInt(const nlohmann::json& body, const std::string& name,
                                 std::int64_t fallback) {
  const nlohmann::json* field = Present(body, name);
  if (field == nullptr) return fallback;
  if (!field->is_number_integer()) return Expected(name, "a whole number");
  return field->get<std::int64_t>();
}

}  // namespace yardstick::server
