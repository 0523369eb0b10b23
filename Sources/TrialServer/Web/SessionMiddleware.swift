import Foundation
import HTTPTypes
import Hummingbird

/// Finds the signed-in user from the session cookie or an `Authorization: Bearer` token. A user
/// who must change their password may do nothing else until they have.
struct SessionMiddleware: RouterMiddleware {
  typealias Context = ServerContext
  static let cookie = "cartrial_session"
  let accounts: AccountBook

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var context = context
    if let auth = request.headers[.authorization], auth.hasPrefix("Bearer ") {
      let token = String(auth.dropFirst("Bearer ".count))
      context.user = try await accounts.user(ofToken: token)
      context.sessionToken = context.user == nil ? nil : token
    } else if let token = request.cookies[Self.cookie]?.value {
      context.user = try await accounts.user(ofToken: token)
      context.sessionToken = context.user == nil ? nil : token
      context.viaCookie = context.user != nil
    }
    if let user = context.user { context.logger[metadataKey: "user"] = .string(user.username) }
    if let user = context.user, user.mustChangePassword, !Self.allowedBeforePasswordChange(request.uri.path) {
      if ProblemMiddleware.wantsJSON(request) {
        throw Problem(
          .forbidden, title: "Change your password first",
          detail: "the one-time password must be changed (POST /api/v1/me/password) before anything else",
          field: "password")
      }
      return .redirect(to: "/password")
    }
    return try await next(request, context)
  }

  static func allowedBeforePasswordChange(_ path: String) -> Bool {
    ["/password", "/logout", "/api/v1/me/password", "/api/v1/session", "/api/v1/me"].contains(path)
      || path.hasPrefix("/static/")
  }

  /// The session cookie: HttpOnly, SameSite=Strict, Secure over TLS, for the session's lifetime.
  static func sessionCookie(_ token: String, maxAge: Int, secure: Bool) -> Cookie {
    Cookie(
      name: cookie, value: token, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict
    )
  }

  /// A cookie that clears the session cookie.
  static func clearedCookie(secure: Bool) -> Cookie {
    Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
  }
}
