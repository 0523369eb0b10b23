import DoseFinding
import Inputs
import TestSupport
import Testing

@testable import Simulation

@Test func truthOutsideUnitIntervalIsRejected() {
  #expect(throws: InputError(field: "truth[1]", expected: "a DLT probability in [0, 1]", found: "1.2")) {
    try Scenario(truth: [0.1, 1.2], target: 0.3)
  }
  #expect(throws: InputError.self) { try Scenario(truth: [-0.1], target: 0.3) }
  #expect(throws: InputError.self) { try Scenario(truth: [.nan], target: 0.3) }
  #expect(throws: InputError.self) { try Scenario(truth: [], target: 0.3) }
  #expect(throws: InputError.self) { try Scenario(truth: [0.2], target: 1) }
}

@Test func wrongNumberOfDosesIsRejected() throws {
  let scenario = try Scenario(truth: [0.1, 0.2, 0.3], target: 0.3)
  let error = #expect(throws: InputError.self) {
    try ExactOperatingCharacteristics.compute(design: ClassicThreePlusThree(doseCount: 4), scenario: scenario)
  }
  #expect(error?.description.contains("expected 4 DLT probabilities") == true)
  #expect(throws: InputError.self) {
    try MonteCarloSimulation(trials: 100, seed: 1).run(
      design: ClassicThreePlusThree(doseCount: 2), scenario: scenario)
  }
}

@Test func zeroCohortsIsRejected() throws {
  let table = try DecisionTableReference(file: "i3plus3_pT0.3_EI0.25-0.35.csv").byPatients
  let design = TableDrivenDesign(table: table, doseCount: 3, cohorts: 0)
  let scenario = try Scenario(truth: [0.1, 0.2, 0.3], target: 0.3)
  let error = #expect(throws: InputError.self) {
    try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
  }
  #expect(error?.field == "maxSampleSize")
}

@Test func startDoseOutOfRangeIsRejected() throws {
  let scenario = try Scenario(truth: [0.1, 0.2, 0.3], target: 0.3)
  #expect(throws: InputError.self) {
    try ExactOperatingCharacteristics.compute(
      design: ClassicThreePlusThree(doseCount: 3), scenario: scenario, startDose: 3)
  }
}

@Test func trueMTDIsClosestDoseWithLowerDoseOnTies() throws {
  #expect(try Scenario(truth: [0.05, 0.15, 0.3, 0.45], target: 0.3).trueMTD == 2)
  #expect(try Scenario(truth: [0.2, 0.4], target: 0.3).trueMTD == 0)
  #expect(try Scenario(truth: [0.5, 0.6], target: 0.3).trueMTD == 0)
  #expect(try Scenario(truth: [0.01, 0.02], target: 0.3).trueMTD == 1)
}
