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
    var fitted = values
    let n = values.count
    weights.withUnsafeBufferPointer { weights in
      fitted.withUnsafeMutableBufferPointer { fitted in
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n) { scratch in
          withUnsafeTemporaryAllocation(of: Int.self, capacity: n) { sizes in
            fitInPlace(fitted, weights: weights, scratch: scratch, sizes: sizes)
          }
        }
      }
    }
    return fitted
  }

  /// ``fit(_:weights:)`` without heap allocation: `values` (count m) is overwritten with the fit;
  /// `scratch` holds ≥ 2m doubles and `sizes` ≥ m integers (block means, weights and lengths).
  static func fitInPlace(
    _ values: UnsafeMutableBufferPointer<Double>, weights: UnsafeBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>, sizes: UnsafeMutableBufferPointer<Int>
  ) {
    let m = values.count
    var blocks = 0
    for i in 0..<m {
      var mean = values[i]
      var total = weights[i]
      var size = 1
      while blocks > 0, scratch[blocks - 1] > mean {
        let last = blocks - 1
        mean = (scratch[last] * scratch[m + last] + mean * total) / (scratch[m + last] + total)
        total += scratch[m + last]
        size += sizes[last]
        blocks -= 1
      }
      scratch[blocks] = mean
      scratch[m + blocks] = total
      sizes[blocks] = size
      blocks += 1
    }
    var i = 0
    for b in 0..<blocks {
      for _ in 0..<sizes[b] {
        values[i] = scratch[b]
        i += 1
      }
    }
  }
}
