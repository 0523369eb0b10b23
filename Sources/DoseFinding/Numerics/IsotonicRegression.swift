/// Weighted isotonic (non-decreasing) least-squares regression by the pool-adjacent-violators
/// algorithm (Ayer et al. 1955; Barlow et al. 1972, ch. 1): the unique non-decreasing sequence
/// minimising Σ wᵢ (fᵢ − vᵢ)². Adjacent violators are pooled into their weighted mean, scanning
/// left to right and merging backwards as long as the order is violated.
public enum IsotonicRegression {
  /// The non-decreasing fit to `values` with positive `weights` (same length).
  /// - Complexity: O(n).
  public static func fit(_ values: [Double], weights: [Double]) -> [Double] {
    precondition(values.count == weights.count, "values and weights must have the same length")
    precondition(weights.allSatisfy { $0 > 0 }, "weights must be positive")
    var means: [Double] = []
    var totals: [Double] = []
    var sizes: [Int] = []
    means.reserveCapacity(values.count)
    totals.reserveCapacity(values.count)
    sizes.reserveCapacity(values.count)
    for (value, weight) in zip(values, weights) {
      var mean = value
      var total = weight
      var size = 1
      while let last = means.last, last > mean {
        mean = (last * totals.last! + mean * total) / (totals.last! + total)
        total += totals.removeLast()
        size += sizes.removeLast()
        means.removeLast()
      }
      means.append(mean)
      totals.append(total)
      sizes.append(size)
    }
    var fitted: [Double] = []
    fitted.reserveCapacity(values.count)
    for (mean, size) in zip(means, sizes) {
      fitted.append(contentsOf: repeatElement(mean, count: size))
    }
    return fitted
  }
}
