import Eligibility
import Foundation
import ProtocolFiles
import Testing
import TrialModel

@testable import CartrialCLI

/// `cartrial screen`: JSON shape, --all ordering, NDJSON streaming and errors with paths.
@Suite struct ScreenCommandTests {
  static let patient = """
    {"id": "C1", "screeningDate": "2026-11-20",
     "demographics": {"birthDate": "2010-11-21", "sex": "female", "weight": {"value": 50, "unit": "kg"}},
     "disease": {"diagnosis": "B-ALL", "status": "refractory", "extramedullary": "none", "cnsStatus": "CNS1"},
     "antigens": [{"antigen": "CD19", "result": "positive", "date": "2026-11-01"}],
     "performance": [{"scale": "Lansky", "score": 60}, {"scale": "Karnofsky", "score": 60}],
     "history": {"complete": true, "events": []},
     "viralTests": [{"test": "HBsAg", "result": "positive"}],
     "consent": {"signed": true}, "lifeExpectancy": {"value": 6, "unit": "months"}}
    """

  @Test func oneProtocolAsJSON() throws {
    let path = try CLIRunner.temporaryFile(Self.patient, name: "patient.json")
    let result = try CLIRunner.run([
      "screen", "--patient", path, "--protocol", "NCT05270772", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let screening = try #require(try result.json() as? [String: Any])
    #expect(screening["patient"] as? String == "C1")
    #expect(screening["screeningDate"] as? String == "2026-11-20")
    let reports = try #require(screening["results"] as? [[String: Any]])
    #expect(reports.count == 1)
    #expect(reports[0]["protocol"] as? String == "NCT05270772")
    #expect(reports[0]["status"] as? String == "ineligible")  // HBsAg positive (E3)
    let criteria = try #require(reports[0]["criteria"] as? [[String: Any]])
    let i3 = try #require(criteria.first { $0["id"] as? String == "I3" })
    #expect(i3["verdict"] as? String == "met")  // 15.99 y: Lansky 60 ≥ 50 (Karnofsky 60 would fail)
    #expect((i3["evidence"] as? String)?.contains("Lansky 60 ≥ 50") == true)
    let e3 = try #require(criteria.first { $0["id"] as? String == "E3" })
    #expect(e3["verdict"] as? String == "notMet")
    #expect(criteria.allSatisfy { $0["missing"] is [String] && $0["evidence"] is String })
  }

  @Test func allProtocolsSortedEligibleFirst() throws {
    let path = try CLIRunner.temporaryFile(Self.patient, name: "patient.json")
    let result = try CLIRunner.run(["screen", "--patient", path, "--all", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let screening = try #require(try result.json() as? [String: Any])
    #expect(screening["patient"] as? String == "C1" && screening["screeningDate"] as? String == "2026-11-20")
    let reports = try #require(screening["results"] as? [[String: Any]])
    #expect(reports.count == 5)
    let rank = ["eligible": 0, "pendingAttestation": 1, "incomplete": 2, "ineligible": 3]
    let ranks = reports.compactMap { rank[$0["status"] as? String ?? ""] }
    #expect(ranks.count == 5)
    #expect(ranks == ranks.sorted())
  }

  @Test func batchStreamsOneLinePerPatientAndReportsBadLines() throws {
    let line = Self.patient.replacingOccurrences(of: "\n", with: " ")
    let bad = #"{"id": "B", "screeningDate": "2026-11-20", "demographics": {"weight": {"value": -1}}}"#
    let path = try CLIRunner.temporaryFile([line, bad, line].joined(separator: "\n"), name: "batch.ndjson")
    let result = try CLIRunner.run(["screen", "--patients", path, "--all", "--format", "ndjson"])
    #expect(result.status != 0)
    let lines = result.stdout.split(separator: "\n")
    try #require(lines.count == 2)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["patient"] as? String == "C1")
    #expect(first["screeningDate"] as? String == "2026-11-20")
    #expect(first["line"] as? Int == 1)
    #expect((first["results"] as? [Any])?.count == 5)
    // FILE:LINE:COLUMN of the bad value, the line being the NDJSON line.
    let column = bad.distance(from: bad.startIndex, to: bad.range(of: "-1}")!.lowerBound) + 1
    #expect(
      result.stderr.contains(
        "batch.ndjson:2:\(column): demographics.weight.value: expected a plausible weight, 0.5 to 500 kg, found -1 kg"
      ), "\(result.stderr)")
  }

  @Test func badRecordNamesTheJSONPath() throws {
    let path = try CLIRunner.temporaryFile(
      Self.patient.replacingOccurrences(of: "\"sex\": \"female\"", with: "\"sex\": \"female\", \"shoe\": 1"),
      name: "patient.json")
    let result = try CLIRunner.run(["screen", "--patient", path, "--protocol", "NCT05270772"])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "demographics.shoe: expected one of the fields birthDate, ageYears, sex, weight, height, found unknown field"
      ), "\(result.stderr)")
  }

  /// A 16-year-old is not an adult: with `--group A` (adults ≥ 18) the age criterion uses the
  /// group's range; without a group, the registry's 12–75 (which groups A and B cover together).
  @Test func groupAgeRangeDecidesTheAgeCriterion() throws {
    let teenager = try CLIRunner.temporaryFile(
      #"{"id": "T16", "screeningDate": "2026-11-20", "demographics": {"birthDate": "2010-06-01"}}"#,
      name: "patient.json")
    func age(_ extra: [String]) throws -> String? {
      let result = try CLIRunner.run(
        ["screen", "--patient", teenager, "--protocol", "NCT07470073", "--format", "json"] + extra)
      #expect(result.status == 0, "\(result.stderr)")
      let screening = try #require(try result.json() as? [String: Any])
      let reports = try #require(screening["results"] as? [[String: Any]])
      let criteria = try #require(reports.first?["criteria"] as? [[String: Any]])
      return criteria.first { $0["id"] as? String == "AGE" }?["verdict"] as? String
    }
    #expect(try age(["--group", "A"]) == "notMet")
    #expect(try age(["--group", "B"]) == "met")
    #expect(try age([]) == "met")
    let unknown = try CLIRunner.run([
      "screen", "--patient", teenager, "--protocol", "NCT07470073", "--group", "C",
    ])
    #expect(
      unknown.status != 0 && unknown.stderr.contains("--group: expected one of NCT07470073's groups A, B"),
      "\(unknown.stderr)")
    let all = try CLIRunner.run(["screen", "--patient", teenager, "--all", "--group", "A"])
    #expect(all.status != 0 && all.stderr.contains("--group"), "\(all.stderr)")
  }

