import DoseFinding
import Inputs

/// Exact operating characteristics of a count-driven design by enumeration of trial states.
///
/// The state after each cohort (per-dose counts, current dose, eliminated doses, last cohort if the
/// design uses it) determines every later decision and the final selection. Starting from mass 1 at
/// the start dose, the mass of each state is passed to its children with the binomial probability
/// of each cohort outcome at the dose the design chose, merging equal states (see
/// ``DecisionGraph``). Finished states are merged by counts, selection and stop reason. The design
/// is asked once per distinct state. The method is the one described in the project's
/// dose-finding specification ("Exact operating characteristics").
public enum ExactOperatingCharacteristics {
  /// The largest trial enumerated exactly: 60 patients (20 cohorts of 3 take about 40 s and 1.5 GB
  /// today; larger trials are simulated).
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
    return try characteristics(
      terminalDistribution(
        design: design, scenario: scenario, startDose: startDose ?? design.startDose, progress: progress),
      scenario: scenario, design: design)
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
    return try characteristics(
      terminalDistribution(design: design, scenario: scenario, from: history), scenario: scenario,
      design: design)
  }

  /// The figures of a finished-trial distribution, once its total probability is checked.
  static func characteristics(
    _ distribution: (outcomes: [(outcome: TrialOutcome, weight: Double)], mass: Double), scenario: Scenario,
    design: some DoseFindingDesign
  ) throws(InputError) -> OperatingCharacteristics {
    try checkMass(distribution.mass, design: design)
    return OutcomeSummary(scenario: scenario, maxSampleSize: design.maxSampleSize)
      .characteristics(
        distribution.outcomes, design: design.variantName, method: .exact, trials: nil, seed: nil)
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

  /// Every distinct finished trial with its probability, and the total probability.
  static func terminalDistribution(
    design: some DoseFindingDesign, scenario: Scenario, startDose: Int,
    progress: ((ExactProgress) -> Void)? = nil
  ) throws(InputError) -> (outcomes: [(outcome: TrialOutcome, weight: Double)], mass: Double) {
    try TrialSetup.validate(design: design, scenario: scenario, startDose: startDose)
    return try terminalDistribution(
      design: design, scenario: scenario,
      from: TrialHistory(doseCount: design.doseCount, startDose: startDose), progress: progress)
  }

  /// Every distinct finished trial reachable from `history`, with its probability.
  static func terminalDistribution(
    design: some DoseFindingDesign, scenario: Scenario, from history: TrialHistory,
    progress: ((ExactProgress) -> Void)? = nil
  ) throws(InputError) -> (outcomes: [(outcome: TrialOutcome, weight: Double)], mass: Double) {
    try TrialSetup.validate(design: design, scenario: scenario, startDose: history.currentDose)
    var transition = ScenarioTransition(
      CohortOutcomeTable(truth: scenario.truth, cohortSize: design.cohortSize))
    return try terminalDistribution(
      design: design, transition: &transition, from: history, progress: progress)
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
    var transition = PredictiveTransition(prior: prior, cohortSize: design.cohortSize)
    return try characteristics(
      terminalDistribution(design: design, transition: &transition, from: history), scenario: reference,
      design: design)
  }

  /// Every distinct finished trial reachable from `history` with the cohorts' DLTs drawn by
  /// `transition`, with its probability.
  static func terminalDistribution(
    design: some DoseFindingDesign, transition: inout some CohortTransition, from history: TrialHistory,
    progress: ((ExactProgress) -> Void)? = nil
  ) throws(InputError) -> (outcomes: [(outcome: TrialOutcome, weight: Double)], mass: Double) {
    guard design.maxSampleSize <= maximumSampleSize else {
      throw InputError(
        .limitExceeded, field: "maxSampleSize",
        expected: "at most \(maximumSampleSize) patients for exact enumeration (its states grow "
          + "exponentially with the trial size; simulate larger trials)",
        found: "\(design.maxSampleSize)")
    }
    let layout = try StateLayout(
      doseCount: design.doseCount, maxSampleSize: design.maxSampleSize,
      cohortSize: design.cohortSize)
    var graph = DecisionGraph(design: design, layout: layout, from: history)
    let outcomesPerCohort = design.cohortSize + 1
    var mass: [Double] = [1]
    var terminalMass: [Double] = []
    var node = 0
    // Nodes are expanded in order of creation: every parent precedes its children, and the states
    // after k cohorts (k·c patients) all precede those after k + 1, so a cohort ends at `levelEnd`.
    var levelStart = 0
    var levelEnd = 1
    var cohort = 0
    var previous = 0
    let cohorts = design.maxSampleSize / design.cohortSize
    while node < graph.nodeCount {
      if node == levelEnd {
        progress?(
          ExactProgress(
            cohortsDone: cohort, cohorts: cohorts, statesAtCohort: levelEnd - levelStart,
            states: graph.nodeCount, statesAtPreviousCohort: previous))
        previous = levelEnd - levelStart
        cohort += 1
        levelStart = levelEnd
        levelEnd = graph.nodeCount
      }
      let m = mass[node]
      let dose = Int(graph.nextDose[node])
      if dose < 0 {
        let t = Int(graph.terminalIndex[node])
        if t >= terminalMass.count {
          terminalMass.append(contentsOf: repeatElement(0, count: t + 1 - terminalMass.count))
        }
        terminalMass[t] += m
      } else if m > 0 {
        transition.prepare(dose: dose, key: graph.keys[node], layout: layout)
        for y in 0..<outcomesPerCohort {
          let p = transition.probability(y)
          if p == 0 { continue }
          let child = Int(graph.child(Int32(node), outcome: y))
          if child >= mass.count {
            mass.append(contentsOf: repeatElement(0, count: child + 1 - mass.count))
          }
          mass[child] += m * p
        }
      }
      node += 1
    }
    var total = 0.0
    var outcomes: [(outcome: TrialOutcome, weight: Double)] = []
    outcomes.reserveCapacity(terminalMass.count)
    for (index, weight) in terminalMass.enumerated() {
      total += weight
      outcomes.append((layout.outcome(graph.terminals[index]), weight))
    }
    return (outcomes, total)
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
