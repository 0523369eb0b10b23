import DoseFinding
import Foundation
import Inputs
import Testing

@testable import Simulation

/// Exact operating characteristics from a trial under way (``ExactOperatingCharacteristics/compute(design:scenario:from:)``):
/// from the empty trial they are the unconditional ones exactly; mixed over the first cohort's
/// outcomes with their binomial probabilities they give the unconditional ones back (the law of
/// total probability, to 1e-12); a trial the design must stop has that one outcome.
@Suite struct ConditionalOCTests {
  let design = BOINDesign(target: 0.3, doseCount: 4, maxSampleSize: 24)
  let scenario = try! Scenario(truth: [0.1, 0.2, 0.3, 0.5], target: 0.3)

  func state(_ counts: [(Int, Int)], current: Int) -> TrialHistory {
    var h = TrialHistory(doseCount: 4, startDose: current)
    h.counts = counts.map { DoseCounts(patients: $0.0, dlts: $0.1) }
    return h
  }

  @Test func fromTheEmptyTrialTheyAreTheUnconditionalOnes() throws {
    let unconditional = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
    let conditional = try ExactOperatingCharacteristics.compute(
      design: design, scenario: scenario, from: TrialHistory(doseCount: 4, startDose: 0))
    #expect(conditional.selection == unconditional.selection)
    #expect(conditional.meanPatients == unconditional.meanPatients)
    #expect(conditional.meanTotalDLTs == unconditional.meanTotalDLTs)
    #expect(conditional.stopForToxicity == unconditional.stopForToxicity)
  }

  @Test func overTheFirstCohortTheyAddUpToTheUnconditionalOnes() throws {
    let unconditional = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
    let p = scenario.truth[0]
    var selection = [Double](repeating: 0, count: 4)
    var sampleSize = 0.0, dlts = 0.0, stop = 0.0, total = 0.0
    for y in 0...3 {
      let weight = Double([1, 3, 3, 1][y]) * pow(p, Double(y)) * pow(1 - p, Double(3 - y))
      let c = try ExactOperatingCharacteristics.compute(
        design: design, scenario: scenario, from: state([(3, y), (0, 0), (0, 0), (0, 0)], current: 0))
      #expect(abs((c.totalProbability ?? 0) - 1) <= 1e-12)
      for d in 0..<4 { selection[d] += weight * c.selection[d] }
      sampleSize += weight * c.meanSampleSize
      dlts += weight * c.meanTotalDLTs
      stop += weight * c.stopForToxicity
      total += weight
    }
    #expect(abs(total - 1) <= 1e-15)
    for d in 0..<4 { #expect(abs(selection[d] - unconditional.selection[d]) <= 1e-12, "dose \(d + 1)") }
    #expect(abs(sampleSize - unconditional.meanSampleSize) <= 1e-12)
    #expect(abs(dlts - unconditional.meanTotalDLTs) <= 1e-12)
    #expect(abs(stop - unconditional.stopForToxicity) <= 1e-12)
  }

  @Test func aTrialTheDesignMustStopHasThatOneOutcome() throws {
    // 3 of 3 at the lowest dose: BOIN eliminates it (P(p > 0.3 | 3/3) = 1 − 0.3⁴ > 0.95) and stops.
    let c = try ExactOperatingCharacteristics.compute(
      design: design, scenario: scenario, from: state([(3, 3), (0, 0), (0, 0), (0, 0)], current: 0))
    #expect(c.stopForToxicity == 1 && c.noSelection == 1)
    #expect(c.meanSampleSize == 3 && c.meanTotalDLTs == 3)
    // Under way at dose 3 with 9 patients treated: at least those stay counted.
    let later = try ExactOperatingCharacteristics.compute(
      design: design, scenario: scenario, from: state([(3, 0), (3, 0), (3, 1), (0, 0)], current: 2))
    #expect(later.meanSampleSize >= 9 && later.meanPatients[0] >= 3 && later.meanPatients[2] >= 3)
    #expect(abs(later.selection.reduce(0, +) + later.noSelection - 1) <= 1e-12)
  }

  @Test func aStateThatDoesNotFitTheDesignIsRefusedByField() {
    func field(_ h: TrialHistory) -> String? {
      do {
        _ = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario, from: h)
        return nil
      } catch { return error.field }
    }
    #expect(field(TrialHistory(doseCount: 3, startDose: 0)) == "counts")
    #expect(field(state([(3, 0), (2, 3), (0, 0), (0, 0)], current: 1)) == "counts[1]")
    #expect(field(state([(3, 0), (0, 0), (0, 0), (0, 0)], current: 5)) == "currentDose")
    #expect(field(state([(12, 0), (12, 0), (3, 0), (0, 0)], current: 2)) == "counts")
    var eliminated = state([(3, 0), (3, 0), (0, 0), (0, 0)], current: 2)
    eliminated.eliminatedFrom = 1
    #expect(field(eliminated) == "eliminatedFrom")
  }
}
