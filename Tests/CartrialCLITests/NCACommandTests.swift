import Foundation
import TestSupport
import Testing

@testable import CartrialCLI

/// `cartrial nca` against PKNCA 0.11.0, and the CSV reader's errors (file and line named).
@Suite struct NCACommandTests {
  static let fixtures = FixtureDirectory.clinical.url

  @Test func theophJSONMatchesPKNCA() throws {
    let result = try CLIRunner.run([
      "nca", "--input", Self.fixtures.appendingPathComponent("theoph.csv").path, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let rows = try #require(try result.json() as? [[String: Any]])
    #expect(rows.count == 12)
    let keys: Set = [
      "subject", "cmax", "tmax", "auclast", "aucInterval", "lambdaZ", "halfLife", "lambdaZPoints",
      "aucinfObs",
      "aucinfPred", "tlast", "clast", "lambdaZTimes", "lambdaZFirst", "lambdaZLast",
    ]
    #expect(Set(rows[0].keys) == keys)
    // PKNCA 0.11.0, subject 1 (theoph_pknca_0.11.0_linuplogdown.csv).
    let first = rows[0]
    #expect(first["subject"] as? String == "1")
    #expect(abs((first["auclast"] as! Double) - 147.234748537004) < 1e-9)
    #expect(abs((first["aucinfPred"] as! Double) - 214.926654340822) < 1e-9)
    // lambda.z.n.points = 3 from lambda.z.time.first = 9.05 (PKNCA); the times are the reference's hl_point rows.
    #expect(first["lambdaZPoints"] as? Int == 3)
    #expect(first["lambdaZFirst"] as? Double == 9.05)
    #expect(first["lambdaZTimes"] as? [Double] == [9.05, 12.12, 24.37])
  }

  @Test func steinProfileAUC0to28UnderBothMethods() throws {
    let csv = try String(
      contentsOf: Self.fixtures.appendingPathComponent("stein_typical_sparse_profile.csv"), encoding: .utf8
    ).replacingOccurrences(of: "\"id\"", with: "subject")
    let path = try CLIRunner.temporaryFile(csv, name: "stein.csv")
    for (method, expected) in [("lin-up-log-down", 157_494.730718014), ("linear", 164_478.950490556)] {
      let result = try CLIRunner.run(["nca", "--input", path, "--auc-method", method, "--format", "json"])
      let row = try #require((try result.json() as? [[String: Any]])?.first)
      #expect(abs((row["aucInterval"] as! Double) / expected - 1) < 1e-9)
    }
  }

  @Test func textOutputStatesUnits() throws {
    let result = try CLIRunner.run([
      "nca", "--input", Self.fixtures.appendingPathComponent("theoph.csv").path,
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains("times in days"))
  }

  @Test(arguments: [
    ("subject,time,conc\n1,0,0\n1,-1,3\n", ":3:3:", "time: expected a number ≥ 0, found \"-1\""),
    (
      "subject,time,conc\n1,0,0\n1,2,5\n1,2,4\n", ":4:3:",
      "time: expected one sample per time for subject 1, found time 2 again (also on line 3)"
    ),
    ("subject,time,conc\n1,0,0\n1,1,abc\n", ":3:5:", "conc: expected a number, found \"abc\""),
    ("subject,time,concentration\n1,0,0\n", ":1:1:", "conc: expected a column conc"),
    ("subject,time,conc\n1,0\n", ":2:1:", "expected 3 fields"),
  ])
  func badInputNamesFileAndLine(csv: String, location: String, message: String) throws {
    let path = try CLIRunner.temporaryFile(csv, name: "bad.csv")
    let result = try CLIRunner.run(["nca", "--input", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("bad.csv\(location)"), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
  }

  @Test func csvRowsHaveAFieldForEveryColumn() throws {
    // Before: 15 header columns over 12 fields per row (lambdaZFirst/Last missing).
    let result = try CLIRunner.run([
      "nca", "--input", Self.fixtures.appendingPathComponent("theoph.csv").path, "--format", "csv",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let header = try #require(lines.first).map(String.init)
    #expect(header.contains("lambdaZFirst") && !header.contains("lambdaZTimes"))
    #expect(lines.count == 13)  // 12 subjects
    for line in lines.dropFirst() { #expect(line.count == header.count) }
    // lambdaZPoints is a count, written as an integer, within [lambdaZFirst, lambdaZLast].
    let row = lines[1].map(String.init)
    let points = try #require(Int(row[header.firstIndex(of: "lambdaZPoints")!]))
    #expect(points >= 3)
    #expect(
      Double(row[header.firstIndex(of: "lambdaZFirst")!])! < Double(
        row[header.firstIndex(of: "lambdaZLast")!])!)
  }

  @Test(arguments: ["nan", "0", "-1"])
  func invalidLLOQIsRejected(lloq: String) throws {
    // A NaN limit would silently censor nothing.
    let path = Self.fixtures.appendingPathComponent("theoph.csv").path
    let result = try CLIRunner.run(["nca", "--input", path, "--lloq=\(lloq)"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--lloq: expected a positive number"), "\(result.stderr)")
  }

  @Test func allBLQSubjectIsNamed() throws {
    let path = try CLIRunner.temporaryFile("subject,time,conc\nA,0,0\nA,1,0\nB,0,0\nB,1,5\n", name: "blq.csv")
    let result = try CLIRunner.run(["nca", "--input", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("blq.csv: subject A: no measurable concentration"), "\(result.stderr)")
  }

  @Test func anIntervalToInfinityIsLabelledAUC0ToInfinityInEveryFormat() throws {
    // Issue 11: `--interval 0,inf` printed "AUC0–—d".
    let theoph = Self.fixtures.appendingPathComponent("theoph.csv").path
    let text = try CLIRunner.run(["nca", "--input", theoph, "--interval", "0,inf"])
    #expect(text.status == 0, "\(text.stderr)")
    #expect(text.stdout.contains("AUC0–∞ over --interval"), "\(text.stdout)")
    #expect(!text.stdout.contains("—d"))
    // AUC0–∞ is AUCinf,obs (PKNCA's aucint to Inf from 0), in JSON and CSV alike.
    let json = try #require(
      try CLIRunner.run(["nca", "--input", theoph, "--interval", "0,inf", "--format", "json"]).json()
        as? [[String: Any]])
    for row in json {
      let interval = try #require(row["aucInterval"] as? Double, "\(row)")
      let aucinf = try #require(row["aucinfObs"] as? Double)
      #expect(abs(interval / aucinf - 1) < 1e-12, "\(row["subject"]!)")
    }
    let csv = try CLIRunner.run(["nca", "--input", theoph, "--interval", "0,INF", "--format", "csv"])
    let lines = csv.stdout.split(separator: "\n").map {
      $0.split(separator: ",", omittingEmptySubsequences: false)
    }
    let interval = try #require(lines.first?.firstIndex(of: "aucInterval"))
    let aucinf = try #require(lines.first?.firstIndex(of: "aucinfObs"))
    #expect(lines.count == 13)
    for fields in lines.dropFirst() {
      #expect(abs(Double(fields[interval])! / Double(fields[aucinf])! - 1) < 1e-12)
    }
    // A start after 0 and a bad start keep their meaning.
    let late = try CLIRunner.run(["nca", "--input", theoph, "--interval", "2,∞"])
    #expect(late.stdout.contains("AUC2–∞ over --interval"), "\(late.stdout)\(late.stderr)")
    let bad = try CLIRunner.run(["nca", "--input", theoph, "--interval", "abc,inf"])
    #expect(bad.status != 0 && bad.stderr.contains("--interval"), "\(bad.stderr)")
    let negative = try CLIRunner.run(["nca", "--input", theoph, "--interval=-1,inf"])
    #expect(negative.status != 0 && negative.stderr.contains("0 ≤ START < END"), "\(negative.stderr)")
  }
}
