/// Patients treated and dose-limiting toxicities (DLTs) observed at one dose level.
public struct DoseCounts: Hashable, Sendable {
  /// Patients treated and evaluable for DLT at this dose.
  public var patients: Int
  /// Patients with a DLT at this dose.
  public var dlts: Int

  public init(patients: Int = 0, dlts: Int = 0) {
    self.patients = patients
    self.dlts = dlts
  }
}

/// Everything a count-driven design may look at when it decides: the per-dose counts, the dose the
/// last cohort was treated at, the doses already eliminated and the outcome of the last cohort.
///
/// Dose indices are 0-based in code (dose level 1 is index 0); user-facing output is 1-based.
/// Two histories that compare equal must lead every design to the same decision and the same final
/// selection: exact operating characteristics merge equal histories.
public struct TrialHistory: Hashable, Sendable {
  /// Counts per dose, index 0 = lowest dose.
  public var counts: [DoseCounts]
  /// Index of the dose the most recent cohort received (the "current dose").
  public var currentDose: Int
  /// Lowest eliminated dose index: it and every higher dose are never used again. `nil` when none.
  public var eliminatedFrom: Int?
  /// The most recent cohort (CRM coherence needs it); designs that do not use it keep it `nil`
  /// (see ``DoseFindingDesign/usesLastCohort``) so that histories merge.
  public var lastCohort: DoseCounts?

  public init(
    counts: [DoseCounts], currentDose: Int, eliminatedFrom: Int? = nil, lastCohort: DoseCounts? = nil
  ) {
    self.counts = counts
    self.currentDose = currentDose
    self.eliminatedFrom = eliminatedFrom
    self.lastCohort = lastCohort
  }

  /// A trial with no patients yet, about to treat at `startDose`.
  public init(doseCount: Int, startDose: Int) {
    self.init(
      counts: Array(repeating: DoseCounts(), count: doseCount), currentDose: startDose)
  }

  /// Total patients treated so far.
  public var totalPatients: Int { counts.reduce(0) { $0 + $1.patients } }
}

/// The four decisions of an interval design's decision table.
public enum TableDecision: String, Sendable, Hashable, CaseIterable, Codable {
  /// Escalate to the next higher dose.
  case escalate = "E"
  /// Stay at the current dose.
  case stay = "S"
  /// De-escalate to the next lower dose.
  case deescalate = "D"
  /// De-escalate; the current dose and every higher dose are unacceptable (eliminated).
  case deescalateUnacceptable = "DU"

  /// The decision in words: "escalate", "stay", "de-escalate", "de-escalate; this dose and
  /// higher are unacceptable".
  public var words: String {
    switch self {
    case .escalate: "escalate"
    case .stay: "stay"
    case .deescalate: "de-escalate"
    case .deescalateUnacceptable: "de-escalate; this dose and higher are unacceptable"
    }
  }
}

/// Why a trial stopped.
public enum StopReason: String, Sendable, Hashable, Codable {
  /// The maximum sample size was reached: select the MTD from all data.
  case maxSampleSize
  /// The lowest dose is too toxic (eliminated or the safety rule fired): no MTD.
  case lowestDoseTooToxic
  /// A design-specific early stop (3+3 termination, BOIN n.earlystop, …): select the MTD.
  case designRule
}

/// What a design recommends after a cohort's outcomes are known.
public struct Recommendation: Hashable, Sendable {
  /// The table decision behind the recommendation, or `nil` for designs without one (CRM).
  public var decision: TableDecision?
  /// Dose index for the next cohort; `nil` when the trial stops.
  public var nextDose: Int?
  /// Lowest eliminated dose index after this decision (`nil`: none eliminated).
  public var eliminatedFrom: Int?
  /// Set when the trial stops.
  public var stop: StopReason?
  /// The numbers behind the decision, in words a statistician can check.
  public var explanation: [String]

  public init(
    decision: TableDecision?, nextDose: Int?, eliminatedFrom: Int?, stop: StopReason?,
    explanation: [String] = []
  ) {
    self.decision = decision
    self.nextDose = nextDose
    self.eliminatedFrom = eliminatedFrom
    self.stop = stop
    self.explanation = explanation
  }
}

