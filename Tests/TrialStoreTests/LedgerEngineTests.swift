import Foundation
import Inputs
import ProtocolFiles
import TestSupport
import Testing
import TrialConduct
import TrialModel

@testable import TrialStore

/// Trials conducted through `TrialLedger` (the layer the CLI and the server share) on both database
/// engines: the same commands give the same chain and the same state, a refusal writes nothing,
/// racing enrolments from separate clients are re-checked, and `verify` finds tampering.
@Suite("Conduct on SQLite and PostgreSQL")
struct LedgerEngineTests {
  static let trial = "NCT05350787"
  static let admin = Actor(name: "A. Admin", role: .administrator)
  static let coordinator = Actor(name: "C. Coordinator", role: .coordinator, site: "HZ")
  static let investigator = Actor(name: "Dr Chen", role: .investigator, site: "HZ")
  /// The day subjects are screened, consented, enrolled and infused.
  static let start = CalendarDate(iso: "2026-11-20")!
  /// The day their DLT windows have closed.
  static let afterWindow = start.adding(days: 28)
  static let signer = try! CheckpointSigner(seed: Array(repeating: 7, count: 32))

  /// A ledger on `store` with a fixed clock, so that both engines record the same bytes.
  static func ledger(_ store: any EventStore) -> TrialLedger {
    let now = Date(timeIntervalSince1970: Double(afterWindow.dayNumber * 86_400 + 43_200))
    return TrialLedger(store: store, signer: signer, clock: { now })
  }

  /// Opens the trial, activates site HZ, and screens, attests and consents `subjects` (eligible).
  static func prepare(_ ledger: TrialLedger, subjects: [String]) async throws {
    let url = try #require(BundledProtocols.url(forID: trial))
    _ = try await ledger.open(
      trial: nil, protocolText: try String(contentsOf: url, encoding: .utf8), by: admin)
    try await ledger.record(.activateSite(site: "HZ", name: "Hangzhou"), in: trial, by: admin, today: start)
    for id in subjects {
      let patient = try ExamplePatient.record(id: id)
      let screen = ConductCommand.screen(
        subject: id, site: nil, group: nil, patientRecord: patient, file: "\(id).json")
      try await ledger.record(screen, in: trial, by: coordinator, today: start)
      let pending = try #require(try await ledger.log(trial).state.subjects[id]).pendingAttestations
      let attest = ConductCommand.attest(subject: id, criteria: pending, satisfied: true, note: nil)
      try await ledger.record(attest, in: trial, by: investigator, today: start)
      try await ledger.record(.consent(subject: id, date: start), in: trial, by: coordinator, today: start)
    }
  }

  /// A whole first cohort: three subjects enrolled, infused, assessed and adjudicated, and the
  /// design's recommendation confirmed (which signs a checkpoint).
  static func firstCohort(_ ledger: TrialLedger) async throws {
    let ids = ["S-1", "S-2", "S-3"]
    try await prepare(ledger, subjects: ids)
    for id in ids {
      try await ledger.record(.enroll(subject: id, group: nil), in: trial, by: coordinator, today: start)
      let infuse = ConductCommand.infuse(subject: id, date: start, weightKg: 58)
      try await ledger.record(infuse, in: trial, by: coordinator, today: start)
    }
    for (day, id) in ids.enumerated() {
      let entry = #"{"day": \#(day + 1), "crsGrade": 1}"#
      try await ledger.record(
        .record(subject: id, entry: entry, file: "e.json"), in: trial, by: coordinator, today: afterWindow)
      try await ledger.record(
        .adjudicate(subject: id, outcome: .noDlt, reason: nil), in: trial, by: investigator,
        today: afterWindow)
    }
    try await ledger.record(.confirm(group: "main"), in: trial, by: investigator, today: afterWindow)
  }

  @Test("the same commands give the same chain, byte for byte, and the same state on both engines")
  func sameFoldOnBothEngines() async throws {
    var chains: [Engine: [StoredEvent]] = [:]
    var overviews: [Engine: TrialOverview] = [:]
    for engine in Engine.databases {
      try await Harness.with(engine) { harness in
        let ledger = Self.ledger(harness.store)
        try await Self.firstCohort(ledger)
        // Folded again from the stored bytes, by a ledger that has read nothing before.
        let state = try await Self.ledger(try await harness.another()).freshLog(Self.trial).state
        let group = try #require(state.groups.first)
        #expect(group.cohorts.map(\.status) == [.decided])
        #expect(group.currentLevel == 2)
        #expect(state.orderedSubjects.map(\.status) == [.evaluable, .evaluable, .evaluable])
        #expect(state.orderedSubjects.map(\.assessments.count) == [1, 1, 1])
        let overview = TrialOverview(state, asOf: Self.afterWindow)
        let answer = try await ledger.rebuild(Self.trial)
        #expect(answer.cached != nil)
        #expect(answer.agreed)
        #expect(answer.rebuilt == overview)
        let report = try await ledger.verify(Self.trial)
        #expect(report.intact, "\(report.problems)")
        #expect(report.checkpointsChecked == 1)
        chains[engine] = try await harness.store.events(trial: Self.trial)
        overviews[engine] = overview
      }
    }
    let sqlite = try #require(chains[.sqlite])
    let postgres = try #require(chains[.postgres])
    #expect(sqlite.count > 20)
    #expect(postgres.map(\.sequence) == sqlite.map(\.sequence))
    #expect(postgres.map(\.kind) == sqlite.map(\.kind))
    #expect(postgres.map(\.bytes) == sqlite.map(\.bytes))
    #expect(postgres.map(\.hash) == sqlite.map(\.hash))
    #expect(overviews[.postgres] == overviews[.sqlite])
  }

