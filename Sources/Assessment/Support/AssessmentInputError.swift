/// Bad clinical input: names the field (as a JSON path such as `ice.items.writing`), what was
/// expected and what was found.
public struct AssessmentInputError: Error, Sendable, Hashable, CustomStringConvertible {
  /// JSON path of the offending field.
  public var field: String
  /// What a valid value looks like.
  public var expected: String
  /// What was given.
  public var found: String

  public init(field: String, expected: String, found: String) {
    self.field = field
    self.expected = expected
    self.found = found
  }

  public var description: String { "\(field): expected \(expected), found \(found)" }

  /// The same error with `prefix` prepended to its field path (`assessments[3].` + `crs.vasopressors`).
  public func nested(under prefix: String) -> AssessmentInputError {
    AssessmentInputError(
      field: field.isEmpty ? prefix : prefix + "." + field, expected: expected, found: found)
  }
}

/// Validation helpers shared by the graders.
enum Check {
  /// Throws unless `value` lies in `range`.
  static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, field: String)
    throws(AssessmentInputError)
  {
    guard range.contains(value) else {
      throw AssessmentInputError(
        field: field, expected: "a value from \(range.lowerBound) to \(range.upperBound)", found: "\(value)")
    }
  }

  /// Throws unless `value` is finite and ≥ 0.
  static func nonNegative(_ value: Double, field: String) throws(AssessmentInputError) {
    guard value.isFinite, value >= 0 else {
      throw AssessmentInputError(field: field, expected: "a finite number ≥ 0", found: "\(value)")
    }
  }
}

extension Check {
  /// The score of a scale given as items, as a total, or as "unable to perform" (`nil`); a total
  /// given with the items must agree with them.
  static func score(
    items itemSum: Int?, total: Int?, unableToPerform: Bool?, range: ClosedRange<Int>, field: String
  ) throws(AssessmentInputError) -> Int? {
    if unableToPerform == true { return nil }
    if let itemSum {
      if let total, total != itemSum {
        throw AssessmentInputError(
          field: "\(field).total", expected: "the score of \(field).items (\(itemSum))", found: "\(total)")
      }
      return itemSum
    }
    guard let total else {
      throw AssessmentInputError(
        field: field, expected: "\"items\", \"total\" or \"unableToPerform\": true", found: "none of them")
    }
    try Check.range(total, range, field: "\(field).total")
    return total
  }
}
