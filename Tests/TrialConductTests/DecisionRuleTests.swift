import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// Overrides may stay or go down, never above the recommendation (unless the protocol allows it),
/// never to an untried level beyond the next, never to an eliminated level, always with a reason.
@Suite struct DecisionRuleTests {
  /// NCT05350787 after 0/3 at level 1 (E → 2) and 1/3 at level 2 (S → 2).
  static func twoCohorts(text: String? = nil) throws -> ConductTrial {
    var trial = try ConductTrial("NCT05350787", text: text)
    try trial.cohort(["S-01", "S-02", "S-03"], [.noDlt, .noDlt, .noDlt])
    try trial.run(.confirm(group: "main"), by: People.investigator)
    try trial.cohort(["S-04", "S-05", "S-06"], [.noDlt, .dlt, .noDlt])
    return trial
  }

  @Test func overrideAboveTheRecommendationIsRefused() throws {
    let trial = try Self.twoCohorts()
    #expect(trial.state.group("main")?.pendingRecommendation?.nextLevel == 2)
    trial.expectRefused(
      .override(group: "main", level: 3, reason: "sponsor request"), by: People.investigator, field: "level",
      "at or below the recommendation (2)", "3")
  }

  @Test func overrideDownWithAReasonIsRecorded() throws {
    var trial = try Self.twoCohorts()
    trial.expectRefused(
      .override(group: "main", level: 1, reason: ""), by: People.investigator, .missing, field: "reason")
    try trial.run(
      .override(group: "main", level: 1, reason: "grade 3 ICANS in S-04"), by: People.investigator)
    let group = try #require(trial.state.group("main"))
    #expect(group.currentLevel == 1)
    #expect(group.decisions.last?.overrideReason == "grade 3 ICANS in S-04")
    #expect(group.decisions.last?.level == 1)
    #expect(group.cohorts[1].status == .decided)
    try trial.enrolled("S-07")
    #expect(trial.state.subjects["S-07"]?.enrolment?.level == 1, "the next cohort at the overridden level")
  }

  @Test func protocolMayAllowGoingAbove() throws {
    let text = try ConductFixture.protocolText(
      "NCT05350787", appending: "conduct: {overrideAboveRecommendation: true}")
    var trial = try Self.twoCohorts(text: text)
    try trial.run(
      .override(group: "main", level: 3, reason: "SRC judged the DLT unrelated"), by: People.reviewer)
    #expect(trial.state.group("main")?.currentLevel == 3)
  }

  @Test func skippingAnUntriedLevelIsRefusedEvenWhenGoingAboveIsAllowed() throws {
    let text = try ConductFixture.protocolText(
      "NCT05350787", appending: "conduct: {overrideAboveRecommendation: true}")
    var trial = try ConductTrial("NCT05350787", text: text)
    try trial.cohort(["S-01", "S-02", "S-03"], [.noDlt, .noDlt, .noDlt])
    trial.expectRefused(
      .override(group: "main", level: 3, reason: "fast"), by: People.investigator, field: "level",
      "no untried level skipped", "1")
  }

  @Test func unknownLevelIsRefused() throws {
    let trial = try Self.twoCohorts()
    guard let error = trial.refusal(.override(group: "main", level: 9, reason: "x"), by: People.investigator)
    else { return }
    #expect(error.field == "level")
  }

  /// i3+3 on NCT07470073 group A: 3/3 DLTs at level 1 give DU (Pr(p > 0.3 | 3/3) = 1 − 0.3⁴ ≈ 0.99 >
  /// 0.95): level 1 and above are eliminated, the next cohort goes to level −1, and no override or
  /// enrolment may assign an eliminated level again.
  @Test func eliminatedLevelsAreNeverAssignedAgain() throws {
    var trial = try ConductTrial("NCT07470073")
    try trial.cohort(["A-01", "A-02", "A-03"], [.dlt, .dlt, .dlt], group: "A")
    let r = try #require(trial.state.group("A")?.pendingRecommendation)
    #expect(r.decision == "DU")
    #expect(r.nextLevel == -1)
    #expect(r.eliminated.contains(1))
    #expect(trial.state.group("A")?.eliminated.contains(1) == true)
    trial.expectRefused(
      .override(group: "A", level: 1, reason: "believe it is safe"), by: People.investigator, field: "level",
      "not eliminated", "1")
    try trial.run(.confirm(group: "A"), by: People.investigator)
    try trial.enrolled("A-04", group: "A")
    #expect(trial.state.subjects["A-04"]?.enrolment?.level == -1)
  }

  @Test func decidingTwiceIsRefused() throws {
    var trial = try Self.twoCohorts()
    try trial.run(.confirm(group: "main"), by: People.investigator)
    trial.expectRefused(
      .confirm(group: "main"), by: People.investigator, field: "group", "none for group main")
    trial.expectRefused(
      .override(group: "main", level: 1, reason: "x"), by: People.investigator, field: "group",
      "awaiting decision")
  }
}