  @Test("a refused command writes nothing", arguments: Engine.databases)
  func refusalWritesNothing(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let ledger = Self.ledger(harness.store)
      try await Self.prepare(ledger, subjects: ["S-1"])
      let before = try await harness.store.events(trial: Self.trial)
      // Never screened; not enrolled; no recommendation to confirm.
      let refused: [(ConductCommand, Actor, String)] = [
        (.enroll(subject: "X-9", group: nil), Self.coordinator, "X-9"),
        (.infuse(subject: "S-1", date: Self.start, weightKg: 58), Self.coordinator, "S-1"),
        (.confirm(group: "main"), Self.investigator, "main"),
      ]
      for (command, actor, named) in refused {
        do {
          try await ledger.record(command, in: Self.trial, by: actor, today: Self.start)
          Issue.record("\(command) was recorded")
        } catch let error as InputError {
          #expect(error.description.contains(named), "\(error)")
        }
      }
      #expect(try await harness.store.events(trial: Self.trial) == before)
      #expect(try await harness.store.head(trial: Self.trial)?.sequence == before.count)
    }
  }

  @Test(
    "20 clients enrolling at once into a three-slot cohort: 3 enrolled, 17 told it is full",
    arguments: Engine.databases)
  func racingEnrolments(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let ids = (1...20).map { "R-\($0)" }
      try await Self.prepare(Self.ledger(harness.store), subjects: ids)
      let prepared = try #require(try await harness.store.head(trial: Self.trial)).sequence
      var stores: [any EventStore] = []
      for _ in ids { stores.append(try await harness.another()) }
      let outcomes = await withTaskGroup(of: String?.self) { group in
        for (id, store) in zip(ids, stores) {
          group.addTask {
            do {
              try await Self.ledger(store).record(
                .enroll(subject: id, group: nil), in: Self.trial, by: Self.coordinator, today: Self.start)
              return nil
            } catch {
              return "\(error)"
            }
          }
        }
        var outcomes: [String?] = []
        for await outcome in group { outcomes.append(outcome) }
        return outcomes
      }
      for store in stores { try await store.close() }
      let refusals = outcomes.compactMap { $0 }
      #expect(outcomes.count == 20)
      #expect(refusals.count == 17)
      #expect(refusals.allSatisfy { $0.contains("is full (3 of 3)") }, "\(refusals)")
      let log = try await Self.ledger(harness.store).freshLog(Self.trial)
      #expect(log.events.count == prepared + 3)
      #expect(log.state.groups.first?.cohorts.map(\.members.count) == [3])
      #expect(log.state.orderedSubjects.filter { $0.enrolment != nil }.count == 3)
      #expect(try await Self.ledger(harness.store).verify(Self.trial).intact)
    }
  }

  @Test("verify names a changed event, and an appended event that does not read", arguments: Engine.databases)
  func verifyFindsTampering(engine: Engine) async throws {
    try await Harness.with(engine) { harness in
      let ledger = Self.ledger(harness.store)
      try await Self.firstCohort(ledger)
      #expect(try await ledger.verify(Self.trial).intact)
      // An event that reads and chains, but is no event: found by reading the log.
      let head = try #require(try await harness.store.head(trial: Self.trial))
      _ = try await harness.store.append(
        trial: Self.trial, sequence: head.sequence + 1, kind: "enrolled", bytes: Array("{}".utf8))
      let unreadable = try await ledger.verify(Self.trial)
      #expect(!unreadable.intact)
      #expect(unreadable.problems.map(\.sequence) == [head.sequence + 1])
      // A changed byte in an enrolment (S-1 becomes S-2): found by its hash.
      let events = try await harness.store.events(trial: Self.trial)
      let enrolment = try #require(events.first { $0.kind == "enrolled" })
      let changed = Array(
        String(decoding: enrolment.bytes, as: UTF8.self).replacingOccurrences(of: "S-1", with: "S-2").utf8)
      #expect(changed != enrolment.bytes)
      try await harness.dropEventTriggers()
      try await harness.raw(
        "UPDATE events SET bytes = \(harness.blob(changed)) WHERE trial = '\(Self.trial)' AND sequence = \(enrolment.sequence)"
      )
      let report = try await ledger.verify(Self.trial)
      #expect(!report.intact)
      #expect(report.problems.first?.sequence == enrolment.sequence)
      #expect(report.problems.first?.what.contains("hash") == true, "\(report.problems)")
    }
  }
}
