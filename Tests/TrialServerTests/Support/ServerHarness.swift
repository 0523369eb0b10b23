import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import TestSupport
import Testing
import TrialConduct
import TrialStore

@testable import TrialServer

/// A server on a fresh database (in memory, or a SQLite file in a temporary directory) with a
/// trial NCT05350787 open at sites HZ and BJ and one signed-in user of every role: the setting of
/// every server test.
struct ServerHarness: Sendable {
  /// The users signed in, by name: admin, coordHZ, invHZ, coordBJ, invBJ, reviewer, monitor, stat.
  static let people: [(name: String, role: Role, site: String?)] = [
    ("coordHZ", .coordinator, "HZ"), ("invHZ", .investigator, "HZ"), ("coordBJ", .coordinator, "BJ"),
    ("invBJ", .investigator, "BJ"), ("reviewer", .safetyReviewer, nil), ("monitor", .monitor, nil),
    ("stat", .statistician, nil),
  ]
  static let trial = "NCT05350787"

  let store: any EventStore
  let clock: TestClock
  let app: WebApp
  let directory: URL

  /// The password every test user ends up with (after changing the one-time one).
  static func password(_ user: String) -> String { "\(user)-password-ok" }

  /// - Parameter jobs: the simulation jobs' limits and runner (default: the server's, on the test clock).
  static func make(
    sqlite: Bool = false, directory given: URL? = nil, clock: TestClock = TestClock(),
    jobs: SimulationJobs.Limits = SimulationJobs.Limits(), runner: HeldRunner? = nil
  )
    async throws
    -> ServerHarness
  {
    let directory =
      given
      ?? FileManager.default.temporaryDirectory.appendingPathComponent("cartrial-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let store: any EventStore =
      sqlite
      ? try await openEventStore(.sqlite(path: directory.appendingPathComponent("t.sqlite").path))
      : InMemoryEventStore()
    let signer = try CheckpointSigner(keyFile: directory.appendingPathComponent("key").path)
    var settings = AccountBook.Settings()
    settings.bcryptCost = 4
    let accounts = AccountBook(store: store, settings: settings, clock: clock.function)
    let ledger = TrialLedger(store: store, signer: signer, clock: clock.function)
    let board =
      runner.map { SimulationJobs(limits: jobs, clock: clock.function, runner: $0.hold) }
      ?? SimulationJobs(limits: jobs, clock: clock.function)
    let app = try await WebApp(ledger: ledger, accounts: accounts, jobs: board)
    return ServerHarness(store: store, clock: clock, app: app, directory: directory)
  }

  /// Runs `body` with a client of the in-process server.
  func run<T: Sendable>(_ body: @Sendable (Client) async throws -> T) async throws -> T {
    var logger = Logger(label: "cartrial-test")
    logger.logLevel = .warning
    let application = Application(router: app.router(), logger: logger)
    return try await application.test(.router) { client in try await body(Client(client: client)) }
  }

  /// Creates the administrator, the sites, one user of every role (each with their own password),
  /// and the trial, and answers the users' session tokens by name.
  func setUp(_ client: Client) async throws -> [String: String] {
    _ = try await app.accounts.bootstrap(adminPassword: "first-admin-password")
    var tokens: [String: String] = [:]
    var admin = try await client.signIn("admin", "first-admin-password")
    try await client.changePassword(admin, from: "first-admin-password", to: Self.password("admin"))
    admin = try await client.signIn("admin", Self.password("admin"))
    tokens["admin"] = admin
    for site in ["HZ", "BJ"] {
      try await client.expect(
        .created, .post, "/api/v1/sites", token: admin,
        json: #"{"site": "\#(site)", "name": "\#(site) hospital"}"#)
    }
    for p in Self.people {
      let body =
        #"{"username": "\#(p.name)", "fullName": "\#(p.name) printed", "role": "\#(p.role.rawValue)""#
        + (p.site.map { #", "site": "\#($0)""# } ?? "") + "}"
      let created = try await client.expect(.created, .post, "/api/v1/users", token: admin, json: body)
      let once = try #require(created.object["oneTimePassword"] as? String)
      let first = try await client.signIn(p.name, once)
      try await client.changePassword(first, from: once, to: Self.password(p.name))
      tokens[p.name] = try await client.signIn(p.name, Self.password(p.name))
    }
    try await client.expect(
      .created, .post, "/api/v1/trials", token: admin, json: #"{"protocol": "\#(Self.trial)"}"#)
    for site in ["HZ", "BJ"] {
      try await client.expect(
        .created, .post, "/api/v1/trials/\(Self.trial)/activate-site", token: admin,
        json: #"{"site": "\#(site)"}"#)
    }
    return tokens
  }

  /// The number of events in the trial's log (to show a refused request wrote nothing).
  func eventCount(_ trial: String = ServerHarness.trial) async throws -> Int {
    try await store.head(trial: trial)?.sequence ?? 0
  }

  /// The number of events in the accounts log.
  func accountEventCount() async throws -> Int {
    try await store.head(trial: AccountBook.logID)?.sequence ?? 0
  }
}

/// A test client with JSON helpers.
struct Client: Sendable {
  let client: any TestClientProtocol

  struct Answer: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
  }

  /// One request; `token` as a bearer token, `cookie` as the session cookie.
  @discardableResult
  func send(
    _ method: HTTPRequest.Method, _ path: String, token: String? = nil, cookie: String? = nil,
    json: String? = nil,
    form: String? = nil, headers extra: HTTPFields = [:]
  ) async throws -> Answer {
    var headers = extra
    if let token { headers[.authorization] = "Bearer \(token)" }
    if let cookie { headers[.cookie] = "cartrial_session=\(cookie)" }
    var body: ByteBuffer?
    if let json {
      headers[.contentType] = "application/json"
      body = ByteBuffer(string: json)
    } else if let form {
      headers[.contentType] = "application/x-www-form-urlencoded"
      body = ByteBuffer(string: form)
    }
    let response = try await client.executeRequest(uri: path, method: method, headers: headers, body: body)
    return Answer(status: response.status, headers: response.headers, text: String(buffer: response.body))
  }

  /// A request that must answer `status`.
  @discardableResult
  func expect(
    _ status: HTTPResponse.Status, _ method: HTTPRequest.Method, _ path: String, token: String? = nil,
    json: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) async throws -> Answer {
    let answer = try await send(method, path, token: token, json: json)
    guard answer.status == status else {
      throw Unexpected(
        description: "\(method) \(path): expected \(status.code), got \(answer.status.code): \(answer.text)")
    }
    return answer
  }

  struct Unexpected: Error, CustomStringConvertible {
    let description: String
  }

  func signIn(_ username: String, _ password: String) async throws -> String {
    let answer = try await expect(
      .created, .post, "/api/v1/session", json: #"{"username": "\#(username)", "password": "\#(password)"}"#)
    return try #require(answer.object["token"] as? String)
  }

  func changePassword(_ token: String, from old: String, to new: String) async throws {
    try await expect(
      .noContent, .post, "/api/v1/me/password", token: token,
      json: #"{"currentPassword": "\#(old)", "newPassword": "\#(new)"}"#)
  }
}
