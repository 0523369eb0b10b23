import Foundation
import ProtocolFiles
import Simulation
import Testing
import Trials

@testable import TrialServer

/// Simulations run as jobs: started with 202, queued behind a bounded number running, seen and
/// cancelled only by their owner, finished with the same figures as the same seeded simulation
/// run directly, and forgotten after a while.
@Suite struct SimulationJobTests {
  static let oc = "/api/v1/protocols/NCT07470073/groups/B/oc"
  static func body(trials: Int, seed: Int = 7) -> String {
    #"{"truth": [0.1, 0.3], "method": "simulation", "trials": \#(trials), "seed": \#(seed)}"#
  }

  /// Polls the job until it has ended.
  static func ended(_ client: Client, _ href: String, token: String?) async throws -> [String: Any] {
    for _ in 0..<500 {
      let job = try await client.expect(.ok, .get, href, token: token).object
      if !["queued", "running"].contains(job["status"] as? String) { return job }
      try await Task.sleep(for: .milliseconds(20))
    }
    throw Client.Unexpected(description: "\(href) did not end")
  }

  @Test func aFinishedJobHasTheSeededSimulationsFigures() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let started = try await client.expect(
        .accepted, .post, Self.oc, token: tokens["stat"], json: Self.body(trials: 5000))
      let href = try #require(started.object["href"] as? String)
      #expect(started.headers[.location] == href)
      #expect(["queued", "running", "finished"].contains(started.object["status"] as? String))
      let job = try await Self.ended(client, href, token: tokens["stat"])
      #expect(job["status"] as? String == "finished")
      let progress = try #require(job["progress"] as? [String: Any])
      #expect(progress["finishedTrials"] as? Int == 5000)
      #expect(progress["totalTrials"] as? Int == 5000)
      let design = try TrialDesign.resolve(
        DesignRequest(), protocol: try ProtocolLibrary.load("NCT07470073"), group: "B")
      let direct = try design.operatingCharacteristics(
        truth: [0.1, 0.3], method: .simulation(MonteCarloSimulation(trials: 5000, seed: 7, threads: 1)))
      #expect(sameJSON(job["result"], try jsonObject(direct)))
      let other = try await client.send(.get, href, token: tokens["coordHZ"])
      #expect(other.status == .notFound)
      #expect(other.object["field"] as? String == "/job")
      #expect(try await client.send(.delete, href, token: tokens["coordHZ"]).status == .notFound)
      server.clock.advance(seconds: 3601)
      let renewed = try await client.signIn("stat", ServerHarness.password("stat"))
      #expect(
        try await client.send(.get, href, token: renewed).status == .notFound, "forgotten after an hour")
    }
  }

  @Test func jobsQueueAreCancelledAndTheBoardIsBounded() async throws {
    let runner = HeldRunner()
    var limits = SimulationJobs.Limits()
    limits.queued = 1
    let server = try await ServerHarness.make(jobs: limits, runner: runner)
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let first = try await client.expect(
        .accepted, .post, Self.oc, token: tokens["stat"], json: Self.body(trials: 300))
      #expect(first.object["status"] as? String == "running")
      let second = try await client.expect(
        .accepted, .post, Self.oc, token: tokens["stat"], json: Self.body(trials: 200))
      #expect(second.object["status"] as? String == "queued")
      let perUser = try await client.send(.post, Self.oc, token: tokens["stat"], json: Self.body(trials: 100))
      #expect(perUser.status == .tooManyRequests, "\(perUser.text)")
      let full = try await client.send(.post, Self.oc, token: tokens["monitor"], json: Self.body(trials: 100))
      #expect(full.status == .serviceUnavailable, "\(full.text)")
      let firstHref = try #require(first.object["href"] as? String)
      let secondHref = try #require(second.object["href"] as? String)
      let cancelled = try await client.expect(.ok, .delete, secondHref, token: tokens["stat"]).object
      #expect(cancelled["status"] as? String == "cancelled")
      // A running job is marked cancelled at once; the engine runs on and its result is discarded.
      let running = try await client.expect(.ok, .delete, firstHref, token: tokens["stat"]).object
      #expect(running["status"] as? String == "cancelled")
      #expect(runner.count == 1)
      runner.release()
      let after = try await client.expect(.ok, .get, firstHref, token: tokens["stat"]).object
      #expect(after["status"] as? String == "cancelled")
      #expect(after["result"] == nil)
      #expect(
        (after["progress"] as? [String: Any])?["finishedTrials"] as? Int == 300, "the engine's progress")
      // The queue has room again: the next job starts once the cancelled one's engine has ended.
      var next: [String: Any] = [:]
      for _ in 0..<100 {
        let answer = try await client.send(
          .post, Self.oc, token: tokens["monitor"], json: Self.body(trials: 100))
        if answer.status == .accepted {
          next = answer.object
          break
        }
        try await Task.sleep(for: .milliseconds(10))
      }
      #expect(next["status"] as? String == "queued" || next["status"] as? String == "running")
    }
  }
}
