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
    (["--time", "days", "--event", "status"], "--time days"),
    (["--time", "time", "--event", "status", "--group", "arm"], "--group arm"),
    // Line 8 is the first row with sex = 2, not an event indicator.
    (["--time", "time", "--event", "sex"], "lung.csv:8: column 'sex'"),
  ])
  func badColumnsAreNamed(arguments: [String], message: String) throws {
    let result = try km(["--input", Self.fixtures.appendingPathComponent("lung.csv").path] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }
}
