import Foundation
import Testing

/// `cartrial serve` as a user starts it: on a fresh SQLite file with nothing else, the
/// administrator's one-time password printed once, the address printed, graceful shutdown on
/// SIGTERM; and several processes on one PostgreSQL database as one system.
@Suite(.serialized) struct ServeCommandTests {
  static func directory() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-serve-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
  }

  @Test func servesAFreshDatabasePrintsTheOneTimePasswordOnceAndStopsGracefully() async throws {
    let dir = try Self.directory()
    let args = ["--db", "\(dir)/cartrial.sqlite", "--key", "\(dir)/signing.key"]
    let first = try await ServeProcess.start(args)
    let created = try #require(first.lines.first { $0.contains("one-time password") })
    let password = try #require(created.split(separator: " ").drop { $0 != "password" }.dropFirst().first)
    #expect(try await first.request("GET", "/healthz") == (200, "ok"))
    let (status, page) = try await first.request("GET", "/login")
    #expect(status == 200)
    #expect(page.contains(#"<form method="post" action="/login""#))
    let (signed, body) = try await first.request(
      "POST", "/api/v1/session", json: #"{"username": "admin", "password": "\#(password)"}"#)
    #expect(signed == 201, "\(body)")
    #expect(await first.stop() == 0)

    let second = try await ServeProcess.start(args)
    #expect(!second.lines.contains { $0.contains("password") })
    #expect(try await second.request("GET", "/healthz").0 == 200)
    #expect(await second.stop() == 0)
  }

  @Test func aBadAdminPasswordIsRefusedWithAClearError() throws {
    let dir = try Self.directory()
    let result = try CLIRunner.run([
      "serve", "--db", "\(dir)/c.sqlite", "--key", "\(dir)/k", "--port", "0", "--admin-password", "short",
    ])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--admin-password: expected a password of at least 10 characters"))
  }

  @Test func twoServersOnOnePostgreSQLDatabaseAreOneSystem() async throws {
    let env = ProcessInfo.processInfo.environment
    guard let base = env["CARTRIAL_TEST_POSTGRES_URL"], !base.isEmpty else {
      if env["CI"] == "true" { Issue.record("CARTRIAL_TEST_POSTGRES_URL must be set in CI") }
      return
    }
    let dir = try Self.directory()
    let url =
      base + (base.contains("?") ? "&" : "?") + "schema=serve_\(UUID().uuidString.prefix(8).lowercased())"
    let args = ["--db", url, "--key", "\(dir)/signing.key", "--admin-password", "first-admin-pass"]
    // (Killed by their deinit if the test fails midway.)
    let a = try await ServeProcess.start(args)
    let b = try await ServeProcess.start(args)
    // Signed in on A, the one-time password changed on B, the new one works on A.
    let (_, signed) = try await a.request(
      "POST", "/api/v1/session", json: #"{"username": "admin", "password": "first-admin-pass"}"#)
    let token = try #require(
      (try JSONSerialization.jsonObject(with: Data(signed.utf8)) as? [String: Any])?["token"] as? String)
    let (changed, _) = try await b.request(
      "POST", "/api/v1/me/password",
      json: #"{"currentPassword": "first-admin-pass", "newPassword": "second-admin-pass"}"#,
      token: token)
    #expect(changed == 204)
    #expect(try await a.request("GET", "/api/v1/me", token: token).0 == 401)
    let (again, _) = try await a.request(
      "POST", "/api/v1/session", json: #"{"username": "admin", "password": "second-admin-pass"}"#)
    #expect(again == 201)
    #expect(await a.stop() == 0)
    #expect(await b.stop() == 0)
  }
}
