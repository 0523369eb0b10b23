/// A cohort of a group: the subjects treated together at one level before the next decision.
public struct Cohort: Sendable, Hashable, Codable {
  /// Where a cohort is in its course.
  public enum Status: String, Sendable, Hashable, Codable {
    /// It has free slots.
    case enrolling
    /// Full; some members' DLT outcomes are not yet known.
    case inDLTWindow
    /// The DLT outcomes decide the design's recommendation; it awaits confirmation or override.
    case awaitingDecision
    /// The recommendation was confirmed or overridden.
    case decided
  }

  /// 1, 2, … within the group.
  public var number: Int
  public var level: Int
  /// How many subjects the cohort takes.
  public var size: Int
  /// Subjects who count toward the cohort, in enrolment order.
  public var members: [String]
  /// Subjects who left the cohort before they could be evaluated, and were replaced.
  public var replaced: [String]
  public var status: Status

  /// Slots still open.
  public var freeSlots: Int { max(0, size - members.count) }
}
