/// What BOIN, i3+3 and mTPI-2 share: the trial's size and start, the target, the elimination
/// rule, the optional early stop, the precomputed decision table and the isotonic selection.
/// Each design adds only its own rule (boundaries, interval, partition).
public struct IntervalCore: Sendable, Hashable {
  public let doseCount: Int
  public let cohortSize: Int
  public let maxSampleSize: Int
  public let startDose: Int
  /// Target DLT rate φ.
  public let target: Double
  /// The DU / elimination rule: n ≥ 3 and Pr(p > φ | y, n; Beta(1, 1)) > cutoff.
  public let elimination: EliminationRule
  /// BOIN `n.earlystop`: stop once this many patients were treated at the current dose and the
  /// decision is to stay. `nil`: off.
  public let earlyStopPatients: Int?
  /// Decisions precomputed for n up to ``CountTable/maxPatients`` (at most 300).
  public let decisionTable: CountTable<TableDecision>
  /// The final selection rule.
  public let mtdSelection: IsotonicMTDSelection

  /// - Parameters:
  ///   - selection: the selection rule given the elimination rule (default: plain isotonic).
  ///   - decide: the design's decision for (n, y) given the elimination rule.
  public init(
    target: Double, doseCount: Int, cohortSize: Int, maxSampleSize: Int, startDose: Int,
    eliminationCutoff: Double, earlyStopPatients: Int?,
    selection: (EliminationRule) -> IsotonicMTDSelection = {
      IsotonicMTDSelection(target: $0.target, elimination: $0)
    },
    decide: (_ n: Int, _ y: Int, EliminationRule) -> TableDecision
  ) {
    self.target = target
    self.doseCount = doseCount
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
    self.startDose = startDose
    self.earlyStopPatients = earlyStopPatients
    let elimination = EliminationRule(target: target, cutoff: eliminationCutoff)
    self.elimination = elimination
    decisionTable = CountTable(maxPatients: min(maxSampleSize, 300)) { n, y in decide(n, y, elimination) }
    mtdSelection = selection(elimination)
  }
}
