import DoseFinding
import Foundation
import Inputs
import Simulation
import TrialModel

/// Operating characteristics of one design under one scenario, doses named by their levels:
/// what `oc` prints and the API returns. JSON: the design header's keys beside the figures of
/// ``Simulation/OperatingCharacteristics`` (whose `trueMTD` is a level and whose per-dose arrays
/// follow `levels`).
public struct OperatingCharacteristicsAnswer: Sendable, Encodable {
  public var header: DesignHeader
  public var characteristics: OperatingCharacteristics

  public func encode(to encoder: any Encoder) throws {
    try characteristics.encode(to: encoder)
    try header.encode(to: encoder)
  }
}

/// How to compute operating characteristics: exactly, or by a seeded simulation.
public enum OperatingCharacteristicsMethod: Sendable {
  case exact
  case simulation(MonteCarloSimulation)
}

extension TrialDesign {
  /// The default trial size of operating characteristics without a protocol: 10 cohorts.
  public static let defaultCohorts = 10

  /// The validated scenario of `truth` for this design's levels; `field` names the input.
  public func scenario(_ truth: [Double], field: String = "truth") throws(InputError) -> Scenario {
    guard truth.count == levels.count else {
      throw InputError(
        field: field,
        expected: "\(levels.count) DLT probabilities, one per dose level ("
          + levels.map(String.init).joined(separator: ", ") + ")",
        found: "\(truth.count)")
    }
    do {
      return try Scenario(truth: truth, target: setup.target)
    } catch {
      throw error.field.hasPrefix("truth") ? error.renamed(from: "truth", to: field) : error
    }
  }

  /// Exact or simulated operating characteristics under `truth` (one DLT probability per level);
  /// `progress` follows a simulation (finished trials), `exactProgress` an exact enumeration (per
  /// cohort).
  public func operatingCharacteristics(
    truth: [Double], method: OperatingCharacteristicsMethod, field: String = "truth",
    progress: (@Sendable (_ finishedTrials: Int) -> Void)? = nil,
    exactProgress: ((ExactProgress) -> Void)? = nil
  ) throws(InputError) -> OperatingCharacteristicsAnswer {
    try checkWholeCohorts()
    let scenario = try scenario(truth, field: field)
    let oc: OperatingCharacteristics
    switch method {
    case .exact:
      oc = try ExactOperatingCharacteristics.compute(
        design: design, scenario: scenario, progress: exactProgress)
    case .simulation(let simulation):
      oc = try simulation.run(design: design, scenario: scenario, progress: progress)
    }
    return OperatingCharacteristicsAnswer(header: DesignHeader(self), characteristics: oc.labelled(levels))
  }
}

extension TrialDesign {
  /// Checks, without computing them, that operating characteristics can be computed under
  /// `truth`: the scenario fits the levels and the trial is of whole cohorts (a shell that runs
  /// the computation later, as the server's simulation jobs, refuses bad input at once).
  ///
  /// Field names in errors: `field` (default `truth`), `cohortSize`.
  public func checkOperatingCharacteristics(truth: [Double], field: String = "truth") throws(InputError) {
    try checkWholeCohorts()
    _ = try scenario(truth, field: field)
  }

  /// Operating characteristics need a maximum sample size of whole cohorts: otherwise every trial
  /// stops a part-cohort short of it and the figures describe a smaller trial than stated.
  func checkWholeCohorts() throws(InputError) {
    guard let n = setup.maxSampleSize, n % setup.cohortSize != 0 else { return }
    throw InputError(
      .conflict, field: "cohortSize",
      expected: "a cohort size that divides the maximum sample size \(n) (the last cohort would not fit)",
      found: "\(setup.cohortSize)")
  }
}

extension InputError {
  /// The same error with the leading `old` of its field replaced by `new` (`truth[2]` → `truth.B[2]`).
  func renamed(from old: String, to new: String) -> InputError {
    var copy = self
    copy.field = new + field.dropFirst(old.count)
    return copy
  }
}

