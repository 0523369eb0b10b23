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

  /// The regularized incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b).
  ///
  /// Evaluated by the continued fraction for the incomplete beta (Abramowitz & Stegun 26.5.8),
  /// using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
  public func cdf(_ x: Double) -> Double {
    if x <= 0 { return 0 }
    if x >= 1 { return 1 }
    if x < (a + 1) / (a + b + 2) {
      return Self.frontFactor(x, a, b) * Self.continuedFraction(x, a, b) / a
    }
    return 1 - Self.frontFactor(1 - x, b, a) * Self.continuedFraction(1 - x, b, a) / b
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

  private static func frontFactor(_ x: Double, _ a: Double, _ b: Double) -> Double {
    Double.exp(a * Double.log(x) + b * Double.log(1 - x) - logBeta(a, b))
  }

  /// The continued fraction 1/(1+ d₁/(1+ d₂/(1+ …))) of A&S 26.5.8, by the modified Lentz method.
  private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    var c = 1.0
    var d = 1 - (a + b) * x / (a + 1)
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var result = d
    for m in 1...10_000 {
      let m = Double(m)
      let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
      d = 1 + even * d
      c = 1 + even / c
      if abs(d) < tiny { d = tiny }
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      result *= d * c
      let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
      d = 1 + odd * d
      c = 1 + odd / c
      if abs(d) < tiny { d = tiny }
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      result *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return result
  }
}
