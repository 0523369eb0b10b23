import Foundation
import Testing

@testable import TrialStore

/// Opening a PostgreSQL store migrates its schema under a lock of that schema's own: another
/// schema on the same database opens meanwhile, and a lock held too long gives a clear error, not
/// a hang (a stuck migration elsewhere once stalled a whole CI run).
@Suite("PostgreSQL migration lock")
struct MigrationLockTests {
  static func schemaName() -> String {
    "m_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
  }

  @Test("a schema whose migration lock is held fails to open after the wait; another schema opens")
  func heldLock() async throws {
    try await Harness.with(.postgres) { harness in
      let owner = try #require(harness.store as? PostgresEventStore)
      let blocked = Self.schemaName()
      let free = Self.schemaName()
      try await owner.withMigrationLock(schema: blocked, wait: .seconds(5)) { _ in
        let started = ContinuousClock.now
        do {
          let store = try await PostgresEventStore(
            url: TestPostgres.url(schema: blocked), migrationLockWait: .milliseconds(300))
          try? await store.close()
          Issue.record("the store opened while its schema's migration lock was held")
        } catch let error as StoreError {
          #expect(error.description.contains("migration lock"), "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(30))
        let other = try await PostgresEventStore(
          url: TestPostgres.url(schema: free), migrationLockWait: .milliseconds(300))
        let events = try await appendEvents(other, trial: "A", count: 2)
        #expect(try await other.events(trial: "A") == events)
        try await other.close()
      }
      // Released, the blocked schema opens and nothing of the failed attempt is left half-made.
      let store = try await PostgresEventStore(url: TestPostgres.url(schema: blocked))
      #expect(try await store.events(trial: "A").isEmpty)
      try await store.close()
      try await owner.executeRaw("DROP SCHEMA IF EXISTS \(blocked) CASCADE")
      try await owner.executeRaw("DROP SCHEMA IF EXISTS \(free) CASCADE")
    }
  }
}
