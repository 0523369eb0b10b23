import Foundation
import Testing

@testable import DoseFinding

struct CRMTests {
  static let skeleton = [0.1225, 0.2040, 0.3000, 0.4018, 0.5013]

  /// Independent quadrature: the trapezoidal rule on 120,001 points over [−30, 30] (exponentially
  /// accurate for this smooth, rapidly decaying integrand), written directly from the model formula.
  static func trapezoidPosteriorMean(
    counts: [DoseCounts], skeleton: [Double], logistic: Bool = false, variance: Double = 1.34
  ) -> Double {
    func logIntegrand(_ b: Double) -> Double {
      var total = -b * b / (2 * variance)
      for (s, c) in zip(skeleton, counts) {
        let p = logistic ? 1 / (1 + exp(-(3 + exp(b) * (log(s / (1 - s)) - 3)))) : pow(s, exp(b))
        if c.dlts > 0 { total += Double(c.dlts) * log(p) }
        if c.patients > c.dlts { total += Double(c.patients - c.dlts) * log(1 - p) }
      }
      return total
    }
    let n = 120_000
    let h = 60.0 / Double(n)
    let values = (0...n).map { logIntegrand(-30 + Double($0) * h) }
    let peak = values.filter { $0.isFinite }.max()!
    var z = 0.0
    var m = 0.0
    for (i, v) in values.enumerated() where v.isFinite {
      let w = (i == 0 || i == n ? 0.5 : 1) * exp(v - peak)
      z += w
      m += w * (-30 + Double(i) * h)
    }
    return m / z
  }

