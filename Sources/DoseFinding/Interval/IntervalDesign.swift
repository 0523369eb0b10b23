/// A design driven by a decision table over (n, y) at the current dose — BOIN, i3+3, mTPI-2 —
/// with the shared trial logic as defaults:
///
/// - Stop with ``StopReason/maxSampleSize`` once `totalPatients ≥ maxSampleSize`, without applying
///   the elimination rule to the final cohort (BOIN 2.7.2 `get.oc`; the selection re-applies it).
/// - `DU`: eliminate the current and all higher doses; at the lowest dose stop with no MTD.
/// - `E` at the highest dose, or into an eliminated dose, stays; `D` at the lowest dose stays.
/// - Optional early stop (BOIN `n.earlystop`): stop once n at the current dose reaches it and the
///   (effective) decision is to stay.
/// - Final selection: ``IsotonicMTDSelection`` on all counts.
public protocol IntervalDesign: DoseFindingDesign {
  /// What every interval design holds: size, start, target, elimination, table and selection.
  var core: IntervalCore { get }
  /// The decision for y DLTs in n ≥ 1 patients at the current dose (direct computation; used for
  /// n beyond the precomputed table).
  func computeDecision(patients n: Int, dlts y: Int) -> TableDecision
  /// Why (n, y) gets its decision: the boundaries or probabilities compared.
  func explainDecision(patients n: Int, dlts y: Int) -> [String]
  /// An extra stop for toxicity at the lowest dose (BOIN `extrasafe`); default: never.
  func stopsForSafetyAtLowestDose(_ counts: DoseCounts) -> Bool
  /// The boundaries behind the decision table, where the design has them (BOIN); default none.
  var tableBoundaries: DecisionTable.Boundaries? { get }
}

extension IntervalDesign {
  public var doseCount: Int { core.doseCount }
  public var cohortSize: Int { core.cohortSize }
  public var maxSampleSize: Int { core.maxSampleSize }
  public var startDose: Int { core.startDose }
  /// Target DLT rate φ.
  public var target: Double { core.target }
  /// The DU / elimination rule.
  public var elimination: EliminationRule { core.elimination }
  /// BOIN `n.earlystop` (`nil`: off).
  public var earlyStopPatients: Int? { core.earlyStopPatients }
  /// The final selection rule.
  public var mtdSelection: IsotonicMTDSelection { core.mtdSelection }
  public func stopsForSafetyAtLowestDose(_ counts: DoseCounts) -> Bool { false }
  public var tableBoundaries: DecisionTable.Boundaries? { nil }

  public func decisionTable(maxPatients: Int) -> DecisionTable? {
    DecisionTable(patients: 1...max(1, maxPatients), boundaries: tableBoundaries) {
      decision(patients: $0, dlts: $1)
    }
  }

  /// The isotonic estimates of the admissible doses; `nil` for untreated or eliminated doses.
  public func selectionEstimates(_ counts: [DoseCounts]) -> [Double?] {
    var estimates: [Double?] = Array(repeating: nil, count: counts.count)
    for entry in mtdSelection.estimates(counts) { estimates[entry.dose] = entry.estimate }
    return estimates
  }

  public func eliminates(_ counts: DoseCounts) -> Bool {
    elimination.eliminates(patients: counts.patients, dlts: counts.dlts)
  }

  /// The table decision for y DLTs in n patients (table look-up when tabulated).
  public func decision(patients n: Int, dlts y: Int) -> TableDecision {
    core.decisionTable.contains(patients: n, dlts: y)
      ? core.decisionTable[patients: n, dlts: y] : computeDecision(patients: n, dlts: y)
  }

  public func recommend(_ history: TrialHistory) -> Recommendation {
    recommend(history, explain: true)
  }

  public func recommend(_ history: TrialHistory, explain: Bool) -> Recommendation {
    let d = history.currentDose
    let counts = history.counts[d]
    let decision = decision(patients: counts.patients, dlts: counts.dlts)
    var eliminated = history.eliminatedFrom
    // The note is an autoclosure: with `explain == false` no string is ever built.
    func result(_ next: Int?, _ stop: StopReason?, _ note: @autoclosure () -> String)
      -> Recommendation
    {
      Recommendation(
        decision: decision, nextDose: next, eliminatedFrom: eliminated, stop: stop,
        explanation: explain
          ? explainDecision(patients: counts.patients, dlts: counts.dlts) + [note()] : [])
    }
    if history.totalPatients >= maxSampleSize {
      return result(nil, .maxSampleSize, "Stop: maximum sample size \(maxSampleSize) reached.")
    }
    if decision == .deescalateUnacceptable {
      eliminated = min(eliminated ?? doseCount, d)
      if d == 0 {
        return result(nil, .lowestDoseTooToxic, "Stop: the lowest dose is unacceptable; no MTD.")
      }
    }
    if d == 0 && stopsForSafetyAtLowestDose(counts) {
      return result(nil, .lowestDoseTooToxic, "Stop: extra safety rule at the lowest dose; no MTD.")
    }
    let move = IntervalMove(decision: decision, dose: d, doseCount: doseCount, eliminatedFrom: eliminated)
    if let limit = earlyStopPatients, counts.patients >= limit, move.nextDose == d {
      return result(
        nil, .designRule, "Stop: \(counts.patients) ≥ \(limit) patients at the current dose (n.earlystop).")
    }
    return result(move.nextDose, nil, move.description)
  }

  public func selectMTD(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    reason == .lowestDoseTooToxic ? nil : mtdSelection.select(history.counts)
  }
}

/// Where a table decision moves the trial, with the reason when it cannot move as indicated.
/// Holds no strings, so computing it allocates nothing.
struct IntervalMove: CustomStringConvertible {
  private enum Block { case highestDose, eliminatedAbove, lowestDose }
  var nextDose: Int
  private var block: Block?
  private var move: Int { nextDose - current }
  private let current: Int

  init(decision: TableDecision, dose d: Int, doseCount: Int, eliminatedFrom: Int?) {
    current = d
    nextDose = d
    switch decision {
    case .escalate:
      if d + 1 >= doseCount {
        block = .highestDose
      } else if let e = eliminatedFrom, d + 1 >= e {
        block = .eliminatedAbove
      } else {
        nextDose = d + 1
      }
    case .stay: break
    case .deescalate, .deescalateUnacceptable:
      if d == 0 { block = .lowestDose } else { nextDose = d - 1 }
    }
  }

  var description: String {
    switch block {
    case nil:
      "Next cohort: " + (move > 0 ? "escalate one dose." : move < 0 ? "de-escalate one dose." : "stay.")
    case .highestDose: "Stay: escalation indicated at the highest dose."
    case .eliminatedAbove: "Stay: escalation indicated but the next higher dose is eliminated."
    case .lowestDose: "Stay: de-escalation indicated at the lowest dose."
    }
  }
}
