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
}
