import Foundation
import Testing

@testable import DoseFinding

@Suite struct EliminationRuleTests {
  /// The BOIN/i3+3 elimination probability at (3, 3): Pr(p > 0.3 | Beta(4, 1)) = 1 − 0.3⁴.
  @Test func eliminationProbability() {
    let rule = EliminationRule(target: 0.3)
    #expect(abs(rule.overdoseProbability(patients: 3, dlts: 3) - (1 - pow(0.3, 4))) < 1e-14)
    #expect(rule.eliminates(patients: 3, dlts: 3))
    #expect(!rule.eliminates(patients: 2, dlts: 2))  // below 3 patients the rule is not applied
  }

  /// The tabulated thresholds equal the rule's definition (incomplete beta) at every (n, y) up to
  /// the table's end and beyond it, for several targets, cutoffs and minimum sample sizes, also
  /// after a field is changed (the table is rebuilt).
  @Test(arguments: [0.15, 0.2, 0.25, 0.3, 1.0 / 3])
  func tableEqualsDirectRule(target: Double) {
    for cutoff in [0.8, 0.9, 0.95, 0.99] {
      for minimum in [1, 3, 6] {
        var rule = EliminationRule(target: target, cutoff: 0.5, minimumPatients: 0)
        rule.cutoff = cutoff
        rule.minimumPatients = minimum
        for n in 0...(EliminationRule.tabulatedPatients + 10) {
          for y in 0...n {
            let direct = n >= minimum && rule.overdoseProbability(patients: n, dlts: y) > cutoff
            #expect(rule.eliminates(patients: n, dlts: y) == direct, "n \(n), y \(y)")
          }
        }
      }
    }
  }

  @Test func eliminatedFromIsFirstEliminatedDose() {
    let rule = EliminationRule(target: 0.3)
    let counts = [
      DoseCounts(patients: 6, dlts: 1), DoseCounts(patients: 3, dlts: 3), DoseCounts(patients: 3, dlts: 3),
    ]
    #expect(rule.eliminatedFrom(counts) == 1)
    #expect(rule.eliminatedFrom(Array(counts.prefix(1))) == nil)
  }
}
