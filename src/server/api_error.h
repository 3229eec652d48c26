// ApiError: how a failure reaches an API client — an HTTP status and a JSON body
// {"error": {"code": "...", "message": "..."}} whose code is stable (clients branch on it; the
// message is for people and may change). Every refusal and failure of the API goes through here.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "server/http_types.h"

namespace yardstick::server {

/// The stable error codes (docs/api.md lists them with their statuses).
namespace error_code {
inline constexpr std::string_view kBadRequest = "bad_request";
inline constexpr std::string_view kUnauthenticated = "unauthenticated";
inline constexpr std::string_view kForbidden = "forbidden";
inline constexpr std::string_view kCsrf = "csrf_token_missing_or_wrong";
inline constexpr std::string_view kNotFound = "not_found";
inline constexpr std::string_view kMethodNotAllowed = "method_not_allowed";
inline constexpr std::string_view kConflict = "conflict";
inline constexpr std::string_view kStale = "stale_version";
inline constexpr std::string_view kPrecondition = "failed_precondition";
inline constexpr std::string_view kTooManyRequests = "too_many_requests";
inline constexpr std::string_view kPayloadTooLarge = "payload_too_large";
inline constexpr std::string_view kInternal = "internal";
}  // namespace error_code

/// A JSON error response; the members of |beside| (an object, when given) go beside "error",
/// e.g. {"problems": [...]} or {"current": ...}.
HttpResponse ErrorResponse(int status, std::string_view code, const std::string& message,
                           const nlohmann::json& beside = nullptr);

/// The error response for a failed |status|: InvalidArgument → 400, PermissionDenied → 403,
/// NotFound → 404, AlreadyExists and Stale → 409, FailedPrecondition → 409 (the state does not
/// allow it now), Unauthenticated → 401, TooManyRequests → 429 with Retry-After, anything else →
/// 500 with a message that reveals nothing of the server's insides.
HttpResponse ErrorFromStatus(const Status& status);

}  // namespace yardstick::server
