/// The DLT verdict for one subject.
public enum DLTVerdict: String, Sendable, Hashable, Codable {
  /// A DLT rule is met.
  case dlt
  /// The window has closed with no rule met.
  case noDlt
  /// The window (or a persistence window) is still open and no rule is met yet.
  case pending
  /// The subject cannot be counted (left early, not dosed, missing assessments).
  case notEvaluable
}

/// How one toxicity episode fared against one rule.
public enum DLTFindingStatus: String, Sendable, Hashable, Codable {
  /// The rule is met.
  case dlt
  /// The persistence window is still open.
  case pending
  /// No assessment can tell whether the rule is met.
  case undetermined
  /// The toxicity improved in time, so the rule is not met.
  case resolved
  /// The event matched the rule but an exclusion applies.
  case excluded
}

/// One toxicity episode judged by one rule, naming the events that decided it.
public struct DLTFinding: Sendable, Hashable, Codable {
  public var rule: String
  public var status: DLTFindingStatus
  /// The onset event first, then the event that decided persistence or resolution.
  public var events: [GradedEvent]
  public var explanation: String
}

/// The adjudication of one subject over its assessments within the DLT window.
public struct DLTAdjudication: Sendable, Hashable, Codable {
  public var verdict: DLTVerdict
  /// One line saying why.
  public var reason: String
  /// The findings that decided the verdict (DLTs, pending or undetermined episodes).
  public var decidingEvents: [DLTFinding]
  /// Every finding, including resolved and excluded episodes.
  public var findings: [DLTFinding]
  public var windowDays: Int
  /// The last day the record covers.
  public var observedThroughDay: Double
}
