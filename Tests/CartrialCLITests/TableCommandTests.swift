import Foundation
import TestSupport
import Testing

@Suite struct TableCommandTests {
  /// (n, y) → decision from a FIND 0.1.1 reference table.
  static func reference(_ name: String) throws -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: try DecisionTableReference(file: name).rows.map {
        ("\($0.patients),\($0.dlts)", $0.decision)
      })
  }

  @Test(arguments: [
    ("i3+3", "i3plus3_pT0.3_EI0.25-0.35.csv"), ("mtpi2", "mtpi2_pT0.3_EI0.25-0.35.csv"),
    ("boin", "boin_decisions_target0.3.csv"),
  ])
  func jsonTableMatchesReference(design: String, file: String) throws {
    var arguments = ["table", "--design", design, "--target", "0.3", "--max-n", "30", "--format", "json"]
    if design != "boin" { arguments += ["--ei", "0.25,0.35"] }
    let result = try CLIRunner.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try result.json() as? [String: Any])
    #expect(json["design"] as? String == design)
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(rows.count == 495)  // n = 1…30, y = 0…n: Σ(n + 1) = 495
    let expected = try Self.reference(file)
    var compared = 0
    for row in rows {
      let key = "\(row["n"] as! Int),\(row["y"] as! Int)"
      if let decision = expected[key] {
        #expect(row["decision"] as? String == decision, "\(key)")
        compared += 1
      }
    }
    #expect(compared == 490)
    if design == "boin" {
      let boundaries = try #require(json["boundaries"] as? [String: Double])
      #expect(abs(boundaries["escalate"]! - 0.236491) < 5e-7)
      #expect(abs(boundaries["deescalate"]! - 0.358519) < 5e-7)
    }
  }

  @Test func csvAndTextFormats() throws {
    let csv = try CLIRunner.run([
      "table", "--design", "BOIN", "--target", "0.25", "--max-n", "6", "--format", "csv",
    ])
    #expect(csv.status == 0)
    let lines = csv.stdout.split(whereSeparator: \.isNewline)
    #expect(lines.first == "n,y,decision")
    #expect(lines.contains("3,3,DU"))  // BOIN get.boundary, target 0.25: eliminate at 3/3
    #expect(lines.count == 1 + 27)
    let text = try CLIRunner.run(["table", "--design", "3+3", "--max-n", "6"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("3+3 (classic"))
  }

  @Test(arguments: [
    (["--design", "boin", "--target", "1.5", "--max-n", "30"], "--target"),
    (["--design", "i3+3", "--target", "0.3", "--ei", "0.31,0.4", "--max-n", "30"], "--ei"),
    (["--design", "tpi", "--target", "0.3", "--max-n", "30"], "--design"),
    (["--design", "boin", "--target", "0.3"], "--max-n"),
    (["--design", "crm", "--target", "0.3", "--skeleton", "0.1,0.2", "--max-n", "30"], "decision table"),
  ])
  func badInputFails(arguments: [String], mention: String) throws {
    let result = try CLIRunner.run(["table"] + arguments)
    #expect(result.status != 0)
    #expect(result.stderr.contains(mention), "\(result.stderr)")
  }
}
