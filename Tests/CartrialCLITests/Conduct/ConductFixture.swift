import Foundation
import TestSupport
import Testing

/// A fresh SQLite database and signing key in a temporary folder, and patient records that are
/// eligible for NCT05350787 (the example patient with the conditions it asks about recorded).
struct ConductFixture {
  let directory: URL
  var db: String { directory.appendingPathComponent("trial.sqlite").path }
  var key: String { directory.appendingPathComponent("signing.key").path }

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-conduct-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// The options every conduct command of the fixture takes.
  var store: [String] { ["--db", db, "--key", key, "--actor", "T. Tester"] }

  /// Runs the built `cartrial ARGS --db … --key …` as its own process. (Not in process: a conduct
  /// command waits for its database work, which would hold one of the test runner's few threads.)
  func run(_ arguments: [String]) -> CLIRunner.Result {
    (try? CLIRunner.run(arguments + store))
      ?? CLIRunner.Result(status: -1, stdout: "", stderr: "the cartrial executable did not start")
  }

  /// A patient record eligible for NCT05350787 but for the investigator's attestation of I7.
  func eligiblePatient(_ id: String) throws -> String {
    let path = directory.appendingPathComponent("\(id).json").path
    try ExamplePatient.record(id: id).write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// Writes `text` to a file in the fixture's folder.
  func file(_ name: String, _ text: String) throws -> String {
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
