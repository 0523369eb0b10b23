import Foundation
import Testing

/// The one JSON vocabulary of the commands outside the design answers (README: "One JSON
/// vocabulary"): `assumptions` is always an array of `{setting, value, assumption}`, a subject is
/// `subject`, a patient `patient` with its `screeningDate`, a protocol `protocol`; one result is an
/// object and several an array.
@Suite struct JSONVocabularyTests {
  static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples")

  static func example(_ path: String) -> String { examples.appendingPathComponent(path).path }

  /// The JSON object `arguments --format json` prints.
  static func object(_ arguments: [String]) throws -> [String: Any] {
    let result = try CLIRunner.run(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try result.json() as? [String: Any], "\(arguments): \(result.stdout)")
  }

  /// `object["assumptions"]`, checked to be a non-empty array of objects with exactly the keys
  /// `setting`, `value` and `assumption`, each a non-empty string.
  static func assumptions(_ object: [String: Any], _ context: String) throws -> [[String: String]] {
    let list = try #require(object["assumptions"] as? [[String: Any]], "\(context): \(object)")
    #expect(!list.isEmpty, "\(context)")
    for item in list {
      #expect(Set(item.keys) == ["setting", "value", "assumption"], "\(context): \(item)")
      #expect(item.values.allSatisfy { ($0 as? String)?.isEmpty == false }, "\(context): \(item)")
    }
    return list.map { $0.compactMapValues { $0 as? String } }
  }

