import Inputs
import TrialModel

/// The small checks every conduct rule is built of; each refusal is an ``InputError``.
enum Rule {
  /// A rule refuses: `field` expected `expected`, found `found` (HTTP 409).
  static func refuse(_ field: String, _ expected: String, _ found: String) -> InputError {
    InputError(.conflict, field: field, expected: expected, found: found)
  }

  /// A reason is required (overrides, corrections, amendments: 21 CFR 11.10(e)).
  static func reason(_ text: String) throws(InputError) {
    guard !text.allSatisfy(\.isWhitespace) else {
      throw InputError.missing("reason", expected: "a reason, in words")
    }
  }

  static func notFuture(_ date: CalendarDate, _ today: CalendarDate, _ field: String) throws(InputError) {
    guard date <= today else {
      throw InputError(
        .invalidValue, field: field, expected: "a date not after today (\(today))", found: "\(date)")
    }
  }

  static func range(_ value: Double, _ range: ClosedRange<Double>, _ field: String, _ unit: String)
    throws(InputError)
  {
    guard range.contains(value) else {
      throw InputError(
        .invalidValue, field: field,
        expected: "\(JSONReader.format(range.lowerBound)) to \(JSONReader.format(range.upperBound)) \(unit)",
        found: JSONReader.format(value))
    }
  }

  /// An identifier of letters, digits, `-`, `_` and `.`, 1 to 64 characters.
  static func identifier(_ text: String, _ field: String) throws(InputError) {
    let allowed = text.utf8.allSatisfy { b in
      (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) || b == 45 || b == 95
        || b == 46
    }
    guard allowed, (1...64).contains(text.utf8.count) else {
      throw InputError(
        .invalidValue, field: field, expected: "1 to 64 letters, digits, '-', '_' or '.'",
        found: "\"\(text)\"")
    }
  }

  /// A site-bound actor (coordinator, investigator) acts only on their own site's subjects.
  static func sameSite(_ site: String?, _ actor: Actor) throws(InputError) {
    guard let own = actor.site, let site, own != site else { return }
    throw InputError(
      .forbidden, field: "site", expected: "a subject of \(actor.name)'s site \(own)",
      found: "a subject of site \(site)")
  }
}

/// Refuses an identifier (trial, subject, site, username) that is not 1 to 64 letters, digits,
/// '-', '_' or '.'.
public func checkIdentifier(_ text: String, field: String) throws(InputError) {
  try Rule.identifier(text, field)
}
