/// A time-to-event endpoint as a small set of rules: origin, which facts are events, how
/// transplant and treatment failure count, and where follow-up ends.
///
/// ELIANA-style rules (Maude et al., NEJM 2018); every default is recalled [R] (the ELIANA and
/// Kymriah label definitions could not be confirmed), so every rule is a setting.
public struct EndpointDefinition: Sendable, Hashable, Codable {
  /// Where time 0 is.
  public enum Origin: String, Sendable, Hashable, Codable {
    case infusion, enrolment, firstResponse = "first-response"
  }
  /// Which deaths are events.
  public enum DeathRule: String, Sendable, Hashable, Codable {
    /// No death is an event (deaths end follow-up as a censoring).
    case none
    /// Death from any cause.
    case anyCause = "any-cause"
    /// Only deaths due to the disease; other deaths are censored (DOR, ELIANA-style).
    case diseaseOnly = "disease-only"
  }
  /// How allogeneic HSCT / new anticancer therapy is handled.
  public enum TransplantRule: String, Sendable, Hashable, Codable {
    /// Ignored: follow-up continues.
    case ignore
    /// Censored at the transplant date.
    case censor
    /// The transplant is an event.
    case event
  }
  /// The date given to a treatment failure (no CR/CRi by the response window).
  public enum FailureDate: String, Sendable, Hashable, Codable {
    /// Day 0 (the origin).
    case origin
    /// The date of the assessment that closed the response window.
    case assessment
  }
  /// The last date of follow-up for censored subjects.
  public enum FollowUp: String, Sendable, Hashable, Codable {
    case lastAssessment = "last-assessment"
    case lastKnownAlive = "last-known-alive"
  }

  /// Endpoint name, e.g. "EFS".
  public var name: String
  public var origin: Origin
  public var deaths: DeathRule
  /// Whether relapse is an event.
  public var relapseIsEvent: Bool
  /// Whether treatment failure is an event (nil = not), and its date.
  public var treatmentFailure: FailureDate?
  public var transplant: TransplantRule
  public var followUp: FollowUp
  /// Only responders (those with a first CR/CRi) are evaluable.
  public var respondersOnly: Bool

  public init(
    name: String, origin: Origin, deaths: DeathRule, relapseIsEvent: Bool,
    treatmentFailure: FailureDate?, transplant: TransplantRule, followUp: FollowUp, respondersOnly: Bool
  ) {
    self.name = name
    self.origin = origin
    self.deaths = deaths
    self.relapseIsEvent = relapseIsEvent
    self.treatmentFailure = treatmentFailure
    self.transplant = transplant
    self.followUp = followUp
    self.respondersOnly = respondersOnly
  }

  /// Overall survival: death from any cause; censored when last known alive. [R]
  public static let overallSurvival = EndpointDefinition(
    name: "OS", origin: .infusion, deaths: .anyCause, relapseIsEvent: false, treatmentFailure: nil,
    transplant: .ignore, followUp: .lastKnownAlive, respondersOnly: false)
  /// Event-free survival: death, relapse or treatment failure (dated day 0); censored at the last
  /// assessment. [R]
  public static let eventFreeSurvival = EndpointDefinition(
    name: "EFS", origin: .infusion, deaths: .anyCause, relapseIsEvent: true, treatmentFailure: .origin,
    transplant: .ignore, followUp: .lastAssessment, respondersOnly: false)
  /// Duration of response (responders, from first CR/CRi): relapse or death due to ALL; other
  /// deaths censored (ELIANA-style). [R]
  public static let durationOfResponse = EndpointDefinition(
    name: "DOR", origin: .firstResponse, deaths: .diseaseOnly, relapseIsEvent: true, treatmentFailure: nil,
    transplant: .ignore, followUp: .lastAssessment, respondersOnly: true)
  /// Relapse-free survival (responders, from CR/CRi): relapse or death from any cause. [R]
  public static let relapseFreeSurvival = EndpointDefinition(
    name: "RFS", origin: .firstResponse, deaths: .anyCause, relapseIsEvent: true, treatmentFailure: nil,
    transplant: .ignore, followUp: .lastAssessment, respondersOnly: true)
}
