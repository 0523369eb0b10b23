import Foundation
import Testing

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
    let reports = try #require(try result.json() as? [[String: Any]])
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
    let reports = try #require(try result.json() as? [[String: Any]])
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
    #expect(lines.count == 2)
    let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
    #expect(first["patient"] as? String == "C1")
    #expect((first["results"] as? [Any])?.count == 5)
    #expect(result.stderr.contains("batch.ndjson:2: demographics.weight.value: impossible value"))
  }

  @Test func badRecordNamesTheJSONPath() throws {
    let path = try CLIRunner.temporaryFile(
      Self.patient.replacingOccurrences(of: "\"sex\": \"female\"", with: "\"sex\": \"female\", \"shoe\": 1"),
      name: "patient.json")
    let result = try CLIRunner.run(["screen", "--patient", path, "--protocol", "NCT05270772"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("demographics.shoe: unknown field"))
  }

  @Test func onDateMovesTheScreening() throws {
    let adult = Self.patient.replacingOccurrences(of: "2010-11-21", with: "2008-11-21")
    let path = try CLIRunner.temporaryFile(adult, name: "patient.json")
    let result = try CLIRunner.run([
      "screen", "--patient", path, "--protocol", "NCT05350787", "--on", "2026-11-21", "--format", "json",
    ])
    let reports = try #require(try result.json() as? [[String: Any]])
    let criteria = try #require(reports[0]["criteria"] as? [[String: Any]])
    let age = try #require(criteria.first { $0["id"] as? String == "I3" })
    #expect(age["verdict"] as? String == "met")  // 18th birthday
    let before = try CLIRunner.run([
      "screen", "--patient", path, "--protocol", "NCT05350787", "--format", "json",
    ])
    let earlier = try #require(try before.json() as? [[String: Any]])
    let criteriaBefore = try #require(earlier[0]["criteria"] as? [[String: Any]])
    #expect(criteriaBefore.first { $0["id"] as? String == "I3" }?["verdict"] as? String == "notMet")
  }

  @Test func usageErrors() throws {
    #expect(try CLIRunner.run(["screen", "--all"]).status != 0)
    let path = try CLIRunner.temporaryFile(Self.patient, name: "patient.json")
    #expect(try CLIRunner.run(["screen", "--patient", path]).status != 0)
    #expect(try CLIRunner.run(["screen", "--patients", path, "--all"]).status != 0)
    #expect(try CLIRunner.run(["screen", "--patient", path, "--all", "--on", "2026-13-01"]).status != 0)
  }
}
