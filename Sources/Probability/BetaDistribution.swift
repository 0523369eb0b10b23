import RealModule

/// The beta distribution Beta(a, b): its regularized incomplete beta function and quantile.
///
/// Used for exact (Clopper–Pearson) binomial intervals, where the limits are beta quantiles.
public struct BetaDistribution: Sendable, Hashable {
  /// First shape parameter, a > 0.
  public let a: Double
  /// Second shape parameter, b > 0.
  public let b: Double

  /// - Precondition: a > 0 and b > 0.
  public init(a: Double, b: Double) {
    precondition(a > 0 && b > 0, "beta shape parameters must be positive, found a = \(a), b = \(b)")
    self.a = a
    self.b = b
  }

  /// The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b)
  /// (see ``IncompleteBeta/regularized(_:a:b:)``).
  public func cdf(_ x: Double) -> Double {
    IncompleteBeta.regularized(x, a: a, b: b)
  }

  /// P(X > x), without cancellation in the far upper tail.
  public func survival(_ x: Double) -> Double {
    IncompleteBeta.upperTail(x, a: a, b: b)
  }

  /// The density x^(a−1)(1−x)^(b−1)/B(a, b).
  public func density(_ x: Double) -> Double {
    guard x > 0, x < 1 else { return 0 }
    return Double.exp(
      (a - 1) * Double.log(x) + (b - 1) * Double.log(1 - x) - Self.logBeta(a, b))
  }

  /// The quantile: the x in [0, 1] with I_x(a, b) = p.
  ///
  /// Bisection keeps a bracket; Newton steps inside the bracket give fast convergence.
  public func quantile(_ p: Double) -> Double {
    if p <= 0 { return 0 }
    if p >= 1 { return 1 }
    var low = 0.0
    var high = 1.0
    var x = a / (a + b)
    for _ in 0..<200 {
      let error = cdf(x) - p
      if error == 0 { return x }
      if error < 0 { low = x } else { high = x }
      let slope = density(x)
      var next = slope > 0 ? x - error / slope : .nan
      if !(next > low && next < high) { next = 0.5 * (low + high) }
      if abs(next - x) <= 1e-15 * max(x, 1e-300) || high - low <= 1e-300 { return next }
      x = next
    }
    return x
  }

  /// ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b).
  static func logBeta(_ a: Double, _ b: Double) -> Double {
    Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b)
  }
}
