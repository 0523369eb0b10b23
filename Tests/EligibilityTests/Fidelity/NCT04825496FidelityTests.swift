import Foundation
import Testing
import TrialModel

@testable import Eligibility

/// NCT04825496 (ssCART-19): one test per computable criterion, written from the registry text.
/// For an exclusion criterion `met` means the excluding condition is absent, `notMet` excluded.
@Suite struct NCT04825496FidelityTests {
  typealias P = Fidelity.Patient
  let base = Fidelity.Patient("NCT04825496")

  /// I1: "(1)Any Relaps after first remission OR (2)Any BM relapse after allogeneic SCT and must be
  /// ≥ 3 months from SCT at the time of ssCART-19 infusion OR (3)failed to reach CR … OR (4)Patients
  /// with Ph+ ALL are eligible if they are intolerant to or have failed two lines of TKI therapy, or
  /// if TKI therapy is contraindicated".
  @Test func i1RelapseTransplantAndTki() {
    var p = base
    p.history(P.event("hsct.allogeneic", p.infusion.adding(months: -3)))
    #expect(p.verdict("I1") == .met)  // exactly 3 months at infusion: "≥"
    p.history(P.event("hsct.allogeneic", p.infusion.adding(months: -3).adding(days: 1)))
    #expect(p.verdict("I1") == .notMet)
    p.history()
    #expect(p.verdict("I1") == .met)  // relapse, never transplanted
    p.record[.relapsed] = false
    #expect(p.verdict("I1") == .notMet)  // Ph−, in remission
    p.record[.refractory] = true
    #expect(p.verdict("I1") == .met)  // (3)
    p.record[.refractory] = false
    p.record[.phPositive] = true
    p.record[.tkiIntolerant] = false
    p.record[.tkiContraindicated] = false
    p.record[.tkiLinesFailed] = 1
    #expect(p.verdict("I1") == .notMet)
    p.record[.tkiLinesFailed] = 2
    #expect(p.verdict("I1") == .met)
    p.record[.tkiLinesFailed] = 1
    p.record[.tkiIntolerant] = true
    #expect(p.verdict("I1") == .met)
    p.record[.tkiIntolerant] = false
    p.record[.tkiContraindicated] = true
    #expect(p.verdict("I1") == .met)
  }

  /// I2: "CD19 tumor expression demonstrated in bone marrow or peripheral blood by flow cytometry".
  @Test func i2Cd19InMarrowOrBloodByFlow() {
    var p = base
    #expect(p.verdict("I2") == .met)  // flow cytometry on bone marrow
    p.record.antigens = [
      AntigenResult(
        antigen: "CD19", positive: true, date: P.day(-3), method: "flow", specimen: .peripheralBlood)
    ]
    #expect(p.verdict("I2") == .met)
    p.record.antigens[0].positive = false
    #expect(p.verdict("I2") == .notMet)
    p.record.antigens = [
      AntigenResult(antigen: "CD19", positive: true, date: P.day(-3), method: "IHC", specimen: .tissue)
    ]
    #expect(p.verdict("I2") != .met)  // a lymph-node IHC result does not demonstrate it
    p.record.antigens = [
      AntigenResult(antigen: "CD19", positive: true, date: P.day(-3), method: "flow", specimen: .csf)
    ]
    #expect(p.verdict("I2") != .met)
  }

  /// I3: "Bone marrow with ≥ 5% lymphoblasts by morphologic assessment".
  @Test func i3MarrowBlasts() {
    var p = base
    p.record[.marrowBlasts] = 5
    #expect(p.verdict("I3") == .met)
    p.record[.marrowBlasts] = 4.9
    #expect(p.verdict("I3") == .notMet)
  }

