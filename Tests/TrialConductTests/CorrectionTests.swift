import Inputs
import Testing
import TrialModel

@testable import TrialConduct

/// Corrections are read in place of the event they correct, which stays in the log unchanged;
/// signatures are recorded against a sequence.
@Suite struct CorrectionTests {
  /// An NCT05350787 subject infused at 58 kg (level 1, 5.0e6 cells/kg → 2.9e8 cells); returns the
  /// infusion's sequence.
  static func infusedTrial() throws -> (ConductTrial, Int) {
    var trial = try ConductTrial("NCT05350787")
    try trial.enrolled("S-01")
    try trial.infused("S-01", weightKg: 58)
    let seq = try #require(trial.events.last { $0.event.kind == .infused }?.sequence)
    return (trial, seq)
  }

  @Test func correctedWeightRecomputesTheDose() throws {
    var (trial, seq) = try Self.infusedTrial()
    #expect(abs((trial.state.subjects["S-01"]?.infusion?.dose.cells ?? 0) - 2.9e8) < 1)
    let original = trial.events[seq - 1]
    let date = trial.today
    trial.advance(days: 1)
    try trial.run(
      .correct(
        sequence: seq, reason: "weight was 64 kg, transcribed as 58",
        command: .infuse(subject: "S-01", date: date, weightKg: 64)), by: People.coordinator)
    let dose = try #require(trial.state.subjects["S-01"]?.infusion?.dose)
    #expect(dose.weightKg == 64)
    #expect(abs(dose.cells - 3.2e8) < 1, "5.0e6 cells/kg × 64 kg")
    #expect(trial.events[seq - 1] == original, "the original stays in the log, unchanged")
    #expect(trial.events.last?.event.kind == .correction)
    #expect(trial.state.corrections[seq]?.first?.reason == "weight was 64 kg, transcribed as 58")
    // The refold reads the correction in place too.
    let refold = try TrialState.fold(trial.events)
    #expect(refold.subjects["S-01"] == trial.state.subjects["S-01"])
  }

  /// The corrected assessment replaces the original in the DLT record: a grade 4 CRS corrected to
  /// grade 1 is no longer a DLT.
  @Test func correctedAssessmentChangesTheComputedOutcome() throws {
    var (trial, _) = try Self.infusedTrial()
    trial.advance(days: 3)
    try trial.recordCourse("S-01", .dlt)
    let seq = trial.events.count
    try trial.run(
      .correct(
        sequence: seq, reason: "grade entered on the wrong subject",
        command: .record(subject: "S-01", entry: ConductFixture.grade1CRS(day: 3), file: "e.json")),
      by: People.coordinator)
    #expect(trial.state.subjects["S-01"]?.assessments.count == 1)
    #expect(trial.state.subjects["S-01"]?.assessments.first?.entry.crsGrade == 1)
    trial.advance(days: 28)
    try trial.adjudicate("S-01", .noDlt)
  }

  @Test func correctionWithoutAReasonIsRefused() throws {
    let (trial, seq) = try Self.infusedTrial()
    trial.expectRefused(
      .correct(
        sequence: seq, reason: " ", command: .infuse(subject: "S-01", date: trial.today, weightKg: 64)),
      by: People.coordinator, .missing, field: "reason", "a reason")
  }

  @Test func nonCorrectableKindsAreRefused() throws {
    let (trial, _) = try Self.infusedTrial()
    let enrolled = try #require(trial.events.first { $0.event.kind == .enrolled }?.sequence)
    trial.expectRefused(
      .correct(sequence: enrolled, reason: "wrong cohort", command: .enroll(subject: "S-01", group: nil)),
      by: People.coordinator, field: "seq", "never corrected", "event \(enrolled) is enrolled")
    trial.expectRefused(
      .correct(sequence: 99, reason: "x", command: .consent(subject: "S-01", date: trial.today)),
      by: People.coordinator, .notFound, field: "seq", "1 to \(trial.events.count)")
  }

  @Test func correctionOfAnotherKindIsRefused() throws {
    let (trial, seq) = try Self.infusedTrial()
    trial.expectRefused(
      .correct(sequence: seq, reason: "x", command: .consent(subject: "S-01", date: trial.today)),
      by: People.coordinator, field: "entry", "same kind (infused)", "consentSigned")
  }

  @Test func correctionOfAnotherSubjectIsRefused() throws {
    var (trial, seq) = try Self.infusedTrial()
    try trial.enrolled("S-02")
    try trial.lymphodeplete("S-02")
    trial.expectRefused(
      .correct(
        sequence: seq, reason: "x", command: .infuse(subject: "S-02", date: trial.today, weightKg: 60)),
      by: People.coordinator, field: "entry", "S-01", "S-02")
  }

  @Test func correctionIsCheckedLikeTheCommand() throws {
    let (trial, seq) = try Self.infusedTrial()
    trial.expectRefused(
      .correct(
        sequence: seq, reason: "x",
        command: .infuse(subject: "S-01", date: trial.today.adding(days: 3), weightKg: 64)),
      by: People.coordinator, .invalidValue, field: "date", "not after today")
    trial.expectRefused(
      .correct(
        sequence: seq, reason: "x", command: .infuse(subject: "S-01", date: trial.today, weightKg: 64)),
      by: People.monitor, .forbidden, field: "role")
  }

  @Test func signaturesAreRecordedAgainstASequence() throws {
    var (trial, seq) = try Self.infusedTrial()
    try trial.run(.sign(sequence: seq, meaning: .responsibility), by: People.investigator)
    try trial.run(.sign(sequence: seq, meaning: .review), by: People.monitor)
    let signatures = try #require(trial.state.signatures[seq])
    #expect(signatures.map(\.sequence) == [seq + 1, seq + 2])
    #expect(
      signatures.map(\.signature) == [
        Signature(sequence: seq, signer: "Dr Chen", meaning: .responsibility),
        Signature(sequence: seq, signer: "M. Monitor", meaning: .review),
      ])
    let signed = trial.events.suffix(2)
    #expect(signed.allSatisfy { $0.event.kind == .signature })
    #expect(signed.first?.event.actor == People.investigator)
    trial.expectRefused(
      .sign(sequence: trial.events.count + 1, meaning: .review), by: People.monitor, .notFound, field: "seq")
  }
}
