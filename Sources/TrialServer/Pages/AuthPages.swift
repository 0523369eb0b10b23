import Foundation
import HTTPTypes
import Hummingbird
import Inputs

/// Sign in, sign out and change password.
extension WebApp {
  struct LoginView {
    var csrf: String
    var next: String
    var username: String?
    var error: String?
  }

  struct PasswordView {
    var csrf: String?
    var mustChange: Bool
    var minimum: Int
    var error: String?
  }

  func addAuthPages(to router: Router<ServerContext>) {
    router.get("/") { _, context -> Response in .redirect(to: context.user == nil ? "/login" : "/todo") }
    router.get("/login") { request, context -> Response in
      loginPage(
        context: context, next: request.uri.queryParameters.get("next") ?? "/todo", username: nil, error: nil)
    }
    router.post("/login") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      let next = Self.safeNext(form.first("next"))
      // Double-submit check: the form's token must equal the cookie set with the form.
      guard let sent = form.first(CSRF.field), let cookie = request.cookies[CSRF.loginCookie]?.value,
        CSRF.same(sent, cookie)
      else {
        return loginPage(
          context: context, next: next, username: form.first("username"),
          error: "The sign-in form expired; please sign in again.", status: .forbidden)
      }
      do {
        let (token, user) = try await signIn(
          username: form.first("username") ?? "",
          password: form.pairs.first { $0.name == "password" }?.value ?? "",
          context: context)
        var response = Response.redirect(to: user.mustChangePassword ? "/password" : next)
        response.setCookie(
          SessionMiddleware.sessionCookie(
            token, maxAge: Int(accounts.settings.sessionLifetime), secure: secureCookies))
        return response
      } catch let problem as Problem {
        return loginPage(
          context: context, next: next, username: form.first("username"),
          error: problem.detail.prefix(1).uppercased() + problem.detail.dropFirst() + ".",
          status: problem.httpStatus)
      }
    }
    router.post("/logout") { _, context -> Response in
      if let user = context.user, let token = context.sessionToken {
        try await accounts.signOut(token: token, by: user.username, address: context.address)
      }
      var response = Response.redirect(to: "/login")
      response.setCookie(SessionMiddleware.clearedCookie(secure: secureCookies))
      return response
    }
    router.get("/password") { _, context -> Response in
      let user = try context.signedIn()
      return passwordPage(user: user, context: context, error: nil)
    }
    router.post("/password") { request, context -> Response in
      let user = try context.signedIn()
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      do {
        try await accounts.changePassword(
          username: user.username, current: form.pairs.first { $0.name == "currentPassword" }?.value ?? "",
          new: form.pairs.first { $0.name == "newPassword" }?.value ?? "", address: context.address)
      } catch let error as InputError {
        return passwordPage(
          user: user, context: context, error: "Not changed: \(error.message).", status: .unprocessableContent
        )
      }
      var response = Response.redirect(to: "/login?changed=1")
      response.setCookie(SessionMiddleware.clearedCookie(secure: secureCookies))
      return response
    }
  }

  func loginPage(
    context: ServerContext, next: String, username: String?, error: String?, status: HTTPResponse.Status = .ok
  ) -> Response {
    let token = AccountBook.newToken()
    var response = pages.page(
      "login", title: "Sign in",
      data: LoginView(csrf: token, next: Self.safeNext(next), username: username, error: error),
      context: context, status: status)
    response.setCookie(
      Cookie(
        name: CSRF.loginCookie, value: token, maxAge: 3600, path: "/login", secure: secureCookies,
        httpOnly: true, sameSite: .strict))
    return response
  }

  func passwordPage(
    user: Accounts.User, context: ServerContext, error: String?, status: HTTPResponse.Status = .ok
  ) -> Response {
    pages.page(
      "password", title: "Change password",
      data: PasswordView(
        csrf: context.csrfToken, mustChange: user.mustChangePassword,
        minimum: accounts.settings.minimumPasswordLength,
        error: error),
      context: context, status: status)
  }

  /// Only a path on this server (no open redirect to another site).
  static func safeNext(_ next: String?) -> String {
    guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/todo" }
    return next
  }
}
