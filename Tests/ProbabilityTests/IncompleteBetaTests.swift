import Foundation
import Testing

@testable import Probability

/// The regularized incomplete beta against closed forms.
struct IncompleteBetaTests {
  /// Pr(Binomial(m, x) ≥ a), summed in logs: equals I_x(a, b) for integers a, b with m = a + b − 1.
  static func binomialUpperTail(atLeast a: Int, trials m: Int, p x: Double) -> Double {
    var total = 0.0
    for j in a...m {
      let logTerm =
        lgamma(Double(m + 1)) - lgamma(Double(j + 1)) - lgamma(Double(m - j + 1))
        + Double(j) * log(x) + Double(m - j) * log1p(-x)
      total += exp(logTerm)
    }
    return total
  }

  @Test func integerParametersEqualBinomialTails() {
    let xs = [0.001, 0.05, 0.2, 0.25, 0.3, 0.35, 0.5, 0.7, 0.9, 0.999]
    for a in [1, 2, 3, 5, 8, 13, 31] {
      for b in [1, 2, 4, 7, 12, 30] {
        for x in xs {
          let expected = Self.binomialUpperTail(atLeast: a, trials: a + b - 1, p: x)
          let value = IncompleteBeta.regularized(x, a: Double(a), b: Double(b))
          #expect(abs(value - expected) <= 1e-13 + 1e-11 * expected, "a=\(a) b=\(b) x=\(x)")
        }
      }
    }
  }

  @Test func largeParametersEqualBinomialTails() {
    for (a, b, x) in [(200, 300, 0.4), (200, 300, 0.38), (150, 50, 0.76), (400, 401, 0.5)] {
      let expected = Self.binomialUpperTail(atLeast: a, trials: a + b - 1, p: x)
      let value = IncompleteBeta.regularized(x, a: Double(a), b: Double(b))
      #expect(abs(value - expected) <= 1e-12 + 1e-9 * expected, "a=\(a) b=\(b) x=\(x)")
    }
  }

  @Test func simpleClosedForms() {
    for x in stride(from: 0.01, through: 0.99, by: 0.07) {
      #expect(abs(IncompleteBeta.regularized(x, a: 1, b: 1) - x) < 1e-15)
      #expect(abs(IncompleteBeta.regularized(x, a: 3.5, b: 1) - pow(x, 3.5)) < 1e-14)
      #expect(abs(IncompleteBeta.regularized(x, a: 1, b: 2.5) - (1 - pow(1 - x, 2.5))) < 1e-14)
      // Arcsine law: I_x(1/2, 1/2) = (2/π) asin(√x).
      #expect(
        abs(IncompleteBeta.regularized(x, a: 0.5, b: 0.5) - 2 / Double.pi * asin(x.squareRoot())) < 1e-13)
    }
    for a in [0.3, 1.0, 2.5, 17.0, 120.0] {
      #expect(abs(IncompleteBeta.regularized(0.5, a: a, b: a) - 0.5) < 1e-13)
    }
    #expect(IncompleteBeta.regularized(0, a: 2, b: 3) == 0)
    #expect(IncompleteBeta.regularized(1, a: 2, b: 3) == 1)
  }

  @Test func symmetryRelation() {
    for (a, b) in [(0.7, 3.2), (2.0, 9.0), (11.5, 4.25), (40.0, 60.0)] {
      for x in [0.02, 0.3, 0.5, 0.64, 0.97] {
        let lhs = IncompleteBeta.regularized(x, a: a, b: b)
        let rhs = 1 - IncompleteBeta.regularized(1 - x, a: b, b: a)
        #expect(abs(lhs - rhs) < 1e-14)
        #expect(abs(IncompleteBeta.upperTail(x, a: a, b: b) - (1 - lhs)) < 1e-14)
      }
    }
  }

  /// The upper tail keeps relative accuracy far out (no 1 − I cancellation).
  @Test func tinyUpperTail() {
    let tail = IncompleteBeta.upperTail(0.3, a: 1, b: 31)  // Pr(p > 0.3), p ~ Beta(1, 31) = 0.7³¹
    #expect(abs(tail / pow(0.7, 31) - 1) < 1e-12)
  }
}
