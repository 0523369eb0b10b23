import Foundation
import TrialConduct

/// One fact in the registry log: a ClinicalTrials.gov record imported (or imported again, changed),
/// with who imported it, when and why.
///
/// The registry log is an event log like a trial's (append-only, hash-chained, verified by
/// `audit verify`), so which version of a registry record a draft protocol or a pre-screening was
/// made from can always be shown. The record is kept verbatim, as the registry wrote it.
public struct RegistryEvent: Codable, Sendable, Hashable {
  public var recordedAt: Date
  public var by: String
  public var reason: String?
  /// `NCT` + 8 digits.
  public var nctId: String
  /// The file (or label) it was read from.
  public var source: String
  /// The SHA-256 of ``document``, hex.
  public var sha256: String
  /// The record's JSON, verbatim.
  public var document: String

  public var kind: String { "registryRecordImported" }

  static func encode(_ event: RegistryEvent) -> [UInt8] {
    // Plain data: encoding cannot fail.
    Array(try! EventCoding.encoder().encode(event))
  }

  static func decode(_ bytes: [UInt8]) throws -> RegistryEvent {
    try EventCoding.decoder().decode(RegistryEvent.self, from: Data(bytes))
  }
}
