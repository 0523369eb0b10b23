import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// Every event of a long recorded trial through its canonical bytes and back, then refolded: the
/// same state.
@Suite struct RoundTripTests {
  /// NCT07470073: group A escalates, group B opens and enrols; treatments, samples, disease
  /// assessments, an off-study, a correction, an override and signatures along the way.
  static func longTrial() throws -> ConductTrial {
    var trial = try ConductTrial("NCT07470073")
    try trial.cohort(["A-01", "A-02", "A-03"], [.noDlt, .noDlt, .noDlt], group: "A")
    try trial.run(.confirm(group: "A"), by: People.investigator)
    try trial.cohort(["A-04", "A-05", "A-06"], [.dlt, .noDlt, .noDlt], group: "A")
    try trial.run(.override(group: "A", level: 1, reason: "SRC: the DLT was severe"), by: People.reviewer)
    try trial.run(
      .treat(
        ConcomitantTreatment(
          subject: "A-04", date: trial.today, agent: "tocilizumab", dose: "8 mg/kg", purpose: .crs)),
      by: People.coordinator)
    try trial.run(
      .sample(
        KineticsSampled(subject: "A-01", day: 7, value: 12_000, unit: "copies/µg DNA", belowLLOQ: false)),
      by: People.coordinator)
    try trial.run(
      .sample(KineticsSampled(subject: "A-01", day: 60, value: nil, unit: "copies/µg DNA", belowLLOQ: true)),
      by: People.coordinator)
    try trial.run(
      .assessDisease(
        subject: "A-01",
        assessment: #"{"day": 28, "marrowBlastsPercent": 1, "mrd": {"value": 0, "sensitivity": 1e-5}}"#,
        file: "d.json"),
      by: People.coordinator)
    let teen = try ConductFixture.adolescent(weightKg: 50)
    try trial.enrolled("B-01", patient: teen, group: "B")
    try trial.enrolled("B-02", patient: teen, group: "B")
    try trial.run(
      .offStudy(subject: "B-02", date: trial.today, reason: .withdrawn, detail: "family"),
      by: People.coordinator)
    try trial.infused("B-01", weightKg: 50)
    let infusion = trial.events.count
    try trial.run(
      .correct(
        sequence: infusion, reason: "weight 52 kg",
        command: .infuse(subject: "B-01", date: trial.today, weightKg: 52)),
      by: People.coordinator)
    try trial.run(.sign(sequence: infusion, meaning: .responsibility), by: People.investigator)
    for day in 1...20 {
      try trial.run(
        .record(subject: "B-01", entry: ConductFixture.grade1CRS(day: 0), file: "e\(day).json"),
        by: People.coordinator)
    }
    return trial
  }

  @Test func encodedEventsRefoldToTheSameState() throws {
    let trial = try Self.longTrial()
    #expect(trial.events.count > 80)
    #expect(Set(trial.events.map(\.event.kind)).count >= 18, "most kinds of event")
    let decoded = try trial.events.map { e in
      RecordedEvent(
        sequence: e.sequence, event: try EventCoding.decode(EventCoding.encode(e.event), sequence: e.sequence)
      )
    }
    #expect(decoded == trial.events)
    let refold = try TrialState.fold(decoded)
    let state = trial.state
    #expect(refold.trial == state.trial)
    #expect(refold.protocolHash == state.protocolHash)
    #expect(refold.protocolText == state.protocolText)
    #expect(refold.sites == state.sites)
    #expect(refold.groups == state.groups)
    #expect(refold.subjects == state.subjects)
    #expect(refold.subjectOrder == state.subjectOrder)
    #expect(refold.signatures == state.signatures)
    #expect(refold.corrections == state.corrections)
    #expect(refold.kinds == state.kinds)
    #expect(refold.eventSubjects == state.eventSubjects)
    #expect(refold.protocolInForce == state.protocolInForce)
  }

  /// The state the log builds incrementally is the state of folding it whole.
  @Test func incrementalStateEqualsTheFold() throws {
    let trial = try Self.longTrial()
    let fold = try TrialState.fold(trial.events)
    #expect(fold.groups == trial.state.groups)
    #expect(fold.subjects == trial.state.subjects)
    #expect(trial.state.group("B")?.cohorts.first?.replaced == ["B-02"])
    #expect(trial.state.subjects["B-01"]?.infusion?.dose.weightKg == 52)
    #expect(trial.state.group("A")?.decisions.map(\.overrideReason) == [nil, "SRC: the DLT was severe"])
  }

  @Test func foldRefusesALogThatDoesNotStartWithTheOpening() throws {
    let trial = try ConductTrial("NCT05350787")
    #expect(throws: ConductError.self) { try TrialState.fold(Array(trial.events.dropFirst())) }
    #expect(throws: ConductError.self) { try TrialState.fold([]) }
    var gap = trial.events
    gap[1].sequence = 5
    #expect(throws: ConductError.self) { try TrialState.fold(gap) }
  }
}
