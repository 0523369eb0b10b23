import RealModule
import TestSupport
import Testing

@testable import Analysis

/// Small cases worked by hand from the defining formulas (independent of R), covering the
/// conventions the reference fixtures exercise only in aggregate.
struct HandComputedReferenceTests {
  func observations(_ list: [(Double, Bool)]) -> [SurvivalObservation] {
    list.map { SurvivalObservation(time: $0.0, event: $0.1) }
  }

  @Test func kaplanMeierWithoutCensoringIsTheEmpiricalSurvivalFunction() {
    let times: [Double] = [1, 2, 2, 3, 5, 8, 8, 8, 9, 12]
    let km = KaplanMeier(observations(times.map { ($0, true) }))
    for t in [0.5, 1, 1.5, 2, 3, 4, 5, 8, 8.5, 9, 12, 20] {
      let empirical = Double(times.filter { $0 > t }.count) / Double(times.count)
      #expect(abs(km.survival(at: t) - empirical) < 1e-15, "S(\(t))")
    }
  }

  @Test func greenwoodVarianceByHandOnFiveSubjects() throws {
    // 1 event, 2 censored, 3 event, 4 event, 5 censored.
    let km = KaplanMeier(observations([(1, true), (2, false), (3, true), (4, true), (5, false)]))
    // Steps: n = 5, 3, 2 at risk with one death each.
    let expectedS: [Double] = [0.8, 0.8 * 2 / 3, 0.8 * 2 / 3 / 2]
    let terms: [Double] = [1.0 / 20, 1.0 / 6, 1.0 / 2]  // d/(n(n − d)) at n = 5, 3, 2
    let sums: [Double] = [terms[0], terms[0] + terms[1], terms[0] + terms[1] + terms[2]]
    #expect(km.steps.map(\.atRisk) == [5, 3, 2])
    for (i, step) in km.steps.enumerated() {
      #expect(abs(step.survival - expectedS[i]) < 1e-15)
      // Var(S) = S² Σ d/(n(n − d)).
      #expect(abs(step.standardError * step.standardError - expectedS[i] * expectedS[i] * sums[i]) < 1e-15)
    }
    // Log-scale 95% band at t = 3: S·exp(±1.959964·√Σ).
    let band = try #require(km.confidenceInterval(for: km.steps[1]))
    let z = 1.959963984540054
    #expect(abs(band.lower - expectedS[1] * Double.exp(-z * sums[1].squareRoot())) < 1e-12)
    #expect(abs(band.upper - min(1, expectedS[1] * Double.exp(z * sums[1].squareRoot()))) < 1e-12)
  }

  @Test func censoringTiedWithAnEventIsAtRiskAtThatTime() {
    // R survfit: a subject censored at t is still at risk at t.
    let km = KaplanMeier(observations([(2, true), (2, false), (3, true), (4, false)]))
    #expect(km.steps.first?.atRisk == 4)
    #expect(abs(km.survival(at: 2) - 3.0 / 4) < 1e-15)
    #expect(km.steps.last?.atRisk == 2)
    #expect(abs(km.survival(at: 3) - 3.0 / 4 * 1 / 2) < 1e-15)
    #expect(km.atRisk(at: 2) == 4)
    #expect(km.atRisk(at: 2.5) == 2)
  }

  @Test func allCensoredHasNoStepsAndNoMedian() {
    let km = KaplanMeier(observations([(3, false), (5, false), (8, false)]))
    #expect(km.steps.isEmpty)
    #expect(km.survival(at: 10) == 1)
    #expect(km.median().estimate == nil)
  }

  @Test func medianOfACurveEndingFlatAtOneHalfIsTheMidpointToTheLastTime() {
    // R quantile.survfit: S = 0.5 from day 2 to the last (censored) time 4 → median (2 + 4)/2.
    let km = KaplanMeier(observations([(1, true), (2, true), (3, false), (4, false)]))
    #expect(km.median().estimate == 3)
  }

