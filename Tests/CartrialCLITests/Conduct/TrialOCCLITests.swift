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

    let bad = f.run(["trial", "oc", "NCT05350787", "--truth", "0.05,0.15"])
    #expect(bad.status != 0 && bad.stderr.contains("--truth: expected 3 DLT probabilities"))
    let noGroup = f.run(["trial", "oc", "NCT05350787", "--group", "X", "--truth", "0.05,0.15,0.3"])
    #expect(noGroup.status != 0 && noGroup.stderr.contains("--group"))
  }
}
