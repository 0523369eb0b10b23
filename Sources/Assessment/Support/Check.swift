import Inputs

/// Validation helpers shared by the graders.
enum Check {
  /// Throws unless `value` lies in `range`.
  static func range<T: Comparable>(_ value: T, _ range: ClosedRange<T>, field: String)
    throws(InputError)
  {
    guard range.contains(value) else {
      throw InputError(
        field: field, expected: "a value from \(range.lowerBound) to \(range.upperBound)", found: "\(value)")
    }
  }

  /// Throws unless `value` is finite and ≥ 0.
  static func nonNegative(_ value: Double, field: String) throws(InputError) {
    guard value.isFinite, value >= 0 else {
      throw InputError(field: field, expected: "a finite number ≥ 0", found: "\(value)")
    }
  }
}

extension Check {
  /// The score of a scale given as items, as a total, or as "unable to perform" (`nil`); a total
  /// given with the items must agree with them.
  static func score(
    items itemSum: Int?, total: Int?, unableToPerform: Bool?, range: ClosedRange<Int>, field: String
  ) throws(InputError) -> Int? {
    if unableToPerform == true { return nil }
    if let itemSum {
      if let total, total != itemSum {
        throw InputError(
          field: "\(field).total", expected: "the score of \(field).items (\(itemSum))", found: "\(total)")
      }
      return itemSum
    }
    guard let total else {
      throw InputError(
        field: field, expected: "\"items\", \"total\" or \"unableToPerform\": true", found: "none of them")
    }
    try Check.range(total, range, field: "\(field).total")
    return total
  }
}
