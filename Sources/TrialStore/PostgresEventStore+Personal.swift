import Foundation
import PostgresNIO

/// ``PersonalRecordStore`` on PostgreSQL: the `personal_records` table, whose rows may be deleted
/// (unlike events and checkpoints); the application role may delete them.
extension PostgresEventStore {
  public func savePersonalRecord(_ record: PersonalRecord) async throws {
    let created = PersonalRecord.seconds(record.createdAt)
    let expires = PersonalRecord.seconds(record.expiresAt)
    try await run {
      try await self.client.query(
        """
        INSERT INTO personal_records (kind, id, scope, created_at, expires_at, bytes)
        VALUES (\(record.kind), \(record.id), \(record.scope), \(created), \(expires), \(ByteBuffer(bytes: record.bytes)))
        ON CONFLICT (kind, id) DO UPDATE SET scope = excluded.scope, created_at = excluded.created_at,
          expires_at = excluded.expires_at, bytes = excluded.bytes
        """, logger: self.logger)
    }
  }

  public func personalRecords(kind: String, scope: String, at now: Date) async throws -> [PersonalRecord] {
    let seconds = PersonalRecord.seconds(now)
    return try await run {
      var records: [PersonalRecord] = []
      for try await (id, created, expires, bytes) in try await self.client.query(
        """
        SELECT id, created_at, expires_at, bytes FROM personal_records
        WHERE kind = \(kind) AND scope = \(scope) AND expires_at > \(seconds) ORDER BY created_at, id
        """, logger: self.logger
      ).decode((String, Int64, Int64, ByteBuffer).self) {
        records.append(
          PersonalRecord(
            kind: kind, id: id, scope: scope, createdAt: PersonalRecord.date(created),
            expiresAt: PersonalRecord.date(expires), bytes: Array(bytes.readableBytesView)))
      }
      return records
    }
  }

  public func deletePersonalRecord(kind: String, id: String) async throws -> Bool {
    try await run {
      var deleted = false
      for try await _ in try await self.client.query(
        "DELETE FROM personal_records WHERE kind = \(kind) AND id = \(id) RETURNING id", logger: self.logger
      ).decode(String.self) {
        deleted = true
      }
      return deleted
    }
  }

  public func deleteExpiredPersonalRecords(at now: Date) async throws -> Int {
    let seconds = PersonalRecord.seconds(now)
    return try await run {
      var count = 0
      for try await _ in try await self.client.query(
        "DELETE FROM personal_records WHERE expires_at <= \(seconds) RETURNING id", logger: self.logger
      ).decode(String.self) {
        count += 1
      }
      return count
    }
  }
}
