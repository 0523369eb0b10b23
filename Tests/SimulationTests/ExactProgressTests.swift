import DoseFinding
import Testing

@testable import Simulation

/// The progress an exact enumeration reports: once per cohort, in order, with state counts that
/// add up (the CLI shows them on a terminal while a large enumeration runs).
@Test func exactProgressIsReportedOncePerCohortWithConsistentCounts() throws {
  let design = BOINDesign(target: 0.3, doseCount: 4, maxSampleSize: 24)
  let scenario = try Scenario(truth: [0.1, 0.2, 0.3, 0.5], target: 0.3)
  nonisolated(unsafe) var reports: [ExactProgress] = []
  let oc = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario) {
    reports.append($0)
  }
  let silent = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario)
  #expect(oc.selection == silent.selection)
  // 8 cohorts of 3: the states after cohorts 0…8 are expanded in turn (the last, where every
  // trial finishes, included).
  #expect(reports.map(\.cohortsDone) == Array(0...8))
  #expect(reports.allSatisfy { $0.cohorts == 8 })
  #expect(reports.first?.statesAtCohort == 1)
  var seen = 0
  for (k, report) in reports.enumerated() {
    seen += report.statesAtCohort
    // Every state of the cohorts so far exists, and their children are being made.
    #expect(report.states >= seen)
    if k > 0 {
      #expect(report.statesAtPreviousCohort == reports[k - 1].statesAtCohort)
      // A state has at most c + 1 = 4 children.
      #expect(report.statesAtCohort <= 4 * reports[k - 1].statesAtCohort)
      #expect(report.states >= reports[k - 1].states)
    }
    #expect(report.projectedStates >= report.states)
  }
}
