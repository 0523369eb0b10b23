import Foundation

/// One population group of a running trial: whether it enrols, at which level, its cohorts and
/// the design's latest recommendation.
public struct GroupState: Sendable, Hashable {
  /// Whether the group enrols.
  public enum Opening: Sendable, Hashable {
    /// Waiting to open (e.g. until another group clears a level), and why.
    case waiting(String)
    case open
    /// No more enrolment, and why (the design stopped, the sample size is reached).
    case closed(String)
  }

  /// A confirmed or overridden recommendation.
  public struct Decision: Sendable, Hashable {
    public var cohort: Int
    /// The level the next cohort goes to (`nil`: the group stops).
    public var level: Int?
    /// The override's reason; `nil` when the recommendation was confirmed.
    public var overrideReason: String?
    /// The recommendation decided on.
    public var recommendation: RecommendationMade
    /// The decision's event, the printed name of who decided, and when.
    public var sequence: Int
    public var decidedBy: String
    public var decidedAt: Date
  }

  public var id: String
  public var label: String
  public var opening: Opening
  /// The level the next enrolment goes to.
  public var currentLevel: Int
  public var cohorts: [Cohort]
  /// Levels the design has eliminated (never assigned again).
  public var eliminated: [Int]
  /// The latest recommendation recorded, confirmed or not.
  public var recommendation: RecommendationMade?
  public var decisions: [Decision]
  /// Set when a confirmed decision stops the group.
  public var stopReason: String?

  /// The recommendation that awaits confirmation or override, if any.
  public var pendingRecommendation: RecommendationMade? {
    guard let recommendation, !decisions.contains(where: { $0.cohort == recommendation.cohort }) else {
      return nil
    }
    return recommendation
  }
}
