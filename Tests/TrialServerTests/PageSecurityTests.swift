import Foundation
import HTTPTypes
import Testing

@testable import TrialServer

/// CSRF tokens, security headers, and forms that come back with the field's error and store
/// nothing.
@Suite struct PageSecurityTests {
  @Test func aCookieRequestThatWritesNeedsTheCSRFTokenAndABearerRequestDoesNot() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let admin = tokens["admin"]!
      let before = try await server.eventCount()
      let path = "/api/v1/trials/\(ServerHarness.trial)/activate-site"
      let forged = try await client.send(.post, path, cookie: admin, json: #"{"site": "EVIL"}"#)
      #expect(forged.status == .forbidden)
      #expect(forged.object["field"] as? String == "/csrf")
      let wrongToken = try await client.send(
        .post, path, cookie: admin, json: #"{"site": "EVIL"}"#,
        headers: [CSRF.header: String(repeating: "0", count: 64)])
      #expect(wrongToken.status == .forbidden)
      let formForged = try await client.send(
        .post, "/trials/\(ServerHarness.trial)/activate-site", cookie: admin, form: "site=EVIL&csrf=guess")
      #expect(formForged.status == .forbidden)
      #expect(try await server.eventCount() == before)

      let form = try await client.send(
        .post, "/trials/\(ServerHarness.trial)/activate-site", cookie: admin,
        form: "site=GOOD&csrf=\(CSRF.token(forSession: admin))")
      #expect(form.status == .seeOther)
      let bearer = try await client.send(.post, path, token: admin, json: #"{"site": "ALSO"}"#)
      #expect(bearer.status == .created)
      #expect(try await server.eventCount() == before + 2)
    }
  }

  @Test func theSignInFormChecksItsDoubleSubmitCookie() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      _ = try await server.setUp(client)
      let form = try await client.send(.get, "/login")
      let cookie = try #require(
        form.headers[.setCookie]?.split(separator: ";").first?.split(separator: "=").last)
      let password = ServerHarness.password("monitor")
      let noCookie = try await client.send(
        .post, "/login", form: "csrf=\(cookie)&username=monitor&password=\(password)")
      #expect(noCookie.status == .forbidden)
      let signedIn = try await client.send(
        .post, "/login", form: "csrf=\(cookie)&username=monitor&password=\(password)&next=/trials",
        headers: [.cookie: "cartrial_login=\(cookie)"])
      #expect(signedIn.status == .seeOther)
      #expect(signedIn.headers[.location] == "/trials")
      #expect(signedIn.headers[.setCookie]?.hasPrefix("cartrial_session=") == true)
      // A `next` pointing at another site is not followed.
      let offsite = try await client.send(
        .post, "/login", form: "csrf=\(cookie)&username=monitor&password=\(password)&next=//evil.example/",
        headers: [.cookie: "cartrial_login=\(cookie)"])
      #expect(offsite.headers[.location] == "/todo")
    }
  }

  @Test func everyResponseCarriesTheSecurityHeaders() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      for path in ["/login", "/trials/\(ServerHarness.trial)", "/api/v1/trials", "/openapi.json"] {
        let answer = try await client.send(.get, path, cookie: tokens["admin"])
        let csp = answer.headers[.contentSecurityPolicy] ?? ""
        #expect(csp.contains("frame-ancestors 'none'"), "\(path)")
        #expect(csp.contains("script-src 'self'"), "\(path)")
        #expect(!csp.contains("unsafe-inline"), "\(path)")
        #expect(answer.headers[.xContentTypeOptions] == "nosniff", "\(path)")
        #expect(answer.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
        #expect(answer.headers[HTTPField.Name("X-Request-Id")!]?.isEmpty == false, "\(path)")
      }
    }
  }

  @Test func aFormWithABadValueComesBackWithTheFieldsErrorAndNothingIsStored() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let driver = TrialDriver(server: server, client: client, tokens: tokens)
      try await driver.eligible("S-01")
      let token = tokens["coordHZ"]!
      let before = try await server.eventCount()
      let page = try await client.send(
        .post, "/trials/\(ServerHarness.trial)/subjects/S-01/consent", cookie: token,
        form: "date=2026-02-30&csrf=\(CSRF.token(forSession: token))&idempotencyKey=k1")
      #expect(page.status == .unprocessableContent)
      #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
      #expect(page.text.contains(#"aria-invalid="true" aria-describedby="consent-date-error""#))
      #expect(page.text.contains("expected a date YYYY-MM-DD, found &quot;2026-02-30&quot;"))
      #expect(page.text.contains(#"value="2026-02-30""#))
      #expect(try await server.eventCount() == before)
    }
  }

  @Test func theSubjectPageShowsWhoRecordedEachValueAndWhen() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let driver = TrialDriver(server: server, client: client, tokens: tokens)
      try await driver.eligible("S-01")
      let page = try await client.send(
        .get, "/trials/\(ServerHarness.trial)/subjects/S-01", cookie: tokens["invHZ"])
      #expect(page.status == .ok)
      #expect(page.text.contains("coordHZ printed (coordHZ) (coordinator, HZ)"))
      #expect(page.text.contains("2026-11-20T12:00"))
      // A statistician sees no subject; another site's coordinator does not find this one.
      let stat = try await client.send(
        .get, "/trials/\(ServerHarness.trial)/subjects/S-01", cookie: tokens["stat"])
      #expect(stat.status == .forbidden)
      let other = try await client.send(
        .get, "/trials/\(ServerHarness.trial)/subjects/S-01", cookie: tokens["coordBJ"])
      #expect(other.status == .notFound)
      let dashboard = try await client.send(.get, "/trials/\(ServerHarness.trial)", cookie: tokens["coordBJ"])
      #expect(!dashboard.text.contains("S-01"))
    }
  }
}
