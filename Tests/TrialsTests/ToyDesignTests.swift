import DoseFinding
import Inputs
import Simulation
import Testing
import Trials

/// A design written outside DoseFinding in one file: "always stay" at the start dose until the
/// maximum sample size, then select the start dose. Registering it is the only other step.
struct AlwaysStaySpecification: DesignSpecification {
  var name: String { "always-stay" }
  var title: String { "Always stay (a test design)" }
  var parameters: [DesignParameter] { [DesignParameter("note", "any word", default: "none")] }

  func makeDesign(_ setup: DesignSetup, _ arguments: DesignArguments) throws(InputError)
    -> any DoseFindingDesign
  {
    AlwaysStay(
      doseCount: setup.doseCount, cohortSize: setup.cohortSize, maxSampleSize: setup.sampleSizeLimit,
      startDose: setup.startDose)
  }

  struct AlwaysStay: DoseFindingDesign {
    let doseCount: Int
    let cohortSize: Int
    let maxSampleSize: Int
    let startDose: Int
    var variantName: String { "always stay" }

    func recommend(_ history: TrialHistory) -> Recommendation {
      let done = history.totalPatients >= maxSampleSize
      return Recommendation(
        decision: .stay, nextDose: done ? nil : history.currentDose, eliminatedFrom: nil,
        stop: done ? .maxSampleSize : nil, explanation: ["always stay"])
    }

    func selectMTD(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int? { startDose }

    func decisionTable(maxPatients: Int) -> DecisionTable? {
      DecisionTable(patients: 1...maxPatients) { _, _ in .stay }
    }
  }
}

@Suite struct ToyDesignTests {
  static let registry: DesignRegistry = {
    var registry = DesignRegistry.standard
    registry.register(AlwaysStaySpecification())
    return registry
  }()

  func design(_ parameters: [String: SettingValue] = [:]) throws -> TrialDesign {
    try TrialDesign.resolve(
      DesignRequest(
        design: "Always-Stay", target: 0.3, cohortSize: 3, maxSampleSize: 9, doseCount: 3, startLevel: 2,
        parameters: parameters), registry: Self.registry)
  }

  @Test func runsThroughDecisionTableAndExactOC() throws {
    let toy = try design()
    let decision = try toy.decide(counts: [DoseCounts(), DoseCounts(patients: 3, dlts: 3)], current: 2)
    #expect(decision.decision == "S")
    #expect(decision.nextDose == 2)
    #expect(decision.header.design == "always-stay")
    let table = try toy.table()
    #expect(table.rows.count == (1...9).map { $0 + 1 }.reduce(0, +))
    #expect(table.rows.allSatisfy { $0.decision == .stay })
    let oc = try toy.operatingCharacteristics(truth: [0.1, 0.3, 0.5], method: .exact)
    // Every trial treats 9 patients at level 2 and selects it.
    let selection = oc.characteristics.selection
    let patients = oc.characteristics.meanPatients
    #expect(selection.count == 3 && abs(selection[1] - 1) < 1e-12 && selection[0] == 0 && selection[2] == 0)
    #expect(patients.count == 3 && abs(patients[1] - 9) < 1e-12 && patients[0] == 0 && patients[2] == 0)
    #expect(abs(oc.characteristics.meanDLTs[1] - 9 * 0.3) < 1e-12)
  }

  @Test func theStandardRegistryDoesNotKnowIt() {
    #expect(throws: InputError.self) {
      try TrialDesign.resolve(DesignRequest(design: "always-stay", target: 0.3, doseCount: 3))
    }
  }

  @Test func itsParametersAreCheckedByItsSpecification() throws {
    _ = try design(["note": .text("fine")])
    let unknown = #expect(throws: InputError.self) { try design(["phi1": .number(0.2)]) }
    #expect(unknown?.kind == .unknownField)
    #expect(unknown?.expected.contains("note") == true)
  }
}
