import Foundation
import Inputs
import Testing
import TrialModel

@testable import Eligibility

/// Issue 12: the language and the record say what criteria say — anchors at enrolment, an event's
/// route, a test's specimen and method, ongoing states, the latest result after the last
/// treatment, plans, measurement conditions, viral loads, sex-specific facts and boundaries.
/// Each expectation follows from the criterion's text, not from the evaluator.
struct CriteriaVocabularyTests {
  /// A record screened on 2026-11-20 with `fields` (JSON object members) added.
  static func patient(_ fields: String) throws -> PatientRecord {
    try record(#"{"screeningDate": "2026-11-20", \#(fields)}"#)
  }

  static func history(_ events: String, complete: Bool = true) -> String {
    #""history": {"complete": \#(complete), "events": [\#(events)]}"#
  }

  // MARK: 1. enrolment anchor

  @Test(arguments: [
    ("2026-09-10", Verdict.met),  // exactly 3 months before enrolment (2026-12-10): start included
    ("2026-09-09", .notMet),  // a day earlier: outside
  ])
  func cd19WithinThreeMonthsBeforeEnrolment(date: String, expected: Verdict) throws {
    let p = try Self.patient(
      #""enrollmentDate": "2026-12-10", "antigens": [{"antigen": "CD19", "result": "positive", "date": "\#(date)"}]"#
    )
    let result = try verdict("cd19 within 3 months before enrollment", p)
    #expect(result.verdict == expected, "\(result.evidence)")
    // Anchored at screening, 2026-09-09 would have been inside (≥ 2026-08-20).
    #expect(try verdict("cd19 within 3 months before screening", p).verdict == .met)
  }

  @Test func enrolmentIsOnOrAfterScreeningAndItsAbsenceIsNamed() throws {
    #expect(throws: InputError.self) { try Self.patient(#""enrollmentDate": "2026-11-19""#) }
    let p = try Self.patient(
      #""antigens": [{"antigen": "CD19", "result": "positive", "date": "2026-09-01"}]"#)
    let result = try verdict("cd19 within 3 months before enrolment", p)
    #expect(result.verdict == .missing)
    #expect(result.missing == ["enrollmentDate"])
  }

  @Test func anUnrecordedFutureAnchorSaysTheVerdictIsAsOfScreening() throws {
    let p = try Self.patient(Self.history(""))
    let result = try verdict("steroid within 3 days before infusion", p)
    #expect(result.verdict == .notMet)
    #expect(
      result.evidence.contains("before infusion (date not recorded; as of screening)"), "\(result.evidence)")
  }

  // MARK: 10. boundaries: since(EVENT, ANCHOR) >= / >

  @Test(arguments: [
    ("2026-09-10", ">=", Verdict.met),  // exactly 3 months before infusion 2026-12-10: at least 3 months
    ("2026-09-10", ">", .notMet),  // … but not more than 3 months
    ("2026-09-11", ">=", .notMet),  // a day short
    ("2026-09-09", ">", .met),
  ])
  func atLeastThreeMonthsFromSCTAtInfusion(hsct: String, op: String, expected: Verdict) throws {
    let p = try Self.patient(
      #""plannedInfusionDate": "2026-12-10", \#(Self.history(#"{"class": "hsct.allogeneic", "date": "\#(hsct)"}"#))"#
    )
    let result = try verdict("since(hsct, infusion) \(op) 3 months", p)
    #expect(result.verdict == expected, "\(result.evidence)")
  }

  /// `since` counts from an exposure's last day: a course stopped exactly 1 month before
  /// screening (2026-10-20) has been stopped "for at least 1 month", one a day later has not, an
  /// ongoing one has not stopped, and a state without an end leaves the time unknown.
  @Test(arguments: [
    (#""endDate": "2026-10-20""#, Verdict.met),
    (#""endDate": "2026-10-21""#, .notMet),
    (#""ongoing": true"#, .notMet),
  ])
  func sinceCountsFromTheLastDay(end: String, expected: Verdict) throws {
    let p = try Self.patient(
      Self.history(#"{"class": "immunosuppressant", "date": "2026-04-01", \#(end)}"#))
    let result = try verdict("since(immunosuppressant) >= 1 months", p)
    #expect(result.verdict == expected, "\(result.evidence)")
  }

  @Test func sinceAStateWithoutAnEndIsMissingIt() throws {
    let p = try Self.patient(Self.history(#"{"class": "gvhd.acute", "date": "2026-04-01"}"#))
    let result = try verdict("since(gvhd) >= 1 months", p)
    #expect(result.verdict == .missing)
    #expect(result.missing == ["history.events[0].endDate"])
  }

  @Test func sinceAnUnrecordedInfusionIsAtLeastTheTimeAtScreening() throws {
    let long = try Self.patient(Self.history(#"{"class": "hsct.allogeneic", "date": "2026-01-01"}"#))
    #expect(try verdict("since(hsct, infusion) >= 3 months", long).verdict == .met)
    let short = try Self.patient(Self.history(#"{"class": "hsct.allogeneic", "date": "2026-11-01"}"#))
    let result = try verdict("since(hsct, infusion) >= 3 months", short)
    #expect(result.verdict == .missing)
    #expect(result.missing == ["plannedInfusionDate"])
  }

  @Test func sinceConsentIsAnError() {
    #expect(throws: ExpressionError.self) {
      try ExpressionCompiler(settings: .init()).compile("since(hsct, consent) > 3 months")
    }
  }

  // MARK: 2. route and dose

  @Test(arguments: [
    (#""route": "inhaled", "prednisoneEquivalentMgPerDay": 40"#, Verdict.notMet),  // locally used: excepted
    (#""route": "topical", "prednisoneEquivalentMgPerDay": 40"#, .notMet),
    (#""route": "oral", "prednisoneEquivalentMgPerDay": 40"#, .met),  // oral is systemic
    (#""route": "systemic", "prednisoneEquivalentMgPerDay": 15"#, .notMet),  // > 15: 15 is not more
    (#""route": "systemic", "prednisoneEquivalentMgPerDay": 15.5"#, .met),
    (#""prednisoneEquivalentMgPerDay": 40"#, .missing),  // route not recorded
  ])
  func systemicSteroidsExceptLocallyUsed(fields: String, expected: Verdict) throws {
    let p = try Self.patient(Self.history(#"{"class": "steroid", "date": "2026-11-19", \#(fields)}"#))
    let result = try verdict("steroid[route == systemic, dose > 15] within 3 days before screening", p)
    #expect(result.verdict == expected, "\(result.evidence)")
    if expected == .missing { #expect(result.missing == ["history.events[0].route"]) }
  }

  @Test func routeLocalSelectsTopicalAndInhaled() throws {
    let p = try Self.patient(Self.history(#"{"class": "steroid", "date": "2026-11-19", "route": "inhaled"}"#))
    #expect(try verdict("steroid[route == local] within 3 days", p).verdict == .met)
    #expect(try verdict("steroid[route != local] within 3 days", p).verdict == .notMet)
    #expect(throws: (any Error).self) { try verdict("steroid[route == nasal] within 3 days", p) }
  }

  // MARK: 3. specimen and method

  @Test(arguments: [
    ("bone marrow", Verdict.met), ("peripheral blood", .met), ("lymph node", .notMet), ("csf", .notMet),
  ])
  func cd19PositiveInMarrowOrBlood(specimen: String, expected: Verdict) throws {
    let p = try Self.patient(
      #""antigens": [{"antigen": "CD19", "result": "positive", "date": "2026-11-01", "method": "IHC", "specimen": "\#(specimen)"}]"#
    )
    let result = try verdict("cd19[specimen in (boneMarrow, peripheralBlood)]", p)
    #expect(result.verdict == expected, "\(result.evidence)")
  }

  @Test func anUnrecordedSpecimenIsNamed() throws {
    let p = try Self.patient(
      #""antigens": [{"antigen": "CD19", "result": "positive", "date": "2026-11-01"}]"#)
    let result = try verdict("cd19[specimen == boneMarrow, method == flowCytometry]", p)
    #expect(result.verdict == .missing)
    #expect(result.missing == ["antigens[CD19].specimen"])
    #expect(throws: InputError.self) {
      try Self.patient(#""antigens": [{"antigen": "CD19", "result": "positive", "specimen": "urine"}]"#)
    }
  }

  // MARK: 4. ongoing states

  @Test(arguments: [
    (#""ongoing": true"#, Verdict.met),  // began 5 months ago, still active: present in the window
    (#""endDate": "2026-08-20""#, .met),  // resolved on the window's first day
    (#""endDate": "2026-08-19""#, .notMet),  // resolved the day before the window
    ("", .missing),  // a state with no resolution recorded
  ])
  func activeGvhdWithinThreeMonths(end: String, expected: Verdict) throws {
    let extra = end.isEmpty ? "" : ", \(end)"
    let p = try Self.patient(
      Self.history(#"{"class": "gvhd.acute", "date": "2026-06-20", "grade": 2\#(extra)}"#))
    let result = try verdict("gvhd[grade >= 2] within 3 months before screening", p)
    #expect(result.verdict == expected, "\(result.evidence)")
    if expected == .missing { #expect(result.missing == ["history.events[0].endDate"]) }
    #expect(
      try verdict("ongoing(gvhd)", p).verdict
        == (end.contains("ongoing") ? .met : end.isEmpty ? .missing : .notMet))
  }

  @Test func endDatesAreChecked() {
    #expect(throws: InputError.self) {
      try Self.patient(Self.history(#"{"class": "gvhd", "date": "2026-06-20", "endDate": "2026-06-19"}"#))
    }
    #expect(throws: InputError.self) {
      try Self.patient(
        Self.history(#"{"class": "gvhd", "date": "2026-06-20", "endDate": "2026-07-01", "ongoing": true}"#))
    }
  }

  // MARK: 5. latest result, after the last treatment

  static let stillExpressed = "latest(cd19 after any(chemotherapy, carT) within 1 months before consent)"

  static func sequence(_ antigens: String, complete: Bool = true) throws -> PatientRecord {
    try patient(
      #""consent": {"signed": true, "date": "2026-11-18"}, "antigens": [\#(antigens)], \#(history(#"{"class": "chemotherapy.cytarabine", "date": "2026-10-25"}"#, complete: complete))"#
    )
  }

  @Test func aPositiveFollowedByANegativeIsNotStillExpressed() throws {
    let p = try Self.sequence(
      #"{"antigen": "CD19", "result": "positive", "date": "2026-11-01"}, {"antigen": "CD19", "result": "negative", "date": "2026-11-10"}"#
    )
    #expect(try verdict(Self.stillExpressed, p).verdict == .notMet)
    // "any positive in the window" would have passed it.
    #expect(try verdict("cd19 within 1 months before consent", p).verdict == .met)
  }

  @Test func aResultBeforeTheLastTreatmentDoesNotCount() throws {
    let before = try Self.sequence(#"{"antigen": "CD19", "result": "positive", "date": "2026-10-25"}"#)
    let result = try verdict(Self.stillExpressed, before)
    #expect(result.verdict == .notMet, "\(result.evidence)")  // same day as the last dose: not after it
    let after = try Self.sequence(#"{"antigen": "CD19", "result": "positive", "date": "2026-10-26"}"#)
    #expect(try verdict(Self.stillExpressed, after).verdict == .met)
    let unsure = try Self.sequence(
      #"{"antigen": "CD19", "result": "positive", "date": "2026-10-26"}"#, complete: false)
    #expect(try verdict(Self.stillExpressed, unsure).missing == ["history.complete"])
  }

  // MARK: 6. plans

  @Test(arguments: [
    ("2027-01-07", Verdict.met),  // 4 weeks after infusion 2026-12-10: the end is included
    ("2027-01-08", .notMet),
  ])
  func plannedSurgeryWithinFourWeeksAfterInfusion(date: String, expected: Verdict) throws {
    let p = try Self.patient(
      #""plannedInfusionDate": "2026-12-10", "plans": {"complete": true, "events": [{"class": "surgery.major", "date": "\#(date)"}]}"#
    )
    #expect(try verdict("planned(surgery.major) within 4 weeks after infusion", p).verdict == expected)
  }

  @Test func plansNeedTheirCompletenessAndOnlyPlansLookAhead() throws {
    let none = try Self.patient(#""plannedInfusionDate": "2026-12-10""#)
    #expect(
      try verdict("planned(pregnancy) within 1 years after infusion", none).missing == ["plans.complete"])
    #expect(throws: (any Error).self) { try verdict("surgery within 4 weeks after infusion", none) }
  }

  // MARK: 7. measurement conditions

  @Test func spo2OnRoomAirAndLvefByEcho() throws {
    let p = try Self.patient(
      #""labs": {"spo2": {"value": 95, "unit": "%", "oxygen": "supplemental"}, "lvef": {"value": 55, "unit": "%", "method": "echo"}}"#
    )
    let spo2 = try verdict("spo2[oxygen == roomAir] > 91 %", p)
    #expect(spo2.verdict == .missing)
    #expect(spo2.evidence.contains("does not count: needs roomAir"), "\(spo2.evidence)")
    #expect(try verdict("spo2 > 91 %", p).verdict == .met)
    #expect(try verdict("lvef[method in (echocardiography, muga)] >= 50 %", p).verdict == .met)
    let unknown = try Self.patient(#""labs": {"lvef": {"value": 55, "unit": "%"}}"#)
    #expect(try verdict("lvef[method == echocardiography] >= 50 %", unknown).missing == ["labs.lvef.method"])
  }

  // MARK: 8. viral loads

  @Test(arguments: [
    (#""result": "positive", "value": 1999"#, Verdict.met),
    (#""result": "positive", "value": 2000"#, .notMet),
    (#""result": "negative""#, .met), (#""result": "positive""#, .missing),
    (#""result": "positive", "value": 5000, "unit": "copies/mL""#, .missing),
  ])
  func hbvDnaBelow2000(fields: String, expected: Verdict) throws {
    let p = try Self.patient(#""viralTests": [{"test": "HBV-DNA", \#(fields)}]"#)
    let result = try verdict("viral.hbvDna < 2000 IU/mL", p)
    #expect(result.verdict == expected, "\(result.evidence)")
  }

  @Test func viralLoadsArePlausibleAndOnlyOnNucleicAcidTests() {
    #expect(throws: InputError.self) {
      try Self.patient(#""viralTests": [{"test": "HBsAg", "result": "positive", "value": 3}]"#)
    }
    #expect(throws: InputError.self) {
      try Self.patient(#""viralTests": [{"test": "HBV-DNA", "result": "positive", "value": 1e12}]"#)
    }
    #expect(throws: ExpressionError.self) {
      try ExpressionCompiler(settings: .init()).compile("viral.hbvDna < 2000 mg/dL")
    }
  }

  // MARK: 9. sex- and partner-dependent facts

  @Test func pregnancyIsNotAskedOfMen() throws {
    let man = try Self.patient(#""demographics": {"sex": "male"}"#)
    let result = try verdict("pregnant or lactating", man)
    #expect(result.verdict == .notMet)
    #expect(result.evidence.contains("pregnant: not applicable (male)"))
    let woman = try Self.patient(#""demographics": {"sex": "female"}"#)
    #expect(try verdict("pregnant", woman).missing == ["conditions.pregnant"])
    let unknown = try Self.patient("\"id\": \"x\"")
    #expect(try verdict("pregnant", unknown).missing == ["conditions.pregnant", "demographics.sex"])
  }

  @Test func contraceptionOnlyForFertileWomenAndMenWithFertilePartners() throws {
    let rule = "if childbearingPotential or partnerChildbearingPotential then contraceptionAgreed else true"
    let postMenopausal = try Self.patient(
      #""demographics": {"sex": "female"}, "conditions": {"childbearingPotential": false}"#)
    #expect(try verdict(rule, postMenopausal).verdict == .met)
    let man = try Self.patient(
      #""demographics": {"sex": "male"}, "conditions": {"partnerChildbearingPotential": true}"#)
    #expect(try verdict(rule, man).missing == ["conditions.contraceptionAgreed"])
  }
}
