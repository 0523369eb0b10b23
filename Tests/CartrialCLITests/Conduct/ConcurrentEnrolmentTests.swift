import Foundation
import Testing

/// Enrolments racing from many processes on one SQLite file: the store's unique (trial, sequence)
/// key makes the loser of each race re-check its command against the winner's events.
@Suite struct ConcurrentEnrolmentTests {
  @Test func twentyProcessesRaceForThreeSlots() throws {
    let f = try ConductFixture()
    let trial = "NCT05350787"
    #expect(f.run(["trial", "open", "--protocol", trial, "--role", "administrator"]).status == 0)
    let ids = (1...20).map { "R-\($0)" }
    for id in ids {
      let patient = try f.eligiblePatient(id)
      #expect(f.run(["subject", "screen", trial, "--subject", id, "--patient", patient]).status == 0)
      let attest = ["subject", "attest", trial, "--subject", id, "--criterion", "I7", "--criterion", "E12"]
      #expect(f.run(attest + ["--role", "investigator"]).status == 0)
      #expect(f.run(["subject", "consent", trial, "--subject", id, "--date", "2026-11-16"]).status == 0)
    }
    let results = Results(count: ids.count)
    DispatchQueue.concurrentPerform(iterations: ids.count) { i in
      let run = try? CLIRunner.run(["subject", "enroll", trial, "--subject", ids[i]] + f.store)
      results.set(i, run.map { ($0.status, $0.stderr) })
    }
    let outcomes = results.values.compactMap { $0 }
    #expect(outcomes.count == 20)
    #expect(outcomes.filter { $0.0 == 0 }.count == 3)
    let full = outcomes.filter { $0.0 != 0 && $0.1.contains("is full (3 of 3)") }
    #expect(full.count == 17, "\(outcomes.filter { $0.0 != 0 }.map(\.1))")

    let status = f.run(["trial", "status", trial, "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let group = try #require((json["groups"] as? [[String: Any]])?.first)
    let cohorts = try #require(group["cohorts"] as? [[String: Any]])
    #expect(cohorts.count == 1)
    #expect((cohorts.first?["members"] as? [String])?.count == 3)
    #expect(f.run(["audit", "verify", trial]).status == 0)
  }
}

/// Per-process results, each slot written by one thread.
private final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [(Int32, String)?]
  init(count: Int) { slots = Array(repeating: nil, count: count) }
  func set(_ i: Int, _ value: (Int32, String)?) { lock.withLock { slots[i] = value } }
  var values: [(Int32, String)?] { lock.withLock { slots } }
}
