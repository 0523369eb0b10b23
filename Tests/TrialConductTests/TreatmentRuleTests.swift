import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// Infusion, dates, assessments and DLT adjudication: each rule refused with its reason, nothing added.
@Suite struct TreatmentRuleTests {
  /// NCT05350787 level 1 is 5.0e6 cells/kg, no cap: 70 kg → 3.5e8 cells.
  @Test func perKilogramDoseFromTheWeightRecorded() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01", weightKg: 70)
    let dose = try #require(trial.state.subjects["S-01"]?.infusion?.dose)
    #expect(dose.level == 1)
    #expect(abs(dose.cells - 3.5e8) < 1)
    #expect(abs(dose.cellsPerKg - 5.0e6) < 1e-3)
    #expect(dose.capped == false)
    #expect(dose.weightKg == 70)
  }

  /// NCT07470073 group B level 1 is 3.0e6 cells/kg with at most 1.5e8 cells: 40 kg → 1.2e8 (under
  /// the cap); 60 kg → 1.8e8 capped to 1.5e8, i.e. 2.5e6 cells/kg. Group A level 1 is a flat 3.0e8.
  @Test func capsApplyFromTheWeight() throws {
    var trial = try ConductTrial("NCT07470073")
    try trial.cohort(["A-01", "A-02", "A-03"], [.noDlt, .noDlt, .noDlt], group: "A")
    let flat = try #require(trial.state.subjects["A-01"]?.infusion?.dose)
    #expect(flat.cells == 3.0e8)
    #expect(abs(flat.cellsPerKg - 3.0e8 / 58) < 1e-3)
    #expect(!flat.capped)
    try trial.run(.confirm(group: "A"), by: People.investigator)
    let teen = try ConductFixture.adolescent()
    try trial.enrolled("B-01", patient: teen, group: "B")
    try trial.enrolled("B-02", patient: teen, group: "B")
    try trial.infused("B-01", weightKg: 40)
    try trial.infused("B-02", weightKg: 60)
    let light = try #require(trial.state.subjects["B-01"]?.infusion?.dose)
    #expect(abs(light.cells - 1.2e8) < 1)
    #expect(!light.capped)
    let heavy = try #require(trial.state.subjects["B-02"]?.infusion?.dose)
    #expect(heavy.cells == 1.5e8)
    #expect(abs(heavy.uncappedCells - 1.8e8) < 1)
    #expect(heavy.capped)
    #expect(abs(heavy.cellsPerKg - 2.5e6) < 1e-3)
  }

  @Test func implausibleWeightIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    trial.expectRefused(
      .infuse(subject: "S-01", date: trial.today, weightKg: 0.1), by: People.coordinator, .invalidValue,
      field: "weightKg", "0.1 kg")
  }

  @Test func infusingTwiceIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01")
    let infused = trial.today
    trial.advance(days: 1)
    trial.expectRefused(
      .infuse(subject: "S-01", date: trial.today, weightKg: 58), by: People.coordinator, field: "subject",
      "a subject not yet infused", "infused on \(infused)")
  }

  @Test func assessingASubjectNotEnrolledIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.eligible("S-01")
    trial.expectRefused(
      .record(subject: "S-01", entry: ConductFixture.grade1CRS(day: 1), file: "e.json"),
      by: People.coordinator,
      field: "subject", "an enrolled subject", "S-01 is not enrolled")
    trial.expectRefused(
      .infuse(subject: "S-01", date: trial.today, weightKg: 58), by: People.coordinator, field: "subject",
      "not enrolled")
    trial.expectRefused(
      .record(subject: "S-99", entry: ConductFixture.grade1CRS(day: 1), file: "e.json"),
      by: People.coordinator,
      .notFound, field: "subject", "S-99")
  }

  @Test func dateBeforeConsentIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    let consent = trial.today
    trial.expectRefused(
      .lymphodeplete(
        LymphodepletionGiven(
          subject: "S-01", date: consent.adding(days: -1),
          agents: [.init(agent: "fludarabine", mgPerM2PerDay: 30, days: 3)], bodySurfaceAreaM2: 1.7)),
      by: People.coordinator, field: "date", "on or after the subject's consent (\(consent))")
    trial.expectRefused(
      .infuse(subject: "S-01", date: consent.adding(days: -2), weightKg: 58), by: People.coordinator,
      field: "date", "consent")
  }

  @Test func futureDateIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    let tomorrow = trial.today.adding(days: 1)
    trial.expectRefused(
      .infuse(subject: "S-01", date: tomorrow, weightKg: 58), by: People.coordinator, .invalidValue,
      field: "date",
      "not after today (\(trial.today))", "\(tomorrow)")
    trial.expectRefused(
      .consent(subject: "S-01", date: tomorrow), by: People.coordinator, .invalidValue, field: "date",
      "not after today")
  }

  /// An assessment's day is a clinical date too: not after today, not before consent.
  @Test func assessmentDatedInTheFutureIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01")
    trial.advance(days: 3)
    trial.expectRefused(
      .record(subject: "S-01", entry: ConductFixture.grade1CRS(day: 10), file: "e.json"),
      by: People.coordinator,
      .invalidValue, field: "date", "not after today")
    let future = trial.today.adding(days: 2)
    trial.expectRefused(
      .record(subject: "S-01", entry: #"{"date": "\#(future)", "crsGrade": 1}"#, file: "e.json"),
      by: People.coordinator, .invalidValue, field: "date", "not after today")
    trial.expectRefused(
      .record(subject: "S-01", entry: ConductFixture.grade1CRS(day: -20), file: "e.json"),
      by: People.coordinator,
      field: "date", "consent")
    try trial.recordCourse("S-01", .noDlt)
  }

  @Test func noDLTBeforeTheWindowClosesIsRefused() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01")
    let closes = trial.today.adding(days: 28)
    trial.advance(days: 3)
    try trial.recordCourse("S-01", .noDlt)
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .noDlt, reason: nil), by: People.investigator, field: "outcome",
      "once the DLT window has closed", "\(closes)", "day 3")
    trial.advance(days: 25)
    try trial.adjudicate("S-01", .noDlt)
  }

  @Test func adjudicationDifferingFromTheRulesNeedsAReason() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01")
    trial.advance(days: 3)
    try trial.recordCourse("S-01", .dlt)
    trial.advance(days: 28)
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .noDlt, reason: nil), by: People.investigator, field: "reason",
      "differs from the protocol's rules (dlt")
    try trial.run(
      .adjudicate(subject: "S-01", outcome: .noDlt, reason: "CRS from a concurrent infection"),
      by: People.investigator)
    let adjudication = try #require(trial.state.subjects["S-01"]?.adjudication)
    #expect(adjudication.outcome == .noDlt)
    #expect(adjudication.computed.hasPrefix("dlt"))
  }

  @Test func dltAgainstANoDLTRecordNeedsAReason() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01")
    trial.advance(days: 3)
    try trial.recordCourse("S-01", .noDlt)
    trial.advance(days: 28)
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .dlt, reason: nil), by: People.investigator, field: "reason",
      "(noDlt")
  }

  @Test func notEvaluableNeedsAReason() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .notEvaluable, reason: nil), by: People.investigator, .missing,
      field: "reason", "a reason")
  }

  @Test func adjudicationsStandOnceTheRecommendationIsRecorded() throws {
    var trial = try ConductTrial("NCT05350787")
    try trial.cohort(["S-01", "S-02", "S-03"], [.noDlt, .noDlt, .noDlt])
    trial.expectRefused(
      .adjudicate(subject: "S-01", outcome: .dlt, reason: "late review"), by: People.investigator,
      field: "subject", "its adjudications stand")
  }

  // MARK: - Replacement

  @Test func offStudyBeforeInfusionFreesTheSlot() throws {
    var trial = try ConductTrial("NCT05350787")
    for id in ["S-01", "S-02", "S-03"] { try trial.enrolled(id) }
    try trial.run(
      .offStudy(subject: "S-02", date: trial.today, reason: .withdrawn, detail: nil), by: People.coordinator)
    let cohort = try #require(trial.state.group("main")?.cohorts.first)
    #expect(cohort.members == ["S-01", "S-03"])
    #expect(cohort.replaced == ["S-02"])
    #expect(cohort.freeSlots == 1)
    #expect(cohort.status == .enrolling)
    #expect(trial.state.subjects["S-02"]?.replaced == true)
    #expect(trial.state.subjects["S-02"]?.status == .offStudy)
    try trial.enrolled("S-04")
    #expect(
      trial.state.subjects["S-04"]?.enrolment == Enrolled(subject: "S-04", group: "main", cohort: 1, level: 1)
    )
    #expect(trial.state.enrolledCount(group: "main") == 3)
  }

  @Test func notEvaluableFreesTheSlot() throws {
    var trial = try ConductTrial("NCT05350787")
    for id in ["S-01", "S-02", "S-03"] { try trial.enrolled(id) }
    try trial.infused("S-01")
    try trial.run(
      .adjudicate(subject: "S-01", outcome: .notEvaluable, reason: "infusion interrupted"),
      by: People.investigator)
    #expect(trial.state.subjects["S-01"]?.status == .notEvaluable)
    #expect(trial.state.group("main")?.cohorts.first?.members == ["S-02", "S-03"])
    try trial.enrolled("S-04")
    #expect(trial.state.subjects["S-04"]?.enrolment?.cohort == 1)
  }

  @Test func offStudyAfterInfusionKeepsTheSlot() throws {
    var trial = try ConductTrial("NCT05350787")
    for id in ["S-01", "S-02", "S-03"] { try trial.enrolled(id) }
    try trial.infused("S-01")
    try trial.run(
      .offStudy(subject: "S-01", date: trial.today, reason: .died, detail: nil), by: People.coordinator)
    #expect(trial.state.group("main")?.cohorts.first?.members == ["S-01", "S-02", "S-03"])
    try trial.eligible("S-04")
    trial.expectRefused(
      .enroll(subject: "S-04", group: nil), by: People.coordinator, field: "group", "is full")
  }

  @Test func protocolWithoutReplacementKeepsTheSlot() throws {
    let text = try ConductFixture.protocolText(
      "NCT05350787", appending: "conduct: {replaceNotEvaluable: false}")
    var trial = try ConductTrial("NCT05350787", text: text)
    #expect(trial.state.protocolInForce.conduct.replaceNotEvaluable == false)
    for id in ["S-01", "S-02", "S-03"] { try trial.enrolled(id) }
    try trial.run(
      .offStudy(subject: "S-02", date: trial.today, reason: .withdrawn, detail: nil), by: People.coordinator)
    try trial.infused("S-01")
    try trial.run(
      .adjudicate(subject: "S-01", outcome: .notEvaluable, reason: "infusion interrupted"),
      by: People.investigator)
    let cohort = try #require(trial.state.group("main")?.cohorts.first)
    #expect(cohort.members == ["S-01", "S-02", "S-03"])
    #expect(cohort.replaced.isEmpty)
    try trial.eligible("S-04")
    trial.expectRefused(
      .enroll(subject: "S-04", group: nil), by: People.coordinator, field: "group", "is full")
  }
}
