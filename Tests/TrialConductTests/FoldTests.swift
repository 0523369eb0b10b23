import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// The fold of a recorded trial equals the state worked out by hand from the protocol's design.
@Suite struct FoldTests {
  /// One subject of NCT05350787 through every status, each step checked as it is recorded.
  @Test func subjectStatusFollowsTheCourse() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.screen("S-01")
    #expect(trial.state.subjects["S-01"]?.status == .screened)
    #expect(trial.state.subjects["S-01"]?.pendingAttestations == ["I7", "E12"])
    #expect(trial.state.subjects["S-01"]?.eligibility == .pendingAttestation)
    try trial.attestAll("S-01")
    #expect(trial.state.subjects["S-01"]?.eligibility == .eligible)
    #expect(trial.state.subjects["S-01"]?.status == .screened)
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    #expect(trial.state.subjects["S-01"]?.status == .consented)
    try trial.run(.enroll(subject: "S-01", group: nil), by: People.coordinator)
    let s = try #require(trial.state.subjects["S-01"])
    #expect(s.status == .enrolled)
    #expect(s.enrolment == Enrolled(subject: "S-01", group: "main", cohort: 1, level: 1))
    try trial.lymphodeplete("S-01")
    #expect(trial.state.subjects["S-01"]?.status == .lymphodepleted)
    trial.advance(days: 5)
    try trial.run(.infuse(subject: "S-01", date: trial.today, weightKg: 58), by: People.coordinator)
    #expect(trial.state.subjects["S-01"]?.status == .inDLTWindow)
    trial.advance(days: 2)
    try trial.recordCourse("S-01", .noDlt)
    trial.advance(days: 26)
    try trial.adjudicate("S-01", .noDlt)
    #expect(trial.state.subjects["S-01"]?.status == .evaluable)
    #expect(trial.state.subjects["S-01"]?.adjudication?.outcome == .noDlt)
    #expect(trial.state.subjects["S-01"]?.site == "HZ")
  }

  /// 3+3 (classic) on NCT05350787: 0/3 at level 1 escalates to level 2; 1/3 at level 2 stays there
  /// for three more. Cohorts, tallies and the recommendation at every step, as the design says.
  @Test func threePlusThreeTwoCohorts() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    var group = try #require(trial.state.group("main"))
    #expect(group.opening == .open)
    #expect(group.cohorts.count == 1)
    #expect(group.cohorts[0].status == .enrolling)
    #expect(group.cohorts[0].freeSlots == 2)
    try trial.enrolled("S-02")
    try trial.enrolled("S-03")
    group = try #require(trial.state.group("main"))
    #expect(group.cohorts[0].members == ["S-01", "S-02", "S-03"])
    #expect(group.cohorts[0].status == .inDLTWindow)
    #expect(group.cohorts[0].level == 1)
    for id in ["S-01", "S-02", "S-03"] { try trial.infused(id) }
    trial.advance(days: 3)
    for id in ["S-01", "S-02", "S-03"] { try trial.recordCourse(id, .noDlt) }
    trial.advance(days: 28)
    try trial.adjudicate("S-01", .noDlt)
    try trial.adjudicate("S-02", .noDlt)
    #expect(trial.state.group("main")?.recommendation == nil, "one outcome still open: 0/3 or 1/3 differ")
    let added = try trial.run(
      .adjudicate(subject: "S-03", outcome: .noDlt, reason: nil), by: People.investigator)
    #expect(added.map(\.event.kind) == [.dltAdjudicated, .recommendationMade])
    #expect(added.last?.event.actor == .system)

    group = try #require(trial.state.group("main"))
    let first = try #require(group.recommendation)
    #expect(first.cohort == 1 && first.level == 1)
    #expect(first.decision == "E")
    #expect(first.nextLevel == 2)
    #expect(!first.explanation.isEmpty)
    #expect(first.design == "3+3")
    #expect(first.counts.map { [$0.level, $0.patients, $0.dlts] } == [[1, 3, 0], [2, 0, 0], [3, 0, 0]])
    #expect(group.cohorts[0].status == .awaitingDecision)
    #expect(group.currentLevel == 1, "the level changes only when the decision is confirmed")

    try trial.run(.confirm(group: "main"), by: People.investigator)
    group = try #require(trial.state.group("main"))
    #expect(group.cohorts[0].status == .decided)
    #expect(group.currentLevel == 2)
    #expect(group.decisions.count == 1 && group.decisions[0].overrideReason == nil)

    try trial.cohort(["S-04", "S-05", "S-06"], [.noDlt, .dlt, .noDlt])
    group = try #require(trial.state.group("main"))
    #expect(group.cohorts.map(\.level) == [1, 2])
    #expect(group.cohorts[1].members == ["S-04", "S-05", "S-06"])
    #expect(group.cohorts[1].status == .awaitingDecision)
    #expect(
      trial.state.tallies(group: "main").map { [$0.level, $0.patients, $0.dlts] } == [
        [1, 3, 0], [2, 3, 1], [3, 0, 0],
      ])
    let second = try #require(group.recommendation)
    #expect(second.cohort == 2 && second.level == 2)
    #expect(second.decision == "S", "1/3 DLTs: stay and expand the level to 6")
    #expect(second.nextLevel == 2)
    #expect(!second.explanation.isEmpty)
    #expect(trial.state.subjects["S-05"]?.status == .evaluable)
    #expect(trial.state.subjects["S-05"]?.adjudication?.outcome == .dlt)

    try trial.run(.confirm(group: "main"), by: People.reviewer)
    try trial.enrolled("S-07")
    #expect(
      trial.state.subjects["S-07"]?.enrolment == Enrolled(subject: "S-07", group: "main", cohort: 3, level: 2)
    )
    #expect(trial.state.orderedSubjects.map(\.id) == (1...7).map { "S-0\($0)" })
  }

  /// 2 DLTs among 3 at level 2 decide the classic 3+3 whatever the third outcome (2/3 and 3/3 both
  /// stop, the MTD being level 1; Storer 1989): the recommendation comes before the third is
  /// adjudicated, and says so.
  @Test func recommendationRobustOverPendingOutcomes() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.cohort(["S-01", "S-02", "S-03"], [.noDlt, .noDlt, .noDlt])
    try trial.run(.confirm(group: "main"), by: People.investigator)
    for id in ["S-04", "S-05", "S-06"] { try trial.enrolled(id) }
    for id in ["S-04", "S-05", "S-06"] { try trial.infused(id) }
    trial.advance(days: 3)
    try trial.recordCourse("S-04", .dlt)
    try trial.adjudicate("S-04", .dlt)
    #expect(trial.state.group("main")?.recommendation?.cohort == 1, "1 DLT of 3: not decided yet")
    try trial.recordCourse("S-05", .dlt)
    try trial.adjudicate("S-05", .dlt)
    let r = try #require(trial.state.group("main")?.recommendation)
    #expect(r.cohort == 2)
    #expect(r.nextLevel == nil)
    #expect(r.stopReason != nil)
    #expect(r.explanation.first?.contains("1 patient still to be evaluated") == true)
    #expect(trial.state.subjects["S-06"]?.status == .inDLTWindow)
    #expect(trial.state.group("main")?.cohorts[1].status == .awaitingDecision)
  }

  /// NCT07470073: group B (12–17 years) waits until group A has cleared level 1, then opens.
  @Test func groupBOpensWhenGroupAClearsLevelOne() throws {
    var trial = try ConductTrial("NCT07470073")
    let teen = try ConductFixture.adolescent()
    guard case .waiting(let why) = trial.state.group("B")?.opening else {
      Issue.record("group B should wait: \(String(describing: trial.state.group("B")?.opening))")
      return
    }
    #expect(why.contains("group A") && why.contains("level 1"))
    #expect(trial.state.group("A")?.opening == .open)
    try trial.eligible("T-01", patient: teen, group: "B")
    trial.expectRefused(
      .enroll(subject: "T-01", group: "B"), by: People.coordinator, field: "group", "open group", "waiting")

    try trial.cohort(["A-01", "A-02", "A-03"], [.noDlt, .noDlt, .noDlt], group: "A")
    #expect(trial.state.group("A")?.recommendation?.nextLevel == 2)
    #expect(trial.state.group("B")?.opening != .open, "a recommendation is not yet a decision")
    try trial.run(.confirm(group: "A"), by: People.investigator)
    #expect(trial.state.group("B")?.opening == .open)
    try trial.run(.enroll(subject: "T-01", group: "B"), by: People.coordinator)
    #expect(
      trial.state.subjects["T-01"]?.enrolment == Enrolled(subject: "T-01", group: "B", cohort: 1, level: 1))
    #expect(trial.state.group("A")?.currentLevel == 2)
  }
}
