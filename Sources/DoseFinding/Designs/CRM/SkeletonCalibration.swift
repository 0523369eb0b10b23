import Inputs
import RealModule

/// Skeleton calibration by the indifference-interval method of Lee & Cheung (2009, Clin Trials
/// 6:227–238), dfcrm `getprior(halfwidth, target, nu, nlevel, model)`.
///
/// The prior MTD ν gets s_ν = φ. Going down, β_k solves p_k(β_k) = φ + δ and s_{k−1} is set so that
/// p_{k−1}(β_k) = φ − δ; going up, β_{k+1} solves p_k(β_{k+1}) = φ − δ and s_{k+1} is set so that
/// p_{k+1}(β_{k+1}) = φ + δ. Each dose is then the MTD over an interval of β on which its DLT rate
/// lies within φ ± δ. Example (dfcrm): δ = 0.05, φ = 0.3, ν = 3, K = 5 → 0.1225 0.2040 0.3000
/// 0.4018 0.5013.
public enum SkeletonCalibration {
  /// The calibrated skeleton; `priorMTD` is 0-based.
  ///
  /// Field names in errors: `target` (in (0, 1)), `halfWidth` (0 < δ < min(φ, 1 − φ)), `doses`
  /// (1…``DesignSetup/maximumDoses``, and few enough that the skeleton stays strictly increasing
  /// inside (0, 1) in double precision, as a CRM skeleton must), `priorMTD` (a level).
  public static func skeleton(
    halfWidth delta: Double, target: Double, priorMTD nu: Int, doseCount: Int,
    model: CRMWorkingModel = .empiric
  ) throws(InputError) -> [Double] {
    guard target > 0 && target < 1 else {
      throw InputError(field: "target", expected: "a DLT rate strictly between 0 and 1", found: "\(target)")
    }
    guard delta > 0 && delta < min(target, 1 - target) else {
      throw InputError(
        field: "halfWidth", expected: "0 < δ < min(target, 1 − target) = \(min(target, 1 - target))",
        found: "\(delta)")
    }
    guard (1...DesignSetup.maximumDoses).contains(doseCount) else {
      throw InputError(
        .limitExceeded, field: "doses", expected: "1…\(DesignSetup.maximumDoses) dose levels",
        found: "\(doseCount)")
    }
    guard (0..<doseCount).contains(nu) else {
      throw InputError(field: "priorMTD", expected: "a dose level 1…\(doseCount)", found: "\(nu + 1)")
    }
    let values = calibrated(
      halfWidth: delta, target: target, priorMTD: nu, doseCount: doseCount, model: model)
    for (k, p) in values.enumerated() where !(p > 0 && p < 1) || (k > 0 && !(p > values[k - 1])) {
      let problem =
        p <= 0 ? "reaches 0" : p >= 1 ? "reaches 1" : "is no longer above level \(k) in double precision"
      throw InputError(
        .limitExceeded, field: "doses",
        expected: "a skeleton strictly increasing inside (0, 1) (give fewer levels, a smaller half-width "
          + "or another prior MTD)",
        found: "\(doseCount) levels, where level \(k + 1) \(problem)")
    }
    return values
  }

  /// The skeleton values, unchecked.
  private static func calibrated(
    halfWidth delta: Double, target: Double, priorMTD nu: Int, doseCount: Int, model: CRMWorkingModel
  ) -> [Double] {
    // Work on the dose labels x (log s, or logit s − a), where p(β) depends on exp(β)·x.
    let intercept: Double
    switch model {
    case .empiric: intercept = 0
    case .logistic(let a): intercept = a
    }
    func link(_ p: Double) -> Double {
      switch model {
      case .empiric: Double.log(p)
      case .logistic: Double.log(p / (1 - p)) - intercept
      }
    }
    var labels = Array(repeating: 0.0, count: doseCount)
    labels[nu] = link(target)
    // exp(β) at which the dose with label x has rate p is link(p)/x.
    for k in stride(from: nu, to: 0, by: -1) {
      let scale = link(target + delta) / labels[k]
      labels[k - 1] = link(target - delta) / scale
    }
    for k in nu..<(doseCount - 1) {
      let scale = link(target - delta) / labels[k]
      labels[k + 1] = link(target + delta) / scale
    }
    return labels.map { x in
      switch model {
      case .empiric: Double.exp(x)
      case .logistic: 1 / (1 + Double.exp(-(x + intercept)))
      }
    }
  }
}
