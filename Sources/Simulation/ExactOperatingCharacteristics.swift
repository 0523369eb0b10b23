import DoseFinding
import Inputs

/// Exact operating characteristics of a count-driven design by enumeration of trial states.
///
/// The state after each cohort (per-dose counts, current dose, eliminated doses, last cohort if the
/// design uses it) determines every later decision and the final selection. Starting from mass 1 at
/// the start dose, the mass of each state is passed to its children with the binomial probability
/// of each cohort outcome at the dose the design chose, merging equal states, level by level (see
/// ``ExactEnumeration``: two levels in memory at a time). Finished states go straight into the
/// figures. The design is asked once per distinct state. The method is the one described in the project's
/// dose-finding specification ("Exact operating characteristics").
public enum ExactOperatingCharacteristics {
  /// The largest trial enumerated exactly: 60 patients (20 cohorts of 3 of an interval design take
  /// about 4 s and 200 MB, CRM about 45 s and 1.2 GB for its cached fits; 30 cohorts would hold
  /// some 10⁸ states, so larger trials are simulated).
  public static let maximumSampleSize = 60

  /// Tolerance on the total probability of the finished trials.
  public static let massTolerance = 1e-12

  /// The exact operating characteristics of `design` under `scenario`, starting at the 0-based
  /// `startDose` (default: the design's own ``DoseFindingDesign/startDose``).
  ///
  /// - Throws: ``InputError`` for a scenario that does not fit the design, a state that does
  ///   not fit the packed key, or a total probability that differs from 1 by more than 1e-12.
  /// - Complexity: O(S · (c + 1)) key operations for S distinct states, plus one design decision
  ///   per state.
  /// - Parameter progress: called after each cohort's states are expanded (on the calling thread).
  public static func compute(
    design: some DoseFindingDesign, scenario: Scenario, startDose: Int? = nil,
    progress: ((ExactProgress) -> Void)? = nil
  ) throws(InputError) -> OperatingCharacteristics {
    let start = startDose ?? design.startDose
    try TrialSetup.validate(design: design, scenario: scenario, startDose: start)
    return try characteristics(
      design: design, transition: scenarioTransition(design: design, scenario: scenario),
      reference: scenario, from: TrialHistory(doseCount: design.doseCount, startDose: start),
      progress: progress)
  }

  /// The exact operating characteristics of the rest of a trial under way: from `history` (its
  /// counts per dose, current dose, eliminated doses and last cohort), every way the trial can go
  /// on under `scenario`, each final selection's probability, the expected total patients and
  /// DLTs (those already treated included), and the chance of stopping for toxicity. From the
  /// empty trial at the start dose this is ``compute(design:scenario:startDose:progress:)`` exactly.
  ///
  /// The trial's next step is the design's own decision at `history`, as at any state of the
  /// enumeration (the method of ``compute(design:scenario:startDose:progress:)``, started from
  /// that state instead of the empty trial).
  /// - Throws: ``InputError`` for a state that does not fit the design (naming the field), or
  ///   as ``compute(design:scenario:startDose:progress:)``.
  public static func compute(
    design: some DoseFindingDesign, scenario: Scenario, from history: TrialHistory
  ) throws(InputError) -> OperatingCharacteristics {
    try check(history, design: design)
    try TrialSetup.validate(design: design, scenario: scenario, startDose: history.currentDose)
    return try characteristics(
      design: design, transition: scenarioTransition(design: design, scenario: scenario),
      reference: scenario, from: history)
  }

  /// The figures of every trial reachable from `history` with the cohorts' DLTs drawn by
  /// `transition`, reported against `reference`, once their total probability is checked. The
  /// design is an existential so that the enumeration is specialized for the transition whatever
  /// the caller's design type.
  static func characteristics(
    design: any DoseFindingDesign, transition: some CohortTransition, reference: Scenario,
    from history: TrialHistory, progress: ((ExactProgress) -> Void)? = nil
  ) throws(InputError) -> OperatingCharacteristics {
    var enumeration = try ExactEnumeration(design: design, transition: transition)
    var summary = OutcomeSummary(
      scenario: reference, maxSampleSize: design.maxSampleSize, keepsSquares: false)
    let mass = enumeration.run(from: history, into: &summary, progress: progress)
    try checkMass(mass, design: design)
    return summary.characteristics(design: design.variantName, method: .exact, trials: nil, seed: nil)
  }

  /// The fixed scenario's binomial cohort outcomes.
  static func scenarioTransition(design: any DoseFindingDesign, scenario: Scenario) -> ScenarioTransition {
    ScenarioTransition(CohortOutcomeTable(truth: scenario.truth, cohortSize: design.cohortSize))
  }

