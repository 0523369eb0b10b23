import RealModule

/// The chi-squared distribution with `degreesOfFreedom` degrees of freedom.
public struct ChiSquaredDistribution: Sendable, Hashable {
  /// Degrees of freedom, > 0.
  public let degreesOfFreedom: Double

  /// - Precondition: degreesOfFreedom > 0.
  public init(degreesOfFreedom: Double) {
    precondition(degreesOfFreedom > 0, "degrees of freedom must be positive")
    self.degreesOfFreedom = degreesOfFreedom
  }

  /// The upper tail P(X > x) = Q(k/2, x/2), the regularized upper incomplete gamma function.
  public func survival(_ x: Double) -> Double {
    guard x > 0 else { return 1 }
    return IncompleteGamma.upperRegularized(degreesOfFreedom / 2, x / 2)
  }
}

/// Regularized incomplete gamma functions P(a, x) and Q(a, x) = 1 − P(a, x).
///
/// Series expansion for x < a + 1 and a continued fraction otherwise (Abramowitz & Stegun 6.5.29
/// and 6.5.31).
public enum IncompleteGamma {
  /// P(a, x) = γ(a, x)/Γ(a).
  public static func lowerRegularized(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 0 }
    return x < a + 1 ? series(a, x) : 1 - continuedFraction(a, x)
  }

  /// Q(a, x) = Γ(a, x)/Γ(a).
  public static func upperRegularized(_ a: Double, _ x: Double) -> Double {
    guard x > 0 else { return 1 }
    return x < a + 1 ? 1 - series(a, x) : continuedFraction(a, x)
  }

  private static func prefactor(_ a: Double, _ x: Double) -> Double {
    Double.exp(a * Double.log(x) - x - Double.logGamma(a))
  }

  private static func series(_ a: Double, _ x: Double) -> Double {
    var term = 1 / a
    var sum = term
    var n = a
    for _ in 0..<10_000 {
      n += 1
      term *= x / n
      sum += term
      if abs(term) < abs(sum) * 1e-17 { break }
    }
    return sum * prefactor(a, x)
  }

  private static func continuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var result = d
    for i in 1...10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      result *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return result * prefactor(a, x)
  }
}
