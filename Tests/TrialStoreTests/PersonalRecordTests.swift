import Foundation
import Testing

@testable import TrialStore

/// Personal records on every driver: kept per scope, replaced by id, deleted one by one and by
/// expiry, deleted for real (unlike events, which refuse it), and nothing of them in the logs.
@Suite struct PersonalRecordTests {
  static let start = Date(timeIntervalSince1970: 1_796_000_000)

  func record(_ id: String, scope: String, offsetDays: Double, keepDays: Double, text: String)
    -> PersonalRecord
  {
    let created = Self.start.addingTimeInterval(offsetDays * 86_400)
    return PersonalRecord(
      kind: "contactRequest", id: id, scope: scope, createdAt: created,
      expiresAt: created.addingTimeInterval(keepDays * 86_400), bytes: Array(text.utf8))
  }

  @Test(arguments: Engine.allCases)
  func keptPerScopeReplacedDeletedAndExpired(_ engine: Engine) async throws {
    try await Harness.with(engine) { h in
      let store = h.store
      try await store.savePersonalRecord(
        record("a", scope: "HZ", offsetDays: 0, keepDays: 90, text: "Li Wei"))
      try await store.savePersonalRecord(
        record("b", scope: "BJ", offsetDays: 1, keepDays: 90, text: "Wang Fang"))
      try await store.savePersonalRecord(
        record("c", scope: "HZ", offsetDays: 2, keepDays: 10, text: "Zhang Min"))
      let now = Self.start.addingTimeInterval(5 * 86_400)
      let hz = try await store.personalRecords(kind: "contactRequest", scope: "HZ", at: now)
      #expect(hz.map(\.id) == ["a", "c"])
      #expect(hz.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "Li Wei")
      #expect(hz.first?.expiresAt == Self.start.addingTimeInterval(90 * 86_400))
      #expect(
        try await store.personalRecords(kind: "contactRequest", scope: "BJ", at: now).map(\.id) == ["b"])
      #expect(try await store.personalRecords(kind: "note", scope: "HZ", at: now).isEmpty)
      // The same id replaces.
      try await store.savePersonalRecord(
        record("a", scope: "HZ", offsetDays: 0, keepDays: 90, text: "Li Wei 2"))
      let replaced = try await store.personalRecords(kind: "contactRequest", scope: "HZ", at: now)
      #expect(replaced.count == 2 && String(decoding: replaced[0].bytes, as: UTF8.self) == "Li Wei 2")
      // Expired at day 12 ("c" kept 10 days from day 2): hidden, then deleted.
      let later = Self.start.addingTimeInterval(12 * 86_400)
      #expect(
        try await store.personalRecords(kind: "contactRequest", scope: "HZ", at: later).map(\.id) == ["a"])
      #expect(try await store.deleteExpiredPersonalRecords(at: later) == 1)
      #expect(try await store.deleteExpiredPersonalRecords(at: later) == 0)
      #expect(try await store.deletePersonalRecord(kind: "contactRequest", id: "a"))
      #expect(!(try await store.deletePersonalRecord(kind: "contactRequest", id: "a")))
      #expect(try await store.personalRecords(kind: "contactRequest", scope: "HZ", at: Self.start).isEmpty)
      #expect(
        try await store.personalRecords(kind: "contactRequest", scope: "BJ", at: later).map(\.id) == ["b"])
      #expect(try await store.trials().isEmpty)  // no log was written
    }
  }
}
