import Analysis
import Assessment
import TrialModel

/// One subject's best overall response, as `response` prints it and the server returns it: the
/// subject id beside the fields of ``Assessment/BestOverallResponse``, written flat.
public struct SubjectResponseSummary: Sendable, Encodable {
  public var subject: String?
  public var response: BestOverallResponse
  /// Assumed settings (a single subject's answer; a cohort's lists them once).
  public var assumptions: [Assumption]?

  public init(subject: String?, _ response: BestOverallResponse, assumptions: [Assumption]? = nil) {
    self.subject = subject
    self.response = response
    self.assumptions = assumptions
  }

  enum Keys: String, CodingKey { case subject, assumptions }

  public func encode(to encoder: any Encoder) throws {
    try response.encode(to: encoder)
    var c = encoder.container(keyedBy: Keys.self)
    try c.encodeIfPresent(subject, forKey: .subject)
    try c.encodeIfPresent(assumptions, forKey: .assumptions)
  }
}

/// The overall remission rate (CR + CRi) of a set of subjects with its exact Clopper–Pearson 95%
/// interval (Clopper & Pearson, Biometrika 1934).
public struct ObjectiveResponseSummary: Sendable, Encodable {
  public var counts: ObjectiveResponseCounts
  public var estimate: Double
  public var lower: Double
  public var upper: Double
  public var level: Double
  public var method = "Clopper–Pearson exact"

  /// The ORR of `results`; `nil` for no subjects.
  public init?(_ results: [BestOverallResponse]) {
    let counts = ObjectiveResponseCounts(results)
    guard counts.subjects > 0 else { return nil }
    let ci = ProportionInterval.clopperPearson(successes: counts.responders, trials: counts.subjects)
    self.counts = counts
    estimate = ci.estimate
    lower = ci.lower
    upper = ci.upper
    level = ci.level
  }
}

/// Several subjects' responses with their ORR and the assumed settings, listed once.
public struct CohortResponseSummary: Sendable, Encodable {
  public var subjects: [SubjectResponseSummary]
  public var orr: ObjectiveResponseSummary
  public var assumptions: [Assumption]

  public init(subjects: [SubjectResponseSummary], orr: ObjectiveResponseSummary, assumptions: [Assumption]) {
    self.subjects = subjects
    self.orr = orr
    self.assumptions = assumptions
  }
}
