import DoseFinding
import Inputs
import TestSupport
import Testing

@testable import Simulation

/// Two groups: A by classic 3+3 on three doses, B by classic 3+3 on two doses, B opening once A
/// has cleared its first dose.
private func groups() throws -> [TrialGroup] {
  [
    TrialGroup(
      id: "A", design: ClassicThreePlusThree(doseCount: 3),
      scenario: try Scenario(truth: [0.2, 0.3, 0.5], target: 0.3)),
    TrialGroup(
      id: "B", design: ClassicThreePlusThree(doseCount: 2),
      scenario: try Scenario(truth: [0.25, 0.4], target: 0.3),
      opening: OpeningCondition(afterGroup: "A", clearedDose: 0)),
  ]
}

@Test func gatedGroupOpensWithTheClosedFormProbability() throws {
  let results = try GroupedTrialOperatingCharacteristics.compute(groups: try groups())
  // Storer (1989): 3+3 escalates from a dose with probability q0 + q1·q0, q0 = (1−p)³,
  // q1 = 3p(1−p)²; here p = 0.2 at group A's first dose.
  let p = 0.2
  let q0 = (1 - p) * (1 - p) * (1 - p)
  let escalate = q0 + 3 * p * (1 - p) * (1 - p) * q0
  #expect(results[0].openingProbability == 1)
  #expect(abs(results[1].openingProbability - escalate) < 1e-12)
  let alone = try ExactOperatingCharacteristics.compute(
    design: ClassicThreePlusThree(doseCount: 2), scenario: try Scenario(truth: [0.25, 0.4], target: 0.3))
  #expect(results[1].characteristics == alone)
  #expect(abs(results[1].expectedPatients - escalate * alone.meanSampleSize) < 1e-12)
}

@Test func simulatedGroupsAgreeWithExact() throws {
  let exact = try GroupedTrialOperatingCharacteristics.compute(groups: try groups())
  let simulated = try GroupedTrialOperatingCharacteristics.compute(
    groups: try groups(), simulation: MonteCarloSimulation(trials: 20_000, seed: 3))
  for (e, s) in checkedZip(exact, simulated, "groups") {
    expectAgreement(exact: e.characteristics, simulated: s.characteristics, label: "group \(e.group)")
    #expect(
      abs(e.openingProbability - s.openingProbability)
        <= 4 * (s.openingProbabilityStandardError ?? 0) + 1e-12)
    #expect(
      abs(e.expectedPatients - s.expectedPatients) <= 4 * s.expectedPatientsStandardError! + 1e-9)
  }
}

@Test func openingAfterAnUnknownGroupIsRejected() throws {
  var gated = try groups()
  gated[1].opening = OpeningCondition(afterGroup: "C", clearedDose: 0)
  #expect(throws: InputError.self) {
    try GroupedTrialOperatingCharacteristics.compute(groups: gated)
  }
}
