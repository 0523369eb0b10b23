import Foundation
import Inputs

/// Lab analytes whose mass and molar concentrations convert into each other.
public enum Analyte: String, Sendable, Hashable, Codable {
  /// Serum creatinine: 1 mg/dL = 88.42 µmol/L (CDISC admiral's factor for CTCAE v5.0).
  case creatinine
  /// Total bilirubin: 1 mg/dL = 17.1 µmol/L.
  case bilirubin

  /// µmol/L per mg/dL.
  public var micromolPerLitrePerMgPerDL: Double {
    switch self {
    case .creatinine: 88.42
    case .bilirubin: 17.1
    }
  }
}

/// An error converting between units.
public struct UnitConversionError: Error, Sendable, Hashable, CustomStringConvertible {
  public var from: MeasurementUnit
  public var to: MeasurementUnit
  public var analyte: Analyte?

  public var description: String {
    let concentrations: Set<Dimension> = [.massConcentration, .molarConcentration]
    if analyte == nil, from.dimension != to.dimension, concentrations.contains(from.dimension),
      concentrations.contains(to.dimension)
    {
      return "cannot convert \(from.rawValue) to \(to.rawValue) without knowing the analyte"
    }
    return
      "cannot convert \(from.rawValue) (\(from.dimension.rawValue)) to \(to.rawValue) (\(to.dimension.rawValue))"
  }
}

/// A number with its unit, e.g. `1.9 mg/dL` or `3.0e8 cells`.
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
  public var value: Double
  public var unit: MeasurementUnit

  public init(_ value: Double, _ unit: MeasurementUnit) {
    self.value = value
    self.unit = unit
  }

  /// This quantity expressed in `target`. Mass ↔ molar concentration needs the `analyte`.
  public func converted(to target: MeasurementUnit, analyte: Analyte? = nil) throws(UnitConversionError)
    -> Quantity
  {
    if target == unit { return self }
    let source = unit.dimension
    let destination = target.dimension
    if source == destination {
      return Quantity(value * unit.factorToBase / target.factorToBase, target)
    }
    guard let analyte else { throw UnitConversionError(from: unit, to: target, analyte: nil) }
    let factor = analyte.micromolPerLitrePerMgPerDL
    switch (source, destination) {
    case (.massConcentration, .molarConcentration):
      return Quantity(value * unit.factorToBase * factor, target)
    case (.molarConcentration, .massConcentration):
      return Quantity(value / factor / target.factorToBase, target)
    default:
      throw UnitConversionError(from: unit, to: target, analyte: analyte)
    }
  }

  /// `value unit`, with the value in compact scientific notation when large (`3e+08 cells`).
  public var description: String { "\(Quantity.format(value)) \(unit.rawValue)" }

  /// Formats a number compactly: plain for 0.001 ≤ |x| < 10⁶, scientific (`3.0e8`) otherwise.
  public static func format(_ x: Double) -> String {
    guard x.isFinite else { return String(x) }
    let magnitude = abs(x)
    if x == 0 || (magnitude >= 0.001 && magnitude < 1e6) {
      var s = String(format: "%.6g", x)
      if s.contains("e") { s = String(x) }
      return s
    }
    let exponent = Int(log10(magnitude).rounded(.down))
    let mantissa = x / pow(10, Double(exponent))
    var m = String(format: "%.4g", mantissa)
    if !m.contains(".") { m += ".0" }
    return "\(m)e\(exponent)"
  }
}

extension Quantity {
  /// Parses `"3.0e6 cells/kg"`, `"1.5×10^8 cells"` or `"1.9 mg/dL"`: a number, then a unit.
  public init?(parsing text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard let split = trimmed.firstIndex(where: { $0 == " " }) else { return nil }
    let numberText = String(trimmed[..<split])
    let unitText = trimmed[split...].trimmingCharacters(in: .whitespaces)
    guard let value = Quantity.parseNumber(numberText), let unit = MeasurementUnit(parsing: unitText)
    else { return nil }
    self.init(value, unit)
  }

  /// Parses `3.0e6`, `3.0E6`, `3.0×10^6`, `3.0x10^6` and `3.0*10^6`.
  public static func parseNumber(_ text: String) -> Double? {
    if let value = Double(text) { return value }
    for marker in ["×10^", "x10^", "*10^", "×10", "x10"] {
      if let range = text.range(of: marker) {
        guard let mantissa = Double(text[..<range.lowerBound]),
          let exponent = Int(text[range.upperBound...])
        else { return nil }
        return mantissa * pow(10, Double(exponent))
      }
    }
    return nil
  }

  private enum CodingKeys: String, CodingKey { case value, unit }

  /// Decodes `"3.0e6 cells/kg"` or `{value: 3.0e6, unit: cells/kg}`.
  public init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: CodingKeys.self), keyed.contains(.value) {
      let value = try keyed.decode(Double.self, forKey: .value)
      let unitText = try keyed.decode(String.self, forKey: .unit)
      guard let unit = MeasurementUnit(parsing: unitText) else {
        throw InputError(
          field: "", expected: "a unit (\(MeasurementUnit.canonicalSpellings))", found: "'\(unitText)'"
        ).decodingError(at: keyed.codingPath + [CodingKeys.unit])
      }
      self.init(value, unit)
      return
    }
    let single = try decoder.singleValueContainer()
    let text: String
    if let number = try? single.decode(Double.self) {
      text = String(number)
    } else {
      text = try single.decode(String.self)
    }
    guard let quantity = Quantity(parsing: text) else {
      let hasUnit = text.trimmingCharacters(in: .whitespaces).contains(" ")
      let error =
        hasUnit
        ? InputError(
          field: "", expected: "a number and a known unit (\(MeasurementUnit.canonicalSpellings))",
          found: "'\(text)'")
        : InputError(
          field: "", expected: "a number followed by its unit (e.g. '3.0e6 cells/kg')",
          found: "'\(text)' with no unit")
      throw error.decodingError(at: decoder.codingPath)
    }
    self = quantity
  }

  public func encode(to encoder: any Encoder) throws {
    var single = encoder.singleValueContainer()
    try single.encode(description)
  }
}
