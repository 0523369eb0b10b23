import Testing

/// `zip(actual, expected)` for comparisons that must not pass vacuously: records an issue at the
/// caller when the two differ in length, or when `expected` is empty unless `allowEmpty` is true.
/// The pairs of the common prefix are returned either way, so the caller's element checks still
/// run and report.
///
///     for (ours, theirs) in checkedZip(oc.selection, reference.selection) { … }
public func checkedZip<Actual: Collection, Expected: Collection>(
  _ actual: Actual, _ expected: Expected, allowEmpty: Bool = false, _ comment: Comment? = nil,
  sourceLocation: SourceLocation = #_sourceLocation
) -> Zip2Sequence<Actual, Expected> {
  if actual.count != expected.count {
    Issue.record(
      "\(prefix(comment))\(actual.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
  } else if expected.isEmpty, !allowEmpty {
    Issue.record(
      "\(prefix(comment))the expected values are empty, so nothing is compared",
      sourceLocation: sourceLocation)
  }
  return zip(actual, expected)
}
