import Foundation
import ProtocolFiles
import Registry
import TestSupport
import TrialModel

/// Where the registry test inputs are: the shared reference records (real corpus, real and
/// reconstructed seeds) and this repository's reconstructed seeds and malformed records.
enum ImportFixtures {
  /// `shared/reference/registry`, found by walking up from the repository (a worktree may sit
  /// deeper than the main checkout).
  static let shared: URL? = {
    var url = FixtureDirectory.repository.url
    for _ in 0..<4 {
      let candidate = url.appendingPathComponent("shared/reference/registry", isDirectory: true)
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      url = url.deletingLastPathComponent()
    }
    return nil
  }()

  /// `Tests/Fixtures/registry`.
  static let local = FixtureDirectory.repository.url.appendingPathComponent(
    "Tests/Fixtures/registry", isDirectory: true)

  /// The five seed records as v2 JSON files.
  static func seedFiles() throws -> [String: URL] {
    let shared = try requireShared()
    return [
      "NCT05164042": shared.appendingPathComponent("NCT05164042.json"),
      "NCT05350787": shared.appendingPathComponent("NCT05350787.reconstructed.json"),
      "NCT04825496": local.appendingPathComponent("NCT04825496.reconstructed.json"),
      "NCT05270772": local.appendingPathComponent("NCT05270772.reconstructed.json"),
      "NCT07470073": local.appendingPathComponent("NCT07470073.reconstructed.json"),
    ]
  }

  static func requireShared() throws -> URL {
    guard let shared else { throw MissingFixture(what: "shared/reference/registry above the repository") }
    return shared
  }

  static func record(_ url: URL) throws -> RegistryRecord {
    try RegistryRecord(json: Data(contentsOf: url), source: url.lastPathComponent)
  }

  struct MissingFixture: Error { var what: String }
}
