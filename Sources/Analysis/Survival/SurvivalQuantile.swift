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
  /// √ε) over an interval, the midpoint of that interval's ends. The CI limits are where the
  /// lower and upper pointwise bands cross 0.5 (Brookmeyer & Crowley 1982).
  public func median(level: Double = 0.95, scale: SurvivalConfidenceScale = .log) -> SurvivalQuantile {
    quantile(0.5, level: level, scale: scale)
  }

  /// The p-th quantile of the survival distribution with its confidence interval (see
  /// ``median(level:scale:)``).
  public func quantile(
    _ p: Double, level: Double = 0.95, scale: SurvivalConfidenceScale = .log
  ) -> SurvivalQuantile {
    let target = 1 - p
    let bands = steps.map { confidenceInterval(for: $0, level: level, scale: scale) }
    let times = steps.map(\.time)
    let estimate = Self.crossing(times: times, values: steps.map(\.survival), target: target)
    // Where R reports NA for a band (S = 0), the band has collapsed to 0.
    let lower = Self.crossing(times: times, values: bands.map { $0?.lower ?? 0 }, target: target)
    let upper = Self.crossing(
      times: times, values: zip(steps, bands).map { $1?.upper ?? ($0.survival == 0 ? 0 : 1) },
      target: target)
    return SurvivalQuantile(probability: p, estimate: estimate, lower: lower, upper: upper)
  }

  /// The first time a non-increasing step curve is ≤ target, with R's midpoint rule for a curve
  /// that sits exactly at the target.
  static func crossing(times: [Double], values: [Double], target: Double) -> Double? {
    let tolerance = Double.ulpOfOne.squareRoot()
    guard let j = values.firstIndex(where: { $0 <= target + tolerance }) else { return nil }
    if abs(values[j] - target) < tolerance {
      if let next = values[(j + 1)...].firstIndex(where: { $0 < values[j] - tolerance }) {
        return (times[j] + times[next]) / 2
      }
      return times[j]
    }
    return times[j]
  }
}
