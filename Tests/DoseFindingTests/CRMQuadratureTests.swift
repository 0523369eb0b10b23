import Foundation
import Testing

@testable import DoseFinding

/// The fixed Gauss–Legendre rule of ``CRMQuadrature`` against the adaptive Gauss–Kronrod reference
/// over thousands of random count vectors, for both working models and several skeletons: this is
/// the numerical justification of its range (±11.5), panel width (0.5) and order (16).
struct CRMQuadratureTests {
  /// Knuth's MMIX linear congruential generator (high bits): reproducible random counts.
  struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return state ^ (state >> 33)
    }
  }

  static let skeletons: [[Double]] = [
    [0.1225, 0.2040, 0.3000, 0.4018, 0.5013],
    [0.02, 0.06, 0.12, 0.20, 0.30, 0.40],
    [0.25, 0.35, 0.45, 0.55, 0.65, 0.75],
    [0.01, 0.03, 0.08, 0.15, 0.25, 0.35],
  ]

  /// Random counts: up to `maxPatients` in cohorts of 3 spread over the doses, DLTs uniform in
  /// 0…n at each dose (covers all-DLT and no-DLT extremes).
  static func randomCounts(doses: Int, maxPatients: Int, using rng: inout SeededGenerator) -> [DoseCounts] {
    var counts = Array(repeating: DoseCounts(), count: doses)
    let cohorts = Int.random(in: 1...(maxPatients / 3), using: &rng)
    let highest = Int.random(in: 0..<doses, using: &rng)
    for _ in 0..<cohorts { counts[Int.random(in: 0...highest, using: &rng)].patients += 3 }
    for d in counts.indices where counts[d].patients > 0 {
      counts[d].dlts = Int.random(in: 0...counts[d].patients, using: &rng)
    }
    return counts
  }

  @Test(arguments: [false, true])
  func fixedRuleMatchesAdaptiveIntegrator(logistic: Bool) {
    var rng = SeededGenerator(state: logistic ? 2 : 1)
    var worstMean = 0.0
    var worstSD = 0.0
    var worstOverdose = 0.0
    var fallbacks = 0
    var fits = 0
    var narrowest = Double.infinity
    for skeleton in Self.skeletons {
      for target in [0.2, 0.25, 0.3] {
        let model: CRMWorkingModel = logistic ? .logistic(intercept: 3) : .empiric
        let design = CRMDesign(skeleton: skeleton, target: target, model: model, maxSampleSize: 60)
        let labels = skeleton.map { model.doseLabel(skeleton: $0) }
        for _ in 0..<400 {
          let counts = Self.randomCounts(doses: skeleton.count, maxPatients: 60, using: &rng)
          let reference = CRMPosterior.adaptiveFit(
            counts: counts, labels: labels, skeleton: skeleton, model: model, priorVariance: 1.34,
            target: target)
          fits += 1
          narrowest = min(narrowest, reference.betaStandardDeviation)
          guard let fast = design.quadrature.moments(counts) else {
            fallbacks += 1
            continue
          }
          // Relative to max(|x|, 1) for β (whose mean may be ≈ 0); absolute for the probability.
          worstMean = max(worstMean, abs(fast.mean - reference.betaMean) / max(1, abs(reference.betaMean)))
          worstSD = max(
            worstSD,
            abs(fast.standardDeviation - reference.betaStandardDeviation) / reference.betaStandardDeviation)
          worstOverdose = max(worstOverdose, abs(fast.overdose - reference.lowestDoseOverdoseProbability))
        }
      }
    }
    print(
      "CRMQuadrature \(logistic ? "logistic" : "empiric"): \(fits) fits, \(fallbacks) fallbacks, "
        + "narrowest SD \(narrowest), max error mean \(worstMean), sd \(worstSD), Pr(p1 > target) \(worstOverdose)"
    )
    #expect(fallbacks == 0)
    #expect(worstMean <= 1e-10)
    #expect(worstSD <= 1e-9)
    #expect(worstOverdose <= 1e-10)
  }

  /// Outside the validated region (a posterior narrower than the rule resolves) the design falls
  /// back to the adaptive integrator, so its fit still equals the reference.
  @Test func narrowPosteriorFallsBackToAdaptiveIntegrator() {
    let skeleton = Self.skeletons[0]
    let model = CRMWorkingModel.logistic(intercept: 3)
    let design = CRMDesign(skeleton: skeleton, target: 0.25, model: model, maxSampleSize: 3000)
    let counts = [DoseCounts(patients: 3000, dlts: 300)] + Array(repeating: DoseCounts(), count: 4)
    #expect(design.quadrature.moments(counts) == nil)
    let reference = CRMPosterior.adaptiveFit(
      counts: counts, labels: skeleton.map { model.doseLabel(skeleton: $0) }, skeleton: skeleton,
      model: model, priorVariance: 1.34, target: 0.25)
    #expect(design.posterior(counts) == reference)
  }

  /// Extreme data (every patient with a DLT at the lowest dose; none at the highest, 60 patients)
  /// put the posterior in the prior's tails: the rule's range still holds it.
  @Test(arguments: [false, true])
  func extremeCountsMatchAdaptiveIntegrator(logistic: Bool) throws {
    let skeleton = Self.skeletons[1]
    let model: CRMWorkingModel = logistic ? .logistic(intercept: 3) : .empiric
    let design = CRMDesign(skeleton: skeleton, target: 0.25, model: model, maxSampleSize: 60)
    let empty = Array(repeating: DoseCounts(), count: skeleton.count)
    var allToxic = empty
    allToxic[0] = DoseCounts(patients: 60, dlts: 60)
    var noneToxic = empty
    noneToxic[skeleton.count - 1] = DoseCounts(patients: 60, dlts: 0)
    for counts in [allToxic, noneToxic, empty] {
      let reference = CRMPosterior.adaptiveFit(
        counts: counts, labels: skeleton.map { model.doseLabel(skeleton: $0) }, skeleton: skeleton,
        model: model, priorVariance: 1.34, target: 0.25)
      let fast = try #require(design.quadrature.moments(counts))
      #expect(abs(fast.mean - reference.betaMean) <= 1e-10 * max(1, abs(reference.betaMean)))
      #expect(abs(fast.overdose - reference.lowestDoseOverdoseProbability) <= 1e-10)
    }
  }

  /// Other prior variances (the range widens with σ; narrow posteriors fall back): the design's
  /// fit, fixed rule or fallback, equals the adaptive reference.
  @Test(arguments: [0.5, 4.0])
  func otherPriorVariancesMatchAdaptiveIntegrator(priorVariance: Double) {
    var rng = SeededGenerator(state: 3)
    for logistic in [false, true] {
      let skeleton = Self.skeletons[1]
      let model: CRMWorkingModel = logistic ? .logistic(intercept: 3) : .empiric
      let design = CRMDesign(
        skeleton: skeleton, target: 0.25, model: model, priorVariance: priorVariance, maxSampleSize: 60)
      for _ in 0..<300 {
        let counts = Self.randomCounts(doses: skeleton.count, maxPatients: 60, using: &rng)
        let reference = CRMPosterior.adaptiveFit(
          counts: counts, labels: skeleton.map { model.doseLabel(skeleton: $0) }, skeleton: skeleton,
          model: model, priorVariance: priorVariance, target: 0.25)
        let fit = design.posterior(counts)
        #expect(abs(fit.betaMean - reference.betaMean) <= 1e-10 * max(1, abs(reference.betaMean)))
        #expect(abs(fit.lowestDoseOverdoseProbability - reference.lowestDoseOverdoseProbability) <= 1e-10)
      }
    }
  }
}
