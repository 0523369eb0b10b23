import Foundation

/// The escalation and de-escalation boundaries of BOIN (Liu & Yuan 2015, JRSS-C 64:507, eq. 2;
/// the local design with equal prior probabilities of H₀, H₁, H₂):
///
///   λe = log((1 − φ₁)/(1 − φ)) / log(φ(1 − φ₁) / (φ₁(1 − φ)))
///   λd = log((1 − φ)/(1 − φ₂)) / log(φ₂(1 − φ) / (φ(1 − φ₂)))
///
/// with φ₁ = 0.6φ and φ₂ = 1.4φ by default (the paper's recommendation). Integer counts as in
/// BOIN 2.7.2 `get.boundary`: escalate if y ≤ ⌊λe·n⌋, de-escalate if y ≥ ⌈λd·n⌉ (one more when
/// λd·n is an integer, i.e. strictly p̂ > λd), capped at the elimination count.
public struct BOINBoundaries: Sendable, Hashable {
  /// Target DLT rate φ.
  public let target: Double
  /// φ₁: the highest rate deemed sub-therapeutic (default 0.6φ).
  public let underdosingRate: Double
  /// φ₂: the lowest rate deemed overly toxic (default 1.4φ).
  public let overdosingRate: Double
  /// λe: escalate while the observed rate y/n ≤ λe.
  public let escalation: Double
  /// λd: de-escalate when the observed rate y/n > λd.
  public let deescalation: Double

  /// Requires 0 < φ₁ < φ < φ₂ < 1.
  public init(target: Double, underdosingRate: Double? = nil, overdosingRate: Double? = nil) {
    let phi1 = underdosingRate ?? 0.6 * target
    let phi2 = overdosingRate ?? 1.4 * target
    precondition(0 < phi1 && phi1 < target && target < phi2 && phi2 < 1, "need 0 < φ1 < φ < φ2 < 1")
    self.target = target
    self.underdosingRate = phi1
    self.overdosingRate = phi2
    escalation = log((1 - phi1) / (1 - target)) / log(target * (1 - phi1) / (phi1 * (1 - target)))
    deescalation = log((1 - target) / (1 - phi2)) / log(phi2 * (1 - target) / (target * (1 - phi2)))
  }

  /// Escalate if y ≤ this count (⌊λe·n⌋).
  public func escalationCount(patients n: Int) -> Int {
    Int((escalation * Double(n)).rounded(.down))
  }

  /// De-escalate if y ≥ this count: ⌈λd·n⌉, or λd·n + 1 when λd·n is an integer (within 1e-12),
  /// capped at the elimination count when there is one.
  public func deescalationCount(patients n: Int, elimination: EliminationRule) -> Int {
    let product = deescalation * Double(n)
    let rounded = product.rounded()
    let count = abs(product - rounded) < 1e-12 ? Int(rounded) + 1 : Int(product.rounded(.up))
    guard let eliminate = eliminationCount(patients: n, elimination: elimination) else { return count }
    return min(count, eliminate)
  }

  /// The smallest y ∈ 1…n that eliminates the dose, or nil (n below the rule's minimum, or none).
  public func eliminationCount(patients n: Int, elimination: EliminationRule) -> Int? {
    guard n >= elimination.minimumPatients, n >= 1 else { return nil }
    return (1...n).first { elimination.eliminates(patients: n, dlts: $0) }
  }
}
