import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Security headers on every response: a strict Content-Security-Policy (own scripts, styles and
/// images only; no framing: `frame-ancestors 'none'`), `nosniff`, `no-referrer`, and no caching of
/// pages with patient data (OWASP Secure Headers Project).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
  static var policy: String {
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
  }

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    var response = try await next(request, context)
    // A route may set a narrower policy of its own (the report's self-contained page).
    if response.headers[.contentSecurityPolicy] == nil {
      response.headers[.contentSecurityPolicy] = Self.policy
    }
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
    response.headers[HTTPField.Name("Cross-Origin-Opener-Policy")!] = "same-origin"
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    return response
  }
}

/// Gives every response its request id (`X-Request-Id`) and logs each request with it.
struct RequestLogMiddleware: RouterMiddleware {
  typealias Context = ServerContext

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    let started = ContinuousClock.now
    var response = try await next(request, context)
    response.headers[HTTPField.Name("X-Request-Id")!] = context.id
    let ms = (ContinuousClock.now - started) / .milliseconds(1)
    context.logger.info(
      "request",
      metadata: [
        "method": "\(request.method.rawValue)", "path": "\(request.uri.path)",
        "status": "\(response.status.code)", "ms": "\(String(format: "%.1f", ms))",
      ])
    return response
  }
}

/// Turns thrown errors into RFC 9457 problem documents (API) or an error page (pages); a page
/// that needs sign-in redirects to the sign-in page.
struct ProblemMiddleware: RouterMiddleware {
  typealias Context = ServerContext
  let pages: PageRenderer

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    do {
      return try await next(request, context)
    } catch {
      let problem = Problem.from(error)
      if problem.status >= 500 {
        context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
      }
      if Self.wantsJSON(request) { return problem.response(instance: request.uri.path) }
      if problem.status == 401 {
        return Response.redirect(
          to: "/login?next="
            + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
      }
      return try await pages.errorPage(problem, context: context)
    }
  }

  static func wantsJSON(_ request: Request) -> Bool {
    request.uri.path.hasPrefix("/api/") || request.uri.path == "/openapi.json"
      || (request.headers[.accept]?.contains("json") ?? false)
  }
}

extension Response {
  /// A 303 See Other (after a form post, the browser gets the page).
  static func redirect(to location: String) -> Response {
    var headers = HTTPFields()
    headers[.location] = location
    return Response(status: .seeOther, headers: headers)
  }
}
