import Testing

/// How far a computed value may be from its reference.
public enum Tolerance: Sendable, Hashable, CustomStringConvertible {
  /// |actual − expected| ≤ bound.
  case absolute(Double)
  /// |actual − expected| ≤ bound·|expected|.
  case relative(Double)

  /// Whether `actual` is within the tolerance of `expected`. A NaN expected value (R's `NA`, an
  /// undefined statistic) accepts only NaN; a NaN actual value is never close to a number.
  public func accepts(_ actual: Double, _ expected: Double) -> Bool {
    if expected.isNaN { return actual.isNaN }
    if expected == actual { return true }  // equal infinities
    switch self {
    case .absolute(let bound): return abs(actual - expected) <= bound
    case .relative(let bound): return abs(actual - expected) <= bound * abs(expected)
    }
  }

  public var description: String {
    switch self {
    case .absolute(let bound): "\(bound)"
    case .relative(let bound): "a relative \(bound)"
    }
  }
}

/// Records an issue at the caller unless |actual − expected| ≤ `absolute`.
public func expectClose(
  _ actual: Double, _ expected: Double, absolute: Double, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose(actual, expected, within: .absolute(absolute), comment, sourceLocation: sourceLocation)
}

/// Records an issue at the caller unless |actual − expected| ≤ `relative`·|expected|.
public func expectClose(
  _ actual: Double, _ expected: Double, relative: Double, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose(actual, expected, within: .relative(relative), comment, sourceLocation: sourceLocation)
}

/// Records an issue at the caller unless `actual` is within `tolerance` of `expected`.
public func expectClose(
  _ actual: Double, _ expected: Double, within tolerance: Tolerance, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard !tolerance.accepts(actual, expected) else { return }
  Issue.record(
    "\(prefix(comment))\(actual) is not within \(tolerance) of \(expected) (difference \(actual - expected))",
    sourceLocation: sourceLocation)
}

/// Element-wise ``expectClose(_:_:absolute:_:sourceLocation:)`` after a length check: records an
/// issue when the arrays differ in length or `expected` is empty (unless `allowEmpty`).
public func expectClose(
  _ actual: [Double], _ expected: [Double], absolute: Double, allowEmpty: Bool = false,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose(
    actual, expected, within: .absolute(absolute), allowEmpty: allowEmpty, comment,
    sourceLocation: sourceLocation)
}

/// Element-wise ``expectClose(_:_:relative:_:sourceLocation:)`` after a length check: records an
/// issue when the arrays differ in length or `expected` is empty (unless `allowEmpty`).
public func expectClose(
  _ actual: [Double], _ expected: [Double], relative: Double, allowEmpty: Bool = false,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  expectClose(
    actual, expected, within: .relative(relative), allowEmpty: allowEmpty, comment,
    sourceLocation: sourceLocation)
}

/// Element-wise comparison within `tolerance` after a length check (see ``checkedZip``); each
/// failing element is reported with its 0-based index.
public func expectClose(
  _ actual: [Double], _ expected: [Double], within tolerance: Tolerance, allowEmpty: Bool = false,
  _ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation
) {
  for (index, (a, e)) in checkedZip(
    actual, expected, allowEmpty: allowEmpty, comment, sourceLocation: sourceLocation
  ).enumerated() where !tolerance.accepts(a, e) {
    Issue.record(
      "\(prefix(comment))[\(index)]: \(a) is not within \(tolerance) of \(e) (difference \(a - e))",
      sourceLocation: sourceLocation)
  }
}

func prefix(_ comment: Comment?) -> String {
  comment.map { "\($0.rawValue): " } ?? ""
}
