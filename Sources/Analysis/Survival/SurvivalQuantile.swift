import Probability

/// A survival-time quantile (e.g. the median) with its confidence interval.
public struct SurvivalQuantile: Sendable, Hashable, Codable {
  /// The probability p (0.5 for the median).
  public let probability: Double
  /// The smallest t with S(t) ≤ 1 − p, nil if not reached.
  public let estimate: Double?
  /// Lower confidence limit (from the lower survival band), nil if not reached.
  public let lower: Double?
  /// Upper confidence limit (from the upper survival band), nil if not reached ("NA" in R).
  public let upper: Double?
}

extension KaplanMeier {
  /// The median survival time and its confidence interval, as R `survfit` (`quantile.survfit`)
  /// computes them: the first time a curve is ≤ 0.5; where a curve equals 0.5 exactly (within
  /// √ε) over an interval, the midpoint of that interval's ends (the last observed time when the
  /// curve ends flat at 0.5). The CI limits are where the lower and upper pointwise bands cross
  /// 0.5 (Brookmeyer & Crowley 1982); band values R reports as NA (S = 0) are left out, as R's
  /// `approx` drops them, so a band that never crosses before S reaches 0 gives no limit.
  public func median(level: Double = 0.95, scale: SurvivalConfidenceScale = .log) -> SurvivalQuantile {
    quantile(0.5, level: level, scale: scale)
  }

  /// The p-th quantile of the survival distribution with its confidence interval (see
  /// ``median(level:scale:)``).
  public func quantile(
    _ p: Double, level: Double = 0.95, scale: SurvivalConfidenceScale = .log
  ) -> SurvivalQuantile {
    let target = 1 - p
    let z = NormalDistribution.twoSidedCriticalValue(level: level)
    let bands = steps.map { confidenceInterval(for: $0, z: z, scale: scale) }
    let times = steps.map(\.time)
    let end = lastObservedTime
    let estimate = Self.crossing(times: times, values: steps.map(\.survival), target: target, end: end)
    let lower = Self.crossing(times: times, values: bands.map { $0?.lower }, target: target, end: end)
    let upper = Self.crossing(times: times, values: bands.map { $0?.upper }, target: target, end: end)
    return SurvivalQuantile(probability: p, estimate: estimate, lower: lower, upper: upper)
  }

  /// The first time a non-increasing step curve is ≤ target, with R's midpoint rule for a curve
  /// that sits exactly at the target (up to `end`, the last observed time, when the curve ends
  /// there). Missing values (R's NA) are skipped; a curve ending in one has no flat end.
  static func crossing(times: [Double], values: [Double?], target: Double, end: Double) -> Double? {
    let tolerance = Double.ulpOfOne.squareRoot()
    let points = zip(times, values).compactMap { time, value in value.map { (time, $0) } }
    guard let j = points.firstIndex(where: { $0.1 <= target + tolerance }) else { return nil }
    guard abs(points[j].1 - target) < tolerance else { return points[j].0 }
    if let next = points[(j + 1)...].first(where: { $0.1 < points[j].1 - tolerance }) {
      return (points[j].0 + next.0) / 2
    }
    return values.last.flatMap { $0 } == nil ? nil : (points[j].0 + end) / 2
  }
}
