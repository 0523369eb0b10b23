import Testing

@testable import DoseFinding

/// BOIN `select.mtd` rules (spec §MTD selection).
struct MTDSelectionTests {
  let selection = IsotonicMTDSelection(target: 0.3, elimination: EliminationRule(target: 0.3))

  func counts(_ pairs: [(Int, Int)]) -> [DoseCounts] {
    pairs.map { DoseCounts(patients: $0.0, dlts: $0.1) }
  }

  @Test func closestIsotonicEstimateWins() {
    // p̂ = 0.05/6.1, 1.05/6.1 = 0.172, 2.05/6.1 = 0.336 → dose 3 is closest to 0.3.
    #expect(selection.select(counts([(6, 0), (6, 1), (6, 2), (0, 0)])) == 2)
  }

  /// A pooled block below φ: the highest dose of the block is selected.
  @Test func tieBelowTargetSelectsHigherDose() {
    // 1/6 and 1/6: identical estimates 0.172 < 0.3 → the higher dose.
    #expect(selection.select(counts([(6, 1), (6, 1), (0, 0)])) == 1)
    // A violation pooled below φ: 2/9 then 1/9 pool below 0.3 → higher dose.
    #expect(selection.select(counts([(9, 2), (9, 1)])) == 1)
  }

  /// A pooled block above φ: the lowest dose of the block is selected.
  @Test func tieAboveTargetSelectsLowerDose() {
    #expect(selection.select(counts([(6, 3), (6, 3)])) == 0)
    // 3/6 then 2/6: a violation pooled to about 0.42 > 0.3 → the lower dose.
    #expect(selection.select(counts([(6, 3), (6, 2)])) == 0)
  }

  @Test func eliminatedDosesAreExcluded() {
    // Dose 3 with 3/3 is eliminated (Pr(p > 0.3) = 0.9919 > 0.95): dose 2 (2/6) is the MTD
    // although dose 3 would not be closer anyway; dose 2 with 3/3 eliminates 2 and 3.
    #expect(selection.select(counts([(3, 0), (6, 2), (3, 3)])) == 1)
    #expect(selection.select(counts([(6, 0), (3, 3), (3, 0)])) == 0)
  }

  @Test func noMTDWhenLowestDoseEliminated() {
    #expect(selection.select(counts([(3, 3), (0, 0)])) == nil)
    #expect(selection.select(counts([(0, 0), (0, 0)])) == nil)
  }

  @Test func untreatedDosesAreSkipped() {
    #expect(selection.select(counts([(3, 0), (0, 0), (6, 2)])) == 2)
  }
}

/// i3+3 extrasafe selection (FIND `select_mtd`): step down when the selected p̃ exceeds the EI.
struct ExtraSafeSelectionTests {
  @Test func stepsDownAboveTheInterval() {
    let rule = EliminationRule(target: 0.3)
    let plain = IsotonicMTDSelection(target: 0.3, elimination: rule)
    let safe = IsotonicMTDSelection(target: 0.3, elimination: rule, stepDownAbove: 0.35)
    // 0/3 (p̃ 0.016) and 3/6 (p̃ 0.50): dose 2 is closest to 0.3 but above 0.35 → dose 1.
    let counts = [DoseCounts(patients: 3, dlts: 0), DoseCounts(patients: 6, dlts: 3)]
    #expect(plain.select(counts) == 1)
    #expect(safe.select(counts) == 0)
    // Only dose 1, above the interval: no MTD.
    #expect(safe.select([DoseCounts(patients: 6, dlts: 3)]) == nil)
  }
}
