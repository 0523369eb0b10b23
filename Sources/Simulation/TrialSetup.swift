import DoseFinding

/// Checks that a design, a scenario and a start dose fit together before any computation.
enum TrialSetup {
  static func validate(
    design: some DoseFindingDesign, scenario: Scenario, startDose: Int
  ) throws(SimulationError) {
    guard scenario.doseCount == design.doseCount else {
      throw SimulationError(
        "truth: expected \(design.doseCount) DLT probabilities (one per dose of "
          + "\(design.variantName)), found \(scenario.doseCount)")
    }
    guard design.cohortSize >= 1 else {
      throw SimulationError("cohort size: expected at least 1 patient, found \(design.cohortSize)")
    }
    guard design.maxSampleSize >= design.cohortSize else {
      throw SimulationError(
        "cohorts: expected at least one cohort (maximum sample size ≥ cohort size "
          + "\(design.cohortSize)), found a maximum of \(design.maxSampleSize) patients")
    }
    guard startDose >= 0, startDose < design.doseCount else {
      throw SimulationError(
        "start: expected a dose level between 1 and \(design.doseCount), found \(startDose + 1)")
    }
  }
}
