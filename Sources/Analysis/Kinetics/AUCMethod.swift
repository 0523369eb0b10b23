import RealModule

/// How the area under the curve is integrated between consecutive samples.
///
/// PKNCA 0.11.0 `auc.method` (`R/auc_integrate.R`).
public enum AUCMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Linear trapezoid when rising or flat, log trapezoid when falling to a non-zero value
  /// (PKNCA's default, "lin up/log down").
  case linUpLogDown = "lin-up-log-down"
  /// Linear trapezoids throughout.
  case linear
  /// Linear up to Tmax, log after Tmax (segments touching 0, or flat, stay linear).
  case linLog = "lin-log"

  /// Whether the segment from (t₁, c₁) to (t₂, c₂) uses the log trapezoid.
  func usesLog(c1: Double, c2: Double, t1: Double, tmax: Double) -> Bool {
    guard c1 > 0, c2 > 0, c1 != c2 else { return false }
    switch self {
    case .linear: return false
    case .linUpLogDown: return c2 < c1
    case .linLog: return t1 >= tmax
    }
  }

  /// The area of one segment: (t₂−t₁)(c₁+c₂)/2 (linear) or (t₂−t₁)(c₂−c₁)/ln(c₂/c₁) (log).
  func segmentArea(t1: Double, c1: Double, t2: Double, c2: Double, tmax: Double) -> Double {
    let width = t2 - t1
    if usesLog(c1: c1, c2: c2, t1: t1, tmax: tmax) {
      return width * (c2 - c1) / Double.log(c2 / c1)
    }
    return width * (c1 + c2) / 2
  }

  /// The concentration at t in [t₁, t₂], interpolated linearly or log-linearly as the segment's
  /// area is integrated (PKNCA `interpolate.conc`).
  func interpolate(at t: Double, t1: Double, c1: Double, t2: Double, c2: Double, tmax: Double) -> Double {
    let fraction = (t - t1) / (t2 - t1)
    if usesLog(c1: c1, c2: c2, t1: t1, tmax: tmax) {
      return Double.exp(Double.log(c1) + fraction * (Double.log(c2) - Double.log(c1)))
    }
    return c1 + fraction * (c2 - c1)
  }

  /// The area under the polyline through `times`/`concentrations` (already ordered).
  func area(times: [Double], concentrations: [Double], tmax: Double) -> Double {
    var total = 0.0
    for i in times.indices.dropLast() {
      total += segmentArea(
        t1: times[i], c1: concentrations[i], t2: times[i + 1], c2: concentrations[i + 1], tmax: tmax)
    }
    return total
  }
}
