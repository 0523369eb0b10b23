import Foundation
import Testing
import TrialModel

@testable import Eligibility

@Suite struct EvaluationTests {
  let patient: PatientRecord

  init() throws { patient = try record(examplePatientJSON) }

  @Test func exampleRecordParses() {
    #expect(patient[.weight] == 58)
    #expect(patient[.bAll] == true)
    #expect(patient.history.count == 4)
    #expect(abs(patient[.creatinine]!.value - 168 / 88.42) < 1e-12)
  }

  /// Cockcroft–Gault with creatinine given in µmol/L: (140 − 62) × 58 / (72 × 168/88.42) = 33.07.
  @Test func creatinineClearanceFromMolarCreatinine() throws {
    let expected = (140.0 - 62) * 58 / (72 * (168 / 88.42))
    let result = try verdict("crcl >= 30 mL/min", patient)
    #expect(result.verdict == .met)
    #expect(
      result.evidence.contains(
        "CrCl \(formatNumber(expected, decimals: 1)) mL/min (Cockcroft–Gault, 62 y, 58 kg"))
    #expect(try verdict("crcl >= 33.1 mL/min", patient).verdict == .notMet)
  }

  /// 1.6 mg/dL is 141.472 µmol/L: the boundary holds across the unit conversion.
  @Test func creatinineBoundaryInMicromolar() throws {
    var p = patient
    try p.setLab(.creatinine, value: 1.6 * 88.42, unit: "µmol/L")
    #expect(try verdict("creatinine <= 1.6 mg/dL", p).verdict == .met)
    try p.setLab(.creatinine, value: 141.5, unit: "umol/L")
    #expect(try verdict("creatinine <= 1.6 mg/dL", p).verdict == .notMet)
    try p.setLab(.creatinine, value: 1.6, unit: "mg/dL")
    #expect(try verdict("creatinine <= 141.472 µmol/L", p).verdict == .met)
  }

  @Test func multiplesOfTheUpperLimit() throws {
    var p = patient
    try p.setLab(.alt, value: 120, unit: "U/L", uln: 40)
    #expect(try verdict("alt <= 3 ×ULN", p).verdict == .met)
    try p.setLab(.alt, value: 120.1, unit: "U/L", uln: 40)
    let over = try verdict("alt <= 3 ×ULN", p)
    #expect(over.verdict == .notMet)
    #expect(over.evidence.contains("> 3 ×ULN"))
    try p.setLab(.alt, value: 120, unit: "U/L")
    let noULN = try verdict("alt <= 3 ×ULN", p)
    #expect(noULN.verdict == .missing)
    #expect(noULN.missing == ["labs.alt.uln"])
  }

  /// Kleene logic: a known false conjunct decides the conjunction whatever the unknown one is.
  @Test func knownDataDecideDespiteMissingData() throws {
    var p = patient
    p[.ecog] = nil
    #expect(try verdict("ecog <= 1 and age >= 18 years", p).verdict == .missing)
    #expect(try verdict("ecog <= 1 and age >= 18 years", p).missing == ["performance[ECOG]"])
    #expect(try verdict("ecog <= 1 and age < 18 years", p).verdict == .notMet)
    #expect(try verdict("ecog <= 1 or age >= 18 years", p).verdict == .met)
    let exclusion = try criteria([("E1", "viral.hbsag or pregnant")])
    p[.hbsag] = true
    p[.pregnant] = nil
    #expect(exclusion.screen(p).criteria[0].verdict == .notMet)
    p[.hbsag] = false
    p.sex = .female  // pregnancy is not asked of men (SexSpecificFactTests)
    let undecided = exclusion.screen(p).criteria[0]
    #expect(undecided.verdict == .missing)
    #expect(undecided.missing == ["conditions.pregnant"])
  }

  @Test func conditionalIsDecidedWhenBothBranchesAgree() throws {
    var p = patient
    p.birthDate = nil
    p[.lansky] = 80
    p[.karnofsky] = 90
    let expression = "if age < lanskyAgeLimit then lansky >= 50 else karnofsky >= 70"
    #expect(try verdict(expression, p).verdict == .met)
    p[.karnofsky] = 60
    let undecided = try verdict(expression, p)
    #expect(undecided.verdict == .missing)
    #expect(undecided.missing == ["demographics.birthDate"])
  }

  @Test func eventsBeforeScreeningInfusionAndConsent() throws {
    // cytarabine 50 days before screening; infusion 20 days after screening
    #expect(try verdict("chemotherapy within 50 days", patient).verdict == .met)
    #expect(try verdict("chemotherapy within 49 days", patient).verdict == .notMet)
    #expect(try verdict("chemotherapy.cytarabine within 70 days before infusion", patient).verdict == .met)
    #expect(try verdict("chemotherapy within 69 days before infusion", patient).verdict == .notMet)
    var p = patient
    p.plannedInfusionDate = nil
    let open = try verdict("chemotherapy within 60 days before infusion", p)
    #expect(open.verdict == .missing)
    #expect(open.missing == ["plannedInfusionDate"])
    #expect(try verdict("chemotherapy within 49 days before infusion", p).verdict == .notMet)
    #expect(try verdict("radiotherapy.cns within 8 weeks before consent", p).verdict == .notMet)
    #expect(try verdict("radiotherapy within 4 months before consent", p).verdict == .met)
  }

  @Test func doseFilteredSteroids() throws {
    #expect(try verdict("steroid[dose > 15] within 3 days before screening", patient).verdict == .notMet)
    #expect(try verdict("steroid[dose >= 10] within 3 days before screening", patient).verdict == .met)
  }

  @Test func incompleteHistoryLeavesAbsenceUndecided() throws {
    var p = patient
    p.historyComplete = false
    #expect(try verdict("ever(antiCD19)", p).verdict == .missing)
    #expect(try verdict("ever(antiCD19)", p).missing == ["history.complete"])
    #expect(try verdict("ever(hsct)", p).verdict == .met)
    #expect(try verdict("since(hsct) < 1 years", p).verdict == .missing)
    p.historyComplete = true
    #expect(try verdict("not ever(antiCD19)", p).verdict == .met)
  }

  @Test func antigenWithinAWindow() throws {
    #expect(try verdict("cd19 within 8 days", patient).verdict == .met)
    #expect(try verdict("cd19 within 7 days", patient).verdict == .notMet)
    let noCD20 = try verdict("cd20", patient)
    #expect(noCD20.verdict == .missing)
    #expect(noCD20.missing == ["antigens[CD20]"])
  }

  @Test func attestationsAreListedUntilRecorded() throws {
    let compiled = try criteria([("I1", "consent"), ("E1", nil), ("E2", nil)])
    let report = compiled.screen(patient)
    #expect(report.status == .pendingAttestation)
    #expect(report.pendingAttestations == ["E1", "E2"])
    var p = patient
    p.attestations = [
      Attestation(protocolID: "TEST", criterionID: "E1", met: true),
      Attestation(protocolID: "TEST", criterionID: "E2", met: true, by: "Dr A"),
    ]
    #expect(compiled.screen(p).status == .eligible)
    #expect(compiled.screen(p).criteria[2].evidence == "attested met by Dr A")
    p.attestations[0].met = false
    #expect(compiled.screen(p).status == .ineligible)
  }

  @Test func statusCombinesVerdicts() {
    #expect(ScreeningStatus(verdicts: [.met, .missing, .notMet]) == .ineligible)
    #expect(ScreeningStatus(verdicts: [.met, .missing, .attestation]) == .incomplete)
    #expect(ScreeningStatus(verdicts: [.met, .attestation]) == .pendingAttestation)
    #expect(ScreeningStatus(verdicts: [.met]) == .eligible)
  }

  @Test func fastStatusAgreesWithReport() throws {
    let compiled = try criteria([
      ("I1", "crcl >= 30 mL/min"), ("I2", "ecog <= 1"), ("E1", "pregnant"), ("E2", nil),
    ])
    for ecog in [nil, 0.0, 2.0] {
      var p = patient
      p[.ecog] = ecog
      #expect(compiled.status(of: p) == compiled.screen(p).status)
    }
  }
}
