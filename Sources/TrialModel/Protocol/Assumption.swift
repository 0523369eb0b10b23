/// A setting in force whose value is an assumption rather than a fact of the registry record or
/// the protocol — the one shape every answer uses to say so (`assumptions` in JSON):
/// `{"setting": "target", "value": "0.3", "assumption": "registry says i3+3 without parameters; …"}`.
public struct Assumption: Codable, Sendable, Hashable, CustomStringConvertible {
  /// The setting, as named in the protocol file (`target`, `dltWindowDays`, `crs-grade-4`).
  public var setting: String
  /// Its value in force, as written.
  public var value: String
  /// Why the value was assumed.
  public var assumption: String

  public init(setting: String, value: String, assumption: String) {
    self.setting = setting
    self.value = value
    self.assumption = assumption
  }

  /// The assumption of `assumed`, or `nil` when its value is stated.
  public init?<Value>(_ setting: String, _ assumed: Assumed<Value>) {
    guard let reason = assumed.assumption else { return nil }
    self.init(setting: setting, value: "\(assumed.value)", assumption: reason)
  }

  /// `SETTING VALUE: ASSUMPTION`.
  public var description: String { "\(setting) \(value): \(assumption)" }
}
