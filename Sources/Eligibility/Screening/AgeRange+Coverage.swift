import TrialModel

extension AgeRange {
  /// The exact ages admitted, as a half-open interval in years: an inclusive maximum `m` admits
  /// ages below `m + 1` (completed years), an exclusive one ages below `m`.
  var exactAges: Range<Double> {
    let lower = minimum ?? -Double.infinity
    let upper = maximum.map { maximumInclusive ? $0 + 1 : $0 } ?? Double.infinity
    return lower..<max(lower, upper)
  }

  /// Whether every age in `range` is admitted by at least one of `parts`.
  static func cover(_ range: AgeRange, with parts: [AgeRange]) -> Bool {
    let target = range.exactAges
    var reached = target.lowerBound
    for part in parts.map(\.exactAges).sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if part.lowerBound > reached { break }
      reached = max(reached, part.upperBound)
      if reached >= target.upperBound { return true }
    }
    return reached >= target.upperBound
  }
}
