import DoseFinding
import Inputs
import ProtocolFiles
import Simulation
import Testing
import TrialModel
import Trials

@Suite struct TrialDesignTests {
  let trial: TrialProtocol

  init() throws { trial = try ProtocolLibrary.load("NCT07470073") }

  @Test func protocolGroupKeepsItsLevelsAndAssumptions() throws {
    let design = try TrialDesign.resolve(DesignRequest(), protocol: trial, group: "A")
    #expect(design.levels == [-1, 1, 2, 3])
    #expect(design.specification.name == "i3+3")
    #expect(design.setup.startDose == 1)  // starting level 1 is the second dose
    #expect(design.source == .protocolGroup(trial: "NCT07470073", group: "A", label: "Adults ≥ 18 years"))
    #expect(design.notes.contains { $0.kind == .assumption && $0.setting == "target" })
    #expect(design.notes.contains { $0.kind == .assumption && $0.setting == "equivalenceInterval" })
    #expect(try design.index(ofLevel: -1, field: "current") == 0)
    #expect(throws: InputError.self) { try design.index(ofLevel: 4, field: "current") }
  }

  /// Issue 10: the true MTD of group A under 0.05, 0.1, 0.25, 0.4 is level 2 (index 2).
  @Test func operatingCharacteristicsNameLevels() throws {
    let design = try TrialDesign.resolve(DesignRequest(), protocol: trial, group: "A")
    let answer = try design.operatingCharacteristics(truth: [0.05, 0.1, 0.25, 0.4], method: .exact)
    #expect(answer.characteristics.trueMTD == 2)
    #expect(answer.characteristics.trueMTDIndex == 2)
    #expect(answer.characteristics.levels == [-1, 1, 2, 3])
    #expect(abs(answer.characteristics.correctSelection - answer.characteristics.selection[2]) < 1e-15)
  }

  /// Issue 10: an option given with a protocol overrides it and is reported, or is refused.
  @Test func overridesAreAppliedAndReported() throws {
    let design = try TrialDesign.resolve(
      DesignRequest(target: 0.2, parameters: ["equivalenceInterval": .numbers([0.15, 0.25])]),
      protocol: trial,
      group: "A")
    #expect(design.setup.target == 0.2)
    let target = try #require(design.notes.first { $0.setting == "target" })
    #expect(target.kind == .override)
    #expect(target.description == "target 0.2 (protocol: 0.3, overridden)")
    #expect(design.notes.contains { $0.setting == "equivalenceInterval" && $0.kind == .override })
    #expect(design.design.variantName.contains("EI [0.15, 0.25]"))
    let oc = try design.operatingCharacteristics(truth: [0.05, 0.1, 0.25, 0.4], method: .exact)
    #expect(oc.characteristics.target == 0.2)
    for (field, request) in [
      ("design", DesignRequest(design: "boin")), ("doses", DesignRequest(doseCount: 5)),
    ] {
      let error = #expect(throws: InputError.self) {
        try TrialDesign.resolve(request, protocol: trial, group: "A")
      }
      #expect(error?.field == field)
      #expect(error?.kind == .conflict)
    }
  }

  @Test func unknownGroupsAndLevelsAreNotFound() throws {
    let group = #expect(throws: InputError.self) {
      try TrialDesign.resolve(DesignRequest(), protocol: trial, group: "Z")
    }
    #expect(group?.kind == .notFound)
    #expect(group?.expected.contains("A, B") == true)
    let start = #expect(throws: InputError.self) {
      try TrialDesign.resolve(DesignRequest(startLevel: 3), protocol: trial, group: "B")
    }
    #expect(start?.field == "startLevel")
    #expect(throws: InputError.self) {
      try TrialDesign.resolve(DesignRequest(design: "boin", target: 0.3), group: "A")
    }
  }

  @Test func decisionsNameLevels() throws {
    let design = try TrialDesign.resolve(DesignRequest(), protocol: trial, group: "A")
    let answer = try design.decide(counts: [DoseCounts(), DoseCounts(patients: 3, dlts: 0)], current: 1)
    #expect(answer.decision == "E")
    #expect(answer.nextDose == 2)
    #expect(answer.counts.map(\.level) == [-1, 1, 2, 3])
    let toxic = try design.decide(counts: [DoseCounts(), DoseCounts(patients: 3, dlts: 3)], current: 1)
    #expect(toxic.decision == "DU")
    #expect(toxic.nextDose == -1)
    #expect(toxic.eliminated == [1, 2, 3])
    let mtd = try design.selectMTD(counts: [
      DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 6, dlts: 2),
    ])
    #expect(mtd.mtd == 1)
    #expect(mtd.estimates.count == 4)
  }

  @Test func everyGroupOfTheProtocol() throws {
    let result = try ProtocolOperatingCharacteristics.compute(
      trial, truths: ["A": [0.05, 0.1, 0.25, 0.4], "B": [0.1, 0.3]], method: .exact)
    #expect(result.groups.map(\.group) == ["A", "B"])
    #expect(result.groups[0].characteristics.levels == [-1, 1, 2, 3])
    #expect(result.groups[1].characteristics.levels == [1, 2])
    #expect(result.groups[1].openingProbability > 0 && result.groups[1].openingProbability < 1)
    let missing = #expect(throws: InputError.self) {
      try ProtocolOperatingCharacteristics.compute(
        trial, truths: ["A": [0.05, 0.1, 0.25, 0.4]], method: .exact)
    }
    #expect(missing?.field == "truth.B")
  }
}
