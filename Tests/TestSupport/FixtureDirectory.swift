import Foundation

/// A directory of reference files in the repository, read by file name.
///
/// The reference values live in `Tests/Fixtures/reference/<topic>` (each topic has a README that
/// says which software produced them); ``doseFinding``, ``clinical`` and ``registry`` name the
/// topics, ``examples`` the repository's `Examples` folder.
public struct FixtureDirectory: Sendable {
  /// The directory.
  public let url: URL

  /// A directory at `url`.
  public init(url: URL) { self.url = url }

  /// The repository root (two levels above this file: `Tests/TestSupport/`).
  public static let repository = FixtureDirectory(
    url: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent())

  /// `Tests/Fixtures/reference`.
  public static let reference = repository.subdirectory("Tests/Fixtures/reference")

  /// `Tests/Fixtures/reference/dosefinding`: BOIN, FIND and dfcrm outputs and the exact OC reference.
  public static let doseFinding = reference.subdirectory("dosefinding")

  /// `Tests/Fixtures/reference/clinical`: R survival and PKNCA outputs and their input data.
  public static let clinical = reference.subdirectory("clinical")

  /// `Tests/Fixtures/reference/registry`: ClinicalTrials.gov records.
  public static let registry = reference.subdirectory("registry")

  /// `Examples`: the example inputs the README uses.
  public static let examples = repository.subdirectory("Examples")

  /// The directory `path` below this one.
  public func subdirectory(_ path: String) -> FixtureDirectory {
    FixtureDirectory(url: url.appendingPathComponent(path, isDirectory: true))
  }

  /// The file `name` in this directory.
  public func url(_ name: String) -> URL { url.appendingPathComponent(name) }

  /// The file's bytes.
  public func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

  /// The file's text (UTF-8).
  public func text(_ name: String) throws -> String {
    try String(contentsOf: url(name), encoding: .utf8)
  }

  /// The file parsed by `JSONSerialization`.
  public func json(_ name: String) throws -> Any {
    try JSONSerialization.jsonObject(with: data(name))
  }

  /// The file decoded as `T`.
  public func decode<T: Decodable>(_ type: T.Type = T.self, from name: String) throws -> T {
    try JSONDecoder().decode(type, from: data(name))
  }
}
