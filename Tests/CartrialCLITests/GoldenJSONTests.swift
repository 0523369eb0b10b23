import Foundation
import Testing

/// The JSON of every command, pinned: each command below prints exactly the committed
/// `Tests/Fixtures/golden/NAME.json`, so that a change of key, shape or value shows in review.
/// After an intended change, regenerate with `CARTRIAL_UPDATE_GOLDEN=1 swift test --filter
/// GoldenJSONTests` and review the diff; the vocabulary is documented in README "One JSON vocabulary".
@Suite struct GoldenJSONTests {
  static let commands: [(name: String, arguments: [String])] = [
    ("protocol-list", ["protocol", "list"]),
    ("dose", ["dose", "--protocol", "NCT07470073", "--group", "B", "--level", "2", "--weight-kg", "62"]),
    ("table", ["table", "--design", "i3+3", "--target", "0.3", "--ei", "0.25,0.35", "--max-n", "9"]),
    (
      "decide",
      ["decide", "--protocol", "NCT07470073", "--group", "A", "--current", "1", "--counts", "0/0,3/1"]
    ),
    (
      "decide-crm",
      [
        "decide", "--design", "crm", "--target", "0.3", "--skeleton", "0.1,0.2,0.3", "--current", "1",
        "--counts", "3/0", "--last-cohort", "3/0",
      ]
    ),
    ("mtd", ["mtd", "--design", "boin", "--target", "0.3", "--counts", "3/0,6/1,9/3,3/2"]),
    (
      "oc-group",
      ["oc", "--protocol", "NCT07470073", "--group", "A", "--truth", "0.05,0.1,0.25,0.4", "--exact"]
    ),
    (
      "oc-protocol",
      ["oc", "--protocol", "NCT07470073", "--truth", "A=0.05,0.1,0.25,0.4;B=0.1,0.3", "--exact"]
    ),
    (
      "oc-simulated",
      [
        "oc", "--design", "boin", "--target", "0.3", "--truth", "0.05,0.15,0.3,0.45,0.6",
        "--simulate", "2000", "--seed", "7",
      ]
    ),
    (
      "screen",
      ["screen", "--patient", "Examples/patients/P-0001.json", "--protocol", "NCT07470073", "--group", "A"]
    ),
    ("grade-icans", ["grade", "icans", "--input", "Examples/observations/icans.json"]),
    (
      "grade-lab",
      [
        "grade", "lab", "--term", "creatinine", "--value", "300", "--unit", "umol/L", "--uln", "90",
        "--baseline", "70",
      ]
    ),
    ("dlt", ["dlt", "--protocol", "NCT05350787", "--subject", "Examples/subjects/S-03.json"]),
    ("response", ["response", "--protocol", "NCT05350787", "--subject", "Examples/subjects/cohort.json"]),
    ("nca", ["nca", "--input", "Examples/report-data/kinetics.csv"]),
    (
      "km",
      [
        "km", "--input", "Tests/Fixtures/reference/clinical/gehan.csv", "--time", "time", "--event", "cens",
        "--group", "treat",
      ]
    ),
  ]

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/golden")

  @Test(arguments: GoldenJSONTests.commands.map(\.name))
  func jsonEqualsTheGoldenFile(_ name: String) throws {
    let arguments = try #require(Self.commands.first { $0.name == name }).arguments + ["--format", "json"]
    let result = try CLIRunner.run(arguments)
    #expect(result.status == 0, "\(result.stderr)")
    // One thing given: an object; several (protocols, subjects of a table): an array.
    let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    #expect(["protocol-list", "nca"].contains(name) ? parsed is [Any] : parsed is [String: Any])
    let file = Self.directory.appendingPathComponent("\(name).json")
    if ProcessInfo.processInfo.environment["CARTRIAL_UPDATE_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
      try result.stdout.write(to: file, atomically: true, encoding: .utf8)
    }
    let golden = try String(contentsOf: file, encoding: .utf8)
    #expect(result.stdout == golden, "\(name): the JSON differs from \(file.lastPathComponent)")
  }
}