/// A dose-finding design whose decisions depend only on a ``TrialHistory``.
///
/// This is the contract between `DoseFinding` (the designs) and `Simulation` (exact and Monte Carlo
/// operating characteristics): both the exact enumeration and the simulator call ``recommend(_:)``
/// after every cohort and ``selectMTD(_:stoppedBy:)`` once at the end.
///
/// ## Fast path for simulation
/// ``recommend(_:)`` fills ``Recommendation/explanation`` with formatted numbers (it allocates
/// strings). Simulators should call ``recommend(_:explain:)`` with `explain: false`: every design
/// in this module then returns an empty explanation and, for the interval designs (BOIN, i3+3,
/// mTPI-2, 3+3), performs only table look-ups — no heap allocation. Decisions, next dose,
/// eliminations and stop reasons are identical with and without `explain`.
/// ``CRMDesign`` still fits its posterior on every call (adaptive quadrature, tens of µs); as the
/// fit depends on the counts only, simulators may cache ``CRMDesign/posterior(_:)`` per count
/// vector and call ``CRMDesign/recommend(_:posterior:explain:)`` and
/// ``CRMDesign/selectMTD(posterior:stoppedBy:)``. ``selectMTD(_:stoppedBy:)`` of the interval
/// designs allocates small arrays (isotonic regression); it runs once per trial.
///
/// ## Protocol of a trial
/// Start with `TrialHistory(doseCount:startDose:)` at ``startDose``. After each cohort add its
/// counts at `currentDose` (and set `lastCohort` when ``usesLastCohort``), then call
/// ``recommend(_:explain:)``. If `stop` is non-nil the trial ends and ``selectMTD(_:stoppedBy:)``
/// gives the MTD; otherwise the next history has `currentDose = nextDose!` and
/// `eliminatedFrom = recommendation.eliminatedFrom`. The design itself reports
/// ``StopReason/maxSampleSize`` once `totalPatients >= maxSampleSize`.
public protocol DoseFindingDesign: Sendable {
  /// Number of dose levels.
  var doseCount: Int { get }
  /// Cohort size (patients per cohort).
  var cohortSize: Int { get }
  /// Maximum number of patients; the trial stops when it is reached.
  var maxSampleSize: Int { get }
  /// Name of the design and its variant, printed with every result (e.g. "BOIN (BOIN 2.7.2 rules)").
  var variantName: String { get }
  /// Whether decisions depend on ``TrialHistory/lastCohort``; when `false` simulations keep it `nil`.
  var usesLastCohort: Bool { get }
  /// Dose index of the first cohort (0 = lowest dose).
  var startDose: Int { get }
  /// Whether these counts at a dose make it, and every higher dose, unacceptable for good
  /// (the DU / elimination rule). Used to infer eliminations from counts alone; default `false`.
  func eliminates(_ counts: DoseCounts) -> Bool
  /// The recommendation after the most recent cohort (already included in `history`), with its
  /// explanation. Same as `recommend(history, explain: true)`.
  func recommend(_ history: TrialHistory) -> Recommendation
  /// The recommendation after the most recent cohort; with `explain: false` the explanation is
  /// empty and nothing is allocated (the simulator's fast path).
  func recommend(_ history: TrialHistory, explain: Bool) -> Recommendation
  /// The final MTD (or recommended dose) index from all data, or `nil` for "no MTD".
  func selectMTD(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int?

  // MARK: Capabilities that only some designs have (each with a default below)

  /// The decision for every (n, y) with n ≤ `maxPatients` at the current dose, for a design that
  /// decides from those counts alone; `nil` (the default) for a model-based design such as CRM,
  /// whose decisions depend on every dose.
  func decisionTable(maxPatients: Int) -> DecisionTable?
  /// Model-based DLT estimates per dose behind a decision (CRM's posterior plug-in estimates);
  /// `nil` (the default) for designs that decide from counts.
  func posteriorEstimates(_ counts: [DoseCounts]) -> [Double]?
  /// The per-dose DLT estimates the final selection uses (`nil` where a dose has none, e.g.
  /// untreated or eliminated); default: the observed rates y/n.
  func selectionEstimates(_ counts: [DoseCounts]) -> [Double?]
  /// A cache for simulators that ask the design about many states sharing the same per-dose
  /// counts: a model-based design computes its fit (CRM: the posterior) once per count vector.
  /// `nil` (the default) for designs whose decisions need no such fit.
  func makeDecisionCache() -> (any DecisionCache)?
}

/// Decisions of one design for simulators, with what the design computes from the per-dose
/// counts alone kept per count vector. The simulator numbers count vectors densely (`countsID`:
/// equal counts, equal id; ids 0, 1, 2, … in order of first appearance).
public protocol DecisionCache: Sendable {
  /// Number of fits computed so far.
  var fitCount: Int { get }
  /// The recommendation after the cohort that produced `history` (no explanation), computing the
  /// fit for `countsID` if it is new.
  mutating func recommend(_ history: TrialHistory, countsID: Int) -> Recommendation
  /// The final selection for `history`, whose fit ``recommend(_:countsID:)`` has computed.
  func selectMTD(_ history: TrialHistory, countsID: Int, stoppedBy reason: StopReason) -> Int?
}

extension DoseFindingDesign {
  public var usesLastCohort: Bool { false }
  public var startDose: Int { 0 }
  public func eliminates(_ counts: DoseCounts) -> Bool { false }
  /// Default for designs written before the fast path existed: always explains.
  public func recommend(_ history: TrialHistory, explain: Bool) -> Recommendation {
    recommend(history)
  }
  public func decisionTable(maxPatients: Int) -> DecisionTable? { nil }
  public func makeDecisionCache() -> (any DecisionCache)? { nil }
  public func posteriorEstimates(_ counts: [DoseCounts]) -> [Double]? { nil }
  public func selectionEstimates(_ counts: [DoseCounts]) -> [Double?] {
    counts.map { $0.patients > 0 ? Double($0.dlts) / Double($0.patients) : nil }
  }
}
