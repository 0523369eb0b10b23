import TrialModel

/// The unit of a lab value: a ``MeasurementUnit`` or the dimensionless ratio (INR), which has no
/// unit to write.
enum LabUnit: Sendable, Hashable, CustomStringConvertible {
  case measurement(MeasurementUnit)
  case ratio

  /// Enzyme activity (ALT, AST).
  static let unitsPerLitre = LabUnit.measurement(.unitsPerLitre)
  /// Clotting times (APTT).
  static let seconds = LabUnit.measurement(.seconds)

  /// Parses a unit spelling; `nil` if unknown.
  init?(parsing text: String) {
    if let unit = LabUnit.exactSpellings[text] {
      self = unit
      return
    }
    switch text.lowercased().replacingOccurrences(of: " ", with: "") {
    case "", "ratio", "inr": self = .ratio
    default:
      guard let unit = MeasurementUnit(parsing: text) else { return nil }
      self = .measurement(unit)
    }
  }

  /// Canonical spellings, looked up before the (slower) alias normalisation.
  private static let exactSpellings: [String: LabUnit] = {
    var table: [String: LabUnit] = [:]
    for unit in MeasurementUnit.allCases { table[unit.rawValue] = .measurement(unit) }
    table["umol/L"] = .measurement(.micromolPerL)
    table["ratio"] = .ratio
    table[""] = .ratio
    return table
  }()

  var description: String {
    switch self {
    case .measurement(let unit): unit.rawValue
    case .ratio: "(ratio)"
    }
  }

  /// The factor that converts a value in this unit to `target`, or `nil` if they do not convert.
  func factor(to target: LabUnit, analyte: Analyte?) -> Double? {
    if self == target { return 1 }
    guard case .measurement(let from) = self, case .measurement(let to) = target else { return nil }
    return try? Quantity(1, from).converted(to: to, analyte: analyte).value
  }
}

extension LabUnit {
  /// Parses a unit written after a threshold in an expression (any unit except the bare ratio).
  init?(threshold text: String) {
    guard let unit = LabUnit(parsing: text), unit != .ratio else { return nil }
    self = unit
  }
}
