import DoseFinding

/// What every design answer says about its design, under the same keys in every command and
/// API response: `design` (the registry's short name), `variant` (the rules followed, with their
/// reference implementation), `source` (`options` or `NCT… group G`), `levels` (the dose level of
/// each element of every per-dose array) and `notes` (assumptions, overrides and defaults).
public struct DesignHeader: Sendable, Hashable, Encodable {
  public var design: String
  public var variant: String
  public var source: String
  public var levels: [Int]
  public var notes: [SettingNote]

  public init(_ design: TrialDesign, extraNotes: [SettingNote] = []) {
    self.design = design.specification.name
    variant = design.design.variantName
    source = design.source.description
    levels = design.levels
    notes = design.notes + extraNotes
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