  static let datasets: [[DoseCounts]] = [
    [DoseCounts(patients: 3, dlts: 0)],
    [DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 3, dlts: 1)],
    [DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 6, dlts: 1), DoseCounts(patients: 9, dlts: 3)],
    [DoseCounts(patients: 3, dlts: 3)],
    [
      DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 12, dlts: 3),
      DoseCounts(patients: 9, dlts: 4), DoseCounts(patients: 3, dlts: 3),
    ],
    [DoseCounts(patients: 30, dlts: 0)],
  ]

  @Test(arguments: [false, true])
  func posteriorMeanMatchesIndependentQuadrature(logistic: Bool) {
    let model: CRMWorkingModel = logistic ? .logistic(intercept: 3) : .empiric
    let design = CRMDesign(skeleton: Self.skeleton, target: 0.3, model: model, maxSampleSize: 30)
    for data in Self.datasets {
      let counts = data + Array(repeating: DoseCounts(), count: 5 - data.count)
      let fit = design.posterior(counts)
      let reference = Self.trapezoidPosteriorMean(counts: counts, skeleton: Self.skeleton, logistic: logistic)
      #expect(abs(fit.betaMean - reference) < 1e-9, "\(data)")
      // Plug-in estimates are p_d(β̂) (dfcrm), increasing in dose.
      #expect(abs(fit.toxicity[2] - model.probability(skeleton: 0.3, beta: fit.betaMean)) < 1e-15)
      #expect(fit.toxicity.count == 5)
      #expect(zip(fit.toxicity, fit.toxicity.dropFirst()).allSatisfy { $0 < $1 })
    }
  }

  @Test func noDataGivesPriorMeanZero() {
    let design = CRMDesign(skeleton: Self.skeleton, target: 0.3, maxSampleSize: 30)
    let fit = design.posterior(Array(repeating: DoseCounts(), count: 5))
    #expect(abs(fit.betaMean) < 1e-12)
    #expect(abs(fit.betaStandardDeviation - 1.34.squareRoot()) < 1e-9)
    #expect(fit.recommendedDose(target: 0.3) == 2)
  }

  /// dfcrm getprior(0.05, 0.3, 3, 5) = 0.1225 0.2040 0.3000 0.4018 0.5013.
  @Test func skeletonMatchesGetprior() throws {
    let s = try SkeletonCalibration.skeleton(halfWidth: 0.05, target: 0.3, priorMTD: 2, doseCount: 5)
    #expect(s.map { decimal($0, 4) } == ["0.1225", "0.2040", "0.3000", "0.4018", "0.5013"])
    // The indifference property: at β where dose k has rate φ + δ, dose k − 1 has φ − δ.
    for k in 1..<5 {
      let beta = CRMWorkingModel.empiric.beta(whereProbabilityOf: s[k], equals: 0.35)!
      #expect(abs(CRMWorkingModel.empiric.probability(skeleton: s[k - 1], beta: beta) - 0.25) < 1e-12)
    }
  }

  @Test func logisticSkeletonHasIndifferenceProperty() throws {
    let model = CRMWorkingModel.logistic(intercept: 3)
    let s = try SkeletonCalibration.skeleton(
      halfWidth: 0.05, target: 0.25, priorMTD: 1, doseCount: 4, model: model)
    #expect(s.count == 4)
    #expect(abs(s[1] - 0.25) < 1e-12)
    #expect(zip(s, s.dropFirst()).allSatisfy { $0 < $1 })
    for k in 1..<4 {
      let beta = model.beta(whereProbabilityOf: s[k], equals: 0.30)!
      #expect(abs(model.probability(skeleton: s[k - 1], beta: beta) - 0.20) < 1e-12)
    }
  }

  func history(_ counts: [DoseCounts], at dose: Int, last: DoseCounts) -> TrialHistory {
    TrialHistory(counts: counts, currentDose: dose, lastCohort: last)
  }

  /// 0/3 at dose 1: the model wants a high dose; no skipping limits it to dose 2.
  @Test func noSkippingOnEscalation() {
    let design = CRMDesign(skeleton: Self.skeleton, target: 0.3, maxSampleSize: 30)
    var counts = Array(repeating: DoseCounts(), count: 5)
    counts[0] = DoseCounts(patients: 3, dlts: 0)
    let free = design.posterior(counts).recommendedDose(target: 0.3)
    #expect(free >= 2)
    let rec = design.recommend(history(counts, at: 0, last: counts[0]))
    #expect(rec.nextDose == 1)
    #expect(rec.decision == nil)
  }

  /// After a cohort with DLT rate ≥ φ the trial does not escalate, even if the model says so.
  @Test func coherenceBlocksEscalationAfterToxicCohort() {
    let design = CRMDesign(skeleton: Self.skeleton, target: 0.3, maxSampleSize: 60)
    var counts = Array(repeating: DoseCounts(), count: 5)
    counts[0] = DoseCounts(patients: 12, dlts: 0)
    counts[1] = DoseCounts(patients: 3, dlts: 1)
    #expect(design.posterior(counts).recommendedDose(target: 0.3) >= 2)
    let toxic = design.recommend(history(counts, at: 1, last: DoseCounts(patients: 3, dlts: 1)))
    #expect(toxic.nextDose == 1)
    // The same counts with a DLT-free last cohort (3 more without DLT earlier) escalate.
    let calm = design.recommend(history(counts, at: 1, last: DoseCounts(patients: 3, dlts: 0)))
    #expect(calm.nextDose == 2)
    let unrestricted = CRMDesign(
      skeleton: Self.skeleton, target: 0.3, maxSampleSize: 60, noSkipping: false, coherence: false)
    #expect(
      unrestricted.recommend(history(counts, at: 1, last: DoseCounts(patients: 3, dlts: 1))).nextDose! >= 2)
  }

  @Test func safetyStopAtLowestDose() {
    let design = CRMDesign(skeleton: Self.skeleton, target: 0.3, maxSampleSize: 30, safetyStopThreshold: 0.9)
    var counts = Array(repeating: DoseCounts(), count: 5)
    counts[0] = DoseCounts(patients: 3, dlts: 3)
    let rec = design.recommend(history(counts, at: 0, last: counts[0]))
    #expect(rec.stop == .lowestDoseTooToxic)
    #expect(rec.nextDose == nil)
    #expect(
      design.selectMTD(TrialHistory(counts: counts, currentDose: 0), stoppedBy: .lowestDoseTooToxic) == nil)
    // Pr(p1 > φ) by the trapezoid rule over β < β*, β* = log(log 0.3 / log 0.1225).
    let fit = design.posterior(counts)
    #expect(fit.lowestDoseOverdoseProbability > 0.9 && fit.lowestDoseOverdoseProbability < 1)
  }

  @Test func stopsAtMaxSampleSize() {
    let design = CRMDesign(skeleton: Self.skeleton, target: 0.3, maxSampleSize: 6)
    var counts = Array(repeating: DoseCounts(), count: 5)
    counts[0] = DoseCounts(patients: 3, dlts: 0)
    counts[1] = DoseCounts(patients: 3, dlts: 0)
    let rec = design.recommend(history(counts, at: 1, last: counts[1]))
    #expect(rec.stop == .maxSampleSize)
    #expect(rec.nextDose == nil)
  }
}
