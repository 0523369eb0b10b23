import Foundation

/// A record of personal data a visitor gave the server (a contact request): kept apart from the
/// append-only logs, in a table whose rows can be deleted, so that it is erased when it has served
/// its purpose or its retention ends (GDPR art. 5(1)(c) and (e): data minimisation, storage
/// limitation). The logs keep only that such a record was received or deleted, never its content.
public struct PersonalRecord: Sendable, Hashable {
  /// What the record is (`contactRequest`).
  public var kind: String
  /// Its random id.
  public var id: String
  /// Who may read it (for a contact request: the site it was sent to).
  public var scope: String
  public var createdAt: Date
  /// When it is erased at the latest.
  public var expiresAt: Date
  public var bytes: [UInt8]

  public init(kind: String, id: String, scope: String, createdAt: Date, expiresAt: Date, bytes: [UInt8]) {
    self.kind = kind
    self.id = id
    self.scope = scope
    self.createdAt = createdAt
    self.expiresAt = expiresAt
    self.bytes = bytes
  }
}

/// Deletable storage of ``PersonalRecord``s beside the event logs; every driver has it.
public protocol PersonalRecordStore: Sendable {
  /// Stores `record` (a record with the same kind and id is replaced).
  func savePersonalRecord(_ record: PersonalRecord) async throws
  /// The records of `kind` in `scope` not expired at `now`, oldest first.
  func personalRecords(kind: String, scope: String, at now: Date) async throws -> [PersonalRecord]
  /// Deletes the record; whether there was one.
  func deletePersonalRecord(kind: String, id: String) async throws -> Bool
  /// Deletes every record expired at `now`; how many.
  func deleteExpiredPersonalRecords(at now: Date) async throws -> Int
}

extension PersonalRecord {
  /// Seconds since 1970 as the drivers store them.
  static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
  static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }
}
