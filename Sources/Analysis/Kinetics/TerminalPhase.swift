import RealModule

/// The terminal elimination phase: a log-linear regression ln C = intercept − λz·t over a window
/// of samples ending at Tlast.
public struct TerminalPhase: Sendable, Hashable, Codable {
  /// λz, the terminal rate constant (1/time), > 0.
  public let lambdaZ: Double
  /// Intercept of the regression of ln C on t.
  public let intercept: Double
  /// R² of the regression.
  public let rSquared: Double
  /// Adjusted R² = 1 − (1 − R²)(n − 1)/(n − 2).
  public let adjustedRSquared: Double
  /// Times of the samples used (the λz window).
  public let pointTimes: [Double]
  /// The predicted concentration at Tlast, exp(intercept − λz·Tlast).
  public let clastPredicted: Double
  /// t½ = ln 2/λz.
  public var halfLife: Double { Double.log(2) / lambdaZ }
  /// Number of samples in the window.
  public var pointCount: Int { pointTimes.count }
  /// First time of the window.
  public var firstTime: Double { pointTimes.first ?? .nan }
  /// Last time of the window (Tlast).
  public var lastTime: Double { pointTimes.last ?? .nan }
  /// (last − first time)/t½; PKNCA's `span.ratio` (quality flag: ≥ 2).
  public var spanRatio: Double { (lastTime - firstTime) / halfLife }

  /// Fits ln C on t by ordinary least squares (PKNCA `fit_half_life`).
  /// Returns nil for fewer than 2 points or when all times are equal.
  static func fit(times: [Double], concentrations: [Double], tlast: Double) -> TerminalPhase? {
    let n = Double(times.count)
    guard times.count >= 2 else { return nil }
    let logs = concentrations.map { Double.log($0) }
    let meanT = times.reduce(0, +) / n
    let meanY = logs.reduce(0, +) / n
    var sxx = 0.0
    var sxy = 0.0
    for i in times.indices {
      sxx += (times[i] - meanT) * (times[i] - meanT)
      sxy += (times[i] - meanT) * (logs[i] - meanY)
    }
    guard sxx > 0 else { return nil }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanT
    var residual = 0.0
    var total = 0.0
    for i in times.indices {
      let r = logs[i] - (intercept + slope * times[i])
      residual += r * r
      total += (logs[i] - meanY) * (logs[i] - meanY)
    }
    let rSquared = 1 - residual / total
    let adjusted = 1 - (1 - rSquared) * (n - 1) / (n - 2)
    return TerminalPhase(
      lambdaZ: -slope, intercept: intercept, rSquared: rSquared, adjustedRSquared: adjusted,
      pointTimes: times, clastPredicted: Double.exp(intercept + slope * tlast))
  }
}

/// How the λz window is chosen.
public enum TerminalPhaseSelection: Sendable, Hashable {
  /// PKNCA's automatic "curve stripping" rule (PKNCA 0.11.0 `R/half.life.R`): candidate windows end at
  /// Tlast, hold ≥ `minimumPoints` positive samples strictly after Tmax (unless `allowTmax`);
  /// among windows with λz > 0 and adjusted R² > max(adjusted R²) − `adjustedRSquaredTolerance`
  /// the one with the most points wins. PKNCA defaults: 3, 1e-4, false.
  case automatic(minimumPoints: Int = 3, adjustedRSquaredTolerance: Double = 1e-4, allowTmax: Bool = false)
  /// A fixed window: all positive samples with `from` ≤ t ≤ `to` (e.g. Tmax to day 28 for the
  /// CAR-T contraction phase, whose bi-exponential decline the automatic rule may miss).
  case fixed(from: Double, to: Double)

  /// PKNCA 0.11.0 defaults.
  public static let pkncaDefault = TerminalPhaseSelection.automatic()

  /// Selects the window in a BLQ-cleaned profile and fits it; nil when no window qualifies.
  func select(times: [Double], concentrations: [Double], tmax: Double, tlast: Double) -> TerminalPhase? {
    switch self {
    case .fixed(let from, let to):
      let indices = times.indices.filter { times[$0] >= from && times[$0] <= to && concentrations[$0] > 0 }
      guard indices.count >= 2,
        let phase = TerminalPhase.fit(
          times: indices.map { times[$0] }, concentrations: indices.map { concentrations[$0] },
          tlast: tlast),
        phase.lambdaZ > 0
      else { return nil }
      return phase
    case .automatic(let minimumPoints, let tolerance, let allowTmax):
      let indices = times.indices.filter {
        concentrations[$0] > 0 && (allowTmax ? times[$0] >= tmax : times[$0] > tmax)
      }
      guard indices.count >= max(minimumPoints, 2) else { return nil }
      let t = indices.map { times[$0] }
      let c = indices.map { concentrations[$0] }
      // Windows from the longest (most points) to the shortest.
      let candidates = (0...(t.count - minimumPoints)).compactMap { start in
        TerminalPhase.fit(times: Array(t[start...]), concentrations: Array(c[start...]), tlast: tlast)
      }
      let best = candidates.map(\.adjustedRSquared).filter { !$0.isNaN }.max() ?? -.infinity
      return candidates.first { $0.lambdaZ > 0 && $0.adjustedRSquared > best - tolerance }
    }
  }
}
