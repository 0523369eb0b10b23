import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// Cross-site request forgery protection (Hummingbird has none): every state-changing request
/// made with the session cookie must carry a token only pages of this server know — the SHA-256
/// of "csrf:" and the session token, which another site cannot read (the cookie is `HttpOnly`,
/// `SameSite=Strict`) and which needs no server-side state, so any server process checks it.
/// Forms send it as the field `csrf`, scripts as the header `X-CSRF-Token` (OWASP CSRF
/// Prevention Cheat Sheet: synchronizer token). Requests with a bearer token carry no ambient
/// credential and need none. The sign-in form, before any session, uses a double-submit cookie.
enum CSRF {
  static let field = "csrf"
  static let header = HTTPField.Name("X-CSRF-Token")!
  static let loginCookie = "cartrial_login"

  static func token(forSession session: String) -> String {
    SHA256.hash(data: Array("csrf:\(session)".utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// Constant-time comparison.
  static func same(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var diff: UInt8 = 0
    for i in x.indices { diff |= x[i] ^ y[i] }
    return diff == 0
  }
}

/// Refuses an unsafe request made with the session cookie unless it carries the CSRF token.
struct CSRFMiddleware: RouterMiddleware {
  typealias Context = ServerContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    guard ![.get, .head, .options].contains(request.method), context.viaCookie,
      let expected = context.csrfToken
    else { return try await next(request, context) }
    var request = request
    var given = request.headers[CSRF.header]
    if given == nil, request.headers[.contentType]?.hasPrefix("application/x-www-form-urlencoded") == true {
      let body = try await request.collectBody(upTo: context.maxUploadSize)
      given = FormFields(String(buffer: body)).first(CSRF.field)
    }
    guard let given, CSRF.same(given, expected) else {
      throw Problem(
        .forbidden, title: "Missing or wrong CSRF token",
        detail:
          "a form of this server must send its csrf field (scripts: the X-CSRF-Token header); reload the page",
        field: CSRF.field)
    }
    return try await next(request, context)
  }
}
