import Foundation
import Testing

@Suite struct DoseCommandTests {
  private func dose(_ arguments: [String]) throws -> [String: Any] {
    let result = try CLIRunner.run(["dose", "--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try result.json() as? [String: Any])
  }

  @Test func cappedAndUncappedPerKgDoses() throws {
    let heavy = try dose(["--protocol", "NCT07470073", "--group", "B", "--level", "2", "--weight-kg", "62"])
    #expect(heavy["cells"] as? Double == 3.0e8)
    #expect(heavy["capped"] as? Bool == true)
    #expect(heavy["group"] as? String == "B")
    #expect(heavy["level"] as? Int == 2)
    let light = try dose(["--protocol", "NCT07470073", "--group", "B", "--level", "2", "--weight-kg", "40"])
    #expect(light["cells"] as? Double == 2.4e8)
    #expect(light["cellsPerKg"] as? Double == 6.0e6)
    #expect(light["capped"] as? Bool == false)
  }

  @Test func flatDoseInGroupA() throws {
    let flat = try dose(["--protocol", "NCT07470073", "--group", "A", "--level", "-1", "--weight-kg", "70"])
    #expect(flat["cells"] as? Double == 1.5e8)
  }

  @Test(arguments: [
    (["--group", "B", "--level", "2", "--weight-kg", "0"], "--weight-kg"),
    (["--group", "B", "--level", "2", "--weight-kg", "501"], "--weight-kg"),
    (["--group", "B", "--level", "7", "--weight-kg", "50"], "--level"),
    (["--level", "1", "--weight-kg", "50"], "--group"),
  ])
  func badInputFailsNamingTheOption(arguments: [String], option: String) throws {
    let result = try CLIRunner.run(["dose", "--protocol", "NCT07470073"] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(option))
  }
}
