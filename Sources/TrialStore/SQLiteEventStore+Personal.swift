import Foundation
import GRDB

/// ``PersonalRecordStore`` on SQLite: the `personal_records` table, whose rows may be deleted
/// (unlike events and checkpoints).
extension SQLiteEventStore {
  public func savePersonalRecord(_ record: PersonalRecord) async throws {
    try await write { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO personal_records (kind, id, scope, created_at, expires_at, bytes)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          record.kind, record.id, record.scope, PersonalRecord.seconds(record.createdAt),
          PersonalRecord.seconds(record.expiresAt), Data(record.bytes),
        ])
    }
  }

  public func personalRecords(kind: String, scope: String, at now: Date) async throws -> [PersonalRecord] {
    try await read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT id, created_at, expires_at, bytes FROM personal_records
          WHERE kind = ? AND scope = ? AND expires_at > ? ORDER BY created_at, id
          """, arguments: [kind, scope, PersonalRecord.seconds(now)]
      ).map { row in
        PersonalRecord(
          kind: kind, id: row["id"], scope: scope, createdAt: PersonalRecord.date(row["created_at"]),
          expiresAt: PersonalRecord.date(row["expires_at"]), bytes: Array(row["bytes"] as Data))
      }
    }
  }

  public func deletePersonalRecord(kind: String, id: String) async throws -> Bool {
    try await write { db in
      try db.execute(sql: "DELETE FROM personal_records WHERE kind = ? AND id = ?", arguments: [kind, id])
      return db.changesCount > 0
    }
  }

  public func deleteExpiredPersonalRecords(at now: Date) async throws -> Int {
    try await write { db in
      try db.execute(
        sql: "DELETE FROM personal_records WHERE expires_at <= ?", arguments: [PersonalRecord.seconds(now)])
      return db.changesCount
    }
  }
}
