import Probability
import RealModule
import Testing

@testable import Analysis

/// Exact binomial intervals: published values and the binomial-tail identities that define them.
struct ProportionIntervalTests {
  @Test(arguments: [
    (0, 10, 0.0, 0.3084971),
    (3, 10, 0.06673951, 0.6524529),
    (10, 10, 0.6915029, 1.0),
  ])
  func knownValues(successes: Int, trials: Int, lower: Double, upper: Double) {
    // R: binom.test(x, 10)$conf.int.
    let ci = ProportionInterval.clopperPearson(successes: successes, trials: trials)
    #expect(abs(ci.lower - lower) < 1e-7)
    #expect(abs(ci.upper - upper) < 1e-7)
  }

  /// P(X ≥ k) for X ~ Binomial(n, p), summed directly from the mass function.
  func upperTail(_ k: Int, _ n: Int, _ p: Double) -> Double {
    (k...n).reduce(0.0) { sum, i in
      let logChoose =
        Double.logGamma(Double(n + 1)) - Double.logGamma(Double(i + 1))
        - Double.logGamma(Double(n - i + 1))
      return sum + Double.exp(logChoose + Double(i) * Double.log(p) + Double(n - i) * Double.log(1 - p))
    }
  }

  @Test(arguments: [(1, 5), (7, 20), (39, 55), (12, 13), (50, 200)])
  func limitsSatisfyBinomialTailIdentities(successes: Int, trials: Int) {
    for level in [0.9, 0.95, 0.99] {
      let ci = ProportionInterval.clopperPearson(successes: successes, trials: trials, level: level)
      let alpha = 1 - level
      // Lower limit: P(X ≥ x | p_L) = α/2. Upper limit: P(X ≤ x | p_U) = α/2.
      #expect(abs(upperTail(successes, trials, ci.lower) - alpha / 2) < 1e-10)
      #expect(abs((1 - upperTail(successes + 1, trials, ci.upper)) - alpha / 2) < 1e-10)
      #expect(ci.lower < ci.estimate && ci.estimate < ci.upper)
    }
  }

  @Test func betaDistributionClosedForms() {
    // Beta(1, 1) is uniform; Beta(2, 1) has cdf x²; Beta(a, 1) has quantile p^(1/a).
    #expect(abs(BetaDistribution(a: 1, b: 1).cdf(0.3) - 0.3) < 1e-15)
    #expect(abs(BetaDistribution(a: 2, b: 1).cdf(0.6) - 0.36) < 1e-15)
    #expect(abs(BetaDistribution(a: 3.5, b: 1).quantile(0.2) - Double.pow(0.2, 1 / 3.5)) < 1e-13)
    // I_x(a, b) = 1 − I_{1−x}(b, a).
    let beta = BetaDistribution(a: 4.2, b: 7.9)
    #expect(abs(beta.cdf(0.8) - (1 - BetaDistribution(a: 7.9, b: 4.2).cdf(0.2))) < 1e-14)
  }

  @Test func normalAndChiSquaredReferenceValues() {
    #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-14)
    #expect(abs(NormalDistribution.quantile(1e-10) - (-6.361340902404056)) < 1e-11)
    // χ²₁ upper tail = erfc(√(x/2)); χ²₂ upper tail = exp(−x/2).
    for x in [0.5, 3.84, 16.79] {
      #expect(
        abs(ChiSquaredDistribution(degreesOfFreedom: 1).survival(x) - Double.erfc((x / 2).squareRoot()))
          < 1e-14)
      #expect(abs(ChiSquaredDistribution(degreesOfFreedom: 2).survival(x) - Double.exp(-x / 2)) < 1e-14)
    }
  }
}
