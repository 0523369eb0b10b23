import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// Enrolment: only an eligible, consented subject screened against the protocol in force, into an
/// open group with a free slot, at the group's current level; each refusal adds nothing.
@Suite struct EnrolmentRuleTests {
  @Test func ineligibleSubjectIsRefusedNamingTheCriterion() throws {
    var trial = try ConductTrial("NCT05350787")
    // ECOG 0–1 (I6) fails with ECOG 3.
    let record = try ConductFixture.patient().replacingOccurrences(of: #""score":1"#, with: #""score":3"#)
    #expect(record.contains(#""score":3"#))
    try trial.screen("S-01", patient: record)
    try trial.attestAll("S-01")
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    #expect(trial.state.subjects["S-01"]?.eligibility == .ineligible)
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "an eligible subject",
      "ineligible", "I6 notMet")
  }

  @Test func incompleteScreeningIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    let record = try ConductFixture.patient().replacingOccurrences(
      of: #""hiv":false,"#, with: "")
    try trial.screen("S-01", patient: record)
    try trial.attestAll("S-01")
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "incomplete",
      "E7 missing")
  }

  @Test func pendingAttestationIsRefusedNamingTheCriteria() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.screen("S-01")
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject",
      "awaits an investigator's attestation of I7, E12")
    try trial.run(
      .attest(subject: "S-01", criteria: ["I7"], satisfied: true, note: nil), by: People.investigator)
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "attestation of E12")
  }

  @Test func attestedAsFailingIsIneligible() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.screen("S-01")
    try trial.run(
      .attest(subject: "S-01", criteria: ["I7"], satisfied: true, note: nil), by: People.investigator)
    try trial.run(
      .attest(subject: "S-01", criteria: ["E12"], satisfied: false, note: "frail"), by: People.investigator)
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "ineligible", "E12")
  }

  /// An attestation in the patient record typed by whoever screens is not an investigator's:
  /// the criterion still awaits the investigator.
  @Test func recordAttestationIsNotTheInvestigators() throws {
    var trial = try ConductTrial("NCT05350787")
    let record = try ConductFixture.patient().replacingOccurrences(
      of: #""consent":"#,
      with:
        #""attestations":[{"protocol":"NCT05350787","criterion":"E12","verdict":"met","by":"me"},{"protocol":"NCT05350787","criterion":"I7","verdict":"met"}],"consent":"#
    )
    try trial.screen("S-01", patient: record)
    try trial.run(.consent(subject: "S-01", date: trial.today), by: People.coordinator)
    #expect(trial.state.subjects["S-01"]?.pendingAttestations == ["I7", "E12"])
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "attestation of I7, E12"
    )
  }

  @Test func withoutConsentIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.screen("S-01")
    try trial.attestAll("S-01")
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "signed consent",
      "no consent recorded")
  }

  @Test func screenedAgainstAnOlderProtocolIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.eligible("S-01")
    let amended = try ConductFixture.protocolText("NCT05350787", appending: "# amendment 1")
    try trial.run(
      .amendProtocol(text: amended, hash: ConductFixture.hash(amended), reason: "amendment 1"),
      by: People.admin)
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject",
      "a screening against the protocol in force", "screen again")
    try trial.screen("S-01")
    try trial.attestAll("S-01")
    try trial.run(.enroll(subject: "S-01", group: nil), by: People.coordinator)
    #expect(trial.state.subjects["S-01"]?.status == .enrolled)
  }

  @Test func amendmentNeedsAReasonAndANewText() throws {
    let trial = try ConductTrial("NCT05350787")
    let text = try ConductFixture.protocolText("NCT05350787")
    let amended = text + "\n# v2\n"
    trial.expectRefused(
      .amendProtocol(text: amended, hash: ConductFixture.hash(amended), reason: "  "), by: People.admin,
      .missing, field: "reason", "a reason")
    trial.expectRefused(
      .amendProtocol(text: text, hash: ConductFixture.hash(text), reason: "again"), by: People.admin,
      field: "protocol", "different from the one in force")
  }

  @Test func fullCohortIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    for id in ["S-01", "S-02", "S-03"] { try trial.enrolled(id) }
    try trial.eligible("S-04")
    trial.expectRefused(
      .enroll(subject: "S-04", group: nil), by: People.coordinator, field: "group",
      "a cohort with a free slot",
      "cohort 1 at level 1 is full (3 of 3)")
  }

  @Test func enrolmentWhileARecommendationAwaitsDecisionIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.cohort(["S-01", "S-02", "S-03"], [.noDlt, .noDlt, .noDlt])
    #expect(trial.state.group("main")?.pendingRecommendation != nil)
    try trial.eligible("S-04")
    trial.expectRefused(
      .enroll(subject: "S-04", group: nil), by: People.coordinator, field: "group",
      "awaits the decision on its recommendation")
    try trial.run(.confirm(group: "main"), by: People.investigator)
    try trial.run(.enroll(subject: "S-04", group: nil), by: People.coordinator)
    #expect(trial.state.subjects["S-04"]?.enrolment?.level == 2, "at the group's current level")
  }

  @Test func confirmWithoutARecommendationIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    trial.expectRefused(
      .confirm(group: "main"), by: People.investigator, field: "group", "a recommendation awaiting decision")
  }

  @Test func closedGroupIsRefused() throws {
    // A 3+3 that stops at level 1: 2 DLTs in the first cohort.
    var trial = try ConductTrial("NCT05350787")
    try trial.cohort(["S-01", "S-02", "S-03"], [.dlt, .dlt, .noDlt])
    let r = try #require(trial.state.group("main")?.recommendation)
    #expect(r.nextLevel == nil, "2/3 DLTs at the lowest level stop a 3+3")
    try trial.run(.confirm(group: "main"), by: People.investigator)
    guard case .closed(let why)? = trial.state.group("main")?.opening else {
      Issue.record("the group should be closed")
      return
    }
    #expect(!why.isEmpty)
    try trial.eligible("S-04")
    trial.expectRefused(
      .enroll(subject: "S-04", group: nil), by: People.coordinator, field: "group", "an open group", "closed")
  }

  /// NCT05350787 takes at most 18: with cohorts of 3, six cohorts. Here the protocol copy allows 4.
  @Test func maximumSampleSizeIsEnforced() throws {
    let text = try ConductFixture.protocolText("NCT05350787").replacingOccurrences(
      of: "maxSampleSize: {value: 18,", with: "maxSampleSize: {value: 4,")
    var trial = try ConductTrial("NCT05350787", text: text)
    try trial.cohort(["S-01", "S-02", "S-03"], [.noDlt, .noDlt, .noDlt])
    try trial.run(.confirm(group: "main"), by: People.investigator)
    try trial.enrolled("S-04")
    try trial.eligible("S-05")
    trial.expectRefused(
      .enroll(subject: "S-05", group: nil), by: People.coordinator, field: "group", "closed",
      "maximum sample size of 4")
  }

  @Test func unknownSubjectAndGroup() throws {
    var trial = try ConductTrial("NCT07470073")
    trial.expectRefused(
      .enroll(subject: "X-9", group: nil), by: People.coordinator, .notFound, field: "subject")
    try trial.eligible("A-01", group: "A")
    trial.expectRefused(
      .enroll(subject: "A-01", group: "Z"), by: People.coordinator, .notFound, field: "group")
    trial.expectRefused(
      .enroll(subject: "A-01", group: "B"), by: People.coordinator, field: "group",
      "the group A-01 was screened for (A)")
  }

  @Test func enrollingTwiceIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    trial.expectRefused(
      .enroll(subject: "S-01", group: nil), by: People.coordinator, field: "subject", "S-01 is enrolled")
    trial.expectRefused(
      .screen(subject: "S-01", site: nil, group: nil, patientRecord: try ConductFixture.patient(), file: "p"),
      by: People.coordinator, field: "subject", "is enrolled")
  }

  @Test func screeningAtAnInactiveSiteIsRefused() throws {
    let trial = try ConductTrial("NCT05350787")
    let actor = Actor(name: "X", role: .coordinator, site: "SH")
    guard
      let error = trial.refusal(
        .screen(
          subject: "S-01", site: nil, group: nil, patientRecord: try ConductFixture.patient(), file: "p"),
        by: actor)
    else { return }
    #expect(error.message.contains("SH"))
  }
}
