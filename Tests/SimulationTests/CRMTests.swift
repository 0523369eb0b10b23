import DoseFinding
import TestSupport
import Testing

@testable import Simulation

/// CRM (dfcrm crmsim, restrict = TRUE) on each reference scenario: one exact computation checked
/// against the independent exact reference, the published dfcrm simulation and our own simulation.
@Test(arguments: ["A", "L1", "L2", "L3"])
func crmExactMatchesReferences(scenarioName: String) throws {
  let entry = try ExactOCReference.entry(design: "crm", scenario: scenarioName)
  let design = ReferenceDesigns.design(
    named: "crm", doseCount: entry.truth.count, skeleton: entry.skeleton)!
  let scenario = try Scenario(truth: entry.truth, target: 0.3)
  let exact = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
  expectClose(exact.selection, entry.selection, absolute: 1e-9, "selection")
  expectClose(exact.meanPatients, entry.meanPatients, absolute: 1e-9, "patients")
  expectClose(exact.meanTotalDLTs, try #require(entry.meanDLTs), absolute: 1e-9, "DLTs")

  let published = try SimulatedOCReference.row(design: "CRM(dfcrm)", scenario: scenarioName)
  for (p, percent) in checkedZip(exact.selection, published.selectionPercent, "dfcrm selection") {
    let se = (p * (1 - p) / Double(published.trials)).squareRoot()
    #expect(abs(p - percent / 100) <= 4 * se + 0.0005)
  }

  let simulated = try MonteCarloSimulation(trials: 3_000, seed: 42, threads: 1).run(
    design: design, scenario: scenario)
  expectAgreement(exact: exact, simulated: simulated, label: "CRM \(scenarioName)")
}
