import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `cartrial km` against R survival 3.5.3 (km_lung_gehan_R.txt).
@Suite struct KMCommandTests {
  static let fixtures = NCACommandTests.fixtures

  func km(_ arguments: [String]) throws -> CLIRunner.Result {
    try CLIRunner.run(["km"] + arguments)
  }

  @Test func lungBySexMatchesR() throws {
    let result = try km([
      "--input", Self.fixtures.appendingPathComponent("lung.csv").path, "--time", "time", "--event", "status",
      "--group", "sex", "--at", "180,365", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["name"] as? String } == ["1", "2"])
    #expect(groups[0]["n"] as? Int == 138 && groups[0]["events"] as? Int == 112)
    #expect(groups[0]["median"] as? Double == 270)
    #expect(groups[0]["medianCI"] as? [Double] == [212, 310])
    #expect(groups[1]["medianCI"] as? [Double] == [348, 550])
    #expect((groups[0]["survival"] as? [[String: Any]])?.count == 2)
    let logrank = try #require(json["logrank"] as? [String: Any])
    #expect(abs((logrank["chisq"] as! Double) - 10.326742) < 1e-6)
    #expect(logrank["df"] as? Int == 1)
    #expect(abs((logrank["p"] as! Double) - 0.00131116) < 1e-8)
  }

  @Test func gehanUpperLimitNotReachedIsNull() throws {
    let result = try km([
      "--input", Self.fixtures.appendingPathComponent("gehan.csv").path, "--time", "time", "--event", "cens",
      "--group", "treat", "--format", "json",
    ])
    let json = try #require(try result.json() as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups[0]["name"] as? String == "6-MP")
    let ci = try #require(groups[0]["medianCI"] as? [Any])
    #expect(ci.first as? Double == 16)
    #expect(ci.last is NSNull)
  }

  @Test func svgIsWellFormed() throws {
    let result = try km([
      "--input", Self.fixtures.appendingPathComponent("gehan.csv").path, "--time", "time", "--event", "cens",
      "--group", "treat", "--format", "svg",
    ])
    #expect(result.status == 0)
    let parser = XMLParser(data: Data(result.stdout.utf8))
    #expect(parser.parse())
    #expect(result.stdout.components(separatedBy: "class=\"km-curve\"").count == 3)
  }

  @Test(arguments: [
    (["--time", "days", "--event", "status"], "--time: expected a column of"),
    (["--time", "time", "--event", "status", "--group", "arm"], "--group: expected a column of"),
    // Line 8 is the first row with sex = 2, not an event indicator; sex is the third column.
    (["--time", "time", "--event", "sex"], "lung.csv:8:7: sex: expected 1/0, true/false or yes/no"),
  ])
  func badColumnsAreNamed(arguments: [String], message: String) throws {
    let result = try km(["--input", Self.fixtures.appendingPathComponent("lung.csv").path] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func curveReachingZeroHasNullStandardErrorNotNaN() throws {
    // One subject dying at day 3: S = 0, where R prints std.err NaN; JSON has no NaN.
    let file = try CLIRunner.temporaryFile("time,status\n3,1\n", name: "one.csv")
    let result = try km(["--input", file, "--time", "time", "--event", "status", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    let rows = try #require((json["groups"] as? [[String: Any]])?.first?["survival"] as? [[String: Any]])
    #expect(rows.first?["survival"] as? Double == 0)
    #expect(rows.first?["stdErr"] is NSNull)
  }

  @Test func byteOrderMarkCRLFAndTiedCensoringFollowR() throws {
    // Censored at day 2 alongside a death at day 2: still at risk at day 2 (R), so S(2) = 3/4.
    let csv = "\u{FEFF}time,status\r\n2,1\r\n2,0\r\n3,1\r\n4,0\r\n"
    let file = try CLIRunner.temporaryFile(csv, name: "bom.csv")
    let result = try km(["--input", file, "--time", "time", "--event", "status", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    let rows = try #require((json["groups"] as? [[String: Any]])?.first?["survival"] as? [[String: Any]])
    #expect(rows.map { $0["nRisk"] as? Int } == [4, 2])
    #expect(rows.map { $0["survival"] as? Double } == [0.75, 0.375])
  }

  @Test func allCensoredGivesNoMedianAndAZeroLogRank() throws {
    let csv = "time,status,arm\n5,0,A\n6,0,A\n7,0,B\n9,0,B\n"
    let file = try CLIRunner.temporaryFile(csv, name: "censored.csv")
    let result = try km([
      "--input", file, "--time", "time", "--event", "status", "--group", "arm", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["name"] as? String } == ["A", "B"])
    #expect(groups.allSatisfy { $0["median"] is NSNull && $0["events"] as? Int == 0 })
    // R survdiff tests only groups with expected events: none here, so no test (0 df, p = 1).
    let logrank = try #require(json["logrank"] as? [String: Any])
    #expect(logrank["chisq"] as? Double == 0 && logrank["df"] as? Int == 0 && logrank["p"] as? Double == 1)
  }

  @Test func everyTimeZeroDrawsInsteadOfCrashing() throws {
    // Treatment failures dated day 0 (EFS) put every time at 0.
    let file = try CLIRunner.temporaryFile("time,status\n0,1\n0,1\n", name: "zero.csv")
    let result = try km(["--input", file, "--time", "time", "--event", "status", "--format", "svg"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(XMLParser(data: Data(result.stdout.utf8)).parse())
  }
}
