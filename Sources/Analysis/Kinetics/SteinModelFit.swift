import RealModule

/// A per-subject fit of the ``SteinModel`` on the log scale.
public struct SteinModelFit: Sendable, Hashable {
  /// The fitted parameters.
  public let model: SteinModel
  /// Asymptotic standard errors of each parameter (delta method from the log/logit scale), nil
  /// when the information matrix is singular or there are too few points.
  public let standardErrors: SteinModel?
  /// Residual SD on the ln scale, √(Σr²/(n − 6)).
  public let residualSD: Double
  /// Number of measurable samples used.
  public let pointCount: Int
  /// Whether Levenberg–Marquardt met its convergence criterion.
  public let converged: Bool

  /// Errors of a model fit.
  public struct FitError: Error, CustomStringConvertible {
    public let description: String
  }

  /// Fits ln C(t) to ln(observed) by least squares (additive error on the log scale, as in Stein
  /// 2019) with our ``LevenbergMarquardt``. BLQ (0) samples are left out. Parameters are
  /// estimated as ln foldx, ln Tmax, ln Cmax, ln α, logit FB, ln β, so all stay in range; several
  /// data-driven starts are tried and the best fit kept.
  /// - Throws: ``FitError`` with fewer than 7 measurable samples (6 parameters).
  public static func fit(
    _ profile: ConcentrationProfile, optimizer: LevenbergMarquardt = LevenbergMarquardt()
  ) throws -> SteinModelFit {
    let indices = profile.times.indices.filter { profile.concentrations[$0] > 0 }
    let times = indices.map { profile.times[$0] }
    let logs = indices.map { Double.log(profile.concentrations[$0]) }
    guard times.count >= 7 else {
      throw FitError(
        description: "the Stein model has 6 parameters; need ≥ 7 measurable samples, found \(times.count)")
    }
    func residuals(_ theta: [Double]) -> [Double] {
      let model = Self.model(theta)
      return zip(times, logs).map { model.logConcentration(at: $0) - $1 }
    }
    let best = startingModels(times: times, logs: logs)
      .map { optimizer.minimize(start: parameters($0), residuals: residuals) }
      .min { $0.sumOfSquares < $1.sumOfSquares }!
    let model = Self.model(best.parameters)
    let errors = best.covariance.map { covariance in
      let se = (0..<6).map { covariance[$0][$0].squareRoot() }
      return SteinModel(
        foldx: model.foldx * se[0], tmax: model.tmax * se[1], cmax: model.cmax * se[2],
        alpha: model.alpha * se[3], beta: model.beta * se[5], fb: model.fb * (1 - model.fb) * se[4])
    }
    return SteinModelFit(
      model: model, standardErrors: errors,
      residualSD: (best.sumOfSquares / Double(times.count - 6)).squareRoot(), pointCount: times.count,
      converged: best.converged)
  }

  static func parameters(_ m: SteinModel) -> [Double] {
    [
      Double.log(m.foldx), Double.log(m.tmax), Double.log(m.cmax), Double.log(m.alpha),
      Double.log(m.fb / (1 - m.fb)), Double.log(m.beta),
    ]
  }

  static func model(_ theta: [Double]) -> SteinModel {
    SteinModel(
      foldx: Double.exp(theta[0]), tmax: Double.exp(theta[1]), cmax: Double.exp(theta[2]),
      alpha: Double.exp(theta[3]), beta: Double.exp(theta[5]), fb: 1 / (1 + Double.exp(-theta[4])))
  }

  /// Starting values: peak and its time from the data, the fold from the first sample, the
  /// terminal slope from the last three samples; plus the same with Stein's typical rates.
  static func startingModels(times: [Double], logs: [Double]) -> [SteinModel] {
    let peak = logs.indices.max { logs[$0] < logs[$1] }!
    let cmax = Double.exp(logs[peak])
    let tmax = max(times[peak], 0.5)
    let foldx = max(Double.exp(logs[peak] - logs[0]), 2)
    let n = times.count
    let tailSlope = (logs[n - 1] - logs[max(n - 3, peak)]) / max(times[n - 1] - times[max(n - 3, peak)], 1e-9)
    let beta = min(max(-tailSlope, 1e-4), 0.5)
    let next = min(peak + 2, n - 1)
    let earlySlope = next > peak ? (logs[next] - logs[peak]) / (times[next] - times[peak]) : -0.16
    let alpha = min(max(-earlySlope, 2 * beta, 0.01), 5)
    let lastGap = times[n - 1] - tmax
    let fb = min(max(Double.exp(logs[n - 1] - logs[peak] + beta * lastGap), 1e-5), 0.5)
    let typical = SteinModel.typical
    return [
      SteinModel(foldx: foldx, tmax: tmax, cmax: cmax, alpha: alpha, beta: beta, fb: fb),
      SteinModel(
        foldx: foldx, tmax: tmax, cmax: cmax, alpha: typical.alpha, beta: typical.beta, fb: typical.fb),
      SteinModel(
        foldx: typical.foldx, tmax: tmax * 0.9, cmax: cmax * 1.2, alpha: alpha, beta: beta, fb: fb),
    ]
  }
}
