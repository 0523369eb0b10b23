import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct

/// `/api/v1/session` (sign in and out) and `/api/v1/me` (who am I, change my password).
extension WebApp {
  /// The signed-in user as the API shows them.
  struct Me: Encodable {
    var username: String
    var fullName: String
    var role: String
    var site: String?
    var mustChangePassword: Bool
    var permissions: [String]

    init(_ u: Accounts.User) {
      username = u.username
      fullName = u.fullName
      role = u.role.rawValue
      site = u.site
      mustChangePassword = u.mustChangePassword
      permissions = Permission.allCases.filter { Permissions.allows(u.role, $0) }.map(\.rawValue)
    }
  }

  func addSessionRoutes(to router: Router<ServerContext>) {
    router.post("/api/v1/session") { request, context -> Response in
      let fields = try JSONCommandFields(
        try await Self.body(request, context: context), fields: ["username", "password"])
      let username = try fields.required("username", "a username")
      let password = try fields.required("password", "the password")
      let (token, user) = try await signIn(username: username, password: password, context: context)
      struct Answer: Encodable {
        var token: String
        var csrfToken: String
        var user: Me
      }
      var response = try Self.json(
        Answer(token: token, csrfToken: CSRF.token(forSession: token), user: Me(user)), status: .created)
      response.setCookie(
        SessionMiddleware.sessionCookie(
          token, maxAge: Int(accounts.settings.sessionLifetime), secure: secureCookies))
      return response
    }
    router.delete("/api/v1/session") { _, context -> Response in
      let user = try context.signedIn()
      if let token = context.sessionToken {
        try await accounts.signOut(token: token, by: user.username, address: context.address)
      }
      var response = Response(status: .noContent)
      response.setCookie(SessionMiddleware.clearedCookie(secure: secureCookies))
      return response
    }
    router.get("/api/v1/me") { _, context -> Response in try Self.json(Me(try context.signedIn())) }
    router.post("/api/v1/me/password") { request, context -> Response in
      let user = try context.signedIn()
      let fields = try JSONCommandFields(
        try await Self.body(request, context: context), fields: ["currentPassword", "newPassword"])
      try await accounts.changePassword(
        username: user.username, current: try fields.required("currentPassword", "your current password"),
        new: try fields.required("newPassword", "the new password"), address: context.address)
      var response = Response(status: .noContent)
      response.setCookie(SessionMiddleware.clearedCookie(secure: secureCookies))
      return response
    }
  }

  /// Signs in, mapping a refusal to 401 (or 429 when throttled) without saying which part was wrong.
  func signIn(username: String, password: String, context: ServerContext) async throws -> (
    String, Accounts.User
  ) {
    do {
      return try await accounts.signIn(username: username, password: password, address: context.address)
    } catch AccountBook.SignInRefusal.invalid {
      throw Problem(
        .unauthorized, title: "Sign-in refused", detail: "unknown user or wrong password", field: "password")
    } catch AccountBook.SignInRefusal.throttled(let seconds) {
      throw Problem(
        .tooManyRequests, title: "Too many refused sign-ins",
        detail: "sign-in for \(username) is paused for up to \(seconds / 60) minutes after repeated refusals",
        field: "username")
    }
  }
}
