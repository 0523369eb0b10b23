import Foundation
import ProtocolFiles
import Testing
import TrialModel

@testable import Eligibility

/// Boundary tests at each threshold of the five seed protocols (screening on 2026-11-20).
@Suite struct SeedBoundaryTests {
  let base: PatientRecord
  let screening = CivilDate(iso: "2026-11-20")!

  init() throws { base = try record(examplePatientJSON) }

  private func result(_ trial: String, _ id: String, _ p: PatientRecord) -> CriterionResult {
    SeedProtocolTests.trial(trial).screen(p).criteria.first { $0.id == id }!
  }

  private func born(yearsBefore years: Int, plusDays days: Int = 0) -> CivilDate {
    screening.adding(years: -years).adding(days: days)
  }

  /// NCT05350787 I3: "age 18-70 (upper limit not included)".
  @Test func adultAgeWithExcludedUpperBound() {
    var p = base
    p.birthDate = born(yearsBefore: 18)
    #expect(result("NCT05350787", "I3", p).verdict == .met)
    p.birthDate = born(yearsBefore: 18, plusDays: 1)  // 17.99 y
    let young = result("NCT05350787", "I3", p)
    #expect(young.verdict == .notMet)
    #expect(young.evidence.contains("age 17.99 y"))
    p.birthDate = born(yearsBefore: 70, plusDays: 1)  // 69.99 y
    #expect(result("NCT05350787", "I3", p).verdict == .met)
    p.birthDate = born(yearsBefore: 70)
    #expect(result("NCT05350787", "I3", p).verdict == .notMet)
    p.birthDate = nil
    p[.ageYears] = 17.99
    #expect(result("NCT05350787", "I3", p).verdict == .notMet)
    p[.ageYears] = 18
    #expect(result("NCT05350787", "I3", p).verdict == .met)
  }

  /// NCT07470073 I2: "aged 12-75 years (inclusive)": 75 y 364 d is in, 76 is out, 11.99 is out.
  @Test func adolescentAndElderlyBoundsInclusive() {
    var p = base
    p.birthDate = born(yearsBefore: 12)
    #expect(result("NCT07470073", "I2", p).verdict == .met)
    p.birthDate = born(yearsBefore: 12, plusDays: 1)
    #expect(result("NCT07470073", "I2", p).verdict == .notMet)
    p.birthDate = born(yearsBefore: 76, plusDays: 1)
    #expect(result("NCT07470073", "I2", p).verdict == .met)
    p.birthDate = born(yearsBefore: 76)
    #expect(result("NCT07470073", "I2", p).verdict == .notMet)
  }

