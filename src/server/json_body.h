// Reading a request's JSON body: the object itself and its fields by type, each refusal an
// InvalidArgument that names the field and what was expected (the API answers it with 400).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "server/http_types.h"

namespace yardstick::server {

/// The JSON body of |request| as an object, or why it is not one.
Result<nlohmann::json> JsonObject(const HttpRequest& request);

/// The string field |name| of |body|: required and non-empty.
Result<std::string> StringField(const nlohmann::json& body, const std::string& name);

/// The string field |name| of |body|, |fallback| when absent or null; a non-string is refused.
Result<std::string> OptionalString(const nlohmann::json& body, const std::string& name,
                                   std::string fallback = "");

/// The array of strings |name| of |body|; empty when absent or null.
Result<std::vector<std::string>> StringList(const nlohmann::json& body, const std::string& name);

/// The boolean |name| of |body|, |fallback| when absent or null.
Result<bool> OptionalBool(const nlohmann::json& body, const std::string& name, bool fallback);

/// The integer |name| of |body|, |fallback| when absent or null.
Result<std::int64_t> OptionalInt(const nlohmann::json& body, const std::string& name,
                                 std::int64_t fallback);

}  // namespace yardstick::server
