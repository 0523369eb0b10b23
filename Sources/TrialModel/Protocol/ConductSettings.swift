/// How a protocol runs its cohorts, where protocols differ (the protocol file's `conduct:` section).
///
/// The defaults are the usual phase I conduct of the bundled seed protocols: a subject who is not
/// infused or not evaluable for DLT is replaced, the next cohort waits for the confirmed decision
/// on the one before, and an override may stay or go down but never above the recommendation.
public struct ConductSettings: Codable, Sendable, Hashable {
  /// Whether a subject who leaves before infusion, or is adjudicated not evaluable for DLT, frees
  /// the slot for a replacement (default `true`).
  public var replaceNotEvaluable: Bool
  /// Whether an override may assign a level above the design's recommendation (default `false`;
  /// never an untried level beyond the next, never an eliminated one).
  public var overrideAboveRecommendation: Bool
  /// Whether a new cohort opens only after the decision on the previous one is confirmed or
  /// overridden (default `true`; time-to-event designs relax it).
  public var cohortsWaitForDecision: Bool

  public init(
    replaceNotEvaluable: Bool = true, overrideAboveRecommendation: Bool = false,
    cohortsWaitForDecision: Bool = true
  ) {
    self.replaceNotEvaluable = replaceNotEvaluable
    self.overrideAboveRecommendation = overrideAboveRecommendation
    self.cohortsWaitForDecision = cohortsWaitForDecision
  }

  private enum CodingKeys: String, CodingKey {
    case replaceNotEvaluable, overrideAboveRecommendation, cohortsWaitForDecision
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let defaults = ConductSettings()
    replaceNotEvaluable =
      try c.decodeIfPresent(Bool.self, forKey: .replaceNotEvaluable) ?? defaults.replaceNotEvaluable
    overrideAboveRecommendation =
      try c.decodeIfPresent(Bool.self, forKey: .overrideAboveRecommendation)
      ?? defaults.overrideAboveRecommendation
    cohortsWaitForDecision =
      try c.decodeIfPresent(Bool.self, forKey: .cohortsWaitForDecision) ?? defaults.cohortsWaitForDecision
  }
}
