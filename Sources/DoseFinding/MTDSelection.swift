/// Final MTD selection of the interval designs: isotonic regression with the BOIN tie rules.
///
/// BOIN 2.7.2 `select.mtd` (identical in FIND 0.1.1 `select_mtd`); Liu & Yuan (2015) §2.3;
/// Yan et al. (2020) JSS 94(13). Over the admissible doses A = {j : n_j > 0, j not eliminated}:
/// p̂_j = (y_j + 0.05)/(n_j + 0.1), weights 1/var_j with
/// var_j = (y_j + 0.05)(n_j − y_j + 0.05)/((n_j + 0.1)²(n_j + 1.1)); p̃ = weighted PAVA(p̂);
/// p̃_k += k·10⁻¹⁰ (k = 1…|A|) so that inside a pooled block below φ the highest dose and above φ
/// the lowest dose is nearest; MTD = the first dose of A minimising |p̃_k − φ|.
public struct IsotonicMTDSelection: Sendable, Hashable {
  /// Target DLT rate φ.
  public var target: Double
  /// The elimination rule re-applied to the final counts.
  public var elimination: EliminationRule
  /// BOIN `boundMTD`: when set, only doses with p̃ ≤ this value (BOIN's λd) are eligible.
  public var upperBound: Double?
  /// i3+3 "extrasafe" (FIND 0.1.1 `select_mtd`): when the selected dose's p̃ exceeds this value
  /// (the EI's upper bound), select the next lower dose instead (none below dose 1).
  public var stepDownAbove: Double?

  public init(
    target: Double, elimination: EliminationRule, upperBound: Double? = nil,
    stepDownAbove: Double? = nil
  ) {
    self.target = target
    self.elimination = elimination
    self.upperBound = upperBound
    self.stepDownAbove = stepDownAbove
  }

  /// The isotonic estimates p̃ (without the tie-break offsets) for each dose of A, in dose order.
  public func estimates(_ counts: [DoseCounts]) -> [(dose: Int, estimate: Double)] {
    let limit = elimination.eliminatedFrom(counts) ?? counts.count
    let admissible = (0..<limit).filter { counts[$0].patients > 0 }
    guard !admissible.isEmpty else { return [] }
    var rates: [Double] = []
    var weights: [Double] = []
    for j in admissible {
      let n = Double(counts[j].patients)
      let y = Double(counts[j].dlts)
      rates.append((y + 0.05) / (n + 0.1))
      let variance = (y + 0.05) * (n - y + 0.05) / ((n + 0.1) * (n + 0.1) * (n + 1.1))
      weights.append(1 / variance)
    }
    let fitted = IsotonicRegression.fit(rates, weights: weights)
    return zip(admissible, fitted).map { (dose: $0, estimate: $1) }
  }

  /// The selected MTD index, or nil ("no MTD": dose 1 eliminated, nothing admissible, or no dose
  /// passes ``upperBound``).
  public func select(_ counts: [DoseCounts]) -> Int? {
    if elimination.eliminatedFrom(counts) == 0 { return nil }
    var best: (dose: Int, estimate: Double)?
    var bestDistance = Double.infinity
    for (k, entry) in estimates(counts).enumerated() {
      if let bound = upperBound, entry.estimate > bound { continue }
      let distance = abs(entry.estimate + Double(k + 1) * 1e-10 - target)
      if distance < bestDistance {
        bestDistance = distance
        best = entry
      }
    }
    if let chosen = best, let limit = stepDownAbove, chosen.estimate > limit {
      return chosen.dose > 0 ? chosen.dose - 1 : nil
    }
    return best?.dose
  }
}
