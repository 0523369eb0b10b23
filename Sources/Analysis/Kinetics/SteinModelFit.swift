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
  /// Why the parameters are not all identifiable from the samples; nil when they are (the
  /// information matrix is regular and ``standardErrors`` exist).
  public let nonIdentifiability: NonIdentifiability?

  /// A fit whose information matrix JᵀJ is singular: some parameter, or combination of them,
  /// does not change the fitted curve at the sampled times, so the data do not determine it and
  /// its estimate (often run off to 0, as β ≈ 1e-18/day) means nothing (Bates & Watts,
  /// Nonlinear Regression Analysis, 1988, §2.3; Stein 2019 fits too report such subjects apart).
  public struct NonIdentifiability: Sendable, Hashable {
    /// The parameters that have no effect on the fit (their estimate and what derives from it
    /// must not be reported); empty when the singularity is a combination of parameters.
    public let parameters: [SteinModel.Parameter]
    /// Why, in words, for the output.
    public let reason: String
  }

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
      let model = SteinModel.LogForm(Self.model(theta))
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
      converged: best.converged,
      nonIdentifiability: errors == nil ? Self.nonIdentifiability(model, jacobian: best.jacobian) : nil)
  }

  /// Below this fraction of the largest Jacobian column norm a parameter counts as having no
  /// effect on the fit (about √ε of double precision: smaller effects are rounding).
  static let negligibleEffect = 1e-7

  /// Which parameters of a singular fit have no effect on the residuals (a Jacobian column,
  /// on the fitting scale, negligible next to the others), and why, in words.
  static func nonIdentifiability(_ model: SteinModel, jacobian: [[Double]]) -> NonIdentifiability {
    let norms = (0..<6).map { k in jacobian.reduce(0) { $0 + $1[k] * $1[k] }.squareRoot() }
    let largest = norms.max() ?? 0
    // Fitting order: ln foldx, ln Tmax, ln Cmax, ln α, logit FB, ln β.
    let order: [SteinModel.Parameter] = [.foldx, .tmax, .cmax, .alpha, .fb, .beta]
    let flat = (0..<6).filter { !(norms[$0] > negligibleEffect * largest) }.map { order[$0] }
    let parameters = SteinModel.Parameter.allCases.filter { flat.contains($0) }
    guard !parameters.isEmpty else {
      return NonIdentifiability(
        parameters: [],
        reason:
          "the information matrix is singular: these samples do not determine the parameters separately "
          + "(e.g. α close to β, or too few samples after the peak); no standard errors")
    }
    let why = parameters.map { parameter -> String in
      let value = parameter.value(in: model)
      switch parameter {
      case .beta:
        return "β ran to \(Self.short(value))/day: the samples after the contraction show no decline "
          + "of the persisting cells, so β and t½β cannot be estimated"
      case .fb:
        return "FB ran to \(Self.short(value)): the samples show no separate persistence phase"
      default:
        return "\(parameter.symbol) ran to \(Self.short(value)) without changing the fitted curve"
      }
    }
    return NonIdentifiability(
      parameters: parameters,
      reason: why.joined(separator: "; ") + " (singular information matrix: no standard errors)")
  }

  /// A value with 3 significant digits for a reason text: 0.00412, 2.74e-18, 1.5e+03.
  static func short(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return "\(value)" }
    var exponent = Int(Double.log10(abs(value)).rounded(.down))
    // Scaled to three digits in steps, so that no power of ten overflows (subnormal values too).
    var scaled = abs(value)
    var shift = 2 - exponent
    while shift > 300 {
      scaled *= 1e300
      shift -= 300
    }
    while shift < -300 {
      scaled /= 1e300
      shift += 300
    }
    var digits = Int((scaled * Double.pow(10, Double(shift))).rounded())
    if digits >= 1000 {
      digits /= 10
      exponent += 1
    }
    var mantissa = String(digits)  // three digits
    let sign = value < 0 ? "-" : ""
    if (-4...2).contains(exponent) {
      let padded = exponent < 0 ? String(repeating: "0", count: -exponent) + mantissa : mantissa
      let point = exponent < 0 ? 1 : exponent + 1
      var text = String(padded.prefix(point)) + "." + String(padded.dropFirst(point))
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
      return sign + text
    }
    while mantissa.count > 1, mantissa.hasSuffix("0") { mantissa.removeLast() }
    let body = mantissa.count > 1 ? "\(mantissa.prefix(1)).\(mantissa.dropFirst())" : mantissa
    let power = String(abs(exponent))
    return sign + body + "e" + (exponent < 0 ? "-" : "+") + (power.count < 2 ? "0" + power : power)
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
