import Inputs

/// A true-toxicity scenario: the assumed true DLT probability of every dose level, and the target
/// DLT rate that defines the true MTD.
public struct Scenario: Sendable, Hashable, Codable {
  /// True DLT probability per dose, index 0 = dose level 1.
  public var truth: [Double]
  /// Target DLT rate φ.
  public var target: Double

  /// Validates the scenario: every probability in [0, 1], at least one dose, target in (0, 1).
  public init(truth: [Double], target: Double) throws(InputError) {
    guard !truth.isEmpty else {
      throw InputError.missing("truth", expected: "at least one dose's DLT probability")
    }
    for (index, p) in truth.enumerated() where !(p >= 0 && p <= 1) {
      throw InputError(field: "truth[\(index)]", expected: "a DLT probability in [0, 1]", found: "\(p)")
    }
    guard target > 0, target < 1 else {
      throw InputError(field: "target", expected: "a DLT rate in (0, 1)", found: "\(target)")
    }
    self.truth = truth
    self.target = target
  }

  /// Number of dose levels.
  public var doseCount: Int { truth.count }

  /// Index of the true MTD: the dose whose true DLT probability is closest to the target, as in
  /// BOIN's `get.oc` (Liu & Yuan 2015; Yan et al. 2020, JSS 94(13)). Ties (equal distance, within
  /// 1e-12) go to the LOWER dose, as R's `which.min` does.
  public var trueMTD: Int {
    var best = 0
    for index in truth.indices.dropFirst()
    where abs(truth[index] - target) < abs(truth[best] - target) - 1e-12 {
      best = index
    }
    return best
  }
}
