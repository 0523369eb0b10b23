/// The trial is opened on a protocol: its full text, exactly as loaded, and the text's SHA-256.
public struct TrialOpened: Codable, Sendable, Hashable {
  /// The trial's id in this database (the protocol's registry id unless given).
  public var trial: String
  /// The protocol file's text (YAML), exactly as it was read.
  public var protocolText: String
  /// SHA-256 of `protocolText`'s UTF-8 bytes, lowercase hex.
  public var protocolHash: String

  public init(trial: String, protocolText: String, protocolHash: String) {
    self.trial = trial
    self.protocolText = protocolText
    self.protocolHash = protocolHash
  }
}

/// A new protocol version comes into force.
public struct ProtocolAmended: Codable, Sendable, Hashable {
  public var protocolText: String
  public var protocolHash: String
  public var reason: String

  public init(protocolText: String, protocolHash: String, reason: String) {
    self.protocolText = protocolText
    self.protocolHash = protocolHash
    self.reason = reason
  }
}

/// A site may screen and enrol from now on.
public struct SiteActivated: Codable, Sendable, Hashable {
  public var site: String
  public var name: String?

  public init(site: String, name: String? = nil) {
    self.site = site
    self.name = name
  }
}

/// A correction of an earlier event: which one, its new payload (the same kind, the same
/// subject) and why. The original stays in the log, unchanged (21 CFR 11.10(e): prior values are
/// never obscured); the state reads the corrected payload in the original's place.
public struct Correction: Codable, Sendable, Hashable {
  public var sequence: Int
  public var reason: String
  public var replacement: EventBody

  public init(sequence: Int, reason: String, replacement: EventBody) {
    self.sequence = sequence
    self.reason = reason
    self.replacement = replacement
  }
}

/// An electronic signature on an event (21 CFR 11.50: the signer's printed name, the time, which
/// is the event's `recordedAt`, and the meaning of the signature).
public struct Signature: Codable, Sendable, Hashable {
  /// What the signature means (21 CFR 11.50(a)(3)).
  public enum Meaning: String, Codable, Sendable, Hashable, CaseIterable {
    case review, approval, responsibility
  }

  /// The signed event.
  public var sequence: Int
  /// The signer's printed name.
  public var signer: String
  public var meaning: Meaning

  public init(sequence: Int, signer: String, meaning: Meaning) {
    self.sequence = sequence
    self.signer = signer
    self.meaning = meaning
  }
}
