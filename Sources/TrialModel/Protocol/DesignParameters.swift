import Inputs

/// The dose-finding design of a group as the protocol file states it: plain data, turned into an
/// executable design by the `DoseFinding` module's design registry.
///
/// The keys every design has are stored properties; every other key of `design:` is a parameter
/// of that design (`equivalenceInterval`, `phi1`, `skeleton`, `variant`, …), kept in ``settings``
/// and checked against the design's specification when the protocol is loaded.
public struct DesignParameters: Codable, Sendable, Hashable {
  /// Design name as registered (`3+3`, `i3+3`, `boin`, `mtpi2`, `crm`; case-insensitive, aliases).
  public var name: String
  /// Target DLT rate φ.
  public var target: Assumed<Double>
  /// Patients per cohort.
  public var cohortSize: Assumed<Int>
  /// Maximum number of patients in this group's escalation.
  public var maxSampleSize: Assumed<Int>
  /// The DLT observation window after infusion, in days.
  public var dltWindowDays: Assumed<Int>
  /// The design's own parameters by name, each possibly an assumption.
  public var settings: [String: Assumed<SettingValue>]

  public init(
    name: String, target: Assumed<Double>, cohortSize: Assumed<Int>, maxSampleSize: Assumed<Int>,
    dltWindowDays: Assumed<Int>, settings: [String: Assumed<SettingValue>] = [:]
  ) {
    self.name = name
    self.target = target
    self.cohortSize = cohortSize
    self.maxSampleSize = maxSampleSize
    self.dltWindowDays = dltWindowDays
    self.settings = settings
  }

  /// The keys that are not design parameters.
  static let commonKeys = ["name", "target", "cohortSize", "maxSampleSize", "dltWindowDays"]

  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Key.self)
    name = try c.decode(String.self, forKey: Key("name"))
    target = try c.decode(Assumed<Double>.self, forKey: Key("target"))
    cohortSize = try c.decode(Assumed<Int>.self, forKey: Key("cohortSize"))
    maxSampleSize = try c.decode(Assumed<Int>.self, forKey: Key("maxSampleSize"))
    dltWindowDays = try c.decode(Assumed<Int>.self, forKey: Key("dltWindowDays"))
    var settings: [String: Assumed<SettingValue>] = [:]
    for key in c.allKeys where !Self.commonKeys.contains(key.stringValue) {
      settings[key.stringValue] = try c.decode(Assumed<SettingValue>.self, forKey: key)
    }
    self.settings = settings
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Key.self)
    try c.encode(name, forKey: Key("name"))
    try c.encode(target, forKey: Key("target"))
    try c.encode(cohortSize, forKey: Key("cohortSize"))
    try c.encode(maxSampleSize, forKey: Key("maxSampleSize"))
    try c.encode(dltWindowDays, forKey: Key("dltWindowDays"))
    for (name, value) in settings.sorted(by: { $0.key < $1.key }) {
      try c.encode(value, forKey: Key(name))
    }
  }
}
