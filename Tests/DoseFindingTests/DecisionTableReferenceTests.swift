import Foundation
import TestSupport
import Testing

@testable import DoseFinding

/// The decision tables of BOIN 2.7.2 and FIND 0.1.1 (Tests/Fixtures/reference/dosefinding),
/// reproduced for every (n, y).
struct DecisionTableReferenceTests {
  func reference(_ name: String) throws -> [(n: Int, y: Int, decision: String)] {
    try DecisionTableReference(file: name).rows.map { (n: $0.patients, y: $0.dlts, decision: $0.decision) }
  }

  @Test func i3plus3MatchesFIND() throws {
    let design = I3Plus3Design(
      target: 0.3, interval: EquivalenceInterval(lower: 0.25, upper: 0.35), doseCount: 5,
      maxSampleSize: 30)
    let rows = try reference("i3plus3_pT0.3_EI0.25-0.35.csv")
    #expect(rows.count == 490)
    for row in rows {
      #expect(design.decision(patients: row.n, dlts: row.y).rawValue == row.decision, "n=\(row.n) y=\(row.y)")
    }
  }

  @Test func mtpi2MatchesFIND() throws {
    let design = MTPI2Design(
      target: 0.3, interval: EquivalenceInterval(lower: 0.25, upper: 0.35), doseCount: 5,
      maxSampleSize: 30)
    let rows = try reference("mtpi2_pT0.3_EI0.25-0.35.csv")
    #expect(rows.count == 490)
    for row in rows {
      #expect(design.decision(patients: row.n, dlts: row.y).rawValue == row.decision, "n=\(row.n) y=\(row.y)")
    }
  }

  @Test func boinMatchesFIND() throws {
    let design = BOINDesign(target: 0.3, doseCount: 5, maxSampleSize: 30)
    let rows = try reference("boin_decisions_target0.3.csv")
    #expect(rows.count == 490)
    for row in rows {
      #expect(design.decision(patients: row.n, dlts: row.y).rawValue == row.decision, "n=\(row.n) y=\(row.y)")
    }
  }

  @Test(arguments: [(0.25, "boin_boundary_target0.250.csv"), (0.3, "boin_boundary_target0.300.csv")])
  func boinCountsMatchGetBoundary(target: Double, file: String) throws {
    let boundaries = BOINBoundaries(target: target)
    let rule = EliminationRule(target: target)
    let rows = try FixtureDirectory.doseFinding.csvRows(file)
    #expect(rows.count == 30)
    for row in rows {
      let n = Int(row[0])!
      #expect(boundaries.escalationCount(patients: n) == Int(row[1])!, "escalation n=\(n)")
      #expect(
        boundaries.deescalationCount(patients: n, elimination: rule) == Int(row[2])!,
        "de-escalation n=\(n)")
      #expect(
        boundaries.eliminationCount(patients: n, elimination: rule) == Int(row[3]), "elimination n=\(n)")
    }
  }

  /// λe, λd against the closed forms of Liu & Yuan (2015) eq. 2 evaluated independently, and the
  /// 4-decimal values of their Table 1 (φ = 0.25: 0.197/0.298; φ = 0.3: 0.236/0.358).
  @Test func boinBoundariesMatchPublished() {
    for (target, e, d) in [(0.25, 0.1968, 0.2984), (0.3, 0.2365, 0.3585)] {
      let b = BOINBoundaries(target: target)
      #expect(abs(b.escalation - e) < 5e-5)
      #expect(abs(b.deescalation - d) < 5e-5)
      // Independent evaluation: λe solves φ₁^λ... likelihood-ratio equality
      // λ log(φ/φ₁) + (1−λ) log((1−φ)/(1−φ₁)) = 0 ⇒ check the root to 1e-6.
      let phi1 = 0.6 * target
      let phi2 = 1.4 * target
      let fe = b.escalation * log(target / phi1) + (1 - b.escalation) * log((1 - target) / (1 - phi1))
      let fd = b.deescalation * log(phi2 / target) + (1 - b.deescalation) * log((1 - phi2) / (1 - target))
      #expect(abs(fe) < 1e-12)
      #expect(abs(fd) < 1e-12)
    }
    // To 6 decimals, as evaluated independently (Python, double precision) from eq. 2.
    let published = [(0.25, "0.196801", "0.298392"), (0.3, "0.236491", "0.358519")]
    for (target, e, d) in published {
      #expect(decimal(BOINBoundaries(target: target).escalation, 6) == e)
      #expect(decimal(BOINBoundaries(target: target).deescalation, 6) == d)
    }
  }
}
