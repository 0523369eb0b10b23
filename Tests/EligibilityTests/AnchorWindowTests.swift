import Foundation
import Inputs
import Testing
import TrialModel

@testable import Eligibility

/// `EVENT within SPAN before ANCHOR` is the window [anchor − span, anchor] (issue 11: a steroid the
/// day after consent was reported "within 2 weeks before consent").
struct AnchorWindowTests {
  /// Screening 2026-11-20; consent 2026-11-16 (when `consent` is true); one steroid on `steroid`.
  static func patient(steroid: String, consent: String? = "2026-11-16", infusion: String? = nil) throws
    -> PatientRecord
  {
    let consentJSON = consent.map { #", "date": "\#($0)""# } ?? ""
    let infusionJSON = infusion.map { #""plannedInfusionDate": "\#($0)", "# } ?? ""
    return try record(
      #"""
      {"screeningDate": "2026-11-20", \#(infusionJSON)"consent": {"signed": true\#(consentJSON)},
       "history": {"complete": true, "events": [{"class": "steroid", "date": "\#(steroid)"}]}}
      """#)
  }

  @Test(arguments: [
    ("2026-11-17", Verdict.notMet),  // the day after consent: not "before consent"
    ("2026-11-20", .notMet),  // on the screening date, after consent
    ("2026-11-16", .met),  // on the consent date: the window's end is included
    ("2026-11-02", .met),  // exactly 2 weeks before consent: the start is included
    ("2026-11-01", .notMet),  // 15 days before consent
  ])
  func consentWindowEndsAtConsent(steroid: String, expected: Verdict) throws {
    let result = try verdict("steroid within 2 weeks before consent", Self.patient(steroid: steroid))
    #expect(result.verdict == expected, "\(result.evidence)")
    // The evidence names the steroid as within the window exactly when it is.
    #expect(
      result.evidence.contains("steroid on \(steroid) within") == (expected == .met), "\(result.evidence)")
  }

  @Test func anEventAfterConsentIsSaidToBeOutsideTheWindow() throws {
    let result = try verdict("steroid within 2 weeks before consent", Self.patient(steroid: "2026-11-17"))
    #expect(result.verdict == .notMet)
    #expect(result.evidence.contains("no steroid within 2 weeks before consent (2026-11-16)"))
    #expect(result.evidence.contains("steroid on 2026-11-17 is after consent, outside the window"))
  }

  @Test func anUndatedConsentLeavesEveryMatchingEventUndecided() throws {
    // Consent is on or before screening, at an unknown date: before, an event in the 2 weeks before
    // screening counted as "before consent".
    let result = try verdict(
      "steroid within 2 weeks before consent", Self.patient(steroid: "2026-11-19", consent: nil))
    #expect(result.verdict == .missing)
    #expect(result.missing == ["consent.date"])
  }

  @Test func eventsBeforeAFutureAnchorAreInItsWindow() throws {
    // Infusion 2026-12-10, 20 days after screening: a steroid the day before screening is within
    // 3 weeks before infusion, one 22 days before infusion is not.
    let near = try Self.patient(steroid: "2026-11-19", infusion: "2026-12-10")
    #expect(try verdict("steroid within 3 weeks before infusion", near).verdict == .met)
    let far = try Self.patient(steroid: "2026-11-18", infusion: "2026-12-10")
    #expect(try verdict("steroid within 3 weeks before infusion", far).verdict == .notMet)
  }

  @Test func theBundledExampleNoLongerClaimsASteroidBeforeConsent() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "../../Examples/patients/P-0001.json")
    let patient = try PatientRecord(json: Data(contentsOf: url))
    #expect(patient.consentDate == CivilDate(iso: "2026-11-16"))
    let result = try verdict("steroid within 2 weeks before consent", patient)
    #expect(result.verdict == .notMet)
    #expect(!result.evidence.contains("2026-11-17 within"))
  }
}
