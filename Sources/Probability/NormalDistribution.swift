import RealModule

/// The standard normal distribution N(0, 1).
public enum NormalDistribution {
  /// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function.
  public static func cdf(_ x: Double) -> Double {
    0.5 * Double.erfc(-x / 2.0.squareRoot())
  }

  /// φ(x) = exp(−x²/2)/√(2π), the standard normal density.
  public static func density(_ x: Double) -> Double {
    Double.exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
  }

  /// Φ⁻¹(p), the standard normal quantile (R's `qnorm(p)`).
  ///
  /// A rational starting value (Acklam's approximation, relative error about 1e-9) is refined by
  /// Halley steps on Φ(x) − p, which gives full double precision.
  /// - Precondition: 0 < p < 1.
  public static func quantile(_ p: Double) -> Double {
    precondition(p > 0 && p < 1, "normal quantile needs 0 < p < 1, found \(p)")
    var x = startingValue(p)
    for _ in 0..<4 {
      // Work with the smaller tail so that Φ(x) − p keeps its relative precision.
      let error = p < 0.5 ? cdf(x) - p : (1 - p) - cdf(-x)
      let step = error / density(x)
      let halley = step / (1 + 0.5 * x * step)
      x -= halley
      if abs(halley) <= 1e-16 * max(1, abs(x)) { break }
    }
    return x
  }

  /// The two-sided critical value z with Φ(z) = 1 − (1 − level)/2, e.g. 1.959964 for 0.95.
  public static func twoSidedCriticalValue(level: Double) -> Double {
    quantile(1 - (1 - level) / 2)
  }

  private static func startingValue(_ p: Double) -> Double {
    let a = [
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
      1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
      6.680131188771972e+01, -1.328068155288572e+01,
    ]
    let c = [
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
      -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let lowTail = 0.02425
    if p < lowTail || p > 1 - lowTail {
      let q = Double.sqrt(-2 * Double.log(min(p, 1 - p)))
      let value =
        (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
        / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
      return p < lowTail ? value : -value
    }
    let q = p - 0.5
    let r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
      / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  }
}