  @Test func medianLimitsWhereRReportsNAAreMissing() throws {
    // Deaths at 1, 2, 3 of three: S = 2/3, 1/3, 0. The upper band is capped at 1 until S = 0, where
    // R's band is NA, so the median's upper limit is not reached; the lower band crosses at day 1:
    // 2/3·exp(−1.96·√(1/6)) ≈ 0.30.
    let km = KaplanMeier(observations([(1, true), (2, true), (3, true)]))
    let band = try #require(km.confidenceInterval(for: km.steps[1]))
    #expect(band.upper == 1)
    #expect(km.median() == SurvivalQuantile(probability: 0.5, estimate: 2, lower: 1, upper: nil))
    // One subject: S drops to 0 at once; both limits are NA in R.
    let one = KaplanMeier(observations([(3, true)]))
    #expect(one.median() == SurvivalQuantile(probability: 0.5, estimate: 3, lower: nil, upper: nil))
  }

  @Test func logRankTwoGroupsByHand() {
    // A: deaths at 1 and 3; B: death at 2, censored at 4.
    // t=1: n=(2,2), E_A += 2/4, V += 1·3/(16·3)·2·2 = 1/4.
    // t=2: n=(1,2), E_A += 1/3, V += 1·2/(9·2)·1·2 = 2/9.
    // t=3: n=(1,1), E_A += 1/2, V += 1·1/(4·1)·1·1 = 1/4.
    let test = LogRankTest(groups: [
      observations([(1, true), (3, true)]), observations([(2, true), (4, false)]),
    ])
    let expectedA = 0.5 + 1.0 / 3 + 0.5
    let variance = 0.25 + 2.0 / 9 + 0.25
    #expect(abs(test.expected[0] - expectedA) < 1e-15)
    #expect(abs(test.observed[0] - 2) < 1e-15)
    #expect(abs(test.chiSquared - (2 - expectedA) * (2 - expectedA) / variance) < 1e-14)
    #expect(abs(test.pValue - Double.erfc((test.chiSquared / 2).squareRoot())) < 1e-14)
  }

  @Test func logRankTiedCensoringStaysAtRisk() {
    // A: death at 2; B: censored at 2, death at 3. At t=2 both B subjects are at risk.
    // t=2: n=(1,2), d=1 → E_A = 1/3, V = 1·2/(9·2)·1·2 = 2/9; t=3: A has left, E_A += 0.
    let test = LogRankTest(groups: [
      observations([(2, true)]), observations([(2, false), (3, true)]),
    ])
    #expect(abs(test.expected[0] - 1.0 / 3) < 1e-15)
    #expect(abs(test.chiSquared - (1 - 1.0 / 3) * (1 - 1.0 / 3) / (2.0 / 9)) < 1e-14)
  }

  @Test func logRankLeavesOutGroupsWithNoExpectedEvents() {
    // R survdiff keeps only groups with E > 0: a group censored before the first event adds
    // nothing, so the test is the two-group one with 1 df, wherever that group is listed.
    let a = observations([(1, true), (3, true)])
    let b = observations([(2, true), (4, false)])
    let early = observations([(0.5, false), (0.5, false)])
    let twoGroups = LogRankTest(groups: [a, b])
    for groups in [[early, a, b], [a, early, b], [a, b, early]] {
      let test = LogRankTest(groups: groups)
      #expect(test.degreesOfFreedom == 1)
      #expect(abs(test.chiSquared - twoGroups.chiSquared) < 1e-12)
      #expect(abs(test.pValue - twoGroups.pValue) < 1e-12)
    }
  }

  @Test func clopperPearsonEdgeCasesInClosedForm() {
    // x = 0: upper = 1 − (α/2)^(1/n); x = n: lower = (α/2)^(1/n).
    for n in [1, 2, 5, 55, 1000] {
      let none = ProportionInterval.clopperPearson(successes: 0, trials: n)
      #expect(none.lower == 0)
      #expect(abs(none.upper - (1 - Double.pow(0.025, 1 / Double(n)))) < 1e-12, "0/\(n)")
      let all = ProportionInterval.clopperPearson(successes: n, trials: n)
      #expect(all.upper == 1)
      #expect(abs(all.lower - Double.pow(0.025, 1 / Double(n))) < 1e-12, "\(n)/\(n)")
    }
    // x = 1: lower = 1 − (1 − α/2)^(1/n); x = n − 1: upper = (1 − α/2)^(1/n).
    for n in [2, 10, 1000] {
      let one = ProportionInterval.clopperPearson(successes: 1, trials: n)
      #expect(abs(one.lower - (1 - Double.pow(0.975, 1 / Double(n)))) < 1e-12, "1/\(n)")
      let almost = ProportionInterval.clopperPearson(successes: n - 1, trials: n)
      #expect(abs(almost.upper - Double.pow(0.975, 1 / Double(n))) < 1e-12, "\(n - 1)/\(n)")
    }
  }

