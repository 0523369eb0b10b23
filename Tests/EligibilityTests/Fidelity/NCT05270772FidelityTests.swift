import Foundation
import Testing
import TrialModel

@testable import Eligibility

/// NCT05270772 (CAR-T-19): one test per computable criterion, written from the registry text.
/// For an exclusion criterion `met` means the excluding condition is absent, `notMet` excluded.
@Suite struct NCT05270772FidelityTests {
  typealias P = Fidelity.Patient
  let base = Fidelity.Patient("NCT05270772")

  /// I1: "Patients with relapse/refractory B-ALL."
  @Test func i1RelapsedRefractoryBAll() {
    var p = base
    #expect(p.verdict("I1") == .met)
    p.record[.relapsed] = false
    p.record[.refractory] = false
    #expect(p.verdict("I1") == .notMet)
    p.record[.refractory] = true
    #expect(p.verdict("I1") == .met)
    p.record[.bAll] = false
    #expect(p.verdict("I1") == .notMet)
  }

  /// I2: "Tumor cells from bone marrow or peripheral blood are measured CD19+ with 3 months before
  /// enrollment."
  @Test func i2Cd19BeforeEnrolment() {
    var p = base
    p.record.enrollmentDate = P.day(10)
    let edge = P.day(10).adding(months: -3)
    p.record.antigens = [
      AntigenResult(antigen: "CD19", positive: true, date: edge, method: "flow", specimen: .boneMarrow)
    ]
    #expect(p.verdict("I2") == .met)
    p.record.antigens[0].date = edge.adding(days: -1)
    #expect(p.verdict("I2") == .notMet)  // within 3 months of screening, not of enrolment
    p.record.antigens = [
      AntigenResult(
        antigen: "CD19", positive: true, date: P.day(-5), method: "flow", specimen: .peripheralBlood)
    ]
    #expect(p.verdict("I2") == .met)
    p.record.antigens = [
      AntigenResult(antigen: "CD19", positive: true, date: P.day(-5), method: "flow", specimen: .csf)
    ]
    #expect(p.verdict("I2") == .notMet)  // CSF is neither marrow nor blood
  }

  /// I3: "Karnofsky Score ≥ 70 or Lansky Score ≥ 50."
  @Test func i3KarnofskyOrLansky() {
    var p = base
    p.record.birthDate = P.screening.adding(years: -15)
    p.record[.karnofsky] = 80
    #expect(p.verdict("I3") == .met)  // a 15-year-old with Karnofsky only
    p.record[.karnofsky] = 70
    #expect(p.verdict("I3") == .met)
    p.record[.karnofsky] = 60
    p.record[.lansky] = 40
    #expect(p.verdict("I3") == .notMet)
    p.record.birthDate = P.screening.adding(years: -17)
    p.record[.karnofsky] = nil
    p.record[.lansky] = 50
    #expect(p.verdict("I3") == .met)  // a 17-year-old with Lansky only
  }

  /// I4: "a life expectancy of at least 12 weeks."
  @Test func i4LifeExpectancy() {
    let at = Fidelity.Patient(
      "NCT05270772", replacing: [("\"value\": 6, \"unit\": \"months\"", "\"value\": 12, \"unit\": \"weeks\"")]
    )
    #expect(at.verdict("I4") == .met)
    let below = Fidelity.Patient(
      "NCT05270772", replacing: [("\"value\": 6, \"unit\": \"months\"", "\"value\": 83, \"unit\": \"days\"")])
    #expect(below.verdict("I4") == .notMet)
  }

  /// I5: "Understand and voluntarily sign informed consent".
  @Test func i5Consent() {
    var p = base
    #expect(p.verdict("I5") == .met)
    p.record[.consentSigned] = false
    #expect(p.verdict("I5") == .notMet)
  }

  /// E1: "Patients with extramedullary relapse (EMR)." E4: "other uncontrolled infection."
  @Test func singleFactExclusions() {
    var p = base
    #expect(p.verdicts("E1", .extramedullary) == [.notMet, .met, .missing])
    p.record[.extramedullary] = false
    #expect(p.verdicts("E4", .uncontrolledInfection) == [.notMet, .met, .missing])
  }

