import DoseFinding
import Testing

@testable import Simulation

/// CRM (dfcrm crmsim, restrict = TRUE) on each reference scenario: one exact computation checked
/// against the independent exact reference, the published dfcrm simulation and our own simulation.
@Test(arguments: ["A", "L1", "L2", "L3"])
func crmExactMatchesReferences(scenarioName: String) throws {
  let entry = try ReferenceFixtures.exactReference().first {
    $0.design == "crm" && $0.scenario == scenarioName
  }!
  let design = ReferenceDesigns.design(
    named: "crm", doseCount: entry.truth.count, skeleton: entry.skeleton)!
  let scenario = try Scenario(truth: entry.truth, target: 0.3)
  let exact = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
  for (ours, theirs) in zip(exact.selection, entry.selection) { #expect(abs(ours - theirs) < 1e-9) }
  for (ours, theirs) in zip(exact.meanPatients, entry.meanPatients) {
    #expect(abs(ours - theirs) < 1e-9)
  }
  #expect(abs(exact.meanTotalDLTs - entry.meanDLTs!) < 1e-9)

  let published = try ReferenceFixtures.simulatedReference().first {
    $0.design == "CRM(dfcrm)" && $0.scenario == scenarioName
  }!
  for (p, percent) in zip(exact.selection, published.selectionPercent) {
    let se = (p * (1 - p) / Double(published.trials)).squareRoot()
    #expect(abs(p - percent / 100) <= 4 * se + 0.0005)
  }

  let simulated = try MonteCarloSimulation(trials: 3_000, seed: 42, threads: 1).run(
    design: design, scenario: scenario)
  expectAgreement(exact: exact, simulated: simulated, label: "CRM \(scenarioName)")
}
