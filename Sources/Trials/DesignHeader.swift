import DoseFinding
import TrialModel

/// What every design answer says about its design, under the same keys in every command and
/// API response: `design` (the registry's short name), `variant` (the rules followed, with their
/// reference implementation), `source` (`options` or `NCT… group G`), `levels` (the dose level of
/// each element of every per-dose array), and the settings that are not plain facts:
/// `assumptions` (`[{setting, value, assumption}]`, the shape every command uses), `overrides`
/// (`[{setting, value, protocolValue}]`) and `defaults` (`[{setting, value, reason?}]`).
public struct DesignHeader: Sendable, Hashable, Encodable {
  public var design: String
  public var variant: String
  public var source: String
  /// Where the design came from, as a value.
  public var sourceKind: TrialDesign.Source
  public var levels: [Int]
  /// Assumptions, overrides and defaults, in setting order.
  public var notes: [SettingNote]

  public init(_ design: TrialDesign, extraNotes: [SettingNote] = []) {
    self.design = design.specification.name
    variant = design.design.variantName
    source = design.source.description
    sourceKind = design.source
    levels = design.levels
    notes = design.notes + extraNotes
  }

  /// The assumed settings, in the shape every answer uses.
  public var assumptions: [Assumption] {
    notes.compactMap { note in
      guard note.kind == .assumption, let reason = note.reason else { return nil }
      return Assumption(setting: note.setting, value: note.value, assumption: reason)
    }
  }

  /// A value given over the protocol's.
  public struct Override: Sendable, Hashable, Codable {
    public var setting: String
    public var value: String
    public var protocolValue: String?
  }

  /// A setting not given anywhere, whose default is in force.
  public struct Default: Sendable, Hashable, Codable {
    public var setting: String
    public var value: String
    public var reason: String?
  }

  public var overrides: [Override] {
    notes.filter { $0.kind == .override }.map {
      Override(setting: $0.setting, value: $0.value, protocolValue: $0.protocolValue)
    }
  }

  public var defaults: [Default] {
    notes.filter { $0.kind == .defaultValue }.map {
      Default(setting: $0.setting, value: $0.value, reason: $0.reason)
    }
  }

  /// The protocol and group the design comes from (`nil` for options).
  public var protocolGroup: (protocol: String, group: String)? {
    guard case .protocolGroup(let trial, let group, _) = sourceKind else { return nil }
    return (trial, group)
  }

  enum Keys: String, CodingKey {
    case design, variant, source, `protocol`, group, levels, assumptions, overrides, defaults
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(design, forKey: .design)
    try c.encodeIfPresent(protocolGroup?.protocol, forKey: .protocol)
    try c.encodeIfPresent(protocolGroup?.group, forKey: .group)
    try c.encode(variant, forKey: .variant)
    try c.encode(source, forKey: .source)
    try c.encode(levels, forKey: .levels)
    try c.encode(assumptions, forKey: .assumptions)
    try c.encode(overrides, forKey: .overrides)
    try c.encode(defaults, forKey: .defaults)
  }
}

/// Patients and DLTs at one dose level, named by its level.
public struct LevelCounts: Sendable, Hashable, Codable {
  public var level: Int
  public var patients: Int
  public var dlts: Int

  public init(level: Int, patients: Int, dlts: Int) {
    self.level = level
    self.patients = patients
    self.dlts = dlts
  }
}

extension TrialDesign {
  /// `counts` padded with untreated doses to every level, each named by its level.
  func levelCounts(_ counts: [DoseCounts]) -> [LevelCounts] {
    levels.indices.map { i in
      let c = i < counts.count ? counts[i] : DoseCounts()
      return LevelCounts(level: levels[i], patients: c.patients, dlts: c.dlts)
    }
  }
}
