import Inputs
import TrialModel

/// Sex as recorded for Cockcroft–Gault and sex-specific criteria.
public enum Sex: String, Sendable, Hashable, CaseIterable {
  case male, female
}

/// CNS status of ALL: CNS1 no blasts in CSF, CNS2 blasts with < 5 WBC/µL, CNS3 ≥ 5 WBC/µL or
/// clinical signs (NCCN / COG convention).
public enum CNSStatus: String, Sendable, Hashable, CaseIterable {
  case cns1, cns2, cns3
}

/// A lab result converted to the test's canonical unit, with its reference range.
public struct LabResult: Sendable, Hashable {
  /// Value in the canonical unit of the test (creatinine and bilirubin in mg/dL, …).
  public var value: Double
  /// The value and unit as recorded, for evidence.
  public var recordedValue: Double
  public var recordedUnit: String
  /// Upper and lower limits of normal, in the recorded unit; `nil` if not given.
  public var upperLimitOfNormal: Double?
  public var lowerLimitOfNormal: Double?
  public var date: CivilDate?
  /// How it was measured (`labs.lvef.method`), if recorded.
  public var method: LabMethod?
  /// Room air or supplemental oxygen (`labs.spo2.oxygen`), if recorded.
  public var oxygen: OxygenCondition?
}

/// A dated event in the patient's history (treatment, procedure, complication).
public struct HistoryEvent: Sendable, Hashable {
  public var classes: EventClassSet
  public var date: CivilDate
  /// Daily prednisone-equivalent dose in mg (steroids) or another dose as recorded.
  public var dose: Double?
  /// Severity grade (e.g. GVHD grade).
  public var grade: Double?
  public var note: String?
  /// Systemic, local, topical or inhaled, if recorded.
  public var route: Route?
  /// The day a state resolved or a treatment's last day, if recorded (`nil` with `ongoing` false
  /// and no end: a one-day event, unless the class is a state — see ``EventClass/isState``).
  public var endDate: CivilDate?
  /// Still present at screening (`ongoing: true`), if recorded.
  public var ongoing: Bool?
  /// A malignancy's tumour type, if recorded.
  public var tumourType: TumourType?

  public init(
    classes: EventClassSet, date: CivilDate, dose: Double? = nil, grade: Double? = nil, note: String? = nil,
    route: Route? = nil, endDate: CivilDate? = nil, ongoing: Bool? = nil, tumourType: TumourType? = nil
  ) {
    self.classes = classes
    self.date = date
    self.dose = dose
    self.grade = grade
    self.note = note
    self.route = route
    self.endDate = endDate
    self.ongoing = ongoing
    self.tumourType = tumourType
  }
}

/// A planned event (`plans.events[]`): surgery, pregnancy, …, with its planned date if known.
public struct PlannedEvent: Sendable, Hashable {
  public var classes: EventClassSet
  public var date: CivilDate?

  public init(classes: EventClassSet, date: CivilDate? = nil) {
    self.classes = classes
    self.date = date
  }
}

/// The quantity of a nucleic-acid viral test, as recorded (IU/mL or copies/mL).
public struct ViralLoad: Sendable, Hashable {
  public var value: Double
  public var unit: MeasurementUnit
}

/// An antigen expression result (CD19, CD20).
public struct AntigenResult: Sendable, Hashable {
  public var antigen: String
  public var positive: Bool
  public var date: CivilDate?
  /// The method as recorded (for evidence).
  public var method: String?
  /// The method, parsed (flow cytometry, IHC, PCR).
  public var testMethod: TestMethod?
  public var specimen: Specimen?

  public init(
    antigen: String, positive: Bool, date: CivilDate? = nil, method: String? = nil, specimen: Specimen? = nil
  ) {
    self.antigen = antigen
    self.positive = positive
    self.date = date
    self.method = method
    self.testMethod = method.flatMap(TestMethod.named)
    self.specimen = specimen
  }
}

