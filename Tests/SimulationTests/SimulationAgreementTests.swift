import DoseFinding
import Foundation
import TestSupport
import Testing

@testable import Simulation

/// Checks every figure of a simulation against the exact values: indicator figures with the
/// binomial standard error at the exact probability, means with the simulation's own standard
/// error; each bound adds the effect of one trial (1/N times the figure's range) as a continuity
/// correction, since the normal approximation fails for events rarer than 1/N.
func expectAgreement(
  exact: OperatingCharacteristics, simulated sim: OperatingCharacteristics, label: String,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let n = Double(sim.trials!)
  let se = sim.standardErrors!
  // The per-dose checks below index both results by the exact one's doses.
  _ = checkedZip(sim.selection, exact.selection, "\(label) doses", sourceLocation: sourceLocation)
  _ = checkedZip(sim.meanPatients, exact.meanPatients, "\(label) doses", sourceLocation: sourceLocation)
  func proportion(_ e: Double, _ s: Double, _ what: String) {
    let bound = 4 * (max(0, e * (1 - e)) / n).squareRoot() + 1 / n
    #expect(
      abs(e - s) <= bound, "\(label) \(what): exact \(e), simulated \(s)", sourceLocation: sourceLocation)
  }
  let range = Double(exact.sampleSizeDistribution.map(\.patients).max() ?? 0)
  func mean(_ e: Double, _ s: Double, _ error: Double, _ what: String, range: Double = range) {
    #expect(
      abs(e - s) <= 4 * error + range / n, "\(label) \(what): exact \(e), simulated \(s) ± \(error)",
      sourceLocation: sourceLocation)
  }
  for d in exact.selection.indices {
    proportion(exact.selection[d], sim.selection[d], "selection[\(d + 1)]")
    mean(exact.meanPatients[d], sim.meanPatients[d], se.meanPatients[d], "patients[\(d + 1)]")
    mean(exact.meanDLTs[d], sim.meanDLTs[d], se.meanDLTs[d], "DLTs[\(d + 1)]")
  }
  proportion(exact.noSelection, sim.noSelection, "no MTD")
  proportion(exact.earlyStop, sim.earlyStop, "early stop")
  proportion(exact.stopForToxicity, sim.stopForToxicity, "stop for toxicity")
  proportion(exact.selectionAboveMTD, sim.selectionAboveMTD, "selection above MTD")
  proportion(exact.correctSelection, sim.correctSelection, "correct selection")
  mean(exact.patientsAboveMTD, sim.patientsAboveMTD, se.patientsAboveMTD, "share above MTD", range: 1)
  mean(exact.meanSampleSize, sim.meanSampleSize, se.meanSampleSize, "sample size")
  mean(exact.meanTotalDLTs, sim.meanTotalDLTs, se.meanTotalDLTs, "total DLTs")
  let simulatedSizes = Dictionary(
    uniqueKeysWithValues: sim.sampleSizeDistribution.map { ($0.patients, $0.probability) })
  for size in exact.sampleSizeDistribution {
    proportion(size.probability, simulatedSizes[size.patients] ?? 0, "P(N = \(size.patients))")
  }
}

@Test func simulationAgreesWithExactOnEveryReferenceScenario() throws {
  var checked = 0
  for entry in try ExactOCReference.all() {
    guard
      let design = ReferenceDesigns.design(
        named: entry.design, doseCount: entry.truth.count)
    else { continue }
    let scenario = try Scenario(truth: entry.truth, target: 0.3)
    let exact = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
    let sim = try MonteCarloSimulation(trials: 20_000, seed: 2026).run(
      design: design, scenario: scenario)
    expectAgreement(exact: exact, simulated: sim, label: "\(entry.design) \(entry.scenario)")
    checked += 1
  }
  #expect(checked == 16)  // every reference entry but CRM (built only with its skeleton)
}

@Test func simulationAgreesWithExactOverRandomTruths() throws {
  var rng = Xoshiro256StarStar(seed: 77)
  let i3 = ReferenceDesigns.design(named: "i3+3", doseCount: 5)!
  for index in 0..<12 {
    let truth = (0..<5).map { _ in rng.nextUnitInterval() * 0.8 }.sorted()
    let scenario = try Scenario(truth: truth, target: 0.3)
    let design: any DoseFindingDesign =
      index.isMultiple(of: 2) ? i3 : ThreePlusThreeDesign(doseCount: 5, variant: .korn)
    let exact = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
    let sim = try MonteCarloSimulation(trials: 8_192, seed: UInt64(index)).run(
      design: design, scenario: scenario)
    expectAgreement(exact: exact, simulated: sim, label: "random truth \(truth)")
  }
}

@Test func resultsDoNotDependOnThreadsOrMemoization() throws {
  let design = ReferenceDesigns.design(named: "boin", doseCount: 6)!
  let scenario = try Scenario(truth: [0.08, 0.15, 0.29, 0.43, 0.5, 0.57], target: 0.3)
  let trials = 3 * MonteCarloSimulation.blockSize + 123
  let one = try MonteCarloSimulation(trials: trials, seed: 9, threads: 1).run(
    design: design, scenario: scenario)
  let three = try MonteCarloSimulation(trials: trials, seed: 9, threads: 3).run(
    design: design, scenario: scenario)
  let direct = try MonteCarloSimulation(trials: trials, seed: 9, threads: 2, memoizeDecisions: false)
    .run(design: design, scenario: scenario)
  #expect(one == three)
  #expect(one == direct)
  let other = try MonteCarloSimulation(trials: trials, seed: 10, threads: 1).run(
    design: design, scenario: scenario)
  #expect(one != other)
}

@Test func progressReportsEveryTrial() throws {
  let design = ClassicThreePlusThree(doseCount: 3)
  let scenario = try Scenario(truth: [0.1, 0.2, 0.3], target: 0.3)
  let seen = ProgressLog()
  _ = try MonteCarloSimulation(trials: 10_000, seed: 1, threads: 2).run(
    design: design, scenario: scenario, progress: { seen.record($0) })
  #expect(seen.maximum == 10_000)
}

final class ProgressLog: @unchecked Sendable {
  private var values: [Int] = []
  private let lock = NSLock()
  func record(_ value: Int) { lock.withLock { values.append(value) } }
  var maximum: Int { lock.withLock { values.max() ?? 0 } }
}
