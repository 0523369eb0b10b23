import Testing
import TrialModel

@testable import Eligibility

/// NCT05164042 (allogeneic CD19): each computable criterion against its registry text (the
/// registry numbers the criteria from 2). The example patient is screened on 2026-11-20.
@Suite struct NCT05164042FidelityTests {
  let f = Fidelity("NCT05164042")
  typealias F = Fidelity

  /// "diagnosed as relapsed/refractory B-cell acute lymphoblastic leukemia (r/r B-ALL)"
  @Test func i2RelapsedOrRefractoryBALL() throws {
    #expect(try f.verdict("I2", F.disease(["status": "relapsed"])) == .met)
    #expect(try f.verdict("I2", F.disease(["status": "refractory"])) == .met)
    #expect(try f.verdict("I2", F.disease(["status": "relapsedAndRefractory"])) == .met)
    #expect(try f.verdict("I2", F.disease(["status": "remission"])) == .notMet)
    #expect(try f.verdict("I2", F.disease(["status": "newlyDiagnosed"])) == .notMet)
    #expect(try f.verdict("I2", F.disease(["diagnosis": "T-ALL"])) == .notMet)
  }

  /// "The ECOG behavior status score is 0-2 points"
  @Test func i3ECOG() throws {
    #expect(try f.verdict("I3", ["performance": [["scale": "ECOG", "score": 2, "date": F.day(-2)]]]) == .met)
    #expect(
      try f.verdict("I3", ["performance": [["scale": "ECOG", "score": 3, "date": F.day(-2)]]]) == .notMet)
    #expect(try f.verdict("I3", ["performance": F.null]) == .missing)
  }

  /// "Expected survival time ≥ 3 months"
  @Test func i4SurvivalAtLeastThreeMonths() throws {
    #expect(try f.verdict("I4", ["lifeExpectancy": ["value": 3, "unit": "months"]]) == .met)
    #expect(try f.verdict("I4", ["lifeExpectancy": ["value": 12, "unit": "weeks"]]) == .notMet)
  }

  /// "Flow cytometry confirms that the original cells express CD19"
  @Test func i5CD19ByFlow() throws {
    let cd19: RecordPatch = ["antigen": "CD19", "date": F.day(-8), "specimen": "bone marrow"]
    #expect(
      try f.verdict("I5", F.antigens(F.merge(cd19, ["result": "positive", "method": "flow cytometry"])))
        == .met)
    #expect(
      try f.verdict("I5", F.antigens(F.merge(cd19, ["result": "negative", "method": "flow cytometry"])))
        == .notMet)
    #expect(
      try f.verdict("I5", F.antigens(F.merge(cd19, ["result": "positive", "method": "IHC"]))) == .notMet)
  }

  /// Criteria that are one recorded fact each, with the registry text: whether the fact being
  /// true passes (inclusion) or fails (exclusion) the criterion.
  @Test(arguments: [
    ("I6", "autologousCarTFailure", true),  // "failed autologous CAR-T cell preparation or … therapy"
    ("I7", "seriousOrganDisease", false),  // "No serious heart, lung, liver, or kidney disease"
    ("E2", "activeInfection", false),  // "Active infection"
    ("E5", "hiv", false),  // "HIV/AIDS patients"
    ("E8", "drugOrAlcoholDependence", false),  // "Known or suspected drug abuse or alcohol dependence"
    ("E9", "unableToConsent", false),  // "mental illness or other conditions cannot obtain informed consent"
  ])
  func singleFact(criterion: String, fact: String, truePasses: Bool) throws {
    #expect(try f.verdict(criterion, F.conditions([fact: true])) == (truePasses ? .met : .notMet))
    #expect(try f.verdict(criterion, F.conditions([fact: false])) == (truePasses ? .notMet : .met))
  }

  /// "willing to sign the informed consent form"
  @Test func i8Consent() throws {
    #expect(try f.verdict("I8") == .met)
    #expect(try f.verdict("I8", ["consent": ["signed": false]]) == .notMet)
  }

  /// "total bilirubin>1.5×ULN, ALT>2.5×ULN … serum creatinine>1.5×ULN": the limits themselves pass.
  @Test func e3LiverAndKidney() throws {
    let normal = [
      F.lab("bilirubin", 1.5, "mg/dL", ["uln": 1]), F.lab("alt", 100, "U/L", ["uln": 40]),
      F.lab("creatinine", 1.5, "mg/dL", ["uln": 1]),
    ]
    #expect(try f.verdict("E3", normal[0], normal[1], normal[2]) == .met)
    #expect(
      try f.verdict("E3", normal[0], normal[1], normal[2], F.lab("bilirubin", 1.6, "mg/dL", ["uln": 1]))
        == .notMet)
    #expect(
      try f.verdict("E3", normal[0], normal[1], normal[2], F.lab("alt", 101, "U/L", ["uln": 40])) == .notMet)
    #expect(
      try f.verdict("E3", normal[0], normal[1], normal[2], F.lab("creatinine", 1.6, "mg/dL", ["uln": 1]))
        == .notMet)
  }

  /// "unstable angina or New York Heart Association class 3/4 congestive heart failure, multiple organ dysfunction"
  @Test func e4Cardiac() throws {
    let clear = F.conditions(["unstableAngina": false, "nyhaClass": 2, "multiOrganDysfunction": false])
    #expect(try f.verdict("E4", clear) == .met)
    #expect(try f.verdict("E4", clear, F.conditions(["nyhaClass": 3])) == .notMet)
    #expect(try f.verdict("E4", clear, F.conditions(["unstableAngina": true])) == .notMet)
    #expect(try f.verdict("E4", clear, F.conditions(["multiOrganDysfunction": true])) == .notMet)
  }

  /// "need long-term anticoagulation (warfarin or heparin), antiplatelet (aspirin, dose>300mg/d;
  /// clopidogrel, dose>75mg/d) treatment"
  @Test func e6Anticoagulation() throws {
    let clear = F.conditions(["longTermAnticoagulation": false, "antiplateletAboveLimit": false])
    #expect(try f.verdict("E6", clear) == .met)
    #expect(try f.verdict("E6", clear, F.conditions(["longTermAnticoagulation": true])) == .notMet)
    #expect(try f.verdict("E6", clear, F.conditions(["antiplateletAboveLimit": true])) == .notMet)
  }

  /// "received radiotherapy within 4 weeks before the start of the study": the study starts for a
  /// participant at enrolment.
  @Test func e7RadiotherapyBeforeStart() throws {
    let onScreeningDay: RecordPatch = ["enrollmentDate": F.day(0)]
    #expect(
      try f.verdict("E7", onScreeningDay, F.history(F.event("radiotherapy.other", on: F.day(-28)))) == .notMet
    )
    #expect(
      try f.verdict("E7", onScreeningDay, F.history(F.event("radiotherapy.other", on: F.day(-29)))) == .met)
    // Radiotherapy 26 days before screening and enrolment 7 days after it: 33 days before the start.
    let enrolled: RecordPatch = ["enrollmentDate": F.day(7)]
    #expect(try f.verdict("E7", enrolled, F.history(F.event("radiotherapy.other", on: F.day(-26)))) == .met)
    #expect(
      try f.verdict("E7", enrolled, F.history(F.event("radiotherapy.other", on: F.day(-21)))) == .notMet)
    // Without an enrolment date, radiotherapy 26 days before screening may be within 4 weeks of it.
    #expect(try f.verdict("E7", F.history(F.event("radiotherapy.other", on: F.day(-26)))) == .missing)
  }

  /// "Participated in other clinical trials within 30 days"
  @Test func e10OtherTrials() throws {
    #expect(try f.verdict("E10", F.history(F.event("clinicalTrial", on: F.day(-30)))) == .notMet)
    #expect(try f.verdict("E10", F.history(F.event("clinicalTrial", on: F.day(-31)))) == .met)
    // Entered another trial 4 months ago, last visit 10 days ago.
    let trial = F.event("clinicalTrial", on: F.day(-120), ["endDate": F.day(-10)])
    #expect(try f.verdict("E10", F.history(trial)) == .notMet)
  }

  /// "Pregnant or lactating women, male subjects (or their partners) or female subjects have a
  /// pregnancy plan during the study period to 6 months after the end of the test, and are
  /// unwilling to use a medically approved effective contraceptive measure"
  @Test func e11PregnancyAndContraception() throws {
    let agreed = F.conditions(["contraceptionAgreed": true])
    let none = F.conditions(["pregnant": F.null, "lactating": F.null])
    #expect(try f.verdict("E11", agreed, none) == .met)  // a man: no pregnancy to record
    #expect(try f.verdict("E11", agreed, F.sex("female")) == .met)
    #expect(try f.verdict("E11", agreed, F.sex("female"), F.conditions(["pregnant": true])) == .notMet)
    #expect(try f.verdict("E11", agreed, F.sex("female"), F.conditions(["lactating": true])) == .notMet)
    #expect(try f.verdict("E11", F.conditions(["contraceptionAgreed": false])) == .notMet)
    // His partner plans a pregnancy 3 months after the study; he agrees to condoms.
    let plan: RecordPatch = [
      "plans": ["complete": true, "events": [["class": "pregnancy", "date": F.day(200)]]]
    ]
    #expect(try f.verdict("E11", agreed, plan) == .notMet)
  }

  /// E12 is the investigator's judgement.
  @Test func e12Attestation() throws {
    #expect(try f.verdict("E12") == .attestation)
  }
}
