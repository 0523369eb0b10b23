import Inputs
import TrialModel

/// A `{"value": 1.2, "unit": "x10^9/L"}` object in input files, with the unit parsed through
/// ``MeasurementUnit/init(parsing:)`` (an unknown unit is an error naming the field).
public struct MeasuredValue: Sendable, Hashable {
  public var quantity: Quantity

  public init(_ quantity: Quantity) {
    self.quantity = quantity
  }

  /// The value in cells/µL; throws naming `field` when the unit is not a cell concentration or
  /// the value is not a plausible `count` (``PlausibleRanges``).
  func perMicrolitre(field: String, _ count: PlausibleQuantity, _ ranges: PlausibleRanges) throws(InputError)
    -> Double
  {
    guard let v = try? quantity.converted(to: .perMicrolitre).value else {
      throw InputError(
        field: "\(field).unit", expected: "a cell concentration (/µL or ×10⁹/L)",
        found: quantity.unit.rawValue)
    }
    try ranges.check(count, quantity.value, unit: quantity.unit, field: "\(field).value")
    return v
  }
}

extension MeasuredValue: JSONReadable {
  public static let jsonFields = ["value", "unit"]

  /// `{"value": 1.2, "unit": "x10^9/L"}`; both are required.
  public init(json: JSONReader) throws(InputError) {
    let r = try json.object(fields: Self.jsonFields)
    let value = try r.required("value", expected: "a number").number()
    let unitField = try r.required("unit", expected: "a unit (\(MeasurementUnit.canonicalSpellings))")
    guard let unit = MeasurementUnit(parsing: try unitField.string()) else {
      throw unitField.invalid(expected: "a unit (\(MeasurementUnit.canonicalSpellings))")
    }
    self.init(Quantity(value, unit))
  }
}