  /// Refuses a trial state the design cannot be in, naming the field.
  static func check(_ history: TrialHistory, design: some DoseFindingDesign) throws(InputError) {
    guard history.counts.count == design.doseCount else {
      throw InputError(
        field: "counts", expected: "counts for the design's \(design.doseCount) doses",
        found: "\(history.counts.count)")
    }
    for (d, c) in history.counts.enumerated() where c.patients < 0 || c.dlts < 0 || c.dlts > c.patients {
      throw InputError(
        field: "counts[\(d)]", expected: "0 ≤ DLTs ≤ patients", found: "\(c.dlts) of \(c.patients)")
    }
    guard (0..<design.doseCount).contains(history.currentDose) else {
      throw InputError(
        field: "currentDose", expected: "a dose from 1 to \(design.doseCount)",
        found: "\(history.currentDose + 1)")
    }
    if let e = history.eliminatedFrom {
      guard (0..<design.doseCount).contains(e), history.currentDose < e else {
        throw InputError(
          field: "eliminatedFrom", expected: "a dose above the current dose \(history.currentDose + 1)",
          found: "\(e + 1)")
      }
    }
    guard history.totalPatients <= design.maxSampleSize else {
      throw InputError(
        field: "counts", expected: "at most the design's \(design.maxSampleSize) patients",
        found: "\(history.totalPatients)")
    }
  }

  /// Fails unless the total probability of the finished trials is 1 within ``massTolerance``
  /// (checked in every build, not only in debug).
  static func checkMass(_ mass: Double, design: some DoseFindingDesign) throws(InputError) {
    guard abs(mass - 1) <= massTolerance else {
      throw InputError(
        .limitExceeded, field: "",
        expected: "finished trials of total probability 1 within \(massTolerance) (exact enumeration of "
          + "\(design.variantName))", found: "\(mass)")
    }
  }

  /// Posterior predictive operating characteristics: every way the trial can go on from
  /// `history` when each dose's DLT rate has an independent Beta prior (`prior`) updated by the
  /// trial's own patients — today's and those the enumeration adds — so that each cohort's DLTs
  /// are beta-binomial given the state. From the empty trial this is the prior average of the
  /// fixed-scenario figures; from a trial under way, their average under today's posterior. The
  /// figures are reported against `reference` (for instance the posterior means), which names no
  /// true MTD the trial is judged by.
  public static func predictive(
    design: some DoseFindingDesign, prior: PredictivePrior, reference: Scenario, from history: TrialHistory
  ) throws(InputError) -> OperatingCharacteristics {
    try check(history, design: design)
    try TrialSetup.validate(design: design, scenario: reference, startDose: history.currentDose)
    return try characteristics(
      design: design, transition: PredictiveTransition(prior: prior, cohortSize: design.cohortSize),
      reference: reference, from: history)
  }

  /// Every distinct finished trial (counts, selection, stop reason) with its probability, and
  /// their total probability (for a multi-group protocol's opening rules).
  static func terminalDistribution(
    design: any DoseFindingDesign, scenario: Scenario, startDose: Int
  ) throws(InputError) -> (outcomes: [(outcome: TrialOutcome, weight: Double)], mass: Double) {
    try TrialSetup.validate(design: design, scenario: scenario, startDose: startDose)
    var enumeration = try ExactEnumeration(
      design: design, transition: scenarioTransition(design: design, scenario: scenario))
    var list = TerminalList()
    let mass = enumeration.run(
      from: TrialHistory(doseCount: design.doseCount, startDose: startDose), into: &list)
    return (list.outcomes(enumeration.layout), mass)
  }

}

/// How far an exact enumeration has come: reported once per cohort.
public struct ExactProgress: Sendable, Equatable {
  /// Cohorts whose states are expanded.
  public var cohortsDone: Int
  /// The most cohorts a trial can have (maximum sample size / cohort size).
  public var cohorts: Int
  /// Distinct states after `cohortsDone` cohorts.
  public var statesAtCohort: Int
  /// Distinct states created so far (the memory the enumeration holds grows with it).
  public var states: Int
  /// Distinct states at the cohort before (0 at the first).
  public var statesAtPreviousCohort: Int = 0

  /// The states expected in all if the growth of the last cohort goes on to the last cohort (an
  /// estimate: trials that stop early make the true count smaller).
  public var projectedStates: Int {
    guard statesAtPreviousCohort > 0, cohortsDone < cohorts else { return states }
    let ratio = max(Double(statesAtCohort) / Double(statesAtPreviousCohort), 1)
    var next = Double(statesAtCohort)
    var total = Double(states)
    for _ in cohortsDone..<cohorts {
      next *= ratio
      total += next
    }
    return total < Double(Int.max) ? Int(total) : Int.max
  }
}
