import Testing

@testable import DoseFinding

struct IsotonicRegressionTests {
  @Test func monotoneInputIsUnchanged() {
    #expect(IsotonicRegression.fit([0.1, 0.2, 0.2, 0.5], weights: [1, 2, 3, 4]) == [0.1, 0.2, 0.2, 0.5])
  }

  @Test func violatorsArePooledByWeightedMean() {
    // (0.4·1 + 0.1·3)/4 = 0.175 for the first pair; the last stays.
    let fit = IsotonicRegression.fit([0.4, 0.1, 0.5], weights: [1, 3, 1])
    #expect(abs(fit[0] - 0.175) < 1e-15 && abs(fit[1] - 0.175) < 1e-15 && fit[2] == 0.5)
  }

  @Test func backwardMergingCascades() {
    // 0.5, 0.4 pool to 0.45; then 0.1 violates: all three pool to (0.5 + 0.4 + 0.1)/3.
    let fit = IsotonicRegression.fit([0.5, 0.4, 0.1, 0.9], weights: [1, 1, 1, 1])
    for value in fit.prefix(3) { #expect(abs(value - 1.0 / 3) < 1e-15) }
    #expect(fit[3] == 0.9)
  }

  /// The solution is non-decreasing and no other non-decreasing candidate on a grid has a smaller
  /// weighted squared error (the defining property).
  @Test func fitIsOptimalAmongMonotoneCandidates() {
    let values = [0.3, 0.1, 0.25, 0.2, 0.6, 0.4]
    let weights = [2.0, 1, 4, 1, 3, 2]
    let fit = IsotonicRegression.fit(values, weights: weights)
    #expect(fit.count == values.count)
    #expect(zip(fit, fit.dropFirst()).allSatisfy { $0 <= $1 + 1e-15 })
    func loss(_ f: [Double]) -> Double {
      zip(zip(f, values), weights).map { $1 * ($0.0 - $0.1) * ($0.0 - $0.1) }.reduce(0, +)
    }
    let best = loss(fit)
    var perturbed = fit
    for i in perturbed.indices {
      for delta in [-0.01, 0.01] {
        perturbed = fit
        perturbed[i] += delta
        if zip(perturbed, perturbed.dropFirst()).allSatisfy({ $0 <= $1 }) {
          #expect(loss(perturbed) >= best)
        }
      }
    }
  }
}