/// The investigator's judgement on one criterion of one protocol.
public struct Attestation: Sendable, Hashable {
  public var protocolID: String
  public var criterionID: String
  /// Whether the patient passes the criterion (same convention as ``Verdict/met``).
  public var met: Bool
  public var by: String?
  public var date: CivilDate?

  public init(protocolID: String, criterionID: String, met: Bool, by: String? = nil, date: CivilDate? = nil) {
    self.protocolID = protocolID
    self.criterionID = criterionID
    self.met = met
    self.by = by
    self.date = date
  }
}

/// Everything screening needs to know about one patient, already validated and converted to
/// canonical units (see `PatientRecord(json:)` for the JSON format).
///
/// Facts are stored in arrays indexed by ``BooleanFact`` and ``NumericFact`` so that evaluation is
/// a table lookup; `nil` means "not recorded", which the evaluator reports as `missing`.
public struct PatientRecord: Sendable, Hashable {
  public var id: String?
  public var screeningDate: CivilDate?
  public var plannedInfusionDate: CivilDate?
  /// First day of lymphodepleting chemotherapy, if planned.
  public var plannedLymphodepletionDate: CivilDate?
  /// The (planned) enrolment date, on or after screening: screening precedes enrolment.
  public var enrollmentDate: CivilDate?
  /// Planned events (`plans.events`).
  public var plans: [PlannedEvent] = []
  /// Whether `plans` lists every relevant plan (absence of a plan then means "none").
  public var plansComplete = false
  /// Viral loads by ``BooleanFact`` raw value (nucleic-acid tests only).
  public var viralLoads: [Int: ViralLoad] = [:]
  public var birthDate: CivilDate?
  public var sex: Sex?
  public var cnsStatus: CNSStatus?
  public var consentDate: CivilDate?
  /// Whether `history` lists every relevant event (absence of an event then means "none").
  public var historyComplete: Bool = false
  public var history: [HistoryEvent] = []
  public var antigens: [AntigenResult] = []
  public var attestations: [Attestation] = []
  var booleans: [Bool?] = Array(repeating: nil, count: BooleanFact.allCases.count)
  var numbers: [Double?] = Array(repeating: nil, count: NumericFact.allCases.count)
  var labs: [LabResult?] = Array(repeating: nil, count: LabTest.allCases.count)

  public init(id: String? = nil) { self.id = id }

  public subscript(fact: BooleanFact) -> Bool? {
    get { booleans[fact.rawValue] }
    set { booleans[fact.rawValue] = newValue }
  }

  public subscript(fact: NumericFact) -> Double? {
    get { numbers[fact.rawValue] }
    set { numbers[fact.rawValue] = newValue }
  }

  public subscript(lab: LabTest) -> LabResult? {
    get { labs[LabTest.index[lab]!] }
    set { labs[LabTest.index[lab]!] = newValue }
  }

  func lab(at index: Int) -> LabResult? { labs[index] }

  /// Sets a lab from a value in a unit spelling.
  /// - Throws: ``InputError`` for field `labs.TEST.unit` if the unit is unknown or does not
  ///   convert to the test's unit.
  public mutating func setLab(
    _ test: LabTest, value: Double, unit: String, uln: Double? = nil, lln: Double? = nil,
    date: CivilDate? = nil
  ) throws(InputError) {
    guard let parsed = LabUnit(parsing: unit),
      let factor = parsed.factor(to: test.canonicalUnit, analyte: test.analyte)
    else {
      throw InputError(
        field: "labs.\(test.rawValue).unit", expected: "a unit convertible to \(test.canonicalUnit)",
        found: "\"\(unit)\"")
    }
    self[test] = LabResult(
      value: value * factor, recordedValue: value, recordedUnit: parsed.description,
      upperLimitOfNormal: uln, lowerLimitOfNormal: lln, date: date)
  }
}

extension LabTest {
  static let index: [LabTest: Int] = Dictionary(
    uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })
}
