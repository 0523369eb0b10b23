import Foundation
import Testing

@testable import DoseFinding

struct GaussKronrodTests {
  /// The Kronrod weights integrate constants exactly: 2·Σ w_i (i < 7) + w_7 = 2 (length of [−1, 1]),
  /// and the Gauss weights likewise.
  @Test func weightsSumToTwo() {
    let kronrod = 2 * GaussKronrod.kronrodWeights.prefix(7).reduce(0, +) + GaussKronrod.kronrodWeights[7]
    let gauss = 2 * GaussKronrod.gaussWeights.prefix(3).reduce(0, +) + GaussKronrod.gaussWeights[3]
    #expect(abs(kronrod - 2) < 1e-15)
    #expect(abs(gauss - 2) < 1e-15)
  }

  /// K15 is exact for polynomials up to degree 22: ∫₀¹ x²² dx = 1/23 from one rule application.
  @Test func polynomialExactness() {
    let (value, _) = GaussKronrod.rule(0, 1) { x in SIMD4(pow(x, 22), pow(x, 10), 1, x) }
    #expect(abs(value[0] - 1.0 / 23) < 1e-15)
    #expect(abs(value[1] - 1.0 / 11) < 1e-15)
    #expect(abs(value[2] - 1) < 1e-15)
    #expect(abs(value[3] - 0.5) < 1e-15)
  }

  @Test func closedFormIntegrals() {
    let result = GaussKronrod.integrate(from: -12, to: 12) { x in
      let g = exp(-x * x / 2)
      return SIMD4(g, x * x * g, 0, 0)
    }
    // ∫ e^{−x²/2} = √(2π); ∫ x² e^{−x²/2} = √(2π).
    #expect(abs(result[0] - (2 * Double.pi).squareRoot()) < 1e-12)
    #expect(abs(result[1] - (2 * Double.pi).squareRoot()) < 1e-12)
    // A sharp peak needs subdivision: ∫₀¹ 1/(10⁻⁴ + (x − 0.3)²) = 100 (atan(70) + atan(30)).
    let peak = GaussKronrod.integrate(from: 0, to: 1) { x in
      SIMD4(1 / (1e-4 + (x - 0.3) * (x - 0.3)), 0, 0, 0)
    }
    #expect(abs(peak[0] - 100 * (atan(70.0) + atan(30.0))) < 1e-8)
  }
}
