import TrialModel

/// A simulated candidate for screening, shaped like `Examples/patients/P-0001.json`: a relapsed
/// CD19-positive B-ALL with the fields each bundled protocol's criteria read, all of them within
/// range unless the candidate has a ``Flaw`` on purpose.
struct DemoPatient {
  /// What makes a candidate ineligible on purpose.
  enum Flaw: String, CaseIterable {
    /// Older than the group's age range.
    case age
    /// Creatinine 420 µmol/L (4.75 mg/dL, 4 × ULN; Cockcroft–Gault clearance below 30 mL/min for
    /// an adult of 70 kg): outside the renal criteria of the bundled protocols that have one.
    case creatinine
    /// An uncontrolled active infection, which every bundled protocol excludes.
    case infection
  }

  var id: String
  var sex: String
  var ageYears: Int
  /// Days past the last birthday.
  var extraDays: Int
  var weightKg: Double
  var heightCm: Double
  var flaw: Flaw?

  /// The age in years on `date` (for the ICANS and CRS entries).
  var age: Double { Double(ageYears) + Double(extraDays) / 365.25 }

  func birthDate(screening: CalendarDate) -> CalendarDate {
    screening.adding(years: -ageYears).adding(days: -extraDays)
  }

  /// The record as JSON text; `screening` is its screening date, and `autologousCarTFailure` is
  /// stated true for protocols that require a failed autologous CAR-T.
  func record(screening s: CalendarDate, autologousCarTFailure: Bool) -> String {
    func date(_ days: Int) -> DemoJSON { .string(s.adding(days: days).description) }
    func lab(_ value: Double, _ unit: String, uln: Double?, extra: [(String, DemoJSON)] = [])
      -> DemoJSON
    {
      var members: [(String, DemoJSON)] = [("value", .number(value)), ("unit", .string(unit))]
      if let uln { members.append(("uln", .number(uln))) }
      return .object(members + extra + [("date", date(-2))])
    }
    var conditions: [(String, DemoJSON)] = Self.absentConditions.map { ($0, .bool(false)) }
    if sex == "male" {
      conditions += [("partnerChildbearingPotential", .bool(false)), ("noSpermDonationAgreed", .bool(true))]
    } else {
      conditions += [
        ("pregnant", .bool(false)), ("lactating", .bool(false)), ("childbearingPotential", .bool(false)),
      ]
    }
    let infected = flaw == .infection
    conditions += [
      ("uncontrolledInfection", .bool(infected)), ("activeInfection", .bool(infected)),
      ("contraceptionAgreed", .bool(true)), ("autologousCarTFailure", .bool(autologousCarTFailure)),
      ("nyhaClass", .number(1)), ("dyspneaGrade", .number(0)),
    ]
    let creatinine = flaw == .creatinine ? 420.0 : (ageYears >= 18 ? 70 : 45)
    let viral = [
      "HBsAg", "HBeAg", "HBeAb", "HBcAb", "HBV-DNA", "HCV-Ab", "HCV-RNA", "HIV-Ab", "TP-Ab",
      "EBV-DNA", "CMV-DNA", "SARS-CoV-2",
    ]
    let record = DemoJSON.object([
      ("id", .string(id)),
      ("screeningDate", .string(s.description)),
      ("enrollmentDate", .string(s.description)),
      ("plannedLymphodepletionDate", date(15)),
      ("plannedInfusionDate", date(20)),
      (
        "demographics",
        .object([
          ("birthDate", .string(birthDate(screening: s).description)), ("sex", .string(sex)),
          ("weight", .object([("value", .number(weightKg)), ("unit", .string("kg"))])),
          ("height", .object([("value", .number(heightCm)), ("unit", .string("cm"))])),
        ])
      ),
      (
        "disease",
        .object([
          ("diagnosis", .string("B-ALL")), ("status", .string("relapsed")), ("phStatus", .string("negative")),
          ("remissionMonths", .number(8)),
          ("marrowBlasts", .object([("value", .number(34)), ("unit", .string("%")), ("date", date(-8))])),
          ("bloodBlasts", .object([("value", .number(3)), ("unit", .string("%")), ("date", date(-2))])),
          ("extramedullary", .string("none")), ("cnsStatus", .string("CNS1")),
        ])
      ),
      (
        "antigens",
        .array([
          .object([
            ("antigen", .string("CD19")), ("result", .string("positive")), ("date", date(-8)),
            ("method", .string("flow cytometry")), ("specimen", .string("bone marrow")),
          ])
        ])
      ),
      (
        "performance",
        .array([
          .object([("scale", .string("ECOG")), ("score", .number(1)), ("date", date(-2))]),
          .object([
            ("scale", .string(ageYears >= 16 ? "Karnofsky" : "Lansky")), ("score", .number(80)),
            ("date", date(-2)),
          ]),
        ])
      ),
      (
        "labs",
        .object([
          ("creatinine", lab(creatinine, "µmol/L", uln: 106)),
          ("bilirubin", lab(0.8, "mg/dL", uln: 1.2)),
          ("alt", lab(32, "U/L", uln: 40)),
          ("ast", lab(30, "U/L", uln: 40)),
          ("inr", lab(1.1, "ratio", uln: 1.2)),
          ("aptt", lab(31, "s", uln: 40)),
          ("lvef", lab(60, "%", uln: nil, extra: [("method", .string("echocardiography"))])),
          ("spo2", lab(97, "%", uln: nil, extra: [("oxygen", .string("roomAir"))])),
        ])
      ),
      (
        "viralTests",
        .array(
          viral.map {
            .object([("test", .string($0)), ("result", .string("negative")), ("date", date(-10))])
          })
      ),
      (
        "history",
        .object([
          ("complete", .bool(true)),
          (
            "events",
            .array([
              .object([("class", .string("hsct.allogeneic")), ("date", date(-535))]),
              .object([("class", .array([.string("chemotherapy.cytarabine")])), ("date", date(-50))]),
            ])
          ),
        ])
      ),
      ("plans", .object([("complete", .bool(true)), ("events", .array([]))])),
      ("conditions", .object(conditions)),
      (
        "consent",
        .object([("signed", .bool(true)), ("date", .string(consentDate(screening: s).description))])
      ),
      ("lifeExpectancy", .object([("value", .number(6)), ("unit", .string("months"))])),
    ])
    return record.text
  }

  /// Consent is signed four days before screening.
  func consentDate(screening: CalendarDate) -> CalendarDate { screening.adding(days: -4) }

  /// Conditions every candidate is free of (the flaws above aside).
  static let absentConditions = """
    activeTuberculosis hiv syphilis covid19 activeHepatitisB activeHepatitisC activeAutoimmuneDisease \
    cnsDisease primaryImmunodeficiency activeGvhd drugOrAlcoholDependence unableToConsent \
    longTermAnticoagulation antiplateletAboveLimit aminoglycosideHypersensitivity studyDrugHypersensitivity \
    severeAllergyHistory unstableAngina clinicallySignificantHeartDisease uncontrolledArrhythmia \
    nonIschemicCardiomyopathy multiOrganDysfunction seriousOrganDisease severeCerebrovascularDisease \
    geneticDisease boneMarrowFailureSyndrome burkittLymphoma organTransplantRecipient \
    longTermImmunosuppressionNeeded supportiveCareOngoing receivingGvhdTreatment \
    activeSystemicAutoimmuneDisease cnsInvolvementSuspected studyDrugAllergy studyDrugIntolerance \
    lymphodepletionAllergy cnsInvolvementOnImaging cnsSymptoms
    """.split(separator: " ").map(String.init)
}
