import Foundation
import TrialConduct

/// One row of `audit log`: every event with its sequence, recorded time, actor, role, site, kind,
/// one-line summary and hash.
public struct AuditEntry: Codable, Sendable, Hashable {
  public var sequence: Int
  public var recordedAt: String
  public var clinicalDate: String?
  public var actor: String
  public var role: String
  public var site: String?
  public var kind: String
  public var summary: String
  /// SHA-256 of the stored event (lowercase hex), and of the one before it.
  public var hash: String
  public var previousHash: String

  /// The CSV columns, in order.
  public static let columns = [
    "sequence", "recordedAt", "clinicalDate", "actor", "role", "site", "kind", "summary", "hash",
    "previousHash",
  ]

  public var row: [String] {
    [
      "\(sequence)", recordedAt, clinicalDate ?? "", actor, role, site ?? "", kind, summary, hash,
      previousHash,
    ]
  }
}

extension TrialLedger {
  /// Every event of `trial`, oldest first, as the audit log shows it.
  public func audit(_ trial: String) async throws -> [AuditEntry] {
    let stored = try await store.events(trial: trial)
    guard !stored.isEmpty else { _ = try await log(trial); return [] }
    var rows: [AuditEntry] = []
    for e in stored {
      let event = try EventCoding.decode(e.bytes, sequence: e.sequence)
      rows.append(
        AuditEntry(
          sequence: e.sequence, recordedAt: EventCoding.timestamp(event.recordedAt),
          clinicalDate: event.clinicalDate?.description, actor: event.actor.name,
          role: event.actor.role.rawValue,
          site: event.actor.site, kind: e.kind, summary: event.body.summary, hash: Self.hex(e.hash),
          previousHash: Self.hex(e.previousHash)))
    }
    return rows
  }

  static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
