import TrialModel

/// A `{"value": 1.2, "unit": "x10^9/L"}` object in input files, with the unit parsed through
/// ``MeasurementUnit/init(parsing:)`` (unknown units fail decoding, naming the field).
public struct MeasuredValue: Sendable, Hashable, Codable {
  public var quantity: Quantity

  public init(_ quantity: Quantity) {
    self.quantity = quantity
  }

  private enum CodingKeys: String, CodingKey { case value, unit }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let text = try c.decode(String.self, forKey: .unit)
    guard let unit = MeasurementUnit(parsing: text) else {
      throw DecodingError.dataCorruptedError(
        forKey: .unit, in: c,
        debugDescription: "expected a unit (\(MeasurementUnit.canonicalSpellings)), found \"\(text)\"")
    }
    quantity = Quantity(try c.decode(Double.self, forKey: .value), unit)
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(quantity.value, forKey: .value)
    try c.encode(quantity.unit.rawValue, forKey: .unit)
  }

  /// The value in cells/µL; throws naming `field` when the unit is not a cell concentration.
  func perMicrolitre(field: String) throws(AssessmentInputError) -> Double {
    do {
      let v = try quantity.converted(to: .perMicrolitre).value
      try Check.nonNegative(v, field: "\(field).value")
      return v
    } catch let error as AssessmentInputError {
      throw error
    } catch {
      throw AssessmentInputError(
        field: "\(field).unit", expected: "a cell concentration (/µL or ×10⁹/L)",
        found: quantity.unit.rawValue)
    }
  }
}
