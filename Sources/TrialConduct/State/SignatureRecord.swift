import Foundation

/// A signature as the trial's state keeps it: who signed, what it means, and when (21 CFR
/// 11.50(a): the printed name of the signer, the date and time of signing, and the meaning).
public struct SignatureRecord: Sendable, Hashable {
  public var signature: Signature
  /// When the signature was recorded (the signature event's time, UTC).
  public var signedAt: Date
  /// The sequence of the signature event itself.
  public var sequence: Int

  public init(_ signature: Signature, signedAt: Date, sequence: Int) {
    self.signature = signature
    self.signedAt = signedAt
    self.sequence = sequence
  }

  /// `Dr Chen — approval — 2026-12-02T10:15:00Z` (the printed name, the meaning, the time).
  public var manifestation: String {
    "\(signature.signer) — \(signature.meaning.rawValue) — \(EventCoding.timestamp(signedAt))"
  }
}
