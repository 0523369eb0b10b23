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

  /// BOIN's p̂_j = (y_j + 0.05)/(n_j + 0.1) and its weight 1/var_j.
  @inline(__always)
  static func pointEstimate(_ c: DoseCounts) -> (rate: Double, weight: Double) {
    let n = Double(c.patients)
    let y = Double(c.dlts)
    let variance = (y + 0.05) * (n - y + 0.05) / ((n + 0.1) * (n + 0.1) * (n + 1.1))
    return ((y + 0.05) / (n + 0.1), 1 / variance)
  }

  /// The isotonic estimates p̃ (without the tie-break offsets) for each dose of A, in dose order.
  public func estimates(_ counts: [DoseCounts]) -> [(dose: Int, estimate: Double)] {
    let limit = elimination.eliminatedFrom(counts) ?? counts.count
    let admissible = (0..<limit).filter { counts[$0].patients > 0 }
    guard !admissible.isEmpty else { return [] }
    var rates: [Double] = []
    var weights: [Double] = []
    for j in admissible {
      let estimate = Self.pointEstimate(counts[j])
      rates.append(estimate.rate)
      weights.append(estimate.weight)
    }
    let fitted = IsotonicRegression.fit(rates, weights: weights)
    return zip(admissible, fitted).map { (dose: $0, estimate: $1) }
  }

  /// The selected MTD index, or nil ("no MTD": dose 1 eliminated, nothing admissible, or no dose
  /// passes ``upperBound``). Allocates nothing on the heap (the exact enumeration calls it on every
  /// finished trial).
  public func select(_ counts: [DoseCounts]) -> Int? {
    let limit = elimination.eliminatedFrom(counts) ?? counts.count
    if limit == 0 { return nil }
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 4 * limit) { buffer in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * limit) { integers in
        // The admissible doses A with their p̂ (`rates`) and weights, as in ``estimates(_:)``.
        var m = 0
        for j in 0..<limit where counts[j].patients > 0 {
          let estimate = Self.pointEstimate(counts[j])
          integers[m] = j
          buffer[m] = estimate.rate
          buffer[limit + m] = estimate.weight
          m += 1
        }
        guard m > 0 else { return nil }
        let rates = UnsafeMutableBufferPointer(rebasing: buffer[0..<m])
        IsotonicRegression.fitInPlace(
          rates, weights: UnsafeBufferPointer(rebasing: buffer[limit..<(limit + m)]),
          scratch: UnsafeMutableBufferPointer(rebasing: buffer[(2 * limit)..<(2 * limit + 2 * m)]),
          sizes: UnsafeMutableBufferPointer(rebasing: integers[limit..<(limit + m)]))
        var best: Int?
        var bestDistance = Double.infinity
        for k in 0..<m {
          if let bound = upperBound, rates[k] > bound { continue }
          let distance = abs(rates[k] + Double(k + 1) * 1e-10 - target)
          if distance < bestDistance {
            bestDistance = distance
            best = k
          }
        }
        guard let k = best else { return nil }
        if let stepLimit = stepDownAbove, rates[k] > stepLimit {
          return integers[k] > 0 ? integers[k] - 1 : nil
        }
        return integers[k]
      }
    }
  }
}
