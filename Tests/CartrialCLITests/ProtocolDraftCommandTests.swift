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

  @Test func helpSaysARecordIsAnNCTIdOrAFile() throws {
    let result = try CLIRunner.run(["protocol", "draft", "--help"])
    let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("RECORD is an NCT id of the local registry"))
    #expect(words.contains("suggested: true"))
  }

  @Test func anNCTIdNotInTheRegistryIsAClearError() throws {
    let db = FileManager.default.temporaryDirectory.appendingPathComponent(
      "draft-\(UUID().uuidString).sqlite"
    ).path
    let result = try CLIRunner.run(["protocol", "draft", "NCT99999999", "--db", db])
    #expect(result.status != 0 && result.stdout.isEmpty)
    #expect(result.stderr.contains("RECORD: expected an NCT id of the local registry"))
    #expect(result.stderr.contains("found NCT99999999"))
  }
}
