import RealModule
import TestSupport
import Testing

@testable import Analysis

/// The Stein 2019 model and its Levenberg–Marquardt fit.
struct SteinModelTests {
  @Test func typicalCurveMatchesSpecDerivedValues() throws {
    let m = SteinModel.typical
    // Stein et al. 2019 Table 1 typical values: ρ = 0.8891/day, R₀ = 6.154, exact AUC0–28 = 171,774.285.
    #expect(abs(m.expansionRate - 0.8891) < 1e-4)
    #expect(abs(m.initialLevel - 6.154) < 1e-3)
    #expect(abs(m.exactArea(to: 28) - 171_774.285) < 0.01)
    // The reference sparse profile was generated from the same formula.
    let rows = try FixtureDirectory.clinical.csvRecords("stein_typical_sparse_profile.csv")
    for row in rows {
      expectClose(m.concentration(at: Double(row["time"]!)!), Double(row["conc"]!)!, relative: 1e-12)
    }
    #expect(abs(m.concentration(at: m.tmax) - m.cmax) < 1e-9)
  }

  @Test func levenbergMarquardtSolvesAClosedFormProblem() {
    // Exponential decay y = 5·e^{−0.3t} without noise: the minimum is exact.
    let t: [Double] = [0, 1, 2, 3, 5, 8]
    let y = t.map { 5 * Double.exp(-0.3 * $0) }
    let result = LevenbergMarquardt().minimize(start: [1, 1]) { p in
      zip(t, y).map { p[0] * Double.exp(-p[1] * $0) - $1 }
    }
    #expect(result.converged)
    #expect(abs(result.parameters[0] - 5) < 1e-8)
    #expect(abs(result.parameters[1] - 0.3) < 1e-8)
  }

  @Test func levenbergMarquardtCovarianceMatchesLinearRegression() {
    // For a linear model the LM covariance is σ̂²(XᵀX)⁻¹; slope SE = σ̂/√Sxx.
    let x: [Double] = [1, 2, 3, 4, 5, 6]
    let y: [Double] = [1.1, 1.9, 3.2, 3.9, 5.1, 6.2]
    let result = LevenbergMarquardt().minimize(start: [0, 0]) { p in zip(x, y).map { p[0] + p[1] * $0 - $1 } }
    let sxx = 17.5
    let sigma2 = result.sumOfSquares / 4
    #expect(abs(result.covariance![1][1] - sigma2 / sxx) < 1e-10)
  }

  static var parameterPaths: [(String, KeyPath<SteinModel, Double>)] {
    [
      ("foldx", \.foldx), ("tmax", \.tmax), ("cmax", \.cmax), ("alpha", \.alpha), ("beta", \.beta),
      ("fb", \.fb),
    ]
  }

  /// 20 profiles from the typical patient, sampled on a dense CK schedule, with additive noise of
  /// SD 0.3 on the ln scale. The median estimate of every parameter is within 10% of the truth;
  /// every fit reaches an objective at least as low as the true parameters'; Wald 95% intervals
  /// from the reported SEs cover the truth in most cases.
  @Test func fitRecoversTypicalParametersFromNoisyProfiles() throws {
    let days: [Double] = [
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 21, 24, 28, 35, 42, 49, 56, 70, 90, 120, 150,
      180, 210, 240, 270, 300, 330, 365,
    ]
    let truth = SteinModel.typical
    var rng = SeededGenerator(seed: 20_190_501)
    var fits: [SteinModelFit] = []
    for _ in 0..<20 {
      let noisy = days.map { truth.concentration(at: $0) * Double.exp(0.3 * rng.nextNormal()) }
      let fit = try SteinModelFit.fit(try ConcentrationProfile(times: days, concentrations: noisy))
      func objective(_ model: SteinModel) -> Double {
        zip(days, noisy).reduce(0.0) {
          let r = model.logConcentration(at: $1.0) - Double.log($1.1)
          return $0 + r * r
        }
      }
      #expect(fit.converged)
      #expect(objective(fit.model) <= objective(truth) + 1e-9)
      fits.append(fit)
    }
    var covered = 0
    for (name, path) in Self.parameterPaths {
      let estimates = fits.map { $0.model[keyPath: path] }.sorted()
      let median = (estimates[9] + estimates[10]) / 2
      #expect(abs(median - truth[keyPath: path]) < 0.10 * truth[keyPath: path], "\(name): median \(median)")
      covered +=
        fits.filter {
          abs($0.model[keyPath: path] - truth[keyPath: path]) <= 1.96 * $0.standardErrors![keyPath: path]
        }.count
    }
    #expect(Double(covered) / 120 >= 0.85, "Wald coverage \(covered)/120")
  }

  @Test func fitNeedsSevenPoints() throws {
    let profile = try ConcentrationProfile(times: [0, 1, 2, 3, 4, 5], concentrations: [1, 2, 3, 2, 1, 0.5])
    #expect(throws: SteinModelFit.FitError.self) { try SteinModelFit.fit(profile) }
  }
}

/// The numbers in a non-identifiability reason.
@Suite struct NonIdentifiabilityTextTests {
  @Test(arguments: [
    (2.74001e-18, "2.74e-18"), (4.5400000000000004e-86, "4.54e-86"), (0.00411818, "0.00412"),
    (0.5, "0.5"), (999.7, "1e+03"), (12.34, "12.3"), (-0.000123456, "-0.000123"), (1500, "1.5e+03"),
    (.leastNonzeroMagnitude, "4.94e-324"), (.greatestFiniteMagnitude, "1.8e+308"), (1.5e-310, "1.5e-310"),
  ])
  func shortNumbers(value: Double, text: String) {
    #expect(SteinModelFit.short(value) == text)
  }
}
