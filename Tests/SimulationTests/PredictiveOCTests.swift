import DoseFinding
import Foundation
import Inputs
import Testing

@testable import Simulation

/// Posterior predictive exact OC (independent Beta priors per dose) checked against an independent
/// computation: the fixed-scenario exact OC averaged over the prior (or today's posterior) by
/// Gauss–Legendre quadrature, which is exact here — a trial of at most 12 patients makes every
/// figure a polynomial of degree ≤ 12 in each dose's rate, and 10 nodes integrate degree 19.
@Suite struct PredictiveOCTests {
  let design = BOINDesign(target: 0.3, doseCount: 2, maxSampleSize: 12)
  let reference = try! Scenario(truth: [0.2, 0.4], target: 0.3)

  /// Gauss–Legendre nodes and weights on [0, 1] (Newton's method on the Legendre polynomial).
  static func gaussLegendre(_ m: Int) -> [(x: Double, w: Double)] {
    (1...m).map { i in
      var x = cos(Double.pi * (Double(i) - 0.25) / (Double(m) + 0.5))
      var derivative = 0.0
      for _ in 0..<100 {
        var (p0, p1) = (1.0, x)
        for k in 2...m { (p0, p1) = (p1, ((2 * Double(k) - 1) * x * p1 - (Double(k) - 1) * p0) / Double(k)) }
        derivative = Double(m) * (x * p1 - p0) / (x * x - 1)
        let step = p1 / derivative
        x -= step
        if abs(step) < 1e-16 { break }
      }
      return ((x + 1) / 2, 1 / ((1 - x * x) * derivative * derivative))
    }
  }

  /// The fixed-scenario figures averaged with `weight(p1, p2)` (normalised) over the unit square.
  func averaged(from history: TrialHistory, weight: (Double, Double) -> Double) throws -> (
    selection: [Double], sampleSize: Double
  ) {
    let nodes = Self.gaussLegendre(10)
    var selection = [0.0, 0.0], sampleSize = 0.0, total = 0.0
    for a in nodes {
      for b in nodes {
        let w = a.w * b.w * weight(a.x, b.x)
        let oc = try ExactOperatingCharacteristics.compute(
          design: design, scenario: try Scenario(truth: [a.x, b.x], target: 0.3), from: history)
        for d in 0..<2 { selection[d] += w * oc.selection[d] }
        sampleSize += w * oc.meanSampleSize
        total += w
      }
    }
    return (selection.map { $0 / total }, sampleSize / total)
  }

  @Test func fromTheEmptyTrialTheyAreThePriorAverage() throws {
    let empty = TrialHistory(doseCount: 2, startDose: 0)
    for (a, b) in [(1.0, 1.0), (0.5, 0.5), (2.0, 3.0)] {
      let predictive = try ExactOperatingCharacteristics.predictive(
        design: design, prior: PredictivePrior(a: a, b: b), reference: reference, from: empty)
      #expect(abs((predictive.totalProbability ?? 0) - 1) <= 1e-12)
      // Beta(0.5, 0.5) is singular at 0 and 1: not a polynomial weight for the quadrature.
      guard a >= 1, b >= 1 else { continue }
      let prior = { (p: Double) in pow(p, a - 1) * pow(1 - p, b - 1) }
      let expected = try averaged(from: empty) { prior($0) * prior($1) }
      for d in 0..<2 {
        #expect(
          abs(predictive.selection[d] - expected.selection[d]) <= 1e-10, "Beta(\(a),\(b)) dose \(d + 1)")
      }
      #expect(abs(predictive.meanSampleSize - expected.sampleSize) <= 1e-10)
    }
  }

  @Test func fromATrialUnderWayTheyAreThePosteriorAverage() throws {
    // Today: 3 patients, 1 DLT at dose 1; the posterior of dose 1 is Beta(2, 3), dose 2 still Beta(1, 1).
    var today = TrialHistory(doseCount: 2, startDose: 0)
    today.counts = [DoseCounts(patients: 3, dlts: 1), DoseCounts()]
    let predictive = try ExactOperatingCharacteristics.predictive(
      design: design, prior: PredictivePrior(), reference: reference, from: today)
    let expected = try averaged(from: today) { p1, _ in p1 * (1 - p1) * (1 - p1) }
    for d in 0..<2 { #expect(abs(predictive.selection[d] - expected.selection[d]) <= 1e-10, "dose \(d + 1)") }
    #expect(abs(predictive.meanSampleSize - expected.sampleSize) <= 1e-10)
  }

  @Test func theBetaBinomialByHand() throws {
    // Beta(1, 1), 3 patients: each count of DLTs is equally likely, 1/4.
    let uniform = PredictiveTransition.pmf(a: 1, b: 1, n: 3)
    for p in uniform { #expect(abs(p - 0.25) <= 1e-15) }
    // Beta(2, 3), 3 patients: P(0) = (3·4·5)/(5·6·7) = 60/210.
    let posterior = PredictiveTransition.pmf(a: 2, b: 3, n: 3)
    #expect(abs(posterior[0] - 60.0 / 210) <= 1e-15 && abs(posterior.reduce(0, +) - 1) <= 1e-15)
    #expect(throws: InputError.self) { try PredictivePrior(a: 0, b: 1) }
  }
}
