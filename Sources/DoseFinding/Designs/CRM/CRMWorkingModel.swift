import RealModule

/// The one-parameter dose–toxicity working models of the continual reassessment method, as in
/// dfcrm (Cheung 2011, *Dose Finding by the Continual Reassessment Method*, §3.2):
///
/// - empiric ("power"): p_d(β) = s_d^exp(β)
/// - logistic: p_d(β) = logit⁻¹(a + exp(β)·x_d), x_d = logit(s_d) − a, intercept a = 3 by default
///
/// where s_d is the skeleton (prior guess of the DLT rate at dose d). Both are decreasing in β
/// at every dose with s_d < logit⁻¹(a).
public enum CRMWorkingModel: Sendable, Hashable {
  case empiric
  case logistic(intercept: Double)

  /// The dose label dfcrm uses internally: log s_d (empiric) or logit(s_d) − a (logistic).
  func doseLabel(skeleton s: Double) -> Double {
    switch self {
    case .empiric: Double.log(s)
    case .logistic(let a): Double.log(s / (1 - s)) - a
    }
  }

  /// (log p, log(1 − p)) at dose label `x` and parameter β, computed without cancellation.
  @inline(__always)
  func logProbabilities(doseLabel x: Double, beta: Double) -> (Double, Double) {
    logProbabilities(doseLabel: x, expBeta: Double.exp(beta))
  }

  /// As ``logProbabilities(doseLabel:beta:)`` with exp(β) given (shared across doses).
  @inline(__always)
  func logProbabilities(doseLabel x: Double, expBeta: Double) -> (Double, Double) {
    switch self {
    case .empiric:
      let logP = expBeta * x
      return (logP, Double.log(-Double.expMinusOne(logP)))
    case .logistic(let a):
      let eta = a + expBeta * x
      return (-softplus(-eta), -softplus(eta))
    }
  }

  /// p_d(β).
  public func probability(skeleton s: Double, beta: Double) -> Double {
    Double.exp(logProbabilities(doseLabel: doseLabel(skeleton: s), beta: beta).0)
  }

  /// The β at which the dose with skeleton value `s` has DLT probability `p`; for β below it the
  /// probability exceeds `p`. `nil` when p_d(β) never equals `p`.
  public func beta(whereProbabilityOf s: Double, equals p: Double) -> Double? {
    let ratio: Double
    switch self {
    case .empiric: ratio = Double.log(p) / Double.log(s)
    case .logistic(let a): ratio = (Double.log(p / (1 - p)) - a) / doseLabel(skeleton: s)
    }
    return ratio > 0 && ratio.isFinite ? Double.log(ratio) : nil
  }

  /// log(1 + eˣ), stable for large |x|.
  @inline(__always)
  private func softplus(_ x: Double) -> Double {
    x > 0 ? x + Double.log(onePlus: Double.exp(-x)) : Double.log(onePlus: Double.exp(x))
  }

  /// Name for outputs.
  public var name: String {
    switch self {
    case .empiric: "empiric"
    case .logistic(let a): "logistic (intercept \(a))"
    }
  }
}
