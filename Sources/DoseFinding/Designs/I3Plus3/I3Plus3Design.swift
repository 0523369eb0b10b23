/// The i3+3 design (Liu, Wang & Ji 2020, J Biopharm Stat 30:294–304), as in FIND 0.1.1
/// (`get_decision_i3plus3`, `run_sim_i3plus3`). With EI = [φ − ε₁, φ + ε₂] and y/n at the
/// current dose:
///
///   DU  if n ≥ 3 and Pr(p > φ | y, n; Beta(1,1)) > 0.95
///   E   if y/n < φ − ε₁
///   S   if y/n ∈ EI, or y/n > φ + ε₂ but (y − 1)/n < φ − ε₁ ("one fewer DLT would be under-dosing")
///   D   otherwise.
public struct I3Plus3Design: IntervalDesign {
  public let core: IntervalCore
  /// The equivalence interval [φ − ε₁, φ + ε₂].
  public let interval: EquivalenceInterval

  /// - Parameter extraSafeSelection: FIND `extrasafe` selection (step down when the selected
  ///   dose's estimate exceeds the EI).
  public init(
    target: Double, interval: EquivalenceInterval, doseCount: Int, cohortSize: Int = 3,
    maxSampleSize: Int, startDose: Int = 0, eliminationCutoff: Double = 0.95,
    earlyStopPatients: Int? = nil, extraSafeSelection: Bool = false
  ) {
    self.interval = interval
    core = IntervalCore(
      target: target, doseCount: doseCount, cohortSize: cohortSize, maxSampleSize: maxSampleSize,
      startDose: startDose, eliminationCutoff: eliminationCutoff, earlyStopPatients: earlyStopPatients,
      selection: {
        IsotonicMTDSelection(
          target: target, elimination: $0, stepDownAbove: extraSafeSelection ? interval.upper : nil)
      },
      decide: { n, y, elimination in
        Self.decision(patients: n, dlts: y, interval: interval, elimination: elimination)
      })
  }

  public var variantName: String {
    "i3+3 (Liu, Wang & Ji 2020; FIND 0.1.1 rules, EI [\(interval.lower), \(interval.upper)]"
      + (mtdSelection.stepDownAbove == nil ? ")" : ", extrasafe selection)")
  }

  public func computeDecision(patients n: Int, dlts y: Int) -> TableDecision {
    Self.decision(patients: n, dlts: y, interval: interval, elimination: elimination)
  }

  static func decision(
    patients n: Int, dlts y: Int, interval: EquivalenceInterval, elimination: EliminationRule
  ) -> TableDecision {
    if n == 0 { return .stay }
    if elimination.eliminates(patients: n, dlts: y) { return .deescalateUnacceptable }
    let rate = Double(y) / Double(n)
    if interval.isBelow(rate) { return .escalate }
    if interval.isAtMostUpper(rate) { return .stay }
    if interval.isBelow(Double(y - 1) / Double(n)) { return .stay }
    return .deescalate
  }

  public func explainDecision(patients n: Int, dlts y: Int) -> [String] {
    let rate = n > 0 ? Double(y) / Double(n) : 0
    var lines = [
      "i3+3: observed \(y)/\(n) = \(decimal(rate)) against EI [\(interval.lower), \(interval.upper)]."
    ]
    if rate > interval.upper + EquivalenceInterval.tolerance {
      lines.append(
        "Above the EI; one fewer DLT gives \(y - 1)/\(n) = \(decimal(Double(y - 1) / Double(n)))"
          + (interval.isBelow(Double(y - 1) / Double(n)) ? " < EI lower: stay." : " ≥ EI lower."))
    }
    lines.append(elimination.describe(patients: n, dlts: y))
    return lines
  }
}
