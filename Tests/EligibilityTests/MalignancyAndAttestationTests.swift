import Foundation
import Inputs
import Testing
import TrialModel

@testable import Eligibility

/// Issue 12, last gaps: malignancy history (`malignancy` events with a tumour `type`, filtered
/// with `type not in (…)`), events after consent, plan evidence, conditional attestation.
struct MalignancyAndAttestationTests {
  static func patient(_ events: String, consent: String? = "2026-11-16") throws -> PatientRecord {
    let consentField = consent.map { #", "consent": {"signed": true, "date": "\#($0)"}"# } ?? ""
    return try record(
      #"{"screeningDate": "2026-11-20", "history": {"complete": true, "events": [\#(events)]}\#(consentField)}"#
    )
  }

  // MARK: malignancy

  @Test func typeNotInIsTheComplementOfTheList() throws {
    let expression = "malignancy[type not in (basalCell, thyroid)] within 2 years before screening"
    let basal = try Self.patient(
      #"{"class": "malignancy", "date": "2026-01-01", "endDate": "2026-02-01", "type": "basalCell"}"#)
    #expect(try verdict(expression, basal).verdict == .notMet)
    let melanoma = try Self.patient(
      #"{"class": "malignancy", "date": "2026-01-01", "endDate": "2026-02-01", "type": "other"}"#)
    let result = try verdict(expression, melanoma)
    #expect(result.verdict == .met)
    #expect(result.evidence.contains("type not in basalCell or thyroid"), "\(result.evidence)")
  }

  @Test func aMalignancyIsAStateWithoutAnEndItIsUndecided() throws {
    let p = try Self.patient(#"{"class": "malignancy", "date": "2020-01-01", "type": "other"}"#)
    let result = try verdict("malignancy within 2 years before screening", p)
    #expect(result.verdict == .missing)
    #expect(result.missing == ["history.events[0].endDate"])
  }

  @Test func aTumourTypeBelongsToAMalignancyOnly() throws {
    #expect(throws: InputError.self) {
      try Self.patient(#"{"class": "steroid", "date": "2026-11-01", "type": "other"}"#)
    }
    #expect(throws: InputError.self) {
      try Self.patient(#"{"class": "malignancy", "date": "2026-11-01", "type": "melanoma"}"#)
    }
    #expect(throws: ExpressionError.self) {
      try ExpressionCompiler(settings: EligibilitySettings()).compile("malignancy[type in (melanoma)]")
    }
    #expect(throws: ExpressionError.self) {
      try ExpressionCompiler(settings: EligibilitySettings()).compile("malignancy[type not (other)]")
    }
  }

  @Test func otherMalignancyIsRetired() throws {
    #expect(BooleanFact.allCases.allSatisfy { $0.expressionName != "otherMalignancy" })
    #expect(throws: (any Error).self) { try verdict("otherMalignancy", try Self.patient("")) }
  }

  // MARK: events after consent

  @Test(arguments: [
    ("2026-11-16", Verdict.met),  // on the consent day: not after it
    ("2026-11-17", .notMet),  // the day after
    ("2026-11-20", .notMet),  // on the screening day
  ])
  func afterConsentIsFromTheDayAfterConsentToScreening(date: String, expected: Verdict) throws {
    let p = try Self.patient(#"{"class": "steroid", "date": "\#(date)"}"#)
    let result = try verdict("not (steroid after consent)", p)
    #expect(result.verdict == expected, "\(result.evidence)")
  }

  @Test func aCourseContinuingPastConsentIsAfterIt() throws {
    let p = try Self.patient(#"{"class": "immunosuppressant", "date": "2026-08-01", "ongoing": true}"#)
    let result = try verdict("immunosuppressant after consent", p)
    #expect(result.verdict == .met)
    #expect(result.evidence.contains("after consent (2026-11-16), up to screening"), "\(result.evidence)")
  }

  @Test func anUnrecordedConsentLeavesAnEventUndecided() throws {
    let p = try Self.patient(#"{"class": "steroid", "date": "2026-11-10"}"#, consent: nil)
    let result = try verdict("steroid after consent", p)
    #expect(result.verdict == .missing)
    #expect(result.missing == ["consent.date"])
  }

  @Test func afterTakesConsentOnly() {
    for expression in ["steroid after infusion", "steroid after screening"] {
      #expect(throws: ExpressionError.self, "\(expression)") {
        try ExpressionCompiler(settings: EligibilitySettings()).compile(expression)
      }
    }
  }

  // MARK: plan evidence

  @Test func planEvidenceSaysInPlans() throws {
    let p = try record(#"{"screeningDate": "2026-11-20", "plans": {"complete": true, "events": []}}"#)
    let result = try verdict("not ever(planned(surgery.major))", p)
    #expect(result.verdict == .met)
    #expect(result.evidence.contains("no planned surgery.major in plans"), "\(result.evidence)")
    #expect(!result.evidence.contains("in history"), "\(result.evidence)")
  }

  // MARK: conditional attestation

  static func conditional(_ kind: CriterionKind, expression: String? = nil) throws -> CompiledCriteria {
    try CriteriaCompiler.compile(
      protocolID: "TEST",
      criteria: [
        Criterion(
          id: kind == .exclusion ? "E1" : "I1", text: "test", kind: kind, expression: expression,
          attestationWhen: "ever(antiCD19)")
      ])
  }

  @Test func theInvestigatorIsAskedOnlyWhenTheConditionHolds() throws {
    let criteria = try Self.conditional(.exclusion)
    let untreated = try Self.patient("")
    #expect(criteria.screen(untreated).criteria[0].verdict == .met)
    #expect(criteria.screen(untreated).status == .eligible)
    let treated = try Self.patient(#"{"class": "antiCD19", "date": "2026-01-01"}"#)
    #expect(criteria.screen(treated).criteria[0].verdict == .attestation)
    #expect(criteria.screen(treated).status == .pendingAttestation)
    let unknown = try record(#"{"screeningDate": "2026-11-20"}"#)
    #expect(criteria.screen(unknown).criteria[0].verdict == .missing)
    #expect(criteria.screen(unknown).criteria[0].missing == ["history.complete"])
  }

  @Test func withAnExpressionTheExpressionDecidesWhenNoAttestationIsNeeded() throws {
    let criteria = try Self.conditional(.inclusion, expression: "ever(steroid)")
    #expect(try criteria.screen(Self.patient("")).criteria[0].verdict == .notMet)
    let steroid = try Self.patient(#"{"class": "steroid", "date": "2026-01-01"}"#)
    #expect(criteria.screen(steroid).criteria[0].verdict == .met)
    let both = try Self.patient(
      #"{"class": "steroid", "date": "2026-01-01"}, {"class": "antiCD19", "date": "2026-02-01"}"#)
    #expect(criteria.screen(both).criteria[0].verdict == .attestation)
  }

  @Test func aBadConditionIsACriteriaError() {
    #expect(throws: CriteriaError.self) {
      try CriteriaCompiler.compile(
        protocolID: "TEST",
        criteria: [Criterion(id: "E1", text: "t", kind: .exclusion, attestationWhen: "ever(nonsense)")])
    }
  }
}