  @Test func ncaTrapezoidsByHand() throws {
    let profile = try ConcentrationProfile(times: [0, 1, 2, 4], concentrations: [0, 10, 8, 4])
    let linear = try profile.nonCompartmentalAnalysis(NCAOptions(aucMethod: .linear))
    #expect(abs(linear.auclast - (5 + 9 + 12)) < 1e-12)
    // Log-down segments: Δt·(C₂ − C₁)/ln(C₂/C₁).
    let logDown = try profile.nonCompartmentalAnalysis()
    let expected = 5 + 1 * (8 - 10) / Double.log(0.8) + 2 * (4 - 8) / Double.log(0.5)
    #expect(abs(logDown.auclast - expected) < 1e-12)
  }

  @Test func extrapolationPastTlastIsExponentialUnderEveryMethod() throws {
    // After Tlast the curve is Clast·exp(−λz(t − Tlast)), so the area from Tlast to T is
    // Clast(1 − exp(−λzΔ))/λz whatever the method (PKNCA pk.calc.aucint uses the log rule there).
    let k = 0.3
    let times: [Double] = [0, 1, 2, 3, 4, 6]
    let concs = times.map { $0 == 0 ? 0 : 50 * Double.exp(-k * ($0 - 1)) }
    let profile = try ConcentrationProfile(times: times, concentrations: concs)
    for method in AUCMethod.allCases {
      let result = try profile.nonCompartmentalAnalysis(NCAOptions(aucMethod: method, interval: 0...10))
      let tail = concs.last! * (1 - Double.exp(-k * 4)) / k
      expectClose(result.lambdaZ!, k, relative: 1e-12)
      expectClose(result.aucInterval!, result.auclast + tail, relative: 1e-12, "\(method)")
      let beyond = try profile.nonCompartmentalAnalysis(NCAOptions(aucMethod: method, interval: 7...10))
      let exact = concs.last! * (Double.exp(-k * 1) - Double.exp(-k * 4)) / k
      expectClose(beyond.aucInterval!, exact, relative: 1e-12, "\(method)")
    }
  }

  @Test func intervalStartingBeforeTheFirstSampleStartsFromZero() throws {
    // PKNCA interpolate.conc: before the first sample the level is conc.origin = 0, so AUC0–2
    // of a profile first sampled on day 1 is the rising triangle plus the log-down segment.
    let profile = try ConcentrationProfile(times: [1, 2, 4], concentrations: [10, 8, 4])
    let result = try profile.nonCompartmentalAnalysis(NCAOptions(interval: 0...2))
    let expected = 1 * (0 + 10) / 2 + 1 * (8 - 10) / Double.log(0.8)
    expectClose(try #require(result.aucInterval), expected, relative: 1e-14)
    let before = try profile.nonCompartmentalAnalysis(NCAOptions(interval: 0...0.5))
    #expect(before.aucInterval == 0)
  }

  @Test func steinExactAreaAgreesWithNumericalIntegration() {
    // Composite Simpson's rule on the model curve, split at Tmax where the curve has a kink.
    let model = SteinModel.typical
    func simpson(_ a: Double, _ b: Double, _ n: Int) -> Double {
      let h = (b - a) / Double(n)
      var sum = model.concentration(at: a) + model.concentration(at: b)
      for i in 1..<n { sum += (i % 2 == 1 ? 4 : 2) * model.concentration(at: a + Double(i) * h) }
      return sum * h / 3
    }
    let numeric = simpson(0, model.tmax, 20_000) + simpson(model.tmax, 28, 20_000)
    expectClose(model.exactArea(to: 28), numeric, relative: 1e-9)
    expectClose(model.exactArea(to: 28), 171_774.285, relative: 1e-8)
    expectClose(model.exactArea(to: 5), simpson(0, 5, 20_000), relative: 1e-9)
  }
}
