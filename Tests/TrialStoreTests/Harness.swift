import Foundation
import Testing

@testable import TrialStore

/// The drivers every behavioural test runs against.
enum Engine: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case memory, sqlite, postgres

  var testDescription: String { rawValue }

  /// The engines backed by a real database (raw SQL, several instances, processes).
  static let databases: [Engine] = [.sqlite, .postgres]
}

/// The PostgreSQL server for tests: `CARTRIAL_TEST_POSTGRES_URL`. Without one (or when it does not
/// answer) the PostgreSQL cases are skipped with a message — and fail when `CI=true`.
enum TestPostgres {
  static let url = ProcessInfo.processInfo.environment["CARTRIAL_TEST_POSTGRES_URL"].flatMap {
    $0.isEmpty ? nil : $0
  }
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// Why PostgreSQL cannot be used, or nil when a server answers at the URL.
  static let unavailable: String? = {
    guard let url else {
      return
        "CARTRIAL_TEST_POSTGRES_URL is not set (e.g. postgres://cartrial:cartrial@127.0.0.1:5433/cartrial_test; see README, Event store)"
    }
    guard let settings = try? PostgresSettings(url: url) else {
      return "CARTRIAL_TEST_POSTGRES_URL is not a valid URL"
    }
    return canConnect(host: settings.host, port: settings.port)
      ? nil : "no PostgreSQL server answers at \(settings.host):\(settings.port)"
  }()

  /// Skips (or in CI fails) the current test when PostgreSQL is unavailable.
  static func require(sourceLocation: SourceLocation = #_sourceLocation) throws {
    guard let reason = unavailable else { return }
    if inCI {
      Issue.record("PostgreSQL tests cannot run in CI: \(reason)", sourceLocation: sourceLocation)
      throw PostgresUnavailable(reason: reason)
    }
    try Test.cancel("PostgreSQL tests skipped: \(reason)", sourceLocation: sourceLocation)
  }

  /// The test URL with its own schema, so tests that drop triggers stay apart.
  static func url(schema: String, user: String? = nil, password: String? = nil) -> String {
    var components = URLComponents(string: url ?? "")!
    if let user {
      components.user = user
      components.password = password
    }
    var items = components.queryItems ?? []
    items.append(URLQueryItem(name: "schema", value: schema))
    components.queryItems = items
    return components.string!
  }

  private static func canConnect(host: String, port: Int) -> Bool {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var result: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &result) == 0, let info = result else { return false }
    defer { freeaddrinfo(result) }
    let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0
  }
}

struct PostgresUnavailable: Error, CustomStringConvertible {
  var reason: String
  var description: String { "PostgreSQL unavailable: \(reason)" }
}

/// One fresh database for one test: a temporary SQLite file, or a PostgreSQL schema of its own
/// (dropped at the end).
struct Harness: Sendable {
  let engine: Engine
  /// Where the database is (nil in memory).
  let location: StoreLocation?
  let store: any EventStore
  let schema: String?

  static func open(_ engine: Engine) async throws -> Harness {
    switch engine {
    case .memory:
      return Harness(engine: engine, location: nil, store: InMemoryEventStore(), schema: nil)
    case .sqlite:
      let path = try temporaryDirectory().appendingPathComponent("events.sqlite").path
      let location = StoreLocation.sqlite(path: path)
      return Harness(
        engine: engine, location: location, store: try await openEventStore(location), schema: nil)
    case .postgres:
      try TestPostgres.require()
      let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
      let location = StoreLocation.postgres(url: TestPostgres.url(schema: schema))
      return Harness(
        engine: engine, location: location, store: try await openEventStore(location), schema: schema)
    }
  }

  /// A second, independent store on the same database.
  func another() async throws -> any EventStore {
    guard let location else { return store }
    return try await openEventStore(location)
  }

  /// Runs `body` against a fresh database, then closes it (and drops a PostgreSQL schema).
  static func with(_ engine: Engine, _ body: (Harness) async throws -> Void) async throws {
    let harness = try await open(engine)
    do {
      try await body(harness)
    } catch {
      try? await harness.finish()
      throw error
    }
    try await harness.finish()
  }

  func finish() async throws {
    if let schema, let store = store as? PostgresEventStore {
      try await store.executeRaw("DROP SCHEMA \(schema) CASCADE")
    }
    try await store.close()
  }

  /// SQL run as the database's owner, past the store.
  func raw(_ sql: String) async throws {
    switch store {
    case let store as SQLiteEventStore: try await store.executeRaw(sql)
    case let store as PostgresEventStore: try await store.executeRaw(sql)
    default: Issue.record("no SQL in memory")
    }
  }

  /// A blob literal for this engine's SQL.
  func blob(_ bytes: [UInt8]) -> String {
    engine == .postgres ? "'\\x\(Encoding.hex(bytes))'::bytea" : "X'\(Encoding.hex(bytes))'"
  }

  /// Removes the append-only triggers on events, as the owner (the application role cannot).
  func dropEventTriggers() async throws {
    if engine == .postgres {
      try await raw("DROP TRIGGER events_append_only ON events")
    } else {
      try await raw("DROP TRIGGER events_no_update")
      try await raw("DROP TRIGGER events_no_delete")
    }
  }
}

func temporaryDirectory() throws -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent(
    "cartrial-store-tests-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// `count` events of `trial` with distinct payloads.
@discardableResult
func appendEvents(_ store: any EventStore, trial: String, count: Int, from first: Int = 1) async throws
  -> [StoredEvent]
{
  var events: [StoredEvent] = []
  for sequence in first..<(first + count) {
    events.append(
      try await store.append(
        trial: trial, sequence: sequence, kind: "note", bytes: Array("{\"n\":\(sequence)}".utf8)))
  }
  return events
}