  /// E2: "Patients with genetic diseases, Burkitt lymphoma and leukemia or other malignancies."
  @Test func e2GeneticDiseaseBurkittOtherMalignancy() {
    var p = base
    for fact in [BooleanFact.geneticDisease, .burkittLymphoma] { p.record[fact] = false }
    #expect(p.verdict("E2") == .met)
    for fact in [BooleanFact.geneticDisease, .burkittLymphoma] {
      p.record[fact] = true
      #expect(p.verdict("E2") == .notMet, "\(fact)")
      p.record[fact] = false
    }
    p.history(P.event("malignancy", P.day(-100), ongoing: true, type: .other))
    #expect(p.verdict("E2") == .notMet)  // with another malignancy
    p.history(P.event("malignancy", P.day(-1000), endDate: P.day(-700), type: .other))
    #expect(p.verdict("E2") == .met)  // a past, cured one: not "with" it
  }

  /// E3: "positive for any of the following: HbsAg, HBV-DNA, HCV-Ab, HCV-RNA, HIV-Ab, TP-Ab, EBV-DNA or
  /// CMV-DNA."
  @Test func e3Virology() {
    var p = base
    #expect(p.verdict("E3") == .met)
    for fact in [BooleanFact.hbsag, .hbvDna, .hcvAb, .hcvRna, .hivAb, .tpAb, .ebvDna, .cmvDna] {
      p.record[fact] = true
      #expect(p.verdict("E3") == .notMet, "\(fact)")
      p.record[fact] = false
    }
    p.record[.hbcab] = true
    #expect(p.verdict("E3") == .met)  // HBc-Ab is not listed
  }

  /// E5: "anti-CD19 / anti-CD3 therapy, or any other anti-CD19 therapy."
  @Test func e5AntiCd19() {
    var p = base
    p.history(P.event("antiCD3 antibody.monoclonal", P.day(-400)))
    #expect(p.verdict("E5") == .met)  // teplizumab
    p.history(P.event("antiCD19 antiCD3 antibody.bispecific", P.day(-400)))
    #expect(p.verdict("E5") == .notMet)  // blinatumomab
  }

  /// E6: "active Grade II-IV GVHD within 3 months prior to screening."
  @Test func e6ActiveGvhd() {
    var p = base
    p.history(P.event("gvhd.acute", P.day(-200), grade: 2, ongoing: true))
    #expect(p.verdict("E6") == .notMet)  // began earlier, still active
    p.history(P.event("gvhd.acute", P.day(-200), grade: 2, endDate: P.screening.adding(months: -3)))
    #expect(p.verdict("E6") == .notMet)  // active on the window's first day
    p.history(
      P.event("gvhd.acute", P.day(-200), grade: 3, endDate: P.screening.adding(months: -3).adding(days: -1)))
    #expect(p.verdict("E6") == .met)
    p.history(P.event("gvhd.acute", P.day(-20), grade: 1, ongoing: true))
    #expect(p.verdict("E6") == .met)  // grade I
  }

  /// E7: "Tumor cells are detected in cerebrospinal fluid."
  @Test func e7BlastsInCsf() {
    var p = base
    #expect(p.verdict("E7") == .met)  // CNS1
    p.record.cnsStatus = .cns2
    #expect(p.verdict("E7") == .notMet)
    p.record.cnsStatus = .cns3
    p.record[.csfBlasts] = false
    #expect(p.verdict("E7") == .met)  // CNS3 on a cranial-nerve palsy with a negative CSF
    p.record[.csfBlasts] = true
    #expect(p.verdict("E7") == .notMet)
  }

  /// E8: "received HSCT within 3 months prior to screening."
  @Test func e8RecentTransplant() {
    var p = base
    p.history(P.event("hsct.autologous", P.screening.adding(months: -3)))
    #expect(p.verdict("E8") == .notMet)
    p.history(P.event("hsct.allogeneic", P.screening.adding(months: -3).adding(days: -1)))
    #expect(p.verdict("E8") == .met)
  }

  /// E9: "Anticipated other clinical trials within 4 weeks before this trial".
  @Test func e9OtherTrialBeforeEnrolment() {
    var p = base
    p.record.enrollmentDate = P.day(7)
    p.history(P.event("clinicalTrial", P.day(-120), endDate: P.day(7 - 28)))
    #expect(p.verdict("E9") == .notMet)  // entered 4 months ago, last visit 4 weeks before enrolment
    p.history(P.event("clinicalTrial", P.day(-120), endDate: P.day(7 - 29)))
    #expect(p.verdict("E9") == .met)
  }

  /// E10: "Pregnant or lactating women."
  @Test func e10Pregnancy() {
    var p = base
    p.record[.pregnant] = nil
    p.record[.lactating] = nil
    #expect(p.verdict("E10") == .met)  // a man
    p.record.sex = .female
    p.record[.pregnant] = true
    #expect(p.verdict("E10") == .notMet)
  }

  /// E11: "in the investigator's judgment … unsuitable".
  @Test func attestation() { #expect(base.verdict("E11") == .attestation) }
}
