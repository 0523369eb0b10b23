import Inputs
import TrialModel

/// Dates and measurements as the patient record writes them.
extension JSONObjectReader {
  /// A date `YYYY-MM-DD` in field `key`, not after `limit` when given.
  func date(_ key: String, notAfter limit: CivilDate? = nil) throws(InputError) -> CivilDate? {
    guard let field = self[key] else { return nil }
    guard case .string(let text) = field.value.content, let date = CivilDate(iso: text) else {
      throw field.invalid(expected: "a date YYYY-MM-DD")
    }
    if let limit, date > limit {
      throw field.invalid(expected: "a date on or before the screening date \(limit)")
    }
    return date
  }

  /// A date in field `key` that is not before `screening` (planned infusion, lymphodepletion).
  func date(_ key: String, notBefore screening: CivilDate) throws(InputError) -> CivilDate? {
    guard let date = try date(key) else { return nil }
    guard date >= screening else {
      throw self[key]!.invalid(expected: "a date on or after the screening date \(screening)")
    }
    return date
  }
}

extension JSONReader {
  /// The fields of a `{value, unit, date}` measurement.
  static let measurementFields = ["value", "unit", "date"]

  /// `{"value": 58, "unit": "kg"}` converted to `unit`, which must lie in `range` (in `unit`); a
  /// missing unit means `unit`; `date` may not be after `screening`.
  func measurement(
    to unit: MeasurementUnit, range: ClosedRange<Double>, what: String, screening: CivilDate? = nil
  ) throws(InputError) -> Double {
    let r = try object(fields: JSONReader.measurementFields)
    let valueField = try r.required("value", expected: "\(what) in \(unit.rawValue)")
    let value = try valueField.number()
    var parsed = unit
    if let unitField = r["unit"] {
      let spelling = try unitField.string()
      guard case .measurement(let given) = LabUnit(parsing: spelling) else {
        throw unitField.invalid(expected: "a unit convertible to \(unit.rawValue)")
      }
      parsed = given
    }
    guard let converted = try? Quantity(value, parsed).converted(to: unit).value else {
      throw r["unit"]!.invalid(expected: "a unit convertible to \(unit.rawValue)")
    }
    guard range.contains(converted) else {
      throw valueField.invalid(
        expected: "\(what) \(JSONReader.describe(range)) \(unit.rawValue)",
        found: "\(valueField.found) \(parsed.rawValue)")
    }
    _ = try r.date("date", notAfter: screening)
    return converted
  }
}

extension PlausibleRanges {
  /// ``check(_:_:unit:field:)`` for a JSON value: the error is at the value's path and position.
  func check(
    _ quantity: PlausibleQuantity, _ value: Double, unit: MeasurementUnit? = nil, at field: JSONReader
  )
    throws(InputError)
  {
    do { try check(quantity, value, unit: unit, field: field.path) } catch {
      throw error.located(at: field.location)
    }
  }
}

extension JSONReader {
  /// `{"value": 58, "unit": "kg"}` as a plausible `quantity` (``PlausibleRanges``), converted to
  /// the range's unit; a missing unit means the range's unit.
  func measurement(_ quantity: PlausibleQuantity, ranges: PlausibleRanges) throws(InputError) -> Double {
    let r = try object(fields: JSONReader.measurementFields)
    guard let range = ranges[quantity], let unit = range.unit else {
      preconditionFailure("a measurement's plausibility range has a unit")
    }
    let valueField = try r.required("value", expected: "a \(quantity.name) in \(unit.rawValue)")
    let value = try valueField.number()
    var parsed = unit
    if let unitField = r["unit"] {
      guard case .measurement(let given) = LabUnit(parsing: try unitField.string()),
        given.dimension == unit.dimension
      else {
        throw unitField.invalid(expected: "a unit convertible to \(unit.rawValue)")
      }
      parsed = given
    }
    try ranges.check(quantity, value, unit: parsed, at: valueField)
    _ = try r.date("date")
    return (try? Quantity(value, parsed).converted(to: unit).value) ?? value
  }
}
