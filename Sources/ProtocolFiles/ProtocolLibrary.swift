import Foundation
import Inputs
import TrialModel

/// Where every shell (the CLI, the trial store, the web server) gets a protocol: by bundled id or
/// by file path, loaded, validated and with its criteria expressions type-checked.
///
/// ```swift
/// let trial = try ProtocolLibrary.load("NCT07470073")            // bundled, any case
/// let mine = try ProtocolLibrary.load("trials/my-trial.yaml")    // a file
/// ```
///
/// Errors are ``InputErrors`` located in the file (`cartrial: error: FILE:LINE:COLUMN: FIELD: expected …,
/// found …`); an id that is neither bundled nor a file is `.notFound` and lists the bundled ids.
public enum ProtocolLibrary {
  /// Ids of the bundled protocols, sorted.
  public static var bundledIDs: [String] { BundledProtocols.ids }

  /// Every bundled protocol, in id order.
  /// - Throws: ``InputErrors`` when a bundled file does not load (a packaging defect).
  public static func bundled() throws(InputErrors) -> [TrialProtocol] {
    var protocols: [TrialProtocol] = []
    for url in BundledProtocols.urls {
      protocols.append(try ProtocolLoader.load(contentsOf: url, displayName: url.lastPathComponent))
    }
    return protocols
  }

  /// The bundled protocol with id `reference` (case-insensitive), else the protocol file at the
  /// path `reference` (errors name the file as given).
  /// - Throws: ``InputErrors``: every problem of the file (see ``ProtocolLoader/load(yaml:file:)``),
  ///   or one `.notFound` error of the field `protocol` when `reference` is neither.
  public static func load(_ reference: String) throws(InputErrors) -> TrialProtocol {
    if let url = BundledProtocols.url(forID: reference) {
      return try ProtocolLoader.load(contentsOf: url, displayName: url.lastPathComponent)
    }
    guard FileManager.default.fileExists(atPath: reference) else {
      throw InputErrors([
        InputError(
          .notFound, field: "protocol",
          expected: "a bundled protocol id (\(bundledIDs.joined(separator: ", "))) or a protocol file",
          found: "'\(reference)' (no bundled protocol and no such file)")
      ])
    }
    return try ProtocolLoader.load(contentsOf: URL(fileURLWithPath: reference), displayName: reference)
  }
}
