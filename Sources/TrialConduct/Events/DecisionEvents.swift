/// The design's recommendation for a group after a cohort: its inputs, decision and explanation,
/// recorded by the system once the cohort's DLT outcomes decide it.
public struct RecommendationMade: Codable, Sendable, Hashable {
  /// Evaluable patients and DLTs at one level (the design's input).
  public struct LevelTally: Codable, Sendable, Hashable {
    public var level: Int
    public var patients: Int
    public var dlts: Int

    public init(level: Int, patients: Int, dlts: Int) {
      self.level = level
      self.patients = patients
      self.dlts = dlts
    }
  }

  public var group: String
  /// The cohort the recommendation follows (1, 2, …).
  public var cohort: Int
  /// The level the cohort was treated at.
  public var level: Int
  public var counts: [LevelTally]
  /// `E`, `S`, `D`, `DU` or `stop`.
  public var decision: String
  /// The recommended level for the next cohort (`nil` when the design stops).
  public var nextLevel: Int?
  /// Why the design stops, when it does.
  public var stopReason: String?
  /// Levels the design has eliminated (never assigned again).
  public var eliminated: [Int]
  public var explanation: [String]
  /// The design's name (`BOIN`, `3+3`, …) and the version of cartrial that computed it.
  public var design: String
  public var designVersion: String

  public init(
    group: String, cohort: Int, level: Int, counts: [LevelTally], decision: String, nextLevel: Int?,
    stopReason: String?, eliminated: [Int], explanation: [String], design: String, designVersion: String
  ) {
    self.group = group
    self.cohort = cohort
    self.level = level
    self.counts = counts
    self.decision = decision
    self.nextLevel = nextLevel
    self.stopReason = stopReason
    self.eliminated = eliminated
    self.explanation = explanation
    self.design = design
    self.designVersion = designVersion
  }
}

/// The investigator (or safety review committee) confirms the recommendation after a cohort.
public struct RecommendationConfirmed: Codable, Sendable, Hashable {
  public var group: String
  public var cohort: Int

  public init(group: String, cohort: Int) {
    self.group = group
    self.cohort = cohort
  }
}

/// The recommendation is overridden: the next cohort goes to `level` instead, for `reason`.
public struct RecommendationOverridden: Codable, Sendable, Hashable {
  public var group: String
  public var cohort: Int
  public var level: Int
  public var reason: String

  public init(group: String, cohort: Int, level: Int, reason: String) {
    self.group = group
    self.cohort = cohort
    self.level = level
    self.reason = reason
  }
}