  /// NCT07470073 I7a: CrCl ≥ 30 mL/min by Cockcroft–Gault. Male, 68 y, 60 kg, SCr 2.0 mg/dL:
  /// (140 − 68) × 60 / (72 × 2.0) = 30.0; at 59.8 kg it is 29.9.
  @Test func creatinineClearanceBoundary() throws {
    var p = base
    p.birthDate = born(yearsBefore: 68)
    p.sex = .male
    p[.weight] = 60
    try p.setLab(.creatinine, value: 2.0, unit: "mg/dL")
    let at = result("NCT07470073", "I7a", p)
    #expect(at.verdict == .met)
    #expect(
      at.evidence
        == "CrCl 30 mL/min (Cockcroft–Gault, 68 y, 60 kg, 2 mg/dL, male) ≥ 30 mL/min; supportiveCareOngoing: no"
    )
    p[.weight] = 59.8
    let below = result("NCT07470073", "I7a", p)
    #expect(below.verdict == .notMet)
    #expect(below.evidence.hasPrefix("CrCl 29.9 mL/min"))
    p.sex = .female  // × 0.85
    p[.weight] = 60 / 0.85
    #expect(result("NCT07470073", "I7a", p).verdict == .met)
    p[.weight] = nil
    let missing = result("NCT07470073", "I7a", p)
    #expect(missing.verdict == .missing)
    #expect(missing.missing == ["demographics.weight"])
  }

  /// NCT05350787 I4c: "≥ 100 days after hematopoietic stem cell transplantation".
  @Test func daysSinceTransplant() throws {
    var p = base
    p.history = [
      HistoryEvent(classes: EventClass.selecting("hsct.allogeneic"), date: screening.adding(days: -100))
    ]
    let at = result("NCT05350787", "I4c", p)
    #expect(at.verdict == .met)
    #expect(at.evidence.contains("100 days before screening ≥ 100 days"))
    p.history[0].date = screening.adding(days: -99)
    #expect(result("NCT05350787", "I4c", p).verdict == .notMet)
    p.history = []
    #expect(result("NCT05350787", "I4c", p).verdict == .met)  // never transplanted
    p.historyComplete = false
    #expect(result("NCT05350787", "I4c", p).missing == ["history.complete"])
  }

  /// NCT04825496 I4b: creatinine ≤ 1.6 mg/dL with the value in µmol/L (1.6 × 88.42 = 141.472).
  @Test func creatinineInMicromolar() throws {
    var p = base
    try p.setLab(.creatinine, value: 141.472, unit: "µmol/L")
    let at = result("NCT04825496", "I4b", p)
    #expect(at.verdict == .met)
    #expect(at.evidence == "creatinine 141.47 µmol/L (1.6 mg/dL) ≤ 1.6 mg/dL")
    try p.setLab(.creatinine, value: 141.6, unit: "µmol/L")
    #expect(result("NCT04825496", "I4b", p).verdict == .notMet)
  }

  /// The Lansky age limit is a setting (default 16 y, [R]): at 13, Karnofsky applies if the limit is
  /// set to 12. No bundled protocol uses it since NCT05270772 I3 reads "Karnofsky ≥ 70 or Lansky ≥ 50".
  @Test func lanskyAgeLimitIsASetting() throws {
    let items = [
      Criterion(
        id: "I3", text: "test", kind: .inclusion,
        expression: "if age < lanskyAgeLimit then lansky >= 50 else karnofsky >= 70")
    ]
    let settings = EligibilitySettings(lanskyAgeLimit: CalendarSpan(amount: 12, unit: .years))
    let twelve = try CriteriaCompiler.compile(protocolID: "TEST", criteria: items, settings: settings)
    let sixteen = try CriteriaCompiler.compile(protocolID: "TEST", criteria: items)
    var p = base
    p.birthDate = born(yearsBefore: 13)
    p[.lansky] = 90
    p[.karnofsky] = 50
    #expect(twelve.screen(p).criteria[0].verdict == .notMet)
    #expect(sixteen.screen(p).criteria[0].verdict == .met)
    #expect(
      sixteen.screen(p).assumptions.first { $0.setting == "lanskyAgeLimit" }?.assumption.contains("[R]")
        == true)
  }

  /// NCT07470073 E10g: prednisone-equivalent > 15 mg/day within 3 days before infusion.
  @Test func steroidWashoutBeforeInfusion() {
    var p = base
    let infusion = p.plannedInfusionDate!
    p.plannedInfusionDate = screening.adding(days: 2)
    p.history = [
      HistoryEvent(classes: EventClass.selecting("steroid"), date: screening, dose: 15, route: .systemic)
    ]
    #expect(result("NCT07470073", "E10g", p).verdict == .met)
    p.history[0].dose = 15.5
    #expect(result("NCT07470073", "E10g", p).verdict == .notMet)
    p.plannedInfusionDate = screening.adding(days: 4)  // 4 days after the last dose
    #expect(result("NCT07470073", "E10g", p).verdict == .met)
    p.plannedInfusionDate = nil
    #expect(result("NCT07470073", "E10g", p).missing == ["plannedInfusionDate"])
    p.history[0].dose = nil
    p.plannedInfusionDate = infusion
    #expect(result("NCT07470073", "E10g", p).verdict == .met)  // 20 days before infusion: dose irrelevant
  }

  /// NCT07470073 E9: stem cell transplantation within 12 weeks before consent (84 days).
  @Test func transplantWithinTwelveWeeksOfConsent() {
    var p = base
    let consent = p.consentDate!
    p.history = [
      HistoryEvent(classes: EventClass.selecting("hsct.autologous"), date: consent.adding(days: -84))
    ]
    #expect(result("NCT07470073", "E9", p).verdict == .notMet)
    p.history[0].date = consent.adding(days: -85)
    #expect(result("NCT07470073", "E9", p).verdict == .met)
  }

  /// NCT07470073 I7b: the hepatobiliary-involvement exception raises the limits to 5 and 3 ×ULN.
  @Test func hepatobiliaryException() throws {
    var p = base
    try p.setLab(.alt, value: 200, unit: "U/L", uln: 40)
    p[.hepatobiliaryInvolvement] = false
    #expect(result("NCT07470073", "I7b", p).verdict == .notMet)
    p[.hepatobiliaryInvolvement] = true
    #expect(result("NCT07470073", "I7b", p).verdict == .met)
    try p.setLab(.alt, value: 200.4, unit: "U/L", uln: 40)
    #expect(result("NCT07470073", "I7b", p).verdict == .notMet)
  }

  /// The registry age range becomes criterion AGE: NCT05270772 "under 25" (25 excluded).
  @Test func registryAgeRange() {
    var p = base
    p.birthDate = born(yearsBefore: 25, plusDays: 1)
    #expect(result("NCT05270772", "AGE", p).verdict == .met)
    p.birthDate = born(yearsBefore: 25)
    #expect(result("NCT05270772", "AGE", p).verdict == .notMet)
    #expect(SeedProtocolTests.trial("NCT05270772").criteria[0].expression == "age < 25 years")
    #expect(
      SeedProtocolTests.trial("NCT04825496").criteria[0].expression
        == "age >= 18 years and completedAge <= 65 years")
  }

  @Test func attestationsAreListed() {
    let report = SeedProtocolTests.trial("NCT04825496").screen(base)
    #expect(Set(report.pendingAttestations).isSuperset(of: ["I8", "I10", "E18"]))
    let attested = SeedProtocolTests.trial("NCT05350787").screen(base).criteria.first { $0.id == "E12" }!
    #expect(attested.verdict == .met)
    #expect(attested.evidence == "attested met by Dr Chen on 2026-11-19")
  }

  @Test func emptyRecordIsIncompleteWithTheDecidingFields() throws {
    let p = try record(#"{"demographics": {"birthDate": "2016-01-01"}}"#)
    let report = SeedProtocolTests.trial("NCT05270772").screen(p)
    #expect(report.status == .incomplete)
    let i3 = report.criteria.first { $0.id == "I3" }!
    #expect(i3.verdict == .missing)
    // "Karnofsky ≥ 70 or Lansky ≥ 50": either score decides.
    #expect(i3.missing == ["performance[Karnofsky]", "performance[Lansky]"])
    let e8 = report.criteria.first { $0.id == "E8" }!
    #expect(e8.missing == ["history.complete"])
    #expect(report.criteria.first { $0.id == "E11" }!.verdict == .attestation)
  }

  @Test func exampleAgainstAllFive() {
    let statuses = SeedProtocolTests.compiled.mapValues { $0.screen(base).status }
    // 62-year-old: too old for NCT05270772, whose "under 25" is the registry age range (AGE).
    #expect(statuses["NCT05270772"] == .ineligible)
    let age = SeedProtocolTests.trial("NCT05270772").screen(base).criteria[0]
    #expect(age.id == "AGE")
    #expect(age.verdict == .notMet)
    // allogeneic HSCT 535 days ago, CD19+ 8 days ago, ECOG 1, consent signed: attestation I7 pending.
    #expect(statuses["NCT05350787"] != .ineligible)
  }
}
