import Foundation
import Reports
import Testing

@testable import CartrialCLI

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

  @Test func timesBeyondTheLastObservationAreSaidInTextAndJSON() throws {
    // Issue 11: women's last observation is day 965 (censored); S(1000) was printed as 0.189 with
    // nobody at risk.
    let arguments = [
      "--input", Self.fixtures.appendingPathComponent("lung.csv").path, "--time", "time", "--event", "status",
      "--group", "sex", "--at", "180,1000",
    ]
    let json = try #require(try km(arguments + ["--format", "json"]).json() as? [String: Any])
    let groups = try #require(json["groups"] as? [[String: Any]])
    #expect(groups.map { $0["lastObservation"] as? Double } == [1022, 965])
    let women = try #require(groups[1]["survival"] as? [[String: Any]])
    #expect(women[1]["nRisk"] as? Int == 0)
    #expect(women[1]["survival"] is NSNull && women[1]["lower"] is NSNull && women[1]["upper"] is NSNull)
    #expect((women[1]["note"] as? String)?.contains("beyond the last observation (day 965") == true)
    #expect(women[0]["note"] is NSNull && women[0]["survival"] is Double)
    // Men are still observed at day 1000: an ordinary row.
    let men = try #require(groups[0]["survival"] as? [[String: Any]])
    #expect(men[1]["note"] is NSNull && (men[1]["nRisk"] as? Int ?? 0) > 0)

    let text = try km(arguments)
    #expect(text.status == 0)
    #expect(text.stdout.contains("1000 *"), "\(text.stdout)")
    #expect(text.stdout.contains("* 1000: beyond the last observation (day 965, censored)"), "\(text.stdout)")
    #expect(!text.stdout.contains("0.189"))
  }

  @Test func aCurveThatReachedZeroStaysZeroBeyondItsLastObservation() throws {
    let file = try CLIRunner.temporaryFile("time,status\n3,1\n5,1\n", name: "zero.csv")
    let json = try #require(
      try km(["--input", file, "--time", "time", "--event", "status", "--at", "10", "--format", "json"])
        .json()
        as? [String: Any])
    let row = try #require(
      ((json["groups"] as? [[String: Any]])?.first?["survival"] as? [[String: Any]])?.first)
    #expect(row["survival"] as? Double == 0 && row["nRisk"] as? Int == 0)
    #expect((row["note"] as? String)?.contains("S stays 0") == true)
  }

  /// A seeded two-arm file of `rows` subjects with (mostly) distinct times.
  static func largeFile(rows: Int, quotedHeader: Bool = false) -> String {
    var state: UInt64 = 2026
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var csv = quotedHeader ? "\"id\",\"time\",\"status\",\"arm\"\n" : "id,time,status,arm\n"
    for i in 0..<rows {
      let arm = uniform() < 0.5 ? "A" : "B"
      let time = (-log(1 - uniform()) * (arm == "A" ? 300 : 450) * 10_000).rounded() / 10_000
      csv += "S\(i),\(time),\(uniform() < 0.7 ? 1 : 0),\(arm)\n"
    }
    return csv
  }

  @Test func theOnePassReaderAndTheGeneralReaderGiveTheSameAnswer() throws {
    // A quoted header sends the same data through the general CSV reader.
    let fast = try CLIRunner.temporaryFile(Self.largeFile(rows: 5_000), name: "fast.csv")
    let general = try CLIRunner.temporaryFile(
      Self.largeFile(rows: 5_000, quotedHeader: true), name: "general.csv")
    let arguments = ["--time", "time", "--event", "status", "--group", "arm", "--format", "json"]
    let a = try km(["--input", fast] + arguments)
    let b = try km(["--input", general] + arguments)
    #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
    #expect(a.stdout == b.stdout)
    #expect(a.stdout.count > 500_000)  // every step is listed
  }

  @Test func longCurvesAreSummarisedInText() throws {
    let file = try CLIRunner.temporaryFile(Self.largeFile(rows: 5_000), name: "long.csv")
    let result = try km(["--input", file, "--time", "time", "--event", "status", "--group", "arm"])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.count < 70, "\(lines.count) lines")
    #expect(lines.filter { $0.hasPrefix("(S(t) at 21 of the ") }.count == 2, "\(result.stdout)")
    #expect(result.stdout.contains("--format json lists every one"))
    // Short curves are listed in full.
    let gehan = try km([
      "--input", Self.fixtures.appendingPathComponent("gehan.csv").path, "--time", "time", "--event", "cens",
      "--group", "treat",
    ])
    #expect(!gehan.stdout.contains("event times, every"))
  }

  @Test(arguments: [
    ["gehan.csv", "time", "cens", "treat", nil],
    ["gehan.csv", "time", "cens", nil, "1,10,100"],
    ["lung.csv", "time", "status", "sex", "0,180,1000"],
    ["lung.csv", "time", "status", nil, nil],
  ])
  func jsonWriterPrintsWhatJSONEncoderPrints(arguments: [String?]) throws {
    let path = Self.fixtures.appendingPathComponent(arguments[0]!).path
    let table = try CSVTable(text: try String(contentsOfFile: path, encoding: .utf8), file: path)
    let groups = try table.survivalGroups(time: arguments[1]!, event: arguments[2]!, group: arguments[3])
    let times = arguments[4].map { $0.split(separator: ",").map { Double($0)! } }
    let summary = SurvivalSummary(groups, at: times)
    #expect(SurvivalJSON.string(summary) == (try Output.jsonString(summary)))
    // Edge shapes: no event (an empty listing), no group.
    let censored = SurvivalSummary(
      [SurvivalGroup(name: "x\"y", observations: [.init(time: 2, event: false)])], at: nil)
    #expect(SurvivalJSON.string(censored) == (try Output.jsonString(censored)))
    let none = SurvivalSummary([], at: nil)
    #expect(SurvivalJSON.string(none) == (try Output.jsonString(none)))
  }
}