  /// I4a: "left ventricular ejection fraction ≥ 50% by echocardiogram".
  @Test func i4aLvefByEcho() throws {
    var p = base
    try p.record.setLab(.lvef, value: 50, unit: "%")
    p.record[.lvef]?.method = .echocardiography
    #expect(p.verdict("I4a") == .met)
    try p.record.setLab(.lvef, value: 49, unit: "%")
    p.record[.lvef]?.method = .echocardiography
    #expect(p.verdict("I4a") == .notMet)
    try p.record.setLab(.lvef, value: 52, unit: "%")
    p.record[.lvef]?.method = .muga
    #expect(p.verdict("I4a") != .met)  // MUGA is not an echocardiogram
  }

  /// I4b: "creatinine ≤ 1.6mg/dl".
  @Test func i4bCreatinine() throws {
    var p = base
    try p.record.setLab(.creatinine, value: 1.6, unit: "mg/dL")
    #expect(p.verdict("I4b") == .met)
    try p.record.setLab(.creatinine, value: 1.61, unit: "mg/dL")
    #expect(p.verdict("I4b") == .notMet)
  }

  /// I4c: "ALT and AST≤3 times the ULN for age, total bilirubin ≤ 2.0mg/dl".
  @Test func i4cLiver() throws {
    var p = base
    try p.record.setLab(.alt, value: 120, unit: "U/L", uln: 40)
    try p.record.setLab(.ast, value: 120, unit: "U/L", uln: 40)
    try p.record.setLab(.bilirubin, value: 2.0, unit: "mg/dL", uln: 1.2)
    #expect(p.verdict("I4c") == .met)
    try p.record.setLab(.ast, value: 120.4, unit: "U/L", uln: 40)
    #expect(p.verdict("I4c") == .notMet)
    try p.record.setLab(.ast, value: 38, unit: "U/L", uln: 40)
    try p.record.setLab(.alt, value: 121, unit: "U/L", uln: 40)
    #expect(p.verdict("I4c") == .notMet)
    try p.record.setLab(.alt, value: 52, unit: "U/L", uln: 40)
    try p.record.setLab(.bilirubin, value: 2.01, unit: "mg/dL", uln: 1.2)
    #expect(p.verdict("I4c") == .notMet)
  }

  /// I4d: "≤ Grade 1 dyspnea and pulse oxygenation > 91% on room air".
  @Test func i4dPulmonaryReserve() throws {
    var p = base
    p.record[.dyspneaGrade] = 1
    try p.record.setLab(.spo2, value: 92, unit: "%")
    p.record[.spo2]?.oxygen = .roomAir
    #expect(p.verdict("I4d") == .met)
    try p.record.setLab(.spo2, value: 91, unit: "%")
    p.record[.spo2]?.oxygen = .roomAir
    #expect(p.verdict("I4d") == .notMet)  // "more than 91%"
    try p.record.setLab(.spo2, value: 95, unit: "%")
    p.record[.spo2]?.oxygen = .supplemental
    #expect(p.verdict("I4d") != .met)  // on oxygen
    p.record[.spo2]?.oxygen = .roomAir
    p.record[.dyspneaGrade] = 2
    #expect(p.verdict("I4d") == .notMet)
  }

  /// I5: "Informed consent is signed by the subject".
  @Test func i5Consent() {
    var p = base
    #expect(p.verdict("I5") == .met)
    p.record[.consentSigned] = false
    #expect(p.verdict("I5") == .notMet)
  }

  /// I6: "Age 18 to 65".
  @Test func i6Age() {
    var p = base
    for (years, days, verdict) in [(18, 0, Verdict.met), (18, 1, .notMet), (66, 1, .met), (66, 0, .notMet)] {
      p.record.birthDate = P.screening.adding(years: -years).adding(days: days)
      #expect(p.verdict("I6") == verdict, "\(years) y \(days) d")
    }
  }