extension TrialDesign {
  /// Exact operating characteristics of the rest of a trial under way, from its counts per level
  /// (lowest first), current level and last cohort (as ``decide(counts:current:lastCohort:)``
  /// takes them): each final selection's probability, the expected patients and DLTs in all
  /// (those already treated included; ``ConditionalFigures`` gives what remains) and the chance
  /// of stopping for toxicity, under `truth` (``Simulation/ExactOperatingCharacteristics/compute(design:scenario:from:)``).
  ///
  /// Field names in errors: `truth` (or `field`), `counts[i]`, `current`, `lastCohort`, `cohortSize`.
  public func conditionalOperatingCharacteristics(
    truth: [Double], counts: [DoseCounts], current: Int, lastCohort: DoseCounts? = nil,
    field: String = "truth"
  ) throws(InputError) -> (answer: OperatingCharacteristicsAnswer, figures: ConditionalFigures) {
    try checkWholeCohorts()
    let scenario = try scenario(truth, field: field)
    let history = try trialHistory(counts: counts, current: current, lastCohort: lastCohort)
    let oc = try ExactOperatingCharacteristics.compute(design: design, scenario: scenario, from: history)
    return (
      OperatingCharacteristicsAnswer(header: DesignHeader(self), characteristics: oc.labelled(levels)),
      ConditionalFigures(history, oc)
    )
  }
}

extension TrialDesign {
  /// Posterior predictive exact operating characteristics of the rest of a trial under way
  /// (``Simulation/ExactOperatingCharacteristics/predictive(design:prior:reference:from:)``): each
  /// level's DLT rate has an independent Beta(a, b) prior updated by today's counts and by every
  /// patient the enumeration adds. The per-level "truth" the figures are reported against is the
  /// posterior mean given today's counts, (a + DLTs) / (a + b + patients). An empty `counts` is
  /// the trial before its first patient, at the start level.
  ///
  /// Field names in errors: `prior`, `counts[i]`, `current`, `lastCohort`, `cohortSize`.
  public func predictiveOperatingCharacteristics(
    prior: PredictivePrior, counts: [DoseCounts], current: Int?, lastCohort: DoseCounts? = nil
  ) throws(InputError) -> (answer: OperatingCharacteristicsAnswer, figures: ConditionalFigures) {
    try checkWholeCohorts()
    let history =
      counts.isEmpty || current == nil
      ? TrialHistory(doseCount: design.doseCount, startDose: design.startDose)
      : try trialHistory(counts: counts, current: current!, lastCohort: lastCohort)
    let means = history.counts.map { (prior.a + Double($0.dlts)) / (prior.a + prior.b + Double($0.patients)) }
    let reference = try scenario(means, field: "prior")
    let oc = try ExactOperatingCharacteristics.predictive(
      design: design, prior: prior, reference: reference, from: history)
    return (
      OperatingCharacteristicsAnswer(header: DesignHeader(self), characteristics: oc.labelled(levels)),
      ConditionalFigures(history, oc)
    )
  }
}

/// What a trial under way has done and is expected still to do (conditional operating
/// characteristics).
public struct ConditionalFigures: Sendable, Hashable, Codable {
  public var treatedPatients: Int
  public var observedDLTs: Int
  /// Expected patients still to be treated.
  public var remainingPatients: Double
  /// Expected DLTs still to be seen.
  public var remainingDLTs: Double

  /// What `history` has done, and what `oc` (computed from it) expects still to come.
  public init(_ history: TrialHistory, _ oc: OperatingCharacteristics) {
    treatedPatients = history.totalPatients
    observedDLTs = history.counts.reduce(0) { $0 + $1.dlts }
    remainingPatients = oc.meanSampleSize - Double(treatedPatients)
    remainingDLTs = oc.meanTotalDLTs - Double(observedDLTs)
  }

  /// "From the trial's state: 6 patients treated, 1 DLT; expected still to come: 14.20 patients,
  /// 3.10 DLTs" (the CLI's and the design page's line).
  public var summary: String {
    "From the trial's state: \(treatedPatients) patients treated, \(observedDLTs) "
      + (observedDLTs == 1 ? "DLT" : "DLTs") + "; expected still to come: "
      + String(format: "%.2f patients, %.2f DLTs", remainingPatients, remainingDLTs)
  }
}

extension PredictivePrior {
  /// What an output says of a posterior predictive result (the CLI's note, the design page's).
  public var note: String {
    "posterior predictive under independent Beta(\(Quantity.format(a)), \(Quantity.format(b))) priors per "
      + "level; the truth column is each level's posterior mean given today's data"
  }
}