  @Test func onDateMovesTheScreening() throws {
    let adult = Self.patient.replacingOccurrences(of: "2010-11-21", with: "2008-11-21")
    let path = try CLIRunner.temporaryFile(adult, name: "patient.json")
    let result = try CLIRunner.run([
      "screen", "--patient", path, "--protocol", "NCT05350787", "--on", "2026-11-21", "--format", "json",
    ])
    let screening = try #require(try result.json() as? [String: Any])
    #expect(screening["screeningDate"] as? String == "2026-11-21")  // --on, not the record's date
    let reports = try #require(screening["results"] as? [[String: Any]])
    let criteria = try #require(reports.first?["criteria"] as? [[String: Any]])
    let age = try #require(criteria.first { $0["id"] as? String == "I3" })
    #expect(age["verdict"] as? String == "met")  // 18th birthday
    let before = try CLIRunner.run([
      "screen", "--patient", path, "--protocol", "NCT05350787", "--format", "json",
    ])
    let earlier = try #require(try before.json() as? [String: Any])
    #expect(earlier["screeningDate"] as? String == "2026-11-20")
    let criteriaBefore = try #require(
      (earlier["results"] as? [[String: Any]])?.first?["criteria"] as? [[String: Any]])
    #expect(criteriaBefore.first { $0["id"] as? String == "I3" }?["verdict"] as? String == "notMet")
  }

  @Test func usageErrors() throws {
    #expect(try CLIRunner.run(["screen", "--all"]).status != 0)
    let path = try CLIRunner.temporaryFile(Self.patient, name: "patient.json")
    #expect(try CLIRunner.run(["screen", "--patient", path]).status != 0)
    #expect(try CLIRunner.run(["screen", "--patients", path, "--all"]).status != 0)
    #expect(try CLIRunner.run(["screen", "--patient", path, "--all", "--on", "2026-13-01"]).status != 0)
  }

  private static func foundationLine(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
  }

  @Test func handWrittenNDJSONMatchesJSONEncoderByteForByte() throws {
    // The bundled protocols and one criterion that depends on a setting (it reports an assumption).
    let setting = Criterion(
      id: "I1", text: "Karnofsky or Lansky by age", kind: .inclusion,
      expression: "if age < lanskyAgeLimit then lansky >= 50 else karnofsky >= 70")
    let trials =
      try ProtocolLibrary.bundled().map { try CriteriaCompiler.compile($0) }
      + [try CriteriaCompiler.compile(protocolID: "TEST", criteria: [setting])]
    let variants = [
      Self.patient,
      Self.patient.replacingOccurrences(of: "\"C1\"", with: #""C/2 \"quoted\" \\ tab\t é 🧬""#),
      Self.patient.replacingOccurrences(of: "2010-11-21", with: "1961-02-28")
        .replacingOccurrences(
          of: "\"history\": {\"complete\": true, \"events\": []}", with: #""history": {"complete": false}"#),
      Self.patient.replacingOccurrences(of: #""id": "C1", "#, with: ""),
    ]
    var undated = try PatientRecord(json: Data(Self.patient.utf8))
    undated.screeningDate = nil  // only a record built in code has none: the key is omitted
    let records = try variants.map { try PatientRecord(json: Data($0.utf8)) } + [undated]
    for (n, record) in records.enumerated() {
      for line in [n + 1, nil] {
        let screening = PatientScreening(record, against: trials, line: line)
        #expect(screening.results.count == trials.count)
        #expect(screening.results.contains { !$0.assumptions.isEmpty })
        var bytes: [UInt8] = []
        ScreeningJSON.appendLine(screening, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == (try Self.foundationLine(screening)))
        #expect(try JSONDecoder().decode(PatientScreening.self, from: Data(bytes)) == screening)
      }
    }
  }

  @Test func jsonStringEscapesMatchJSONEncoder() throws {
    var samples = [
      "", "plain", "a/b", #"q"uote"#, #"back\slash"#, "µmol/L ≥ 30 – ×ULN m²", "🧬\u{2028}\u{7F}",
    ]
    samples += (0..<32).map { "x\(Character(Unicode.Scalar(UInt8($0))))y" }
    for text in samples {
      var bytes: [UInt8] = []
      ScreeningJSON.appendString(text, to: &bytes)
      let expected = try Self.foundationLine(text)
      #expect(String(decoding: bytes, as: UTF8.self) + "\n" == expected, "\(text.debugDescription)")
    }
  }

  @Test func orderedParallelMapKeepsInputOrder() {
    for count in [0, 1, 2, 3, 1_000, 2_049] {
      let items = Array(0..<count)
      #expect(ScreeningStream.orderedParallelMap(items) { $0 * 3 } == items.map { $0 * 3 })
    }
  }
}