  /// I7: "Fertility of men, to ensure that sexual partners can effectively contraception; Women with
  /// fertility use effective contraceptive measures and agree to use contraceptive measures".
  @Test func i7ContraceptionByFertility() {
    var p = base
    p.record.sex = .female
    p.record[.childbearingPotential] = true
    p.record[.contraceptionAgreed] = false
    #expect(p.verdict("I7") == .notMet)
    p.record[.contraceptionAgreed] = true
    #expect(p.verdict("I7") == .met)
    p.record[.contraceptionAgreed] = nil
    p.record[.childbearingPotential] = false  // post-menopausal
    #expect(p.verdict("I7") == .met)
    p.record.sex = .male
    p.record[.partnerChildbearingPotential] = true
    p.record[.contraceptionAgreed] = false
    #expect(p.verdict("I7") == .notMet)
    p.record[.partnerChildbearingPotential] = false
    #expect(p.verdict("I7") == .met)
  }

  /// I9: "ECOG performance status of 0 to 1".
  @Test func i9Ecog() {
    var p = base
    p.record[.ecog] = 1
    #expect(p.verdict("I9") == .met)
    p.record[.ecog] = 2
    #expect(p.verdict("I9") == .notMet)
  }

  /// I11: "The estimated survival time is more than 3 months".
  @Test func i11LifeExpectancy() {
    let exactly = Fidelity.Patient(
      "NCT04825496", replacing: [("\"value\": 6, \"unit\": \"months\"", "\"value\": 3, \"unit\": \"months\"")]
    )
    #expect(exactly.verdict("I11") == .notMet)
    let more = Fidelity.Patient(
      "NCT04825496", replacing: [("\"value\": 6, \"unit\": \"months\"", "\"value\": 14, \"unit\": \"weeks\"")]
    )
    #expect(more.verdict("I11") == .met)
  }

