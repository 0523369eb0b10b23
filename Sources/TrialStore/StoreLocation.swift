import Foundation
import Inputs

/// Where a trial's event store lives: an SQLite file (the embedded default) or a PostgreSQL database.
public enum StoreLocation: Sendable, Hashable {
  case sqlite(path: String)
  /// `postgres://user:password@host:port/database`, optionally `?schema=NAME` to keep the tables in
  /// their own schema (created when missing).
  case postgres(url: String)

  /// The default file in the working directory.
  public static let defaultPath = "cartrial.sqlite"

  /// A `postgres://` or `postgresql://` URL, or else a file path (`sqlite:PATH` also accepted).
  public static func parse(_ text: String) throws -> StoreLocation {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let expected = "a database file path or postgres://user:password@host:port/database"
    guard !trimmed.isEmpty else {
      throw InputError(.invalidValue, field: "database", expected: expected, found: "an empty value")
    }
    let lower = trimmed.lowercased()
    if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
      _ = try PostgresSettings(url: trimmed)
      return .postgres(url: trimmed)
    }
    if lower.hasPrefix("sqlite:") {
      var path = String(trimmed.dropFirst("sqlite:".count))
      if path.hasPrefix("//") { path.removeFirst(2) }
      guard !path.isEmpty else {
        throw InputError(.invalidValue, field: "database", expected: expected, found: "'\(trimmed)'")
      }
      return .sqlite(path: path)
    }
    if let colon = trimmed.range(of: "://") {
      throw InputError(
        .invalidValue, field: "database", expected: expected,
        found: "'\(trimmed[..<colon.lowerBound])://…' (an unsupported scheme)")
    }
    return .sqlite(path: trimmed)
  }
}

/// Opens (creating and migrating when needed) the store at `location`.
public func openEventStore(_ location: StoreLocation) async throws -> any EventStore {
  switch location {
  case .sqlite(let path): return try await SQLiteEventStore(path: path)
  case .postgres(let url): return try await PostgresEventStore(url: url)
  }
}

/// The parts of a PostgreSQL URL.
struct PostgresSettings: Sendable, Hashable {
  var host: String
  var port: Int
  var user: String
  var password: String?
  var database: String
  var schema: String?

  init(url: String) throws {
    let expected = "postgres://user:password@host:port/database"
    func bad(_ what: String) -> InputError {
      InputError(.invalidValue, field: "database", expected: expected, found: what)
    }
    guard let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
      throw bad("a URL without a host")
    }
    guard let user = components.user, !user.isEmpty else { throw bad("a URL without a user name") }
    let database = String(components.path.drop { $0 == "/" })
    guard !database.isEmpty else { throw bad("a URL without a database name") }
    self.host = host
    self.port = components.port ?? 5432
    self.user = user.removingPercentEncoding ?? user
    self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
    self.database = database.removingPercentEncoding ?? database
    for item in components.queryItems ?? [] {
      switch item.name {
      case "schema":
        guard let value = item.value, PostgresSettings.isIdentifier(value) else {
          throw InputError(
            .invalidValue, field: "database.schema",
            expected: "a schema name of lower-case letters, digits and _", found: "'\(item.value ?? "")'")
        }
        schema = value
      case "sslmode" where item.value == "disable":
        break
      default:
        throw InputError(
          .unknownField, field: "database.\(item.name)", expected: "schema, or sslmode=disable",
          found: "'\(item.name)'")
      }
    }
  }

  /// A plain lower-case SQL identifier (safe to splice into DDL).
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || ("a"..."z").contains(first) else {
      return false
    }
    return text.count <= 63
      && text.unicodeScalars.allSatisfy { $0 == "_" || ("a"..."z").contains($0) || ("0"..."9").contains($0) }
  }
}
