import DoseFinding

/// A faster route to the final selection of BOIN, i3+3 and mTPI-2 for the exact enumeration and the
/// memoised simulator, with the same result as the design's own `selectMTD`.
///
/// `IntervalDesign.selectMTD` re-applies the elimination rule (Pr(p > φ | y, n) > 0.95, an
/// incomplete beta function per dose) to every finished trial; with thousands of finished states
/// this dominated the exact enumeration. Here the rule is tabulated once per design for every
/// (n, y) up to the maximum sample size, and the isotonic selection is run on the doses below the
/// first eliminated dose with the rule switched off (it would find nothing more to eliminate there).
/// Equivalence with `selectMTD` on every finished state is checked by the tests and, for every
/// simulated trial, by the memoised-versus-direct identity test.
///
/// To be retired when DoseFinding tabulates the rule itself (`EliminationRule.eliminatedFrom`).
struct IntervalSelectionShortcut: Sendable {
  private let eliminates: CountTable<Bool>
  private let selection: IsotonicMTDSelection

  private init(_ design: some IntervalDesign) {
    let rule = design.elimination
    eliminates = CountTable(maxPatients: design.maxSampleSize) {
      rule.eliminates(patients: $0, dlts: $1)
    }
    var selection = design.mtdSelection
    selection.elimination.minimumPatients = .max
    self.selection = selection
  }

  /// The shortcut for the interval designs whose `selectMTD` is the shared `IntervalDesign` one;
  /// `nil` for every other design.
  static func make(for design: some DoseFindingDesign) -> Self? {
    switch design {
    case let d as BOINDesign: Self(d)
    case let d as I3Plus3Design: Self(d)
    case let d as MTPI2Design: Self(d)
    default: nil
    }
  }

  /// Same as `IntervalDesign.selectMTD(history, stoppedBy: reason)`.
  func select(_ history: TrialHistory, stoppedBy reason: StopReason) -> Int? {
    if reason == .lowestDoseTooToxic { return nil }
    var limit = history.counts.count
    for (d, c) in history.counts.enumerated() where eliminates[patients: c.patients, dlts: c.dlts] {
      limit = d
      break
    }
    if limit == 0 { return nil }
    return selection.select(Array(history.counts[0..<limit]))
  }
}