  /// I8 "Qualified T cell amplification", I10 "Vascular conditions for apheresis" and E18 "as judged
  /// by the investigator" are the investigator's.
  @Test func attestations() {
    for id in ["I8", "I10", "E18"] { #expect(base.verdict(id) == .attestation, "\(id)") }
  }

  /// E1 "Isolated extra-medullary disease relapse",
  /// E6 "uncontrolled … infections", E8 "severe immediate hypersensitivity to aminoglycosides",
  /// E9 "past or present CNS diseases", E11 "primary immunodeficiency", E12 "severe immediate
  /// hypersensitivity reaction to any drug to be used in this study", E15 "active autoimmune
  /// diseases": each the recorded fact, excluding when true.
  @Test func singleFactExclusions() {
    var p = base
    let facts: [(String, BooleanFact)] = [
      ("E1", .isolatedExtramedullary), ("E6", .uncontrolledInfection),
      ("E8", .aminoglycosideHypersensitivity), ("E9", .cnsDisease), ("E11", .primaryImmunodeficiency),
      ("E12", .studyDrugHypersensitivity), ("E15", .activeAutoimmuneDisease),
    ]
    for (id, fact) in facts {
      #expect(p.verdicts(id, fact) == [.notMet, .met, .missing], "\(id)")
      p.record[fact] = false
    }
  }

  /// E3: "any prior anti-CD19/anti-CD3 therapy, or any other antiCD19 therapy": blinatumomab or any
  /// anti-CD19 therapy excludes; an anti-CD3 antibody alone (teplizumab) does not.
  @Test func e3AntiCd19() {
    var p = base
    p.history(P.event("antiCD3 antibody.monoclonal", P.day(-400)))
    #expect(p.verdict("E3") == .met)
    p.history(P.event("antiCD19 antiCD3 antibody.bispecific", P.day(-400)))
    #expect(p.verdict("E3") == .notMet)
    p.history(P.event("carT antiCD19", P.day(-900)))
    #expect(p.verdict("E3") == .notMet)
  }

  /// E4: "immunosuppressants or hormones within 2 weeks before signing informed consent, or plan to
  /// use immunosuppressants or hormones after signing informed consent".
  @Test func e4ImmunosuppressantsAndSteroids() {
    var p = base
    p.record.plansComplete = true
    p.record[.longTermImmunosuppressionNeeded] = false
    p.history(P.event("steroid", p.consent.adding(days: -15), dose: 10))
    #expect(p.verdict("E4") == .met)
    p.history(P.event("steroid", p.consent.adding(days: -14), dose: 10))
    #expect(p.verdict("E4") == .notMet)
    p.history(P.event("immunosuppressant", p.consent.adding(months: -3), ongoing: true))
    #expect(p.verdict("E4") == .notMet)  // tacrolimus since 3 months, continuing
    p.history()
    p.record.plans = [PlannedEvent(classes: EventClass.selecting("steroid"))]
    #expect(p.verdict("E4") == .notMet)  // a planned prednisone course
    p.record.plans = []
    #expect(p.verdict("E4") == .met)
    p.history(P.event("steroid", p.consent.adding(days: 1), dose: 10))
    #expect(p.verdict("E4") == .notMet)  // used the day after signing consent
    p.history(P.event("steroid", p.consent, dose: 10))
    #expect(p.verdict("E4") == .notMet)  // on the day of signing: within 2 weeks before it
    p.history(P.event("steroid", p.consent.adding(days: -20), endDate: p.consent.adding(days: 3)))
    #expect(p.verdict("E4") == .notMet)  // a course continued after signing
    p.history(P.event("immunosuppressant", P.screening))
    #expect(p.verdict("E4") == .notMet)  // started on the screening day, after signing
    p.record.consentDate = nil
    p.history(P.event("steroid", P.day(-1), dose: 10))
    #expect(p.verdict("E4") == .missing)  // consent date not recorded: before or after signing?
    #expect(p.result("E4").missing.contains("consent.date"))
  }

  /// E2: "Combined with other malignant tumors": a malignancy present at screening; a cured one
  /// (with its remission date) does not exclude.
  @Test func e2ConcurrentMalignancy() {
    var p = base
    #expect(p.verdict("E2") == .met)  // complete history without malignancy
    p.history(P.event("malignancy", P.day(-400), ongoing: true, type: .thyroid))
    #expect(p.verdict("E2") == .notMet)
    p.history(P.event("malignancy", P.day(-4000), endDate: P.day(-3000), type: .thyroid))
    #expect(p.verdict("E2") == .met)  // thyroid cancer cured years ago
    p.history(P.event("malignancy", P.day(-40)))
    #expect(p.verdict("E2") == .missing)  // neither ongoing nor resolved recorded
    p.history(P.event("malignancy", P.day(-40), endDate: P.day(-1), type: .other))
    #expect(p.verdict("E2") == .met)  // resolved the day before screening
  }

  /// E5: "HBsAg and/or HBeAg positive, HBe-Ab and/or HBc-Ab positive and HBV-DNA … more than the lower
  /// limit of detection, HCV-Ab positive, TP-Ab positive, EBV-DNA, and CMV-DNA … more than the lower
  /// limit of detection".
  @Test func e5Virology() {
    var p = base
    for fact in [BooleanFact.hbeag, .hbeab, .hbcab] { p.record[fact] = false }
    #expect(p.verdict("E5") == .met)
    p.record[.hbcab] = true
    #expect(p.verdict("E5") == .met)  // HBc-Ab with HBV-DNA undetectable
    p.record[.hbvDna] = true
    #expect(p.verdict("E5") == .notMet)
    p.record[.hbcab] = false
    p.record[.hbeab] = true
    #expect(p.verdict("E5") == .notMet)
    p.record[.hbeab] = false
    #expect(p.verdict("E5") == .met)  // HBV-DNA alone is not listed
    p.record[.hbvDna] = false
    for fact in [BooleanFact.hbsag, .hbeag, .hcvAb, .tpAb, .ebvDna, .cmvDna] {
      p.record[fact] = true
      #expect(p.verdict("E5") == .notMet, "\(fact)")
      p.record[fact] = false
    }
  }

  /// E7: "Infected with HIV, syphilis or COVID-19".
  @Test func e7Infections() {
    var p = base
    for fact in [BooleanFact.hiv, .syphilis, .covid19] { p.record[fact] = false }
    #expect(p.verdict("E7") == .met)
    for fact in [BooleanFact.hiv, .syphilis, .covid19] {
      p.record[fact] = true
      #expect(p.verdict("E7") == .notMet, "\(fact)")
      p.record[fact] = false
    }
  }

  /// E10: "cardiac angioplasty or stent implantation within 12 months before signing informed consent,
  /// or having a history of myocardial infarction, unstable angina pectoris or other clinically
  /// significant heart diseases".
  @Test func e10Cardiac() {
    var p = base
    p.record[.unstableAngina] = false
    p.record[.clinicallySignificantHeartDisease] = false
    p.history(P.event("cardiac.stent", p.consent.adding(months: -12)))
    #expect(p.verdict("E10") == .notMet)
    p.history(P.event("cardiac.angioplasty", p.consent.adding(months: -12).adding(days: -1)))
    #expect(p.verdict("E10") == .met)
    p.history(P.event("cardiac.myocardialInfarction", P.day(-3000)))
    #expect(p.verdict("E10") == .notMet)
    p.history(P.event("cardiac.unstableAngina", P.day(-700)))
    #expect(p.verdict("E10") == .notMet)  // angina in 2024, stable now
    p.history()
    #expect(p.verdict("E10") == .met)
    p.record[.unstableAngina] = true
    #expect(p.verdict("E10") == .notMet)
    p.record[.unstableAngina] = false
    p.record[.clinicallySignificantHeartDisease] = true
    #expect(p.verdict("E10") == .notMet)
  }

  /// E13: "treat with live vaccine within 6 weeks prior to screening".
  @Test func e13LiveVaccine() {
    var p = base
    p.history(P.event("vaccine.live", P.day(-42)))
    #expect(p.verdict("E13") == .notMet)
    p.history(P.event("vaccine.live", P.day(-43)))
    #expect(p.verdict("E13") == .met)
    p.history(P.event("vaccine.inactivated", P.day(-10)))
    #expect(p.verdict("E13") == .met)
  }

  /// E14: "Pregnant or lactating women": a man with neither recorded is not excluded.
  @Test func e14Pregnancy() {
    var p = base
    p.record[.pregnant] = nil
    p.record[.lactating] = nil
    #expect(p.verdict("E14") == .met)
    p.record.sex = .female
    #expect(p.verdict("E14") == .missing)
    p.record[.pregnant] = false
    p.record[.lactating] = true
    #expect(p.verdict("E14") == .notMet)
    p.record[.lactating] = false
    #expect(p.verdict("E14") == .met)
    p.record[.pregnant] = true
    #expect(p.verdict("E14") == .notMet)
  }

  /// E16: "active acute or chronic graft-versus-host disease (GVHD) before signing informed consent".
  @Test func e16GvhdAtConsent() {
    var p = base
    p.history(P.event("gvhd.chronic", P.day(-60), endDate: p.consent.adding(days: 2)))
    #expect(p.verdict("E16") == .notMet)  // active at consent, resolved before screening
    p.history(P.event("gvhd.chronic", P.day(-60), endDate: p.consent.adding(days: -1)))
    #expect(p.verdict("E16") == .met)
    p.history()
    p.record[.activeGvhd] = true
    #expect(p.verdict("E16") == .notMet)
  }

  /// E17: "an investigational medicinal product within 3 months before signing informed consent".
  @Test func e17InvestigationalProduct() {
    var p = base
    p.history(P.event("investigationalProduct", p.consent.adding(months: -5), ongoing: true))
    #expect(p.verdict("E17") == .notMet)  // taken daily since 5 months
    p.history(
      P.event(
        "investigationalProduct", p.consent.adding(months: -5),
        endDate: p.consent.adding(months: -3).adding(days: -1)))
    #expect(p.verdict("E17") == .met)
    p.history(P.event("investigationalProduct", p.consent.adding(months: -3)))
    #expect(p.verdict("E17") == .notMet)
  }
}
