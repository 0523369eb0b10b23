/// What a unit measures; only units of the same dimension convert into each other (plus the
/// analyte-specific mass ↔ molar concentration conversions of ``Analyte``).
public enum Dimension: String, Sendable, Hashable, Codable {
  case cellCount, cellsPerBodyWeight, bodyWeight, length, area
  case massConcentration, molarConcentration, cellConcentration
  case multipleOfULN, fraction, clearance, oxygenFlow, duration, dosePerArea, temperature
  case enzymeActivity
  /// Nucleic-acid load in international units (WHO standards) and in copies: they convert only
  /// with an assay's factor, never generally.
  case viralLoad, viralCopies
}

/// A unit of measurement used in protocols, patient records and lab results.
///
/// The raw value is the canonical spelling printed in every output; ``init(parsing:)`` also
/// accepts common alternative spellings (`umol/L`, `x10^9/L`, `xULN`, `cells/uL`, …).
public enum MeasurementUnit: String, Sendable, Hashable, CaseIterable, Codable {
  case cells = "cells"
  case cellsPerKg = "cells/kg"
  case kg = "kg"
  case cm = "cm"
  case squareMetre = "m²"
  case mgPerDL = "mg/dL"
  case mgPerL = "mg/L"
  case gPerDL = "g/dL"
  case gPerL = "g/L"
  case micromolPerL = "µmol/L"
  case perMicrolitre = "/µL"
  case gigaPerLitre = "×10⁹/L"
  case unitsPerLitre = "U/L"
  case timesULN = "×ULN"
  case percent = "%"
  case mLPerMin = "mL/min"
  case litresPerMin = "L/min"
  case seconds = "s"
  case hours = "hours"
  case days = "days"
  case weeks = "weeks"
  case months = "months"
  case years = "years"
  case mgPerSquareMetre = "mg/m²"
  case celsius = "°C"
  case iuPerML = "IU/mL"
  case copiesPerML = "copies/mL"

  /// The dimension this unit measures.
  public var dimension: Dimension {
    switch self {
    case .cells: .cellCount
    case .cellsPerKg: .cellsPerBodyWeight
    case .kg: .bodyWeight
    case .cm: .length
    case .squareMetre: .area
    case .mgPerDL, .mgPerL, .gPerDL, .gPerL: .massConcentration
    case .micromolPerL: .molarConcentration
    case .perMicrolitre, .gigaPerLitre: .cellConcentration
    case .unitsPerLitre: .enzymeActivity
    case .timesULN: .multipleOfULN
    case .percent: .fraction
    case .mLPerMin: .clearance
    case .litresPerMin: .oxygenFlow
    case .seconds, .hours, .days, .weeks, .months, .years: .duration
    case .mgPerSquareMetre: .dosePerArea
    case .celsius: .temperature
    case .iuPerML: .viralLoad
    case .copiesPerML: .viralCopies
    }
  }

  /// Factor that converts a value in this unit to its dimension's base unit (mg/dL, /µL, days, …).
  ///
  /// Months and years use the mean Gregorian lengths (30.436875 and 365.2425 days); protocols that
  /// count calendar months compare dates instead (see `Eligibility`).
  public var factorToBase: Double {
    switch self {
    case .mgPerDL: 1
    case .mgPerL: 0.1
    case .gPerDL: 1000
    case .gPerL: 100
    case .perMicrolitre: 1
    case .gigaPerLitre: 1000
    case .seconds: 1.0 / 86_400.0
    case .hours: 1.0 / 24.0
    case .days: 1
    case .weeks: 7
    case .months: MeasurementUnit.daysPerMonth
    case .years: MeasurementUnit.daysPerYear
    default: 1
    }
  }

  /// Mean Gregorian month in days.
  public static let daysPerMonth = 365.2425 / 12
  /// Mean Gregorian year in days.
  public static let daysPerYear = 365.2425

  private static let aliases: [String: MeasurementUnit] = {
    var table: [String: MeasurementUnit] = [:]
    for unit in MeasurementUnit.allCases { table[normalize(unit.rawValue)] = unit }
    let extra: [(String, MeasurementUnit)] = [
      ("cell", .cells), ("car+ cells", .cells), ("cells/kg body weight", .cellsPerKg),
      ("car+ cells/kg", .cellsPerKg), ("m2", .squareMetre), ("m^2", .squareMetre),
      ("umol/l", .micromolPerL), ("μmol/l", .micromolPerL), ("micromol/l", .micromolPerL),
      ("cells/µl", .perMicrolitre), ("cells/ul", .perMicrolitre), ("/ul", .perMicrolitre),
      ("/mm3", .perMicrolitre), ("/mm³", .perMicrolitre), ("cells/mm3", .perMicrolitre),
      ("x10^9/l", .gigaPerLitre), ("10^9/l", .gigaPerLitre), ("x10e9/l", .gigaPerLitre),
      ("g/l", .gPerL), ("xuln", .timesULN), ("x uln", .timesULN), ("uln", .timesULN),
      ("ml/min", .mLPerMin), ("u/l", .unitsPerLitre), ("iu/l", .unitsPerLitre), ("sec", .seconds),
      ("second", .seconds), ("seconds", .seconds), ("l/min", .litresPerMin), ("h", .hours), ("hour", .hours),
      ("d", .days), ("day", .days), ("week", .weeks), ("wk", .weeks), ("month", .months),
      ("year", .years), ("y", .years), ("mg/m2", .mgPerSquareMetre), ("c", .celsius),
      ("degc", .celsius), ("percent", .percent), ("iu/ml", .iuPerML), ("copies/ml", .copiesPerML),
      ("cp/ml", .copiesPerML),
    ]
    for (spelling, unit) in extra { table[normalize(spelling)] = unit }
    return table
  }()

  private static func normalize(_ text: String) -> String {
    // The replaced characters are all non-ASCII: an ASCII spelling (`x10^9/L`) skips them, which
    // keeps reading a long trial's lab entries fast (the fold reads every one).
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
      return text.lowercased().split(separator: " ").joined(separator: " ")
    }
    return text.lowercased()
      .replacingOccurrences(of: "×", with: "x")
      .replacingOccurrences(of: "⁹", with: "^9")
      .replacingOccurrences(of: "²", with: "2")
      .replacingOccurrences(of: "³", with: "3")
      .replacingOccurrences(of: "μ", with: "µ")
      .split(separator: " ").joined(separator: " ")
  }

  /// Parses a unit from its canonical spelling or a common alias; `nil` if unknown.
  public init?(parsing text: String) {
    guard let unit = MeasurementUnit.aliases[MeasurementUnit.normalize(text)] else { return nil }
    self = unit
  }

  /// All accepted canonical spellings, for error messages.
  public static var canonicalSpellings: String {
    allCases.map(\.rawValue).joined(separator: ", ")
  }
}
