import DoseFinding
import Inputs
import ProtocolFiles
import Testing
import TrialModel
import Trials

/// Findings of the issue 10 review: inputs that had no effect, or an effect the answer hid.
@Suite struct ReviewRegressionTests {
  let trial: TrialProtocol
  init() throws { trial = try ProtocolLibrary.load("NCT07470073") }

  @Test func lastCohortNeedsACoherenceRuleAndFitsTheCounts() throws {
    let i3 = try TrialDesign.resolve(DesignRequest(), protocol: trial, group: "A")
    let counts = [DoseCounts(), DoseCounts(patients: 3, dlts: 0)]
    let refused = #expect(throws: InputError.self) {
      try i3.decide(counts: counts, current: 1, lastCohort: DoseCounts(patients: 3, dlts: 0))
    }
    #expect(refused?.field == "lastCohort")
    #expect(refused?.kind == .conflict)
    let crm = try TrialDesign.resolve(
      DesignRequest(design: "crm", target: 0.3, parameters: ["skeleton": .numbers([0.1, 0.2, 0.3])]))
    let tooMany = #expect(throws: InputError.self) {
      try crm.decide(
        counts: [DoseCounts(patients: 3, dlts: 0)], current: 1, lastCohort: DoseCounts(patients: 5, dlts: 0))
    }
    #expect(tooMany?.field == "lastCohort")
    let fine = try crm.decide(
      counts: [DoseCounts(patients: 3, dlts: 0)], current: 1, lastCohort: DoseCounts(patients: 3, dlts: 0))
    #expect(fine.header.defaults.isEmpty, "a given last cohort needs no note")
  }

  @Test func operatingCharacteristicsNeedWholeCohorts() throws {
    let design = try TrialDesign.resolve(DesignRequest(cohortSize: 4), protocol: trial, group: "A")
    let error = #expect(throws: InputError.self) {
      try design.operatingCharacteristics(truth: [0.05, 0.1, 0.25, 0.4], method: .exact)
    }
    #expect(error?.field == "cohortSize")
    #expect(error?.expected.contains("divides the maximum sample size 18") == true)
  }

  @Test func anOptionEqualToTheProtocolKeepsItsAssumption() throws {
    let design = try TrialDesign.resolve(
      DesignRequest(target: 0.3, parameters: ["equivalenceInterval": .numbers([0.25, 0.35])]),
      protocol: trial,
      group: "A")
    #expect(design.notes.filter { $0.kind == .override }.isEmpty)
    let header = DesignHeader(design)
    #expect(header.assumptions.map(\.setting).contains("target"))
    #expect(header.assumptions.map(\.setting).contains("equivalenceInterval"))
  }

  @Test func priorVarianceIsBounded() throws {
    let error = #expect(throws: InputError.self) {
      try TrialDesign.resolve(
        DesignRequest(
          design: "crm", target: 0.25,
          parameters: ["skeleton": .numbers([0.1, 0.2, 0.3]), "priorVariance": .number(1e9)]))
    }
    #expect(error?.field == "priorVariance")
    _ = try TrialDesign.resolve(
      DesignRequest(
        design: "crm", target: 0.25,
        parameters: ["skeleton": .numbers([0.1, 0.2, 0.3]), "priorVariance": .number(4)]))
  }
}
