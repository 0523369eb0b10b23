import Foundation
import Testing

@testable import TrialStore

@Suite("PostgreSQL application role")
struct PostgresRoleTests {
  @Test("the application role may append and read but not UPDATE or DELETE, even with the trigger dropped")
  func applicationRole() async throws {
    try await Harness.with(.postgres) { harness in
      let owner = try #require(harness.store as? PostgresEventStore)
      let schema = try #require(harness.schema)
      let role = "app_" + schema.dropFirst(2).prefix(20)
      try await owner.createApplicationRole(name: role, password: "app-secret")
      do {
        let app = try await PostgresEventStore(
          url: TestPostgres.url(schema: schema, user: role, password: "app-secret"))
        let events = try await appendEvents(app, trial: "A", count: 3)
        #expect(try await app.events(trial: "A") == events)
        try await app.saveProjection(trial: "A", sequence: 3, bytes: [1])
        try await app.saveProjection(trial: "A", sequence: 3, bytes: [2])
        // Personal records are the one table the application may delete from.
        let now = Date()
        try await app.savePersonalRecord(
          PersonalRecord(
            kind: "contactRequest", id: "r1", scope: "HZ", createdAt: now,
            expiresAt: now.addingTimeInterval(60),
            bytes: [1]))
        #expect(try await app.personalRecords(kind: "contactRequest", scope: "HZ", at: now).count == 1)
        #expect(try await app.deletePersonalRecord(kind: "contactRequest", id: "r1"))
        // The owner drops the trigger: the role still cannot change history.
        try await harness.dropEventTriggers()
        for sql in [
          "UPDATE events SET kind = 'x' WHERE trial = 'A'", "DELETE FROM events WHERE trial = 'A'",
          "UPDATE checkpoints SET sequence = 1", "DROP TRIGGER checkpoints_append_only ON checkpoints",
        ] {
          do {
            try await app.executeRaw(sql)
            Issue.record("the application role could run: \(sql)")
          } catch let error as StoreError {
            #expect(
              error.description.contains("permission denied") || error.description.contains("must be owner"),
              "\(error)")
          }
        }
        #expect(try await harness.store.events(trial: "A") == events)
        try await app.close()
      } catch {
        try? await owner.dropApplicationRole(name: role)
        throw error
      }
      try await owner.dropApplicationRole(name: role)
    }
  }
}
