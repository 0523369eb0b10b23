import Foundation
import ProtocolFiles
import Testing

/// `cartrial protocol draft FILE.json`: a draft that loads, and errors naming the JSON path.
@Suite struct ProtocolDraftCommandTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Fixtures/registry")

  @Test func draftsARecordThatLoads() throws {
    let path = Self.fixtures.appendingPathComponent("NCT05270772.reconstructed.json").path
    let result = try CLIRunner.run(["protocol", "draft", path])
    #expect(result.status == 0, "\(result.stderr)")
    let trial = try ProtocolLoader.load(yaml: result.stdout, file: "draft.yaml")
    #expect(trial.id == "NCT05270772")
    #expect(trial.criteria.inclusion.count == 5 && trial.criteria.exclusion.count == 11)
    #expect(
      trial.criteria.exclusion.last?.text.hasPrefix(
        "Any condition that would, in the investigator's judgment") == true)
  }

  @Test func refusesAMalformedRecordNamingThePath() throws {
    let path = Self.fixtures.appendingPathComponent("malformed/bad-status.json").path
    let result = try CLIRunner.run(["protocol", "draft", path])
    #expect(result.status != 0)
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains(path + ":"))
    #expect(
      result.stderr.contains(
        "protocolSection.statusModule.overallStatus: expected one of ACTIVE_NOT_RECRUITING"))
    #expect(result.stderr.contains("found \"OPEN\""))
  }

  @Test func helpSaysOnlyAPathIsAccepted() throws {
    let result = try CLIRunner.run(["protocol", "draft", "--help"])
    let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(
      words.contains("Looking an NCT id up in the local registry is not available yet: give a file path."))
  }
}
