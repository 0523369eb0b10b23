import Inputs
import TrialModel

extension CSVTable {
  /// A finite number in column `name`.
  public func number(_ row: Row, _ name: String) throws(InputError) -> Double {
    guard let value = Double(string(row, name)), value.isFinite else {
      throw error(row, name, expected: "a number")
    }
    return value
  }

  /// A number ≥ 0 in column `name`.
  public func nonNegative(_ row: Row, _ name: String) throws(InputError) -> Double {
    let value = try number(row, name)
    guard value >= 0 else { throw error(row, name, expected: "a number ≥ 0") }
    return value
  }

  /// An optional whole number in column `name`; empty means none.
  public func integer(_ row: Row, _ name: String) throws(InputError) -> Int? {
    let text = string(row, name)
    if text.isEmpty { return nil }
    guard let value = Int(text) else { throw error(row, name, expected: "a whole number") }
    return value
  }

  /// An optional ISO date (YYYY-MM-DD) in column `name`; empty means none.
  public func date(_ row: Row, _ name: String) throws(InputError) -> CalendarDate? {
    let text = string(row, name)
    if text.isEmpty { return nil }
    guard let day = CalendarDate(iso: text) else { throw error(row, name, expected: "a date YYYY-MM-DD") }
    return day
  }

  /// A yes/no indicator: 1/0, true/false, yes/no, y/n (any case).
  public func flag(_ row: Row, _ name: String) throws(InputError) -> Bool {
    switch string(row, name).lowercased() {
    case "1", "true", "yes", "y": return true
    case "0", "false", "no", "n": return false
    default: throw error(row, name, expected: "1/0, true/false or yes/no")
    }
  }

  /// An optional yes/no indicator; empty means unknown.
  public func optionalFlag(_ row: Row, _ name: String) throws(InputError) -> Bool? {
    string(row, name).isEmpty ? nil : try flag(row, name)
  }

  /// A value of an enumeration in column `name`, its error listing the allowed spellings; empty
  /// means none.
  public func value<Value: InputEnumeration>(
    _ row: Row, _ name: String, as type: Value.Type
  ) throws(InputError) -> Value? {
    let text = string(row, name)
    if text.isEmpty { return nil }
    do {
      return try Value.parse(text, field: name)
    } catch {
      throw error.located(at: location(row, name))
    }
  }
}
