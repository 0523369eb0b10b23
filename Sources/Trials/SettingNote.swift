/// A design setting whose value is not a plain fact: an assumption of the protocol (the registry
/// record does not state it), a value given by the user over the protocol's, or a default in force.
public struct SettingNote: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Why the note is there.
  public enum Kind: String, Sendable, Hashable, Codable {
    /// The protocol assumes the value; ``reason`` says why.
    case assumption
    /// The user's value replaces the protocol's (``protocolValue``).
    case override
    /// Not given anywhere: the design's default is in force.
    case defaultValue = "default"
  }

  public var kind: Kind
  /// The setting (`target`, `cohortSize`, `equivalenceInterval`, `startingLevel`, …).
  public var setting: String
  /// The value in force, as written.
  public var value: String
  /// The protocol's value, for an override.
  public var protocolValue: String?
  /// The reason of an assumption, or what the default is.
  public var reason: String?

  public init(
    _ kind: Kind, setting: String, value: String, protocolValue: String? = nil, reason: String? = nil
  ) {
    self.kind = kind
    self.setting = setting
    self.value = value
    self.protocolValue = protocolValue
    self.reason = reason
  }

  /// `target 0.2 (protocol: 0.3, overridden)`, `assumed target 0.3: …`, `equivalenceInterval …
  /// (default: …)`.
  public var description: String {
    switch kind {
    case .override: "\(setting) \(value) (protocol: \(protocolValue ?? "none"), overridden)"
    case .assumption: "assumed \(setting) \(value): \(reason ?? "")"
    case .defaultValue: "\(setting) not given: default \(value)" + (reason.map { " (\($0))" } ?? "")
    }
  }
}
