/// Bayesian optimal interval design, BOIN (Liu & Yuan 2015, JRSS-C 64:507–523), with the trial
/// conduct of BOIN 2.7.2 `get.oc`: elimination when n ≥ 3 and Pr(p > φ | data) > 0.95, no
/// elimination check on the final cohort (the selection re-applies it), optional `extrasafe` stop
/// at the lowest dose and optional `n.earlystop`; MTD by ``IsotonicMTDSelection``.
public struct BOINDesign: IntervalDesign {
  public let core: IntervalCore
  /// λe, λd and the counts derived from them.
  public let boundaries: BOINBoundaries
  /// BOIN `extrasafe`: stop when n₁ ≥ 3 and Pr(p₁ > φ | data) > cutoff − `extraSafetyOffset`
  /// while treating at the lowest dose. `nil`: off (package default).
  public let extraSafetyOffset: Double?

  /// - Parameters:
  ///   - underdosingRate: φ₁ (default 0.6φ); `overdosingRate`: φ₂ (default 1.4φ).
  ///   - boundMTD: BOIN `boundMTD` — only doses with isotonic estimate ≤ λd can be selected.
  public init(
    target: Double, doseCount: Int, cohortSize: Int = 3, maxSampleSize: Int, startDose: Int = 0,
    underdosingRate: Double? = nil, overdosingRate: Double? = nil,
    eliminationCutoff: Double = 0.95, earlyStopPatients: Int? = nil,
    extraSafetyOffset: Double? = nil, boundMTD: Bool = false
  ) {
    let boundaries = BOINBoundaries(
      target: target, underdosingRate: underdosingRate, overdosingRate: overdosingRate)
    self.boundaries = boundaries
    self.extraSafetyOffset = extraSafetyOffset
    core = IntervalCore(
      target: target, doseCount: doseCount, cohortSize: cohortSize, maxSampleSize: maxSampleSize,
      startDose: startDose, eliminationCutoff: eliminationCutoff, earlyStopPatients: earlyStopPatients,
      selection: {
        IsotonicMTDSelection(
          target: target, elimination: $0, upperBound: boundMTD ? boundaries.deescalation : nil)
      },
      decide: { n, y, elimination in
        Self.decision(patients: n, dlts: y, boundaries: boundaries, elimination: elimination)
      })
  }

  public var tableBoundaries: DecisionTable.Boundaries? {
    DecisionTable.Boundaries(escalate: boundaries.escalation, deescalate: boundaries.deescalation)
  }

  public var variantName: String {
    "BOIN (Liu & Yuan 2015; BOIN 2.7.2 get.oc conduct: no elimination check on the final cohort"
      + (extraSafetyOffset == nil ? "" : ", extrasafe") + ")"
  }

  public func computeDecision(patients n: Int, dlts y: Int) -> TableDecision {
    Self.decision(patients: n, dlts: y, boundaries: boundaries, elimination: elimination)
  }

  static func decision(
    patients n: Int, dlts y: Int, boundaries: BOINBoundaries, elimination: EliminationRule
  ) -> TableDecision {
    if n == 0 { return .stay }
    if elimination.eliminates(patients: n, dlts: y) { return .deescalateUnacceptable }
    if y <= boundaries.escalationCount(patients: n) { return .escalate }
    if y >= boundaries.deescalationCount(patients: n, elimination: elimination) {
      return .deescalate
    }
    return .stay
  }

  public func explainDecision(patients n: Int, dlts y: Int) -> [String] {
    let rate = n > 0 ? Double(y) / Double(n) : 0
    return [
      "BOIN boundaries for φ = \(target): λe = \(decimal(boundaries.escalation, 6)), "
        + "λd = \(decimal(boundaries.deescalation, 6)).",
      "Observed \(y)/\(n) = \(decimal(rate)); escalate if y ≤ \(boundaries.escalationCount(patients: n)), "
        + "de-escalate if y ≥ \(boundaries.deescalationCount(patients: n, elimination: elimination)).",
      elimination.describe(patients: n, dlts: y),
    ]
  }

  public func stopsForSafetyAtLowestDose(_ counts: DoseCounts) -> Bool {
    guard let offset = extraSafetyOffset, counts.patients >= 3 else { return false }
    return elimination.overdoseProbability(patients: counts.patients, dlts: counts.dlts)
      > elimination.cutoff - offset
  }
}
