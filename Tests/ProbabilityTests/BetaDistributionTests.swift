import Foundation
import Testing

@testable import Probability

@Suite struct BetaDistributionTests {
  /// Beta(1, 1) is uniform: cdf(x) = x and quantile(p) = p.
  @Test func uniformCase() {
    let uniform = BetaDistribution(a: 1, b: 1)
    for x in stride(from: 0.05, through: 0.95, by: 0.15) {
      #expect(abs(uniform.cdf(x) - x) < 1e-14)
      #expect(abs(uniform.quantile(x) - x) < 1e-12)
    }
  }

  /// Beta(a, 1) has cdf x^a, so its quantile is p^(1/a); survival is 1 − x^a without cancellation.
  @Test func powerFunctionCase() {
    let beta = BetaDistribution(a: 3.5, b: 1)
    for p in [1e-6, 0.025, 0.5, 0.975] {
      #expect(abs(beta.quantile(p) / pow(p, 1 / 3.5) - 1) < 1e-10)
    }
    #expect(abs(beta.survival(0.2) - (1 - pow(0.2, 3.5))) < 1e-14)
  }

  /// The quantile inverts the cdf across shapes used by Clopper–Pearson intervals.
  @Test(arguments: [(0.5, 10.0), (3.0, 8.0), (11.0, 0.5), (40.0, 61.0)])
  func quantileInvertsCDF(a: Double, b: Double) {
    let beta = BetaDistribution(a: a, b: b)
    for p in [0.001, 0.025, 0.3, 0.5, 0.975, 0.999] {
      #expect(abs(beta.cdf(beta.quantile(p)) - p) < 1e-12)
    }
  }
}
