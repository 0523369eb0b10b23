import Foundation
import Inputs
import Testing
import TrialConduct
import TrialModel

@testable import TrialStore

/// The ledger's cached logs, which writers change in place: whatever the interleaving of writers,
/// readers, refusals and other processes' writes, the log a ledger answers is the stored log
/// folded, and its state the fold of its own events. Each race takes about a second alone; the
/// limits leave room for a full parallel run on 2 cores, where a clean-clone run once took over a
/// minute with the browser flow and the API fuzzing beside it.
@Suite("The ledger's log cache")
struct LedgerCacheTests {
  typealias Fixture = LedgerEngineTests

  /// The log folded again from its own events gives its state (a state left half-changed by a
  /// refused or overtaken command would not).
  static func consistent(_ log: TrialLog) throws -> Bool {
    TrialOverview(try TrialLog(log.events).state, asOf: Fixture.afterWindow)
      == TrialOverview(log.state, asOf: Fixture.afterWindow)
  }

  /// The ledger's log has exactly the stored events, and folds as a fresh read does.
  static func matchesStore(_ ledger: TrialLedger, _ store: any EventStore) async throws {
    let log = try await ledger.log(Fixture.trial)
    let stored = try await store.events(trial: Fixture.trial)
    #expect(log.events.count == stored.count)
    let same = log.events.map { EventCoding.encode($0.event) } == stored.map(\.bytes)
    #expect(same, "the ledger's log differs from the stored events")
    let fresh = try await Fixture.ledger(store).freshLog(Fixture.trial)
    #expect(
      TrialOverview(log.state, asOf: Fixture.afterWindow)
        == TrialOverview(fresh.state, asOf: Fixture.afterWindow))
  }

  @Test(
    "writers and readers at once on one ledger: readers see whole commands, refusals leave no trace",
    .timeLimit(.minutes(3)))
  func writersAndReaders() async throws {
    try await Harness.with(.sqlite) { harness in
      let ledger = Fixture.ledger(harness.store)
      let ids = (1...12).map { "W-\($0)" }
      try await Fixture.prepare(ledger, subjects: ids)
      let prepared = try await ledger.log(Fixture.trial).events.count
      let (refusals, readsConsistent) = await withTaskGroup(of: (Int, Bool).self) { group in
        for id in ids {
          group.addTask {
            do {
              try await ledger.record(
                .enroll(subject: id, group: nil), in: Fixture.trial, by: Fixture.coordinator,
                today: Fixture.start)
              return (0, true)
            } catch { return (1, true) }
          }
        }
        for _ in 0..<24 {
          group.addTask {
            guard let log = try? await ledger.log(Fixture.trial) else { return (0, false) }
            return (0, (try? Self.consistent(log)) == true && log.events.count >= prepared)
          }
        }
        var refusals = 0
        var consistent = true
        for await (refused, ok) in group {
          refusals += refused
          consistent = consistent && ok
        }
        return (refusals, consistent)
      }
      #expect(refusals == 9)
      #expect(readsConsistent)
      let log = try await ledger.log(Fixture.trial)
      #expect(log.events.count == prepared + 3)
      #expect(try Self.consistent(log))
      try await Self.matchesStore(ledger, harness.store)
    }
  }

  @Test(
    "two ledgers (two processes) recording at once: each one's log is the stored log",
    .timeLimit(.minutes(3)), arguments: Engine.databases)
  func twoLedgers(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let ids = ["S-1", "S-2", "S-3"]
      let first = Fixture.ledger(harness.store)
      try await Fixture.prepare(first, subjects: ids)
      for id in ids {
        try await first.record(
          .enroll(subject: id, group: nil), in: Fixture.trial, by: Fixture.coordinator, today: Fixture.start)
        try await first.record(
          .infuse(subject: id, date: Fixture.start, weightKg: 58), in: Fixture.trial, by: Fixture.coordinator,
          today: Fixture.start)
      }
      let otherStore = try await harness.another()
      let second = Fixture.ledger(otherStore)
      // Each (subject, day) once, alternately through either ledger, all at once.
      let entries = ids.flatMap { id in (1...8).map { (id, $0) } }
      let failures = await withTaskGroup(of: String?.self) { group in
        for (n, (id, day)) in entries.enumerated() {
          let ledger = n.isMultiple(of: 2) ? first : second
          group.addTask {
            do {
              try await ledger.record(
                .record(subject: id, entry: #"{"day": \#(day), "crsGrade": 1}"#, file: "e.json"),
                in: Fixture.trial, by: Fixture.coordinator, today: Fixture.afterWindow)
              return nil
            } catch { return "\(id) day \(day): \(error)" }
          }
        }
        var failures: [String] = []
        for await failure in group { if let failure { failures.append(failure) } }
        return failures
      }
      #expect(failures.isEmpty, "\(failures)")
      try await Self.matchesStore(first, harness.store)
      try await Self.matchesStore(second, harness.store)
      let log = try await second.log(Fixture.trial)
      #expect(log.state.orderedSubjects.map { $0.assessments.count } == [8, 8, 8])
      try await otherStore.close()
    }
  }
}
