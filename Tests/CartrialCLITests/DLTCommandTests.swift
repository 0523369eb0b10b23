import Foundation
import Testing

/// `cartrial dlt`: verdicts against a seed protocol's DLT rules, naming the deciding events.
struct DLTCommandTests {
  static func subject(_ assessments: String, through: Int = 30) -> String {
    #"{"subjectId": "S-01", "ageYears": 30, "observedThroughDay": \#(through), "assessments": [\#(assessments)]}"#
  }

  func run(_ json: String) throws -> [String: Any] {
    let file = try CLIRunner.temporaryFile(json, name: "subject.json")
    let result = try CLIRunner.run([
      "dlt", "--protocol", "NCT05350787", "--subject", file, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    return try #require(try result.json() as? [String: Any])
  }

  @Test func grade4CRSIsADLT() throws {
    let out = try run(
      Self.subject(#"{"day": 3, "crs": {"temperatureCelsius": 39, "hypotension": true, "vasopressors": 2}}"#))
    #expect(out["verdict"] as? String == "dlt")
    let deciding = try #require(out["decidingEvents"] as? [[String: Any]])
    #expect(deciding.first?["rule"] as? String == "crs-grade-4")
    let assumptions = try #require(out["assumptions"] as? [[String: String]])
    #expect(assumptions.contains { $0["setting"] == "crs-grade-4" && $0["assumption"]?.isEmpty == false })
  }

  @Test func resolvedICANSIsNoDLTAndAnOpenWindowIsPending() throws {
    let icans = #"{"day": 5, "icansGrade": 3}, {"day": 7, "icansGrade": 1}"#
    #expect(try run(Self.subject(icans))["verdict"] as? String == "noDlt")
    #expect(try run(Self.subject(icans, through: 14))["verdict"] as? String == "pending")
  }

  @Test func badSubjectFileNamesTheField() throws {
    let file = try CLIRunner.temporaryFile(
      Self.subject(#"{"day": 2, "crs": {"temperatureCelsius": 38.5, "vasopressors": -1}}"#),
      name: "subject.json")
    let result = try CLIRunner.run(["dlt", "--protocol", "NCT05350787", "--subject", file])
    #expect(result.status != 0)
    #expect(result.stderr.contains("assessments[0].crs.vasopressors"))
  }

  @Test func unknownFieldInASubjectFileIsNamedWithItsPath() throws {
    // A misspelt "attributions" ignored would count a lymphodepletion toxicity as a DLT.
    let file = try CLIRunner.temporaryFile(
      Self.subject(#"{"day": 2, "crsGrade": 4, "atributions": ["lymphodepletion"]}"#), name: "subject.json")
    let result = try CLIRunner.run(["dlt", "--protocol", "NCT05350787", "--subject", file])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("assessments[0].atributions: expected one of the fields day, date, crs,"),
      "\(result.stderr)")
    #expect(result.stderr.contains("subject.json:"), "\(result.stderr)")
  }

  @Test func protocolIsRequiredAndNamedWhenMissing() throws {
    let help = try CLIRunner.run(["dlt", "--help"])
    #expect(help.stdout.contains("USAGE: cartrial dlt --protocol <protocol>"), "\(help.stdout)")
    let file = try CLIRunner.temporaryFile(Self.subject(#"{"day": 2, "crsGrade": 1}"#), name: "subject.json")
    let missing = try CLIRunner.run(["dlt", "--subject", file])
    #expect(
      missing.status != 0
        && missing.stderr.contains(
          "cartrial: error: --protocol: expected a value (it is required), found none")
    )
  }
}
