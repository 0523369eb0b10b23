import Analysis
import Assessment
import TrialModel

/// One subject's best overall response, as `response` prints it and the server returns it.
public struct SubjectResponseSummary: Sendable, Encodable {
  public var subject: String?
  public var bestResponse: ResponseCategory?
  public var status: ResponseStatus
  public var responder: Bool
  public var mrdNegativeRemission: Bool
  public var reason: String
  public var decidingAssessments: [AssessedResponse]
  public var assessments: [AssessedResponse]
  public var windowDays: Int
  public var durabilityDays: Int
  /// Assumed settings (a single subject's answer; a cohort's lists them once).
  public var assumptions: [Assumption]?

  public init(subject: String?, _ result: BestOverallResponse, assumptions: [Assumption]? = nil) {
    self.subject = subject
    bestResponse = result.bestResponse
    status = result.status
    responder = result.responder
    mrdNegativeRemission = result.mrdNegativeRemission
    reason = result.reason
    decidingAssessments = result.decidingAssessments
    assessments = result.assessments
    windowDays = result.windowDays
    durabilityDays = result.durabilityDays
    self.assumptions = assumptions
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