  @Test func gradeAssumptionsNameTheSettingAndItsValue() throws {
    let icans = try Self.assumptions(
      Self.object(["grade", "icans", "--age", "9", "--capd", "10"]), "grade icans")
    #expect(icans.map { $0["setting"] } == ["icans.capdBelowAgeYears"])
    #expect(icans.first?["value"] == "12")  // as in the protocol file, not 12.0
    // A child's systolic pressure is graded with the PALS formula: its assumed settings are named.
    let crs = try Self.assumptions(
      Self.object(["grade", "crs", "--temperature", "38.5", "--systolic", "70", "--age", "5"]), "grade crs")
    #expect(
      crs.map { $0["setting"] } == [
        "crs.hypotensionAdultFromAgeYears", "crs.paediatricHypotensionBaseMmHg",
        "crs.paediatricHypotensionPerYearMmHg",
      ])
    #expect(crs.map { $0["value"] } == ["10", "70", "2"])
    let adult = try Self.assumptions(
      Self.object(["grade", "crs", "--temperature", "38.5", "--systolic", "85"]), "grade crs adult")
    #expect(adult.map { $0["setting"] } == ["crs.adultHypotensionSystolicBelow"])
    let lab = try Self.object([
      "grade", "lab", "--term", "creatinine", "--value", "300", "--unit", "umol/L", "--uln", "90",
    ])
    #expect((lab["assumptions"] as? [Any])?.isEmpty == true)  // an array even when empty
  }

  @Test func dltNamesTheSubjectAndItsAssumedRulesAndWindow() throws {
    let out = try Self.object([
      "dlt", "--protocol", "NCT05350787", "--subject", Self.example("subjects/S-03.json"),
    ])
    #expect(out["subject"] as? String == "S-03")
    #expect(out["subjectId"] == nil)
    let assumptions = try Self.assumptions(out, "dlt")
    let rule = try #require(assumptions.first { $0["setting"] == "crs-grade-4" })
    #expect(rule["value"]?.contains("CRS") == true)
  }

  @Test func responseSingleIsAnObjectACohortAnObjectHoldingTheArray() throws {
    let cohort = try Self.object([
      "response", "--protocol", "NCT05350787", "--subject", Self.example("subjects/cohort.json"),
    ])
    let subjects = try #require(cohort["subjects"] as? [[String: Any]])
    #expect(subjects.map { $0["subject"] as? String } == ["S-01", "S-02", "S-03"])
    #expect(subjects.allSatisfy { $0["assumptions"] == nil && $0["subjectId"] == nil })  // listed once
    let assumptions = try Self.assumptions(cohort, "response cohort")
    let window = try #require(assumptions.first { $0["setting"] == "response.windowDays" })
    #expect(window["value"] == "90")
    #expect(assumptions.first { $0["setting"] == "response.ancComparison" }?["value"] == ">")
    let single = try Self.object([
      "response", "--protocol", "NCT05350787", "--subject", Self.example("subjects/S-03.json"),
    ])
    #expect(single["subject"] as? String == "S-03")
    #expect(try Self.assumptions(single, "response single") == assumptions)
  }

  /// NCT05270772 with its I3 written with the `lanskyAgeLimit` setting (no bundled protocol uses a
  /// setting since I3 reads "Karnofsky ≥ 70 or Lansky ≥ 50"), as a protocol file.
  static func protocolWithASetting() throws -> String {
    let bundled = examples.deletingLastPathComponent()
      .appendingPathComponent("Sources/ProtocolFiles/Resources/Protocols/NCT05270772.yaml")
    let yaml = try String(contentsOf: bundled, encoding: .utf8).replacingOccurrences(
      of: "\"karnofsky >= 70 or lansky >= 50\"",
      with: "\"if age < lanskyAgeLimit then lansky >= 50 else karnofsky >= 70\"")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let file = directory.appendingPathComponent("NCT05270772.yaml")
    try yaml.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  @Test func screenNamesThePatientAndTheDateOnceForEveryProtocol() throws {
    let patient = Self.example("patients/P-0001.json")
    let trial = try Self.protocolWithASetting()
    let one = try Self.object(["screen", "--patient", patient, "--protocol", trial])
    #expect(one["patient"] as? String == "P-0001")
    #expect(one["screeningDate"] as? String == "2026-11-20")
    #expect(one["line"] == nil)  // only batch lines have one
    let results = try #require(one["results"] as? [[String: Any]])
    #expect(results.map { $0["protocol"] as? String } == ["NCT05270772"])
    let assumptions = try Self.assumptions(results[0], "screen")
    #expect(assumptions.map { $0["setting"] } == ["lanskyAgeLimit"])
    #expect(assumptions.first?["value"] == "16 years")
    // NDJSON of one patient is the same object on one line.
    let line = try CLIRunner.run([
      "screen", "--patient", patient, "--protocol", trial, "--format", "ndjson",
    ])
    #expect(line.stdout.split(separator: "\n").count == 1)
    let object = try #require(try line.json() as? [String: Any])
    #expect(NSDictionary(dictionary: object).isEqual(to: one))
    let all = try Self.object(["screen", "--patient", patient, "--all"])
    #expect((all["results"] as? [Any])?.count == 5 && all["patient"] as? String == "P-0001")
  }

  @Test func doseNamesTheProtocolAndTheAssumedLevel() throws {
    let out = try Self.object([
      "dose", "--protocol", "NCT05270772", "--group", "main", "--level", "2", "--weight-kg", "20",
    ])
    #expect(out["protocol"] as? String == "NCT05270772")
    #expect(out["group"] as? String == "main" && out["level"] as? Int == 2)
    #expect(out["cells"] as? Double == 3.0e7)
    let assumptions = try Self.assumptions(out, "dose")
    #expect(assumptions.map { $0["setting"] } == ["doseLevels[level 2]"])
    #expect(assumptions.first?["value"] == "1.5e6 cells/kg")
    let stated = try Self.object([
      "dose", "--protocol", "NCT07470073", "--group", "B", "--level", "2", "--weight-kg", "62",
    ])
    #expect(stated["protocol"] as? String == "NCT07470073")
    #expect((stated["assumptions"] as? [Any])?.isEmpty == true)
  }

  @Test func protocolCheckOfOneFileIsAnObjectOfSeveralAnArray() throws {
    let one = try Self.object(["protocol", "check", "NCT05270772"])
    #expect(one["file"] as? String == "NCT05270772" && one["valid"] as? Bool == true)
    let several = try CLIRunner.run(["protocol", "check", "NCT05270772", "NCT07470073", "--format", "json"])
    let files = try #require(try several.json() as? [[String: Any]])
    #expect(files.map { $0["file"] as? String } == ["NCT05270772", "NCT07470073"])
  }
}
