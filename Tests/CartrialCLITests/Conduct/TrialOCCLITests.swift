import Foundation
import Testing

/// `cartrial trial oc`: the conditional operating characteristics of a trial's group read from the
/// store, checked against the trial's own status (its counts, its stop).
@Suite struct TrialOCCLITests {
  @Test func aStoppedGroupHasOneOutcomeAndItsCountsAreTheStatusCounts() throws {
    let f = try ConductFixture()
    #expect(f.run(["demo", "--protocol", "NCT05350787"]).status == 0)
    let status = f.run(["trial", "status", "NCT05350787", "--format", "json"])
    let overview = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    let group = try #require((overview["groups"] as? [[String: Any]])?.first)
    let levels = try #require(group["levels"] as? [[String: Any]])
    let treated = levels.compactMap { $0["patients"] as? Int }.reduce(0, +)
    let dlts = levels.compactMap { $0["dlts"] as? Int }.reduce(0, +)
    #expect(treated > 0)

    let run = f.run(["trial", "oc", "NCT05350787", "--truth", "0.05,0.15,0.3", "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let answer = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let state = try #require(answer["fromState"] as? [String: Any])
    let oc = try #require(answer["characteristics"] as? [String: Any])
    #expect(state["treatedPatients"] as? Int == treated && state["observedDLTs"] as? Int == dlts)
    // The demo's group has stopped: nothing is still to come, and one selection has probability 1.
    #expect(group["status"] as? String == "closed")
    #expect(state["remainingPatients"] as? Double == 0)
    let selection = try #require(oc["selection"] as? [Double])
    #expect(selection.filter { $0 == 1 }.count + ((oc["noSelection"] as? Double) == 1 ? 1 : 0) == 1)

    // Posterior predictive: the truth column is each level's posterior mean under Beta(1, 1).
    let predictive = f.run(["trial", "oc", "NCT05350787", "--predictive", "--format", "json"])
    #expect(predictive.status == 0, "\(predictive.stderr)")
    let p = try #require(
      try JSONSerialization.jsonObject(with: Data(predictive.stdout.utf8)) as? [String: Any])
    let means = try #require((p["characteristics"] as? [String: Any])?["truth"] as? [Double])
    let expected = levels.map {
      (1 + Double($0["dlts"] as? Int ?? 0)) / (2 + Double($0["patients"] as? Int ?? 0))
    }
    #expect(means.count == expected.count && zip(means, expected).allSatisfy { abs($0 - $1) <= 1e-12 })
    #expect((p["fromState"] as? [String: Any])?["treatedPatients"] as? Int == treated)
    #expect(f.run(["trial", "oc", "NCT05350787"]).status != 0)

    let bad = f.run(["trial", "oc", "NCT05350787", "--truth", "0.05,0.15"])
    #expect(bad.status != 0 && bad.stderr.contains("--truth: expected 3 DLT probabilities"))
    let noGroup = f.run(["trial", "oc", "NCT05350787", "--group", "X", "--truth", "0.05,0.15,0.3"])
    #expect(noGroup.status != 0 && noGroup.stderr.contains("--group"))
  }
}
