import Foundation
import Testing

/// `cartrial response`: best overall response and ORR with the exact Clopper–Pearson interval,
/// checked against R's `binom.test(x, 10)$conf.int`.
struct ResponseCommandTests {
  static let remission = #"""
    {"day": 28, "marrowBlastsPercent": 1, "anc": {"value": 2, "unit": "x10^9/L"},
     "platelets": {"value": 150, "unit": "x10^9/L"}, "mrd": {"value": 0, "sensitivity": 1e-5}},
    {"day": 56, "marrowBlastsPercent": 1, "anc": {"value": 2, "unit": "x10^9/L"},
     "platelets": {"value": 150, "unit": "x10^9/L"}}
    """#
  static let failure = #"{"day": 28, "marrowBlastsPercent": 50}"#

  static func cohort(responders: Int, of n: Int) -> String {
    let subjects = (0..<n).map { i in
      #"{"subjectId": "S-\#(i)", "response": {"baseline": {"marrowBlastsPercent": 60}, "assessments": ["#
        + (i < responders ? remission : failure) + "]}}"
    }
    return "[" + subjects.joined(separator: ",") + "]"
  }

  func orr(responders: Int, of n: Int) throws -> [String: Any] {
    let file = try CLIRunner.temporaryFile(Self.cohort(responders: responders, of: n), name: "cohort.json")
    let result = try CLIRunner.run([
      "response", "--protocol", "NCT05350787", "--subject", file, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let out = try #require(try result.json() as? [String: Any])
    return try #require(out["orr"] as? [String: Any])
  }

  @Test(arguments: [
    (0, 0.0, 0.3084971), (3, 0.06673951, 0.6524529), (10, 0.6915029, 1.0),
  ])
  func clopperPearsonKnownValues(_ responders: Int, _ lower: Double, _ upper: Double) throws {
    let orr = try orr(responders: responders, of: 10)
    #expect(abs((orr["lower"] as? Double ?? -1) - lower) < 1e-6)
    #expect(abs((orr["upper"] as? Double ?? -1) - upper) < 1e-6)
    let counts = try #require(orr["counts"] as? [String: Any])
    #expect(counts["responders"] as? Int == responders)
  }

  @Test func singleSubjectBestResponse() throws {
    let file = try CLIRunner.temporaryFile(
      #"{"subjectId": "S-1", "response": {"baseline": {"marrowBlastsPercent": 60}, "assessments": [\#(Self.remission)]}}"#,
      name: "subject.json")
    let result = try CLIRunner.run([
      "response", "--protocol", "NCT05350787", "--subject", file, "--format", "json",
    ])
    let out = try #require(try result.json() as? [String: Any])
    #expect(out["bestResponse"] as? String == "CR" && out["responder"] as? Bool == true)
    #expect(out["mrdNegativeRemission"] as? Bool == true)
    let text = try CLIRunner.run(["response", "--protocol", "NCT05350787", "--subject", file])
    #expect(text.stdout.contains("S-1: CR [confirmedRemission]"))
  }

  @Test func negativeMRDIsRejected() throws {
    let file = try CLIRunner.temporaryFile(
      #"{"response": {"assessments": [{"day": 28, "marrowBlastsPercent": 1, "mrd": {"value": -0.1, "sensitivity": 1e-5}}]}}"#,
      name: "subject.json")
    let result = try CLIRunner.run(["response", "--protocol", "NCT05350787", "--subject", file])
    #expect(result.status != 0 && result.stderr.contains("response.assessments[0].mrd.value"))
  }

  /// `--protocol` is required: the help says so, and leaving it out names it (not the top-level usage).
  @Test func protocolIsRequiredAndNamedWhenMissing() throws {
    let help = try CLIRunner.run(["response", "--help"])
    #expect(help.stdout.contains("USAGE: cartrial response --protocol <protocol>"), "\(help.stdout)")
    let file = try CLIRunner.temporaryFile(
      #"{"subjectId": "S-1", "response": {"assessments": []}}"#, name: "subject.json")
    let missing = try CLIRunner.run(["response", "--subject", file])
    #expect(missing.status != 0)
    #expect(
      missing.stderr.contains("cartrial: error: --protocol: expected a value (it is required), found none"),
      "\(missing.stderr)")
    #expect(missing.stderr.contains("Usage: cartrial response"), "\(missing.stderr)")
  }

  @Test func unknownGroupIsRejectedListingTheGroups() throws {
    let file = try CLIRunner.temporaryFile(
      #"{"subjectId": "S-1", "response": {"assessments": []}}"#, name: "subject.json")
    let result = try CLIRunner.run([
      "response", "--protocol", "NCT07470073", "--group", "Z", "--subject", file,
    ])
    #expect(
      result.status != 0
        && result.stderr.contains("--group: expected one of NCT07470073's groups A, B, found \"Z\""))
    let known = try CLIRunner.run([
      "response", "--protocol", "NCT07470073", "--group", "b", "--subject", file,
    ])
    #expect(known.status == 0, "\(known.stderr)")
  }

  @Test func emptyArrayIsAnErrorNotACrash() throws {
    let file = try CLIRunner.temporaryFile("[]", name: "subjects.json")
    for format in ["json", "text"] {
      let result = try CLIRunner.run([
        "response", "--protocol", "NCT05350787", "--subject", file, "--format", format,
      ])
      #expect(result.status == 1, "\(format): \(result.stderr)")
      #expect(result.stderr.contains("subjects.json: expected at least one subject record"))
    }
  }

  @Test func arrayFileWithAByteOrderMarkIsACohort() throws {
    let json = "\u{FEFF}[{\"subjectId\": \"S-1\", \"response\": {\"assessments\": [\(Self.remission)]}}]"
    let file = try CLIRunner.temporaryFile(json, name: "subjects.json")
    let result = try CLIRunner.run([
      "response", "--protocol", "NCT05350787", "--subject", file, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let out = try #require(try result.json() as? [String: Any])
    #expect((out["orr"] as? [String: Any])?["estimate"] as? Double == 1)
  }
}
