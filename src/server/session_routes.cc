#include "server/session_routes.h"

#include <fmt/format.h>

#include "org/authenticator.h"
#include "server/api_error.h"
#include "server/json_body.h"
#include "server/request_context.h"

namespace yardstick::server {
namespace {

std::string SessionCookie(const RequestContext& ctx, const std::string& value, long max_age) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}",
                     ctx.options.session_cookie, value, max_age,
                     ctx.options.secure_cookies ? "; Secure" : "");
}

nlohmann::json WhoAmI(const org::Actor& actor, const std::string& csrf_token) {
  nlohmann::json roles = nlohmann::json::array();
  for (const model::RoleGrant& grant : actor.grants) {
    roles.push_back(
        {{"role", model::ToString(grant.role)},
         {"group", grant.group.empty() ? nlohmann::json(nullptr) : nlohmann::json(grant.group)}});
  }
  return {{"person_id", actor.person_id}, {"roles", roles}, {"csrf_token", csrf_token}};
}

HttpResponse SignIn(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> login = StringField(*body, "login");
  if (!login.ok()) return ErrorFromStatus(login.status());
  Result<std::string> password = StringField(*body, "password");
  if (!password.ok()) return ErrorFromStatus(password.status());
  org::Authenticator authenticator(ctx.store, ctx.clock, ctx.options.auth);
  Result<org::NewSession> session =
      authenticator.Login(*login, *password, ctx.request.remote_address);
  if (!session.ok()) return ErrorFromStatus(session.status());
  Result<org::Actor> actor = org::LoadActor(ctx.store, session->principal.person_id);
  if (!actor.ok()) return ErrorFromStatus(actor.status());
  nlohmann::json json = WhoAmI(*actor, session->csrf_token);
  json["expires_at"] = session->expires_at;
  HttpResponse response = HttpResponse::Json(json, 201);
  response.headers.emplace_back(
      "Set-Cookie", SessionCookie(ctx, session->token, ctx.options.auth.session_lifetime));
  return response;
}

HttpResponse SignOut(RequestContext& ctx) {
  HttpResponse response = HttpResponse::NoContent();
  if (!ctx.session_token.empty()) {
    org::Authenticator authenticator(ctx.store, ctx.clock, ctx.options.auth);
    if (Status s = authenticator.Logout(ctx.session_token); !s.ok()) return ErrorFromStatus(s);
  }
  response.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
  return response;
}

HttpResponse GetSession(RequestContext& ctx) {
  return HttpResponse::Json(WhoAmI(ctx.who(), ctx.csrf_token));
}

HttpResponse ChangePassword(RequestContext& ctx) {
  Result<nlohmann::json> body = JsonObject(ctx.request);
  if (!body.ok()) return ErrorFromStatus(body.status());
  Result<std::string> old_password = StringField(*body, "old_password");
  if (!old_password.ok()) return ErrorFromStatus(old_password.status());
  Result<std::string> new_password = StringField(*body, "new_password");
  if (!new_password.ok()) return ErrorFromStatus(new_password.status());
  org::Authenticator authenticator(ctx.store, ctx.clock, ctx.options.auth);
  if (Status s = authenticator.ChangePassword(ctx.who().person_id, *old_password, *new_password);
      !s.ok()) {
    // A wrong old password is not a failed sign-in: the session stands, the change is refused.
    return s.code() == Status::Code::kUnauthenticated
               ? ErrorResponse(403, error_code::kForbidden, "the old password is wrong")
               : ErrorFromStatus(s);
  }
  HttpResponse response = HttpResponse::NoContent();
  response.headers.emplace_back("Set-Cookie", SessionCookie(ctx, "", 0));
  return response;
}

}  // namespace

void AddSessionRoutes(Router& router) {
  router.Add({"POST", "/api/session", Audience::kPublic,
              "Sign in with {login, password}; sets the session cookie", SignIn});
  router.Add({"GET", "/api/session", Audience::kSignedIn,
              "Who is signed in, their roles and the session's CSRF token", GetSession});
  router.Add({"DELETE", "/api/session", Audience::kSignedIn, "Sign out", SignOut});
  router.Add({"PUT", "/api/session/password", Audience::kSignedIn,
              "Change one's own password (signs out every session)", ChangePassword});
}

}  // namespace yardstick::server
