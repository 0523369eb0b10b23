import Foundation
import Testing

@Suite struct ProtocolCommandTests {
  @Test func listGivesIdAndTitleForEveryBundledProtocol() throws {
    let result = try CLIRunner.run(["protocol", "list", "--format", "json"])
    #expect(result.status == 0)
    let rows = try #require(try result.json() as? [[String: Any]])
    #expect(
      Set(rows.compactMap { $0["id"] as? String }) == [
        "NCT05350787", "NCT05270772", "NCT04825496", "NCT05164042", "NCT07470073",
      ])
    #expect(rows.allSatisfy { ($0["title"] as? String)?.isEmpty == false })
  }

  @Test func showFlagsAssumptionsInTextAndJSON() throws {
    let text = try CLIRunner.run(["protocol", "show", "NCT07470073"])
    #expect(text.status == 0)
    #expect(text.stdout.contains("target DLT rate: 0.3  [assumption:"))
    #expect(text.stdout.contains("level -1: 1.5e8 cells"))
    let json = try CLIRunner.run(["protocol", "show", "NCT07470073", "--format", "json"])
    let object = try #require(try json.json() as? [String: Any])
    let groups = try #require(object["groups"] as? [[String: Any]])
    let design = try #require(groups[0]["design"] as? [String: Any])
    let target = try #require(design["target"] as? [String: Any])
    #expect(target["value"] as? Double == 0.3)
    #expect((target["assumption"] as? String)?.isEmpty == false)
  }

  @Test func checkExitsZeroWhenValidAndReportsLocationsWhenNot() throws {
    #expect(try CLIRunner.run(["protocol", "check", "NCT05270772"]).status == 0)
    let path = try CLIRunner.temporaryFile(
      "id: NCT00000001\ntitle: t\nphase: PHASE9\n", name: "broken.yaml")
    let result = try CLIRunner.run(["protocol", "check", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("broken.yaml:3:8: phase:"))
  }

  @Test func unknownProtocolIsAnError() throws {
    let result = try CLIRunner.run(["protocol", "show", "NCT99999999"])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "cartrial: error: --protocol: expected a bundled protocol id (NCT04825496, NCT05164042, NCT05270772, NCT05350787, NCT07470073) or a protocol file, found 'NCT99999999' (no bundled protocol and no such file)"
      ))
  }

  /// The README's `protocol check Examples/protocols/broken.yaml` example prints exactly its lines.
  @Test func readmeCheckExampleIsTrue() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let command = try #require(
      lines.firstIndex { $0.hasPrefix("$ cartrial protocol check Examples/protocols/broken.yaml") })
    let shown = lines[(command + 1)...].prefix { !$0.hasPrefix("```") && !$0.hasPrefix("$ ") }
    #expect(shown.count == 2)
    let file = "Examples/protocols/broken.yaml"
    let result = try CLIRunner.run(["protocol", "check", root.appendingPathComponent(file).path])
    #expect(result.status == 1)
    let printed = result.stderr.replacingOccurrences(of: root.appendingPathComponent(file).path, with: file)
    #expect(printed == shown.joined(separator: "\n") + "\n")
  }
}

@Suite struct ProtocolCriteriaCheckTests {
  /// A criterion expression that does not parse is reported at its file, line and column.
  @Test func badCriterionExpressionIsReportedWithItsLocation() throws {
    let yaml = """
      id: NCT00000001
      title: Test trial
      phase: PHASE1
      status: RECRUITING
      sponsor: Test sponsor
      product: {name: X, source: autologous, targets: [CD19]}
      enrollment: {target: 12}
      ages: {minimum: 18}
      groups:
        - id: main
          label: Adults
          ages: {minimum: 18}
          doseLevels:
            - {level: 1, dose: 1.0e6 cells/kg}
          startingLevel: 1
          design: {name: 3+3, target: 0.3, cohortSize: 3, maxSampleSize: 6, dltWindowDays: 28}
      criteria:
        inclusion:
          - id: I1
            text: Adults
            expression: "age >= >= 18 years"
      """
    let path = try CLIRunner.temporaryFile(yaml, name: "criteria.yaml")
    let result = try CLIRunner.run(["protocol", "check", path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("criteria.yaml:21:"))
    #expect(result.stderr.contains("I1"))
  }
}
