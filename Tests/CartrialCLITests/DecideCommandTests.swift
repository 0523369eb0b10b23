import Foundation
import Testing

@Suite struct DecideCommandTests {
  private func decide(_ arguments: [String]) throws -> [String: Any] {
    let result = try CLIRunner.run(["decide", "--format", "json"] + arguments)
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try result.json() as? [String: Any])
  }

  /// i3+3 (φ 0.3, EI [0.25, 0.35]): 1/3 → S (FIND table); 0/3 → E.
  @Test func i3plus3Decisions() throws {
    let base = ["--design", "i3+3", "--target", "0.3", "--ei", "0.25,0.35"]
    let stay = try decide(base + ["--current", "2", "--counts", "3/0,3/1,0/0"])
    #expect(stay["decision"] as? String == "S")
    #expect(stay["nextDose"] as? Int == 2)
    #expect((stay["eliminated"] as? [Int])?.isEmpty == true)
    #expect((stay["explanation"] as? [String])?.isEmpty == false)
    let up = try decide(base + ["--current", "2", "--counts", "3/0,3/0,0/0"])
    #expect(up["decision"] as? String == "E")
    #expect(up["nextDose"] as? Int == 3)
  }

  /// DU at dose 1 stops the trial; BOIN DU higher up eliminates the dose and all above.
  @Test func unacceptableDoses() throws {
    let stop = try decide(["--design", "boin", "--target", "0.3", "--current", "1", "--counts", "3/3,0/0"])
    #expect(stop["decision"] as? String == "stop")
    #expect(stop["nextDose"] is NSNull)
    #expect(stop["eliminated"] as? [Int] == [1, 2])
    let du = try decide(["--design", "boin", "--target", "0.3", "--current", "2", "--counts", "3/0,3/3,0/0"])
    #expect(du["decision"] as? String == "DU")
    #expect(du["nextDose"] as? Int == 1)
    #expect(du["eliminated"] as? [Int] == [2, 3])
  }

  /// CRM: the model wants a higher dose after 0/3 at dose 1 but may not skip.
  @Test func crmNoSkipping() throws {
    let json = try decide([
      "--design", "crm", "--target", "0.3", "--skeleton", "0.1225,0.2040,0.3000,0.4018,0.5013",
      "--current", "1", "--counts", "3/0", "--last-cohort", "3/0",
    ])
    #expect(json["decision"] as? String == "E")
    #expect(json["nextDose"] as? Int == 2)
    #expect((json["estimates"] as? [Double])?.count == 5)
  }

  /// NCT07470073 group A: i3+3 over levels -1, 1, 2, 3 starting at level 1.
  @Test func protocolDesign() throws {
    let json = try decide([
      "--protocol", "NCT07470073", "--group", "A", "--current", "1", "--counts", "0/0,3/0",
    ])
    #expect(json["design"] as? String == "i3+3")
    #expect(json["decision"] as? String == "E")
    #expect(json["nextDose"] as? Int == 2)
    let down = try decide([
      "--protocol", "NCT07470073", "--group", "A", "--current", "1", "--counts", "0/0,3/2",
    ])
    #expect(down["decision"] as? String == "D")
    #expect(down["nextDose"] as? Int == -1)
  }

  @Test(arguments: [
    (["--design", "i3+3", "--target", "0", "--current", "1", "--counts", "3/0"], "--target"),
    (["--design", "i3+3", "--target", "0.3", "--current", "1", "--counts", "3/4"], "--counts"),
    (
      ["--design", "i3+3", "--target", "0.3", "--doses", "2", "--current", "1", "--counts", "3/0,3/0,3/0"],
      "--counts"
    ),
    (
      [
        "--design", "crm", "--target", "0.3", "--skeleton", "0.1,0.3,0.2", "--current", "1", "--counts",
        "3/0",
      ], "--skeleton"
    ),
    (["--design", "i3+3", "--target", "0.3", "--current", "4", "--counts", "3/0,3/1"], "--current"),
    (
      ["--design", "i3+3", "--target", "0.3", "--ei", "0.35,0.45", "--current", "1", "--counts", "3/0"],
      "--ei"
    ),
    (
      ["--protocol", "NCT07470073", "--group", "A", "--design", "boin", "--current", "1", "--counts", "3/0"],
      "--design: expected no design name with a protocol"
    ),
  ])
  func badInputFails(arguments: [String], option: String) throws {
    let result = try CLIRunner.run(["decide"] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(option), "\(result.stderr)")
  }
}
