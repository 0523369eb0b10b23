import Foundation
import HTTPTypes
import Testing

@testable import TrialServer

/// Sign-in, sessions stored in the database, expiry, revocation, throttling, one-time passwords.
@Suite struct SessionTests {
  @Test func aWrongPasswordAndAnUnknownUserGetTheSameRefusalAndBothAreAudited() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      _ = try await server.setUp(client)
      let before = try await server.accountEventCount()
      let wrong = try await client.send(
        .post, "/api/v1/session", json: #"{"username": "coordHZ", "password": "nope-nope-nope"}"#)
      let unknown = try await client.send(
        .post, "/api/v1/session", json: #"{"username": "nobody", "password": "nope-nope-nope"}"#)
      #expect(wrong.status == .unauthorized)
      #expect(unknown.status == .unauthorized)
      #expect(wrong.object["detail"] as? String == unknown.object["detail"] as? String)
      #expect(wrong.headers[.contentType] == "application/problem+json")
      #expect(try await server.accountEventCount() == before + 2)
      let log = try await server.app.accounts.log().suffix(2).map(\.event.summary)
      #expect(
        log == ["sign-in refused for coordHZ: wrong password", "sign-in refused for nobody: unknown user"])
    }
  }

  @Test func fiveRefusalsPauseSignInEvenWithTheRightPasswordUntilTheWindowPasses() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      _ = try await server.setUp(client)
      for _ in 0..<5 {
        try await client.expect(
          .unauthorized, .post, "/api/v1/session",
          json: #"{"username": "invHZ", "password": "guess-guess-1"}"#)
      }
      let right = #"{"username": "invHZ", "password": "\#(ServerHarness.password("invHZ"))"}"#
      try await client.expect(.tooManyRequests, .post, "/api/v1/session", json: right)
      server.clock.advance(seconds: 15 * 60 + 1)
      try await client.expect(.created, .post, "/api/v1/session", json: right)
    }
  }

  @Test func aSessionExpiresAfterItsLifetime() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await client.expect(.ok, .get, "/api/v1/me", token: tokens["monitor"])
      server.clock.advance(seconds: 8 * 3600 + 1)
      try await client.expect(.unauthorized, .get, "/api/v1/me", token: tokens["monitor"])
    }
  }

  @Test func signingOutAndChangingThePasswordEndSessions() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      try await client.expect(.noContent, .delete, "/api/v1/session", token: tokens["stat"])
      try await client.expect(.unauthorized, .get, "/api/v1/me", token: tokens["stat"])
      // Two sessions of one user: a password change ends both.
      let second = try await client.signIn("reviewer", ServerHarness.password("reviewer"))
      try await client.changePassword(
        second, from: ServerHarness.password("reviewer"), to: "a-brand-new-password")
      try await client.expect(.unauthorized, .get, "/api/v1/me", token: tokens["reviewer"])
      try await client.expect(.unauthorized, .get, "/api/v1/me", token: second)
      _ = try await client.signIn("reviewer", "a-brand-new-password")
    }
  }

  @Test func sessionsAreInTheDatabaseAndSurviveARestart() async throws {
    let first = try await ServerHarness.make(sqlite: true)
    let tokens = try await first.run { client in try await first.setUp(client) }
    try await first.store.close()
    let second = try await ServerHarness.make(sqlite: true, directory: first.directory, clock: first.clock)
    try await second.run { client in
      let me = try await client.expect(.ok, .get, "/api/v1/me", token: tokens["coordBJ"])
      #expect(me.object["site"] as? String == "BJ")
    }
    // Only the bcrypt hash of a password and the SHA-256 of a token are stored.
    let bytes = try await second.store.events(trial: AccountBook.logID).flatMap(\.bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains(ServerHarness.password("coordBJ")))
    #expect(!text.contains(tokens["coordBJ"]!))
    #expect(text.contains("$2b$04$"))
    try await second.store.close()
  }

  @Test func aOneTimePasswordMustBeChangedBeforeAnythingElse() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let created = try await client.expect(
        .created, .post, "/api/v1/users", token: tokens["admin"],
        json: #"{"username": "newbie", "fullName": "N. Ewbie", "role": "monitor"}"#)
      let once = try #require(created.object["oneTimePassword"] as? String)
      let token = try await client.signIn("newbie", once)
      let refused = try await client.send(.get, "/api/v1/trials", token: token)
      #expect(refused.status == .forbidden)
      #expect(refused.object["field"] as? String == "/password")
      let page = try await client.send(.get, "/trials", cookie: token)
      #expect(page.status == .seeOther)
      #expect(page.headers[.location] == "/password")
      try await client.expect(
        .unprocessableContent, .post, "/api/v1/me/password", token: token,
        json: #"{"currentPassword": "\#(once)", "newPassword": "short"}"#)
    }
  }

  @Test func theSessionCookieIsHttpOnlyAndSameSiteStrict() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      _ = try await server.setUp(client)
      let answer = try await client.send(
        .post, "/api/v1/session",
        json: #"{"username": "monitor", "password": "\#(ServerHarness.password("monitor"))"}"#)
      let cookie = try #require(answer.headers[.setCookie])
      #expect(cookie.hasPrefix("cartrial_session="))
      #expect(cookie.contains("HttpOnly"))
      #expect(cookie.contains("SameSite=Strict"))
      #expect(!cookie.contains("Secure"))
    }
  }
}
