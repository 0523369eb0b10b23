import DoseFinding
import Inputs

/// Checks that a design, a scenario and a start dose fit together before any computation.
enum TrialSetup {
  static func validate(
    design: some DoseFindingDesign, scenario: Scenario, startDose: Int
  ) throws(InputError) {
    guard scenario.doseCount == design.doseCount else {
      throw InputError(
        field: "truth", expected: "\(design.doseCount) DLT probabilities (one per dose level)",
        found: "\(scenario.doseCount)")
    }
    guard design.cohortSize <= DesignSetup.maximumCohortSize else {
      throw InputError(
        .limitExceeded, field: "cohortSize",
        expected: "at most \(DesignSetup.maximumCohortSize) patients per cohort",
        found: "\(design.cohortSize)")
    }
    guard design.maxSampleSize <= DesignSetup.maximumSampleSize else {
      throw InputError(
        .limitExceeded, field: "maxSampleSize",
        expected: "a maximum sample size of at most \(DesignSetup.maximumSampleSize) patients",
        found: design.maxSampleSize == Int.max ? "none" : "\(design.maxSampleSize)")
    }
    guard design.cohortSize >= 1 else {
      throw InputError(field: "cohortSize", expected: "at least 1 patient", found: "\(design.cohortSize)")
    }
    guard design.maxSampleSize >= design.cohortSize else {
      throw InputError(
        field: "maxSampleSize", expected: "at least one cohort (\(design.cohortSize) patients)",
        found: "\(design.maxSampleSize)")
    }
    guard startDose >= 0, startDose < design.doseCount else {
      throw InputError(
        .notFound, field: "startDose", expected: "a dose level 1…\(design.doseCount)",
        found: "\(startDose + 1)")
    }
  }
}
