import Inputs
import TrialModel

/// The CTCAE v5.0 laboratory terms graded here (NCI CTCAE v5.0, 27 Nov 2017).
public enum LabTerm: String, Sendable, Hashable, Codable, InputEnumeration {
  case neutrophils, platelets, whiteBloodCells, lymphocytes, haemoglobin
  case alanineAminotransferase, aspartateAminotransferase, bilirubin, creatinine, fibrinogen

  /// The CTCAE v5.0 adverse-event term.
  public var ctcaeTerm: String {
    switch self {
    case .neutrophils: "Neutrophil count decreased"
    case .platelets: "Platelet count decreased"
    case .whiteBloodCells: "White blood cell decreased"
    case .lymphocytes: "Lymphocyte count decreased"
    case .haemoglobin: "Anemia"
    case .alanineAminotransferase: "Alanine aminotransferase increased"
    case .aspartateAminotransferase: "Aspartate aminotransferase increased"
    case .bilirubin: "Blood bilirubin increased"
    case .creatinine: "Creatinine increased"
    case .fibrinogen: "Fibrinogen decreased"
    }
  }

  /// Cytopenias (haematological terms); the others are organ (non-haematological) findings.
  public var isHaematological: Bool {
    switch self {
    case .neutrophils, .platelets, .whiteBloodCells, .lymphocytes, .haemoglobin: true
    default: false
    }
  }

  /// The unit the CTCAE cut-offs are written in, or `nil` for enzymes graded only as multiples of
  /// ULN or baseline.
  public var gradingUnit: MeasurementUnit? {
    switch self {
    case .neutrophils, .platelets, .whiteBloodCells, .lymphocytes: .perMicrolitre
    case .haemoglobin: .gPerDL
    case .bilirubin, .creatinine, .fibrinogen: .mgPerDL
    case .alanineAminotransferase, .aspartateAminotransferase: nil
    }
  }

  /// What the `unit` of a result of this term may be, for error messages.
  public var unitHint: String {
    gradingUnit == nil
      ? "U/L, xULN, or no unit (value, uln and baseline in one unit)"
      : "a unit such as /µL, x10^9/L, g/dL, g/L, mg/dL, µmol/L or xULN"
  }

  /// The quantity whose plausibility range (``PlausibleRanges``) a result of this term must lie in.
  var plausible: PlausibleQuantity {
    switch self {
    case .neutrophils: .neutrophils
    case .platelets: .platelets
    case .whiteBloodCells: .whiteBloodCells
    case .lymphocytes: .lymphocytes
    case .haemoglobin: .haemoglobin
    case .alanineAminotransferase: .alanineAminotransferase
    case .aspartateAminotransferase: .aspartateAminotransferase
    case .bilirubin: .bilirubin
    case .creatinine: .creatinine
    case .fibrinogen: .fibrinogen
    }
  }

  /// The analyte for mass ↔ molar conversion.
  public var analyte: Analyte? {
    switch self {
    case .bilirubin: .bilirubin
    case .creatinine: .creatinine
    default: nil
    }
  }

  private static let spellings: [String: LabTerm] = {
    var table: [String: LabTerm] = [:]
    for term in allCases {
      table[normalize(term.rawValue)] = term
      table[normalize(term.ctcaeTerm)] = term
    }
    let extra: [(String, LabTerm)] = [
      ("anc", .neutrophils), ("neutrophil count", .neutrophils), ("plt", .platelets),
      ("platelet count", .platelets),
      ("wbc", .whiteBloodCells), ("white blood cells", .whiteBloodCells), ("alc", .lymphocytes),
      ("lymphocyte count", .lymphocytes), ("hemoglobin", .haemoglobin), ("hb", .haemoglobin),
      ("hgb", .haemoglobin), ("anaemia", .haemoglobin), ("alt", .alanineAminotransferase),
      ("ast", .aspartateAminotransferase), ("total bilirubin", .bilirubin), ("serum creatinine", .creatinine),
    ]
    for (spelling, term) in extra { table[normalize(spelling)] = term }
    return table
  }()

  private static func normalize(_ s: String) -> String { s.lowercased().filter { $0.isLetter } }

  /// Parses a term from its name here, its CTCAE term or a common abbreviation (`ANC`, `ALT`, `Hb`).
  public init?(parsing text: String) {
    guard let term = LabTerm.spellings[LabTerm.normalize(text)] else { return nil }
    self = term
  }

  /// The term `text` names (see ``init(parsing:)``), for ``InputEnumeration``.
  public static func named(_ text: String) -> LabTerm? { LabTerm(parsing: text) }
}

/// One laboratory result to grade. `lln`, `uln` and `baseline` are in the same unit as `value`.
///
/// JSON: `{"term": "neutrophils", "value": 0.4, "unit": "x10^9/L", "lln": 1.8, "uln": 7.5,
/// "baseline": 2.0}`. ALT and AST take no unit (value, ULN and baseline in any one unit, such as
/// U/L) or the unit `xULN`.
public struct LabResult: Sendable, Hashable {
  public var term: LabTerm
  public var value: Double
  public var unit: MeasurementUnit?
  /// Lower limit of normal of the reporting laboratory.
  public var lln: Double?
  /// Upper limit of normal of the reporting laboratory.
  public var uln: Double?
  /// The subject's pre-treatment value.
  public var baseline: Double?

  public init(
    term: LabTerm, value: Double, unit: MeasurementUnit?, lln: Double? = nil, uln: Double? = nil,
    baseline: Double? = nil
  ) {
    self.term = term
    self.value = value
    self.unit = unit
    self.lln = lln
    self.uln = uln
    self.baseline = baseline
  }
}
