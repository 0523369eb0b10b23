import Foundation
import Testing

@Suite struct MTDCommandTests {
  private func mtd(_ arguments: [String]) throws -> [String: Any] {
    let result = try CLIRunner.run(["mtd", "--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try result.json() as? [String: Any])
  }

  /// p̂ = (y + 0.05)/(n + 0.1): 0.008, 0.172, 0.336 → dose 3 is closest to 0.3 (BOIN select.mtd).
  @Test func isotonicSelection() throws {
    let json = try mtd(["--design", "boin", "--target", "0.3", "--counts", "6/0,6/1,6/2,0/0"])
    #expect(json["mtd"] as? Int == 3)
    let estimates = try #require(json["estimates"] as? [Any])
    #expect(abs((estimates[2] as! Double) - 2.05 / 6.1) < 1e-12)
    #expect(estimates[3] is NSNull)
  }

  @Test func noMTDWhenDoseOneEliminated() throws {
    let json = try mtd(["--design", "i3+3", "--target", "0.3", "--counts", "3/3,0/0"])
    #expect(json["mtd"] is NSNull)
  }

  /// A pooled block above the target: the lower dose (BOIN tie rule).
  @Test func tieAboveTargetSelectsLowerDose() throws {
    let json = try mtd(["--design", "mtpi2", "--target", "0.3", "--counts", "6/3,6/2"])
    #expect(json["mtd"] as? Int == 1)
  }

  @Test func badCountsFail() throws {
    let result = try CLIRunner.run(["mtd", "--design", "boin", "--target", "0.3", "--counts", "3/x"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--counts"))
  }
}
