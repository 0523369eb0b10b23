import Probability

/// A confidence interval for a binomial proportion.
public struct ProportionInterval: Sendable, Hashable, Codable {
  /// Number of successes (e.g. responders).
  public let successes: Int
  /// Number of trials (e.g. evaluable subjects).
  public let trials: Int
  /// The point estimate successes/trials.
  public let estimate: Double
  /// Lower confidence limit.
  public let lower: Double
  /// Upper confidence limit.
  public let upper: Double
  /// Confidence level, e.g. 0.95.
  public let level: Double

  /// The exact (Clopper–Pearson) interval.
  ///
  /// Clopper CJ, Pearson ES. Biometrika 1934;26:404–413. The limits are beta quantiles:
  /// lower = B⁻¹(α/2; x, n − x + 1) (0 when x = 0) and upper = B⁻¹(1 − α/2; x + 1, n − x)
  /// (1 when x = n), with α = 1 − level. This is R's `binom.test(x, n)$conf.int`.
  /// - Precondition: 0 ≤ successes ≤ trials, trials > 0, 0 < level < 1.
  public static func clopperPearson(successes: Int, trials: Int, level: Double = 0.95)
    -> ProportionInterval
  {
    precondition(
      trials > 0 && successes >= 0 && successes <= trials, "need 0 ≤ successes ≤ trials, trials > 0")
    precondition(level > 0 && level < 1, "confidence level must be in (0, 1)")
    let alpha = 1 - level
    let x = Double(successes)
    let n = Double(trials)
    let lower = successes == 0 ? 0 : BetaDistribution(a: x, b: n - x + 1).quantile(alpha / 2)
    let upper = successes == trials ? 1 : BetaDistribution(a: x + 1, b: n - x).quantile(1 - alpha / 2)
    return ProportionInterval(
      successes: successes, trials: trials, estimate: x / n, lower: lower, upper: upper, level: level)
  }
}
